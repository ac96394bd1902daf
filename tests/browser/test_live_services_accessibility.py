"""The live boxes, the site notice and the emergency alert in Chromium: current data without
JavaScript, and zero axe violations in both languages, services up and down."""

import os
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

import pytest
from axe_playwright_python.sync_playwright import Axe

from pages.live.models import SiteNotice
from tests import live_upstream
from tests.live_upstream import LiveServices, french_date, hours_answer, hours_event

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", tempfile.gettempdir()))
CODE = "2cdfcaf0f2e776291e8bfc9296e8b7573083d9b6ad33c930fa46024633447cce"


@pytest.fixture
def services(settings):
    with live_upstream.running(settings, {
        "hours": "/horaires?bibs={bib}&debut={debut}&fin={fin}&format=json",
        "workshops": "/formations/discipline/{discipline}",
        "booking": "/webhook/api/{service}",
        "emergency": "/urgence",
    }, timeout=1) as base:
        yield from _answers(base)


def _answers(base):
    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    LiveServices.answers.update({
        "/horaires": (200, "application/json", hours_answer(*[hours_event(monday + timedelta(days=n)) for n in range(5)])),
        "/formations/discipline/informatique-creation-medias": (200, "application/json", [
            {"date": french_date(today + timedelta(days=2)), "titre": "Initiation à l'impression 3D",
             "typeLocalisation": "en-ligne", "lieu": "", "url": "https://bib.example/inscription"}]),
        "/webhook/api/studio-balado-video": (200, "application/json",
                                             {"next": {"start_local": "2026-12-03T14:00:00"}, "duration_min": 120}),
        "/urgence": (200, "application/json", {"active": False}),
    })
    yield base


def _block(block_type, **value):
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def _publish_live_boxes(tree):
    blocks = [
        _block("library_hours", title="Soutien informatique", library="ss", service="soutien-informatique", view="today"),
        _block("library_hours", title="", library="ss", service="soutien-informatique", view="week"),
        _block("workshops", title="Prochaines formations", discipline="informatique-creation-medias", place="", count=4),
        _block("next_slot", title="Studio balado vidéo", service="studio-balado-video", booking_url=""),
        _block("chat", title="Une question ?", hash=CODE, email=""),
    ]
    for page in (tree.guide_fr, tree.guide_en):
        page.body = blocks
        page.save_revision().publish()
    notice = SiteNotice.objects.create(locale=tree.fr, severity="warning", message="<p>Fermeture le 24 décembre.</p>")
    english = notice.copy_for_translation(tree.en)
    english.message = "<p>Closed on December 24.</p>"
    english.save()
    return {"fr": tree.guide_fr.url, "en": tree.guide_en.url}


def _violations(page):
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("javascript", [False, True], ids=["without-javascript", "with-javascript"])
def test_live_boxes_and_notice_are_current_and_accessible_in_both_languages(
    live_server, live_site_tree, chromium, services, javascript
):
    urls = _publish_live_boxes(live_site_tree)
    context = chromium.new_context(locale="fr-CA")
    page = context.new_page()
    if not javascript:
        # The site's scripts never load, as for a reader without JavaScript; axe itself is injected
        # by the test (a context with JavaScript turned off cannot run it).
        page.route("**/*.js", lambda route: route.abort())
    try:
        found = {}
        for language, url in urls.items():
            page.goto(live_server.url + url)
            text = page.inner_text("body")
            if language == "fr":
                assert "09:00 à 13:00, 14:30 à 17:00" in text
                assert "Initiation à l'impression 3D" in text and "Fermeture le 24 décembre." in text
                assert "Prochaine disponibilité :" in text
            else:
                assert "9 a.m. to 1 p.m., 2:30 p.m. to 5 p.m." in text
                assert "Closed on December 24." in text and "Next availability:" in text
            hide = page.get_by_role("button", name="Masquer cet avis" if language == "fr" else "Hide this notice")
            assert hide.count() == (1 if javascript else 0), "the hide button exists only where it works"
            page.screenshot(path=SCREENSHOTS / f"live-services-{language}-{'js' if javascript else 'nojs'}.png", full_page=True)
            found[language] = _violations(page)
        assert found == {"fr": [], "en": []}
    finally:
        context.close()


def test_services_down_and_an_emergency_alert_are_accessible(live_server, live_site_tree, browser_page, services):
    urls = _publish_live_boxes(live_site_tree)
    for path in ("/horaires", "/formations/discipline/informatique-creation-medias", "/webhook/api/studio-balado-video"):
        LiveServices.answers[path] = (500, "text/plain", b"down")
    LiveServices.answers["/urgence"] = (200, "application/json", {
        "active": True, "title": "Confinement", "message": "Restez à l'intérieur.", "url": "https://urgence.example/"})
    browser_page.goto(live_server.url + urls["fr"])
    text = browser_page.inner_text("body")
    assert "Horaires inconnus pour le moment." in text and "Indisponible pour le moment." in text
    assert "Confinement" in text and "Fermeture le 24 décembre." not in text
    browser_page.screenshot(path=SCREENSHOTS / "live-services-fr-down.png", full_page=True)
    assert _violations(browser_page) == []


def test_a_hidden_notice_stays_hidden_on_the_next_page(live_server, live_site_tree, browser_page, services):
    urls = _publish_live_boxes(live_site_tree)
    browser_page.goto(live_server.url + urls["fr"])
    browser_page.get_by_role("button", name="Masquer cet avis").click()
    assert not browser_page.get_by_text("Fermeture le 24 décembre.").is_visible()
    browser_page.goto(live_server.url + live_site_tree.space_fr.url)
    assert not browser_page.get_by_text("Fermeture le 24 décembre.").is_visible()
