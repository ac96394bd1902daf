"""A catalogue entry was published, unpublished or deleted: every page listing that catalogue shows
it at once, so the page cache is emptied and the CDN told about the pages that place the block."""

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast

from wagtail.fields import StreamField
from wagtail.models import Page

from pages.delivery import page_cache
from pages.delivery.signals import purge_frontend_cache

from .blocks import BLOCK_TYPE

MARKER = f'"type": "{BLOCK_TYPE}"'


def pages_listing_catalogues():
    """The pages (all languages) whose body places a catalogue block, nested or not."""
    ids = set()
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        for f in model._meta.get_fields():
            if isinstance(f, StreamField) and f.model is model:
                ids.update(model.objects.annotate(_text=Cast(f.name, TextField()))
                           .filter(_text__contains=MARKER).values_list("pk", flat=True))
    return list(Page.objects.filter(pk__in=ids))


def on_entry_changed(sender, instance, **kwargs):
    page_cache.invalidate_all()  # rare; and a page may be cached under several paths
    purge_frontend_cache(pages_listing_catalogues())
