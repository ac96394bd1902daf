"""The "Textes alternatifs à revoir" report: the alt texts the importer had to make up, page by
page, until an editor rewrites them.

The importer keeps what it guessed in the page's ``source_metadata`` (``GUESSED_ALTS_KEY``). An
alt is still to review while the page's latest revision holds it unchanged on one of its images;
once an editor writes another one (or removes the image), it leaves the report.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from .freshness import content_page_models

GUESSED_ALTS_KEY = "import_guessed_alts"
ALT_KEYS = ("alt", "image_alt")


def _alts_in(value, found):
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ALT_KEYS and isinstance(inner, str):
                found.add(inner)
            else:
                _alts_in(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _alts_in(inner, found)
    return found


def current_alts(page):
    """Every alt text of the page's latest revision (images of its body, steps, hero)."""
    page = page.get_latest_revision_as_object()
    found = set()
    for field in page._meta.get_fields():
        if hasattr(field, "stream_block"):
            _alts_in(list(getattr(page, field.name).raw_data), found)
    if getattr(page, "hero_image_alt", ""):
        found.add(page.hero_image_alt)
    return found


def alts_to_review(pages=None):
    """``{page id: [guess, …]}``: the guessed alts each imported page still shows."""
    out = {}
    for model in content_page_models():
        queryset = model.objects.filter(source_metadata__has_key=GUESSED_ALTS_KEY)
        if pages is not None:
            queryset = queryset.filter(pk__in=pages)
        for page in queryset:
            alts = current_alts(page)
            left = [g for g in page.source_metadata.get(GUESSED_ALTS_KEY) or []
                    if isinstance(g, dict) and g.get("alt") in alts]
            if left:
                out[page.pk] = left
    return out


class AltTextsToReviewView(PageReportView):
    page_title = _("Textes alternatifs à revoir")
    header_icon = "image"
    results_template_name = "pages/review/alt_texts_results.html"
    index_url_name = "alt_texts_to_review"
    index_results_url_name = "alt_texts_to_review_results"
    any_permission_required = ["add", "change", "publish"]
    export_headings = {"locale.get_display_name": _("Langue"), "alt_list": _("Textes alternatifs à revoir")}
    list_export = ["title", "locale.get_display_name", "alt_list"]

    def get_filename(self):
        return f"textes-alternatifs-a-revoir-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["add", "change", "publish"])
        self.to_review = alts_to_review(editable.values_list("pk", flat=True))
        self.queryset = (Page.objects.filter(pk__in=self.to_review).select_related("locale")
                         .order_by("locale__language_code", "title"))
        return super().get_queryset()

    def decorate_paginated_queryset(self, queryset):
        pages = list(queryset)
        for page in pages:
            page.alts = self.to_review.get(page.pk, [])
            page.alt_list = " ; ".join(f"{g['alt']} ({g.get('file', '')})" for g in page.alts)
        return pages
