"""What a reader of the old site saw is what the imported page shows: numbering, pictures in
their place, categories, titles, code, videos, diagrams, anchors and nesting."""

import re
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import CommandError, call_command
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail_localize.models import Translation, TranslationSource

import pytest

from pages.blocks.text import RICH_TEXT_FEATURES
from pages.importers.docusaurus.categories import CATEGORIES, load_category_rules
from pages.importers.docusaurus.plan import build_plan
from pages.models.tool_guide import ToolCategory

from .test_importer_mapper import body, codes, draft_text
from .test_importer_site_config import write
from .test_importer_writer import MINISITE, imported, run


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


def test_an_icon_inside_a_sentence_stays_a_small_picture_in_the_sentence():
    d = draft_text("---\ntitle: T\n---\n\nCliquez sur l'icône ![Engrenage](./avec-alt.png) pour ouvrir.\n\n"
                   "Appuyer sur <img src=\"./sans-alt.png\" alt=\"Le bouton jaune\" width=\"30\" /> au centre.\n",
                   name="icones.mdx")
    first, second = paragraphs(d)[0].split("</p>")[:2]
    assert 'data-format="icon" data-alt="Engrenage"' in first and first.endswith("pour ouvrir.")
    assert 'data-format="icon" data-alt="Le bouton jaune"' in second and second.endswith("au centre.")


def test_a_picture_alone_on_its_line_is_not_an_icon():
    d = draft_text("---\ntitle: T\n---\n\n- Deux\n  ![Vue](./avec-alt.png)\n")
    assert 'data-format="fullwidth"' in paragraphs(d)[0]


def test_the_width_written_on_an_image_is_kept():
    d = draft_text("---\ntitle: T\n---\n\n<img src=\"./avec-alt.png\" alt=\"L'écran\" width=\"500\" />\n\n"
                   "![Sans largeur](./sans-alt.png)\n", name="largeur.mdx")
    images = [b["value"] for b in body(d) if b["type"] == "image"]
    assert [v.get("width") for v in images] == [500, None]


@pytest.fixture
def site_copy(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(MINISITE, target)
    return target


def import_doc(site, user, name, text):
    (site / "docs" / name).write_text(text, encoding="utf-8")
    report = run(site, user=user, publish=True)
    assert report.ok
    return imported(f"docs/{name}")


@pytest.mark.django_db
def test_an_imported_icon_and_a_narrow_image_show_as_written_on_the_page_and_in_the_api(site_tree, admin_user,
                                                                                       site_copy, client):
    page = import_doc(site_copy, admin_user, "icones.mdx",
                      "---\ntitle: Icônes\n---\n\nCliquez sur ![Engrenage](/img/studio.png) pour ouvrir.\n\n"
                      "<img src=\"/img/studio.png\" alt=\"Le studio\" width=\"100\" />\n")
    assert 'format="icon"' in page.body[0].value.source
    html = client.get(page.url).content.decode()
    icon = re.search(r'<img[^>]*alt="Engrenage"[^>]*>', html).group(0)
    assert "richtext-image icon" in icon
    narrow = re.search(r'<img[^>]*alt="Le studio"[^>]*>', html).group(0)
    assert "max-100x2400" in narrow  # a rendition at most 100 px wide (the width attribute follows)
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    image = next(b for b in api["body"] if b["type"] == "image")["value"]
    assert image["max_width"] == 100 and image["image"]["width"] <= 100


@pytest.mark.django_db
def test_an_image_whose_file_is_lost_from_storage_leaves_the_page_and_the_api_answering(site_tree, admin_user,
                                                                                      site_copy, client):
    page = import_doc(site_copy, admin_user, "perdue.mdx",
                      "---\ntitle: Perdue\n---\n\n<img src=\"/img/studio.png\" alt=\"Le studio\" width=\"300\" />\n")
    image = next(b for b in page.body if b.block_type == "image").value["image"]
    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)  # a restore that forgot the originals, a disk lost
    response = client.get(page.url)
    assert response.status_code == 200
    assert 'alt="Le studio"' in response.content.decode()  # a broken picture, the rest of the page intact
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200


