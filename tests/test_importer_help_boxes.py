"""The `help` front matter's help card becomes one shared, translatable help box, placed by the
importer on every page that had it, and written once by editors."""

import html
import shutil
from pathlib import Path

from django.utils import translation

from wagtail.models import Locale

import pytest

from pages.blocks.body import BodyStreamBlock
from pages.help.models import HelpBox
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.models import SectionPage, SpacePage

from .test_importer_mapper import body, draft_text

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
CARD = """import React from 'react';
const VARIANTS = {
  info: { title: 'Nous sommes là pour vous aider', text: 'Besoin d’une assistance informatique? Notre équipe est disponible.', to: '/docs/intro' },
  crea: { title: 'Un projet créatif?', text: 'Notre équipe est là pour vous accompagner.', to: 'https://exemple.org/aide' },
};
export default function CardAide({ variant = 'info' }) { return null; }
"""


def _site(tmp_path, card=CARD):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    if card:
        (site / "src" / "components" / "CardAide").mkdir(parents=True)
        (site / "src" / "components" / "CardAide" / "index.jsx").write_text(card, encoding="utf-8")
    for rel in ("01-espaces/01-studio.md", "outils/imprimante.md"):
        doc = site / "docs" / rel
        doc.write_text(doc.read_text(encoding="utf-8").replace("---\n", "---\nhelp: crea\n", 1), encoding="utf-8")
    intro = site / "docs" / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8").replace("---\n", "---\nhelp : info\n", 1), encoding="utf-8")
    return site


def _import(site, user, **options):
    return Importer(build_plan(site), user=user, publish=True, **options).run()


def test_a_doc_with_help_ends_with_the_help_box_of_its_kind():
    d = draft_text("---\ntitle: Balado\nhelp: crea\n---\n\nTexte.\n")
    assert body(d)[-1]["type"] == "help_box" and body(d)[-1]["value"] == {"__help_box__": "crea"}
    assert "help_box" not in [b["type"] for b in body(draft_text("---\ntitle: Sans aide\n---\n\nTexte.\n"))]


def test_one_box_per_kind_is_shared_by_every_page_that_had_it(site_tree, role_users, tmp_path, client):
    site = _site(tmp_path)
    report = _import(site, role_users["Révision"])

    assert not report.failed
    crea, info = HelpBox.objects.get(name="crea"), HelpBox.objects.get(name="info")
    assert crea.locale.language_code == "fr" and crea.title == "Un projet créatif?"
    assert crea.text == "<p>Notre équipe est là pour vous accompagner.</p>" and crea.link_url == "https://exemple.org/aide"
    intro = SectionPage.objects.get(source_path="docs/intro.md")
    assert info.link_page_id == intro.pk
    studio = SpacePage.objects.get(source_path="docs/01-espaces/01-studio.md")
    assert studio.body[-1].block_type == "help_box" and studio.body[-1].value.pk == crea.pk
    page = client.get(studio.url).content.decode()
    assert "Un projet créatif?" in page and "Notre équipe est là pour vous accompagner." in page
    assert 'href="https://exemple.org/aide"' in page
    assert [e.code for e in report.entries].count("help_box_created") == 2


def test_a_box_edited_in_the_cms_is_what_every_page_shows_after_a_reimport(site_tree, role_users, tmp_path, client):
    site = _site(tmp_path)
    _import(site, role_users["Révision"])
    box = HelpBox.objects.get(name="crea")
    box.text = "<p>Écrivez-nous : creation@exemple.org.</p>"
    box.save()
    (site / "docs" / "01-espaces" / "01-studio.md").write_text(
        (site / "docs" / "01-espaces" / "01-studio.md").read_text(encoding="utf-8") + "\nUne phrase de plus.\n",
        encoding="utf-8")

    report = _import(site, role_users["Révision"])

    assert HelpBox.objects.filter(name="crea").count() == 1
    assert HelpBox.objects.get(name="crea").text == "<p>Écrivez-nous : creation@exemple.org.</p>"
    assert "help_box_created" not in [e.code for e in report.entries]
    studio = SpacePage.objects.get(source_path="docs/01-espaces/01-studio.md")
    page = client.get(studio.url).content.decode()
    assert "creation@exemple.org" in page and "Une phrase de plus." in page


def test_english_readers_get_the_translated_box(site_tree):
    box = HelpBox.objects.create(name="crea", locale=site_tree.fr, title="Un projet créatif?", text="<p>Écrivez-nous.</p>")
    english = box.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title, english.text = "A creative project?", "<p>Write to us.</p>"
    english.save()
    block = BodyStreamBlock().child_blocks["help_box"]
    with translation.override("en"):
        rendered = block.render(box)
    assert "A creative project?" in rendered and "Write to us." in rendered and "créatif" not in rendered


def test_a_kind_the_theme_does_not_describe_is_created_empty_and_reported(site_tree, role_users, tmp_path):
    site = _site(tmp_path, card=None)
    report = _import(site, role_users["Révision"])
    assert not report.failed
    assert HelpBox.objects.get(name="crea").text == ""
    assert "help_box_unknown" in [e.code for e in report.entries]


def test_a_dry_run_creates_no_box(site_tree, role_users, tmp_path):
    _import(_site(tmp_path), role_users["Révision"], dry_run=True)
    assert not HelpBox.objects.exists()


def test_editors_write_the_boxes_and_translators_may_only_change_them(site_tree, role_users, client):
    box = HelpBox.objects.create(name="info", locale=site_tree.fr, title="Nous sommes là", text="<p>Écrivez-nous.</p>")
    client.force_login(role_users["Rédaction"])
    listing = client.get("/admin/snippets/help/helpbox/")
    assert listing.status_code == 200 and "Nous sommes là" in listing.content.decode()
    assert "Encadrés d'aide" in html.unescape(listing.content.decode())
    assert client.get(f"/admin/snippets/help/helpbox/edit/{box.pk}/").status_code == 200
    client.force_login(role_users["Traduction"])
    assert client.get("/admin/snippets/help/helpbox/add/").status_code in (302, 403)


def test_readers_see_a_changed_box_at_once_even_from_the_page_cache(site_tree, client):
    box = HelpBox.objects.create(name="info", locale=site_tree.fr, title="Nous sommes là", text="<p>Avant.</p>")
    page = site_tree.space_fr
    page.body = [("help_box", box)]
    page.save_revision().publish()
    assert "Avant." in client.get(page.url).content.decode()
    assert "Avant." in client.get(page.url).content.decode()  # now from the page cache
    box.text = "<p>Après.</p>"
    box.save()
    assert "Après." in client.get(page.url).content.decode()
