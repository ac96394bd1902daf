"""Fetch the library's live services: briefly, concurrently, cached per source, never past a deadline.

Every answer is cached under its address for ``LIVE_DATA_CACHE_SECONDS`` and every failure for
``LIVE_DATA_FAILURE_CACHE_SECONDS``, so most readers never wait for a service. When several
services are needed by one page they are asked at the same time, and the page waits at most
``LIVE_DATA_TIMEOUT`` for all of them together: what has not answered by then is « unknown ».
"""

import hashlib
import http.client
import logging
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlparse

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_BYTES = 512 * 1024
# Shared by every request thread; a fetch past the deadline finishes (and caches) in the background.
_POOL = ThreadPoolExecutor(max_workers=16, thread_name_prefix="live-data")


@dataclass
class LiveValue:
    """What a service said: ``status`` "ok" (``data`` holds the answer), "unavailable" or "unconfigured"."""

    status: str
    data: object = None
    fetched_at: datetime | None = None
    expires: float = 0.0  # time.time() when this value stops being current

    @property
    def known(self):
        return self.status == "ok"

    def as_api(self):
        return {
            "status": self.status,
            "fetched_at": self.fetched_at.isoformat() if self.fetched_at else None,
            "data": self.data if self.known else None,
        }


class ForeignRedirect(urllib.error.URLError):
    pass


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to the same scheme, host and port: a service must not send the
    server to ask another host (an internal address, a metadata service) on its behalf."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        old, new = urlparse(req.full_url), urlparse(newurl)
        if (new.scheme, new.netloc) != (old.scheme, old.netloc):
            raise ForeignRedirect(f"redirect to another host refused: {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_SameOriginRedirects)


def source_url(source, parameters):
    """The upstream address for a source and its parameters, or None (not configured, or refused)."""
    template = settings.LIVE_DATA_SOURCES.get(source)
    if not template:
        return None
    values = {name: str(value) for name, value in parameters.items()}
    if any(".." in value for value in values.values()):
        logger.warning("Live data %s: parameter with '..' refused: %r", source, values)
        return None
    try:
        url = template.format_map({name: quote(value, safe="") for name, value in values.items()})
    except (KeyError, IndexError, ValueError):
        logger.warning("Live data %s: missing parameter for %s (have %s)", source, template, sorted(values))
        return None
    return url if urlparse(url).scheme in ("http", "https") else None


def get_bytes(url, timeout, accept="application/json"):
    """The body at url, read in at most ``timeout`` seconds overall.

    urllib's timeout bounds each socket read, not the whole answer: a service sending a byte
    now and then would hold the reader's request (and a server thread) for as long as it likes.
    """
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310 - http(s) only, checked by source_url
    with _OPENER.open(request, timeout=timeout) as response:
        body = bytearray()
        while len(body) < MAX_BYTES:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no complete answer within {timeout} s")
            chunk = response.read1(MAX_BYTES - len(body))
            if not chunk:
                break
            body += chunk
        if response.length:  # closed before the announced end, or larger than MAX_BYTES
            raise http.client.IncompleteRead(bytes(body), response.length)
    return bytes(body)


def _key(url):
    return "live-data:" + hashlib.sha256(url.encode()).hexdigest()


def _fetch_and_cache(url, interpret):
    try:
        data = interpret(get_bytes(url, settings.LIVE_DATA_TIMEOUT))
        status, lifetime = "ok", settings.LIVE_DATA_CACHE_SECONDS
    # refused, timeout, HTTP error, foreign redirect, answer cut short, not what the format says
    except (OSError, urllib.error.URLError, http.client.HTTPException, ValueError, TypeError, KeyError) as error:
        logger.warning("Live data %s unavailable: %s", url, error)
        data, status, lifetime = None, "unavailable", settings.LIVE_DATA_FAILURE_CACHE_SECONDS
    value = LiveValue(status, data, timezone.now(), time.time() + lifetime)
    cache.set(_key(url), value, lifetime)
    return value


def fetch_all(requests):
    """One LiveValue per ``(source, parameters, interpret)`` request, all asked at once.

    ``interpret(body)`` turns the service's bytes into plain data (lists, dicts, strings) or raises
    ValueError when the answer is not in the service's format.
    """
    urls = [source_url(source, parameters) for source, parameters, _interpret in requests]
    wanted = {url for url in urls if url}
    found = cache.get_many([_key(url) for url in wanted]) if wanted else {}
    values = {url: found[_key(url)] for url in wanted if _key(url) in found}
    interpreters = {url: request[2] for url, request in zip(urls, requests, strict=True) if url}
    futures = {url: _POOL.submit(_fetch_and_cache, url, interpreters[url]) for url in wanted - set(values)}
    if futures:
        wait(futures.values(), timeout=settings.LIVE_DATA_TIMEOUT)
        for url, future in futures.items():
            if future.done():
                values[url] = future.result()
                continue
            # Too late for this page: the next readers get « unknown » at once, until the fetch,
            # still running to its own deadline, stores what it got.
            lifetime = settings.LIVE_DATA_FAILURE_CACHE_SECONDS
            values[url] = LiveValue("unavailable", None, timezone.now(), time.time() + lifetime)
            cache.add(_key(url), values[url], lifetime)
    # A source that is not configured stays so until a restart: it does not bound any freshness.
    unconfigured = LiveValue("unconfigured", None, None, time.time() + 86400)
    return [values[url] if url else unconfigured for url in urls]


def fetch_one(source, parameters, interpret):
    return fetch_all([(source, parameters, interpret)])[0]
