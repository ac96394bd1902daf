"""How complete a translation is, segment by segment: what a reviewer checks before approving.

Policy: a translation with untranslated segments cannot be sent to review, approved or published
(`require_complete`). Anything untranslated would reach readers as French text under English
headings, so the English page goes live only when every segment is translated. The slug is not
counted: it follows the translated title unless a translator sets it.

A segment whose French text changed since it was translated ("changed") keeps its previous
translation here, so that the translator sees what to update.
"""

from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail_localize.models import StringSegment, StringTranslation

NOT_COUNTED = {"slug"}


@dataclass
class Segment:
    path: str
    label: str
    french: str
    previous: str = ""  # the translation of the French text this segment had before it changed

    @property
    def changed(self):
        return bool(self.previous)


@dataclass
class Completeness:
    total: int
    untranslated: list = field(default_factory=list)

    @property
    def translated(self):
        return self.total - len(self.untranslated)

    @property
    def complete(self):
        return not self.untranslated

    @property
    def changed(self):
        return [segment for segment in self.untranslated if segment.changed]

    def as_dict(self):
        return {"complete": self.complete, "segments": self.total, "translated": self.translated,
                "untranslated": len(self.untranslated)}


def field_label(model, path):
    """"Résumé", "Corps › title"…: the field a segment belongs to, as the editor names it."""
    name, *rest = path.split(".")
    try:
        label = str(model._meta.get_field(name).verbose_name).capitalize()
    except FieldDoesNotExist:
        label = name
    inner = [part for part in rest if "-" not in part and not part.isdigit()]  # skip block ids
    return " › ".join([label, *inner])


def completeness(translation):
    """The segments of `translation` still untranslated (errored translations count as missing)."""
    model = translation.source.specific_content_type.model_class()
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .exclude(context__path__in=NOT_COUNTED)
        .annotate_translation(translation.target_locale)
        .select_related("context", "string")
        .order_by("order")
    )
    result = Completeness(total=0)
    missing = []
    for segment in segments:
        result.total += 1
        if segment.translation is None:
            missing.append(segment)
    previous = {}
    if missing:
        for st in (
            StringTranslation.objects.filter(context_id__in=[s.context_id for s in missing],
                                             locale=translation.target_locale, has_error=False)
            .order_by("updated_at")
        ):
            previous[(st.context_id, st.translation_of_id)] = st.data
    for segment in missing:
        old = [data for (context_id, string_id), data in previous.items()
               if context_id == segment.context_id and string_id != segment.string_id]
        result.untranslated.append(Segment(
            path=segment.context.path, label=field_label(model, segment.context.path),
            french=segment.string.data, previous=old[-1] if old else "",
        ))
    return result


def summary(result, limit=5):
    """"3 segments non traduits : Résumé (« … »), …" for messages and refusals."""
    shown = ", ".join(
        f"{segment.label} (« {Truncator(segment.french).chars(60)} »)" for segment in result.untranslated[:limit]
    )
    if len(result.untranslated) > limit:
        shown += "…"
    count = len(result.untranslated)
    return ngettext("%(count)s segment non traduit : %(segments)s",
                    "%(count)s segments non traduits : %(segments)s", count) % {"count": count, "segments": shown}


def require_complete(translation):
    """Refuse (ValidationError with the list) a translation that still has untranslated segments."""
    result = completeness(translation)
    if not result.complete:
        raise ValidationError(_("La traduction n'est pas terminée. %(summary)s.") % {"summary": summary(result)})
    return result
