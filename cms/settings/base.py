"""Settings shared by every environment; dev, test and production only override."""

import os
import re
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from wagtail.embeds import oembed_providers

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "pages",
    # Features built on the page models, each in one package. Listed before wagtail_localize and
    # wagtail.admin: their templates and hooks override those apps' own.
    "pages.api",
    "pages.translation",
    "pages.review",
    "pages.feedback",
    "pages.preview",
    "cms.security",  # login throttling page, two-factor views, Content-Security-Policy
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales; never list both
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail.contrib.frontend_cache",
    "pages.delivery",
    "pages.live",
    "pages.help",
    "pages.catalogues",
    "pages.importers",  # what the Docusaurus importer remembers between runs
    "pages.reading",  # menu drawer, on-this-page, display settings, video consent
    "corsheaders",
    "ninja",  # serves API v3's Swagger UI from our own static files, not from a CDN
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Security: login throttling and two-factor devices (settings at the end of this file).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # Database unreachable: a bilingual 503 without touching it (and the handler500 in cms/urls.py).
    "cms.database_outage.DatabaseOutageMiddleware",
    # Locale.get_for_language answers each language once per request (cms/compat.py).
    "cms.middleware.LocalesReadOnceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # One Content-Security-Policy per area: public pages, admin, API (cms/security/csp.py).
    "cms.security.csp.AreaCSPMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # A NUL character or a 20-digit offset in an API query string: 400, not a database error.
    "cms.api_input.ApiQueryGuardMiddleware",
    # ETag on every response and 304 for a matching If-None-Match / If-Modified-Since.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Fills the live parts of every HTML page (cached or not), after Cache-Control is set.
    "pages.live.fragments.LiveFragmentMiddleware",
    "pages.delivery.http_cache.CacheControlMiddleware",
    "pages.delivery.page_cache.PageCacheMiddleware",
    # On a page-cache miss, the host's Site and root page from the cache (pages/delivery/site_cache.py).
    "pages.delivery.site_cache.SiteFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(), then the admin asks for the code of users who have a device.
    "django_otp.middleware.OTPMiddleware",
    "cms.security.two_factor.AdminTwoFactorMiddleware",
    # After authentication (PLATFORM.md); keeps its 404 redirect away from the API.
    "cms.middleware.LocaleMiddleware",
    # A page not translated yet: /en/… points to the French page instead of a 404.
    "pages.translation.public.UntranslatedPageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"


def database_from_env():
    """Read DATABASE_URL, failing with one line that names the variable."""
    try:
        # Health checks replace a persistent connection that died with the database (or a
        # proxy between us) at the next request, so the site recovers without a restart.
        return dj_database_url.config(
            conn_max_age=600,
            conn_health_checks=True,
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        )
    except Exception as exc:  # dj-database-url raises several unrelated types
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a valid database URL ({exc.__class__.__name__}: {exc})"
        ) from None


DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French is the source language of content and of msgids.
LANGUAGE_CODE = "fr"
TIME_ZONE = "America/Toronto"
USE_I18N = True
USE_TZ = True
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [("fr", _("Français")), ("en", _("Anglais"))]
WAGTAIL_I18N_ENABLED = True
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Translations are drafts until reviewed: never copy the source's live status on sync.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation gives first drafts only (never published without review): DeepL when
# DEEPL_AUTH_KEY is set, otherwise the deterministic offline translator that applies the glossary.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "pages.translation.machine.DeepLGlossaryTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"], "FORMALITY": os.environ.get("DEEPL_FORMALITY", "")},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "pages.translation.machine.GlossaryOfflineTranslator", "OPTIONS": {}}

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# vendor/: the viewer libraries that `make install` gets from npm (package-lock.json), never committed.
STATICFILES_DIRS = [PROJECT_DIR / "static", ("vendor", BASE_DIR / "vendor")]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "studio·bib"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # French stemming without accents on PostgreSQL (configuration created by migration
        # pages 0005); ignored by the SQLite backend.
        "SEARCH_CONFIG": "studiobib_french",
    }
}
# Uploads (pages/uploads/): each file is checked by content against its extension. SVG is refused
# (it can carry scripts): editors export a PNG instead.
# Code and data files of courses and tool guides (a Python exercise, a notebook, an Arduino sketch,
# a slicer's G-code): ordinary downloads, accepted when they are text (notebooks and JSON: valid
# JSON), always served as attachments, as text/plain (JSON as application/json) and with nosniff,
# so that no browser runs one.
DOCUMENT_CODE_EXTENSIONS = [
    "py", "ipynb", "json", "geojson", "js", "ts", "c", "cpp", "h", "hpp", "ino", "java", "r", "m", "sql",
    "yaml", "yml", "toml", "md", "tex", "gcode", "scad",
]
DOCUMENT_JSON_EXTENSIONS = ["json", "geojson", "ipynb"]
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "rtf", "txt", "csv", "zip",
    "mp4", "webm", "mp3", "wav", "stl", "3mf", "obj", *DOCUMENT_CODE_EXTENSIONS,
]
WAGTAILDOCS_CONTENT_TYPES = {
    ext: "application/json" if ext in DOCUMENT_JSON_EXTENSIONS else "text/plain" for ext in DOCUMENT_CODE_EXTENSIONS
}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024  # videos
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pages.uploads.forms.CheckedDocumentForm"
# Always through Django, which adds nosniff, a CSP sandbox and "attachment" for all but PDF,
# even when the files live in object storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.uploads.forms.CheckedImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# The 360° panoramas of the spaces are 71 megapixels; decompression bombs are far above.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000_000
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# Every page of the public site answers under /fr/ or /en/; these stay outside i18n_patterns.
NON_LOCALIZED_PATH_PREFIXES = (
    "/admin/", "/api/", "/documents/", "/django-admin/", "/static/", "/media/", "/sitemap.xml", "/robots.txt",
)
# Hosts (and their subdomains) whose pages the embed and video blocks may show in a frame,
# beyond the well-known players listed in pages/blocks/media.py.
EMBED_EXTRA_HOSTS = [h for h in os.environ.get("EMBED_EXTRA_HOSTS", "umontreal.ca").split(",") if h]
# Wagtail's oEmbed look-ups (admin embed chooser) ask only these providers: YouTube, Vimeo and the
# university's PeerTube instances (PEERTUBE_HOSTS); any other address is "not found".
PEERTUBE_HOSTS = [h for h in os.environ.get("PEERTUBE_HOSTS", "classe.iro.umontreal.ca").split(",") if h]
WAGTAILEMBEDS_FINDERS = [{
    "class": "wagtail.embeds.finders.oembed",
    "providers": [oembed_providers.youtube, oembed_providers.vimeo] + [
        {"endpoint": f"https://{host}/services/oembed",
         "urls": [rf"^https?://{re.escape(host)}/(?:w|videos/watch|videos/embed)/.+$"]}
        for host in PEERTUBE_HOSTS
    ],
}]

# The library's live services (see pages/live/): the address of each source; {name} takes a
# parameter of the block (quoted; a value containing '..' is refused).
LIVE_DATA_SOURCES = {
    "equipment_availability": os.environ.get(
        "LIVE_DATA_EQUIPMENT_URL", "https://api.bib.umontreal.ca/atrium/docs/{oclc}/statut-circulation"),
    "available_computers": os.environ.get(
        "LIVE_DATA_COMPUTERS_URL", "https://api.bib.umontreal.ca/disponibilite/ordinateurs/?lieu={lieu}"),
    "hours": os.environ.get(
        "LIVE_DATA_HOURS_URL",
        "https://api.bib.umontreal.ca/horaires?bibs={bib}&debut={debut}&fin={fin}&format=json"),
    "workshops": os.environ.get(
        "LIVE_DATA_WORKSHOPS_URL", "https://api.bib.umontreal.ca/formations/discipline/{discipline}"),
    "booking": os.environ.get("LIVE_DATA_BOOKING_URL", "https://ordo.bib.umontreal.ca/webhook/api/{service}"),
    # The campus emergency feed (JSON, see pages/live/formats.py); unset = no emergency alert.
    "emergency": os.environ.get("LIVE_DATA_EMERGENCY_URL", ""),
}
# Where readers are sent when a service does not answer.
LIBRARY_HOURS_PAGE_URL = os.environ.get("LIBRARY_HOURS_PAGE_URL", "https://bib.umontreal.ca/horaires")
LIBRARY_WORKSHOPS_PAGE_URL = os.environ.get("LIBRARY_WORKSHOPS_PAGE_URL", "https://calendrier.bib.umontreal.ca/calendar?cid=7690&t=m&d=0000-00-00&cal=7690&inc=0")
LIBRARY_SUPPORT_EMAIL = os.environ.get("LIBRARY_SUPPORT_EMAIL", "soutien.informatique@bib.umontreal.ca")
# The chat service's own window ({hash}: the chat block's code); opened only when a reader asks.
LIVE_CHAT_URL = os.environ.get("LIVE_CHAT_URL", "https://unequestion.bib.umontreal.ca/chati.php?hash={hash}")
LIBRARY_BOOKING_PAGE_URL = os.environ.get("LIBRARY_BOOKING_PAGE_URL", "https://bib.umontreal.ca/reserver")
LIVE_DATA_TIMEOUT = 1.5  # seconds; past it the page says « Disponibilité inconnue »
LIVE_DATA_CACHE_SECONDS = int(os.environ.get("LIVE_DATA_CACHE_SECONDS", "60"))  # an answer, per source address
LIVE_DATA_FAILURE_CACHE_SECONDS = int(os.environ.get("LIVE_DATA_FAILURE_CACHE_SECONDS", "30"))  # a failure
# Reader feedback: at most this many answers per address within the window (seconds).
FEEDBACK_RATE_LIMIT = (5, 600)

