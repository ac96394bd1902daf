"""Pillow's own ceiling on image size, so an oversized image is refused wherever it is opened
(renditions, importer, shell), not only in the upload forms."""

from django.conf import settings

from PIL import Image


def apply_pillow_limits():
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if limit:
        # Pillow refuses (DecompressionBombError) above twice MAX_IMAGE_PIXELS, and only warns
        # between once and twice. Half the limit makes its hard refusal fall exactly on our limit,
        # without relying on a warnings filter that test runners and servers may reset. Images
        # between half and the whole limit (the 71-megapixel panoramas) open with a warning only.
        Image.MAX_IMAGE_PIXELS = limit // 2
