"""The Wagtail API v2 router: pages, images, documents."""

from django.conf import settings
from django.http import Http404
from django.utils import translation

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site


def split_language_prefix(path):
    """('/en/atelier/') -> ('en', ['atelier']); a path with no known prefix belongs to no language."""
    components = [component for component in path.split("/") if component]
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if components and components[0] in languages:
        return components[0], components[1:]
    return None, components


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

    def find_object(self, queryset, request):
        site = Site.find_for_request(request)
        if "html_path" not in request.GET or site is None:
            return super().find_object(queryset, request)
        language, components = split_language_prefix(request.GET["html_path"])
        root = site.root_page
        if language:
            locale = Locale.objects.filter(language_code=language).first()
            root = root.get_translation_or_none(locale) if locale else None
            if root is None:
                return None
        try:
            page, _args, _kwargs = root.specific.route(request, components)
        except Http404:
            return None
        return queryset.filter(id=page.id).first()


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
