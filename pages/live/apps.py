from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    """The library's live services (hours, workshops, bookings, availability) fetched by the server."""

    name = "pages.live"
    label = "live"
    verbose_name = _("Services en direct")
    default_auto_field = "django.db.models.BigAutoField"
