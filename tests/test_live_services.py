"""Hours, upcoming workshops and next free slot: typed live boxes, against fake services in their formats."""

import socket
import uuid
from datetime import date, datetime, timedelta

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest

from tests import live_upstream
from tests.live_upstream import LiveServices, french_date, hours_answer, hours_event

pytestmark = pytest.mark.django_db

HOURS_PATH = "/horaires/horaires"
WORKSHOPS_PATH = "/formations/discipline/informatique-creation-medias"
BOOKING_PATH = "/webhook/api/studio-balado-video"


@pytest.fixture
def services(settings):
    with live_upstream.running(settings, {
        "hours": HOURS_PATH + "?bibs={bib}&debut={debut}&fin={fin}&format=json",
        "workshops": "/formations/discipline/{discipline}",
        "booking": "/webhook/api/{service}",
    }) as base:
        yield base


def _today():
    return timezone.localdate()


def _block(block_type, **value):
    return {"type": block_type, "id": str(uuid.uuid4()), "value": value}


def _publish(page, *blocks):
    page.body = list(blocks)
    page.save_revision().publish()
    return page.url


def _html(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def _box(html, source):
    return html.split(f'data-source="{source}"', 1)[1].split("</section>", 1)[0]


def test_todays_support_hours_in_french_and_english(site_tree, services):
    today = _today()
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(
        hours_event(today), hours_event(today, service="regulier", debut1="00:00", fin1="", debut2="", fin2="24:00",
                                        sommaire="ouvert 24h")))
    hours = _block("library_hours", title="Soutien informatique", library="ss", service="soutien-informatique",
                   view="today")
    french = _box(_html(_publish(site_tree.guide_fr, hours)), "hours")
    assert "Soutien informatique" in french
    assert "09:00 à 13:00, 14:30 à 17:00" in french
    assert "Aujourd’hui" in french or "Aujourd'hui" in french
    english = _box(_html(_publish(site_tree.guide_en, hours)), "hours")
    assert "Today" in english
    assert "9 a.m. to 1 p.m., 2:30 p.m. to 5 p.m." in english
    assert "à" not in english, "the service's French summary never reaches the English page"
    assert LiveServices.queries[HOURS_PATH][0] == f"bibs=ss&debut={today}&fin={today}&format=json"


def test_the_week_lists_monday_to_sunday_with_closed_days(site_tree, services):
    today = _today()
    monday = today - timedelta(days=today.weekday())
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(
        hours_event(monday, debut1="10:00", fin1="", debut2="", fin2="16:00"),
        hours_event(monday + timedelta(days=1), sommaire="fermé", debut1="", fin1="", debut2="", fin2=""),
    ))
    html = _box(_html(_publish(site_tree.guide_fr, _block(
        "library_hours", title="", library="ss", service="soutien-informatique", view="week"))), "hours")
    assert html.count("<tr") == 7
    assert "10:00 à 16:00" in html
    assert html.count("Fermé") == 6
    assert 'aria-current="date"' in html
    assert LiveServices.queries[HOURS_PATH][0] == f"bibs=ss&debut={monday}&fin={monday + timedelta(days=6)}&format=json"


@pytest.mark.parametrize("answer", [
    (500, "application/json", {"error": "boom"}),
    (200, "text/html", b"<html>maintenance</html>"),
    (200, "application/json", {"total": 1, "evenements": [{"date": "2026-12-01T05:00:00.000Z", "debut1": "9h"}]}),
], ids=["500", "garbage", "times-not-in-the-format"])
def test_hours_that_cannot_be_read_say_unknown_and_link_to_the_hours_page(site_tree, services, answer):
    LiveServices.answers[HOURS_PATH] = answer
    html = _box(_html(_publish(site_tree.guide_fr, _block(
        "library_hours", title="", library="ss", service="soutien-informatique", view="today"))), "hours")
    assert "Horaires inconnus pour le moment." in html
    assert f'href="{settings.LIBRARY_HOURS_PAGE_URL}"' in html
    assert "État à" not in html


