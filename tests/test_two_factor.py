"""Two-factor authentication in the admin (django-otp): optional, or required for a group."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from pages.review.workflows import ADMINISTRATORS, EDITORS

pytestmark = pytest.mark.django_db


def _code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def _log_in(client, username, password):
    response = client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="198.51.100.20"
    )
    assert response.status_code == 302
    return response


@pytest.fixture
def editor_with_app(role_users):
    user = role_users[EDITORS]
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_a_user_with_an_app_must_give_a_valid_code_before_the_admin(client, editor_with_app):
    response = _log_in(client, "redaction", "redaction-demo")
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith(
        "/admin/two-factor/verify/"
    )
    # No admin page opens before the code, whatever the address.
    assert "/admin/two-factor/verify/" in client.get("/admin/pages/")["Location"]
    assert "Code de vérification" in client.get(response["Location"]).content.decode()

    response = client.post(
        "/admin/two-factor/verify/", {"token": _code(editor_with_app), "next": "/admin/pages/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, editor_with_app):
    _log_in(client, "redaction", "redaction-demo")
    wrong = f"{(int(_code(editor_with_app)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/two-factor/verify/", {"token": wrong})
    assert response.status_code == 200
    assert "pas valide ou a expiré" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(client, editor_with_app):
    backup = StaticDevice.objects.create(user=editor_with_app.user, name="backup")
    backup.token_set.create(token="sec0urs1")
    _log_in(client, "redaction", "redaction-demo")
    assert client.post("/admin/two-factor/verify/", {"token": "sec0urs1"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    _log_in(client, "redaction", "redaction-demo")
    assert client.post("/admin/two-factor/verify/", {"token": "sec0urs1"}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_user_without_an_app_is_unaffected_when_not_required(client, role_users):
    _log_in(client, "redaction", "redaction-demo")
    assert client.get("/admin/").status_code == 200
    response = client.get("/admin/pages/", follow=True)
    assert response.status_code == 200 and "two-factor" not in response.redirect_chain[-1][0]


def test_the_public_site_never_asks_for_the_code(client, site_tree, editor_with_app):
    _log_in(client, "redaction", "redaction-demo")
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200


def test_a_required_group_must_add_an_app_then_gets_backup_codes(client, role_users, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [ADMINISTRATORS]
    _log_in(client, "administration", "administration-demo")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/")
    page = client.get("/admin/two-factor/").content.decode()
    assert "<svg" in page and "Votre rôle exige" in page
    secret = re.search(r"data-two-factor-secret>([A-Z2-7]+)<", page).group(1)
    pending = TOTPDevice.objects.get(user=role_users[ADMINISTRATORS], confirmed=False)
    assert b32decode(secret + "=" * (-len(secret) % 8)) == pending.bin_key

    page = client.post(
        "/admin/two-factor/", {"action": "confirm", "token": _code(pending)}
    ).content.decode()
    assert len(re.findall(r"<li><code>[a-z0-9]{8}</code></li>", page)) == 10
    assert client.get("/admin/").status_code == 200
    # The requirement also forbids turning it off.
    client.post("/admin/two-factor/", {"action": "disable"})
    assert TOTPDevice.objects.filter(user=role_users[ADMINISTRATORS], confirmed=True).exists()


def test_enrolment_refuses_a_wrong_code(client, role_users):
    _log_in(client, "redaction", "redaction-demo")
    client.get("/admin/two-factor/")
    pending = TOTPDevice.objects.get(user=role_users[EDITORS], confirmed=False)
    wrong = f"{(int(_code(pending)) + 1) % 1_000_000:06d}"
    page = client.post("/admin/two-factor/", {"action": "confirm", "token": wrong}).content.decode()
    assert "Ce code ne correspond pas" in page
    assert not TOTPDevice.objects.filter(user=role_users[EDITORS], confirmed=True).exists()


def test_other_groups_are_not_forced_when_one_group_requires_it(client, role_users, settings):
    settings.TWO_FACTOR_REQUIRED_GROUPS = [ADMINISTRATORS]
    _log_in(client, "redaction", "redaction-demo")
    assert client.get("/admin/").status_code == 200


def test_an_optional_user_can_turn_it_off(client, editor_with_app):
    _log_in(client, "redaction", "redaction-demo")
    client.post("/admin/two-factor/verify/", {"token": _code(editor_with_app)})
    assert "Désactiver" in client.get("/admin/two-factor/").content.decode()
    client.post("/admin/two-factor/", {"action": "disable"})
    assert not TOTPDevice.objects.filter(user=editor_with_app.user).exists()
    client.logout()
    _log_in(client, "redaction", "redaction-demo")
    assert client.get("/admin/").status_code == 200
