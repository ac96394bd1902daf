"""A reader finds, reads and rates pages with a keyboard, a phone, or no JavaScript at all."""

import re

import pytest

from pages.feedback.models import ReaderFeedback

from .pages import rich_guide

pytestmark = pytest.mark.browser


def _focused(page):
    return page.evaluate("""() => {
        const el = document.activeElement;
        return {tag: el.tagName.toLowerCase(), role: el.getAttribute('role') || '', text: (el.innerText || el.value || '').trim(),
                id: el.id || '', name: el.getAttribute('name') || '', href: el.getAttribute('href') || ''};
    }""")


def _tab_until(page, predicate, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if predicate(focused):
            return focused
    raise AssertionError(f"never reached with Tab; last focus: {focused}")


def test_keyboard_only_journey_through_navigation_tabs_collapsibles_and_feedback(live_server, live_site_tree, browser_page, settings):
    settings.LIVE_DATA_SOURCES = {}
    rich_guide(live_site_tree)
    page = browser_page
    page.goto(live_server.url + "/fr/")

    # Skip link first, then the header's sections.
    page.keyboard.press("Tab")
    assert _focused(page)["text"] == "Aller au contenu"
    _tab_until(page, lambda f: f["text"] == "Créatives")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/creatives/")

    # The sidebar tree leads to the guide; its outline is visible to the eye (focus indicator).
    _tab_until(page, lambda f: f["href"] == "/fr/creatives/decoupeuse-vinyle/" and f["text"] == "Découpeuse vinyle")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/creatives/decoupeuse-vinyle/")
    assert page.locator('.section-nav a[aria-current="page"]').inner_text() == "Découpeuse vinyle"

    # The table of contents jumps to a heading.
    _tab_until(page, lambda f: f["href"] == "#installer-le-logiciel")
    page.keyboard.press("Enter")
    assert page.url.endswith("#installer-le-logiciel")

    # Tabs: arrow keys switch panels.
    focused = _tab_until(page, lambda f: f["role"] == "tab")
    assert focused["text"] == "Windows"
    assert page.get_by_text("Téléchargez l'installateur Windows.").is_visible()
    page.keyboard.press("ArrowRight")
    assert _focused(page)["text"] == "macOS"
    assert page.get_by_role("tab", name="macOS").get_attribute("aria-selected") == "true"
    assert page.get_by_text("Ouvrez le fichier .dmg").is_visible()
    assert not page.get_by_text("Téléchargez l'installateur Windows.").is_visible()
    page.keyboard.press("Home")
    assert _focused(page)["text"] == "Windows"

    # A collapsible opens with Enter.
    _tab_until(page, lambda f: f["tag"] == "summary" and f["text"] == "La lame ne coupe pas")
    assert not page.get_by_text("Augmentez la pression de 10 g.").is_visible()
    page.keyboard.press("Enter")
    assert page.get_by_text("Augmentez la pression de 10 g.").is_visible()

    # The feedback form: choose « Non », write a comment, send.
    _tab_until(page, lambda f: f["name"] == "helpful")
    page.keyboard.press("ArrowRight")  # radio group: arrows move and select
    page.keyboard.press("Space")
    _tab_until(page, lambda f: f["id"] == "feedback-comment")
    page.keyboard.type("Il manque la largeur maximale du vinyle.")
    _tab_until(page, lambda f: f["tag"] == "button" and f["text"] == "Envoyer mon avis")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/creatives/decoupeuse-vinyle/#feedback")
    assert page.locator(".feedback [role=status]").inner_text().startswith("Merci")
    feedback = ReaderFeedback.objects.get()
    assert (feedback.helpful, feedback.comment) == (False, "Il manque la largeur maximale du vinyle.")


def test_feedback_and_search_work_without_javascript(live_server, live_site_tree, chromium):
    context = chromium.new_context(java_script_enabled=False, locale="en-CA")
    page = context.new_page()
    try:
        page.goto(live_server.url + "/en/spaces/podcast-studio/")
        # Without JavaScript the tabs script does nothing; the form is plain HTML.
        page.locator("#feedback-yes").check()
        page.locator("#feedback-comment").fill("Clear, thanks.")
        page.get_by_role("button", name="Send feedback").click()
        page.wait_for_url("**/en/spaces/podcast-studio/#feedback")
        assert "Thank you" in page.locator(".feedback__message").inner_text()
        feedback = ReaderFeedback.objects.get()
        assert (feedback.page_id, feedback.helpful, feedback.comment) == (live_site_tree.space_en.pk, True, "Clear, thanks.")

        page.locator("#site-search-q").fill("podcast")
        page.locator("#site-search-q").press("Enter")
        page.wait_for_url(re.compile(r".*/en/search/\?q=podcast$"))
        assert page.locator(".search-result__title a").first.get_attribute("href") == "/en/spaces/podcast-studio/"
    finally:
        context.close()


def test_tabs_show_every_panel_when_javascript_is_off(live_server, live_site_tree, chromium, settings):
    settings.LIVE_DATA_SOURCES = {}
    url = live_server.url + rich_guide(live_site_tree)
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url)
        assert page.get_by_text("Téléchargez l'installateur Windows.").is_visible()
        assert page.get_by_text("Ouvrez le fichier .dmg").is_visible()
        assert page.get_by_role("heading", name="macOS").is_visible()
        assert "Disponibilité inconnue" in page.locator(".live-data").inner_text()
    finally:
        context.close()


@pytest.mark.parametrize("width", [320, 375])
def test_pages_fit_a_phone_screen_and_keep_search_and_navigation(live_server, live_site_tree, chromium, settings, width):
    settings.LIVE_DATA_SOURCES = {}
    guide = rich_guide(live_site_tree)
    context = chromium.new_context(viewport={"width": width, "height": 700}, is_mobile=True, has_touch=True, locale="fr-CA")
    page = context.new_page()
    try:
        for url in ["/fr/", "/fr/espaces/", "/fr/espaces/studio-balado/", "/en/creative/bambu-3d-printer/",
                    "/fr/a-propos/mission/", guide, "/fr/recherche/?q=studio"]:
            page.goto(live_server.url + url)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
            # The header is one compact row: search and the sections are in the menu drawer.
            assert page.locator("[data-drawer-open]").is_visible()
            assert page.locator(".site-header").bounding_box()["height"] < 80
        page.locator("[data-drawer-open]").click()
        assert page.locator("#drawer-search-q").is_visible()
        page.keyboard.press("Escape")
        page.goto(live_server.url + guide)
        assert page.locator(".section-nav").is_visible()
        page.get_by_role("tab", name="macOS").tap()
        assert page.get_by_text("Ouvrez le fichier .dmg").is_visible()
    finally:
        context.close()
