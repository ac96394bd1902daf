import pytest

pytestmark = pytest.mark.browser


def test_reader_opens_a_space_in_french_and_switches_to_english(live_server, live_site_tree, browser_page):
    space_fr, space_en = live_site_tree.space_fr, live_site_tree.space_en
    browser_page.goto(f"{live_server.url}{space_fr.url}")
    assert browser_page.locator("html").get_attribute("lang") == "fr"
    assert browser_page.locator("h1").inner_text() == space_fr.title
    browser_page.get_by_role("link", name="English").click()
    browser_page.wait_for_url(f"**{space_en.url}")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.locator("h1").inner_text() == "Podcast studio"
