"""Keep StreamField lists translatable.

wagtail-localize extracts the items of a ListBlock only when they are stored in the block format
({"type": "item", "value": …, "id": …}). Content written from code with plain lists (the demo,
the importer) would otherwise store the old format, and every table cell, step, card and tab of
it would silently never reach translators. Loading every block before saving makes Wagtail write
the block format, with stable ids.
"""

from wagtail.fields import StreamField


def materialize_streamfields(page, update_fields=None):
    """Load every child of the page's StreamFields so they are saved in block format."""
    for field in page._meta.get_fields():
        if not isinstance(field, StreamField):
            continue
        if update_fields is not None and field.name not in update_fields:
            continue
        value = getattr(page, field.attname, None)
        if value is None:
            continue
        for _child in value:  # instantiating a child converts its lists to ListValue (with ids)
            pass
