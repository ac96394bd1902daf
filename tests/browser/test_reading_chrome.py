"""A reader on a phone (390 px) and on a wide screen (1280 px), in French and in English: the menu
drawer, on this page, videos that wait for consent, display settings that follow the reader, and
zero axe violations in the light and the dark theme."""

import uuid
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1280, "height": 900}
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "ytimg.com", "googlevideo.com", "vimeo.com", "vimeocdn.com")


@pytest.fixture
def reader(chromium):
    """Open a fresh tab (own storage) at a viewport size, colour scheme and language."""
    contexts = []

    def open_tab(viewport=WIDE, color_scheme="light", locale="fr-CA"):
        context = chromium.new_context(viewport=viewport, color_scheme=color_scheme, locale=locale)
        contexts.append(context)
        return context, context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def _urls(tree, language):
    space = tree.space_fr if language == "fr" else tree.space_en
    guide = tree.guide_fr if language == "fr" else tree.guide_en
    search = "/fr/recherche/?q=studio" if language == "fr" else "/en/search/?q=studio"
    return {"home": f"/{language}/", "space": space.url, "guide": guide.url, "search": search}


def _focused_inside(page, selector):
    return page.evaluate("(s) => document.querySelector(s).contains(document.activeElement)", selector)


def _tab_to(page, selector, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} never reached with Tab")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_on_a_phone_the_menu_drawer_opens_and_closes_by_keyboard_with_focus_kept_inside(
        live_server, live_site_tree, reader, language):
    _, page = reader(PHONE, locale="fr-CA" if language == "fr" else "en-CA")
    page.goto(live_server.url + _urls(live_site_tree, language)["space"])
    assert page.locator(".site-header").bounding_box()["height"] < 80
    assert not page.locator(".site-header .site-nav").is_visible()  # the sections wait in the drawer

    _tab_to(page, "[data-drawer-open]")
    page.keyboard.press("Enter")
    drawer = page.locator("#site-drawer")
    assert drawer.is_visible()
    assert page.evaluate("document.querySelector('#site-drawer').matches(':modal')")
    assert page.get_attribute("[data-drawer-open]", "aria-expanded") == "true"
    assert _focused_inside(page, "#site-drawer")
    sections = drawer.locator(".drawer__sections a")
    assert sections.count() == 5 and sections.first.is_visible()
    assert drawer.locator('.drawer__tree a[aria-current="page"]').inner_text() == page.locator("h1").inner_text()

    # Twice round the drawer forwards, then backwards: focus never leaves it.
    count = page.evaluate("""() => [...document.querySelectorAll('#site-drawer a[href], #site-drawer button, #site-drawer input')]
                             .filter(e => e.getClientRects().length).length""")
    for _ in range(2 * count + 1):
        page.keyboard.press("Tab")
        assert _focused_inside(page, "#site-drawer")
    for _ in range(2 * count + 1):
        page.keyboard.press("Shift+Tab")
        assert _focused_inside(page, "#site-drawer")

    page.keyboard.press("Escape")
    assert not drawer.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-drawer-open]')")
    assert page.get_attribute("[data-drawer-open]", "aria-expanded") == "false"

    # The close button closes it too, and focus comes back to the menu button.
    page.keyboard.press("Enter")
    assert drawer.is_visible()
    page.keyboard.press("Enter")  # focus starts on « Fermer le menu »
    assert not drawer.is_visible()
    assert page.evaluate("document.activeElement.matches('[data-drawer-open]')")


