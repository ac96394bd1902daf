"""PostgreSQL lost and found again, seen by a reader of a real gunicorn server.

The server reaches PostgreSQL through a relay the test cuts (every connection reset, new ones
refused) and restores, as a database restart or a network loss would. While it is cut readers
get a bilingual 503 (API clients a JSON 503); once it is back, pages come back without
restarting the server.
"""

import json
import re

from django.db import connection

import pytest

from tests.fault_proxy import FaultProxy
from tests.gunicorn_server import database_url, get, gunicorn, requires_postgresql

PAGES = ["/fr/", "/en/", "/fr/espaces/studio-balado/", "/en/spaces/podcast-studio/"]
# A query string keeps a page out of the page cache: these must read the database.
UNCACHED = [path + "?lecture" for path in PAGES]
APIS = ["/api/v2/pages/?locale=fr", "/api/v3/pages/"]


@pytest.fixture
def database_proxy(live_site_tree):
    proxy = FaultProxy(
        int(connection.settings_dict["PORT"] or 5432),
        connection.settings_dict["HOST"] or "127.0.0.1",
    )
    yield proxy
    proxy.cut()


@pytest.fixture
def server(database_proxy, tmp_path):
    """gunicorn (one worker, four threads) on the test database, through the relay."""
    log = tmp_path / "server.log"
    with gunicorn(log, DATABASE_URL=database_url(database_proxy.port)) as (base, process):
        yield base, process, log


@requires_postgresql
def test_readers_get_a_bilingual_503_while_postgresql_is_away_and_pages_again_once_it_is_back(
    server, database_proxy
):
    base, process, log = server
    # Pages now in the page cache; worker threads hold persistent connections.
    for path in PAGES + APIS:
        assert get(base, path)[0] == 200, path

    database_proxy.cut()
    outage = {path: get(base, path) for path in UNCACHED + APIS}
    outage_statuses = [status for status, _h, _b in outage.values()]
    assert outage_statuses == [503] * len(outage)
    # Already rendered: still served from the page cache.
    cached = get(base, "/fr/espaces/studio-balado/")
    assert cached[0] == 200 and cached[1]["X-Page-Cache"] == "hit"
    assert get(base, "/fr/?encore")[0] == 503  # that cached page did not end the outage

    status, headers, html = outage["/fr/?lecture"]
    assert headers["Retry-After"].isdigit()
    assert "no-store" in headers["Cache-Control"]
    assert headers["Content-Type"].startswith("text/html")
    assert '<html lang="fr">' in html
    assert re.search(
        r'<section lang="fr"[^>]*>\s*<h1[^>]*>Service momentanément indisponible</h1>', html
    )
    assert re.search(
        r'<section lang="en"[^>]*>\s*<h2[^>]*>Service temporarily unavailable</h2>', html
    )
    assert "Réessayer" in html and "Try again" in html

    status, headers, html = outage["/en/spaces/podcast-studio/?lecture"]
    assert '<html lang="en">' in html
    assert re.search(
        r'<section lang="en"[^>]*>\s*<h1[^>]*>Service temporarily unavailable</h1>', html
    )
    assert re.search(r'<section lang="fr"[^>]*>\s*<h2', html)
    assert (
        'href="/en/spaces/podcast-studio/?lecture"' in html
    )  # « Try again » reloads the same address

    for path in APIS:
        status, headers, body = outage[path]
        assert headers["Content-Type"] == "application/json"
        data = json.loads(body)
        assert data["error"] == "database_unavailable"
        assert set(data["messages"]) == {"fr", "en"}
        assert "no-store" in headers["Cache-Control"]

    database_proxy.restore()
    after = [get(base, path)[0] for path in UNCACHED + APIS + UNCACHED]
    assert after == [200] * len(after)  # the very first request after the restore is served
    assert process.poll() is None  # same server process: no restart

    output = log.read_text()
    assert output.count("Database unavailable") == 1, output  # once per outage, not per request
    assert "Database reachable again" in output
    assert f"{len(outage) + 1} requests were answered 503" in output
    assert "Traceback" not in output


@pytest.mark.django_db
def test_a_locked_sqlite_database_gives_the_same_503_and_pages_come_back_when_released(site_tree):
    if connection.vendor != "sqlite":
        pytest.skip(
            "SQLite only: another connection holding a write lock on the shared test database"
        )
    import sqlite3

    from django.test import Client

    # Nothing may read the site table before the lock (not even page.url): the test's own
    # transaction would keep a read lock on it.
    url = "/fr/espaces/studio-balado/"
    holder = sqlite3.connect(connection.settings_dict["NAME"], uri=True, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE wagtailcore_site SET hostname = hostname")  # write lock on the table
    try:
        response = Client().get(url + "?locked")
        assert response.status_code == 503
        assert "Service momentanément indisponible" in response.content.decode()
        assert response["Retry-After"].isdigit()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Client().get(url + "?released").status_code == 200
