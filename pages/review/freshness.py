"""Which content pages are past their review date ("Pages à revoir")."""

import datetime

from django.utils import timezone

from wagtail.models import get_page_models

from pages.models import ContentPage


def content_page_models():
    return [model for model in get_page_models() if issubclass(model, ContentPage) and not model._meta.abstract]


def overdue_review_dates(today=None, page_ids=None):
    """`{page id: (verified_on, due date)}` of every content page whose review is overdue.

    A page never verified is overdue, with both dates None. The interval is per page, so the
    comparison is made here rather than in SQL (date arithmetic differs between SQLite and
    PostgreSQL); it reads three columns per page.
    """
    today = today or timezone.localdate()
    overdue = {}
    for model in content_page_models():
        rows = model.objects.all()
        if page_ids is not None:
            rows = rows.filter(pk__in=page_ids)
        for pk, verified_on, interval in rows.values_list("pk", "verified_on", "review_interval_days"):
            due = verified_on + datetime.timedelta(days=interval) if verified_on else None
            if due is None or due < today:
                overdue[pk] = (verified_on, due)
    return overdue
