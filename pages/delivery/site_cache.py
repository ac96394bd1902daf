"""The request's Site, with its root page as its own type, and the Locales, kept in the page cache's store.

For every request Wagtail reads the Site of the host (one query), then routes from the site's root
page read again as its specific type (one more), and `.localized` reads the request language's
Locale (one more). All are the same for every request to a host until the tree, the sites or the
languages change: they are kept under the listings stamp, which every publish, unpublish, move,
deletion and privacy change renews, and which a saved or deleted Site or Locale renews too
(`pages.delivery.signals`). Each request unpickles its own copy: nothing is shared between them.
"""

import contextlib
import hashlib

from django.db import DatabaseError

from wagtail.models import Locale

from cms.compat import (
    find_site_uncached,
    has_request_site,
    remember_request_locales,
    request_hostname,
    set_request_site,
)

from . import page_cache

API_PREFIX = "/api/"
_WRITES_AFTER_RENDER = "_delivery_writes_after_render"
NO_SITE = "none"  # a host no site answers, kept too: the default site's fallback is Wagtail's to decide


def _key(request):
    host = hashlib.md5(request_hostname(request).encode(), usedforsecurity=False).hexdigest()
    return f"delivery:site-locales:{host}:{request.get_port()}"


def cached_site_for(request):
    """(the host's Site or None, every Locale)."""
    key = _key(request)
    stamp, found = page_cache.read_stamped(page_cache.LISTINGS_KEY, key)
    if found is None:
        site = find_site_uncached(request)
        if site is not None:
            # What Wagtail's route_for_request routes from (`root_page.localized.specific`): in the
            # root page's own language, `.localized` and `.specific` then answer without a query.
            site.root_page = site.root_page.specific
        # `.localized` asks for the request language's Locale on every page (one query each);
        # the few rows change only with a language added or removed, which renews the stamp.
        found = (site if site is not None else NO_SITE, list(Locale.objects.all()))
        page_cache.write_stamped(key, stamp, found)
    site, locales = found
    return (None if site == NO_SITE else site), locales


def write_after_render(request, write):
    """Have `write()` called once the request's response is rendered; False when no middleware
    will (no request, or one outside the public pages and the API): then write at once."""
    writes = getattr(request, _WRITES_AFTER_RENDER, None)
    if writes is None:
        return False
    if write not in writes:
        writes.append(write)
    return True


class SiteFromCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Public pages and the API (which scopes its pages to the host's site); not the admin,
        # whose pages are not the public's and which routes nothing from the site's root.
        if request.path.startswith((*page_cache.page_prefixes(), API_PREFIX)) and not has_request_site(request):
            # A database that fails here fails again in the view, which gets the outage page for it.
            with contextlib.suppress(DatabaseError):
                site, locales = cached_site_for(request)
                set_request_site(request, site)
                remember_request_locales(locales)
            setattr(request, _WRITES_AFTER_RENDER, [])
            response = self.get_response(request)
            # The response is rendered (TemplateResponse renders inside the view's handling): what
            # its page parts kept for the next readers is written now, once.
            for write in getattr(request, _WRITES_AFTER_RENDER):
                with contextlib.suppress(DatabaseError):
                    write()
            return response
        return self.get_response(request)
