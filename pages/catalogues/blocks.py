"""The block that lists a catalogue on a page, filtered by the reader with a plain GET form."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

SOFTWARE, MODELS_3D = "software", "models3d"
CATALOGUES = [(SOFTWARE, _("Logiciels")), (MODELS_3D, _("Sources de modèles 3D"))]
BLOCK_TYPE = "catalogue"  # its name in the body (signals find the pages that place it by this name)


class CatalogueBlock(blocks.StructBlock):
    catalogue = blocks.ChoiceBlock(choices=CATALOGUES, default=SOFTWARE, label=_("Catalogue"),
                                   help_text=_("Les entrées publiées de ce catalogue, dans la langue du lecteur."))
    title = blocks.CharBlock(required=False, label=_("Titre"), help_text=_("Par défaut : le nom du catalogue."))

    class Meta:
        icon = "list-ul"
        label = _("Catalogue")
        group = _("Structure")
        template = "catalogues/blocks/catalogue.html"
        description = _("La liste des logiciels (avec filtres) ou des sources de modèles 3D, tenue dans le menu « Catalogues ».")
        preview_value = {"catalogue": SOFTWARE, "title": ""}

    def get_context(self, value, parent_context=None):
        from .filters import model_sources, software_query

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        params = request.GET if request is not None else {}
        # Ids unique on the page (a page may list both catalogues): the n-th catalogue of this request.
        number = getattr(request, "_catalogue_blocks", 0) + 1
        if request is not None:
            request._catalogue_blocks = number
        context["bid"] = str(number)
        context["default_title"] = dict(CATALOGUES)[value["catalogue"]]
        if value["catalogue"] == SOFTWARE:
            context["query"] = software_query(params)
        else:
            context["sources"] = model_sources()
        return context

    def get_api_representation(self, value, context=None):
        from django.urls import reverse

        endpoint = "wagtailapi:software:listing" if value["catalogue"] == SOFTWARE else "wagtailapi:model_sources:listing"
        return {"catalogue": value["catalogue"], "title": value["title"] or str(dict(CATALOGUES)[value["catalogue"]]),
                "url": reverse(endpoint)}
