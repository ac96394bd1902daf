"""Media and list components, docs-root-relative links, and components a doc defines itself."""

import shutil

import pytest

from pages.importers.docusaurus.plan import build_plan

from .test_importer_mapper import CONSTRUCTS, body, codes, draft_text
from .test_importer_site_config import write


def blocks_of(d, block_type):
    return [b["value"] for b in body(d) if b["type"] == block_type]


def test_images_passed_as_mdx_imports_become_image_blocks():
    d = draft_text(
        "---\ntitle: Images\n---\n"
        "import thumbnail from './avec-alt.png';\n"
        "import Photo from '@theme/IdealImage';\n"
        "import ThemedImage from '@theme/ThemedImage';\n\n"
        "<Image img={thumbnail} alt=\"La vue du studio\" />\n\n"
        "<Photo img={require('./sans-alt.png')} alt=\"Le micro\" />\n\n"
        "<img src={require('./avec-alt.png').default} alt=\"Par require\" />\n\n"
        "<ThemedImage alt=\"Thème\" sources={{light: './sans-alt.png', dark: './avec-alt.png'}} />\n",
        name="images.mdx")
    images = [(v["image"]["__image__"].rsplit("/", 1)[-1], v["alt"]) for v in blocks_of(d, "image")]
    assert images == [("avec-alt.png", "La vue du studio"), ("sans-alt.png", "Le micro"),
                      ("avec-alt.png", "Par require"), ("sans-alt.png", "Thème")]
    assert not [c for c, _ in codes(d) if c in ("component_unmapped", "image_alt_missing")]


def test_an_image_whose_source_is_computed_is_reported_and_keeps_its_alt():
    d = draft_text("---\ntitle: X\n---\n\n<Image img={photos[0]} alt=\"Une photo\" />\n", name="calc.mdx")
    assert blocks_of(d, "image") == []
    assert ("component_unmapped", 5) in codes(d)
    assert "Une photo" in blocks_of(d, "paragraph")[0]


