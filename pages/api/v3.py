"""API v3 (Wagtail's typed API): its index, `find/` across both languages, the documented errors."""

import json
from functools import cache

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import resolve, reverse

from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.urls import api as api_v3

from .routing import route_public_path

ROOT = "/api/v3"  # where cms/urls.py mounts it


@cache
def _v3_urlconf():
    # Wagtail's own v3 URLs alone: the project mounts its versions of some of them in front.
    return tuple(api_v3.urls[0])


def wagtail_v3_view(name, **kwargs):
    """Wagtail's own view for the v3 URL `name`, found by reversing then resolving it."""
    url = reverse(f"wagtailapi_v3:{name}", kwargs=kwargs or None)
    return resolve(url.removeprefix(ROOT), urlconf=_v3_urlconf()).func


def api_index(request):
    """`/api/v3/`: what the API offers and where it is documented."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/") if getattr(settings, "WAGTAILAPI_BASE_URL", "") else \
        request.build_absolute_uri("/").rstrip("/")
    links = {
        "openapi": f"{base}{ROOT}/openapi.json",
        "pages": f"{base}{ROOT}/pages/",
        "images": f"{base}{ROOT}/images/",
        "documents": f"{base}{ROOT}/documents/",
        "notices": f"{base}{ROOT}/notices/",
    }
    if getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        links = {"docs": f"{base}{ROOT}/docs/", **links}
    else:
        links.pop("openapi")
    return JsonResponse({"name": "studio·bib API", "version": "3", "links": links})


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
    return wagtail_v3_view("find_page")(request)


PROBLEM_RESPONSE = {
    "description": "Client error, as RFC 9457 problem details",
    "content": {"application/problem+json": {"schema": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}},
        "required": ["title", "status"],
    }}},
}


FOUND_RESPONSE = {
    "description": "Found: the address of the item's detail, in the Location header",
    "headers": {"Location": {"schema": {"type": "string"}}},
}


def openapi_v3(request):
    """Wagtail's OpenAPI document, plus the client errors every operation can answer with, and
    the redirect every `find/` operation answers with when it finds its item.

    The generated schema documents successes only, so a typed client would not know the shape
    of a 400 (a limit above WAGTAILAPI_LIMIT_MAX, an unknown filter) or a 404, nor that `find/`
    sends it on to the detail with a 302.
    """
    response = wagtail_v3_view("openapi-json")(request)
    if response.status_code != 200:
        return response
    schema = json.loads(response.content)
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            if isinstance(operation, dict) and "responses" in operation:
                operation["responses"].setdefault("4XX", PROBLEM_RESPONSE)
                if path.endswith("/find/"):
                    operation["responses"].setdefault("302", FOUND_RESPONSE)
    return JsonResponse(schema)
