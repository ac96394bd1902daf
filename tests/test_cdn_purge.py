"""Publishing purges the CDN once: each address of the page, its translations and their listings."""

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.factories import SpacePageFactory, published, published_translation


class PurgingCache(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint (Varnish, nginx proxy_cache_purge): it answers PURGE."""

    purged = Counter()

    def do_PURGE(self):
        PurgingCache.purged[self.path] += 1
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgingCache)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.WAGTAILFRONTENDCACHE = {"cdn": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": f"http://127.0.0.1:{server.server_port}",
    }}
    PurgingCache.purged.clear()
    yield PurgingCache.purged
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("change", ["publish", "unpublish"])
def test_a_publish_purges_each_address_once_with_its_translation_and_listings(
        site_tree, cdn, django_capture_on_commit_callbacks, change):
    section = site_tree.sections["espaces"]
    page = published(SpacePageFactory, section, title="Salle de montage")
    translation = published_translation(page, site_tree.en, title="Editing room", slug="editing-room")
    expected = {page.url, translation.url, section.url, translation.get_parent().url}
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        if change == "publish":
            page.save_revision().publish()
        else:
            page.unpublish()
    assert expected <= set(cdn)
    assert [path for path, times in cdn.items() if times > 1] == []
