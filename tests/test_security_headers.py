"""Content-Security-Policy per area, and the production cookie and header settings."""

import json
import re

from django.contrib.staticfiles import finders

import pytest

from tests.test_production_settings import _run

pytestmark = pytest.mark.django_db


def _policy(response, header="Content-Security-Policy"):
    directives = [part.strip().split() for part in response[header].split(";") if part.strip()]
    return {name: set(values) for name, *values in directives}


def _public_urls(tree):
    pages = [
        tree.home_fr,
        tree.home_en,
        tree.space_fr,
        tree.space_en,
        tree.guide_fr,
        tree.guide_en,
        tree.mission_fr,
        tree.mission_en,
        *tree.sections.values(),
    ]
    return [page.url for page in pages] + ["/fr/recherche/?q=studio", "/en/search/?q=studio"]


def test_public_pages_allow_only_our_own_scripts_and_styles(client, site_tree):
    for url in _public_urls(site_tree):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = _policy(response)
        assert policy["script-src"] == {"'self'"}, url
        assert policy["style-src"] == {"'self'"}, url
        assert policy["object-src"] == {"'none'"}
        assert policy["frame-ancestors"] == {"'self'"}
        assert {"https://www.youtube-nocookie.com", "https://player.vimeo.com"} <= policy[
            "frame-src"
        ]


def test_public_pages_have_no_inline_script_handler_or_style(client, site_tree):
    """What the public policy forbids must not be in our templates in the first place."""
    for url in _public_urls(site_tree):
        html = client.get(url).content.decode()
        for script in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in script or 'type="application/ld+json"' in script, (url, script)
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", html), url
        assert not re.search(r"<[^>]+\sstyle\s*=", html), url


def test_the_admin_policy_stays_on_our_own_origin(client, admin_user):
    client.force_login(admin_user)
    policy = _policy(client.get("/admin/"))
    # Wagtail's inline scripts, but no eval, no plugins and nothing from another origin.
    assert policy["script-src"] == {"'self'", "'unsafe-inline'"}
    assert policy["default-src"] == policy["connect-src"] == {"'self'"}
    assert policy["object-src"] == {"'none'"}
    assert policy["frame-src"] >= {"'self'", "https://www.youtube-nocookie.com"}


def test_api_answers_load_nothing(client, site_tree):
    for url in ("/api/v2/pages/", "/api/v3/pages/", "/api/v3/openapi.json"):
        response = client.get(url)
        assert response.status_code == 200
        assert _policy(response)["default-src"] == {"'none'"}, url


def test_the_api_documentation_page_still_loads_its_scripts(client):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    policy = _policy(response)
    assert policy["script-src"] == {"'self'"}
    scripts = re.findall(r'<script src="/static/([^"]+)"', response.content.decode())
    assert scripts and all(finders.find(path) for path in scripts)  # served from our own origin


def test_report_only_mode_sends_the_policy_without_enforcing_it(client, site_tree, settings):
    settings.SECURITY_CSP_REPORT_ONLY = True
    settings.SECURITY_CSP_REPORT_URI = "https://csp.example.org/report"
    response = client.get("/fr/")
    assert "Content-Security-Policy" not in response
    policy = _policy(response, "Content-Security-Policy-Report-Only")
    assert policy["script-src"] == {"'self'"}
    assert policy["report-uri"] == {"https://csp.example.org/report"}


def test_extra_embed_hosts_may_be_framed(client, site_tree, settings):
    settings.EMBED_EXTRA_HOSTS = ["mediatheque.example.org"]
    policy = _policy(client.get("/fr/"))
    assert {"https://mediatheque.example.org", "https://*.mediatheque.example.org"} <= policy[
        "frame-src"
    ]


SECURITY_PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: getattr(s, k) for k in ('SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SAMESITE', 'SECURE_HSTS_SECONDS', "
    "'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_PRELOAD', 'SECURE_SSL_REDIRECT', 'SECURE_PROXY_SSL_HEADER', "
    "'SECURE_REFERRER_POLICY', 'SECURE_CONTENT_TYPE_NOSNIFF', 'X_FRAME_OPTIONS', 'AXES_FAILURE_LIMIT', "
    "'TRUSTED_PROXY_COUNT', 'AXES_CLIENT_IP_CALLABLE', 'SECURITY_CSP_REPORT_ONLY')}))"
)


def test_production_sends_secure_cookies_and_headers_by_default():
    result = _run(["-c", SECURITY_PROBE])
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_REFERRER_POLICY": "strict-origin-when-cross-origin",
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "X_FRAME_OPTIONS": "SAMEORIGIN",
        "AXES_FAILURE_LIMIT": 5,
        "TRUSTED_PROXY_COUNT": 0,
        "AXES_CLIENT_IP_CALLABLE": "cms.security.client_address.client_address",
        "SECURITY_CSP_REPORT_ONLY": False,
    }


def test_production_security_settings_follow_the_environment():
    result = _run(
        ["-c", SECURITY_PROBE],
        DJANGO_SECURE_HSTS_SECONDS="600",
        DJANGO_SECURE_HSTS_PRELOAD="false",
        DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        DJANGO_SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="1",
        AXES_FAILURE_LIMIT="8",
        CSP_REPORT_ONLY="true",
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert (
        found["SECURE_HSTS_SECONDS"],
        found["SECURE_HSTS_PRELOAD"],
        found["SECURE_HSTS_INCLUDE_SUBDOMAINS"],
    ) == (600, False, False)
    assert found["SECURE_SSL_REDIRECT"] is False
    assert found["TRUSTED_PROXY_COUNT"] == 1
    assert found["AXES_FAILURE_LIMIT"] == 8
    assert found["SECURITY_CSP_REPORT_ONLY"] is True
