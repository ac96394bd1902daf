"""Carousel, interactive image, panorama and hero in Chromium: zero axe violations with and
without JavaScript, and keyboard journeys through the carousel and the 360° view."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.translation_helpers import every_block_body

pytestmark = pytest.mark.browser

RICH = ("carousel", "interactive_image", "panorama", "hero")


def _publish_rich_media(tree):
    from wagtail.images.models import Image

    body = [b for b in every_block_body(tree.space_fr) if b["type"] in RICH]
    image = Image.objects.order_by("pk").first()
    body[0]["value"]["slides"].append({"image": image.pk, "alt": "La scie à ruban", "decorative": False,
                                       "caption": "La scie", "credit": ""})
    page = tree.guide_fr
    page.body = body
    page.save_revision().publish()
    return page.url


def _violations(page):
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("javascript", [False, True], ids=["without-javascript", "with-javascript"])
def test_a_page_with_each_rich_media_block_has_no_axe_violation(live_server, live_site_tree, chromium, settings, javascript):
    settings.LIVE_DATA_SOURCES = {}
    url = _publish_rich_media(live_site_tree)
    context = chromium.new_context(locale="fr-CA")
    page = context.new_page()
    if not javascript:
        page.route("**/*.js", lambda route: route.abort())
    try:
        page.goto(live_server.url + url)
        if javascript:
            page.wait_for_selector(".carousel--enhanced")
            page.wait_for_selector(".panorama--enhanced", timeout=10000)
        else:
            assert page.locator(".carousel__slide:visible").count() == 3
            assert page.locator(".interactive-image__zones li").count() == 1
            assert page.locator(".panorama__still").is_visible()
        assert _violations(page) == []
    finally:
        context.close()


def test_a_reader_goes_through_the_carousel_with_the_keyboard(live_server, live_site_tree, browser_page, settings):
    settings.LIVE_DATA_SOURCES = {}
    page = browser_page
    page.goto(live_server.url + _publish_rich_media(live_site_tree))
    page.wait_for_selector(".carousel--enhanced")
    status = page.locator(".carousel__status")
    assert status.inner_text() == "Photo 1 sur 3"
    assert page.locator(".carousel__slide:visible").count() == 1
    page.get_by_role("button", name="Photo précédente").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused == "Photo suivante"
    page.keyboard.press("Enter")
    assert status.inner_text() == "Photo 2 sur 3"
    assert status.get_attribute("aria-live") == "polite"
    assert page.locator(".carousel__slide:visible img").get_attribute("alt") == ""  # the decorative one
    page.keyboard.press("ArrowRight")
    assert status.inner_text() == "Photo 3 sur 3"
    assert page.locator(".carousel__slide:visible img").get_attribute("alt") == "La scie à ruban"
    page.keyboard.press("ArrowLeft")
    assert status.inner_text() == "Photo 2 sur 3"
    assert page.get_by_role("button", name="Mettre en pause le défilement").count() == 0  # never moves on its own


def test_a_reader_turns_the_360_view_with_the_keyboard(live_server, live_site_tree, browser_page, settings):
    settings.LIVE_DATA_SOURCES = {}
    page = browser_page
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(live_server.url + _publish_rich_media(live_site_tree))
    page.wait_for_selector(".panorama--enhanced", timeout=10000)
    for _ in range(50):  # wait_for_function would need eval, which the page's CSP forbids
        if page.evaluate("document.querySelector('[data-panorama]').panoramaViewer.state.ready"):
            break
        page.wait_for_timeout(200)
    viewer = page.locator(".panorama__viewer")
    assert viewer.get_attribute("aria-label") == "Vue à 360° de l'atelier"
    fullscreen = page.get_by_role("button", name="Plein écran")
    assert fullscreen.count() == 1 and fullscreen.get_attribute("tabindex") == "0"
    # Tab reaches the viewer (after the zone button of the interactive image above it).
    page.locator(".interactive-image__spot").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('panorama__viewer')")
    before = page.evaluate("document.querySelector('[data-panorama]').panoramaViewer.getPosition().yaw")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(600)
    after = page.evaluate("document.querySelector('[data-panorama]').panoramaViewer.getPosition().yaw")
    assert after != before
    assert errors == []  # the viewer runs under the public Content-Security-Policy
    # The interactive image's zone button highlights its entry in the list.
    page.locator(".interactive-image__spot").click()
    assert page.locator(".interactive-image__zones li.is-active").count() == 1


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_an_autoplaying_carousel_shows_a_pause_button_and_stays_still_for_reduced_motion(
    live_server, live_site_tree, chromium, settings, motion
):
    settings.LIVE_DATA_SOURCES = {}
    url = _publish_rich_media(live_site_tree)
    page_model = live_site_tree.guide_fr.get_latest_revision_as_object()
    body = page_model.body.raw_data
    body[0]["value"]["autoplay"] = True
    page_model.body = body
    page_model.save_revision().publish()
    context = chromium.new_context(locale="fr-CA", reduced_motion=motion)
    page = context.new_page()
    try:
        page.goto(live_server.url + url)
        page.wait_for_selector(".carousel--enhanced")
        pause = page.locator(".carousel__pause")
        assert pause.is_visible()
        if motion == "reduce":
            assert pause.get_attribute("aria-label") == "Reprendre le défilement"
        else:
            assert pause.get_attribute("aria-label") == "Mettre en pause le défilement"
            pause.click()
            assert pause.get_attribute("aria-label") == "Reprendre le défilement"
            assert pause.get_attribute("aria-pressed") == "true"
        assert page.locator(".carousel__status").inner_text() == "Photo 1 sur 3"
    finally:
        context.close()
