"""Imported pages pass the admin's own rules before they are saved: a block its rules refuse is
taken out with a report entry at its line; a refused typed field fails the doc and saves nothing."""

import json

from wagtail.models import Revision

import pytest

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.validation import PageInvalid, validate_page
from pages.importers.docusaurus.writer import Importer
from pages.models import SectionPage

pytestmark = pytest.mark.django_db

CONFIG = "export default {title: 'Site', url: 'https://exemple.org', baseUrl: '/'};\n"


def _site(tmp_path, body):
    (tmp_path / "docusaurus.config.js").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.mdx").write_text(body, encoding="utf-8")
    return tmp_path


def test_a_block_its_rules_refuse_is_taken_out_with_its_line_and_the_rest_imports(site_tree, role_users, tmp_path):
    site = _site(tmp_path, "---\ntitle: Cartes\n---\n\nAvant.\n\n"
                           '<CardGrid items={[{title: "Carte", link: "https://exa mple.org/x"}]} />\n\nAprès.\n')
    report = Importer(build_plan(site), user=role_users["Révision"], publish=True).run()
    assert report.failed == []
    entry = next(e for e in report.entries if e.code == "block_invalid")
    assert entry.where == "docs/page.mdx:7" and entry.level == "warning"
    assert "card_grid" in entry.message and "URL" in entry.message
    page = SectionPage.objects.get(source_path="docs/page.mdx")
    body = page.body.get_prep_value()
    assert [b["type"] for b in body] == ["paragraph", "paragraph"]
    assert "Avant." in body[0]["value"] and "Après." in body[1]["value"]
    assert page.live


def test_validate_page_cleans_every_stream_block_and_refuses_a_bad_typed_field(site_tree):
    page = SectionPage.objects.get(pk=site_tree.sections["espaces"].pk)
    field = page._meta.get_field("body")
    page.body = field.to_python(json.dumps([
        {"type": "paragraph", "value": "<p>Bon</p>", "id": "a"},
        {"type": "embed", "value": {"url": "https://pirate.example/x", "title": "Cadre", "height": None}, "id": "b"},
    ]))
    removed = []
    validate_page(page, {"b": 12}, lambda line, message: removed.append((line, message)))
    assert [b.block_type for b in page.body] == ["paragraph"]
    assert removed and removed[0][0] == 12 and "embed" in removed[0][1]

    page.title = ""
    with pytest.raises(PageInvalid) as invalid:
        validate_page(page, {}, lambda *args: None)
    assert "title" in invalid.value.fields


def test_a_page_with_a_refused_typed_field_saves_no_revision(site_tree, role_users, tmp_path):
    site = _site(tmp_path, "---\ntitle: Salle\npage_type: space\ncapacity: 100000000000000000000000\n---\n\nTexte.\n")
    revisions = Revision.objects.count()
    report = Importer(build_plan(site), user=role_users["Révision"], publish=True).run()
    assert [o.source for o in report.failed] == ["docs/page.mdx"]
    entry = next(e for e in report.entries if e.code == "page_invalid")
    assert entry.where == "docs/page.mdx:4" and "capacity" in entry.message
    assert Revision.objects.count() == revisions
