from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages.api.v3 import api_index, find_page_v3, openapi_v3
from pages.feedback.views import submit_feedback
from pages.sitemaps import BilingualSitemap
from pages.views import robots_txt, search

from .api import api_router

# A database outage answers 503 (bilingual, no database needed); any other error the usual 500.
handler500 = "cms.database_outage.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("pages.live.urls")),  # notices API and hours calendars, before the API routers
    path("api/v2/", api_router.urls),
    path("api/v3/pages/find/", find_page_v3),  # language-aware html_path, before Wagtail's own
    path("api/v3/openapi.json", openapi_v3),  # documents the 4XX problem responses too
    path("api/v3/", api_index),  # what the API offers and where its docs are
    path("api/v3/", api_v3.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": BilingualSitemap}}),
    path("robots.txt", robots_txt),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Both languages carry their prefix (/fr/…, /en/…); "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("recherche/", search, {"language": "fr"}, name="search-fr"),
    path("search/", search, {"language": "en"}, name="search-en"),
    path("avis/<int:page_id>/", submit_feedback, name="reader-feedback"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
