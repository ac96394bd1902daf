import pytest

pytestmark = pytest.mark.browser


def test_reader_opens_a_space_in_french_and_switches_to_english(live_server, live_site_tree, browser_page):
    browser_page.goto(f"{live_server.url}/fr/espaces/studio-balado/")
    assert browser_page.locator("html").get_attribute("lang") == "fr"
    assert browser_page.locator("h1").inner_text() == "Studio balado"
    browser_page.get_by_role("link", name="English").click()
    browser_page.wait_for_url("**/en/spaces/podcast-studio/")
    assert browser_page.locator("html").get_attribute("lang") == "en"
    assert browser_page.locator("h1").inner_text() == "Podcast studio"
