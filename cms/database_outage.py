"""When the database cannot be reached, answer 503 « come back in a moment » instead of a 500.

A lost database is an outage, not a bug: readers get a short bilingual page (API clients a JSON
body) with ``Retry-After``, and nothing on that path touches the database (no site, menu or
session lookup). Django opens a new connection on the next request (``CONN_HEALTH_CHECKS``
drops a dead persistent one), so the site comes back by itself when the database does.

Two entry points give the same answer: ``DatabaseOutageMiddleware.process_exception`` for
errors raised in a view, and ``server_error`` (``handler500``) for errors raised in another
middleware (sessions, redirects), which Django turns into a 500 before any middleware sees them.
"""

import logging
import sys
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.db.backends.signals import connection_created
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_noop
from django.views.defaults import server_error as default_server_error

from cms.compat import mark_logged

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
MESSAGES = {
    "title": gettext_noop("Service momentanément indisponible"),
    "text": gettext_noop(
        "Le site ne peut pas joindre sa base de données pour le moment. "
        "La page reviendra d’elle-même : réessayez dans quelques minutes."
    ),
}


class OutageLog:
    """One log line when an outage starts (per process) and one when it ends, not one per request."""

    def __init__(self):
        self._lock = threading.Lock()
        self.since = None
        self.refused = 0

    def failed(self, request, error):
        with self._lock:
            self.refused += 1
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.error(
            "Database unavailable (%s: %s) on %s; answering 503 until it is back",
            error.__class__.__name__,
            " ".join(str(error).split()),  # one line, even for psycopg's two-line messages
            request.path,
        )

    def reconnected(self):
        if self.since is None:  # the usual case: no lock taken
            return
        with self._lock:
            if self.since is None:
                return
            seconds, refused = time.monotonic() - self.since, self.refused
            self.since, self.refused = None, 0
        logger.warning(
            "Database reachable again after %.0f s; %d requests were answered 503", seconds, refused
        )


outage_log = OutageLog()


def _connected(**kwargs):
    # A new connection that opened is the sign the database is back (a page served from the
    # page cache during the outage is not).
    outage_log.reconnected()


connection_created.connect(_connected, dispatch_uid="database-outage-recovery")


def _language(request):
    """The page's language from its URL prefix (/en/…), French otherwise."""
    codes = [code for code, _name in settings.LANGUAGES]
    prefix = request.path.lstrip("/").split("/", 1)[0]
    return prefix if prefix in codes else settings.LANGUAGE_CODE


def _texts(code):
    with translation.override(code):
        return {name: translation.gettext(text) for name, text in MESSAGES.items()}


def database_unavailable_response(request):
    retry_after = getattr(settings, "DATABASE_OUTAGE_RETRY_AFTER", 30)
    primary = _language(request)
    languages = [primary] + [code for code, _name in settings.LANGUAGES if code != primary]
    if request.path.startswith("/api/"):
        messages = {code: _texts(code) for code in languages}
        response = JsonResponse(
            {
                "error": "database_unavailable",
                "message": messages[primary]["text"],
                "messages": {code: texts["text"] for code, texts in messages.items()},
                "retry_after": retry_after,
            },
            status=503,
        )
    else:
        html = render_to_string(
            "503.html",
            {
                "primary": primary,
                "sections": [{"code": code, **_texts(code)} for code in languages],
                "path": request.get_full_path(),  # « Réessayer » reloads the same address
            },
        )
        response = HttpResponse(html, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(retry_after)
    response["Content-Language"] = primary
    patch_cache_control(response, no_store=True)
    # Django would log every refused request with its traceback; OutageLog says it once.
    return mark_logged(response)


class DatabaseOutageMiddleware:
    """Turns a database error raised in a view into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            outage_log.failed(request, exception)
            return database_unavailable_response(request)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the 503 page for a database outage raised outside a view, Django's 500 otherwise."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        outage_log.failed(request, error)
        return database_unavailable_response(request)
    return default_server_error(request, template_name)
