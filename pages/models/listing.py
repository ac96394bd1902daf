"""What a section lists: its children, with the French pages not translated yet in a target language."""

from django.conf import settings

from wagtail.models import Locale


def section_children(section):
    """Cards of a section: its live children, plus, in a target language, the French children
    not translated yet (readers get the French page, marked as such, rather than nothing)."""
    own = list(section.get_children().live().public().specific().defer_streamfields())
    if section.locale.language_code == settings.LANGUAGE_CODE:
        return own
    french_section = section.get_translation_or_none(Locale.objects.get(language_code=settings.LANGUAGE_CODE))
    if french_section is None:
        return own
    french_children = list(french_section.get_children().live().public().specific().defer_streamfields())
    french_keys = {child.translation_key for child in french_children}
    translated = {child.translation_key: child for child in own}
    cards = [translated.get(child.translation_key, child) for child in french_children]
    return cards + [child for child in own if child.translation_key not in french_keys]
