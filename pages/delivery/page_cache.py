"""Whole-page cache of the anonymous HTML, with invalidation by path.

Each cached page lives under a key made of its host + path, and carries the site-wide
generation and the version of its path it was stored under. Invalidating a path gives it a new
version; invalidating everything (a move, a deletion, a change of the menu) gives the site a
new generation. An entry stored under another generation or version is a miss, overwritten by
the next reader. A hit costs one round trip to the cache: the generation, the path's version
and the entry are read together.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from .http_cache import is_anonymous_request

GENERATION_KEY = "pagecache:generation"
# Changed by every invalidation: what lists pages (API counts) is stale after any change.
LISTINGS_KEY = "pagecache:listings"
HIT_HEADER = "X-Page-Cache"
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Last-Modified")


def store():
    return caches[settings.PAGE_CACHE_ALIAS]


def _digest(text):
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def _path_key(path):
    return f"pagecache:path:{_digest(path)}"


def _content_key(host, path):
    return f"pagecache:entry:{_digest(host + path)}"  # not the older layout's key: never read an old entry


def page_prefixes():
    """Where public pages live: one prefix per content language."""
    return tuple(f"/{code}/" for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)


def is_cacheable_request(request):
    return (
        settings.PAGE_CACHE_TIMEOUT > 0
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and request.path.startswith(page_prefixes())
        and is_anonymous_request(request)
    )


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and response.get("Content-Type", "").startswith("text/html")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def read_stamped(version_key, key):
    """The entry under ``key`` if it was stored under the current stamp, and that stamp.

    The stamp is the site-wide generation plus ``version_key``'s version; both are read with the
    entry in one round trip. Returns ``(stamp, value)``, value None on a miss or an old stamp.
    """
    found = store().get_many([GENERATION_KEY, version_key, key])
    stamp = (found.get(GENERATION_KEY, "0"), found.get(version_key, "0"))
    cached = found.get(key)
    if cached is not None and cached[0] == stamp:
        return stamp, cached[1]
    return stamp, None


def write_stamped(key, stamp, value):
    store().set(key, (stamp, value), settings.PAGE_CACHE_TIMEOUT)


def invalidate_paths(paths):
    """Forget the cached HTML of these URL paths (every host)."""
    paths = {p for p in paths if p}
    versions = {_path_key(p): uuid.uuid4().hex for p in paths}
    store().set_many({**versions, LISTINGS_KEY: uuid.uuid4().hex}, timeout=None)


def invalidate_all():
    store().set_many({GENERATION_KEY: uuid.uuid4().hex, LISTINGS_KEY: uuid.uuid4().hex}, timeout=None)


class PageCacheMiddleware:
    """Serve anonymous page views from the cache, and fill it on a miss."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = _content_key(request.get_host(), request.path)
        stamp, cached = read_stamped(_path_key(request.path), key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            headers = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
            write_stamped(key, stamp, (response.status_code, headers, response.content))
            response[HIT_HEADER] = "miss"
        return response
