"""Admin hooks of the review workflow (imported from pages/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .alt_texts import AltTextsToReviewView
from .freshness import overdue_review_dates
from .report import PagesToReviewView


@hooks.register("register_admin_urls")
def review_urls():
    return [
        path("reports/pages-a-revoir/", PagesToReviewView.as_view(), name="pages_to_review"),
        path("reports/pages-a-revoir/results/", PagesToReviewView.as_view(results_only=True),
             name="pages_to_review_results"),
        path("reports/textes-alternatifs/", AltTextsToReviewView.as_view(), name="alt_texts_to_review"),
        path("reports/textes-alternatifs/results/", AltTextsToReviewView.as_view(results_only=True),
             name="alt_texts_to_review_results"),
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


from . import edit_conflicts, outcomes, workflow_menu  # noqa: E402, F401 (register their hooks)
