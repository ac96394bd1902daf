"""Admin hooks of the translation pipeline: status report and glossary snippet."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_overrides, admin_wording, views  # noqa: F401  (admin_wording: French where wagtail-localize has none)
from .dashboard import add_outdated_translations_panel
from .models import GlossaryTerm
from .review import (
    TRANSLATION_SYNC,
    reviewed_convert_to_alias,
    submit_snippet_translation_view,
    submit_translation_view,
    translation_for,
)
from .views import TranslationStatusReportView


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossaire")
    menu_name = "glossary"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["source_term", "target_term", "target_locale", "note"]
    list_filter = ["target_locale"]
    search_fields = ["source_term", "target_term", "note"]
    search_backend_name = None  # plain database lookups: the glossary is small


register_snippet(GlossaryTermViewSet)


@hooks.register("register_admin_urls")
def translation_admin_urls():
    return [
        path("revision/traduction/<int:page_id>/", submit_translation_view, name="studiobib_submit_translation"),
        path("revision/traduction/<slug:app_label>/<slug:model_name>/<str:pk>/", submit_snippet_translation_view,
             name="studiobib_submit_snippet_translation"),
        path("localize/page/<int:page_id>/convert_to_alias/", reviewed_convert_to_alias,
             name="studiobib_convert_to_alias"),
        path("translations/status/", TranslationStatusReportView.as_view(), name="translation_status"),
        path("translations/<int:translation_id>/sync/", views.sync_translation, name="translation_sync"),
        path("translations/<int:translation_id>/draft/", views.save_draft, name="translation_save_draft"),
        path("translations/start/<int:page_id>/<str:language_code>/", views.start_translation,
             name="translation_start"),
        path("translations/machine/<int:page_id>/<str:language_code>/", views.machine_draft,
             name="translation_machine_draft"),
        # Same paths as wagtail-localize's views, registered first so that ours answer (admin_overrides.py).
        path("localize/translate/<int:translation_id>/pofile/upload/", admin_overrides.upload_pofile,
             name="translation_upload_pofile"),
        path("localize/update/<int:translation_source_id>/", admin_overrides.ReviewedUpdateTranslationsView.as_view(),
             name="translation_update_reviewed"),
    ]


hooks.register("construct_homepage_panels", add_outdated_translations_panel)


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(_("État des traductions"), reverse("translation_status"), icon_name="globe", order=900)




@hooks.register("before_edit_page")
@hooks.register("before_edit_snippet")
def refuse_publishing_an_incomplete_translation(request, obj):
    """wagtail-localize's editor publishes with French fallbacks for what is untranslated; an
    incomplete translation (page or snippet entry) is not publishable here
    (pages/translation/completeness.py). Registered before wagtail-localize's own hooks (this app
    is listed first), so it answers first."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    from .completeness import summary
    from .review import incomplete_translation
    from .targets import Target

    missing = incomplete_translation(obj)
    if missing is None:
        return None
    messages.error(request, _("Traduction incomplète, non publiable : %(summary)s.") % {"summary": summary(missing)})
    return redirect(Target(obj).edit_url)


def _submit_translation_buttons(page, user, priority):
    if page.locale_id == Locale.get_default().pk:
        return []
    perms = page.permissions_for_user(user)
    if not (perms.can_edit() and perms.can_submit_for_moderation()) or translation_for(page) is None:
        return []
    return [Button(_("Envoyer la traduction à la révision"), reverse("studiobib_submit_translation", args=[page.pk]),
                   icon_name="tasks", priority=priority)]


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name=None, next_url=None):
    return _submit_translation_buttons(page, user, priority=15)


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    return _submit_translation_buttons(page, user, priority=15)


@hooks.register("register_log_actions")
def translation_log_actions(actions):
    @actions.register_action(TRANSLATION_SYNC)
    class TranslationSyncFormatter(LogFormatter):
        label = _("Synchronisation de la traduction")

        def format_message(self, log_entry):
            return _("Traduction synchronisée depuis la page source")
