"""Rich media blocks: carousel, interactive image, panorama and hero.

Each one reads without JavaScript (a list of figures, a list of zones, a still image with its
caption, a plain section with a link); the site's scripts then enhance them in place.
"""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from pages.validators import http_url_validator

from . import previews
from .media import GROUP_MEDIA, image_api_representation, require_alt, written_alt

ALT_HELP = _("Décrit l'image pour qui ne la voit pas. Obligatoire, sauf pour une image décorative.")
DECORATIVE_HELP = _("Cochez seulement si l'image n'apporte aucune information (les lecteurs d'écran l'ignoreront).")
class UniqueIdMixin:
    """An id unique in the page for the aria-* links between a block's parts."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["uid"] = f"{self.name or 'block'}-{uuid.uuid4().hex[:8]}"
        return context


class SlideBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Texte alternatif"), required=False, help_text=ALT_HELP)
    decorative = blocks.BooleanBlock(label=_("Image décorative"), required=False, help_text=DECORATIVE_HELP)
    caption = blocks.CharBlock(label=_("Légende"), required=False, help_text=_("Affichée sous la photo."))
    credit = blocks.CharBlock(label=_("Crédit"), required=False, help_text=_("Auteur ou source de la photo."))

    class Meta:
        icon = "image"
        label = _("Photo")

    def clean(self, value):
        value = super().clean(value)
        require_alt(value)
        return value

    def get_api_representation(self, value, context=None):
        return {"image": image_api_representation(value.get("image"), written_alt(value)),
                "decorative": bool(value.get("decorative")),
                "caption": value.get("caption", ""), "credit": value.get("credit", "")}


class CarouselBlock(UniqueIdMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Nom du carrousel"),
                             help_text=_("Annoncé aux lecteurs d'écran (par exemple « Photos du studio balado »)."))
    slides = blocks.ListBlock(SlideBlock(), label=_("Photos"), min_num=1)
    autoplay = blocks.BooleanBlock(
        label=_("Défilement automatique"), required=False, default=False,
        help_text=_("Désactivé par défaut. S'il est activé, un bouton « Pause » reste visible ; "
                    "le défilement ne démarre pas pour qui a demandé moins d'animations."))

    class Meta:
        form_layout = BlockGroup(children=["title", "slides"], settings=["autoplay"])
        preview_value = staticmethod(previews.carousel_preview)
        icon = "image"
        label = _("Carrousel de photos")
        group = GROUP_MEDIA
        template = "pages/blocks/carousel_block.html"
        description = _("Plusieurs photos, une à la fois, avec boutons précédent et suivant.")

    def get_api_representation(self, value, context=None):
        slides = self.child_blocks["slides"].child_block
        return {"title": value.get("title", ""), "autoplay": bool(value.get("autoplay")),
                "slides": [slides.get_api_representation(slide, context) for slide in value.get("slides") or []]}


class ZoneBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nom de la zone"), help_text=_("Le nom de la zone, lu dans la liste et sur son bouton."))
    description = blocks.TextBlock(label=_("Description"), required=False,
                                   help_text=_("Ce qu'on y trouve ou ce qu'on y fait."))
    x = blocks.DecimalBlock(label=_("Position horizontale (%)"), min_value=0, max_value=100, decimal_places=2,
                            help_text=_("0 = bord gauche de l'image, 100 = bord droit."))
    y = blocks.DecimalBlock(label=_("Position verticale (%)"), min_value=0, max_value=100, decimal_places=2,
                            help_text=_("0 = haut de l'image, 100 = bas."))

    class Meta:
        icon = "pick"
        label = _("Zone")


class InteractiveImageBlock(UniqueIdMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(label=_("Texte alternatif"), help_text=_("Décrit l'image pour qui ne la voit pas."))
    caption = blocks.CharBlock(label=_("Légende"), required=False, help_text=_("Affichée sous l'image."))
    zones = blocks.ListBlock(ZoneBlock(), label=_("Zones"), min_num=1,
                             help_text=_("Chaque zone devient un bouton sur l'image et une entrée de la liste sous l'image."))

    class Meta:
        preview_value = staticmethod(previews.interactive_image_preview)
        icon = "pick"
        label = _("Image interactive")
        group = GROUP_MEDIA
        template = "pages/blocks/interactive_image_block.html"
        description = _("Une image dont les zones sont nommées et décrites, aussi lisibles en liste.")

    def clean(self, value):
        value = super().clean(value)
        require_alt(value, decorative_allowed=False)
        return value

    def get_api_representation(self, value, context=None):
        return {"image": image_api_representation(value.get("image"), value.get("alt", "")),
                "caption": value.get("caption", ""),
                "zones": [{"label": z.get("label", ""), "description": z.get("description", ""),
                           "x": float(z.get("x") or 0), "y": float(z.get("y") or 0)} for z in value.get("zones") or []]}


class PanoramaBlock(UniqueIdMixin, blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image panoramique"),
                              help_text=_("Une photo à 360° équirectangulaire (deux fois plus large que haute)."))
    alt = blocks.CharBlock(label=_("Texte alternatif"), help_text=_("Décrit ce que montre la vue à 360°."))
    caption = blocks.CharBlock(label=_("Légende"), required=False, help_text=_("Affichée sous la vue."))

    class Meta:
        preview_value = staticmethod(previews.panorama_preview)
        icon = "view"
        label = _("Vue à 360°")
        group = GROUP_MEDIA
        template = "pages/blocks/panorama_block.html"
        description = _("Une visite virtuelle : on tourne la vue à la souris ou au clavier ; sans JavaScript, une photo.")

    def clean(self, value):
        value = super().clean(value)
        require_alt(value, decorative_allowed=False)
        return value

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {"image": image_api_representation(image, value.get("alt", "")),
                "panorama": image_api_representation(image, value.get("alt", ""), "max-6000x3000"),
                "caption": value.get("caption", "")}


class HeroBlock(UniqueIdMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), help_text=_("Le titre de la bannière (un titre de niveau 2)."))
    text = blocks.TextBlock(label=_("Texte"), required=False, help_text=_("Une ou deux phrases sous le titre."))
    image = ImageChooserBlock(label=_("Image"), required=False)
    alt = blocks.CharBlock(label=_("Texte alternatif"), required=False, help_text=ALT_HELP)
    decorative = blocks.BooleanBlock(label=_("Image décorative"), required=False, help_text=DECORATIVE_HELP)
    link_url = blocks.URLBlock(label=_("Adresse du lien"), required=False,
                               help_text=_("Une adresse http ou https ; le lien devient un bouton."))
    link_text = blocks.CharBlock(label=_("Texte du lien"), required=False,
                                 help_text=_("Dit où mène le lien (par exemple « Consulter le guide »)."))

    class Meta:
        form_layout = BlockGroup(children=["title", "text", "image", "alt", "link_url", "link_text"],
                                 settings=["decorative"])
        preview_value = previews.HERO_PREVIEW
        icon = "pick"
        label = _("Bannière")
        group = GROUP_MEDIA
        template = "pages/blocks/hero_block.html"
        description = _("Un titre, un texte court, une image et un bouton qui mène plus loin.")

    def clean(self, value):
        value = super().clean(value)
        require_alt(value)
        errors = {}
        if value.get("link_url"):
            try:
                http_url_validator(value["link_url"])
            except ValidationError as error:
                errors["link_url"] = error
            if not (value.get("link_text") or "").strip():
                errors["link_text"] = ValidationError(_("Dites où mène le lien."))
        elif (value.get("link_text") or "").strip():
            errors["link_url"] = ValidationError(_("Saisissez l'adresse du lien, ou effacez son texte."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    def get_api_representation(self, value, context=None):
        return {"title": value.get("title", ""), "text": value.get("text", ""),
                "image": image_api_representation(value.get("image"), written_alt(value)),
                "decorative": bool(value.get("decorative")),
                "link": {"url": value["link_url"], "text": value.get("link_text", "")} if value.get("link_url") else None}
