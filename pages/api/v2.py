"""API v2 pages: each page in its own language, listings cheap, `find/` across both languages."""

from functools import partial

from django.conf import settings
from django.db.models import QuerySet
from django.utils import translation

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from cms.compat import share_site_root_paths
from pages.models.hero import specific_with_hero
from pages.reading_facts import facts_for

from .count_cache import cached_count
from .routing import route_public_path
from .streamfields import load_streamfields_in_bulk


class PageInItsLanguageSerializer(PageSerializer):
    """Serialise each page in its own language, so links to other pages resolve to their translation."""

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class LocalizedPagesAPIViewSet(PagesAPIViewSet):
    """`find/?html_path=` that understands the /fr/ and /en/ prefixes of the public URLs.

    Stock Wagtail routes from the default site root (the French tree) and so cannot find
    an English page by its path.
    """

    base_serializer_class = PageInItsLanguageSerializer

    def get_base_queryset(self):
        # Wagtail builds it twice per request (for get_queryset, then for the serializer context),
        # and each build reads every view restriction and the site's root translations: build it
        # once, from the reading facts (kept until the tree or a restriction changes). A `?site=`
        # filter names another site than the request's: Wagtail's own reading serves it.
        if not hasattr(self, "_public_pages"):
            if "site" in self.request.GET:
                self._public_pages = super().get_base_queryset()
            else:
                self._public_pages = facts_for(self.request).api_public_pages()
        return self._public_pages.all()

    def get_object(self):
        # Wagtail's get_object returns `base.specific`, which reloads the page without the locale
        # fetched with it (and the serializer reads it): do the same, keeping the locale.
        base = super(PagesAPIViewSet, self).get_object()
        page = specific_with_hero(base)
        page.locale = base.locale
        return page

    def get_queryset(self):
        # Every item is serialised under its own language: fetch the locales with the pages,
        # and the images and documents a typed page points at.
        queryset = super().get_queryset()
        related = ["locale"] + [
            field.name for field in queryset.model._meta.concrete_fields
            if field.many_to_one and field.related_model in (get_image_model(), get_document_model())
        ]
        return queryset.select_related(*related)

    def paginate_queryset(self, queryset):
        if isinstance(queryset, QuerySet) and settings.PAGE_CACHE_TIMEOUT > 0:
            # Wagtail's paginator asks the queryset for its total; keep it between changes.
            queryset.count = partial(cached_count, queryset)
        pages = super().paginate_queryset(queryset)
        load_streamfields_in_bulk(pages)
        # Each item's html_url reads the site root paths from the cache: read them once.
        root_paths = Site.get_site_root_paths()
        share_site_root_paths(pages, root_paths)
        return pages

    def find_object(self, queryset, request):
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        page = route_public_path(request, request.GET["html_path"])
        return queryset.filter(id=page.id).first() if page else None
