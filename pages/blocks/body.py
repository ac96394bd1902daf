"""THE body StreamBlock shared by every page type."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from pages.catalogues.blocks import CatalogueBlock
from pages.help.blocks import HelpBoxBlock

from . import previews
from .callout import CalloutBlock
from .live_data import LiveDataBlock
from .live_services import ChatBlock, HoursBlock, NextSlotBlock, WorkshopsBlock
from .media import DocumentLinkBlock, EmbedBlock, ImageBlock, VideoBlock
from .rich_media import CarouselBlock, HeroBlock, InteractiveImageBlock, PanoramaBlock
from .structure import CardGridBlock, StepsBlock
from .table import TableBlock
from .text import CodeBlock, HeadingBlock, ParagraphBlock, QuoteBlock


class ContentStreamBlock(blocks.StreamBlock):
    """Everything that may appear inside a collapsible or a tab nested in another one."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    callout = CalloutBlock()
    table = TableBlock()
    steps = StepsBlock()
    card_grid = CardGridBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()
    embed = EmbedBlock()
    carousel = CarouselBlock()
    interactive_image = InteractiveImageBlock()
    panorama = PanoramaBlock()
    code = CodeBlock()
    quote = QuoteBlock()
    live_data = LiveDataBlock()
    library_hours = HoursBlock()
    workshops = WorkshopsBlock()
    next_slot = NextSlotBlock()
    chat = ChatBlock()


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("Intitulé"), help_text=_("Toujours visible ; un clic déplie le contenu."))
    body = ContentStreamBlock(label=_("Contenu replié"))

    class Meta:
        preview_value = previews.DETAILS_PREVIEW
        icon = "collapse-down"
        label = _("Section repliable")
        group = _("Structure")
        template = "pages/blocks/details_block.html"
        description = _("Un contenu replié sous un intitulé (question fréquente, détail technique).")


class TabBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Nom de l'onglet"))
    body = ContentStreamBlock(label=_("Contenu de l'onglet"))

    class Meta:
        icon = "doc-empty"
        label = _("Onglet")


class TabsBlock(blocks.StructBlock):
    tabs = blocks.ListBlock(TabBlock(), label=_("Onglets"), min_num=1)

    class Meta:
        preview_value = previews.TABS_PREVIEW
        icon = "folder-open-inverse"
        label = _("Onglets")
        group = _("Structure")
        template = "pages/blocks/tabs_block.html"
        description = _("Des variantes côte à côte (par exemple Windows / macOS), une seule visible à la fois.")


class SectionContentStreamBlock(ContentStreamBlock):
    """What a collapsible or a tab of the page body holds: content, and one more level of tabs
    or collapsibles (whose own content holds no further nesting)."""

    details = DetailsBlock()
    tabs = TabsBlock()


class SectionDetailsBlock(DetailsBlock):
    body = SectionContentStreamBlock(label=_("Contenu replié"))


class SectionTabBlock(TabBlock):
    body = SectionContentStreamBlock(label=_("Contenu de l'onglet"))


class SectionTabsBlock(TabsBlock):
    tabs = blocks.ListBlock(SectionTabBlock(), label=_("Onglets"), min_num=1)


class BodyStreamBlock(ContentStreamBlock):
    details = SectionDetailsBlock()
    tabs = SectionTabsBlock()
    help_box = HelpBoxBlock()
    catalogue = CatalogueBlock()
    hero = HeroBlock()

    class Meta:
        block_counts = {}
