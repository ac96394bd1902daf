"""Passwords: at least 12 characters, not like the username, not common, not only digits."""

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest
from bs4 import BeautifulSoup

from pages.review.workflows import EDITORS

pytestmark = pytest.mark.django_db


def _account_form(client):
    """Every field of the admin's « Mon compte » form, as the browser would send it back."""
    soup = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    form = soup.find("form", id="w-editor-form")
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("file", "submit"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def _change_password(client, new_password):
    data = _account_form(client)
    data.update(
        {
            "password-old_password": "redaction-demo",
            "password-new_password1": new_password,
            "password-new_password2": new_password,
        }
    )
    return client.post("/admin/account/", data)


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("Court-2026", "trop court"),
        ("redaction-demo2", "trop semblable"),
        ("password1234", "trop courant"),
        ("202611260001", "entièrement numérique"),
    ],
)
def test_the_admin_refuses_a_weak_new_password(client, role_users, password, reason):
    user = role_users[EDITORS]
    client.force_login(user)
    response = _change_password(client, password)
    assert response.status_code == 200
    assert reason in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("redaction-demo")


def test_the_admin_accepts_a_strong_new_password(client, role_users):
    user = role_users[EDITORS]
    client.force_login(user)
    response = _change_password(client, "lampe verte sur le comptoir")
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("lampe verte sur le comptoir")


def test_changepassword_refuses_a_short_password(role_users, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "court-2026")
    with pytest.raises(CommandError, match="after 3 attempts"):
        call_command("changepassword", "redaction")
    assert "12" in capsys.readouterr().err
    assert get_user_model().objects.get(username="redaction").check_password("redaction-demo")