def test_without_javascript_the_menu_is_a_link_to_the_sections(live_server, live_site_tree, chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + live_site_tree.space_fr.url)
    link = page.locator("a.menu-link")
    assert link.is_visible() and not page.locator("[data-drawer-open]").is_visible()
    link.click()
    assert page.url.endswith("#site-drawer")
    assert page.locator("#site-drawer .drawer__sections a").first.is_visible()
    context.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_on_this_page_covers_the_page_sections_beside_the_text_or_folded_on_phones(
        live_server, live_site_tree, reader, language):
    url = live_server.url + _urls(live_site_tree, language)["space"]
    expected = (["Infos pratiques", "Équipement", "Avant votre séance", "Galerie", "Nous joindre"] if language == "fr"
                else ["Practical information", "Equipment", "Before your session", "Gallery", "Contact us"])

    _, wide = reader(WIDE)
    wide.goto(url)
    toc = wide.locator("nav.toc")
    assert toc.locator("a").all_inner_texts() == expected
    text, box = wide.locator(".page__intro").bounding_box(), toc.bounding_box()
    assert box["x"] >= text["x"] + text["width"], "beside the text, on its right"
    wide.evaluate("window.scrollTo(0, 1500)")  # evaluate, not wait_for_function: the CSP forbids eval
    assert wide.evaluate("window.scrollY") > 1000
    assert 0 <= toc.bounding_box()["y"] < 100, "stays in view while reading"
    toc.locator("a").nth(3).click()
    assert wide.url.endswith("#" + toc.locator("a").nth(3).get_attribute("href")[1:])

    _, phone = reader(PHONE)
    phone.goto(url)
    summary = phone.locator("nav.toc summary")
    assert summary.bounding_box()["y"] < phone.locator(".page__intro").bounding_box()["y"], "at the top, under the title"
    assert not phone.locator("nav.toc a").first.is_visible()
    summary.focus()
    phone.keyboard.press("Enter")
    assert phone.locator("nav.toc a").all_inner_texts() == expected
    assert phone.locator("nav.toc a").first.is_visible()


def _guide_with_video(tree):
    guide = tree.guide_fr
    guide.videos = [{"type": "video", "id": str(uuid.uuid4()), "value": {
        "title": "Changer la buse", "url": "https://www.youtube.com/watch?v=abc123XYZ", "video_file": None, "transcript": ""}}]
    guide.save_revision().publish()
    return guide.url


def test_a_video_host_is_contacted_only_after_the_reader_agrees(live_server, live_site_tree, reader):
    url = live_server.url + _guide_with_video(live_site_tree)
    context, page = reader(PHONE)
    to_hosts = []

    def intercept(route):
        host = urlparse(route.request.url).hostname or ""
        if any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS):
            to_hosts.append(route.request.url)
            route.fulfill(status=200, content_type="text/html", body="<title>player</title>")
        else:
            route.continue_()

    context.route("**/*", intercept)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    button = page.get_by_role("button", name="Charger la vidéo (youtube.com dépose des cookies)")
    assert button.is_visible()
    assert page.get_by_role("link", name="Voir « Changer la buse » sur youtube.com").is_visible()
    assert page.locator("iframe").count() == 0
    assert to_hosts == [], "nothing asked of the video host before consent"

    button.click()
    frame = page.locator(".video__frame iframe")
    frame.wait_for()
    assert urlparse(frame.get_attribute("src")).hostname == "www.youtube-nocookie.com"
    assert any("youtube-nocookie.com/embed/abc123XYZ" in u for u in to_hosts)

    # Not remembered: the next visit asks again and contacts nobody.
    to_hosts.clear()
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0 and to_hosts == []

    # « Retenir mon choix » loads this host's videos straight away on later pages.
    page.get_by_label("Retenir mon choix pour youtube.com").check()
    page.get_by_role("button", name="Charger la vidéo (youtube.com dépose des cookies)").click()
    page.goto(url)
    page.locator(".video__frame iframe").wait_for()
    assert page.locator("[data-video-consent]").count() == 0


def test_the_video_prompt_reads_in_english(live_server, live_site_tree, reader):
    _guide_with_video(live_site_tree)
    from wagtail_localize.models import TranslationSource

    source = TranslationSource.update_or_create_from_instance(live_site_tree.guide_fr)[0]
    source.translations.get(target_locale=live_site_tree.en).save_target(publish=True)
    _, page = reader(WIDE, locale="en-CA")
    page.goto(live_server.url + live_site_tree.guide_en.url)
    assert page.get_by_role("button", name="Load the video (youtube.com sets cookies)").is_visible()
    assert page.get_by_label("Remember my choice for youtube.com").count() == 1


