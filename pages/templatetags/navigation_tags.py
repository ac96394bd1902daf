"""Header navigation: the sections of the reader's language."""

from django import template

from .locale_tags import locale_home

register = template.Library()


@register.simple_tag(takes_context=True)
def site_sections(context, page=None):
    """Live, public, menu-visible children of the home page in the current language."""
    language = page.locale.language_code if page else context.get("LANGUAGE_CODE")  # "" when undefined
    home = locale_home(language)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())
