"""The "Pages à revoir" report: content past its review date, per locale, with its owner."""

import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

import django_filters

from .freshness import content_page_models, overdue_review_dates


def _owners(request):
    User = get_user_model()
    return User.objects.filter(owned_pages__isnull=False).distinct().order_by(User.USERNAME_FIELD)


def _content_types(request):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in content_page_models()]
    )


class PagesToReviewFilterSet(WagtailFilterSet):
    owner = django_filters.ModelChoiceFilter(
        label=_("Propriétaire"), empty_label=_("Tout le monde"), field_name="owner", queryset=_owners,
    )
    content_type = ContentTypeFilter(label=_("Type"), queryset=_content_types)

    class Meta:
        model = Page
        fields = ["owner", "content_type"]  # WagtailFilterSet adds the locale filter


class PagesToReviewView(PageReportView):
    page_title = _("Pages à revoir")
    header_icon = "time"
    results_template_name = "pages/review/pages_to_review_results.html"
    filterset_class = PagesToReviewFilterSet
    index_url_name = "pages_to_review"
    index_results_url_name = "pages_to_review_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {
        "locale.get_display_name": _("Langue"),
        "owner": _("Propriétaire"),
        "verified_on": _("Contenu vérifié le"),
        "review_due_on": _("À revoir depuis le"),
    }
    list_export = ["title", "locale.get_display_name", "owner", "verified_on", "review_due_on"]

    def get_filename(self):
        return f"pages-a-revoir-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        self.overdue = overdue_review_dates()
        self.queryset = (
            self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["add", "change", "publish"])
            .filter(pk__in=self.overdue)
            .select_related("locale", "owner", "content_type")
            .order_by("locale__language_code", "title")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, queryset):
        pages = list(queryset)
        for page in pages:
            page.verified_on, page.review_due_on = self.overdue.get(page.pk, (None, None))
        return pages
