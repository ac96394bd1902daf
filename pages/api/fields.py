"""API fields that give every image and every choice the same shape, in v2 and in v3.

Every image of the API, a page's or a block's, reads `{id, title, url, full_url, width, height, alt}`
(`alt` is the alternative text the editor wrote, never the image's title); a choice comes with its
label in the reader's language beside its code.
"""

from django.utils import translation

from wagtail.images.api.fields import ImageRenditionErrorDict
from wagtail.images.models import SourceImageIOError

from rest_framework.fields import Field
from typing_extensions import TypedDict  # pydantic (API v3 schema) needs this one on Python 3.11

from pages.blocks.media import image_api_representation


class ApiImage(TypedDict):
    id: int
    title: str
    url: str
    full_url: str
    width: int
    height: int
    alt: str


class PageImageField(Field):
    """A page's image and the page's own alt text for it: APIField("hero_image", serializer=PageImageField(…))."""

    def __init__(self, spec, alt_field, **kwargs):
        self.spec, self.alt_field = spec, alt_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> ApiImage | ImageRenditionErrorDict | None:
        try:
            return image_api_representation(getattr(page, self.field_name), getattr(page, self.alt_field), self.spec)
        except SourceImageIOError:
            return ImageRenditionErrorDict(error="SourceImageIOError")  # as Wagtail's ImageRenditionField


class ChoiceLabelField(Field):
    """The label of a choice field, in the request's language: APIField("category_label", serializer=…)."""

    def __init__(self, choice_field, **kwargs):
        self.choice_field = choice_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page) -> str:
        code = getattr(page, self.choice_field)
        if not code:
            return ""
        # v2 serialises each page under its own language; the reader asked in theirs.
        request = self.context.get("request")
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        with translation.override(language):
            return str(dict(page._meta.get_field(self.choice_field).flatchoices).get(code, code))


def choice_api_fields(*names):
    """APIField(name) and APIField(name + "_label") for each choice field."""
    from wagtail.api import APIField

    return [field for name in names
            for field in (APIField(name), APIField(f"{name}_label", serializer=ChoiceLabelField(name)))]
