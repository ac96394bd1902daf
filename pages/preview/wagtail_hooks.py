"""The "Aperçu sur le portail" button of the page editor and the admin URL it opens."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from .views import start_preview


@hooks.register("register_admin_urls")
def register_headless_preview_url():
    return [path("headless-preview/<int:page_id>/", start_preview, name="headless_preview")]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if settings.HEADLESS_PREVIEW_CLIENT_URL and page.permissions_for_user(user).can_edit():
        yield Button(_("Aperçu sur le portail"), reverse("headless_preview", args=[page.pk]),
                     icon_name="view", priority=66, attrs={"target": "_blank", "rel": "noopener"})
