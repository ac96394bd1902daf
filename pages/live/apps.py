from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    """The library's live services (hours, workshops, bookings, availability) fetched by the server."""

    name = "pages.live"
    label = "live"
    verbose_name = _("Services en direct")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The live blocks register themselves when pages.blocks is imported, which the page
        # models do before any ready(): placeholders of a cached page can be filled at once.
        from django.db.models.signals import post_delete, post_save

        from . import notices
        from .models import SiteNotice

        post_save.connect(notices.forget_notices, sender=SiteNotice, dispatch_uid="live-notices-saved")
        post_delete.connect(notices.forget_notices, sender=SiteNotice, dispatch_uid="live-notices-deleted")
