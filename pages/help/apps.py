from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpConfig(AppConfig):
    """Reusable help and contact boxes, written once by editors and placed on many pages."""

    name = "pages.help"
    label = "help"
    verbose_name = _("Encadrés d'aide")
    default_auto_field = "django.db.models.BigAutoField"
