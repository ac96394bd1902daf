from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = _("Pages de contenu")

    def ready(self):
        from cms.compat import memoise_locale_lookups
        from pages.uploads.limits import apply_pillow_limits

        apply_pillow_limits()
        memoise_locale_lookups()
