from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The content API (v2 and v3) over the page models."""

    name = "pages.api"
    label = "studiobib_api"
    verbose_name = _("API de contenu")

    def ready(self):
        # Before any API view builds its serializers or schemas from the models' api_fields.
        from .translations import attach_translation_fields

        attach_translation_fields()
