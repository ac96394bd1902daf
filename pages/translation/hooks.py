"""Admin hooks of the translation pipeline: status report and glossary snippet."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.models import GlossaryTerm

from . import admin_overrides, views
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


@hooks.register("register_reports_menu_item")
def translation_status_menu_item():
    return MenuItem(_("État des traductions"), reverse("translation_status"), icon_name="globe", order=900)


