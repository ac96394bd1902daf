"""Blocks used by one typed field of one page type (hours, equipment, objectives, specifications)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .text import INLINE_FEATURES


class OpeningHoursBlock(blocks.StructBlock):
    days = blocks.CharBlock(label=_("Jours"), help_text=_("Par exemple : « Lundi au vendredi »."))
    hours = blocks.CharBlock(label=_("Heures"), help_text=_("Par exemple : « 9 h à 17 h » ou « Fermé »."))

    class Meta:
        icon = "time"
        label = _("Plage horaire")
        template = "pages/blocks/opening_hours_block.html"


class EquipmentItemBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Équipement"), help_text=_("Nom de l'équipement tel que les usagers le connaissent."))
    quantity = blocks.IntegerBlock(label=_("Quantité"), required=False, min_value=1)
    note = blocks.CharBlock(label=_("Précision"), required=False, help_text=_("Modèle, accessoires, restrictions."))

    class Meta:
        icon = "cog"
        label = _("Équipement (texte)")


class SpecificationBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Caractéristique"), help_text=_("Par exemple : « Volume d'impression »."))
    value = blocks.CharBlock(label=_("Valeur"), help_text=_("Par exemple : « 256 × 256 × 256 mm »."))

    class Meta:
        icon = "list-ul"
        label = _("Caractéristique technique")


class ObjectiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Objectif"), help_text=_("L'objectif en quelques mots."))
    text = blocks.RichTextBlock(label=_("Description"), features=INLINE_FEATURES + ["ul", "ol"], required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Point")), label=_("Points clés"), required=False,
        help_text=_("Facultatif : une liste à puces sous l'objectif."),
    )

    class Meta:
        icon = "tick"
        label = _("Objectif")
        template = "pages/blocks/objective_block.html"
