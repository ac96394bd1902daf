"""Mapping parsed docs to page types, typed fields and StreamField data (pure, no database)."""

import json
from pathlib import Path

import pytest

from pages.importers.docusaurus.mapper import Resolver, map_doc
from pages.importers.docusaurus.parser import parse_file, parse_text
from pages.importers.docusaurus.plan import DocRecord
from pages.importers.docusaurus.rules import (
    ALLOWED_CHILDREN,
    DEFAULT_RULES,
    MISSION,
    SECTION,
    SPACE,
    TOOL_GUIDE,
    choose_type,
    fit_under,
    load_rules,
)
from pages.importers.docusaurus.site import SiteConfig, doc_info

CONSTRUCTS = Path(__file__).parent / "fixtures" / "docusaurus" / "constructs"


def resolver():
    site = SiteConfig(root=CONSTRUCTS, docs_path=".", route_base_path="/")
    records = {}
    for path in CONSTRUCTS.glob("*.md*"):
        doc = parse_file(path, CONSTRUCTS)
        records[doc.path] = DocRecord(doc.path, doc, doc_info(doc.path, doc.front_matter))
    return Resolver(site, records)


def draft(name, page_type=SECTION):
    doc = parse_file(CONSTRUCTS / name, CONSTRUCTS)
    return map_doc(doc, resolver(), page_type, "x")


def draft_text(text, page_type=SECTION, name="inline.md"):
    doc = parse_text(text, name, CONSTRUCTS / name)
    return map_doc(doc, resolver(), page_type, "x")


def body(d):
    return d.fields["body"]


def codes(d):
    return [(p.code, p.line) for p in d.problems]


def test_admonitions_become_callouts_and_an_unknown_kind_is_reported():
    d = draft("admonitions.md")
    callouts = [b["value"] for b in body(d) if b["type"] == "callout"]
    assert [(c["kind"], c["title"]) for c in callouts] == [
        ("note", ""), ("tip", "Astuce du jour"), ("warning", "Prudence"), ("note", "")]
    assert callouts[1]["body"] == "<p>Un <b>conseil</b>.</p>"
    assert ("admonition_unknown", 13) in codes(d)


def test_tabs_become_a_tabs_block_and_tabs_inside_a_tab_stay_tabs():
    d = draft("tabs.mdx")
    tabs = next(b for b in body(d) if b["type"] == "tabs")["value"]["tabs"]
    assert [t["value"]["label"] for t in tabs] == ["Windows", "macOS"]
    windows = [b["type"] for b in tabs[0]["value"]["body"]]
    assert windows == ["paragraph", "callout"]
    mac = tabs[1]["value"]["body"]
    assert mac[0]["type"] == "tabs"
    inner = mac[0]["value"]["tabs"][0]["value"]
    assert inner["label"] == "macOS 13" and inner["body"][0]["value"] == "<p>Texte 13.</p>"
    assert "tabs_nested_flattened" not in [c for c, _ in codes(d)]
    assert "mdx_esm_dropped" in [c for c, _ in codes(d)]


def test_details_become_a_collapsible_with_its_summary():
    d = draft("details.md")
    details = body(d)[0]
    assert details["type"] == "details"
    assert details["value"]["summary"] == "Question fréquente"
    assert details["value"]["body"][0]["value"] == '<p>Réponse avec une <a href="https://exemple.org">adresse</a>.</p>'


