"""What a section lists: its children, with the French pages not translated yet in a target language."""

from django.conf import settings

from wagtail.models import Locale

from pages.reading_facts import facts_for


def section_children(section, request=None):
    """Cards of a section: its live children, plus, in a target language, the French children
    not translated yet (readers get the French page, marked as such, rather than nothing).

    With the request, the view restrictions are the ones its header and menus already read, and
    the French locale the one the request already knows (`Locale.objects.get_for_language`).
    """
    facts = facts_for(request) if request is not None else None

    def public(pages):
        return facts.public(pages) if facts is not None else pages.public()

    own = list(public(section.get_children().live()).specific().defer_streamfields())
    french = Locale.objects.get_for_language(settings.LANGUAGE_CODE)
    if section.locale_id == french.pk:
        return own
    french_section = section.get_translation_or_none(french)
    if french_section is None:
        return own
    french_children = list(public(french_section.get_children().live()).specific().defer_streamfields())
    french_keys = {child.translation_key for child in french_children}
    translated = {child.translation_key: child for child in own}
    cards = [translated.get(child.translation_key, child) for child in french_children]
    return cards + [child for child in own if child.translation_key not in french_keys]