def test_a_video_whose_source_title_is_the_players_english_default_gets_a_french_title():
    d = draft_text("---\ntitle: Studio\n---\n\n## Allumer la console\n\n"
                   '<iframe src="https://www.youtube-nocookie.com/embed/NFxWiwcch58" title="YouTube video player"></iframe>\n\n'
                   '<iframe src="https://player.vimeo.com/video/1234" title="vimeo-player"></iframe>\n\n'
                   '<iframe src="https://classe.iro.umontreal.ca/videos/embed/7967ad16" title="Impression et modélisation 3D">'
                   "</iframe>\n\n"
                   '<LiteYouTubeEmbed id="dQw4w9WgXcQ" title="YouTube video" />\n', name="videos.mdx")
    titles = [b["value"]["title"] for b in body(d) if b["type"] == "video"]
    assert titles == ["Lecteur vidéo YouTube : Allumer la console", "Lecteur vidéo Vimeo : Allumer la console",
                      "Impression et modélisation 3D", "Lecteur vidéo YouTube : Allumer la console"]


@pytest.mark.django_db
def test_a_link_to_a_section_of_another_page_keeps_its_anchor_through_import_page_and_editor(site_tree, admin_user,
                                                                                            site_copy, client):
    page = import_doc(site_copy, admin_user, "ancres.md",
                      "---\ntitle: Ancres\n---\n\nVoir [les réglages](./outils/imprimante.md#reglages) "
                      "et [l'imprimante](./outils/imprimante.md).\n")
    printer = imported("docs/outils/imprimante.md")
    source = page.body[0].value.source
    assert f'<a anchor="reglages" id="{printer.pk}" linktype="page">les réglages</a>' in source
    assert f'<a id="{printer.pk}" linktype="page">l&#x27;imprimante</a>' in source \
        or f'<a id="{printer.pk}" linktype="page">l\'imprimante</a>' in source
    html = client.get(page.url).content.decode()
    assert f'href="{printer.url}#reglages"' in html and f'href="{printer.url}"' in html
    # An editor opening and saving the text in Draftail keeps the anchor.
    converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
    assert 'anchor="reglages"' in converter.to_database_format(converter.from_database_format(source))


GUIDES_SITE = {
    "docusaurus.config.js": "module.exports = {title: 'T', url: 'https://x.org', baseUrl: '/'};\n",
    "sidebars.js": ("module.exports = {s: [{type: 'category', label: 'Production audio', items: ['medias/console']},"
                    " 'informatique/logiciels/zotero', 'creatives/impression3d/bambu', 'divers/etape']};\n"),
    "docs/medias/console.md": "---\ntitle: Console\npage_type: tool_guide\n---\n\nTexte.\n",
    "docs/informatique/logiciels/zotero.md": "---\ntitle: Zotero\n---\n\nTexte.\n",
    "docs/creatives/impression3d/bambu.md": "---\ntitle: Bambu\ncategory: Électronique\npage_type: tool_guide\n---\n\nT.\n",
    "docs/divers/etape.md": "---\ntitle: Étapes\npage_type: tool_guide\n---\n\nTexte.\n",
}


def guide_categories(plan):
    return {node.doc.rel_path: plan.draft(node).fields.get("category")
            for node in plan.walk() if node.doc is not None and node.page_type == "tool_guide"}


def test_a_guide_gets_its_category_from_its_folder_or_its_sidebar_category_unless_its_front_matter_says(tmp_path):
    write(tmp_path, GUIDES_SITE)
    plan = build_plan(tmp_path)
    assert guide_categories(plan) == {"medias/console.md": "audio", "informatique/logiciels/zotero.md": "software",
                                      "creatives/impression3d/bambu.md": "electronics", "divers/etape.md": ""}
    zotero = plan.draft(plan.node_for_doc("informatique/logiciels/zotero.md"))
    assert [p.code for p in zotero.problems] == ["category_guessed"]