def test_card_grids_live_data_and_studio_cards():
    d = draft("cards-and-live-data.mdx")
    types = [b["type"] for b in body(d)]
    assert types == ["card_grid", "live_data", "live_data", "card_grid", "paragraph"]
    cards = [c["value"] for c in body(d)[0]["value"]["cards"]]
    assert cards[0]["page"] == {"__page__": "details.md"} and cards[1]["url"] == "https://exemple.org"
    live = [b["value"] for b in body(d) if b["type"] == "live_data"]
    assert [(v["source"], v["component"]) for v in live] == [
        ("equipment_availability", "Disponibilite"), ("available_computers", "PostesDisponibles")]
    assert [p["value"] for p in live[0]["parameters"]] == [
        {"name": "label", "value": "Aménagement"}, {"name": "oclc", "value": "1472198755"}]
    studio = body(d)[3]
    assert studio["type"] == "card_grid"
    assert studio["value"]["cards"][0]["value"]["title"] == "Santé"
    assert studio["value"]["cards"][0]["value"]["text"] == "6e étage, à l'entrée."
    links = body(d)[4]["value"]
    assert '<a href="https://maps.example.org">Localiser sur Google Maps</a>' in links


def test_an_unknown_component_keeps_its_text_and_is_reported_with_its_line():
    d = draft("unknown-component.mdx")
    html = "".join(b["value"] for b in body(d) if b["type"] == "paragraph")
    assert "Nos projets" in html and "Texte <b>visible</b> dans le composant." in html
    problem = next(p for p in d.problems if p.code == "component_unmapped")
    assert problem.line == 3 and "images" in problem.message


def test_pseudo_bullets_become_a_real_list():
    d = draft("bullets.md")
    assert body(d)[0]["value"] == "<ul><li>Premier point</li><li>Deuxième point</li><li>Troisième point</li></ul>"


def test_tables_keep_header_and_inline_formatting():
    table = body(draft("table.md"))[0]
    assert table["type"] == "table" and table["value"]["header_row"] is True
    cells = [[c["value"] for c in row["value"]["cells"]] for row in table["value"]["rows"]]
    assert cells[0] == ["<p>Outil</p>", "<p>Lieu</p>"]
    assert cells[1] == ["<p><b>Imprimante</b></p>", '<p><a href="https://exemple.org/atelier">Atelier</a></p>']


def test_math_and_diagrams_are_kept_as_readable_code():
    doc = parse_file(CONSTRUCTS / "code-math-mermaid.md", CONSTRUCTS, math=True)
    d = map_doc(doc, resolver(), SECTION, "x")
    assert [(b["value"]["language"], b["value"]["code"]) for b in body(d)] == [
        ("mermaid", "graph TD; A-->B;"), ("math", "\\int_0^1 x\\,dx"), ("gcode", "G28")]


def test_images_get_alt_text_and_missing_files_are_reported():
    d = draft("media.md")
    images = [b["value"] for b in body(d) if b["type"] == "image"]
    # A missing alt is guessed from the file's name, never from the heading above (« Médias »).
    assert [i["alt"] for i in images] == ["Sans alt", "Une photo"]
    assert images[1]["image"] == {"__image__": str(CONSTRUCTS / "avec-alt.png")}
    assert ("image_alt_missing", 3) in codes(d)
    assert ("file_missing", 11) in codes(d)
    assert "Plan absent" in "".join(b["value"] for b in body(d) if b["type"] == "paragraph")


def test_iframes_become_video_or_embed_blocks_with_a_title():
    d = draft("media.md")
    video = next(b["value"] for b in body(d) if b["type"] == "video")
    embed = next(b["value"] for b in body(d) if b["type"] == "embed")
    assert video == {"title": "Tutoriel", "video_file": None, "url": "https://www.youtube-nocookie.com/embed/abc", "transcript": ""}
    assert embed["url"] == "https://forms.example.org/f" and embed["title"]
    assert ("embed_title_missing", 9) in codes(d)


def test_links_resolve_to_pages_documents_or_are_reported():
    d = draft_text("[Détails](./details.md#reponse) [Tableau](/table) [Ailleurs](./absent.md) [Haut](#haut)\n")
    html = body(d)[0]["value"]
    assert '<a data-linktype="page" data-import-page="details.md" data-anchor="reponse">Détails</a>' in html
    assert '<a data-linktype="page" data-import-page="table.md">Tableau</a>' in html
    assert "Ailleurs" in html and "absent.md" not in html
    assert '<a href="#haut">Haut</a>' in html
    assert [c for c, _ in codes(d)] == ["title_missing", "link_unresolved"]


