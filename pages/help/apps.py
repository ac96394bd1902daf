from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """Reusable help and contact boxes, written once by editors and placed on many pages."""

    name = "pages.help"
    label = "help"
    verbose_name = _("Encadrés d'aide")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import HelpBox
        from .signals import on_help_box_changed

        post_save.connect(on_help_box_changed, sender=HelpBox, dispatch_uid="help-box-saved")
        post_delete.connect(on_help_box_changed, sender=HelpBox, dispatch_uid="help-box-deleted")
