"""Preview for external front ends: a short-lived signed token for one revision of one page.

An editor opens /admin/headless-preview/<page id>/; the CMS signs (page id, latest revision id)
— or the page id alone when the page has no revision yet — and sends the editor to the front end (HEADLESS_PREVIEW_CLIENT_URL) with `?token=…`. The front
end fetches /api/v2/page_preview/?token=… and gets that revision in the API's usual JSON. The
token names its revision, so it shows that draft and nothing else, and expires after
HEADLESS_PREVIEW_MAX_AGE seconds. Opening the preview is a GET from a link: it only reads and
signs, it never saves a revision.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from wagtail.models import Page, Revision

SALT = "studiobib.headless-preview"


def make_token(page, revision=None):
    return signing.dumps(
        {"page": page.pk, "revision": revision.pk if revision else None}, salt=SALT, compress=True
    )


def read_token(token):
    """The page as the token's revision has it (the page as stored when the token names no
    revision), or None when that revision or page is gone; `signing.BadSignature` (or its subclass
    `SignatureExpired`) for a forged or stale token."""
    data = signing.loads(token, salt=SALT, max_age=settings.HEADLESS_PREVIEW_MAX_AGE)
    if data["revision"] is None:
        page = Page.objects.filter(pk=data["page"]).first()
        return page.specific if page else None
    revision = Revision.page_revisions.filter(pk=data["revision"], object_id=str(data["page"])).first()
    return revision.as_object() if revision else None


@require_safe
def start_preview(request, page_id):
    """Admin view: sign the page's latest revision and hand it to the front end."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    token = make_token(page, page.get_latest_revision())
    client_url = settings.HEADLESS_PREVIEW_CLIENT_URL
    if client_url:
        response = redirect(f"{client_url}?{urlencode({'token': token, 'type': page.specific_class._meta.label})}")
    else:
        response = JsonResponse({"token": token, "expires_in": settings.HEADLESS_PREVIEW_MAX_AGE,
                                 "url": f"/api/v2/page_preview/?token={token}"})
    add_never_cache_headers(response)
    return response
