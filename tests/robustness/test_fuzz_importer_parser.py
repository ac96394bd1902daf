"""The Docusaurus parser and mapper on arbitrary and broken input (no database).

Whatever a doc holds, parsing gives a tree and mapping gives a draft whose problems point at a
line of the file; no other exception escapes, and pathological nesting still finishes.
"""

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from pages.importers.docusaurus.mapper import Resolver, map_doc
from pages.importers.docusaurus.parser import parse_file, parse_front_matter, parse_text
from pages.importers.docusaurus.rules import MISSION, SECTION, SPACE, TOOL_GUIDE
from pages.importers.docusaurus.site import SiteConfig, doc_info

from .strategies import billion_laughs, front_matter_text, mdx_doc

ROOT = Path(__file__).resolve().parent.parent / "fixtures" / "docusaurus" / "constructs"
PAGE_TYPES = st.sampled_from([SECTION, SPACE, TOOL_GUIDE, MISSION])


def _resolver():
    return Resolver(SiteConfig(root=ROOT, docs_path=".", route_base_path="/"), {})


def _check_doc(raw, page_type, name="fuzz.mdx"):
    doc = parse_text(raw, name, ROOT / name)
    last_line = doc.raw.count("\n") + 1
    assert all(0 <= p.line <= last_line for p in doc.problems), [
        (p.code, p.line) for p in doc.problems
    ]
    info = doc_info(name, doc.front_matter)
    assert info.slug.startswith("/")
    draft = map_doc(doc, _resolver(), page_type, "fuzz", report_file=name)
    assert all(0 <= p.line <= last_line for p in draft.problems), [
        (p.code, p.line) for p in draft.problems
    ]
    assert all(p.code and p.message for p in draft.problems)
    return doc, draft


@given(raw=st.text(max_size=2000), page_type=PAGE_TYPES)
def test_any_text_parses_and_maps_without_an_unexpected_exception(raw, page_type):
    _check_doc(raw, page_type)


@given(raw=mdx_doc(), page_type=PAGE_TYPES)
@example(raw="---\nsidebar_position: 1" + "0" * 400 + "\n---\n\nTexte.\n", page_type=SECTION)
def test_mdx_shaped_text_parses_and_maps_without_an_unexpected_exception(raw, page_type):
    _check_doc(raw, page_type)


