"""What a change to the page tree invalidates: the page cache, the CDN, the webhooks."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache, webhooks

# Home pages (depth 2) and their children (depth 3) appear in the menu of every page.
MENU_DEPTH = 3


def page_path(page):
    parts = page.get_url_parts()
    return parts[2] if parts else None


def affected_pages(page):
    """The page, its parent listing, its translations and their parent listings."""
    pages = [page, *Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)]
    parents = [p.get_parent() for p in pages if p.depth > 1]
    return [p for p in pages + parents if p is not None and p.depth > 1]


def purge_frontend_cache(pages):
    if apps.is_installed("wagtail.contrib.frontend_cache"):
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

        purge_pages_from_cache(pages)


def on_page_published(sender, instance, **kwargs):
    on_page_changed(sender, instance)
    webhooks.notify(instance, "publish")


def on_page_unpublished(sender, instance, **kwargs):
    on_page_changed(sender, instance)
    webhooks.notify(instance, "unpublish")


def on_page_changed(sender, instance, **kwargs):
    pages = affected_pages(instance)
    if instance.depth <= MENU_DEPTH:
        page_cache.invalidate_all()
    else:
        page_cache.invalidate_paths(page_path(p) for p in pages)
    purge_frontend_cache(pages)


def on_page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    page_cache.invalidate_all()
    purge_frontend_cache([p for p in (instance, parent_page_before, parent_page_after) if p is not None])
    webhooks.notify(instance, "move")


def on_page_deleted(sender, instance, **kwargs):
    page_cache.invalidate_all()
    webhooks.notify(instance, "delete")


def on_view_restriction_changed(sender, instance, **kwargs):
    """A page (and its subtree) became private or public again: no cache may keep the old state."""
    page_cache.invalidate_all()
    purge_frontend_cache([instance.page])


def on_site_changed(sender, instance, **kwargs):
    """A site's host, port or root page, or a language, changed: the cached site and locales
    (site_cache) and every page go."""
    page_cache.invalidate_all()


def purge_once_per_publish():
    """wagtail.contrib.frontend_cache purges a published page itself, and on_page_changed purges it
    again with its translations and listings: only ours stays, one batch per publish."""
    if not apps.is_installed("wagtail.contrib.frontend_cache"):
        return
    from wagtail.contrib.frontend_cache import signal_handlers

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(signal_handlers.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(signal_handlers.page_unpublished_signal_handler, sender=model)


def connect():
    purge_once_per_publish()  # its app is readied before ours (INSTALLED_APPS order)
    page_published.connect(on_page_published, dispatch_uid="delivery.page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="delivery.page_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="delivery.page_moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="delivery.page_deleted")
    post_save.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="delivery.restriction_saved")
    post_delete.connect(on_view_restriction_changed, sender=PageViewRestriction, dispatch_uid="delivery.restriction_deleted")
    post_save.connect(on_site_changed, sender=Site, dispatch_uid="delivery.site_saved")
    post_delete.connect(on_site_changed, sender=Site, dispatch_uid="delivery.site_deleted")
    post_save.connect(on_site_changed, sender=Locale, dispatch_uid="delivery.locale_saved")
    post_delete.connect(on_site_changed, sender=Locale, dispatch_uid="delivery.locale_deleted")
