from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    """HTTP caching, the page cache and its invalidation, publish webhooks."""

    name = "pages.delivery"
    label = "delivery"  # keeps table names and migration history
    verbose_name = _("Diffusion")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals

        signals.connect()
