from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


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