def test_an_empty_day_is_closed_not_unknown(site_tree, services):
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer())
    html = _box(_html(_publish(site_tree.guide_fr, _block(
        "library_hours", title="", library="ss", service="soutien-informatique", view="today"))), "hours")
    assert "Fermé" in html
    assert "inconnus" not in html


def test_the_next_four_workshops_from_today_in_date_order(site_tree, services):
    today = _today()
    entries = [
        {"date": french_date(today + timedelta(days=n)), "titre": f"Atelier {n}",
         "typeLocalisation": "en-ligne" if n == 3 else "presentiel", "lieu": "" if n == 3 else "Carrefour B-2270",
         "url": f"https://bib.example/inscription/{n}"}
        for n in (9, 3, 5, 1, 7)
    ] + [
        {"date": french_date(today - timedelta(days=2)), "titre": "Passé", "typeLocalisation": "", "lieu": "", "url": ""},
        {"date": "bientôt", "titre": "Date illisible", "typeLocalisation": "", "lieu": "", "url": ""},
        {"date": french_date(today), "titre": "Piégé", "typeLocalisation": "", "lieu": "", "url": "javascript:alert(1)"},
    ]
    LiveServices.answers[WORKSHOPS_PATH] = (200, "application/json", entries)
    html = _box(_html(_publish(site_tree.guide_fr, _block(
        "workshops", title="Prochaines formations", discipline="informatique-creation-medias", place="", count=4))),
        "workshops")
    order = [html.index(title) for title in ("Piégé", "Atelier 1", "Atelier 3", "Atelier 5")]
    assert order == sorted(order)
    assert "Atelier 7" not in html and "Passé" not in html and "Date illisible" not in html
    assert "(en ligne)" in html and "(Carrefour B-2270)" in html
    assert 'href="https://bib.example/inscription/1"' in html
    assert "javascript:" not in html


def test_workshops_filtered_by_place_and_none_to_come(site_tree, services):
    today = _today()
    LiveServices.answers[WORKSHOPS_PATH] = (200, "application/json", [
        {"date": french_date(today + timedelta(days=1)), "titre": "Balado", "typeLocalisation": "", "lieu": "Studio A",
         "url": ""}])
    block = _block("workshops", title="", discipline="informatique-creation-medias", place="Laboratoire", count=4)
    html = _box(_html(_publish(site_tree.guide_fr, block)), "workshops")
    assert "Aucune formation à venir." in html
    assert "Balado" not in html


def test_the_next_free_slot_with_its_booking_link(site_tree, services):
    LiveServices.answers[BOOKING_PATH] = (200, "application/json",
                                          {"next": {"start_local": "2026-12-03T14:00:00"}, "duration_min": 120})
    block = _block("next_slot", title="Studio balado vidéo", service="studio-balado-video",
                   booking_url="https://bib.example/reserver/balado")
    html = _box(_html(_publish(site_tree.guide_fr, block)), "booking")
    assert "Prochaine disponibilité :" in html and "jeudi 3 décembre, 14:00" in html and "120 minutes" in html
    assert 'href="https://bib.example/reserver/balado"' in html
    english = _box(_html(_publish(site_tree.guide_en, block)), "booking")
    assert "Thursday 3 December, 2 p.m." in english


def test_no_slot_in_14_days_and_a_booking_service_that_is_down(site_tree, services, settings):
    LiveServices.answers[BOOKING_PATH] = (200, "application/json", {"next": None, "duration_min": 120})
    block = _block("next_slot", title="", service="studio-balado-video", booking_url="")
    html = _box(_html(_publish(site_tree.guide_fr, block)), "booking")
    assert "Aucune disponibilité dans les 14 prochains jours." in html
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.LIVE_DATA_SOURCES = {**settings.LIVE_DATA_SOURCES, "booking": f"http://127.0.0.1:{port}/{{service}}"}
    from django.core.cache import cache

    cache.clear()
    html = _box(_html(site_tree.guide_fr.url), "booking")
    assert "Indisponible pour le moment." in html
    assert f'href="{settings.LIBRARY_BOOKING_PAGE_URL}"' in html, "the booking link is always there"


