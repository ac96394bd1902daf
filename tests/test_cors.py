"""Front ends on the allowed origins (settings) may call the API from a browser; others may not."""

import pytest

pytestmark = pytest.mark.django_db

ALLOWED = "https://portail.example.org"


def test_an_allowed_origin_may_read_the_api(client, site_tree, settings):
    assert ALLOWED in settings.CORS_ALLOWED_ORIGINS
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "origin" in response["Vary"].lower()


def test_an_unknown_origin_gets_no_cors_header(client, site_tree):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_from_an_allowed_origin_is_answered(client, site_tree):
    response = client.options(
        "/api/v3/pages/", HTTP_ORIGIN=ALLOWED, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_the_allow_list_applies_to_the_api_only(client, site_tree):
    response = client.get(site_tree.space_fr.url, HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_the_allow_list_is_read_from_the_environment(monkeypatch):
    from cms.settings.base import env_list

    monkeypatch.setenv("CORS_ALLOWED_ORIGINS", "https://a.example.org, https://b.example.org,")
    assert env_list("CORS_ALLOWED_ORIGINS") == ["https://a.example.org", "https://b.example.org"]