def _background(page):
    return page.evaluate("getComputedStyle(document.body).backgroundColor")


DARK_PAPER = "rgb(11, 17, 58)"  # bleu-700
LIGHT_PAPER = "rgb(255, 255, 255)"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_display_settings_are_reached_by_keyboard_and_follow_the_reader_across_pages(
        live_server, live_site_tree, reader, language):
    urls = _urls(live_site_tree, language)
    _, page = reader(WIDE, locale="fr-CA" if language == "fr" else "en-CA")
    page.goto(live_server.url + urls["home"])
    assert _background(page) == LIGHT_PAPER

    _tab_to(page, ".reading-settings__toggle")
    page.keyboard.press("Enter")
    panel = page.locator("#reading-settings-panel")
    assert panel.is_visible()
    page.keyboard.press("Tab")  # into the panel: the text sizes, a radio group
    page.keyboard.press("ArrowRight")  # « Grande » / « Large »
    assert page.locator("html").evaluate("e => e.classList.contains('rs-text-large')")
    page.keyboard.press("Tab")  # the theme group
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # « Sombre » / « Dark »
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # high contrast
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # wider spacing
    page.keyboard.press("Escape")
    assert not panel.is_visible()
    assert page.evaluate("document.activeElement.matches('.reading-settings__toggle')")

    page.goto(live_server.url + urls["guide"])  # another page, served from the page cache or not
    classes = page.locator("html").get_attribute("class").split()
    assert {"rs-text-large", "theme-dark", "rs-contrast-high", "rs-spacing-wide"} <= set(classes)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    assert _background(page) == "rgb(0, 0, 0)"  # dark and high contrast
    assert page.evaluate("parseFloat(getComputedStyle(document.body).letterSpacing)") > 1
    page.reload()
    assert _background(page) == "rgb(0, 0, 0)"

    # Reset: back to the device's theme.
    page.locator(".reading-settings__toggle").click()
    page.locator("[data-reading-reset]").click()
    assert _background(page) == LIGHT_PAPER
    page.goto(live_server.url + urls["space"])
    assert page.locator("html").get_attribute("class").split() == ["js"]


def test_the_device_dark_theme_is_followed_until_the_reader_chooses(live_server, live_site_tree, reader):
    _, page = reader(WIDE, color_scheme="dark")
    page.goto(live_server.url + "/fr/")
    assert _background(page) == DARK_PAPER
    page.locator(".reading-settings__toggle").click()
    page.get_by_label("Clair").check()
    assert _background(page) == LIGHT_PAPER
    page.goto(live_server.url + live_site_tree.space_fr.url)
    assert _background(page) == LIGHT_PAPER


def _violations(page):
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_axe_finds_no_violation_in_either_theme_language_or_width(live_server, live_site_tree, reader, settings, theme):
    settings.LIVE_DATA_SOURCES = {}
    _guide_with_video(live_site_tree)
    found = {}
    for viewport in (PHONE, WIDE):
        _, page = reader(viewport, color_scheme=theme)
        for language in ("fr", "en"):
            for path in _urls(live_site_tree, language).values():
                page.goto(live_server.url + path)
                found[(viewport["width"], path)] = _violations(page)
            if viewport is PHONE:
                page.goto(live_server.url + _urls(live_site_tree, language)["space"])
                page.locator("[data-drawer-open]").click()
                found[(390, "drawer " + language)] = _violations(page)
                page.keyboard.press("Escape")
            page.locator(".reading-settings__toggle").click()
            found[(viewport["width"], "settings " + language)] = _violations(page)
    assert {key: v for key, v in found.items() if v} == {}
