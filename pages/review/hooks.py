"""Admin hooks of the review workflow (imported from pages/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .alt_texts import AltTextsToReviewView
from .freshness import overdue_review_dates
from .report import PagesToReviewView
from .translation import (
    TRANSLATION_SYNC,
    reviewed_convert_to_alias,
    submit_translation_view,
    translation_for,
)


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("reports/pages-a-revoir/", PagesToReviewView.as_view(), name="pages_to_review"),
        path("reports/pages-a-revoir/results/", PagesToReviewView.as_view(results_only=True),
             name="pages_to_review_results"),
        path("reports/textes-alternatifs/", AltTextsToReviewView.as_view(), name="alt_texts_to_review"),
        path("reports/textes-alternatifs/results/", AltTextsToReviewView.as_view(results_only=True),
             name="alt_texts_to_review_results"),
        path("revision/traduction/<int:page_id>/", submit_translation_view, name="studiobib_submit_translation"),
        path("localize/page/<int:page_id>/convert_to_alias/", reviewed_convert_to_alias,
             name="studiobib_convert_to_alias"),
    ]


class PagesToReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def pages_to_review_menu_item():
    return PagesToReviewMenuItem(_("Pages à revoir"), reverse("pages_to_review"), name="pages-to-review",
                                 icon_name="time", order=650)


@hooks.register("register_reports_menu_item")
def alt_texts_to_review_menu_item():
    return PagesToReviewMenuItem(_("Textes alternatifs à revoir"), reverse("alt_texts_to_review"),
                                 name="alt-texts-to-review", icon_name="image", order=655)


class MyPagesToReviewPanel(Component):
    """Dashboard: the pages I own whose content is past its review date."""

    name = "my_pages_to_review"
    template_name = "pages/review/overdue_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        owned = Page.objects.filter(owner=request.user).values_list("pk", flat=True)
        overdue = overdue_review_dates(page_ids=list(owned))
        pages = list(Page.objects.filter(pk__in=overdue).select_related("locale").order_by("title")[:20])
        for page in pages:
            page.verified_on, page.review_due_on = overdue[page.pk]
        return {"pages": pages, "request": request}


@hooks.register("construct_homepage_panels")
def add_review_panels(request, panels):
    panels.append(MyPagesToReviewPanel())


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
def review_log_actions(actions):
    @actions.register_action(TRANSLATION_SYNC)
    class TranslationSyncFormatter(LogFormatter):
        label = _("Synchronisation de la traduction")

        def format_message(self, log_entry):
            return _("Traduction synchronisée depuis la page source")
from . import workflow_menu  # noqa: E402, F401 (registers its hook)
