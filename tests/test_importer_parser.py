"""Docusaurus Markdown/MDX parsing: front matter, MDX, admonitions, line numbers (no database)."""

from pathlib import Path

from pages.importers.docusaurus.jsx import AssetRef, Expression, JsxNode
from pages.importers.docusaurus.parser import (
    admonition_parts,
    front_matter_value,
    parse_file,
    parse_text,
)

CONSTRUCTS = Path(__file__).parent / "fixtures" / "docusaurus" / "constructs"


def parse(name):
    return parse_file(CONSTRUCTS / name, CONSTRUCTS)


def nodes(doc, node_type):
    found = []

    def walk(node):
        if node.type == node_type:
            found.append(node)
        for child in node.children:
            walk(child)

    walk(doc.tree)
    return found


def test_front_matter_variants_are_all_kept_and_found():
    doc = parse("front-matter-variants.md")
    assert doc.front_matter["id"] == "ma-page"
    assert front_matter_value(doc.front_matter, "title", "titre") == "Mon titre"
    assert front_matter_value(doc.front_matter, "description") == "Une description."
    assert doc.front_matter["help"] == "crea" and doc.front_matter["draft"] is True
    assert doc.front_matter_lines["Description"] == 4


def test_invalid_front_matter_is_reported_and_read_line_by_line():
    doc = parse("front-matter-invalid.md")
    assert [p.code for p in doc.problems] == ["front_matter_invalid"]
    assert doc.problems[0].line == 2
    assert doc.front_matter["title"] == "Deux points: dans le titre"


def test_windows_line_endings_do_not_hide_the_front_matter():
    doc = parse_text("---\r\ntitle: Fenêtres\r\n---\r\n\r\nTexte.\r\n", "crlf.md")
    assert doc.front_matter == {"title": "Fenêtres"}


def test_admonitions_keep_their_kind_title_and_line():
    doc = parse("admonitions.md")
    containers = nodes(doc, "container_admonition")
    assert [admonition_parts(c.info) for c in containers] == [
        ("note", ""), ("tip", "Astuce du jour"), ("caution", "Prudence"), ("tips", "")]
    assert [c.map[0] + 1 for c in containers] == [1, 5, 9, 13]


def test_indented_children_of_mdx_components_are_markdown_not_code():
    doc = parse("tabs.mdx")
    assert not nodes(doc, "code_block")
    items = [n for n in nodes(doc, "jsx") if n.meta["tag"].name == "TabItem"]
    assert [i.meta["tag"].attrs["label"] for i in items] == ["Windows", "macOS 13", "macOS"] or \
        sorted(i.meta["tag"].attrs["label"] for i in items) == ["Windows", "macOS", "macOS 13"]
    windows = next(i for i in items if i.meta["tag"].attrs["label"] == "Windows")
    assert [c.type for c in windows.children] == ["ordered_list", "container_admonition"]


def test_esm_import_lines_are_recorded_and_are_not_content():
    doc = parse("tabs.mdx")
    assert doc.imports == {"Tabs": "@theme/Tabs", "TabItem": "@theme/TabItem"}
    assert [n.type for n in doc.tree.children][:2] == ["mdx_esm", "jsx"]


def test_component_props_are_evaluated_statically():
    doc = parse("cards-and-live-data.mdx")
    grid, dispo, postes, card = (n.meta["tag"] for n in nodes(doc, "jsx"))
    assert grid.name == "CardGrid" and grid.attrs["items"][0]["title"] == "Studio"
    assert dispo.attrs == {"label": "Aménagement", "oclc": "1472198755"}
    assert postes.attrs == {"zone": "Stata"}
    assert isinstance(card.attrs["location"], JsxNode)  # a fragment with an apostrophe inside


def test_unknown_expressions_are_kept_as_source_text():
    doc = parse("unknown-component.mdx")
    tag = nodes(doc, "jsx")[0].meta["tag"]
    assert tag.attrs["images"] == Expression("projets")
    assert nodes(doc, "jsx")[0].map[0] + 1 == 3


def test_require_and_front_matter_references_resolve():
    doc = parse_text("---\nimage: /img/a.png\n---\n\n<img src={useBaseUrl(frontMatter.image)} alt=\"A\" />\n\n"
                     "<img src={require('./b.png').default} />\n", "x.mdx")
    first, second = (n.meta["tag"] for n in nodes(doc, "jsx"))
    assert first.attrs["src"] == AssetRef("/img/a.png")
    assert second.attrs["src"] == AssetRef("./b.png")



def test_modern_javascript_and_bare_ampersands_in_jsx_are_read_as_written():
    # `??`/`?.`, fragments, and a bare `&` in JSX text or attribute strings are valid JSX: each card keeps
    # its link and text, where they used to become unread source text.
    doc = parse_text('<CardGrid items={[{title: "Toi & moi", link: frontMatter?.x ?? "/a"}]} />\n\n'
                     '<Card location={<>Pavillon &amp; salle <a href="https://x.ca/?g=1&p=2">B & C</a></>} />\n',
                     "x.mdx")
    grid, card = (n.meta["tag"] for n in nodes(doc, "jsx"))
    assert grid.attrs["items"][0]["title"] == "Toi & moi"
    assert grid.attrs["items"][0]["link"] == Expression('frontMatter?.x ?? "/a"')
    location = card.attrs["location"]
    assert isinstance(location, JsxNode) and location.name == ""
    assert location.children[0] == "Pavillon & salle "
    link = location.children[1]
    assert (link.name, link.attrs, link.children) == ("a", {"href": "https://x.ca/?g=1&p=2"}, ["B & C"])

def test_inline_html_and_components_stay_in_their_paragraph():
    doc = parse_text("Appuyer sur <kbd>Ctrl</kbd> puis saisir <CopyToClipboardButton text=\"https://x.org\"/>.\n", "x.md")
    assert [n.type for n in doc.tree.children] == ["paragraph"]
    assert [n.meta["tag"].name for n in nodes(doc, "jsx_inline")] == ["kbd", "kbd", "CopyToClipboardButton"]


def test_a_component_on_the_line_after_a_paragraph_starts_a_new_block():
    doc = parse_text("**Tutoriel vidéo**  \n<iframe\n  src=\"https://www.youtube.com/embed/x\"\n/>\n", "x.md")
    assert [n.type for n in doc.tree.children] == ["paragraph", "jsx"]


def test_math_is_parsed_only_when_the_site_enables_it():
    assert nodes(parse_text("$$\nx^2\n$$\n", "m.md", math=True), "math_block")
    assert not nodes(parse_text("Prix : 5 $ et 10 $.\n", "m.md", math=True), "math_inline")
    assert not nodes(parse_text("$$\nx^2\n$$\n", "m.md"), "math_block")
