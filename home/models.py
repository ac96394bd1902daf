from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from pages.blocks.text import INLINE_FEATURES
from pages.models.hero import HERO_TRANSLATION_FIELDS, HeroImageMixin, hero_api_fields, hero_panel
from pages.models.mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, edit_tabs

from .blocks import HomeStreamBlock


class HomePage(HeroImageMixin, ContentPage):
    """The root of each language's tree."""

    intro = RichTextField(
        _("introduction"), features=INLINE_FEATURES, blank=True,
        help_text=_("Le mot d'accueil affiché sous le titre du site."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image d'accueil"), help_text=_("Grande image en tête de la page d'accueil."),
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image d'accueil"), max_length=255, blank=True,
        help_text=_("Décrit l'image ; laissez vide si elle est purement décorative."),
    )
    hero_alt_required = False
    body = StreamField(
        HomeStreamBlock(), blank=True, verbose_name=_("contenu de l'accueil"),
        help_text=_("Les rangées de l'accueil (cartes, formations, espaces, sections, avis), dans l'ordre affiché."),
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"),
        hero_panel(_("Image d'accueil")),
        FieldPanel("body"),
    ]
    edit_handler = edit_tabs(content_panels)
    api_fields = [
        APIField("intro"),
        *hero_api_fields("fill-1600x600"),
        APIField("body"),
        *ContentPage.common_api_fields,
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    # Translated: title, slug, SEO texts, intro, hero_image_alt, body (page links follow
    # the reader's language at render time). Synchronised: the image, review dates, menu flag.
    override_translatable_fields = [
        *HERO_TRANSLATION_FIELDS,
        *REVIEW_SYNCHRONIZED_FIELDS,
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.SectionPage", "pages.MissionPage", "pages.SpacePage", "pages.ToolGuidePage"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")
