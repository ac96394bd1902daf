"""Content-Security-Policy, one per area of the site, on top of django-csp.

- Public pages: scripts and styles only from our own static files (no inline script, no
  inline style, no eval), frames only from the video and embed players the blocks accept; the
  360° viewer reads the panorama with fetch() and shows it from a blob: URL.
- Admin (behind a login): Wagtail's editor needs inline scripts and styles and shows previews
  in same-origin frames; still no eval, no plugin, no other origin.
- API: JSON only, nothing to load; its documentation page (Swagger UI) needs inline styles.
"""

from urllib.parse import urlparse

from django.conf import settings

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
API_PREFIX = "/api/"
API_DOCS_PATHS = ("/api/v3/docs",)


def _origin(url):
    parsed = urlparse(url)
    return (
        f"{parsed.scheme}://{parsed.netloc}"
        if parsed.scheme in ("http", "https") and parsed.netloc
        else None
    )


def media_sources():
    """Where uploaded images, videos and documents come from when they are on object storage."""
    options = settings.STORAGES["default"].get("OPTIONS", {})
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        return [_origin(options["endpoint_url"])]
    if options.get("bucket_name"):
        return [f"https://{options['bucket_name']}.s3.amazonaws.com"]
    return []


def player_sources():
    """The iframe origins of the video and embed blocks (pages/blocks/media.py)."""
    from pages.blocks.media import EMBED_HOSTS

    sources = {
        _origin(pattern) if pattern else f"https://{host}" for host, pattern in EMBED_HOSTS.items()
    }
    for host in settings.EMBED_EXTRA_HOSTS:
        sources.update((f"https://{host}", f"https://*.{host}"))
    return sorted(s for s in sources if s)


def _common(directives):
    policy = {
        "base-uri": [SELF],
        "object-src": [NONE],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
    policy.update(directives)
    if settings.SECURITY_CSP_REPORT_URI:
        policy["report-uri"] = settings.SECURITY_CSP_REPORT_URI
    return policy


def public_policy():
    media = media_sources()
    return _common(
        {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            # The 360° viewer (pages/blocks/rich_media.py) fetches the panorama and shows it from a
            # blob: URL it creates itself; blob: URLs can only come from our own scripts.
            "img-src": [SELF, "data:", "blob:", *media],
            "media-src": [SELF, *media],
            "font-src": [SELF],
            "connect-src": [SELF, *media],
            "frame-src": [SELF, *player_sources()],
        }
    )


def admin_policy():
    media = media_sources()
    return _common(
        {
            "default-src": [SELF],
            # Wagtail 8 still writes inline <script> blocks in the admin (inline panels, date
            # and time widgets, wagtail-localize's editor) whose content changes with each page,
            # so neither hashes nor nonces can list them. The public site does not get this.
            "script-src": [SELF, UNSAFE_INLINE],
            # Draftail, StreamField and tooltips set style attributes from JavaScript.
            "style-src": [SELF, UNSAFE_INLINE],
            # Image previews while uploading are blob: URLs; icons and placeholders are data: URIs.
            "img-src": [SELF, "data:", "blob:", *media],
            "media-src": [SELF, *media],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            # Live preview, and the players of video/embed blocks inside that preview.
            "frame-src": [SELF, *player_sources()],
            "worker-src": [SELF, "blob:"],
        }
    )


def api_policy():
    return _common({"default-src": [NONE], "frame-ancestors": [NONE], "form-action": [NONE]})


def api_docs_policy():
    return _common(
        {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, UNSAFE_INLINE],  # Swagger UI styles its widgets inline
            "img-src": [SELF, "data:"],
            "connect-src": [SELF],
        }
    )


def policy_for_path(path):
    if path.startswith(ADMIN_PREFIXES):
        return admin_policy()
    if path.startswith(API_DOCS_PATHS):
        return api_docs_policy()
    if path.startswith(API_PREFIX):
        return api_policy()
    return public_policy()


class AreaCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy chosen by the area of the URL.

    A view decorated with django-csp's decorators keeps its own policy. With
    SECURITY_CSP_REPORT_ONLY the same policy is sent as Content-Security-Policy-Report-Only.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and report_only == settings.SECURITY_CSP_REPORT_ONLY:
            return PolicyParts(
                policy_for_path(request.path_info), parts.update, parts.replace, parts.nonce
            )
        return parts
