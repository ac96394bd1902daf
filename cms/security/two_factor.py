"""Two-factor authentication in the admin, with django-otp (TOTP apps and backup codes).

Optional for everyone: a user who has added an authenticator app gives its code after the
password before any admin page opens. Members of TWO_FACTOR_REQUIRED_GROUPS must add one.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

BACKUP_CODE_COUNT = 10
# Parts of the site behind a staff login; the public site never asks for a code.
PROTECTED_PREFIXES = ("/admin/", "/django-admin/")
# Reachable while the code has not been given yet: signing in and out, the code form itself,
# and what those pages load (translations catalogue, icons).
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "admin:login",
    "admin:logout",
    "admin:jsi18n",
}


def two_factor_required(user):
    """Whether this user must use a second factor (member of a group that requires it)."""
    groups = settings.TWO_FACTOR_REQUIRED_GROUPS
    return bool(groups) and user.groups.filter(name__in=groups).exists()


def new_backup_codes(user):
    """Replace the user's backup codes with BACKUP_CODE_COUNT fresh single-use ones."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="backup", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


class AdminTwoFactorMiddleware:
    """Send a signed-in user to the code form, or to enrolment, before any admin page.

    Placed after django_otp's OTPMiddleware, which gives request.user.is_verified().
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.redirect_if_needed(request) or self.get_response(request)

    def redirect_if_needed(self, request):
        user = request.user
        if not user.is_authenticated or not request.path_info.startswith(PROTECTED_PREFIXES):
            return None
        try:
            url_name = resolve(request.path_info).view_name
        except Resolver404:
            return None
        if url_name in OPEN_URL_NAMES:
            return None
        if user_has_device(user, confirmed=True):
            if not user.is_verified():
                return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        elif url_name != "two_factor_setup" and two_factor_required(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
        return None
