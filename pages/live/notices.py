"""Site-wide notices and the campus emergency alert: a live part of every page, and an API view.

They are filled when the page is served (like the other live parts), so a notice appears and
expires at its own dates although pages stay in the page cache. An active emergency alert
replaces every other notice.
"""

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_safe

from . import fragments
from .fetch import fetch_all
from .formats import parse_emergency
from .models import SiteNotice

EMERGENCY = ("emergency", {}, parse_emergency)


def _cache_key(language_code):
    return f"live:notices:{language_code}"


def current_notices(language_code):
    """The notices shown now, cached for LIVE_DATA_CACHE_SECONDS (a scheduled notice appears or
    goes within that time) and forgotten as soon as a notice is saved or deleted."""
    notices = cache.get(_cache_key(language_code))
    if notices is None:
        notices = SiteNotice.current(language_code)
        cache.set(_cache_key(language_code), notices, settings.LIVE_DATA_CACHE_SECONDS)
    return notices


def forget_notices(**kwargs):
    cache.delete_many([_cache_key(code) for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES])


@fragments.register
class SiteNotices:
    """Not a block: one placeholder in the base template, filled like the blocks."""

    live_name = "site_notices"

    def to_python(self, prep):
        return prep

    def live_requests(self, value):
        return [EMERGENCY]

    def render_live(self, value, values):
        emergency = values[0].data if values[0].known and values[0].data["active"] else None
        notices = [] if emergency else current_notices(translation.get_language())
        return render_to_string("live/site_notices.html", {"emergency": emergency, "notices": notices})


def placeholder():
    return fragments.placeholder(SiteNotices.live_name, None)


def current(language_code):
    """What the API gives: the emergency alert (with its status) and the notices of the language."""
    emergency = fetch_all([EMERGENCY])[0]
    active = emergency.known and emergency.data["active"]
    return {
        "emergency": {**emergency.as_api(), "active": bool(active)},
        "notices": [] if active else [n.as_api() for n in current_notices(language_code)],
    }


@require_safe
def notices_api(request):
    language = request.GET.get("locale") or translation.get_language()
    if language not in {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}:
        return JsonResponse({"message": "locale: fr, en"}, status=400)
    return JsonResponse(current(language))
