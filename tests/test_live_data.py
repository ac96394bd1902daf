"""Live-data blocks against a local fake upstream: value shown, cached, and « unknown » when slow or down."""

import json
import socket
import threading
import time
import uuid
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.cache import cache
from django.test import Client

import pytest

from pages.models import ToolGuidePage

pytestmark = pytest.mark.django_db

UNKNOWN = "Disponibilité inconnue pour le moment."


class FakeUpstream(BaseHTTPRequestHandler):
    hits = Counter()
    faults = {}  # path -> handler misbehaving on purpose
    copies = 3  # what the circulation service says about every item

    def do_GET(self):
        path = self.path.split("?")[0]
        FakeUpstream.hits[path] += 1
        if path.startswith("/slow/"):
            time.sleep(2)
        if path in FakeUpstream.faults:
            FakeUpstream.faults[path](self)
            return
        if path == "/docs/broken/statut-circulation":
            body = b"<html>maintenance</html>"
        elif path.startswith(("/docs/", "/slow/")):
            body = json.dumps(
                {"total-exemplaires-disponibles": FakeUpstream.copies, "permalien": "https://example.org/notice/42"}
            ).encode()
        elif path == "/computers/":
            body = json.dumps(
                [
                    {"id": "BIB-PC01", "enabled": True, "state": "inactive"},
                    {"id": "BIB-PC02", "enabled": True, "state": "active"},
                    {"id": "BIB-PC03", "enabled": False, "state": "inactive"},
                    {"id": "BIB-PC04", "enabled": True, "state": "inactive"},
                ]
            ).encode()
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeUpstream)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeUpstream.hits.clear()
    FakeUpstream.faults.clear()
    FakeUpstream.copies = 3
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def live_settings(settings, upstream):
    cache.clear()
    settings.LIVE_DATA_TIMEOUT = 0.5
    settings.LIVE_DATA_SOURCES = {
        "equipment_availability": upstream + "/docs/{oclc}/statut-circulation",
        "available_computers": upstream + "/computers/?lieu={lieu}",
        "other": upstream + "/slow/{oclc}",
    }
    yield settings
    cache.clear()


def _block(source, title, **parameters):
    return {
        "type": "live_data",
        "id": str(uuid.uuid4()),
        "value": {
            "source": source,
            "component": "",
            "title": title,
            "parameters": [{"name": name, "value": value} for name, value in parameters.items()],
        },
    }