def test_the_category_rules_can_be_replaced_by_a_json_file(tmp_path):
    write(tmp_path, {**GUIDES_SITE, "categories.json": '[{"category": "other", "path": "divers/**"},'
                                                       ' {"category": "audio", "sidebar": "logiciels"}]'})
    rules = load_category_rules(tmp_path / "categories.json")
    categories = guide_categories(build_plan(tmp_path, category_rules=rules))
    assert categories["divers/etape.md"] == "other" and categories["medias/console.md"] == ""
    (tmp_path / "bad.json").write_text('[{"category": "cuisine", "path": "**"}]', encoding="utf-8")
    with pytest.raises(ValueError, match="cuisine"):
        load_category_rules(tmp_path / "bad.json")


def test_the_category_rules_know_every_tool_category():
    assert set(CATEGORIES) == set(ToolCategory.values)


def test_the_import_command_takes_a_category_rules_file_and_refuses_a_wrong_one(tmp_path):
    (tmp_path / "bad.json").write_text('{"category": "audio"}', encoding="utf-8")
    with pytest.raises(CommandError, match="liste JSON"):
        call_command("import_docusaurus", str(MINISITE), "--dry-run", "--category-rules", str(tmp_path / "bad.json"))


def test_a_doc_without_a_title_takes_its_first_heading_even_an_html_one_before_its_file_name():
    assert draft_text("## Premier intertitre\n\nTexte.\n").title == "Premier intertitre"
    html_h1 = draft_text("<h1>Guide de la console</h1>\n\nTexte.\n", name="console.mdx")
    assert html_h1.title == "Guide de la console" and [b["type"] for b in body(html_h1)] == ["paragraph"]
    assert draft_text("---\nsidebar_label: Bambu (ancien)\n---\n\n## 1. Télécharger\n\nT.\n\n## 2. Imprimer\n",
                      name="bambu2.md").title == "Bambu (ancien)"
    assert draft_text("", name="gimp.md").title == "Gimp"


@pytest.mark.django_db
def test_code_gets_a_copy_button_with_translated_labels_and_plain_code_without_javascript(site_tree, admin_user,
                                                                                         site_copy, client):
    page = import_doc(site_copy, admin_user, "code.md",
                      "---\ntitle: Code\n---\n\n```bash title=\"Se connecter\"\nssh etudiant@serveur\n```\n")
    html = client.get(page.url).content.decode()
    figure = re.search(r'<figure class="code"[^>]*>', html).group(0)
    assert 'data-copy-label="Copier le code"' in figure and 'data-copied-label="Code copié"' in figure
    assert "<code>ssh etudiant@serveur</code>" in html and "<button" not in html.split('<figure class="code"')[1][:400]
    assert "js/code-copy.js" in html
    with translation.override("en"):
        assert 'data-copy-label="Copy the code"' in render_to_string(
            "pages/blocks/code_block.html", {"value": {"language": "bash", "code": "ls", "caption": ""}})
    script = (Path(settings.BASE_DIR) / "cms" / "static" / "js" / "code-copy.js").read_text(encoding="utf-8")
    assert 'document.createElement("button")' in script and 'button.type = "button"' in script
    assert '"role", "status"' in script and '"aria-live", "polite"' in script


@pytest.mark.django_db
def test_a_mermaid_diagram_is_a_labelled_figure_whose_text_says_what_its_arrows_show(site_tree, admin_user,
                                                                                   site_copy, client):
    page = import_doc(site_copy, admin_user, "diagramme.md",
                      "---\ntitle: Diagramme\n---\n\n```mermaid\ngraph TD; A[Début] --> B{Choix}\n"
                      "B -->|oui| C(Fin)\nB -- non --> A\n```\n")
    html = client.get(page.url).content.decode()
    figure = html[html.index('<figure class="diagram"'):]
    figure = figure[:figure.index("</figure>")]
    assert 'role="group"' in figure and "<figcaption>Diagramme</figcaption>" in figure
    assert "<li>Début → Choix</li>" in figure and "<li>Choix → Fin (oui)</li>" in figure
    assert "<li>Choix → Début (non)</li>" in figure
    assert "Source du diagramme (Mermaid)" in figure and "graph TD" in figure
    api = client.get(f"/api/v2/pages/{page.pk}/").json()
    block = next(b for b in api["body"] if b["type"] == "code")["value"]
    assert block["text_alternative"][0] == "Début → Choix"