def test_front_matter_is_kept_whole_and_a_draft_is_a_draft():
    d = draft("front-matter-variants.md", SPACE)
    assert d.source_metadata == {"id": "ma-page", "titre": "Mon titre", "Description": "Une description.",
                                 "help": "crea", "draft": True}
    assert d.title == "Mon titre" and d.draft
    assert d.fields["summary"] == "Une description."
    assert body(d)[0]["value"] == {"text": "Titre du document", "level": "h2", "anchor": "titre-du-document"}


def test_a_mission_page_gets_its_statement_and_objectives():
    d = draft_text("# Mission\n\n## Notre mission\n\nOffrir l'accès.\n\n## Nos objectifs\n\n"
                   "### 1. Apprendre\nEn faisant :\n- Ateliers\n- Guides\n\n## Contact\n\nÉcrire.\n", MISSION)
    assert d.fields["statement"] == "<p>Offrir l&#x27;accès.</p>" or d.fields["statement"] == "<p>Offrir l'accès.</p>"
    objective = d.fields["objectives"][0]["value"]
    assert objective["title"] == "Apprendre"
    assert [i["value"] for i in objective["items"]] == ["Ateliers", "Guides"]
    assert [b["type"] for b in d.fields["body"]] == ["heading", "paragraph"]


@pytest.mark.parametrize(("path", "front_matter", "index", "children", "expected"), [
    ("espaces/index", {}, True, True, SECTION),
    ("espaces/studio", {}, False, False, SPACE),
    ("espaces/studiosbalado", {}, False, True, SPACE),
    ("espaces/guide/amphitheatre", {}, False, False, TOOL_GUIDE),
    ("informatique/logiciels/zotero", {}, False, False, TOOL_GUIDE),
    ("creatives/impression3d/bambu", {}, False, False, TOOL_GUIDE),
    ("creatives/impression3d", {}, False, True, SECTION),
    ("a-propos/mission", {}, False, False, MISSION),
    ("a-propos/contribuer", {}, False, False, SECTION),
    ("a-propos/contribuer", {"page_type": "space"}, False, False, SPACE),
])
def test_the_default_rule_table_fits_the_site(path, front_matter, index, children, expected):
    assert choose_type(DEFAULT_RULES, path, front_matter, index, children) == expected


def test_a_child_type_not_allowed_under_its_parent_is_adjusted():
    assert fit_under(TOOL_GUIDE, SECTION) == TOOL_GUIDE
    assert fit_under(SPACE, MISSION) == SECTION
    assert fit_under("home", SPACE) == SPACE


def test_the_rule_table_knows_the_models_parent_child_rules():
    from home.models import HomePage
    from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

    models = {"home": HomePage, SECTION: SectionPage, SPACE: SpacePage, TOOL_GUIDE: ToolGuidePage, MISSION: MissionPage}
    labels = {model._meta.label: key for key, model in models.items()}
    for key, model in models.items():
        allowed = {labels[m._meta.label] for m in model.allowed_subpage_models() if m._meta.label in labels}
        assert ALLOWED_CHILDREN[key] == allowed, key


def test_another_site_can_bring_its_own_rule_table(tmp_path):
    path = tmp_path / "rules.json"
    path.write_text('[{"type": "tool_guide", "path": "tutoriels/**"}, {"type": "section"}]', encoding="utf-8")
    rules = load_rules(path)
    assert choose_type(rules, "tutoriels/soudure", {}, False, False) == TOOL_GUIDE
    assert choose_type(rules, "espaces/studio", {}, False, False) == SECTION
    path.write_text('[{"type": "blog"}]', encoding="utf-8")
    with pytest.raises(ValueError, match="blog"):
        load_rules(path)


