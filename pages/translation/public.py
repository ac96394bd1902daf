"""What readers see of translations: fallbacks to the French page, the "may be behind" notice, and
what the live page holds of its translation (HTML notice and API field alike)."""

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .status import behind_since


def translation_notices(page):
    """{"notice": outdated_notice, "partly_french": partly_french_notice} of a page, reading the
    translation that fills it once for both."""
    if not isinstance(page, Page) or page.locale.language_code == settings.LANGUAGE_CODE:
        return {"notice": None, "partly_french": None}
    translation = (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .order_by("-enabled")
        .first()
    )
    return {"notice": outdated_notice(page, translation),
            "partly_french": partly_french_notice(page, translation if translation and translation.enabled else None)}


def partly_french_notice(page, translation):
    """{'source': French page, 'segments': n} when the live translation still shows French text.

    `translation` is the enabled translation that fills the page, or None.
    """
    segments = live_french_segments(page, translation) if translation else []
    if not segments:
        return None
    return {"source": translation.source.get_source_instance(), "segments": len(segments)}


def outdated_notice(page, translation):
    """{'source': French page, 'updated_at': …, 'since': …} when this translation is behind its French page.

    `translation` is the one that fills the page (enabled or not), or None. Cheap on the common
    path: the text comparison happens only after a French publish.
    """
    if translation is None:
        return None
    source = translation.source
    french = source.get_source_instance()
    if not french.live:
        return None
    since = behind_since(french, source, page)  # until the updated translation is approved
    if since is None:
        return None
    return {"source": french, "updated_at": french.last_published_at, "since": since}


def live_french_segments(page, translation):
    """Paths of the live translated page's segments that still hold the untranslated French text.

    Empty for every page approved since translations must be complete to go live; kept for pages
    published before (and as a guard), so that readers and API clients are told.
    """
    from .completeness import completeness

    missing = completeness(translation).untranslated
    if not missing:
        return []
    live = {(s.path, s.string.data) for s in extract_segments(page.specific) if isinstance(s, StringSegmentValue)}
    return [segment.path for segment in missing if (segment.path, segment.french) in live]


def reader_completeness(page):
    """What a reader (or an API client) may rely on about the language of this live page.

    {"language", "translation_of" (the live French page's id, or None), "complete" (False when
    untranslated French text is on the page), "french_segments" (their paths), "behind_source",
    "behind_since"}.
    """
    from .review import translation_for

    result = {"language": page.locale.language_code, "translation_of": None, "complete": True,
              "french_segments": [], "behind_source": False, "behind_since": None}
    translation = translation_for(page) if page.locale.language_code != settings.LANGUAGE_CODE else None
    if translation is None:
        return result
    french = translation.source.get_source_instance()
    result["french_segments"] = live_french_segments(page, translation)
    result["complete"] = not result["french_segments"]
    if french.live:
        since = behind_since(french, translation.source, page)
        result.update(translation_of=french.pk, behind_source=since is not None,
                      behind_since=since.isoformat() if since else None)
    return result


def _page_at(root, components):
    url_path = root.url_path + "".join(f"{c}/" for c in components)
    return Page.objects.filter(url_path=url_path).specific().first()


def untranslated_fallback(request):
    """For a 404 under a target-language prefix: the live French page the reader was after, if any.

    Two cases: the English URL of a translation that is not published yet, or a French path
    typed under /en/. Returns (french_page, translated_live_page_or_None).
    """
    parts = [p for p in request.path.split("/") if p]
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if not parts or parts[0] not in languages or parts[0] == settings.LANGUAGE_CODE:
        return None, None
    site = Site.find_for_request(request)
    if site is None:
        return None, None
    target_locale = Locale.objects.filter(language_code=parts[0]).first()
    source_locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    french_home = site.root_page.get_translation_or_none(source_locale) if source_locale else None
    target_home = site.root_page.get_translation_or_none(target_locale) if target_locale else None
    components = parts[1:]
    candidate = _page_at(target_home, components) if target_home else None
    if candidate is not None and not candidate.live:
        french = candidate.get_translation_or_none(source_locale)
        if french is not None and french.live:
            return french.specific, None
    candidate = _page_at(french_home, components) if french_home else None
    if candidate is not None and candidate.live and not candidate.get_view_restrictions().exists():
        translated = candidate.get_translation_or_none(target_locale)
        if translated is not None and translated.live:
            return candidate, translated
        return candidate, None
    return None, None


def fallback_response(request):
    """The answer for a 404 under a target-language prefix when the French page exists, else None."""
    french, translated = untranslated_fallback(request)
    if translated is not None:
        return HttpResponsePermanentRedirect(translated.url)
    if french is not None:
        return render(request, "pages/translation/untranslated.html", {"french_page": french})
    return None


class UntranslatedPageMiddleware:
    """Turns the 404 of a page not translated yet into a pointer to its French version.

    A middleware rather than handler404 so that it also works with DEBUG on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.method in ("GET", "HEAD"):
            return fallback_response(request) or response
        return response