@given(data=st.binary(max_size=2000))
def test_random_bytes_in_a_file_are_read_and_parsed(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    path = folder / "brut.md"
    path.write_bytes(data)
    doc = parse_file(path, folder)
    assert doc.path == "brut.md"
    map_doc(doc, _resolver(), SECTION, "brut")


@given(text=front_matter_text())
def test_front_matter_gives_a_mapping_or_a_problem_on_its_first_line(text):
    data, lines, problems = parse_front_matter(text)
    assert isinstance(data, dict) and all(isinstance(k, str) for k in data)
    assert all(
        p.code == "front_matter_invalid" and p.line == 2 and "YAML" in p.message for p in problems
    )
    assert all(2 <= line <= 2 + text.count("\n") for line in lines.values())


@pytest.mark.parametrize(
    "yaml_text, expected",
    [
        ("- une\n- liste", "not a mapping"),
        ("titre: [non fermé", "YAML"),
        ("titre: *inconnue", "YAML"),
        ("a: &a [*a]\ntitle: *a", "alias"),
        (billion_laughs(), "alias"),
        # Regression: PyYAML raises ValueError, not YAMLError, on an impossible date, and the
        # whole doc failed to parse (pages/importers/docusaurus/parser.py, parse_front_matter).
        ("title: Titre\ndate: 2024-02-30", "day is out of range"),
        ("title: Titre\ndate: 0000-01-01", "year 0"),
    ],
)
def test_front_matter_that_is_not_a_plain_mapping_is_reported_with_its_line(yaml_text, expected):
    doc = parse_text(f"---\n{yaml_text}\n---\n\nTexte.\n", "docs/page.md")
    [problem] = [p for p in doc.problems if p.code == "front_matter_invalid"]
    assert problem.line == 2
    assert expected in problem.message
    draft = map_doc(doc, _resolver(), SECTION, "page")
    assert draft.title  # the line-by-line fallback still gives a title


@pytest.mark.parametrize(
    "front_matter",
    [
        "title: 2024-01-01\nslug: 2024-01-01\nsidebar_position: 2024-01-01",
        "title: [a, b]\nslug: {x: 1}\ntags: 42\ndraft: maybe\nsidebar_position: [1]",
        "title: ~\nslug: ~\nid: ~\nsidebar_position: .nan\ncapacity: .inf\nduration: -.inf",
        "title: 12\nid: 3.5\nslug: true\nsidebar_position: 1" + "0" * 400,
    ],
)
def test_front_matter_values_of_the_wrong_type_do_not_break_the_import(front_matter, tmp_path):
    from pages.importers.docusaurus.plan import build_plan

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text(
        f"---\n{front_matter}\n---\n\nTexte.\n", encoding="utf-8"
    )
    (tmp_path / "docs" / "autre.md").write_text("# Autre\n", encoding="utf-8")
    plan = build_plan(tmp_path)
    assert sorted(plan.docs) == ["autre.md", "page.md"]
    for node in plan.walk():
        plan.draft(node)


# Pathological nesting: each must simply finish (a quadratic scan took minutes here).
NESTED = {
    "unclosed_div_lines": "<div>\n" * 5000,
    "div_lines_one_close": "<div>\n" * 5000 + "</div>\n",
    "nested_div_lines": "<div>\n" * 5000 + "x\n" + "</div>\n" * 5000,
    "nested_inline_divs": "<div>" * 5000 + "x" + "</div>" * 5000,
    "quotes": ">" * 5000 + " x\n",
    "unclosed_admonitions": ":::note\n" * 5000,
    "tabs": "<Tabs>\n<TabItem value='a'>\n" * 2500 + "x\n" + "</TabItem>\n</Tabs>\n" * 2500,
    "braces": "{" * 5000 + "\n",
    "brackets": "[" * 5000 + "x" + "]" * 5000,
    "mixed": "<Tabs>\n<div>\n:::tip\n> <details>\n" * 1250,
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_pathological_nesting_finishes_and_reports_what_it_dropped(name):
    doc, draft = _check_doc(NESTED[name], SECTION, f"{name}.mdx")
    if name.startswith("unclosed_div"):
        assert sum(p.code == "jsx_unclosed" for p in draft.problems) >= 1


def test_an_inline_tag_alone_on_its_line_keeps_its_text():
    """Regression (found by the coverage-guided fuzzer): `<strong>…</strong>` alone on a line
    raised TypeError (`dict | set`, pages/importers/docusaurus/blocks.py, Flow.n_jsx) and the doc failed."""
    raw = 'Avant.\n\n<strong>Attention</strong>\n\n<a href="https://exemple.org">Lien</a>\n\n<b>\n\nGras *long*\n\n</b>\n'
    _doc, draft = _check_doc(raw, SECTION)
    assert draft.fields["body"][0]["value"] == (
        '<p>Avant.</p><p><b>Attention</b></p><p><a href="https://exemple.org">Lien</a></p>'
        "<p><b>Gras <i>long</i></b></p>"
    )


def test_a_malformed_ipv6_address_is_reported_not_a_crash():
    """Regression (found by the coverage-guided fuzzer): urlparse raised "Invalid IPv6 URL" on an
    iframe or a link to `https://[…` (pages/importers/docusaurus/components/media.py iframe, and inline.py Inline.link)."""
    raw = '<iframe src="https://[exemple.org/video" title="Vidéo" />\n\nVoir <a href="http://[exemple">le lien</a>.\n'
    _doc, draft = _check_doc(raw, SECTION)
    assert ("embed_invalid", 1) in {(p.code, p.line) for p in draft.problems}
    assert ("link_unresolved", 3) in {(p.code, p.line) for p in draft.problems}


def test_a_link_too_long_for_a_file_name_is_unresolved_not_a_crash():
    """Regression (found by the `fuzz` profile): Path.is_file raised "File name too long" on a
    300-character relative link (pages/importers/docusaurus/resolver.py, Resolver.file)."""
    raw = f"[Lien]({'1' * 300})\n\n![Image]({'2' * 300}.png)\n"
    _doc, draft = _check_doc(raw, SECTION)
    assert {"link_unresolved", "file_missing"} & {p.code for p in draft.problems}
