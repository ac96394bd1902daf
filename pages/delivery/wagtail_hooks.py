"""Admin: webhook endpoints (editable) and their delivery log (read-only), under Settings."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
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
