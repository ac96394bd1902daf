"""StreamFields of a page listing converted in one pass."""

from collections import defaultdict

from wagtail.fields import StreamField


def load_streamfields_in_bulk(pages):
    """Convert each StreamField of a page listing in one pass over all its pages.

    Page by page, the images and documents chosen in blocks cost one query per page and block
    type; StreamBlock.bulk_to_python over every page's stream costs one query per block type.
    """
    by_model = defaultdict(list)
    for page in pages:
        by_model[type(page)].append(page)
    for model, same_type in by_model.items():
        for field in model._meta.concrete_fields:
            if not isinstance(field, StreamField):
                continue
            raw = [field.value_from_object(page).get_prep_value() for page in same_type]
            for page, value in zip(same_type, field.stream_block.bulk_to_python(raw), strict=True):
                setattr(page, field.attname, value)