NESTED = ("---\ntitle: Onglets\n---\nimport Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n"
          "<Tabs>\n  <TabItem value=\"win\" label=\"Windows\">\n\n"
          "<details>\n<summary>Installer</summary>\n\nÉtapes.\n\n"
          "<details>\n<summary>Trop profond</summary>\n\nTexte profond.\n\n</details>\n\n</details>\n\n"
          "  </TabItem>\n  <TabItem value=\"mac\" label=\"macOS\">\n\n"
          "<Tabs>\n<TabItem value=\"13\" label=\"macOS 13\">\n\nTexte 13.\n\n</TabItem>\n</Tabs>\n\n"
          "  </TabItem>\n</Tabs>\n")


def test_a_collapsible_or_tabs_inside_a_tab_stay_nested_one_level_deep():
    d = draft_text(NESTED, name="onglets.mdx")
    tabs = body(d)[0]["value"]["tabs"]
    windows, mac = tabs[0]["value"]["body"], tabs[1]["value"]["body"]
    assert windows[0]["type"] == "details" and windows[0]["value"]["summary"] == "Installer"
    deeper = [b["type"] for b in windows[0]["value"]["body"]]
    assert deeper == ["paragraph", "heading", "paragraph"]  # a third level becomes a heading and its text
    assert ("details_nested_flattened" in [c for c, _ in codes(d)])
    assert mac[0]["type"] == "tabs" and mac[0]["value"]["tabs"][0]["value"]["label"] == "macOS 13"


@pytest.mark.django_db
def test_nested_tabs_and_collapsibles_are_saved_and_shown_nested(site_tree, admin_user, site_copy, client):
    page = import_doc(site_copy, admin_user, "onglets.mdx", NESTED)
    tabs = page.body[0]
    assert tabs.block_type == "tabs"
    assert tabs.value["tabs"][0]["body"][0].block_type == "details"
    html = client.get(page.url).content.decode()
    outer = html.index('<div class="tabs">')
    assert html.index("<summary>Installer</summary>") > outer
    assert html.count('<div class="tabs">') == 2


def test_a_category_and_the_doc_inside_it_with_the_same_label_show_once(tmp_path):
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {title: 'T', url: 'https://x.org', baseUrl: '/'};\n",
        "sidebars.js": ("module.exports = {s: [{type: 'category', label: 'Numérisation', "
                        "items: ['num/numerisation', 'num/vinyle']}]};\n"),
        "docs/num/numerisation.md": "---\ntitle: Numérisation\n---\n\nTout numériser.\n",
        "docs/num/vinyle.md": "---\ntitle: Vinyles\n---\n\nTexte.\n",
    })
    plan = build_plan(tmp_path)
    [root] = plan.roots
    assert root.title == "Numérisation" and root.doc.rel_path == "num/numerisation.md"
    assert [child.title for child in root.children] == ["Vinyles"]
    assert "sidebar_label_merged" in [p.code for _, p in plan.problems]


def test_a_note_inside_a_numbered_step_stays_in_that_step():
    d = draft_text("---\ntitle: T\n---\n\n1. Placer le document.\n2. Régler.\n   :::note Facultatif\n"
                   "   Noir et blanc possible.\n   :::\n3. Numériser.\n")
    assert [b["type"] for b in body(d)] == ["paragraph"]
    html = paragraphs(d)[0]
    assert html.count("<ol>") == 1 and html.count("<li>") == 3
    assert html.index("Régler.") < html.index("<b>Note : Facultatif</b>") < html.index("Noir et blanc") \
        < html.index("Numériser.")
    assert "block_moved_out" not in [c for c, _ in codes(d)]


@pytest.mark.django_db
def test_the_english_translation_of_a_page_keeps_the_anchor_of_its_links(site_tree, admin_user, site_copy):
    page = import_doc(site_copy, admin_user, "ancres.md",
                      "---\ntitle: Ancres\n---\n\nVoir [les réglages](./outils/imprimante.md#reglages).\n")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation_ = Translation.objects.create(source=source, target_locale=site_tree.en)
    translation_.save_target(user=admin_user, publish=False)
    english = page.get_translation(site_tree.en)
    assert 'anchor="reglages"' in english.specific.body[0].value.source
