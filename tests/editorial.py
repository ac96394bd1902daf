"""Helpers for the review-workflow tests: admin form data and workflow URLs."""

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def space_form(title, slug, paragraph="<p>Un espace pour essayer.</p>", **overrides):
    """POST data of the SpacePage admin form, as the edit view expects it."""
    data = {
        "title": title, "slug": slug, "summary": "Résumé de l'espace.",
        "hero_image": "", "hero_image_alt": "",
        "body": streamfield([("paragraph", rich_text(paragraph))]),
        "gallery": streamfield([]),
        "building": "Pavillon", "room": "", "capacity": "", "access_mode": "free", "booking_url": "",
        "opening_hours": streamfield([]), "equipment": streamfield([]),
        "contact_name": "", "contact_email": "", "contact_phone": "",
        "service_status": "in_service", "status_note": "", "status_since": "",
        "verified_on": "", "review_interval_days": "365",
        "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_space_url(parent):
    return reverse("wagtailadmin_pages:add", args=["pages", "spacepage", parent.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def workflow_action_url(page, action):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