def test_lite_youtube_embed_becomes_a_video_block():
    d = draft_text(
        "---\ntitle: Vidéos\n---\nimport LiteYouTubeEmbed from 'react-lite-youtube-embed';\n\n"
        "## Démonstration\n\n"
        "<LiteYouTubeEmbed id=\"dQw4w9WgXcQ\" title=\"Prise en main\" />\n\n"
        "<LiteYouTubeEmbed id=\"PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG\" playlist />\n\n"
        "<LiteYouTubeEmbed id=\"javascript:alert(1)\" title=\"Piège\" />\n", name="videos.mdx")
    videos = [(v["title"], v["url"]) for v in blocks_of(d, "video")]
    assert videos == [
        ("Prise en main", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("Lecteur vidéo YouTube : Démonstration", "https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"),
    ]
    assert ("embed_title_missing", 10) in codes(d) and ("embed_invalid", 12) in codes(d)
    assert "Piège" in blocks_of(d, "paragraph")[-1]


def test_raw_html_lists_become_one_real_list():
    d = draft_text(
        "---\ntitle: Listes\n---\n\nAvant.\n\n"
        "<ul>\n  <li>Un <b>gras</b></li>\n  <li>Deux\n    <ol>\n      <li>Deux-un</li>\n    </ol>\n  </li>\n</ul>\n",
        name="listes.mdx")
    assert blocks_of(d, "paragraph") == [
        "<p>Avant.</p><ul><li>Un <b>gras</b></li><li>Deux<ol><li>Deux-un</li></ol></li></ul>"]
    assert not [c for c, _ in codes(d) if c in ("component_unmapped", "construct_unmapped")]


def test_a_component_the_doc_builds_from_imported_json_keeps_its_data_as_a_table():
    d = draft_text(
        "---\ntitle: Outils\n---\nimport outils from './outils.json';\nimport autres from './absent.json';\n\n"
        "export function Outils() {\n  return <ul>{outils.map((o) => <li>{o.outil}</li>)}</ul>;\n}\n\n"
        "export const Autres = () => autres.map((a) => a.nom);\n\n"
        "<Outils />\n\n<Autres />\n", name="outils.mdx")
    (table,) = blocks_of(d, "table")
    cells = [[c["value"] for c in row["value"]["cells"]] for row in table["rows"]]
    assert cells == [["<p>outil</p>", "<p>lieu</p>", "<p>places</p>"],
                     ["<p>Scie sauteuse</p>", "<p>Atelier</p>", "<p>2</p>"],
                     ["<p>Perceuse</p>", "<p>Labo</p>", ""]]
    local = [p for p in d.problems if p.code == "component_local_unmapped"]
    assert [(p.line, p.level) for p in local] == [(13, "warning"), (15, "warning")]
    assert "2 entrées en tableau" in local[0].message
    assert "données perdues : ./absent.json" in local[1].message


def test_a_relative_link_not_found_beside_the_doc_resolves_against_the_docs_root(tmp_path):
    write(tmp_path, {
        "docs/usage/guide.md": "# Guide\n\nVoir [le magasin](api/Store.md) et [l'absent](api/Absent.md).\n",
        "docs/api/Store.md": "# Store\n",
    })
    plan = build_plan(tmp_path)
    d = plan.draft(plan.node_for_doc("usage/guide.md"))
    text = blocks_of(d, "paragraph")[0]
    assert 'data-import-page="api/Store.md"' in text
    assert [c for c, _ in codes(d) if c == "link_unresolved"] == ["link_unresolved"]


@pytest.mark.django_db
def test_imported_media_components_reach_the_published_page(tmp_path, site_tree, admin_user, client):
    from pages.importers.docusaurus.writer import Importer
    from pages.models import SectionPage

    write(tmp_path, {
        "docs/media.mdx": "---\ntitle: Médias\n---\nimport vue from './vue.png';\n\n"
                          "<Image img={vue} alt=\"La vue\" />\n\n<LiteYouTubeEmbed id=\"dQw4w9WgXcQ\" title=\"Démo\" />\n\n"
                          "<ul>\n  <li>Premier</li>\n  <li>Second</li>\n</ul>\n",
    })
    shutil.copy(CONSTRUCTS / "avec-alt.png", tmp_path / "docs" / "vue.png")
    report = Importer(build_plan(tmp_path), user=admin_user, publish=True).run()
    assert report.ok
    page = SectionPage.objects.get(source_path="docs/media.mdx")
    assert [b.block_type for b in page.body] == ["image", "video", "paragraph"]
    html = client.get(page.url).content.decode()
    assert 'alt="La vue"' in html and "youtube-nocookie.com/embed/dQw4w9WgXcQ" in html
    assert "<li>Premier</li>" in html and "<li>Second</li>" in html


def test_theme_code_block_becomes_a_code_block():
    d = draft_text(
        "---\ntitle: Code\n---\nimport CodeBlock from '@theme/CodeBlock';\n\n"
        "<CodeBlock language=\"sh\" title=\"Dossier\">~/.config/app/TempData</CodeBlock>\n\n"
        "<CodeBlock language=\"kotlin\">\n{`val x = 1\nprintln(x)`}\n</CodeBlock>\n", name="code.mdx")
    assert [(v["language"], v["code"], v["caption"]) for v in blocks_of(d, "code")] == [
        ("bash", "~/.config/app/TempData", "Dossier"), ("kotlin", "val x = 1\nprintln(x)", "")]
    assert not [c for c, _ in codes(d) if c in ("component_unmapped", "construct_unmapped")]


def test_an_unknown_component_keeps_the_image_it_was_given_by_import():
    d = draft_text("---\ntitle: X\n---\nimport photo from './avec-alt.png';\n\n<CenteredImage src={photo} alt=\"Le studio\" />\n",
                   name="centre.mdx")
    assert [(v["image"]["__image__"].rsplit("/", 1)[-1], v["alt"]) for v in blocks_of(d, "image")] == [
        ("avec-alt.png", "Le studio")]
    unmapped = [p for p in d.problems if p.code == "component_unmapped"]
    assert len(unmapped) == 1 and "calculées" not in unmapped[0].message


def test_a_player_s_english_default_title_becomes_a_french_name_for_the_video():
    d = draft_text('## Calibrer la buse\n\n<iframe src="https://www.youtube.com/embed/abcdefgh" title="YouTube video player"></iframe>\n')
    video = next(b["value"] for b in body(d) if b["type"] == "video")
    assert video["title"] == "Lecteur vidéo YouTube : Calibrer la buse"
    assert "player" not in video["title"]
