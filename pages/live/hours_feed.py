"""The hours of a library's service as an iCalendar feed (four weeks from today), from the hours API."""

import zoneinfo
from datetime import date, datetime, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

import icalendar

from .fetch import fetch_one
from .formats import parse_hours

WEEKS = 4


def _moment(day, clock, zone):
    hours, minutes = (int(part) for part in clock.split(":"))
    return datetime.combine(day, datetime.min.time(), zone) + timedelta(hours=hours, minutes=minutes)


def build_calendar(data, library, service, first_day):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    labels = data["labels"]
    place = labels.get("bibs", {}).get(library, library)
    name = labels.get("services", {}).get(service, service)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//studio·bib//horaires//FR")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{name} · {place}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for day in data["days"]:
        if day["library"] != library or day["service"] != service or day["closed"]:
            continue
        when = date.fromisoformat(day["date"])
        if when < first_day:
            continue
        for n, (start, end) in enumerate(day["ranges"]):
            begins, ends = _moment(when, start, zone), _moment(when, end, zone)
            event = icalendar.Event()
            event.add("uid", f"{day['date']}-{library}-{service}-{n}@studiobib")
            event.add("dtstamp", timezone.now())
            event.add("dtstart", begins.astimezone(zoneinfo.ZoneInfo("UTC")))
            event.add("duration", ends - begins)
            event.add("summary", _("%(service)s : %(start)s à %(end)s") % {"service": name, "start": start, "end": end})
            event.add("location", place)
            calendar.add_component(event)
    return calendar.to_ical()


@require_safe
def hours_calendar(request, library, service):
    today = timezone.localdate()
    last = today + timedelta(weeks=WEEKS) - timedelta(days=1)
    live = fetch_one("hours", {"bib": library, "debut": today.isoformat(), "fin": last.isoformat()}, parse_hours)
    if not live.known:
        response = HttpResponse(_("Le service des horaires ne répond pas pour le moment."), status=503,
                                content_type="text/plain; charset=utf-8")
        response["Retry-After"] = str(settings.LIVE_DATA_FAILURE_CACHE_SECONDS)
        return response
    with translation.override(translation.get_language()):
        body = build_calendar(live.data, library, service, today)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="horaires-{library}-{service}.ics"'
    response["Cache-Control"] = f"public, max-age={max(0, int(live.expires - timezone.now().timestamp()))}"
    return response
