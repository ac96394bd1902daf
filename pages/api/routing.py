"""The page a public path (/fr/…, /en/…) leads to, for `find/?html_path=` in both API versions."""

from django.conf import settings
from django.http import Http404

from wagtail.models import Locale, Site


def split_language_prefix(path):
    """('/en/atelier/') -> ('en', ['atelier']); a path with no known prefix belongs to no language."""
    components = [component for component in path.split("/") if component]
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if components and components[0] in languages:
        return components[0], components[1:]
    return None, components


def route_public_path(request, html_path):
    """The page served at a public path: /fr/… and /en/… route in that language's tree,
    a path with no prefix from the default site root (as stock Wagtail does)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language, components = split_language_prefix(html_path)
    root = site.root_page
    if language:
        locale = Locale.objects.filter(language_code=language).first()
        root = root.get_translation_or_none(locale) if locale else None
        if root is None:
            return None
    try:
        page, _args, _kwargs = root.specific.route(request, components)
    except Http404:
        return None
    return page
