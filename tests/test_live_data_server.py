"""A live-data service that never finishes its answer cannot take a real server's threads away."""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.gunicorn_server import get, gunicorn, requires_postgresql
from tests.test_live_data import UNKNOWN, FakeUpstream, _block, _page, upstream  # noqa: F401 (fixture)

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]


def _never_finish(handler):
    """Announces a JSON answer, then sends one byte a second for two minutes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "120")
    handler.end_headers()
    for _second in range(120):
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:  # the reader gave up, as it should
            return
        time.sleep(1)


def test_pages_with_an_endless_live_data_answer_are_served_and_other_readers_too(
    live_site_tree,
    upstream,  # noqa: F811 - the fixture imported above
    tmp_path,
):
    FakeUpstream.faults["/docs/42/statut-circulation"] = _never_finish
    url = _page(live_site_tree, _block("equipment_availability", "Trousse", oclc="42"))
    environ = {
        "LIVE_DATA_EQUIPMENT_URL": upstream + "/docs/{oclc}/statut-circulation",
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
