"""A live-data service that never finishes its answer cannot take a real server's threads away."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.gunicorn_server import get, gunicorn, requires_postgresql
from tests.test_live_data import UNKNOWN, _block, _page

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]


class EndlessUpstream(BaseHTTPRequestHandler):
    """Announces a JSON answer, then sends one byte a second for two minutes."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "120")
        self.end_headers()
        for _second in range(120):
            try:
                self.wfile.write(b" ")
                self.wfile.flush()
            except OSError:  # the reader gave up, as it should
                return
            time.sleep(1)

    def log_message(self, *args):
        pass


@pytest.fixture
def endless_upstream():
    server = ThreadingHTTPServer(("127.0.0.1", 0), EndlessUpstream)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_pages_with_an_endless_live_data_answer_are_served_and_other_readers_too(
    live_site_tree, endless_upstream, tmp_path
):
    url = _page(live_site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    environ = {
        "LIVE_DATA_EQUIPMENT_URL": endless_upstream + "/docs/{oclc}",
        "PAGE_CACHE_TIMEOUT": "0",
    }
    # Two threads only: two readers of the live-data page take them both.
    with (
        gunicorn(tmp_path / "server.log", threads=2, **environ) as (base, _process),
        ThreadPoolExecutor(3) as readers,
    ):
        live = [readers.submit(get, base, url + f"?reader={n}") for n in range(2)]
        other = readers.submit(get, base, "/fr/espaces/studio-balado/")
        results = [future.result() for future in [*live, other]]
    assert [status for status, _headers, _body in results] == [200, 200, 200]
    assert all(UNKNOWN in body for _status, _headers, body in results[:2])
    assert "Studio balado" in results[2][2]
