"""Where each translation stands: missing, in progress, outdated (since when) or up to date.

Rules (wagtail-localize keeps no such status itself):
- missing: the French page has no translation into the locale yet;
- outdated: the French page was published after the last sync *and* its text or its
  synchronised facts (capacity, status, images…) differ from what was synced, or the live
  translated page predates the last sync (the update is not approved yet); `since` is the
  first such publish;
- in progress: segments are untranslated, or the translated content has not reached the live
  target page yet (not published, a draft awaiting review, a sync not yet applied);
- up to date: everything is translated and the live target page carries it.
"""

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .drafts import target_page


class Status(models.TextChoices):
    MISSING = "missing", _("Manquante")
    IN_PROGRESS = "in_progress", _("En cours")
    OUTDATED = "outdated", _("En retard sur le français")
    UP_TO_DATE = "up_to_date", _("À jour")


class Detail(models.TextChoices):
    UNTRANSLATED = "untranslated", _("Segments à traduire")
    NOT_PUBLISHED = "not_published", _("Traduction jamais publiée")
    AWAITING_REVIEW = "awaiting_review", _("Brouillon en attente de relecture")
    NONE = "", ""


@dataclass
class TranslationState:
    source_page: Page
    locale: Locale
    status: str
    total_segments: int = 0
    translated_segments: int = 0
    since: object = None  # datetime of the first French publish not yet synced (outdated only)
    last_synced_at: object = None
    target: Page | None = None
    detail: str = ""
    translation: Translation | None = field(default=None, repr=False)

    @property
    def untranslated_segments(self):
        return self.total_segments - self.translated_segments

    def get_status_display(self):
        return Status(self.status).label

    def get_detail_display(self):
        return Detail(self.detail).label if self.detail else ""

    def as_dict(self):
        target = self.target
        return {
            "page_id": self.source_page.pk,
            "title": self.source_page.title,
            "page_type": self.source_page.specific_class._meta.label,
            "source_url": self.source_page.get_full_url(),
            "source_last_published_at": _iso(self.source_page.last_published_at),
            "locale": self.locale.language_code,
            "status": self.status,
            "detail": self.detail,
            "since": _iso(self.since),
            "last_synced_at": _iso(self.last_synced_at),
            "segments": {
                "total": self.total_segments,
                "translated": self.translated_segments,
                "untranslated": self.untranslated_segments,
            },
            "translation_page_id": target.pk if target else None,
            "translation_url": target.get_full_url() if target and target.live else None,
            "translation_live": bool(target and target.live),
        }


def _iso(value):
    return value.isoformat() if value else None


def _live_segments(page):
    strings, overrides = set(), set()
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            strings.add((segment.path, segment.string.data))
        elif isinstance(segment, OverridableSegmentValue):
            overrides.add((segment.path, json.dumps(segment.data, sort_keys=True, default=str)))
    return strings, overrides


def source_differs(page, source):
    """True when the French page's text or synchronised facts differ from the synced source."""
    page = page.specific
    strings, overrides = _live_segments(page)
    if strings != set(source.stringsegment_set.values_list("context__path", "string__data")):
        return True
    stored_overrides = {
        (path, json.dumps(json.loads(data), sort_keys=True, default=str))
        for path, data in source.overridablesegment_set.values_list("context__path", "data_json")
    }
    if overrides != stored_overrides:
        return True
    frozen = source.as_instance()
    for translatable in get_translatable_fields(type(page)):
        if not isinstance(translatable, SynchronizedField):
            continue
        model_field = translatable.get_field(type(page))
        attname = getattr(model_field, "attname", translatable.field_name)
        if getattr(page, attname, None) != getattr(frozen, attname, None):
            return True
    return False


