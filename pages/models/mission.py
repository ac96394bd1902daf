from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from pages.blocks import BodyStreamBlock
from pages.blocks.page_parts import ObjectiveBlock
from pages.blocks.text import RICH_TEXT_FEATURES

from .mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, edit_tabs


class MissionPage(ContentPage):
    """The mission of the spaces: a statement, objectives, then free content."""

    statement = RichTextField(
        _("énoncé de mission"), features=RICH_TEXT_FEATURES,
        help_text=_("La mission en quelques phrases, affichée en tête de page."),
    )
    objectives = StreamField(
        [("objective", ObjectiveBlock())], blank=True, verbose_name=_("objectifs"),
        help_text=_("Chaque objectif : un titre, un texte et, au besoin, une liste de points."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("contenu de clôture"),
                       help_text=_("Affiché après les objectifs."))

    content_panels = ContentPage.content_panels + [
        FieldPanel("statement"), FieldPanel("objectives"), FieldPanel("body"),
    ]
    edit_handler = edit_tabs(content_panels)
    api_fields = [APIField("statement"), APIField("objectives"), APIField("body"), *ContentPage.common_api_fields]
    search_fields = ContentPage.search_fields + [
        index.SearchField("statement"), index.SearchField("objectives"), index.SearchField("body"),
    ]
    # Translated: title, slug, SEO texts, statement, objectives, body. Synchronised: review dates, menu flag.
    override_translatable_fields = [*REVIEW_SYNCHRONIZED_FIELDS]

    parent_page_types = ["home.HomePage", "pages.SectionPage"]
    subpage_types = []
    template = "pages/mission_page.html"

    class Meta:
        verbose_name = _("page de mission")
        verbose_name_plural = _("pages de mission")
