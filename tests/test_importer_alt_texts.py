"""Images without alt text get one that describes them as well as the source allows (never the
heading above them), unique on the page, and editors find each guess in a report until they
rewrite it."""

import html
import shutil
from pathlib import Path

import pytest

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.models import SectionPage

from .test_importer_mapper import body, draft_text

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
SCREENSHOTS = """---
title: Imprimer
---

## Paramètres de notre impression

![](./sans-alt.png)

![](./sans-alt.png)

<figure>
  <img src="./sans-alt.png" />
  <figcaption>Le plateau après nettoyage</figcaption>
</figure>

![Buse encrassée](./avec-alt.png)
"""


def _alts(d):
    return [b["value"]["alt"] for b in body(d) if b["type"] == "image"]


def test_guessed_alts_never_repeat_the_heading_nor_each_other():
    d = draft_text(SCREENSHOTS, name="imprimer.md")
    alts = _alts(d)
    assert alts[3] == "Buse encrassée"
    assert alts[2] == "Le plateau après nettoyage"
    assert "Paramètres de notre impression" not in " ".join(alts)
    assert len(set(alts)) == 4
    assert [g["alt"] for g in d.guessed_alts] == alts[:3]
    assert all(g["line"] > 0 for g in d.guessed_alts)


def test_a_meaningful_file_name_describes_a_picture_and_a_camera_name_does_not():
    from pages.importers.docusaurus.image_refs import described_by_name

    assert described_by_name("img/plateau-bambu.png") == "Plateau bambu"
    assert described_by_name("img/IMG_2345.jpg") == ""
    assert described_by_name("Capture d’écran 2024-03-01 à 10.12.33.png") == ""
    assert described_by_name("3f2a9c1d77.png") == ""


@pytest.mark.django_db
def test_editors_work_through_the_guessed_alts_in_a_report(site_tree, role_users, tmp_path, client):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    shutil.copy(MINISITE / "static" / "img" / "studio.png", site / "docs" / "sans-alt.png")
    shutil.copy(MINISITE / "static" / "img" / "studio.png", site / "docs" / "avec-alt.png")
    (site / "docs" / "imprimer.md").write_text(SCREENSHOTS, encoding="utf-8")
    report = Importer(build_plan(site), user=role_users["Révision"], publish=True).run()
    assert not report.failed
    page = SectionPage.objects.get(source_path="docs/imprimer.md")

    client.force_login(role_users["Rédaction"])
    listing = html.unescape(client.get("/admin/reports/textes-alternatifs/").content.decode())
    assert "Textes alternatifs à revoir" in listing and "Imprimer" in listing
    assert "« Le plateau après nettoyage »" in listing and "Buse encrassée" not in listing

    # The editor describes every guessed image: the page leaves the report.
    page = page.get_latest_revision_as_object()
    raw = list(page.body.raw_data)
    for n, block in enumerate(b for b in raw if b["type"] == "image"):
        block["value"]["alt"] = f"Photo {n} décrite par la rédaction"
    page.body = list(raw)
    page.save_revision(user=role_users["Rédaction"])
    listing = html.unescape(client.get("/admin/reports/textes-alternatifs/").content.decode())
    assert "Imprimer" not in listing and f'data-page-id="{page.pk}"' not in listing
