"""Rich text keeps only the markup each field allows, and only accepted platforms are framed: through
the admin form, the Docusaurus importer and Wagtail's oEmbed look-ups."""

import json
import re
import shutil
from html import unescape
from pathlib import Path

from django.apps import apps
from django.utils import translation

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.embeds.finders import get_finders
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import streamfield

import pytest

from pages.blocks.media import EmbedBlock, VideoBlock
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage
from tests import upload_samples as samples
from tests.editorial import edit_url, space_form

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _french():
    """The messages are checked in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
# Markup that would run or frame something (escaped text such as "&lt;b onmouseover=…" is harmless).
HOSTILE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"<script[^>]*>\s*alert",
        r"<[a-z]+\s[^>]*\bon[a-z]+\s*=",
        r"href=\"\s*javascript:",
        r"<iframe[^>]*src=\"https://evil",
    )
]


def _rich_text_blocks(block, path):
    if isinstance(block, blocks.RichTextBlock):
        yield path, block
    for name, child in getattr(block, "child_blocks", {}).items():
        yield from _rich_text_blocks(child, f"{path}.{name}")
    child = getattr(block, "child_block", None)
    if child is not None:
        yield from _rich_text_blocks(child, f"{path}[]")


def _all_blocks(block):
    yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from _all_blocks(child)
    if getattr(block, "child_block", None) is not None:
        yield from _all_blocks(block.child_block)


def _page_models():
    return [
        m
        for m in apps.get_models()
        if issubclass(m, Page) and m._meta.app_label in ("pages", "home")
    ]


def test_every_rich_text_lists_its_features_and_none_takes_raw_html_or_oembed():
    seen = 0
    for model in _page_models():
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField):
                seen += 1
                assert field.features, f"{model.__name__}.{field.name} has no explicit features"
                assert "embed" not in field.features
            if isinstance(field, StreamField):
                assert not any(
                    isinstance(b, blocks.RawHTMLBlock) for b in _all_blocks(field.stream_block)
                )
                for path, block in _rich_text_blocks(
                    field.stream_block, f"{model.__name__}.{field.name}"
                ):
                    seen += 1
                    assert block.features, f"{path} has no explicit features"
                    assert "embed" not in block.features
    assert seen > 10


@pytest.mark.parametrize(
    ("block", "value"),
    [
        (EmbedBlock(), {"url": "https://evil.example/steal", "title": "Piège", "height": None}),
        (
            VideoBlock(),
            {
                "title": "Piège",
                "video_file": None,
                "url": "https://www.dailymotion.com/video/x1",
                "transcript": "",
            },
        ),
        (
            VideoBlock(),
            {
                "title": "Piège",
                "video_file": None,
                "url": "https://youtube.com.evil.example/embed/x",
                "transcript": "",
            },
        ),
    ],
)
def test_a_block_refuses_a_platform_that_is_not_accepted(block, value):
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python(value))
    message = " ".join(raised.value.block_errors["url"].messages)
    assert "n'est pas une plateforme acceptée" in message and "youtube.com" in message


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=abc",
        "https://youtu.be/abc",
        "https://vimeo.com/123456",
        "https://www.youtube-nocookie.com/embed/abc",
        "https://classe.iro.umontreal.ca/videos/embed/7967ad16",
    ],
)
def test_a_video_on_an_accepted_platform_is_kept(url):
    block = VideoBlock()
    value = block.clean(
        block.to_python({"title": "Démo", "video_file": None, "url": url, "transcript": ""})
    )
    assert value["url"] == url


def test_oembed_look_ups_only_ask_the_accepted_providers():
    finders = get_finders()
    assert any(f.accept("https://www.youtube.com/watch?v=abc") for f in finders)
    assert any(f.accept("https://classe.iro.umontreal.ca/w/abc") for f in finders)
    for url in (
        "https://evil.example/x",
        "https://www.dailymotion.com/video/x1",
        "http://127.0.0.1:6379/",
    ):
        assert not any(f.accept(url) for f in finders), url


def test_the_admin_form_refuses_an_embed_on_another_platform(client, site_tree, admin_user):
    client.force_login(admin_user)
    space = site_tree.space_fr
    revisions = space.revisions.count()
    embed = {"url": "https://evil.example/x", "title": "Piège", "height": ""}
    response = client.post(
        edit_url(space), space_form(space.title, space.slug, body=streamfield([("embed", embed)]))
    )
    assert response.status_code == 200
    errors = json.dumps(
        response.context["form"].errors.as_data()["body"][0].as_json_data(), ensure_ascii=False
    )
    assert "« evil.example » n'est pas une plateforme acceptée" in errors
    assert space.revisions.count() == revisions


def test_hostile_rich_text_from_the_admin_form_is_stored_clean(client, site_tree, admin_user):
    """Draftail sends content state: a javascript: link and markup typed as text must not survive."""
    client.force_login(admin_user)
    space = site_tree.space_fr
    text = "<script>alert(1)</script> clic"
    state = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": text.index("clic"), "length": 4, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(1)"}}
        },
    }
    data = space_form(space.title, space.slug, body=streamfield([("paragraph", json.dumps(state))]))
    response = client.post(edit_url(space), data)
    assert response.status_code == 302, unescape(response.content.decode())[:2000]
    space.refresh_from_db()
    stored = space.get_latest_revision_as_object().body[0].value.source
    assert "clic" in stored and "&lt;script&gt;" in stored
    assert "<script" not in stored and "javascript:" not in stored


@pytest.fixture
def hostile_site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(MINISITE / "docusaurus.config.js", root)
    shutil.copy(MINISITE / "sidebars.js", root)
    (root / "docs" / "img").mkdir(parents=True)
    (root / "docs" / "piege.md").write_text(
        "---\ntitle: Page piégée\n---\n\n"
        '<p onclick="alert(1)">Bonjour <b onmouseover="alert(2)">à tous</b></p>\n\n'
        "<script>alert(3)</script>\n\n"
        '[clic](javascript:alert(4)) et <a href="javascript:alert(5)">lien</a>\n\n'
        '<img src="x" onerror="alert(6)" />\n\n'
        '<iframe src="https://evil.example/embed/1" title="Lecteur piégé"></iframe>\n\n'
        '<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Tutoriel"></iframe>\n',
        encoding="utf-8",
    )
    (root / "docs" / "fausse-image.md").write_text(
        "---\ntitle: Fausse image\n---\n\nTexte.\n\n![Plan](./img/plan.png)\n", encoding="utf-8"
    )
    (root / "docs" / "img" / "plan.png").write_bytes(samples.HTML)
    (root / "docs" / "faux-pdf.md").write_text(
        "---\ntitle: Faux PDF\n---\n\nLe [manuel](./img/manuel.pdf).\n", encoding="utf-8"
    )
    (root / "docs" / "img" / "manuel.pdf").write_bytes(samples.WINDOWS_EXE)
    return root


def test_the_importer_stores_no_script_frames_only_accepted_platforms_and_reports_the_rest(
    client, site_tree, admin_user, hostile_site
):
    report = Importer(build_plan(hostile_site), user=admin_user, publish=True).run()
    page = imported("docs/piege.md")
    stored = "".join(
        block["value"] for block in page.body.raw_data if isinstance(block["value"], str)
    )
    html = client.get(page.url).content.decode()
    for pattern in HOSTILE:
        assert not pattern.search(stored), pattern
        assert not pattern.search(html), pattern
    assert "Bonjour" in html and "https://www.youtube-nocookie.com/embed/abc" in html
    # The refused player stays as a link, and the report says where it was.
    assert 'href="https://evil.example/embed/1"' in html
    entry = next(e for e in report.entries if e.code == "embed_not_allowed")
    assert entry.file == "docs/piege.md" and entry.line == 13
    # A disguised file costs only itself: its doc imports, the report says where and what it is.
    assert not [e for e in report.entries if e.level == "error"]
    refused = {e.file: e for e in report.entries if e.code in ("image_refused", "file_refused")}
    image = refused["docs/fausse-image.md"]
    assert image.code == "image_refused" and image.line == 7 and image.level == "warning"
    assert "« plan.png » n'est pas une image PNG : son contenu est du HTML" in image.message
    document = refused["docs/faux-pdf.md"]
    assert (
        document.code == "file_refused"
        and "« manuel.pdf » n'est pas un PDF : son contenu est un programme Windows"
        in document.message
    )
    assert imported("docs/fausse-image.md").live and imported("docs/faux-pdf.md").live
    assert "manuel" in str(imported("docs/faux-pdf.md").body)
    assert not get_image_model().objects.filter(file__contains="plan").exists()
    assert not get_document_model().objects.filter(file__contains="manuel").exists()


def imported(source):
    for model in (SectionPage, SpacePage, ToolGuidePage, MissionPage):
        page = model.objects.filter(source_path=source).first()
        if page is not None:
            return page
    return None
