from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PreviewConfig(AppConfig):
    """Headless preview: a signed, short-lived link to one revision for external front ends."""

    name = "pages.preview"
    label = "studiobib_preview"
    verbose_name = _("Aperçu sur le portail")
    default_auto_field = "django.db.models.BigAutoField"
