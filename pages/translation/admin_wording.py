"""French wording in wagtail-localize's translation editor where the library cannot be translated.

Two gaps, both in wagtail-localize 1.14.5:
- the date in « Traduit manuellement le … » comes from `strftime`, so the month is always English
  ("1 December 2026"); it is formatted here with Django's localised formats ("1 décembre 2026");
- the editor's script writes "Français to Anglais translation" and "More actions" with no gettext;
  a small script puts the French in once the editor has drawn them.
Upstream: https://github.com/wagtail/wagtail-localize/issues/155 (translation method and date shown
in the editor); remove both when a release localises them.
"""

from django.templatetags.static import static
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail_localize.models import StringTranslation

# wagtail-localize's own msgids (its catalogue has their French): held in variables so that they
# are looked up in its catalogue, not extracted into the project's.
WITH_TOOL = "Translated with {tool_name} on {date}"
MANUALLY = "Translated manually on {date}"
BY_MACHINE = "Machine translated on {date}"


def _localised_comment(self):
    """StringTranslation.get_comment with the date in the reader's language (see module docstring)."""
    from .slugs import FROM_TITLE

    date = date_format(localtime(self.updated_at), "DATE_FORMAT") if self.updated_at else ""
    if self.tool_name == FROM_TITLE:
        return _("Adresse tirée du titre traduit, le %(date)s") % {"date": date}
    if self.tool_name:
        return gettext(WITH_TOOL).format(tool_name=self.tool_name, date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return gettext(MANUALLY).format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return gettext(BY_MACHINE).format(date=date)
    return ""


StringTranslation.get_comment = _localised_comment


@hooks.register("insert_global_admin_js")
def translation_editor_wording():
    return format_html(
        '<script src="{}" data-editor-title="{}" data-more-actions="{}" defer></script>',
        static("pages/js/translation_editor_wording.js"),
        _("Traduction %(source)s → %(target)s"),
        _("Plus d’actions"),
    )
