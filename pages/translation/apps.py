from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """Translation with wagtail-localize: status, completeness, PO files, machine drafts, glossary,
    review of translations and what readers see of them."""

    name = "pages.translation"
    label = "studiobib_translation"
    verbose_name = _("Traduction")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import slugs  # noqa: F401  (connects its signal receiver)
