from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.api.fields import PageImageField
from pages.blocks import BodyStreamBlock
from pages.blocks.text import INLINE_FEATURES

from .listing import section_children
from .mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, edit_tabs


class SectionPage(ContentPage):
    """A section of the site (Espaces, Créatives, …): intro, optional body, cards of its children."""

    intro = RichTextField(
        _("introduction"), features=INLINE_FEATURES, blank=True,
        help_text=_("Un ou deux paragraphes affichés en tête de section, avant la liste des pages."),
    )
    body = StreamField(
        BodyStreamBlock(), blank=True, verbose_name=_("contenu"),
        help_text=_("Contenu libre affiché sous l'introduction."),
    )
    summary = models.TextField(
        _("résumé"), blank=True,
        help_text=_("Une ou deux phrases sur la carte de la section (accueil, listes) et dans les résultats."),
    )
    card_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image de la carte"), help_text=_("L'image de la carte de la section sur l'accueil."),
    )
    card_image_alt = models.CharField(
        _("texte alternatif de l'image de la carte"), max_length=255, blank=True,
        help_text=_("Décrit l'image ; laissez vide si elle ne fait qu'illustrer le titre."),
    )
    show_child_cards = models.BooleanField(
        _("lister les sous-pages"), default=True,
        help_text=_("Affiche une carte pour chaque sous-page publiée, dans l'ordre de l'arborescence."),
    )

    card_panels = [
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("card_image"), FieldPanel("card_image_alt")], heading=_("Image de la carte")),
    ]
    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"), FieldPanel("body"), FieldPanel("show_child_cards"),
        MultiFieldPanel(card_panels, heading=_("Carte de la section")),
    ]
    edit_handler = edit_tabs(content_panels)
    api_fields = [
        APIField("intro"), APIField("body"), APIField("show_child_cards"), APIField("summary"),
        APIField("card_image", serializer=PageImageField("fill-640x360", alt_field="card_image_alt")), APIField("card_image_alt"),
        *ContentPage.common_api_fields,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("intro"), index.SearchField("summary"), index.SearchField("body"),
    ]
    # Translated: title, slug, SEO texts, intro, summary, card image's alt, body (segment by
    # segment). Synchronised: the card image and the rest.
    override_translatable_fields = [
        *REVIEW_SYNCHRONIZED_FIELDS,
        SynchronizedField("card_image", overridable=False),
        TranslatableField("card_image_alt"),
        SynchronizedField("show_child_cards", overridable=False),
    ]

    parent_page_types = ["home.HomePage", "pages.SectionPage", "pages.SpacePage"]
    subpage_types = ["pages.SectionPage", "pages.MissionPage", "pages.SpacePage", "pages.ToolGuidePage"]
    template = "pages/section_page.html"

    class Meta:
        verbose_name = _("page de section")
        verbose_name_plural = _("pages de section")

    def child_cards(self):
        """Live, public children in tree order, typed in one query per type, no StreamField bodies."""
        return self.get_children().live().public().specific().defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = section_children(self, request) if self.show_child_cards else []
        return context
