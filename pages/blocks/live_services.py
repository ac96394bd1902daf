"""Typed boxes of the library's live services: hours, upcoming workshops, next free slot, chat.

Each is a live part (``pages.live.fragments``): rendered when the page is served, from the
service's cached answer, so the page cache never freezes it. When a service does not answer,
the box says so and links to the library's own page instead of showing old data as current.
"""

import re
import zoneinfo
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import formats as django_formats
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup

from pages.live import formats
from pages.live.fragments import LivePartMixin, register

from . import previews
from .live_data import ParameterValueBlock
from .text import WordsOnlySearchMixin


def _today():
    return timezone.localdate(timezone.now(), zoneinfo.ZoneInfo(settings.TIME_ZONE))


def _clock(text):
    """``14:30`` in the reader's language (« 14 h 30 », "2:30 p.m."); the end of day as midnight."""
    if text == "24:00":
        return gettext("minuit")
    hours, minutes = (int(part) for part in text.split(":"))
    return django_formats.time_format(time(hours, minutes), "TIME_FORMAT")


class LiveServiceBlock(LivePartMixin, WordsOnlySearchMixin, blocks.StructBlock):
    def render_live(self, value, values):
        context = {"value": value, "live": values[0], **self.live_context(value, values[0])}
        return render_to_string(self.meta.template, context)

    def live_context(self, value, live):
        return {}


class HoursView(blocks.ChoiceBlock):
    def __init__(self, **kwargs):
        super().__init__(choices=[("today", _("Aujourd'hui")), ("week", _("Cette semaine"))], **kwargs)


@register
class HoursBlock(LiveServiceBlock):
    live_name = "hours"
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Soutien informatique »."))
    library = ParameterValueBlock(
        label=_("Code de la bibliothèque"),
        help_text=_("Le code de la bibliothèque dans le service des horaires, par exemple « ss »."),
    )
    service = ParameterValueBlock(
        label=_("Service"), default="soutien-informatique",
        help_text=_("« regulier » pour les heures d'ouverture, « soutien-informatique » pour le soutien."),
    )
    view = HoursView(label=_("Période"), default="today", help_text=_("Les heures du jour ou de la semaine en cours."))

    class Meta:
        preview_value = previews.HOURS_PREVIEW
        icon = "time"
        label = _("Horaires")
        group = _("Services en direct")
        template = "live/hours_block.html"
        description = _("Les heures d'ouverture ou de soutien du jour ou de la semaine, à jour.")

    def _days(self, value):
        today = _today()
        if value.get("view") == "week":
            monday = today - timedelta(days=today.weekday())
            return [monday + timedelta(days=n) for n in range(7)]
        return [today]

    def live_requests(self, value):
        days = self._days(value)
        parameters = {"bib": value.get("library") or "", "debut": days[0].isoformat(), "fin": days[-1].isoformat()}
        return [("hours", parameters, formats.parse_hours)]

    def live_context(self, value, live):
        if not live.known:
            return {"fallback": settings.LIBRARY_HOURS_PAGE_URL}
        wanted = [
            day for day in live.data["days"]
            if day["library"] == value.get("library") and day["service"] == value.get("service")
        ]
        rows = []
        for day in self._days(value):
            entries = [e for e in wanted if e["date"] == day.isoformat() and not e["closed"]]
            ranges = [r for e in entries for r in e["ranges"]]
            if ranges == [["00:00", "24:00"]]:
                text = gettext("Ouvert 24 h sur 24")
            elif ranges:
                text = ", ".join(gettext("%(start)s à %(end)s") % {"start": _clock(a), "end": _clock(b)} for a, b in ranges)
            else:
                text = ""
            rows.append({"day": day, "text": text, "today": day == _today()})
        return {"rows": rows}


