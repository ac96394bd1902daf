"""Readers and editors at once on a live server: no server error, and no acknowledged save lost.

The same clients as `make loadtest` (bench/loadgen.py), for a few seconds against the test
database; `min_rounds` makes the run do the same work however slow the machine is.
"""

from django.core.servers.basehttp import ThreadedWSGIServer, WSGIServer

import pytest

from bench import loadgen
from pages.models import SpacePage

pytestmark = pytest.mark.django_db(transaction=True)

ROUNDS = loadgen.PUBLISH_EVERY  # drafts, one submission, one publication per editor


class SerialWSGIServer(WSGIServer):
    """One request at a time: SQLite's in-memory test database is shared between threads through
    its shared cache, which locks whole tables and answers "database table is locked" at once
    instead of waiting. A file database (or PostgreSQL) is served by many threads."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


@pytest.fixture
def site_server(live_site_tree):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.db import connections
    from django.test.testcases import LiveServerThread

    shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}

    class Server(LiveServerThread):
        server_class = SerialWSGIServer if shared else ThreadedWSGIServer

    for connection in shared.values():
        connection.inc_thread_sharing()
    thread = Server(
        "127.0.0.1", static_handler=StaticFilesHandler, connections_override=shared, port=0
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield thread
    thread.terminate()
    for connection in shared.values():
        connection.dec_thread_sharing()


def test_readers_and_editors_at_once_get_no_server_error_and_every_save_has_its_revision(
    site_server, live_site_tree
):
    editors, reviewer = loadgen.demo_clients(2)
    tally = loadgen.run(
        site_server.host,
        site_server.port,
        3,
        readers=2,
        editors=editors,
        reviewer=reviewer,
        parent_id=live_site_tree.sections["espaces"].pk,
        min_rounds=ROUNDS,
    )
    summary = tally.summary(3)

    assert summary["failures"] == [], summary["editors"]
    assert summary["server_errors"] == 0
    assert summary["connection_errors"] == 0
    assert summary["kinds"]["page"]["statuses"].get("200", 0) >= 1
    assert summary["kinds"]["api detail"]["statuses"].get("200", 0) >= 1
    # Every save was either acknowledged or refused by the admin with its reason (page locked).
    attempted = sum(
        n
        for name, n in summary["editors"].items()
        if name.endswith("attempted") and "approv" not in name
    )
    refused = sum(n for name, n in summary["editors"].items() if name.endswith("(page locked)"))
    assert len(tally.saves) + refused == attempted
    assert len(tally.saves) >= ROUNDS * len(editors) - refused > 0
    assert loadgen.lost_revisions(tally.saves) == []
    # The editors' publications reached the site: their last published text is live.
    published = SpacePage.objects.live().filter(slug__startswith="charge-")
    assert published.count() >= 1
