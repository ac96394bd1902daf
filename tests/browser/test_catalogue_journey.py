"""An editor adds a program to the software catalogue and submits it, a reviewer approves it, and
readers find it on the catalogue page, filtering without JavaScript; axe finds nothing to fix.
A translator translates a program into English and sends it to review, a reviewer approves it, and
the English catalogue shows it.

Screenshots go to $SCREENSHOTS_DIR when it is set (admin at 1280 px, public pages at 1280 and 390 px).
"""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages.catalogues.models import Software
from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS
from pages.site_setup.demo import DEMO_ACCOUNTS

from ..catalogue_helpers import add_software, add_source, place_catalogue
from .test_translation_journey import leave, session, shot, submit, translate_in_editor

pytestmark = pytest.mark.browser

ACCOUNTS = {a["group"]: a for a in DEMO_ACCOUNTS}


def log_in(page, base_url, role):
    account = ACCOUNTS[role]
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", account["username"])
    page.fill("input[name=password]", account["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


@pytest.fixture
def catalogue_page(live_site_tree):
    from django.contrib.auth import get_user_model

    reviewer = get_user_model().objects.get(username=ACCOUNTS[REVIEWERS]["username"])
    add_software(reviewer, name="Excel", category="Bureautique", remote_access=True, libraries="Santé")
    add_software(reviewer, name="Audacity", category="Création et édition", free_licence=True, libraries="Musique",
                 guide_page=live_site_tree.guide_fr)
    add_source(reviewer, name="Thingiverse", url="https://www.thingiverse.com/", kind="Dépôt", pricing="free")
    page = place_catalogue(live_site_tree.sections["informatique"], reviewer)
    return place_catalogue(page, reviewer, catalogue="models3d")


def test_an_editor_adds_a_program_a_reviewer_approves_it_and_readers_see_it(live_server, catalogue_page, chromium):
    base = live_server.url
    editor_tab = chromium.new_context(locale="fr-CA").new_page()
    log_in(editor_tab, base, EDITORS)
    editor_tab.goto(f"{base}/admin/snippets/catalogues/software/add/")
    editor_tab.fill("#id_name", "Inkscape")
    editor_tab.fill("#id_key", "inkscape")
    editor_tab.fill("#id_category", "Création et édition")
    editor_tab.fill("#id_description", "Dessin vectoriel")
    editor_tab.check("#id_free_licence")
    editor_tab.fill("#id_libraries", "Musique")
    assert editor_tab.locator('button[name="action-publish"]').count() == 0
    editor_tab.locator("footer .w-dropdown__toggle").last.click()
    editor_tab.locator('button[name="action-submit"]').click()
    editor_tab.wait_for_load_state()
    entry = Software.objects.get(key="inkscape")
    assert entry.workflow_in_progress and not entry.live
    assert "Inkscape" not in editor_tab.request.get(f"{base}{catalogue_page.url}").text()
    editor_tab.context.close()

    reviewer_tab = chromium.new_context(locale="fr-CA").new_page()
    log_in(reviewer_tab, base, REVIEWERS)
    reviewer_tab.goto(f"{base}/admin/snippets/catalogues/software/edit/{entry.pk}/")
    reviewer_tab.locator("footer .w-dropdown__toggle").last.click()
    reviewer_tab.get_by_role("button", name=re.compile(r"^Approuver et publier$", re.IGNORECASE)).click()
    reviewer_tab.wait_for_load_state()
    assert Software.objects.get(pk=entry.pk).live
    reviewer_tab.context.close()

    reader = chromium.new_context(locale="fr-CA").new_page()
    reader.goto(f"{base}{catalogue_page.url}")
    assert reader.locator(".catalogue__entry h3", has_text="Inkscape").count() == 1
    assert reader.locator(".catalogue__count").inner_text() == "3 logiciels"
    reader.context.close()


def test_readers_filter_the_catalogue_without_javascript(live_server, catalogue_page, chromium):
    context = chromium.new_context(locale="fr-CA", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}{catalogue_page.url}")
    assert page.locator(".catalogue__count").inner_text() == "2 logiciels"
    page.get_by_label("Catégorie").select_option("Bureautique")
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    assert "category=Bureautique" in page.url
    assert page.locator(".catalogue__count").inner_text() == "1 logiciel"
    assert page.locator(".catalogue__entry h3").all_inner_texts() == ["Excel"]
    page.get_by_role("link", name="Tout afficher").click()
    page.get_by_label("Logiciels libres seulement").check()
    page.get_by_role("button", name="Filtrer").click()
    page.wait_for_load_state()
    assert page.locator(".catalogue__entry h3").all_inner_texts() == ["Audacity"]
    context.close()


def test_axe_finds_no_violation_on_the_catalogue_page(live_server, catalogue_page, browser_page, settings):
    settings.LIVE_DATA_SOURCES = {}
    for theme, query in (("light", ""), ("light", "?category=Bureautique&free=1"), ("dark", "")):
        browser_page.goto(f"{live_server.url}/")
        browser_page.evaluate(f"localStorage.setItem('studiobib.reading', JSON.stringify({{theme: '{theme}'}}))")
        assert browser_page.goto(f"{live_server.url}{catalogue_page.url}{query}").status == 200
        violations = Axe().run(browser_page).response["violations"]
        assert [f"{theme}: {v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in violations] == []


# The description first: the editor finds a segment by its French text, and "Tableur" is in both.
ENGLISH = {"Tableur et graphiques.": "Spreadsheets and charts.", "Tableur": "Spreadsheet", "Bureautique": "Office",
           "Santé": "Health sciences"}


@pytest.fixture
def english_catalogue(live_site_tree):
    """A live French program and an English page listing the software catalogue."""
    from django.contrib.auth import get_user_model

    reviewer = get_user_model().objects.get(username=ACCOUNTS[REVIEWERS]["username"])
    entry = add_software(reviewer, name="Tableur", category="Bureautique", description="Tableur et graphiques.",
                         libraries="Santé")
    return entry, place_catalogue(live_site_tree.guide_en, reviewer)


def english_names(tab, url):
    return tab.request.get(url).text()


def test_a_translator_translates_a_program_a_reviewer_approves_it_and_the_english_catalogue_shows_it(
        live_server, english_catalogue, chromium):
    base = live_server.url
    french, page = english_catalogue
    page_url = f"{base}{page.url}"

    # The translator starts the English entry from the catalogue listing's « Traduire ».
    translator = session(chromium, base, TRANSLATORS)
    translator.goto(f"{base}/admin/snippets/catalogues/software/?locale=fr")
    row = translator.locator("tr", has_text="Tableur")
    row.locator(".w-dropdown__toggle").last.click()
    row.get_by_role("link", name=re.compile("^Traduire")).click()
    translator.get_by_label(re.compile("English|Anglais")).check()
    submit(translator, translator.locator("form input[type=submit]"))
    assert re.search(r"/admin/snippets/catalogues/software/edit/\d+/", translator.url), translator.url
    english = Software.objects.get(translation_key=french.translation_key, locale__language_code="en")
    actions = translator.locator("footer.studiobib-translation-actions")
    assert [t.strip() for t in actions.locator("button, a").all_inner_texts()] == [
        "Enregistrer le brouillon", "Envoyer à la révision"]
    assert translator.locator(".js-translation-editor footer.footer").is_hidden()

    for french_text, english_text in ENGLISH.items():
        translate_in_editor(translator, french_text, english_text)
    translator.reload()
    assert "Traduction complète" in translator.locator(".translation-completeness h2").inner_text()
    shot(translator, "catalogue-01-translator-editor")
    submit(translator, actions.get_by_role("button", name="Enregistrer le brouillon"))
    assert "Brouillon enregistré pour relecture : « Spreadsheet »" in translator.locator(".messages").inner_text()
    submit(translator, translator.get_by_role("button", name="Envoyer à la révision"))
    assert "La traduction « Spreadsheet » est envoyée à la révision." in translator.locator(".messages").inner_text()
    leave(translator)
    english.refresh_from_db()
    assert english.workflow_in_progress and not english.live
    before = english_names(translator, page_url)
    assert "Tableur" in before and "Spreadsheet" not in before  # the French entry stands in until approval

    # The reviewer finds it on the dashboard, opens it and approves it in the translation editor.
    reviewer = session(chromium, base, REVIEWERS)
    reviewer.get_by_role("link", name="Spreadsheet").first.click()
    reviewer.wait_for_load_state()
    assert f"/admin/snippets/catalogues/software/edit/{english.pk}/" in reviewer.url
    shot(reviewer, "catalogue-02-reviewer-sees-it")
    submit(reviewer, reviewer.get_by_role("button", name="Approuver et publier"))
    leave(reviewer)
    english.refresh_from_db()
    assert english.live and english.name == "Spreadsheet"

    reader = chromium.new_context(locale="en-CA", viewport={"width": 1280, "height": 900}).new_page()
    reader.route("**/*", lambda route: route.continue_())  # no HTTP cache between visits
    reader.goto(page_url)
    assert reader.locator(".catalogue__entry h3").all_inner_texts() == ["Spreadsheet"]
    main = reader.locator("main").inner_text()
    assert "Spreadsheets and charts." in main and "Tableur" not in main
    reader.locator(".catalogue").first.scroll_into_view_if_needed()
    shot(reader, "catalogue-03-english-catalogue", widths=(1280, 390))
    reader.context.close()
