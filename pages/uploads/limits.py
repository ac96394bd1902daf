"""Pillow's own ceiling on image size, so an oversized image is refused wherever it is opened
(renditions, importer, shell), not only in the upload forms."""

import warnings

from django.conf import settings

from PIL import Image


def apply_pillow_limits():
    limit = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", None)
    if limit:
        # Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; the warning becomes a
        # refusal too, so the limit is the same everywhere.
        Image.MAX_IMAGE_PIXELS = limit
        warnings.simplefilter("error", Image.DecompressionBombWarning)
