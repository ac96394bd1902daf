"""Language switcher and hreflang alternates, built from real translations, never from URL strings."""

from django import template
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import get_language_info

from wagtail.models import Page

from pages.reading_facts import facts_for

register = template.Library()


def _language_homes(request):
    """The live home page of each content language, keyed by language code."""
    return {code: home for code, home in facts_for(request).homes.items() if home.live}


def page_alternates(page, request):
    """[(language_code, page_or_None)] for every content language: the live, public version a
    reader of that language can open. A draft (a translation not approved yet, or the page itself
    seen in preview) is never offered."""
    translations = facts_for(request).translations(page)
    return [(code, translations.get(code)) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def closest_translated_ancestors(page, codes, request=None):
    """{language: the deepest ancestor of `page` whose version in that language is live and public}.

    One query whatever the depth: the ancestors' translations, found by the ancestors' keys.
    """
    ancestors = page.get_ancestors().filter(depth__gte=2)
    candidates = facts_for(request).public(
        Page.objects.filter(translation_key__in=ancestors.values("translation_key"),
                            locale__language_code__in=codes).live()
    ).select_related("locale").annotate(
        # The depth of the ancestor it translates (its own tree may be shaped otherwise).
        source_depth=Subquery(ancestors.filter(translation_key=OuterRef("translation_key")).values("depth")[:1])
    )
    found = {}
    for candidate in candidates:
        code = candidate.locale.language_code
        best = found.get(code)
        if best is None or candidate.source_depth > best.source_depth:
            found[code] = candidate
    return found


def _twin_view_url(request, code):
    """The same non-page view in language `code` (/fr/recherche/?q=x -> /en/search/?q=x), or None.

    Views with one address per language are named "<name>-<language>" (search-fr, search-en).
    """
    match = getattr(request, "resolver_match", None)
    current = translation.get_language()
    if match is None or not match.url_name or not match.url_name.endswith(f"-{current}"):
        return None
    name = match.url_name[: -len(current)] + code
    try:
        with translation.override(code):
            url = reverse(name)
    except NoReverseMatch:
        return None
    query = request.GET.copy()
    query.pop("page", None)  # result pages do not line up from one language to the other
    return f"{url}?{query.urlencode()}" if query else url


def _switcher_link(code, url, kind, title=""):
    return {"code": code, "name": get_language_info(code)["name_local"], "url": url, "kind": kind,
            "title": title}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """A link to the other language's equivalent: the same page (or view) when it is live there,
    else the closest translated ancestor, else that language's home, each labelled as such."""
    request = context.get("request")
    page = page or context.get("french_page") or None  # error pages pass "" ; untranslated pages their French page
    current = translation.get_language() if not page or context.get("french_page") else page.locale.language_code
    others = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != current]
    links = []
    alternates = dict(page_alternates(page, request)) if page else {}
    missing = [code for code in others if alternates.get(code) is None]
    ancestors = closest_translated_ancestors(page, missing, request) if page and missing else {}
    homes = _language_homes(request) if request and [c for c in missing if c not in ancestors] else {}
    for code in others:
        twin = None if page or request is None else _twin_view_url(request, code)
        if twin:
            links.append(_switcher_link(code, twin, "same"))
        elif alternates.get(code) is not None:
            links.append(_switcher_link(code, alternates[code].get_url(request=request), "same"))
        elif code in ancestors:
            ancestor = ancestors[code]
            kind = "home" if ancestor.depth == 2 else "ancestor"
            links.append(_switcher_link(code, ancestor.get_url(request=request), kind, ancestor.title))
        elif code in homes:
            links.append(_switcher_link(code, homes[code].get_url(request=request), "home", homes[code].title))
    return {"links": links, "request": request}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    request = context.get("request")
    alternates = [(code, p) for code, p in page_alternates(page, request) if p is not None]
    links = [{"code": code, "url": p.get_full_url(request=request)} for code, p in alternates]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    canonical = page.get_full_url(request=request)
    return {"links": links, "default": default, "canonical": canonical}


@register.simple_tag(takes_context=True)
def locale_home(context, language_code=None):
    """The home page of a language (for the header logo link)."""
    return facts_for(context.get("request")).home(language_code)


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context, page):
    """A visible notice on a translation that is behind its French page (with a link to it)."""
    from pages.translation.public import translation_notices

    return {**translation_notices(page), "request": context.get("request")}