@register
class WorkshopsBlock(LiveServiceBlock):
    live_name = "workshops"
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Prochaines formations »."))
    discipline = ParameterValueBlock(
        label=_("Discipline"), default="informatique-creation-medias",
        help_text=_("La discipline des formations dans le service des formations."),
    )
    place = ParameterValueBlock(  # compared with the service's French place names: never translated
        label=_("Lieu contenant"), required=False,
        help_text=_("Ne montrer que les formations dont le lieu contient ce texte (un espace, une salle)."),
    )
    count = blocks.IntegerBlock(label=_("Nombre de formations"), default=4, min_value=1, max_value=12)

    class Meta:
        form_layout = BlockGroup(children=["title", "discipline", "place"], settings=["count"])
        preview_value = previews.WORKSHOPS_PREVIEW
        icon = "date"
        label = _("Prochaines formations")
        group = _("Services en direct")
        template = "live/workshops_block.html"
        description = _("Les prochaines formations de la bibliothèque : date, titre, lieu, inscription.")

    def live_requests(self, value):
        return [("workshops", {"discipline": value.get("discipline") or ""}, formats.parse_workshops)]

    def live_context(self, value, live):
        if not live.known:
            return {"fallback": settings.LIBRARY_WORKSHOPS_PAGE_URL}
        today, place = _today().isoformat(), (value.get("place") or "").strip().lower()
        upcoming = [
            {**w, "day": date.fromisoformat(w["date"])} for w in live.data
            if w["date"] >= today and (not place or place in w["place"].lower())
        ]
        return {"workshops": upcoming[: value.get("count") or 4]}


@register
class NextSlotBlock(LiveServiceBlock):
    live_name = "next_slot"
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Studio balado vidéo »."))
    service = ParameterValueBlock(
        label=_("Espace réservable"), default="studio-balado-video",
        help_text=_("L'identifiant de l'espace dans le service de réservation."),
    )
    booking_url = blocks.URLBlock(
        label=_("Adresse de réservation"), required=False,
        help_text=_("Toujours affichée à côté de la disponibilité. Par défaut, la page de réservation de la bibliothèque."),
    )

    class Meta:
        preview_value = previews.NEXT_SLOT_PREVIEW
        icon = "calendar-check"
        label = _("Prochaine disponibilité")
        group = _("Services en direct")
        template = "live/next_slot_block.html"
        description = _("Le prochain créneau libre d'un espace réservable, avec le lien pour réserver.")

    def live_requests(self, value):
        return [("booking", {"service": value.get("service") or ""}, formats.parse_next_slot)]

    def live_context(self, value, live):
        context = {"booking_url": formats.safe_link(value.get("booking_url")) or settings.LIBRARY_BOOKING_PAGE_URL}
        if live.known and live.data["start"]:
            start = datetime.fromisoformat(live.data["start"]).replace(tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
            context["start"] = start
        return context


class ChatHashBlock(ParameterValueBlock):
    def clean(self, value):
        value = super().clean(value)
        if value and not re.fullmatch(r"[0-9a-f]{16,128}", value):
            raise ValidationError(_("Le code du clavardage est une suite de chiffres et de lettres a à f."))
        return value


class ChatBlock(blocks.StructBlock):
    """The library's chat, opened only when the reader asks for it, with a plain contact beside it.

    A link to the chat service's own window rather than its script on our page: nothing is loaded
    from the chat's host (and none of its cookies set) before the reader chooses to chat, it works
    without JavaScript, and the page's Content-Security-Policy stays as it is.
    """

    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Une question ? »."))
    hash = ChatHashBlock(label=_("Code du clavardage"), help_text=_("Le code (hash) du widget LibChat de la bibliothèque."))
    email = blocks.EmailBlock(
        label=_("Courriel de contact"), required=False,
        help_text=_("Proposé à côté du clavardage. Par défaut, le courriel du soutien."),
    )

    class Meta:
        form_layout = BlockGroup(children=["title", "hash"], settings=["email"])
        preview_value = previews.CHAT_PREVIEW
        icon = "comment"
        label = _("Clavardage")
        group = _("Services en direct")
        template = "live/chat_block.html"
        description = _("Un lien vers le clavardage de la bibliothèque, avec le courriel et les heures du soutien.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["chat_url"] = settings.LIVE_CHAT_URL.format(hash=value.get("hash") or "")
        context["email"] = value.get("email") or settings.LIBRARY_SUPPORT_EMAIL
        context["hours_url"] = settings.LIBRARY_HOURS_PAGE_URL
        return context
