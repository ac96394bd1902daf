"""The library services' answer formats, turned into plain data (see each service's description).

Each ``parse_*`` takes the raw body and returns lists and dicts of strings and numbers (they are
cached and given to the API as they are), or raises ValueError when the body is not in the format.
"""

import json
import re
import zoneinfo
from datetime import date, datetime
from urllib.parse import urlparse

from django.conf import settings

_TIME = re.compile(r"^([01]\d|2[0-4]):[0-5]\d$")
_MONTHS = {
    "janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4, "mai": 5, "juin": 6, "juil": 7,
    "août": 8, "aout": 8, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12,
}
_FRENCH_DATE = re.compile(r"^\s*(\d{1,2})(?:er)?\s+([a-zéû]+)\.?\s+(\d{4})\s*$", re.IGNORECASE)


def _json(body):
    return json.loads(body)  # a JSONDecodeError is a ValueError


def safe_link(url):
    """``url`` if it is an http(s) address, else "" (a service must not give readers javascript: links)."""
    return url if isinstance(url, str) and urlparse(url).scheme in ("http", "https") and urlparse(url).netloc else ""


def parse_availability(body):
    """Circulation status of an item (a dict) or the free computers of a room (a list)."""
    data = _json(body)
    if isinstance(data, list):
        free = [
            str(p["id"]) for p in data
            if isinstance(p, dict) and p.get("id") and p.get("enabled") is True and p.get("state") != "active"
        ]
        return {"count": len(free), "items": free, "link": "", "text": ""}
    if isinstance(data, dict):
        count = data.get("total-exemplaires-disponibles", data.get("available"))
        link = safe_link(data.get("permalien") or data.get("url") or "")
        if isinstance(count, int) and not isinstance(count, bool):
            return {"count": count, "items": [], "link": link, "text": ""}
        text = data.get("message") or data.get("value")
        if isinstance(text, str | int | float) and not isinstance(text, bool):
            return {"count": None, "items": [], "link": link, "text": str(text)}
    raise ValueError("neither a circulation status nor a list of computers")


def _local_day(stamp):
    """The service writes each day as its local midnight in UTC (``2023-02-08T05:00:00.000Z``)."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()


def parse_hours(body):
    """The hours API's JSON: one entry per library × service × day, with up to two time ranges."""
    data = _json(body)
    if not isinstance(data, dict) or not isinstance(data.get("evenements"), list):
        raise ValueError("no 'evenements' list")
    days = []
    for event in data["evenements"]:
        if not isinstance(event, dict) or not isinstance(event.get("date"), str):
            raise ValueError(f"hours entry without a date: {event!r}")
        times = [event.get(name) or "" for name in ("debut1", "fin1", "debut2", "fin2")]
        if any(t and not (isinstance(t, str) and _TIME.match(t)) for t in times):
            raise ValueError(f"hours entry with a time that is not HH:MM: {event!r}")
        start1, end1, start2, end2 = times
        if start1 and end2 and not end1 and not start2:  # one range written over both slots
            ranges = [[start1, end2]]
        else:
            ranges = [[a, b] for a, b in ((start1, end1), (start2, end2)) if a and b]
        closed = str(event.get("sommaire") or "").strip().lower() == "fermé" or not ranges
        days.append({
            "date": _local_day(event["date"]).isoformat(),
            "library": str(event.get("bibliotheque") or ""),
            "service": str(event.get("service") or ""),
            "ranges": [] if closed else ranges,
            "closed": closed,
        })
    labels = data.get("labels") if isinstance(data.get("labels"), dict) else {}
    return {"days": days, "labels": {k: v for k, v in labels.items() if isinstance(v, dict)}}


def parse_french_date(text):
    """``12 févr. 2026`` → date(2026, 2, 12); None when it is not such a date."""
    match = _FRENCH_DATE.match(text or "")
    if not match:
        return None
    month = _MONTHS.get(match.group(2).lower())
    try:
        return date(int(match.group(3)), month, int(match.group(1))) if month else None
    except ValueError:
        return None


def parse_workshops(body):
    """The workshops API's array, sorted by date; entries whose date cannot be read are left out."""
    data = _json(body)
    if not isinstance(data, list):
        raise ValueError("workshops answer is not a list")
    workshops = []
    for entry in data:
        if not isinstance(entry, dict):
            continue
        day = parse_french_date(entry.get("date") if isinstance(entry.get("date"), str) else "")
        title = entry.get("titre")
        if day is None or not isinstance(title, str) or not title.strip():
            continue
        workshops.append({
            "date": day.isoformat(),
            "title": title.strip(),
            "online": entry.get("typeLocalisation") == "en-ligne",
            "place": str(entry.get("lieu") or "").strip(),
            "url": safe_link(entry.get("url")),
        })
    return sorted(workshops, key=lambda w: w["date"])


def parse_next_slot(body):
    """The booking webhook: ``{"next": {"start_local": …} | null, "duration_min": …}``."""
    data = _json(body)
    if not isinstance(data, dict) or "next" not in data:
        raise ValueError("no 'next' in the booking answer")
    duration = data.get("duration_min")
    duration = duration if isinstance(duration, int) and not isinstance(duration, bool) and duration > 0 else None
    if data["next"] is None:
        return {"start": None, "duration_min": duration}
    start = datetime.fromisoformat(data["next"]["start_local"])  # ValueError, KeyError, TypeError: not the format
    return {"start": start.replace(tzinfo=None).isoformat(timespec="minutes"), "duration_min": duration}


def parse_emergency(body):
    """The campus emergency feed: ``{"active": bool, "title": …, "message": …, "url": …}``
    (``actif``, ``titre`` and ``lien`` are read too). An inactive feed is a known « no alert »."""
    data = _json(body)
    if not isinstance(data, dict):
        raise ValueError("emergency feed is not an object")
    active = data.get("active", data.get("actif"))
    if not isinstance(active, bool):
        raise ValueError("emergency feed without an 'active' flag")
    text = {key: data.get(key, data.get(french)) for key, french in (("title", "titre"), ("message", "message"))}
    if active and not any(isinstance(v, str) and v.strip() for v in text.values()):
        raise ValueError("active emergency without a text")
    return {
        "active": active,
        "title": str(text["title"] or "").strip() if active else "",
        "message": str(text["message"] or "").strip() if active else "",
        "url": safe_link(data.get("url", data.get("lien"))) if active else "",
    }
