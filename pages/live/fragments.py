"""Live parts of a page rendered when the page is served, not when it is cached.

A live block renders a signed placeholder (``<!--live-part:…-->``) in the page's HTML; the page
cache stores the page with its placeholders. ``LiveFragmentMiddleware`` fills every placeholder of
each HTML response (from the page cache or freshly rendered), fetching the services of all the live
parts of the page at once. So a page may stay cached for ``PAGE_CACHE_TIMEOUT`` while its live parts
keep the freshness of their own service, and readers without JavaScript see current data.

The placeholder is signed so that no text an editor or a translator can write expands into one.
"""

import re
import time

from django.conf import settings
from django.core import signing
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.safestring import mark_safe

SALT = "pages.live.fragment"
_PLACEHOLDER = re.compile(rb"<!--live-part:([A-Za-z0-9_\-:.]+)-->")
_BLOCKS = {}  # live name → block class


def register(cls):
    """Class decorator for a live part: a class with ``live_name``, ``to_python(prep)``,
    ``live_requests(value)`` and ``render_live(value, values)`` (a StructBlock, or the site notices);
    its modules are imported by ``LiveConfig.ready``."""
    _BLOCKS[cls.live_name] = cls
    return cls


def placeholder(name, prep):
    """The signed placeholder of live part ``name`` with its value ``prep``, in the current language."""
    token = signing.dumps([name, prep, translation.get_language()], salt=SALT, compress=True)
    return mark_safe(f"<!--live-part:{token}-->")  # noqa: S308 - a signed token of [A-Za-z0-9_:.-]


class LivePartMixin:
    """Render as a placeholder; the middleware calls ``render_live`` with the services' answers."""

    live_name = None

    def render(self, value, context=None):
        return placeholder(self.live_name, self.get_prep_value(value))

    def live_requests(self, value):
        raise NotImplementedError

    def render_live(self, value, values):
        raise NotImplementedError

    def get_api_representation(self, value, context=None):
        from .fetch import fetch_all

        values = fetch_all(self.live_requests(value))
        representation = self.api_fields(value)
        representation["live"] = [live.as_api() for live in values] if len(values) != 1 else values[0].as_api()
        return representation

    def api_fields(self, value):
        return {name: self.child_blocks[name].get_api_representation(value[name]) for name in self.child_blocks}


_instances = {}


def _block(name):
    if name not in _instances:
        _instances[name] = _BLOCKS[name]()
    return _instances[name]


def fill(content):
    """``content`` with every placeholder rendered, and when the soonest of its values expires
    (None when there was no placeholder)."""
    from .fetch import fetch_all

    tokens = list(dict.fromkeys(m.group(1) for m in _PLACEHOLDER.finditer(content)))
    if not tokens:
        return content, None
    parts, requests = {}, []
    for token in tokens:
        try:
            name, prep, language = signing.loads(token.decode(), salt=SALT)
            block = _block(name)
        except (signing.BadSignature, ValueError, KeyError, TypeError):
            parts[token] = None
            continue
        value = block.to_python(prep)
        wanted = block.live_requests(value)
        parts[token] = (block, value, language, len(requests), len(wanted))
        requests.extend(wanted)
    values = fetch_all(requests)
    rendered = {}
    for token, part in parts.items():
        if part is None:
            rendered[token] = b""
            continue
        block, value, language, start, count = part
        with translation.override(language):
            rendered[token] = str(block.render_live(value, values[start:start + count])).encode()
    expires = min((v.expires for v in values), default=time.time() + settings.LIVE_DATA_CACHE_SECONDS)
    return _PLACEHOLDER.sub(lambda m: rendered[m.group(1)], content), expires


class LiveFragmentMiddleware:
    """Fill the live parts of HTML responses; a page with live parts is kept by browsers and CDNs
    no longer than its soonest live value stays current."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or b"<!--live-part:" not in response.content
        ):
            return response
        content, expires = fill(response.content)
        if expires is None:
            return response
        response.content = content
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(content))
        # The page's date says nothing about its live parts: a 304 would keep old values.
        for header in ("Last-Modified", "ETag"):
            if response.has_header(header):
                del response[header]
        if "public" in response.get("Cache-Control", ""):
            patch_cache_control(response, max_age=max(0, int(expires - time.time())), stale_while_revalidate=0)
        return response
