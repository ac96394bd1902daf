"""The home pages show cards of pages anywhere in the tree (featured pages, spaces, sections):
when any page is published, unpublished or changes, the cached home pages are forgotten too."""

from wagtail.signals import page_published, page_unpublished


def forget_home_pages(sender, instance, **kwargs):
    from pages.delivery.page_cache import invalidate_paths
    from pages.delivery.signals import page_path, purge_frontend_cache

    from .models import HomePage

    homes = list(HomePage.objects.filter(depth=2).exclude(pk=instance.pk))
    if homes:
        invalidate_paths(page_path(home) for home in homes)
        purge_frontend_cache(homes)


def connect():
    page_published.connect(forget_home_pages, dispatch_uid="home.forget_on_publish")
    page_unpublished.connect(forget_home_pages, dispatch_uid="home.forget_on_unpublish")
