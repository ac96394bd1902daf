"""The slug of a translation follows its translated title, unless a translator set it.

wagtail-localize treats the slug as one more segment, whose fallback is the French slug
(/en/creative/decoupeuse-laser-epilog/). Here, when a title translation is saved, the slug segment
gets a translation made from it, marked with its own tool name; a slug a translator typed
(a manual translation) is never replaced. wagtail-localize then writes that slug like any other
segment, in the editor's publish, in drafts and in syncs; Wagtail's redirects app turns the change
of a live page's slug into a permanent redirect from the old address.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

FROM_TITLE = "slug from the translated title"  # tool_name of the slug translations made here


def _segment(source, path):
    return StringSegment.objects.filter(source=source, context__path=path).select_related("string", "context").first()


def _translation_of(segment, locale):
    return StringTranslation.objects.filter(
        translation_of_id=segment.string_id, context_id=segment.context_id, locale=locale
    ).first()


def _target_parent(source, locale):
    """The page the translation lives (or will live) under, in the target language."""
    original = source.get_source_instance()
    target = original.get_translation_or_none(locale)
    if target is not None:
        return target.get_parent(), target.pk
    parent = original.get_parent()
    return (parent.get_translation_or_none(locale) or parent), None


def slug_from_title(source, locale):
    """Give the slug segment of `source` in `locale` the slug of the translated title.

    Returns the slug in use: the translator's, the one made from the title, or None (nothing to do:
    not a page, or no translated title yet). The slug is unique among the target page's siblings.
    """
    if not issubclass(source.specific_content_type.model_class(), Page):
        return None
    slug_segment, title_segment = _segment(source, "slug"), _segment(source, "title")
    if slug_segment is None or title_segment is None:
        return None
    existing = _translation_of(slug_segment, locale)
    if existing is not None and existing.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL:
        return existing.data
    title = _translation_of(title_segment, locale)
    if title is None or title.has_error or not slugify(title.data):
        return None
    parent, own_id = _target_parent(source, locale)
    slug = find_available_slug(parent, slugify(title.data), ignore_page_id=own_id)
    if existing is None or existing.data != slug:
        StringTranslation.objects.update_or_create(
            translation_of_id=slug_segment.string_id, context_id=slug_segment.context_id, locale=locale,
            defaults={"data": slug, "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                      "tool_name": FROM_TITLE, "has_error": False, "field_error": ""},
        )
    return slug


@receiver(post_save, sender=StringTranslation, dispatch_uid="studiobib_slug_from_title")
def follow_the_translated_title(sender, instance, raw=False, **kwargs):
    if raw or instance.context.path != "title":
        return
    for source in TranslationSource.objects.filter(object_id=instance.context.object_id).exclude(
        locale_id=instance.locale_id
    ):
        slug_from_title(source, instance.locale)
