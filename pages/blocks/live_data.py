"""Live-data boxes (equipment availability, free computers) filled each time the page is served."""

from django import forms
from django.db import models
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup

from pages.live import formats
from pages.live.fragments import LivePartMixin, register

from . import previews
from .text import WordsOnlySearchMixin


class LiveDataSource(models.TextChoices):
    EQUIPMENT_AVAILABILITY = "equipment_availability", _("Disponibilité d'un équipement")
    AVAILABLE_COMPUTERS = "available_computers", _("Postes informatiques disponibles")
    OTHER = "other", _("Autre source")


class ParameterValueBlock(blocks.FieldBlock):
    """A machine-readable value (identifier, code): same in every language, never a segment."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(required=required, help_text=help_text, max_length=255)
        super().__init__(**kwargs)


class ParameterBlock(blocks.StructBlock):
    name = ParameterValueBlock(label=_("Paramètre"))
    value = ParameterValueBlock(label=_("Valeur"), required=False)

    class Meta:
        icon = "cog"
        label = _("Paramètre")


@register
class LiveDataBlock(LivePartMixin, WordsOnlySearchMixin, blocks.StructBlock):
    live_name = "live_data"

    source = blocks.ChoiceBlock(
        label=_("Source des données"),
        choices=LiveDataSource.choices,
        help_text=_("Quel service fournit la valeur affichée aux lecteurs."),
    )
    component = ParameterValueBlock(
        label=_("Composant d'origine"), required=False,
        help_text=_("Nom du composant de l'ancien site, conservé pour référence."),
    )
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Affiché au-dessus de la valeur."))
    parameters = blocks.ListBlock(
        ParameterBlock(), label=_("Paramètres"), required=False,
        help_text=_("Ce qui identifie l'équipement ou la salle auprès du service de données."),
    )

    class Meta:
        form_layout = BlockGroup(children=["source", "title", "parameters"], settings=["component"])
        preview_value = previews.LIVE_DATA_PREVIEW
        icon = "time"
        label = _("Données en direct")
        group = _("Structure")
        template = "pages/blocks/live_data_block.html"
        description = _("Une boîte de disponibilité mise à jour automatiquement.")

    def live_requests(self, value):
        parameters = {p["name"]: p["value"] or "" for p in value.get("parameters", []) if p.get("name")}
        return [(value.get("source"), parameters, formats.parse_availability)]

    def render_live(self, value, values):
        return render_to_string(self.meta.template, {"value": value, "live": values[0]})

    def api_fields(self, value):
        return {
            "source": value.get("source"),
            "component": value.get("component") or "",
            "title": value.get("title") or "",
            "parameters": {p["name"]: p["value"] for p in value.get("parameters", [])},
        }
