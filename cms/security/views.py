"""Admin views of two-factor authentication: give the code, add an app, backup codes."""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

import qrcode
import qrcode.image.svg
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm
from .two_factor import new_backup_codes, two_factor_required


def _safe_next(request):
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """After the password: the code of the authenticator app, or a backup code."""
    form = TokenForm(request.POST or None)
    if form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_safe_next(request))
        form.add_error(
            "token",
            _("Ce code n'est pas valide ou a expiré. Réessayez avec le code affiché maintenant."),
        )
    context = {"form": form, "next": _safe_next(request)}
    return TemplateResponse(request, "security/two_factor_verify.html", context)


def _qr_code_svg(text):
    # SVG drawn by the server: no image library, no script, allowed by the admin's policy.
    return qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).to_string(
        encoding="unicode"
    )


@never_cache
@sensitive_post_parameters("token")
def setup(request):
    """Add an authenticator app (QR code, then a code to confirm it), renew backup codes, or stop."""
    user = request.user
    totp = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
    context = {
        "page_title": _("Authentification à deux facteurs"),
        "header_icon": "key",
        "required": two_factor_required(user),
    }
    action = request.POST.get("action") if request.method == "POST" else None

    if totp is not None:
        if action == "backup_codes":
            context["backup_codes"] = new_backup_codes(user)
        elif action == "disable" and not context["required"]:
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
            messages.success(
                request, _("L'authentification à deux facteurs est désactivée pour votre compte.")
            )
            return redirect("two_factor_setup")
        backup = StaticDevice.objects.filter(user=user, name="backup").first()
        context.update(device=totp, backup_codes_left=backup.token_set.count() if backup else 0)
        return TemplateResponse(request, "security/two_factor_setup.html", context)

    pending, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "app"}
    )
    form = TokenForm(request.POST if action == "confirm" else None)
    if form.is_valid():
        if pending.verify_token(form.cleaned_data["token"]):
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
            otp_login(request, pending)
            context.update(device=pending, backup_codes=new_backup_codes(user), just_enabled=True)
            return TemplateResponse(request, "security/two_factor_setup.html", context)
        form.add_error(
            "token",
            _(
                "Ce code ne correspond pas. Vérifiez l'heure de votre téléphone et saisissez le code affiché maintenant."
            ),
        )
    context.update(
        form=form,
        qr_code=_qr_code_svg(pending.config_url),
        secret=b32encode(pending.bin_key).decode().rstrip("="),
    )
    return TemplateResponse(request, "security/two_factor_setup.html", context)