def test_three_slow_services_on_one_page_are_asked_at_once_within_one_deadline(site_tree, services, settings):
    """Each service takes 0.3 s; one after another they would pass the 0.5 s deadline."""
    today = _today()
    LiveServices.delay = 0.3
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(hours_event(today)))
    LiveServices.answers[WORKSHOPS_PATH] = (200, "application/json", [])
    LiveServices.answers[BOOKING_PATH] = (200, "application/json", {"next": None})
    html = _html(_publish(
        site_tree.guide_fr,
        _block("library_hours", title="", library="ss", service="soutien-informatique", view="today"),
        _block("workshops", title="", discipline="informatique-creation-medias", place="", count=4),
        _block("next_slot", title="", service="studio-balado-video", booking_url=""),
    ))
    assert "09:00 à 13:00" in html
    assert "Aucune formation à venir." in html
    assert "Aucune disponibilité dans les 14 prochains jours." in html


def test_a_service_slower_than_the_deadline_is_unknown(site_tree, services):
    LiveServices.delay = 2
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(hours_event(_today())))
    html = _box(_html(_publish(site_tree.guide_fr, _block(
        "library_hours", title="", library="ss", service="soutien-informatique", view="today"))), "hours")
    assert "Horaires inconnus pour le moment." in html


def test_the_api_gives_the_same_data_typed_with_status_and_fetched_at(site_tree, services):
    today = _today()
    LiveServices.answers[HOURS_PATH] = (200, "application/json", hours_answer(hours_event(today)))
    _publish(site_tree.guide_fr,
             _block("library_hours", title="", library="ss", service="soutien-informatique", view="today"),
             _block("next_slot", title="", service="studio-balado-video", booking_url=""))
    for version in ("v2", "v3"):
        response = Client().get(f"/api/{version}/pages/{site_tree.guide_fr.pk}/")
        assert response.status_code == 200, version
        body = {block["type"]: block["value"] for block in response.json()["body"]}
        hours = body["library_hours"]["live"]
        assert hours["status"] == "ok"
        assert datetime.fromisoformat(hours["fetched_at"]) <= timezone.now()
        assert hours["data"]["days"][0] == {"date": today.isoformat(), "library": "ss",
                                            "service": "soutien-informatique",
                                            "ranges": [["09:00", "13:00"], ["14:30", "17:00"]], "closed": False}
        assert body["next_slot"]["live"] == {"status": "unavailable", "fetched_at": body["next_slot"]["live"]["fetched_at"],
                                             "data": None}
        assert body["library_hours"]["library"] == "ss"


def test_french_dates_of_the_workshops_api():
    from pages.live.formats import parse_french_date

    assert parse_french_date("12 févr. 2026") == date(2026, 2, 12)
    assert parse_french_date("3 juil 2026") == date(2026, 7, 3)
    assert parse_french_date("1er août 2026") == date(2026, 8, 1)
    assert parse_french_date("31 févr. 2026") is None
    assert parse_french_date("demain") is None


def test_the_chat_is_a_link_opened_on_request_with_a_plain_contact_beside_it(site_tree, settings):
    code = "2cdfcaf0f2e776291e8bfc9296e8b7573083d9b6ad33c930fa46024633447cce"
    html = _html(_publish(site_tree.guide_fr, _block("chat", title="Une question ?", hash=code, email="")))
    box = html.split("live-chat", 1)[1].split("</section>", 1)[0]
    assert f'href="{settings.LIVE_CHAT_URL.format(hash=code)}"' in box
    assert f'href="mailto:{settings.LIBRARY_SUPPORT_EMAIL}"' in box
    assert f'href="{settings.LIBRARY_HOURS_PAGE_URL}"' in box
    assert "<script" not in box and "unequestion" not in html.replace(settings.LIVE_CHAT_URL.format(hash=code), "")


def test_a_chat_code_that_is_not_a_hash_is_refused_by_the_admin_rules():
    from django.core.exceptions import ValidationError

    from pages.blocks.live_services import ChatBlock

    block = ChatBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "", "hash": "x&onload=alert(1)", "email": ""}))
