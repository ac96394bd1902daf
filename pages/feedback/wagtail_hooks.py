"""Reader feedback in the admin: every answer, and a per-page summary with counts."""

from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page

import django_filters

from .models import ReaderFeedback


class ReaderFeedbackFilterSet(WagtailFilterSet):
    page_id = django_filters.NumberFilter(field_name="page_id", label=_("Identifiant de la page"))

    class Meta:
        model = ReaderFeedback
        fields = ["helpful", "page__locale"]


class ReaderFeedbackViewSet(ModelViewSet):
    model = ReaderFeedback
    icon = "comment"
    menu_label = _("Avis des lecteurs")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["page", "helpful", "comment", "created_at"]
    filterset_class = ReaderFeedbackFilterSet
    search_fields = ["comment"]
    form_fields = ["helpful", "comment"]
    inspect_view_enabled = True
    copy_view_enabled = False


reader_feedback_viewset = ReaderFeedbackViewSet("reader_feedback")


class FeedbackSummaryView(WagtailAdminTemplateMixin, TemplateView):
    """One row per page that received feedback: yes, no, total, newest first by volume."""

    template_name = "feedback/admin/summary.html"
    page_title = _("Avis des lecteurs par page")
    header_icon = "comment"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = (
            Page.objects.annotate(
                yes=Count("reader_feedback", filter=Q(reader_feedback__helpful=True)),
                no=Count("reader_feedback", filter=Q(reader_feedback__helpful=False)),
                comments=Count("reader_feedback", filter=~Q(reader_feedback__comment="")),
                total=Count("reader_feedback"),
            )
            .filter(total__gt=0)
            .select_related("locale")
            .order_by("-total", "title")
        )
        context["list_url"] = reverse(reader_feedback_viewset.get_url_name("index"))
        return context


summary_view = permission_required("pages.view_readerfeedback")(FeedbackSummaryView.as_view())


@hooks.register("register_admin_viewset")
def register_reader_feedback_viewset():
    return reader_feedback_viewset


@hooks.register("register_admin_urls")
def register_feedback_summary_url():
    return [path("reader-feedback-summary/", summary_view, name="reader_feedback_summary")]


@hooks.register("register_reports_menu_item")
def register_feedback_summary_menu_item():
    return MenuItem(_("Avis des lecteurs par page"), reverse("reader_feedback_summary"), icon_name="comment", order=950)
