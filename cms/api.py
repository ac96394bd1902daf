"""The Wagtail API v2 router: pages, images, documents."""

import json
from collections import defaultdict
from functools import partial

from django.conf import settings
from django.core import signing
from django.db.models import QuerySet
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Site

from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from pages.delivery.listing_cache import cached_count
from pages.delivery.preview import read_token


def split_language_prefix(path):
    """('/en/atelier/') -> ('en', ['atelier']); a path with no known prefix belongs to no language."""
    components = [component for component in path.split("/") if component]
    languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if components and components[0] in languages:
        return components[0], components[1:]
    return None, components


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


def route_public_path(request, html_path):
    """The page served at a public path: /fr/… and /en/… route in that language's tree,
    a path with no prefix from the default site root (as stock Wagtail does)."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language, components = split_language_prefix(html_path)
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
    return page


def _v3_view(name):
    patterns = api_v3.urls[0]
    while patterns:
        pattern = patterns.pop()
        if getattr(pattern, "name", None) == name:
            return pattern.callback
        patterns.extend(getattr(pattern, "url_patterns", []))
    raise LookupError(name)


def find_page_v3(request):
    """API v3 `pages/find/`, with `html_path` understood as v2 does (language prefixes).

    Anything this cannot resolve goes to Wagtail's own view, which answers with its usual
    problem+json errors.
    """
    site = request.GET.get("site", "")
    if ":" in site and not site.rsplit(":", 1)[1].isdigit():
        # Wagtail's own view turns a bad port into a 500; answer the client's mistake as such.
        return JsonResponse(
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "site must be a hostname or hostname:port, with a numeric port."},
            status=400, content_type="application/problem+json",
        )
    html_path = request.GET.get("html_path")
    page = route_public_path(request, html_path) if html_path else None
    if page is not None and get_pages_queryset(request).filter(id=page.id).exists():
        query = request.GET.copy()
        query.pop("html_path", None)
        query.pop("id", None)
        url = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
        return redirect(f"{url}?{query.urlencode()}" if query else url)
    return _v3_view("find_page")(request)


PROBLEM_RESPONSE = {
    "description": "Client error, as RFC 9457 problem details",
    "content": {"application/problem+json": {"schema": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}},
        "required": ["title", "status"],
    }}},
}


def openapi_v3(request):
    """Wagtail's OpenAPI document, plus the client errors every operation can answer with.

    The generated schema documents successes only, so a typed client would not know the shape
    of a 400 (a limit above WAGTAILAPI_LIMIT_MAX, an unknown filter) or a 404.
    """
    response = _v3_view("openapi-json")(request)
    if response.status_code != 200:
        return response
    schema = json.loads(response.content)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("4XX", PROBLEM_RESPONSE)
    return JsonResponse(schema)


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
        for page in pages:
            page._wagtail_cached_site_root_paths = root_paths
        return pages

    def find_object(self, queryset, request):
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        page = route_public_path(request, request.GET["html_path"])
        return queryset.filter(id=page.id).first() if page else None


class PagePreviewAPIViewSet(LocalizedPagesAPIViewSet):
    """`/api/v2/page_preview/?token=…`: the revision named by a valid token (pages/delivery/preview.py),
    as a page detail. Only that revision of that page, only while the token is fresh."""

    known_query_parameters = LocalizedPagesAPIViewSet.known_query_parameters | {"token"}

    def listing_view(self, request):
        token = request.GET.get("token", "")
        try:
            draft = read_token(token)
        except signing.SignatureExpired:
            raise PermissionDenied(_("Ce lien d'aperçu a expiré : relancez l'aperçu depuis l'administration.")) from None
        except signing.BadSignature:
            raise PermissionDenied(_("Ce lien d'aperçu n'est pas valide.")) from None
        if draft is None:
            raise NotFound(_("Cette version de la page n'existe plus."))
        self._preview = draft
        self.action = "detail_view"
        response = Response(self.get_serializer(self._preview).data)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self):
        return self._preview

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("page_preview", PagePreviewAPIViewSet)
