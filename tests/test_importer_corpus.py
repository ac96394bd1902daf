"""End to end: the library's real Docusaurus pages (../shared/corpus/techno) imported into Wagtail.

Set DOCUSAURUS_CORPUS to use another copy. Skipped when the folder is absent.
"""

import os
import re
import shutil
from pathlib import Path

from django.conf import settings

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest

from pages.importers.docusaurus.parser import front_matter_value, parse_file
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

CORPUS = Path(os.environ.get("DOCUSAURUS_CORPUS") or settings.BASE_DIR.parent / "shared" / "corpus" / "techno")
MODELS = (SectionPage, SpacePage, ToolGuidePage, MissionPage)

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.django_db,
    pytest.mark.skipif(not (CORPUS / "docs").is_dir(),
                       reason=f"Docusaurus corpus not found at {CORPUS} (set DOCUSAURUS_CORPUS to its folder)"),
]


@pytest.fixture
def corpus(tmp_path):
    """The corpus plus one doc whose image file is broken (static/ is linked, not copied)."""
    root = tmp_path / "techno"
    root.mkdir()
    for name in ("docusaurus.config.js", "sidebars.js"):
        shutil.copy(CORPUS / name, root / name)
    shutil.copytree(CORPUS / "docs", root / "docs")
    (root / "static").symlink_to(CORPUS / "static")
    (root / "docs" / "casse.png").write_bytes(b"this is not a picture")
    (root / "docs" / "casse-test.md").write_text("---\ntitle: Page cassée\n---\n\nTexte.\n\n![Plan](./casse.png)\n",
                                                 encoding="utf-8")
    return root


def imported_pages():
    pages = []
    for model in MODELS:
        pages.extend(model.objects.filter(source_path__startswith="docs/"))
    return pages