# Delivery: HTTP caching, page cache, CORS, CDN invalidation (see docs/deploy.md).
def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "pages.delivery.cache_backends.ResilientRedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "studiobib")}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
HTTP_CACHE_STALE_WHILE_REVALIDATE = int(os.environ.get("HTTP_CACHE_STALE_WHILE_REVALIDATE", "30"))
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # 0 turns the page cache off
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_PREFLIGHT_MAX_AGE = 86400
# /api/v3/openapi.json and the docs page at /api/v3/docs/ (Swagger UI from "ninja" static files).
WAGTAILAPI_DOCS_ENABLED = True
# The CDN purges exactly the URLs we give it (translations are purged explicitly, with their own slugs).
WAGTAILFRONTENDCACHE_LANGUAGES = []
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {"cdn": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN", ""),
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
    }}
elif os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, nginx proxy_cache_purge, Fastly-like: an HTTP PURGE sent to this address.
    WAGTAILFRONTENDCACHE = {"cdn": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }}
# Background tasks (Wagtail 8 uses django-tasks). Immediate runs them in the request, after commit;
# see docs/deploy.md for a queue with a worker.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}
WEBHOOK_TIMEOUT_SECONDS = float(os.environ.get("WEBHOOK_TIMEOUT_SECONDS", "3"))
WEBHOOK_MAX_ATTEMPTS = int(os.environ.get("WEBHOOK_MAX_ATTEMPTS", "5"))
WEBHOOK_BACKOFF_SECONDS = int(os.environ.get("WEBHOOK_BACKOFF_SECONDS", "30"))
# Preview on external front ends: where the editor is sent, and how long its token lives.
HEADLESS_PREVIEW_CLIENT_URL = os.environ.get("HEADLESS_PREVIEW_CLIENT_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "300"))


# Security: login throttling, two-factor authentication, Content-Security-Policy.
# django-axes checks every login (admin and Django auth) before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Locked after AXES_FAILURE_LIMIT failures for one username from one address, for
# AXES_COOLOFF_MINUTES; a successful login clears the count; `manage.py axes_reset` unlocks.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "cms.security.lockout.lockout_response"
# The client address: REMOTE_ADDR, unless TRUSTED_PROXY_COUNT reverse proxies (nginx, a CDN…)
# stand in front; each appends to X-Forwarded-For, so the client is the entry they did not write.
# Trusting the header without a proxy would let anyone pick the address that gets locked.
# One helper answers for login throttling and the reader-feedback rate limit.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "cms.security.client_address.client_address"
# Two-factor authentication (django-otp): optional for everyone, required for the members of
# these groups (comma-separated names); a user with a device always gives its code in the admin.
TWO_FACTOR_REQUIRED_GROUPS = env_list("TWO_FACTOR_REQUIRED_GROUPS")
OTP_TOTP_ISSUER = "studio·bib"
# Content-Security-Policy (policies in cms/security/csp.py): enforced, or only reported by the
# browser while a new policy is tried; violations go to CSP_REPORT_URI when it is set.
SECURITY_CSP_REPORT_ONLY = os.environ.get("CSP_REPORT_ONLY", "false").lower() == "true"
SECURITY_CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "")
# Staff avatars stay on this server: no e-mail hash sent to Gravatar (and no third-party image).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No call from editors' browsers to wagtail.org about new releases (pyproject.toml pins them).
WAGTAIL_ENABLE_UPDATE_CHECK = False
