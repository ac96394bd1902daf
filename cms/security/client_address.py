"""The address of the person behind a request: one answer for login throttling and reader feedback.

Without a trusted proxy (``TRUSTED_PROXY_COUNT = 0``) it is ``REMOTE_ADDR`` and ``X-Forwarded-For``
is ignored, so nobody can pick the address that gets counted. Behind ``TRUSTED_PROXY_COUNT``
proxies (nginx, a CDN…), each of which appends to ``X-Forwarded-For``, it is the entry the last
trusted proxy wrote: whatever a client puts at the start of the header is skipped.
"""

from django.conf import settings

from ipware.ip import get_client_ip


def client_address(request):
    """The client's address as a string ("" when the request carries none)."""
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    address, _routable = get_client_ip(
        request,
        # python-ipware counts the proxies listed after the client in the header: the last
        # trusted proxy is REMOTE_ADDR itself, not in the header.
        proxy_count=proxies - 1,
        request_header_order=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
    )
    return address or remote
