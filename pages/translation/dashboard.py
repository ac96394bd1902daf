"""Dashboard: the translations behind their French page, for those who translate.

Only candidates found by two indexed queries are examined (a French publish after the last sync,
or a live translation older than its last sync), so the panel stays cheap on a large site.
"""

from django.db.models import F, OuterRef, Subquery

from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from .permissions import SUBMIT_TRANSLATION
from .status import Status, default_locale, target_locales, translation_state

LIMIT = 20


def outdated_translations(limit=LIMIT):
    """States of the translations that are behind their French page, oldest change first."""
    french_locale = default_locale()
    synced_at = Subquery(
        TranslationSource.objects.filter(object_id=OuterRef("translation_key"), locale=french_locale)
        .values("last_updated_at")[:1]
    )
    changed = (
        Page.objects.filter(locale=french_locale, live=True).annotate(synced_at=synced_at)
        .filter(last_published_at__gt=F("synced_at")).values_list("translation_key", flat=True)
    )
    stale = (
        Page.objects.filter(live=True).exclude(locale=french_locale).annotate(synced_at=synced_at)
        .filter(live_revision__created_at__lt=F("synced_at")).values_list("translation_key", flat=True)
    )
    keys = set(changed[: limit * 5]) | set(stale[: limit * 5])
    states = []
    for page in Page.objects.filter(locale=french_locale, translation_key__in=keys).specific():
        for locale in target_locales():
            state = translation_state(page, locale)
            if state.status == Status.OUTDATED:
                states.append(state)
    return sorted(states, key=lambda state: state.since)[:limit]


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    template_name = "pages/translation/outdated_panel.html"
    order = 170

    def get_context_data(self, parent_context):
        return {"states": outdated_translations(), "request": parent_context["request"]}


def add_outdated_translations_panel(request, panels):
    if request.user.has_perm(SUBMIT_TRANSLATION):
        panels.append(OutdatedTranslationsPanel())
