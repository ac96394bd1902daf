"""axe-core in Chromium: zero violations on every page type, the search page and the 404 page, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import rich_guide

pytestmark = pytest.mark.browser

PAGES = {
    "fr": ["/fr/", "/fr/espaces/", "/fr/a-propos/mission/", "/fr/espaces/studio-balado/",
           "/fr/creatives/imprimante-3d-bambu/", "/fr/recherche/", "/fr/recherche/?q=studio", "/fr/page-absente/"],
    "en": ["/en/", "/en/spaces/", "/en/about/mission/", "/en/spaces/podcast-studio/",
           "/en/creative/bambu-3d-printer/", "/en/search/", "/en/search/?q=studio", "/en/missing-page/"],
}


def _violations(page, url):
    response = page.goto(url)
    expected = 404 if ("absente" in url or "missing" in url) else 200
    assert response.status == expected, url
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_axe_finds_no_violation_on_any_page_type(live_server, live_site_tree, browser_page, language, settings):
    settings.LIVE_DATA_SOURCES = {}
    urls = list(PAGES[language])
    if language == "fr":
        urls.append(rich_guide(live_site_tree))  # tabs, collapsible, live data, table of contents, sub-pages
    found = {url: _violations(browser_page, live_server.url + url) for url in urls}
    assert {url: v for url, v in found.items() if v} == {}


def test_axe_finds_no_violation_once_tabs_are_switched_and_collapsibles_opened(live_server, live_site_tree, browser_page, settings):
    settings.LIVE_DATA_SOURCES = {}
    url = live_server.url + rich_guide(live_site_tree)
    browser_page.goto(url)
    assert browser_page.get_by_role("tablist").count() == 1
    browser_page.get_by_role("tab", name="macOS").click()
    browser_page.locator("details.details summary").click()
    assert Axe().run(browser_page).response["violations"] == []