def _page(site_tree, *blocks):
    section = site_tree.sections["creatives"]
    page = ToolGuidePage(
        title="Découpeuse vinyle",
        slug="decoupeuse-vinyle",
        body=list(blocks),
        locale=section.locale,
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return "/fr/creatives/decoupeuse-vinyle/"


def _text(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_number_of_available_copies_from_the_service(site_tree, live_settings):
    url = _page(site_tree, _block("equipment_availability", "Trousse Arduino", oclc="42"))
    html = _text(url)
    assert "Trousse Arduino" in html
    assert "Disponible : 3 exemplaires" in html
    assert 'href="https://example.org/notice/42"' in html
    assert UNKNOWN not in html


def _live_values_expire(settings):
    """Wait until the live values cached by the last request are past their own lifetime
    (the page cache's lifetime, 600 s, is untouched)."""
    time.sleep(max(settings.LIVE_DATA_CACHE_SECONDS, settings.LIVE_DATA_FAILURE_CACHE_SECONDS) + 0.2)


def test_the_answer_is_cached_so_readers_do_not_each_call_the_service(site_tree, live_settings):
    live_settings.LIVE_DATA_CACHE_SECONDS = 1
    url = _page(site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    _text(url)
    _text(url)
    _text(url)
    assert FakeUpstream.hits["/docs/42/statut-circulation"] == 1
    _live_values_expire(live_settings)
    _text(url)
    assert FakeUpstream.hits["/docs/42/statut-circulation"] == 2


def test_a_change_upstream_reaches_readers_within_the_services_cache_time_while_the_page_stays_cached(
    site_tree, live_settings
):
    """The bug of issue 17: the page cache (600 s) froze the live box it had rendered."""
    live_settings.LIVE_DATA_CACHE_SECONDS = 1
    url = _page(site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    first = Client().get(url)
    assert first["X-Page-Cache"] == "miss"
    assert "Disponible : 3 exemplaires" in first.content.decode()
    FakeUpstream.copies = 1
    _live_values_expire(live_settings)
    later = Client().get(url)
    assert later["X-Page-Cache"] == "hit", "the page itself is still served from the page cache"
    html = later.content.decode()
    assert "Disponible : 1 exemplaire" in html
    assert "3 exemplaires" not in html
    assert "live-part:" not in html, "no placeholder reaches the reader"
    # Browsers and CDNs may not keep the page longer than its live value stays current.
    assert "max-age=1" in later["Cache-Control"] or "max-age=0" in later["Cache-Control"]
    assert not later.has_header("Last-Modified")


def test_a_one_off_failure_is_forgotten_after_the_failure_cache_time(site_tree, live_settings):
    live_settings.LIVE_DATA_FAILURE_CACHE_SECONDS = 1
    FakeUpstream.faults["/docs/42/statut-circulation"] = _server_error
    url = _page(site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    assert UNKNOWN in _text(url)
    del FakeUpstream.faults["/docs/42/statut-circulation"]
    _live_values_expire(live_settings)
    response = Client().get(url)
    assert response["X-Page-Cache"] == "hit"
    assert "Disponible : 3 exemplaires" in response.content.decode()


def test_a_placeholder_written_by_hand_in_content_is_not_expanded(site_tree, live_settings):
    from pages.live.fragments import fill

    forged = b"<p><!--live-part:WyJsaXZlX2RhdGEiXQ:forged:signature--></p>"
    content, _expires = fill(forged)
    assert content == b"<p></p>"
    assert sum(FakeUpstream.hits.values()) == 0


def test_a_slow_service_is_given_up_and_the_page_says_availability_is_unknown(
    site_tree, live_settings
):
    url = _page(site_tree, _block("other", "Scanner", oclc="7"))
    html = _text(url)
    assert UNKNOWN in html
    assert "Disponible" not in html.split("Scanner", 1)[1].split("</section>", 1)[0]
    # The failure is remembered for a short while: the next reader does not wait again.
    _text(url)
    assert FakeUpstream.hits["/slow/7"] == 1


def test_a_service_that_is_down_gives_unknown_availability(site_tree, live_settings):
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    live_settings.LIVE_DATA_SOURCES = {
        "equipment_availability": f"http://127.0.0.1:{port}/docs/{{oclc}}"
    }
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse", oclc="42")))
    assert UNKNOWN in html


def test_a_service_answering_something_else_than_json_gives_unknown_availability(
    site_tree, live_settings
):
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse", oclc="broken")))
    assert UNKNOWN in html


def test_a_block_missing_its_parameter_gives_unknown_availability_without_calling(
    site_tree, live_settings
):
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse")))
    assert UNKNOWN in html
    assert sum(FakeUpstream.hits.values()) == 0


def test_free_computers_are_counted_and_listed(site_tree, live_settings):
    html = _text(
        _page(site_tree, _block("available_computers", "Postes en libre-service", lieu="RDP"))
    )
    assert "2 postes disponibles" in html
    assert "BIB-PC01" in html and "BIB-PC04" in html
    assert "BIB-PC02" not in html and "BIB-PC03" not in html


AVAILABLE = json.dumps({"total-exemplaires-disponibles": 3}).encode()


def _answer_slowly(handler):
    """Valid JSON, one byte every 0.1 s: each read is quick, the whole answer takes 6 s."""
    body = AVAILABLE + b" " * (60 - len(AVAILABLE))
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    for byte in body:
        try:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
        except OSError:  # the reader gave up, as it should
            return
        time.sleep(0.1)


def _hang_up_mid_answer(handler):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "500")
    handler.end_headers()
    handler.wfile.write(AVAILABLE)  # complete JSON, but 500 bytes were announced
    handler.wfile.flush()
    handler.close_connection = True


def _server_error(handler):
    handler.send_error(503, "maintenance")


@pytest.mark.parametrize(
    "fault",
    [_answer_slowly, _hang_up_mid_answer, _server_error],
    ids=["answer-trickling-past-the-timeout", "connection-closed-mid-answer", "upstream-503"],
)
def test_a_misbehaving_service_still_gives_the_page_with_unknown_availability(
    site_tree, live_settings, fault
):
    FakeUpstream.faults["/docs/42/statut-circulation"] = fault
    url = _page(site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    html = _text(url)
    assert UNKNOWN in html
    assert "Disponible : 3" not in html


def _redirect_to(location):
    def handler(request_handler):
        request_handler.send_response(302)
        request_handler.send_header("Location", location)
        request_handler.send_header("Content-Length", "0")
        request_handler.end_headers()

    return handler


@pytest.mark.parametrize("oclc", ["..", "../../admin", "42/../../computers", "..%2F..%2Fcomputers"])
def test_a_parameter_climbing_out_of_the_service_path_is_refused_without_calling(
    site_tree, live_settings, oclc
):
    """Issue 15: a live-data parameter containing '..' reached the upstream path."""
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse", oclc=oclc)))
    assert UNKNOWN in html
    assert sum(FakeUpstream.hits.values()) == 0


@pytest.fixture
def other_host():
    """A second service on another port: a host the live data must never be sent to."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeUpstream)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://localhost:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_a_redirect_to_another_host_is_not_followed(site_tree, live_settings, other_host):
    """Issue 15: the server followed a service's redirect to any host."""
    FakeUpstream.faults["/docs/42/statut-circulation"] = _redirect_to(other_host + "/docs/7/statut-circulation")
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse", oclc="42")))
    assert UNKNOWN in html
    assert FakeUpstream.hits["/docs/7/statut-circulation"] == 0


def test_a_redirect_within_the_same_service_is_followed(site_tree, live_settings, upstream):
    FakeUpstream.faults["/docs/42/statut-circulation"] = _redirect_to(upstream + "/docs/7/statut-circulation")
    html = _text(_page(site_tree, _block("equipment_availability", "Trousse", oclc="42")))
    assert "Disponible : 3 exemplaires" in html
    assert FakeUpstream.hits["/docs/7/statut-circulation"] == 1
