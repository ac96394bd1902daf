"""Sections whose card on the home page would have no summary, for editors to fill in."""

from django.db.models import Q

from wagtail.permission_policies.pages import PagePermissionPolicy


def sections_without_summary(user=None, locale=None):
    """Section pages (live or draft) with an empty summary; only those ``user`` may edit."""
    from pages.models import SectionPage

    sections = SectionPage.objects.filter(Q(summary="") | Q(summary__isnull=True))
    if locale is not None:
        sections = sections.filter(locale=locale)
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        sections = sections.filter(pk__in=editable.values("pk"))
    return sections.select_related("locale").order_by("path")
