"""Site-wide notices and the campus emergency alert on every page and in the API; hours as iCalendar."""

import html as html_entities
from datetime import timedelta

from django.test import Client
from django.utils import timezone

import icalendar
import pytest

from pages.live.models import SiteNotice
from tests import live_upstream
from tests.live_upstream import LiveServices, hours_answer, hours_event

pytestmark = pytest.mark.django_db

EMERGENCY_PATH = "/urgence"
HOURS_PATH = "/horaires"


@pytest.fixture
def services(settings):
    with live_upstream.running(settings, {
        "emergency": EMERGENCY_PATH, "hours": HOURS_PATH + "?bibs={bib}&debut={debut}&fin={fin}&format=json",
    }) as base:
        LiveServices.answers[EMERGENCY_PATH] = (200, "application/json", {"active": False})
        yield base


def _notice(site_tree, message_fr, message_en, **fields):
    notice = SiteNotice.objects.create(locale=site_tree.fr, message=f"<p>{message_fr}</p>", **fields)
    english = notice.copy_for_translation(site_tree.en)
    english.message = f"<p>{message_en}</p>"
    english.save()
    return notice


def _html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response, html_entities.unescape(response.content.decode())


def test_a_notice_is_shown_on_every_page_in_its_language_and_appears_although_pages_are_cached(site_tree, services):
    _html(site_tree.space_fr.url)  # cached before the notice exists
    _notice(site_tree, "Fermeture le 24 décembre.", "Closed on December 24.", severity="warning")
    response, french = _html(site_tree.space_fr.url)
    assert response["X-Page-Cache"] == "hit"
    assert "Fermeture le 24 décembre." in french and "Closed on" not in french
    assert 'aria-label="Avis : Attention"' in french
    _response, english = _html(site_tree.guide_en.url)
    assert "Closed on December 24." in english and "Fermeture" not in english
    _response, home = _html(site_tree.home_fr.url)
    assert "Fermeture le 24 décembre." in home


def test_notices_outside_their_dates_are_not_shown(site_tree, services):
    now = timezone.now()
    _notice(site_tree, "Terminé.", "Over.", ends_at=now - timedelta(minutes=1))
    _notice(site_tree, "Plus tard.", "Later.", starts_at=now + timedelta(days=1))
    _response, html = _html(site_tree.space_fr.url)
    assert "Terminé." not in html and "Plus tard." not in html
    assert 'class="site-notice' not in html


def test_an_active_campus_emergency_replaces_the_notices(site_tree, services):
    _notice(site_tree, "Fermeture le 24 décembre.", "Closed on December 24.")
    LiveServices.answers[EMERGENCY_PATH] = (200, "application/json", {
        "active": True, "title": "Confinement", "message": "Restez à l'intérieur.", "url": "https://urgence.example/"})
    _response, html = _html(site_tree.space_fr.url)
    assert "Alerte d'urgence sur le campus" in html and "Confinement" in html and "Restez à l'intérieur." in html
    assert 'href="https://urgence.example/"' in html
    assert "Fermeture le 24 décembre." not in html
    api = Client().get("/api/v2/notices/?locale=fr").json()
    assert api["emergency"]["active"] is True and api["emergency"]["status"] == "ok"
    assert api["notices"] == []


@pytest.mark.parametrize("answer", [(500, "text/plain", b"down"), (200, "application/json", b"[1, 2")],
                         ids=["500", "garbage"])
def test_an_emergency_feed_that_fails_leaves_the_notices(site_tree, services, answer):
    _notice(site_tree, "Fermeture le 24 décembre.", "Closed on December 24.")
    LiveServices.answers[EMERGENCY_PATH] = answer
    _response, html = _html(site_tree.space_fr.url)
    assert "Fermeture le 24 décembre." in html
    assert "Alerte d'urgence" not in html


def test_the_api_lists_the_current_notices_of_a_language(site_tree, services):
    notice = _notice(site_tree, "Fermeture le 24 décembre.", "Closed on December 24.", severity="danger",
                     dismissible=False)
    for version in ("v2", "v3"):
        body = Client().get(f"/api/{version}/notices/?locale=en").json()
        assert body["emergency"] == {"status": "ok", "fetched_at": body["emergency"]["fetched_at"], "data": {
            "active": False, "title": "", "message": "", "url": ""}, "active": False}
        assert [(n["message"], n["severity"], n["dismissible"], n["translation_key"]) for n in body["notices"]] == [
            ("<p>Closed on December 24.</p>", "danger", False, str(notice.translation_key))]
    assert Client().get("/api/v2/notices/?locale=de").status_code == 400


def test_hours_as_an_icalendar_feed_of_a_library_service(site_tree, services):
    today = timezone.localdate()
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(
        hours_event(today), hours_event(today + timedelta(days=1), service="regulier")))
    response = Client().get("/horaires/ss/soutien-informatique.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert len(events) == 2, "two ranges today; the other service is left out"
    first = events[0]
    assert first.decoded("dtstart").astimezone(timezone.get_current_timezone()).hour == 9
    assert str(first.decoded("dtstart").tzinfo) == "UTC"
    assert first.decoded("duration") == timedelta(hours=4)
    assert "Bibliothèque des lettres et sciences humaines" in str(first["location"])
    assert LiveServices.queries[HOURS_PATH][0] == (
        f"bibs=ss&debut={today}&fin={today + timedelta(weeks=4) - timedelta(days=1)}&format=json")


def test_the_icalendar_feed_says_so_when_the_hours_service_is_down(site_tree, services):
    LiveServices.answers[HOURS_PATH] = (500, "application/json", {"error": "x"})
    response = Client().get("/horaires/ss/soutien-informatique.ics")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_a_library_code_climbing_out_of_the_path_is_refused(site_tree, services):
    assert Client().get("/horaires/..%2F..%2Fadmin/x.ics").status_code == 404
    assert LiveServices.hits[HOURS_PATH] == 0
