"""Cache-Control for every response: public for anonymous readers, private for everyone else."""

from django.conf import settings
from django.utils.cache import patch_cache_control


def is_anonymous_request(request):
    """No session, no pending messages and no credentials: the response cannot depend on who is asking.

    Checked on the cookies rather than on ``request.user`` so that anonymous requests never
    load a session (which would add ``Vary: Cookie`` and defeat shared caches). A reader who
    just sent feedback carries a messages cookie and must see the thank-you, not a cached page.
    """
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
    )


class CacheControlMiddleware:
    """Anonymous GET/HEAD 200s may be cached by browsers and CDNs for ``HTTP_CACHE_MAX_AGE``
    seconds; anything answered to a logged-in user, to a token or with a cookie is
    ``private, no-store``. A view that sets its own Cache-Control keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if not is_anonymous_request(request) or response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(
                response, public=True,
                max_age=settings.HTTP_CACHE_MAX_AGE,
                stale_while_revalidate=settings.HTTP_CACHE_STALE_WHILE_REVALIDATE,
            )
        return response
