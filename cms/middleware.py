from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

from cms.compat import locales_read_once


class LocalesReadOnceMiddleware:
    """Each language's Locale row is read once per request, however many `.localized` ask for it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with locales_read_once():
            return self.get_response(request)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its 404 redirect outside the public site.

    With both languages prefixed, Django turns any 404 into a redirect to /fr/<path>.
    For the API that would answer a missing page with a 302 to an HTML 404; API clients
    must get the API's own JSON 404 instead.
    """

    def process_response(self, request, response):
        if request.path.startswith(settings.NON_LOCALIZED_PATH_PREFIXES):
            return response
        return super().process_response(request, response)
