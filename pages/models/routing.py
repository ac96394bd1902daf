"""Routing a public address in one read of the page tree.

Wagtail's `Page.route` walks the path one level at a time: for each level it reads the child by
its slug, then reads that child again as its specific type, two queries per level (four for
/fr/creatives/imprimante-3d-bambu/). Every page on the path has a known `url_path`, so one query
finds them all; only the page that is served is read as its specific type. Behaviour is Wagtail's:
a missing level is a 404, only the served page must be live, and a page type that routes its own
sub-paths (one that overrides `route`) is handed the rest of the path.
"""

from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from cms.compat import remember_parent, remembered_locale, remembered_parent
from pages.reading_facts import facts_for, is_private

from .hero import specific_with_hero


class PathRoutingMixin:
    """Page types that route the rest of an address in one read (see the module's docstring)."""

    def route(self, request, path_components):
        if not path_components:
            # This page is served (by Wagtail's own walk, for a home or a section): as after our
            # walk, its view restrictions are answered from the restricted paths the request's
            # header and menus read anyway.
            self._site_restricted_paths = facts_for(request).restricted_paths
            # Its language (the page's `lang`, its links): the Locale row the request already has.
            locale = remembered_locale(self.locale_id)
            if locale is not None:
                self.locale = locale
            return super().route(request, path_components)
        if len(path_components) < 2:  # one level: Wagtail's own walk is as cheap
            return super().route(request, path_components)
        return route_along_path(self, request, path_components)

    def get_view_restrictions(self):
        # Wagtail reads the ancestors again (for their `alias_of`), then the restrictions. After
        # routing, the ancestors are on the page already: one query, when none of them is an alias
        # (an alias takes its original's restrictions: Wagtail's own reading handles that case).
        chain = _routed_chain(self)
        if chain is None or any(page.alias_of_id for page in chain):
            return super().get_view_restrictions()
        restricted = getattr(self, "_site_restricted_paths", None)
        if restricted is not None and not is_private(self, restricted):
            # No restricted page is this one or above it: nothing to read (most pages).
            return PageViewRestriction.objects.none()
        paths = [self.path[: Page.steplen * depth] for depth in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(page__path__in=paths)


def route_along_path(start, request, components):
    """The RouteResult of `components` below the page `start` (Wagtail's `route` contract)."""
    prefixes = [start.url_path + "".join(f"{c}/" for c in components[: i + 1]) for i in range(len(components))]
    found = {page.url_path: page for page in Page.objects.filter(url_path__in=prefixes, path__startswith=start.path).select_related("locale")}
    parent = start
    for depth, prefix in enumerate(prefixes):
        page = found.get(prefix)
        if page is None or page.depth != start.depth + depth + 1:
            raise Http404
        # As Wagtail's own `route` does: get_parent() then answers without a query (breadcrumbs,
        # the API's meta.parent).
        remember_parent(page, parent)
        model = page.specific_class
        if model is None:
            raise Http404
        remaining = components[depth + 1:]
        if remaining and _routes_itself(model):
            return page.specific.route(request, remaining)
        parent = page
    served = specific_with_hero(parent)
    served.locale = parent.locale  # `.specific` reads the row again, without the locale read with it
    # The tree paths of every restricted page, as the header and menus of this request read them
    # (kept under the tree's stamp, which a privacy change renews): get_view_restrictions() then
    # needs no query for a page that none of them is above.
    served._site_restricted_paths = facts_for(request).restricted_paths
    return served.route(request, [])


def _routed_chain(page):
    """`page` and its ancestors down to its language's home as routing left them, or None."""
    chain = [page]
    while chain[-1].depth > 2:
        parent = remembered_parent(chain[-1])
        if parent is None:
            return None
        chain.append(parent)
    return chain


def _routes_itself(model):
    """Whether pages of `model` answer sub-paths themselves (RoutablePageMixin, a custom `route`)."""
    return model.route not in (Page.route, PathRoutingMixin.route)
