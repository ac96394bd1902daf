"""Redis lost and found again: pages are served uncached, editors stay logged in, caching resumes.

The production cache backend talks to a real Redis through a relay the test cuts (open
connections reset, new ones refused) and restores.
"""

import logging
import time
import uuid

from django.core.cache import caches
from django.test import Client

import pytest

from pages.delivery.cache_backends import ResilientRedisCache
from pages.delivery.page_cache import HIT_HEADER
from tests.fault_proxy import FaultProxy
from tests.services import require_redis

pytestmark = pytest.mark.django_db

REDIS_DB = 14


@pytest.fixture
def redis_proxy():
    require_redis()
    proxy = FaultProxy(6379)
    yield proxy
    proxy.cut()


@pytest.fixture
def redis_cache(settings, redis_proxy):
    """Every cache (pages, sessions, live data) in Redis through the relay, as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "pages.delivery.cache_backends.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{redis_proxy.port}/{REDIS_DB}",
            "KEY_PREFIX": f"outage-{uuid.uuid4().hex}",
            # Shorter than the production 5 s, so that the test sees caching resume sooner.
            "OPTIONS": {"RETRY_AFTER": 2},
        }
    }
    settings.PAGE_CACHE_ALIAS = "default"
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache = caches["default"]
    assert isinstance(cache, ResilientRedisCache)
    yield cache
    if redis_proxy.is_up:
        cache.clear()


def _until(predicate, attempts=200):
    """Poll a condition a bounded number of times (Redis is retried after RETRY_AFTER)."""
    for _attempt in range(attempts):
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_pages_are_served_uncached_while_redis_is_down_and_cached_again_once_it_is_back(
    site_tree, redis_cache, redis_proxy, caplog
):
    url = site_tree.space_fr.url
    reader = Client()
    assert reader.get(url)[HIT_HEADER] == "miss"
    assert reader.get(url)[HIT_HEADER] == "hit"

    redis_proxy.cut()
    with caplog.at_level(logging.WARNING, logger="pages.delivery.cache_backends"):
        during = [reader.get(url) for _request in range(10)]
    assert [r.status_code for r in during] == [200] * 10
    assert all(site_tree.space_fr.title in r.content.decode() for r in during)
    assert {r[HIT_HEADER] for r in during} == {"miss"}  # rendered from the database each time
    warnings = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert 1 <= len(warnings) < 10  # logged, but not once per request (Redis is left alone a while)

    redis_proxy.restore()
    assert _until(lambda: reader.get(url)[HIT_HEADER] == "hit"), (
        "caching did not resume after Redis came back"
    )


def test_publishing_while_redis_is_down_does_not_fail_and_readers_see_the_new_version(
    site_tree, redis_cache, redis_proxy
):
    space = site_tree.space_fr
    Client().get(space.url)
    redis_proxy.cut()
    space.title = "Studio balado rénové"
    space.save_revision().publish()
    response = Client().get(space.url)
    assert response.status_code == 200
    assert "Studio balado rénové" in response.content.decode()


def test_editors_log_in_and_stay_logged_in_while_redis_is_down(
    site_tree, admin_user, redis_cache, redis_proxy
):
    editor = Client()
    assert (
        editor.post(
            "/admin/login/", {"username": "admin", "password": "studiobib-demo"}
        ).status_code
        == 302
    )
    redis_proxy.cut()
    # The session lives in the database too: the dashboard still knows who is there.
    assert editor.get("/admin/").status_code == 200
    late = Client()
    response = late.post("/admin/login/", {"username": "admin", "password": "studiobib-demo"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    page = late.get("/admin/")
    assert page.status_code == 200
    assert "admin" in page.content.decode()
    redis_proxy.restore()
    assert _until(lambda: late.get("/admin/").status_code == 200)
