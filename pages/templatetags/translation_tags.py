"""Admin template tags of the translation pipeline."""

from django import template

from wagtail_localize.models import StringSegment

from pages.translation.glossary import glossary_for, terms_in

register = template.Library()


@register.inclusion_tag("pages/translation/glossary_panel.html")
def glossary_panel(translation):
    """The glossary entries found in the French text of a translation, for the translator's eyes."""
    entries = glossary_for(translation.target_locale)
    text = "\n".join(
        StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True)
    )
    return {"terms": terms_in(text, entries), "all_count": len(entries), "locale": translation.target_locale}
