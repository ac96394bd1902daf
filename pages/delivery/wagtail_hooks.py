"""Admin: webhook endpoints (editable) and their delivery log (read-only), under Settings."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import WebhookDelivery, WebhookEndpoint


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Webhooks")
    form_fields = ["name", "url", "secret", "active"]
    list_display = ["name", "url", "active"]
    add_to_admin_menu = False


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "history"
    menu_label = _("Envois de webhooks")
    list_display = ["endpoint", "action", "page_id", "status", "attempts", "response_status", "created_at"]
    list_filter = ["status", "action", "endpoint"]
    inspect_view_enabled = True
    form_fields = ["status"]


class ReadOnlyPolicy(ModelPermissionPolicy):
    """The delivery log is written by the system only: it can be read and purged, not edited."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WebhookDelivery, ReadOnlyPolicy(WebhookDelivery))


class WebhooksGroup(ViewSetGroup):
    menu_label = _("Webhooks")
    menu_icon = "link-external"
    items = (WebhookEndpointViewSet("webhook_endpoints"), WebhookDeliveryViewSet("webhook_deliveries"))


@hooks.register("register_admin_viewset")
def register_webhooks():
    return WebhooksGroup()


@hooks.register("register_admin_urls")
def register_headless_preview_url():
    from .preview import start_preview

    return [path("headless-preview/<int:page_id>/", start_preview, name="headless_preview")]


@hooks.register("register_page_header_buttons")
def headless_preview_button(page, user, view_name, next_url=None):
    if settings.HEADLESS_PREVIEW_CLIENT_URL and page.permissions_for_user(user).can_edit():
        yield Button(_("Aperçu sur le portail"), reverse("headless_preview", args=[page.pk]),
                     icon_name="view", priority=66, attrs={"target": "_blank", "rel": "noopener"})
