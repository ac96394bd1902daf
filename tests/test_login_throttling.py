"""Login throttling (django-axes): too many wrong passwords lock that username from that address."""

from django.conf import settings
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


def _try(client, username, password, address="198.51.100.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def _fail(client, times, username="redaction", **kwargs):
    for attempt in range(1, times + 1):
        response = _try(client, username, "mauvais-mot-de-passe", **kwargs)
        # The login form again with its error, until the limit is reached.
        assert response.status_code == (429 if attempt >= settings.AXES_FAILURE_LIMIT else 200)
    return response


def test_five_wrong_passwords_lock_the_account_with_a_french_page(client, role_users):
    assert settings.AXES_FAILURE_LIMIT == 5
    _fail(client, 4)
    response = _try(client, "redaction", "mauvais-mot-de-passe")
    assert response.status_code == 429
    text = response.content.decode()
    assert '<html lang="fr"' in text or 'lang="fr"' in text
    assert "Connexion temporairement bloquée" in text
    assert "bloquée pendant 15 minutes" in text
    # Even the right password is refused while locked.
    response = _try(client, "redaction", "redaction-demo")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_page_is_in_english_for_an_english_browser(client, role_users):
    _fail(client, 4, HTTP_ACCEPT_LANGUAGE="en")
    response = _try(client, "redaction", "wrong-password", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Sign-in temporarily blocked" in text
    assert "blocked for 15 minutes" in text


def test_a_success_before_the_limit_clears_the_count(client, role_users):
    _fail(client, 4)
    assert _try(client, "redaction", "redaction-demo").status_code == 302
    client.logout()
    _fail(client, 4)
    assert _try(client, "redaction", "redaction-demo").status_code == 302


def test_the_lock_is_per_username_and_address(client, role_users):
    _fail(client, 5)
    assert _try(client, "redaction", "redaction-demo").status_code == 429
    # Another account from the same address, and the same account from elsewhere, still sign in.
    assert _try(client, "revision", "revision-demo").status_code == 302
    client.logout()
    assert _try(client, "redaction", "redaction-demo", address="203.0.113.50").status_code == 302


def test_axes_reset_unlocks(client, role_users):
    _fail(client, 5)
    assert _try(client, "redaction", "redaction-demo").status_code == 429
    call_command("axes_reset", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _try(client, "redaction", "redaction-demo").status_code == 302


def test_the_django_admin_login_is_throttled_too(client, admin_user):
    for _ in range(5):
        response = client.post(
            "/django-admin/login/",
            {"username": "admin", "password": "non"},
            REMOTE_ADDR="198.51.100.8",
        )
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()


def test_without_a_trusted_proxy_x_forwarded_for_cannot_dodge_the_lock(client, role_users):
    for i in range(5):
        _try(client, "redaction", "non", HTTP_X_FORWARDED_FOR=f"192.0.2.{i}")
    assert (
        _try(client, "redaction", "redaction-demo", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code
        == 429
    )


@pytest.fixture
def behind_one_proxy(settings):
    """TRUSTED_PROXY_COUNT=1: nginx in front, at this address."""
    settings.TRUSTED_PROXY_COUNT = 1
    return "10.0.0.2"


def _sign_in_behind(proxy, client, forwarded_for):
    """The status of a sign-in with the right password, relayed by the proxy."""
    response = _try(
        client, "redaction", "redaction-demo", address=proxy, HTTP_X_FORWARDED_FOR=forwarded_for
    )
    return response.status_code


def test_behind_a_proxy_each_client_is_counted_under_its_own_address(
    client, role_users, behind_one_proxy
):
    _fail(client, 5, address=behind_one_proxy, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert _sign_in_behind(behind_one_proxy, client, "203.0.113.9") == 429
    # Another reader behind the same proxy is not locked out.
    assert _sign_in_behind(behind_one_proxy, client, "203.0.113.10") == 302


def test_behind_a_proxy_a_forged_x_forwarded_for_cannot_dodge_the_lock(
    client, role_users, behind_one_proxy
):
    # The proxy appends the real address; a forged start changes on every try, in vain.
    for i in range(5):
        _try(
            client,
            "redaction",
            "non",
            address=behind_one_proxy,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{i}, 203.0.113.9",
        )
    assert _sign_in_behind(behind_one_proxy, client, "192.0.2.77, 203.0.113.9") == 429
