"""Public views that are not pages: search and reader feedback."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from .search import search_pages, snippet, specific_in_order

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request, language):
    """/fr/recherche/ and /en/search/: each language answers at its own address."""
    current = translation.get_language()
    if language != current:
        # /fr/search/ → /fr/recherche/: one address per language.
        target = reverse(f"search-{current}")
        if request.GET:
            target += "?" + request.GET.urlencode()
        return redirect(target, permanent=True)
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    locale = Locale.objects.filter(language_code=current).first()
    results = []
    page_obj = None
    paginator = None
    if query and locale is not None:
        paginator = Paginator(search_pages(query, locale), RESULTS_PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        results = [{"page": p, "snippet": snippet(p, query)} for p in specific_in_order(page_obj)]
    return render(request, "pages/search.html", {
        "query": query,
        "results": results,
        "page_obj": page_obj,
        "paginator": paginator,
        "search_language": current,
        "languages": settings.LANGUAGES,
    })


def robots_txt(request):
    """Crawlers may read the public site, not the admin or the API; the sitemap lists both languages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /api/",
        "Disallow: /fr/recherche/",
        "Disallow: /en/search/",
        "Disallow: /fr/avis/",
        "Disallow: /en/avis/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
