"""A help box changed: every page that shows it must show the new text at once, so the page cache
is emptied and the CDN told about the pages that place the box."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

from pages.delivery import page_cache
from pages.delivery.signals import purge_frontend_cache


def pages_showing(box):
    """The pages (all languages) whose content places this box or one of its translations."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = set()
    for translation in box.get_translations(inclusive=True):
        ids.update(ReferenceIndex.get_references_to(translation).filter(base_content_type=page_type)
                   .values_list("object_id", flat=True))
    return list(Page.objects.filter(pk__in=[int(i) for i in ids]))


def on_help_box_changed(sender, instance, **kwargs):
    page_cache.invalidate_all()  # rare, and a box may sit on most pages
    purge_frontend_cache(pages_showing(instance))
