from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pages"
    verbose_name = _("Pages de contenu")

    def ready(self):
        from cms.compat import defer_api_v3, memoise_locale_lookups
        from pages.uploads.limits import apply_pillow_limits

        apply_pillow_limits()
        memoise_locale_lookups()
        # Before the ready() of wagtail.contrib.redirects, snippets, documents and images (listed after
        # this app): their API v3 part is built when the API is first imported, not in every process.
        defer_api_v3()
