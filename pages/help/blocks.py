"""The block that places a help box on a page."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.blocks import SnippetChooserBlock


def _first_help_box():
    from .models import HelpBox  # models are not ready when the blocks module is imported

    return HelpBox.objects.order_by("pk").first()


class HelpBoxBlock(SnippetChooserBlock):
    def __init__(self, **kwargs):
        super().__init__("help.HelpBox", **kwargs)

    class Meta:
        icon = "help"
        preview_value = staticmethod(_first_help_box)
        label = _("Encadré d'aide")
        group = _("Texte")
        template = "help/blocks/help_box.html"
        description = _("Un encadré d'aide commun à plusieurs pages, modifié une fois pour toutes (menu « Encadrés d'aide »).")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["box"] = value.localized if value is not None else None
        return context

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        box = value.localized
        return {"id": box.pk, "title": box.title, "text": box.text, "url": box.href}
