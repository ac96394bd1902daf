"""Query-string checks shared by every API endpoint (v2 and v3), before any view runs.

Two kinds of value went through the API views to the database and came back as a server error:
a NUL character (SQLite: "unterminated string"; PostgreSQL refuses NUL in text) in `search`,
`html_path`, `slug` or any filter, and an `offset` or `limit` beyond a 64-bit integer (SQLite:
"datatype mismatch", PostgreSQL: "bigint out of range"). Both are the client's mistake: 400.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
BOUNDED_INTEGERS = ("offset", "limit")
MAX_INTEGER = 2**63 - 1


def _problem(request):
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return _("Le paramètre « %(name)s » contient un caractère nul.") % {
                "name": key.replace("\x00", "")
            }
    for key in BOUNDED_INTEGERS:
        value = request.GET.get(key, "").strip()
        if value.lstrip("+-").isdigit() and abs(int(value)) > MAX_INTEGER:
            return _("Le paramètre « %(name)s » est trop grand.") % {"name": key}
    return None


class ApiQueryGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIX):
            message = _problem(request)
            if message:
                return JsonResponse({"message": message}, status=400)
        return self.get_response(request)
