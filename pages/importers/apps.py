from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportersConfig(AppConfig):
    """Importers of other sites' content (Docusaurus today) and what they remember between runs."""

    name = "pages.importers"
    label = "importers"
    verbose_name = _("Imports")
    default_auto_field = "django.db.models.BigAutoField"
