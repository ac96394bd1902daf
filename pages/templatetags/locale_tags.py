"""Language switcher and hreflang alternates, built from real translations, never from URL strings."""

from django import template
from django.conf import settings
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page, Site

register = template.Library()


def _language_homes(request):
    """The live home page of each content language, keyed by language code."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = {}
    for home in Page.objects.filter(translation_key=site.root_page.translation_key).live().select_related("locale"):
        homes[home.locale.language_code] = home
    return homes


def page_alternates(page, request):
    """[(language_code, page_or_None)] for every content language; None when not translated yet."""
    translations = {page.locale.language_code: page}
    for translation in page.get_translations().live().public().select_related("locale"):
        translations[translation.locale.language_code] = translation
    return [(code, translations.get(code)) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context.get("request")
    page = page or None  # error pages render with no page (an empty string in templates)
    current = page.locale.language_code if page else context.get("LANGUAGE_CODE")
    homes = _language_homes(request) if request else {}
    links = []
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current:
            continue
        target = None
        translated = False
        if page:  # a template without a page (404) passes ""
            target = dict(page_alternates(page, request)).get(code)
            translated = target is not None
        if target is None:
            target = homes.get(code)
        if target is None:
            continue
        info = get_language_info(code)
        links.append({
            "code": code,
            "name": info["name_local"],
            "url": target.get_url(request=request),
            "translated": translated,
        })
    return {"links": links, "request": request}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    request = context.get("request")
    alternates = [(code, p) for code, p in page_alternates(page, request) if p is not None]
    links = [{"code": code, "url": p.get_full_url(request=request)} for code, p in alternates]
    default = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    canonical = page.get_full_url(request=request)
    return {"links": links, "default": default, "canonical": canonical}


@register.simple_tag
def locale_home(language_code=None):
    """The home page of a language (for the header logo link)."""
    locale = Locale.objects.filter(language_code=language_code).first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return None
    home = site.root_page
    if locale is not None:
        home = home.get_translation_or_none(locale) or home
    return home


@register.inclusion_tag("components/translation_notice.html", takes_context=True)
def translation_notice(context, page):
    """A visible notice on a translation that is behind its French page (with a link to it)."""
    from pages.translation.public import outdated_notice, partly_french_notice

    return {"notice": outdated_notice(page), "partly_french": partly_french_notice(page), "request": context.get("request")}
