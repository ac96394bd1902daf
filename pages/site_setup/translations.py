"""Fill a wagtail-localize translation from known French → target pairs, as a translator would."""

from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import extract_strings

from pages.translation.drafts import save_translation_draft


def segment_pairs(source_text, target_text):
    """Pair the translation segments of a French text with those of its translation.

    Rich text is split into one segment per block element, so pairs are made element by element;
    plain text is one segment.
    """
    if "<" not in source_text:
        return {source_text: target_text}
    _template, source_strings = extract_strings(source_text)
    _template, target_strings = extract_strings(target_text)
    if len(source_strings) != len(target_strings):
        raise ValueError(f"The translation of {source_text[:40]!r} does not have the same structure.")
    return {s.data: t.data for (s, _a), (t, _b) in zip(source_strings, target_strings, strict=True)}


def translate_page(page, locale, pairs, user):
    """Create (or refresh) the page's translation and fill every segment known in `pairs`.

    Returns the translation; the target page is saved as a draft revision and is published only
    by the caller, so nothing goes live behind its back.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        translate_object(page, [locale], user=user)
        source = TranslationSource.objects.get_for_instance(page)
    else:
        source.update_from_db()
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    if translation is None:
        translate_object(page, [locale], user=user)
        translation = Translation.objects.get(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        target = pairs.get(segment.string.data)
        if target is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": target, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                      "last_translated_by": user},
        )
    # A draft revision; on a live target the reviewed text stays online until the draft is published.
    save_translation_draft(translation, user=user)
    return translation
