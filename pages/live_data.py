"""Fetch the value of a live-data block from its upstream JSON service, briefly and with a cache.

The page never waits longer than LIVE_DATA_TIMEOUT for a service; an answer (or a failure) is
cached, so the next readers get the page at once. A failure shows « Disponibilité inconnue ».
"""

import hashlib
import http.client
import json
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import quote, urlparse

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)

MAX_BYTES = 512 * 1024


@dataclass
class LiveValue:
    known: bool
    count: int | None = None
    items: list = field(default_factory=list)
    link: str = ""
    text: str = ""
    fetched_at: object = None


def _interpret(source, data):
    """Turn the service's JSON into what readers see; anything unexpected is « unknown »."""
    if source == "available_computers" and isinstance(data, list):
        free = [
            str(p["id"])
            for p in data
            if isinstance(p, dict)
            and p.get("id")
            and p.get("enabled") is True
            and p.get("state") != "active"
        ]
        return LiveValue(True, count=len(free), items=free)
    if isinstance(data, dict):
        count = data.get("total-exemplaires-disponibles", data.get("available"))
        link = data.get("permalien") or data.get("url") or ""
        if not (isinstance(link, str) and urlparse(link).scheme in ("http", "https")):
            link = ""
        if isinstance(count, int) and not isinstance(count, bool):
            return LiveValue(True, count=count, link=link)
        text = data.get("message") or data.get("value")
        if isinstance(text, str | int | float) and not isinstance(text, bool):
            return LiveValue(True, text=str(text), link=link)
    return LiveValue(False)


def source_url(source, parameters):
    """The upstream address for a source and the block's parameters, or None if not configured."""
    template = getattr(settings, "LIVE_DATA_SOURCES", {}).get(source)
    if not template:
        return None
    try:
        url = template.format_map(
            {name: quote(str(value), safe="") for name, value in parameters.items()}
        )
    except (KeyError, IndexError, ValueError):
        logger.warning(
            "Live data %s: missing parameter for %s (have %s)", source, template, sorted(parameters)
        )
        return None
    return url if urlparse(url).scheme in ("http", "https") else None


def _get_json(url, timeout):
    """The JSON at url, read in at most ``timeout`` seconds overall.

    urllib's timeout bounds each socket read, not the whole answer: a service sending a byte
    now and then would hold the reader's request (and a server thread) for as long as it likes.
    """
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(url, headers={"Accept": "application/json"})  # noqa: S310 - http(s) only, checked by source_url
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
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
    return json.loads(bytes(body))


def fetch_live_value(source, parameters):
    url = source_url(source, parameters)
    if url is None:
        return LiveValue(False)
    key = "live-data:" + hashlib.sha256(url.encode()).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    try:
        data = _get_json(url, settings.LIVE_DATA_TIMEOUT)
    # refused, timeout, HTTP error, answer cut short, bad JSON
    except (OSError, urllib.error.URLError, http.client.HTTPException, ValueError) as error:
        logger.warning("Live data %s unavailable: %s", url, error)
        value = LiveValue(False, fetched_at=timezone.now())
        cache.set(key, value, settings.LIVE_DATA_FAILURE_CACHE_SECONDS)
        return value
    value = _interpret(source, data)
    value.fetched_at = timezone.now()
    cache.set(
        key,
        value,
        settings.LIVE_DATA_CACHE_SECONDS
        if value.known
        else settings.LIVE_DATA_FAILURE_CACHE_SECONDS,
    )
    return value
