"""What a reader of the old site saw is what the imported page shows: numbering, pictures in
their place, categories, titles, code, videos, diagrams, anchors and nesting."""

from .test_importer_mapper import body, codes, draft_text


def paragraphs(d):
    return [b["value"] for b in body(d) if b["type"] == "paragraph"]


def test_a_numbered_list_interrupted_by_a_picture_keeps_its_numbering_and_the_picture_its_place():
    d = draft_text("---\ntitle: T\n---\n\n1. Un\n2. Deux\n\n![Vue](./avec-alt.png)\n\n![Autre](./sans-alt.png)\n\n"
                   "3. Trois\n4. Quatre\n\nFin.\n")
    html = paragraphs(d)[0]
    assert [b["type"] for b in body(d)] == ["paragraph"]
    assert html.count("<ol>") == 1 and html.count("<li>") == 4  # one list: 1, 2, 3, 4
    deux, trois = html.index("Deux"), html.index("Trois")
    assert deux < html.index('data-alt="Vue"') < html.index('data-alt="Autre"') < trois
    assert html.endswith("<p>Fin.</p>")


def test_a_list_that_starts_again_at_one_after_a_picture_stays_a_second_list():
    d = draft_text("---\ntitle: T\n---\n\n1. Un\n2. Deux\n\n![Vue](./avec-alt.png)\n\n1. Autre liste\n")
    assert [b["type"] for b in body(d)] == ["paragraph", "image", "paragraph"]


def test_a_picture_tag_between_two_bullets_stays_between_them():
    d = draft_text("---\ntitle: T\n---\n\n- Un\n- Deux\n\n  <img src=\"./avec-alt.png\" alt=\"Vue\" />\n\n- Trois\n",
                   name="liste.mdx")
    html = paragraphs(d)[0]
    assert [b["type"] for b in body(d)] == ["paragraph"]
    assert html.index("Deux") < html.index('data-alt="Vue"') < html.index("Trois")
    assert "block_moved_out" not in [c for c, _ in codes(d)]


def test_the_first_note_of_a_doc_stays_first():
    d = draft_text("---\ntitle: T\n---\n\n:::note\nÀ lire d'abord.\n:::\n\n## 1. Préparer\n\nTexte.\n\n"
                   "## 2. Imprimer\n\n1. Un\n\n![Vue](./avec-alt.png)\n\n2. Deux\n", page_type="tool_guide")
    assert body(d)[0]["type"] == "callout" and body(d)[0]["value"]["body"] == "<p>À lire d'abord.</p>"
