from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from pages.api.fields import PageImageField
from pages.blocks import LinkedPageBlock
from pages.blocks.text import INLINE_FEATURES
from pages.models.mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, edit_tabs


class HomePage(ContentPage):
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
    featured_pages = StreamField(
        [("page", LinkedPageBlock(label=_("Page mise en avant")))], blank=True,
        verbose_name=_("pages mises en avant"),
        help_text=_("Les pages présentées en cartes sur l'accueil, dans cet ordre."),
    )

    content_panels = ContentPage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Image d'accueil")),
        FieldPanel("featured_pages"),
    ]
    edit_handler = edit_tabs(content_panels)
    api_fields = [
        APIField("intro"),
        APIField("hero_image", serializer=PageImageField("fill-1600x600", alt_field="hero_image_alt")),
        APIField("hero_image_alt"),
        APIField("featured_pages"),
        *ContentPage.common_api_fields,
    ]
    search_fields = ContentPage.search_fields + [index.SearchField("intro")]
    # Translated: title, slug, SEO texts, intro, hero_image_alt, featured_pages (page links follow
    # the reader's language at render time). Synchronised: the image, review dates, menu flag.
    override_translatable_fields = [
        SynchronizedField("hero_image", overridable=False),
        TranslatableField("hero_image_alt"),
        *REVIEW_SYNCHRONIZED_FIELDS,
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.SectionPage", "pages.MissionPage", "pages.SpacePage", "pages.ToolGuidePage"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def featured(self):
        """Featured pages in the reader's language; pages not live or not public are left out."""
        pages = []
        for block in self.featured_pages:
            page = block.value
            if page is None:
                continue
            page = page.localized.specific
            if page.live and not page.get_view_restrictions().exists():
                pages.append(page)
        return pages
