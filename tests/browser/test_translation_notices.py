"""A reader on the English side meets a page behind its French version, and one not translated yet."""

import pytest

from pages.site_setup.skeleton import publish

from ..translation_helpers import add_french_guide

pytestmark = pytest.mark.browser


def test_reader_sees_the_outdated_notice_and_follows_it_to_the_french_page(live_server, live_site_tree, browser_page):
    from pages.site_setup.demo import demo_admin

    admin = demo_admin()
    space = live_site_tree.space_fr
    space.summary = "Un studio insonorisé, rénové cet été."
    publish(space, admin)
    add_french_guide(live_site_tree.sections["creatives"], admin, title="Découpeuse laser", slug="decoupeuse-laser")

    browser_page.goto(f"{live_server.url}/en/spaces/podcast-studio/")
    notice = browser_page.locator("aside.translation-notice--outdated")
    assert notice.is_visible()
    notice.get_by_role("link").click()
    browser_page.wait_for_url("**/fr/espaces/studio-balado/")
    assert browser_page.locator("html").get_attribute("lang") == "fr"
    assert "rénové cet été" in browser_page.locator("main").inner_text()
    assert browser_page.locator("aside.translation-notice--outdated").count() == 0

    browser_page.goto(f"{live_server.url}/en/creative/")
    card = browser_page.locator(".card--untranslated a[lang='fr']")
    assert card.inner_text() == "Découpeuse laser"
    card.click()
    browser_page.wait_for_url("**/fr/creatives/decoupeuse-laser/")
    assert browser_page.locator("h1").inner_text() == "Découpeuse laser"
