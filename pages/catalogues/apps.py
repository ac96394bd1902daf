from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CataloguesConfig(AppConfig):
    """Software and 3D-model sources: entries written once, reviewed, listed on pages and in the API."""

    name = "pages.catalogues"
    label = "catalogues"
    verbose_name = _("Catalogues")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from wagtail.signals import published, unpublished

        from cms.compat import check_snippet_translations_per_instance

        from .models import ModelSource, Software
        from .signals import on_entry_changed

        for model in (Software, ModelSource):
            published.connect(on_entry_changed, sender=model, dispatch_uid=f"catalogue-published-{model.__name__}")
            unpublished.connect(on_entry_changed, sender=model, dispatch_uid=f"catalogue-unpublished-{model.__name__}")
            post_delete.connect(on_entry_changed, sender=model, dispatch_uid=f"catalogue-deleted-{model.__name__}")
        # Who may change an entry decides who may edit its translation's strings (permissions.py).
        check_snippet_translations_per_instance()