def test_numbered_sections_of_a_guide_become_its_steps():
    text = ("Avant de commencer.\n\n## 1. Allumer\n\nAppuyer sur le bouton.\n\n![Bouton](./avec-alt.png)\n\n"
            ":::warning\nNe pas forcer.\n:::\n\n## 2. Enregistrer\n\n### Réglages\n\nChoisir le format.\n\n"
            "## Dépannage\n\nRedémarrer.\n")
    assert choose_type(DEFAULT_RULES, "medias/console", {}, False, False, steps=True) == TOOL_GUIDE
    d = draft_text(text, TOOL_GUIDE)
    # Text before and after the steps: they stay in their place, as the body's steps block
    # (the guide's steps field is shown before the body and would move that text).
    assert "steps" not in d.fields
    assert [b["type"] for b in body(d)] == ["paragraph", "steps", "heading", "paragraph"]
    steps = [s["value"] for s in body(d)[1]["value"]["steps"]]
    assert [s["title"] for s in steps] == ["Allumer", "Enregistrer"]
    assert steps[0]["image"] == {"__image__": str(CONSTRUCTS / "avec-alt.png")} and steps[0]["image_alt"] == "Bouton"
    assert steps[0]["text"] == "<p>Appuyer sur le bouton.</p><p><b>Attention</b></p><p>Ne pas forcer.</p>"
    assert steps[1]["text"] == "<h3>Réglages</h3><p>Choisir le format.</p>"


def test_a_guide_made_only_of_steps_fills_its_steps_field():
    d = draft_text("## 1. Allumer\n\nAppuyer.\n\n## 2. Éteindre\n\nRelâcher.\n", TOOL_GUIDE)
    assert [s["value"]["title"] for s in d.fields["steps"]] == ["Allumer", "Éteindre"]
    assert body(d) == []


def test_numbered_sections_holding_code_stay_headings_and_code_blocks():
    text = "Référence des commandes.\n\n## 1. Installer\n\n```bash\npip install x\n```\n\n## 2. Lancer\n\nFacile.\n"
    d = draft_text(text, TOOL_GUIDE)
    assert "steps" not in d.fields
    assert [b["type"] for b in body(d)] == ["paragraph", "heading", "code", "heading", "paragraph"]
    assert [b["value"]["text"] for b in body(d) if b["type"] == "heading"] == ["1. Installer", "2. Lancer"]
    assert body(d)[2]["value"]["code"] == "pip install x"
    assert ("steps_kept_in_body", 0) in codes(d)


def test_a_type_chosen_by_a_rule_is_reported_with_the_rule(tmp_path):
    from pages.importers.docusaurus.plan import build_plan

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "commandes.md").write_text("# Commandes\n\n## 1. Installer\n\nA.\n\n## 2. Lancer\n\nB.\n",
                                                    encoding="utf-8")
    (tmp_path / "docs" / "general.md").write_text("---\npage_type: section\n---\n# Général\n\n## 1. Un\n\n## 2. Deux\n",
                                                  encoding="utf-8")
    plan = build_plan(tmp_path)
    assert plan.node_for_doc("commandes.md").page_type == TOOL_GUIDE
    assert plan.node_for_doc("general.md").page_type == SECTION  # the front matter reverses the guess
    guesses = [(f, p.level, p.message) for f, p in plan.problems if p.code == "page_type_guessed"]
    assert len(guesses) == 1
    where, level, message = guesses[0]
    assert (where, level) == ("docs/commandes.md", "warning")
    assert "steps=True" in message and "page_type" in message and "--rules" in message
    # the same doc under a rule table that does not guess from content stays a general page
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps([{"type": "section"}]), encoding="utf-8")
    assert build_plan(tmp_path, load_rules(rules)).node_for_doc("commandes.md").page_type == SECTION


def test_a_doc_without_title_or_h1_is_named_by_its_first_heading_unless_it_is_a_step():
    assert draft_text("Intro.\n\n## Accessibilité numérique\n\nTexte.\n", name="accessibilite.md").title == \
        "Accessibilité numérique"
    assert draft_text("## **1.** Télécharger le logiciel\n\nTexte.\n", name="bambu2.md").title == "Bambu2"
