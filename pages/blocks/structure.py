"""Blocks that organise other content: steps, cards, collapsibles and tabs."""

import copy

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from . import previews
from .media import image_api_representation
from .text import RICH_TEXT_FEATURES

GROUP_STRUCTURE = _("Structure")


class LinkedPageBlock(blocks.PageChooserBlock):
    """A page link that the API gives as id, title and URL in the reader's language."""

    def bulk_to_python(self, values):
        """Wagtail's own (the linked pages in one query, in order, a copy for a repeated one), without
        the linked pages' StreamFields: a link shows a title, an address and a language, and a
        space's body, gallery and equipment made most of the cost of a guide's « Où trouver cet
        outil ». A deferred field is still read if something asks for it."""
        objects = self.model_class.objects.defer_streamfields().in_bulk(values)
        seen, result = set(), []
        for pk in values:
            obj = objects.get(pk)
            result.append(copy.copy(obj) if obj is not None and pk in seen else obj)
            seen.add(pk)
        return result

    def get_api_representation(self, value, context=None):
        if value is None:
            return None
        page = value.localized.specific
        return {"id": page.pk, "title": page.title, "url": page.url, "type": page.specific_class._meta.label}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de l'étape"), help_text=_("Une action, à l'infinitif : « Allumer la console »."))
    text = blocks.RichTextBlock(label=_("Explication"), features=RICH_TEXT_FEATURES, required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    image_alt = blocks.CharBlock(
        label=_("Texte alternatif de l'image"), required=False, help_text=_("Obligatoire si une image est choisie.")
    )

    class Meta:
        icon = "order"
        label = _("Étape")

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not (value.get("image_alt") or "").strip():
            raise StructBlockValidationError(
                block_errors={"image_alt": ValidationError(_("Décrivez l'image de cette étape."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "title": value.get("title", ""),
            "text": value["text"].source if value.get("text") else "",
            "image": image_api_representation(value.get("image"), value.get("image_alt", "")),
        }


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Pour commencer »."))
    steps = blocks.ListBlock(StepBlock(), label=_("Étapes"))

    class Meta:
        preview_value = staticmethod(previews.steps_preview)
        icon = "list-ol"
        label = _("Étapes numérotées")
        group = GROUP_STRUCTURE
        template = "pages/blocks/steps_block.html"
        description = _("Une procédure en étapes numérotées, chacune avec texte et image.")


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"))
    text = blocks.TextBlock(label=_("Texte"), required=False, help_text=_("Une ou deux phrases."))
    page = LinkedPageBlock(label=_("Page liée"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse externe"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False, help_text=_("Décorative : le titre décrit la carte."))

    class Meta:
        icon = "doc-empty"
        label = _("Carte")

    def get_api_representation(self, value, context=None):
        page = value.get("page")
        return {
            "title": value.get("title", ""),
            "text": value.get("text", ""),
            "page": self.child_blocks["page"].get_api_representation(page, context) if page else None,
            "url": value.get("url") or None,
            "image": image_api_representation(value.get("image"), "", spec="fill-600x338"),
        }


class CardGridBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), required=False)
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"))

    class Meta:
        preview_value = staticmethod(previews.card_grid_preview)
        icon = "grip"
        label = _("Grille de cartes")
        group = GROUP_STRUCTURE
        template = "pages/blocks/card_grid_block.html"
        description = _("Des liens présentés en cartes, avec image facultative.")