def outdated_since(page, source):
    """The first publish of the French page after the last sync, or None when nothing changed."""
    if page.last_published_at is None or page.last_published_at <= source.last_updated_at:
        return None
    if not source_differs(page, source):
        return None
    first = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", timestamp__gt=source.last_updated_at)
        .order_by("timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return first or page.last_published_at


def built_at(target):
    """When the live content of a translated page was written (its live revision), or None."""
    if target is None or not target.live:
        return None
    revision = target.live_revision if target.live_revision_id else None
    return revision.created_at if revision is not None else target.last_published_at


def behind_since(page, source, target):
    """Since when the live translation `target` is behind the French `page`, or None.

    Behind until the update is approved: either the French page changed after the last sync, or
    the sync is newer than the translated page's live content (the update awaits translation or
    review). Syncs happen only when the French text or facts changed (`po.sync_source`).
    """
    since = outdated_since(page, source)
    if since is not None:
        return since
    written = built_at(target)
    if written is None or written >= source.last_updated_at:
        return None
    first = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish", timestamp__gt=written)
        .order_by("timestamp").values_list("timestamp", flat=True).first()
    )
    return first or source.last_updated_at


# "The caller did not say": None is a real answer for a target (no translated page yet).
UNKNOWN = object()


def translation_state(page, locale, source=None, translation=None, target=UNKNOWN):
    """The state of the translation of the (French) `page` into `locale`.

    A caller that already holds the translated page (or knows there is none) passes it as
    `target`, which saves the three queries of finding it again from the translation.
    """
    page = page.specific if type(page) is Page else page
    if source is None and translation is None:
        # The source and its translation into `locale` in one read.
        translation = (
            Translation.objects.filter(
                source__object_id=page.translation_key, source__locale_id=page.locale_id, target_locale=locale
            ).select_related("source").first()
        )
        source = translation.source if translation is not None else None  # no translation: missing
    elif source is None:
        source = translation.source
    if source is not None and translation is None:
        translation = source.translations.filter(target_locale=locale).first()
    if source is None or translation is None:
        target = page.get_translation_or_none(locale) if target is UNKNOWN else target
        return TranslationState(page, locale, Status.MISSING, target=target)

    total, translated = translation.get_progress()
    if target is UNKNOWN:
        target = target_page(translation)
    state = TranslationState(
        page, locale, Status.IN_PROGRESS, total, translated,
        last_synced_at=source.last_updated_at, target=target, translation=translation,
    )
    since = behind_since(page, source, target)
    if since is not None:
        state.status, state.since = Status.OUTDATED, since
        if not outdated_since(page, source):  # synced: the update is being translated or reviewed
            state.detail = Detail.UNTRANSLATED if translated < total else Detail.AWAITING_REVIEW
        return state
    if translated < total:
        state.detail = Detail.UNTRANSLATED
    elif target is None or not target.live or target.last_published_at is None:
        state.detail = Detail.NOT_PUBLISHED
    elif (
        target.has_unpublished_changes
        or source.last_updated_at > target.last_published_at
        or StringTranslation.objects.filter(
            context__object_id=source.object_id, locale=locale, updated_at__gt=target.last_published_at
        ).exists()
    ):
        state.detail = Detail.AWAITING_REVIEW
    else:
        state.status = Status.UP_TO_DATE
    return state


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def target_locales(language_code=None):
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")
    if language_code:
        locales = locales.filter(language_code=language_code)
    return list(locales)


def source_pages():
    """Every page of the source (French) tree, in tree order, typed."""
    return (
        Page.objects.filter(locale=default_locale(), depth__gt=1)
        .exclude(alias_of__isnull=False)
        .order_by("path")
        .specific()
    )


def all_states(language_code=None, status=None, page_type=None):
    """The state of every French page in every target locale (or one), optionally filtered."""
    locales = target_locales(language_code)
    pages = list(source_pages())
    sources = {
        s.object_id: s
        for s in TranslationSource.objects.filter(object_id__in=[p.translation_key for p in pages],
                                                  locale=default_locale())
    }
    translations = {
        (t.source_id, t.target_locale_id): t
        for t in Translation.objects.filter(source__in=sources.values(), target_locale__in=locales)
    }
    states = []
    for page in pages:
        if page_type and page.specific_class._meta.label_lower != page_type.lower():
            continue
        source = sources.get(page.translation_key)
        for locale in locales:
            translation = translations.get((source.pk, locale.pk)) if source else None
            if source is not None and translation is None:
                state = TranslationState(page, locale, Status.MISSING, target=page.get_translation_or_none(locale))
            else:
                state = translation_state(page, locale, source=source, translation=translation)
            if status and state.status != status:
                continue
            states.append(state)
    return states
