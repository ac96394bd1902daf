from .body import BodyStreamBlock, ContentStreamBlock, DetailsBlock, TabsBlock
from .callout import CalloutBlock, CalloutKind
from .live_data import LiveDataBlock, LiveDataSource
from .media import DocumentLinkBlock, EmbedBlock, ImageBlock, VideoBlock
from .rich_media import CarouselBlock, HeroBlock, InteractiveImageBlock, PanoramaBlock
from .structure import CardGridBlock, LinkedPageBlock, StepBlock, StepsBlock
from .table import TableBlock
from .text import CodeBlock, HeadingBlock, ParagraphBlock, QuoteBlock

__all__ = [
    "BodyStreamBlock", "CalloutBlock", "CarouselBlock", "HeroBlock", "InteractiveImageBlock", "PanoramaBlock", "CalloutKind", "CardGridBlock", "CodeBlock", "ContentStreamBlock",
    "DetailsBlock", "DocumentLinkBlock", "EmbedBlock", "HeadingBlock", "ImageBlock", "LinkedPageBlock",
    "LiveDataBlock", "LiveDataSource", "ParagraphBlock", "QuoteBlock", "StepBlock", "StepsBlock",
    "TableBlock", "TabsBlock", "VideoBlock",
]