def rich_texts(value):
    """Every string inside a page's field values and stream data."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from rich_texts(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from rich_texts(inner)


def stream_data(page):
    data = {}
    for field in page._meta.get_fields():
        if hasattr(field, "stream_block"):
            data[field.name] = getattr(page, field.name).get_prep_value()
        elif field.get_internal_type() == "TextField" or field.__class__.__name__ == "RichTextField":
            data[field.name] = getattr(page, field.name)
    return data


def test_the_whole_corpus_imports_with_its_tree_redirects_media_and_working_links(site_tree, admin_user, client, corpus):
    docs = sorted(p for p in (CORPUS / "docs").rglob("*") if p.suffix in (".md", ".mdx"))
    report = Importer(build_plan(corpus), user=admin_user, publish=True).run()

    # Every doc is a page, the one with a broken image too: the image is a warning, its alt text stays.
    assert report.failed == []
    refused = [e for e in report.entries if e.code == "image_refused"]
    assert [(e.where, e.level) for e in refused] == [("docs/casse-test.md:7", "warning")]
    pages = imported_pages()
    assert len(pages) == len(docs) + 1
    assert "Plan" in str(stream_data(next(p for p in pages if p.source_path == "docs/casse-test.md")))
    assert not get_image_model().objects.filter(title="Casse").exists()

    # Drafts are drafts, everything else is live.
    drafts = {p.relative_to(CORPUS / "docs").as_posix() for p in docs
              if front_matter_value(parse_file(p, CORPUS / "docs").front_matter, "draft") is True}
    assert drafts
    for page in pages:
        assert page.live is (page.source_path.removeprefix("docs/") not in drafts), page.source_path

    # The tree follows sidebars.js and reuses the existing sections.
    espaces = site_tree.sections["espaces"]
    assert SectionPage.objects.get(pk=espaces.pk).source_path == "docs/espaces/index.md"
    balado = SpacePage.objects.get(source_path="docs/espaces/studiosbalado.md")
    assert balado.get_parent().pk == espaces.pk
    guide = ToolGuidePage.objects.get(source_path="docs/espaces/guide/amphitheatre.md")
    assert guide.get_parent().specific.source_path == "docs/espaces/amphitheatre.md"
    assert not guide.show_in_menus  # hidden in the sidebar, reachable by URL
    bambu = ToolGuidePage.objects.get(source_path="docs/creatives/impression3d/bambu.md")
    assert bambu.get_parent().specific.source_path == "docs/creatives/impression3d.md"
    assert bambu.get_parent().get_parent().pk == site_tree.sections["creatives"].pk
    assert MissionPage.objects.get(source_path="docs/a-propos/mission.md").objectives
    rodecaster = ToolGuidePage.objects.get(source_path="docs/medias/rodecaster.md")
    # its intro, tip and warning come first: the steps stay after them, as a steps block of the body
    types = [b.block_type for b in rodecaster.body]
    assert types[:types.index("steps")] == ["paragraph", "callout", "callout"]
    assert len(rodecaster.body[types.index("steps")].value["steps"]) == 7

    # Every old URL answers with a permanent redirect to its page.
    for page in pages:
        redirects = Redirect.objects.filter(redirect_page=page)
        assert redirects.exists(), page.source_path
        for redirect in redirects:
            response = client.get(redirect.old_path)
            assert response.status_code == 301, redirect.old_path
            assert response["Location"].endswith(page.url or page.get_url_parts()[2]), redirect.old_path
    for page in pages:
        if page.live:
            assert client.get(page.url).status_code == 200, page.url

    # Images have alt text everywhere; documents exist; every link points at something real.
    image_ids, document_ids, page_ids = set(), set(), set()
    for page in pages:
        if getattr(page, "hero_image_id", None):
            assert page.hero_image_alt.strip()
        data = stream_data(page)
        for block in _blocks(data):
            if block["type"] == "image":
                assert block["value"]["alt"].strip(), page.source_path
                image_ids.add(block["value"]["image"])
            if block["type"] == "step" and block["value"]["image"]:
                assert block["value"]["image_alt"].strip(), page.source_path
                image_ids.add(block["value"]["image"])
        for text in rich_texts(data):
            for alt in re.findall(r'<embed[^>]*embedtype="image"[^>]*>', text):
                assert re.search(r'alt="[^"]+"', alt), (page.source_path, alt)
                image_ids.add(int(re.search(r'id="(\d+)"', alt).group(1)))
            page_ids.update(int(i) for i in re.findall(r'<a id="(\d+)" linktype="page"', text))
            document_ids.update(int(i) for i in re.findall(r'<a id="(\d+)" linktype="document"', text))
            for href in re.findall(r'href="([^"]*)"', text):
                assert href.startswith(("http://", "https://", "mailto:", "tel:", "#")), (page.source_path, href)
        for block in _blocks(data):
            if block["type"] == "item" and isinstance(block["value"], dict) and block["value"].get("page"):
                page_ids.add(block["value"]["page"])
    assert image_ids and page_ids and document_ids
    assert get_image_model().objects.filter(pk__in=image_ids).count() == len(image_ids)
    assert Page.objects.filter(pk__in=page_ids).count() == len(page_ids)
    assert get_document_model().objects.filter(pk__in=document_ids).count() == len(document_ids)
    assert get_document_model().objects.filter(file__contains="ATD1-introduction-antidote").exists()

    # What has no mapping is in the report, with its file and line.
    unmapped = [e for e in report.entries if e.code == "component_unmapped"]
    rich_media = ("Pano360", "PhotoCarousel", "InteractiveImage", "HeroDroitAuteur")
    assert not [e.message for e in unmapped if any(name in e.message for name in rich_media)]
    resolve = next(p for p in pages if p.source_path == "docs/medias/resolve.md")
    resolve = resolve.get_latest_revision_as_object()  # a draft: its content is in its revision
    assert [b.block_type for b in resolve.body].count("interactive_image") == 2
    assert any(e.code == "carousel_slides_unreadable" and e.file == "docs/espaces/studiosbalado.md" and e.line == 64
               for e in report.entries)
    assert all(e.line > 0 for e in report.entries if e.code in ("link_unresolved", "file_missing", "image_alt_missing"))
    assert any(e.code == "sidebar_missing_doc" and e.file == "sidebars.js" for e in report.entries)

    # Running again on the same source changes nothing.
    revisions = Revision.objects.count()
    again = Importer(build_plan(corpus), user=admin_user, publish=True).run()
    assert again.counts()["created"] == again.counts()["updated"] == 0
    assert len(again.unchanged) == len(report.created) + len(report.updated) + len(report.unchanged)
    assert Revision.objects.count() == revisions


def _blocks(value):
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            yield value
        for inner in value.values():
            yield from _blocks(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _blocks(inner)
