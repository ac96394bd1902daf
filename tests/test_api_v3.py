"""API v3 (typed, OpenAPI 3.1) for front-end developers: same public content as v2, writes need a token."""

from django.core.management import call_command

from wagtail.models import PageViewRestriction

import pytest

from pages.models import SpacePage

pytestmark = pytest.mark.django_db

QUERIES = ["", "locale=fr", "locale=en", "type=pages.SpacePage", "child_of={section}", "translation_of={space}"]


def _v2_ids(client, query):
    response = client.get(f"/api/v2/pages/?{query}&limit=100")
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def _v3_ids(client, query, **headers):
    response = client.get(f"/api/v3/pages/?{query}&limit=100", **headers)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.fixture
def hidden_pages(site_tree, admin_user):
    section = site_tree.sections["espaces"]
    draft = SpacePage(title="Brouillon v3", slug="brouillon-v3", live=False)
    section.add_child(instance=draft)
    draft.save_revision(user=admin_user)
    private = SpacePage(title="Espace privé v3", slug="prive-v3")
    section.add_child(instance=private)
    private.save_revision(user=admin_user).publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return [draft, private]


def _token(user):
    from io import StringIO

    out = StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "test", stdout=out)
    return next(word for word in out.getvalue().split() if word.startswith("wagtail_"))


def test_the_openapi_schema_is_served_for_typed_clients(client, site_tree):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v3/pages/" in schema["paths"]
    listing = schema["paths"]["/api/v3/pages/"]["get"]["responses"]
    assert "application/problem+json" in listing["4XX"]["content"]


def test_every_find_operation_documents_the_redirect_it_answers_with(client, site_tree):
    from wagtail.contrib.redirects.models import Redirect

    redirect = Redirect.objects.create(old_path="/ancienne-adresse", redirect_page=site_tree.space_fr)
    found = client.get(f"/api/v3/redirects/find/?id={redirect.pk}")
    assert found.status_code == 302 and f"/api/v3/redirects/{redirect.pk}/" in found["Location"]
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    finds = [path for path in paths if path.endswith("/find/")]
    assert "/api/v3/pages/find/" in finds and "/api/v3/redirects/find/" in finds
    assert all("302" in paths[path]["get"]["responses"] for path in finds)


def test_the_docs_page_works_offline(client, site_tree):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "://" not in html.replace('"/api/v3/openapi.json"', "")


@pytest.mark.parametrize("query", QUERIES)
def test_v3_lists_exactly_the_pages_v2_lists(client, site_tree, hidden_pages, query):
    query = query.format(section=site_tree.sections["espaces"].pk, space=site_tree.space_fr.pk)
    v2 = _v2_ids(client, query)
    assert v2
    assert _v3_ids(client, query) == v2
    assert not {p.pk for p in hidden_pages} & v2


def test_drafts_and_private_pages_have_no_detail_in_v3(client, site_tree, hidden_pages):
    for page in hidden_pages:
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_the_live_version_is_what_v3_shows_anonymous_readers(client, site_tree, admin_user):
    live_title = site_tree.space_fr.title
    site_tree.space_fr.title = "Titre en relecture"
    site_tree.space_fr.save_revision(user=admin_user)
    assert client.get(f"/api/v3/pages/{site_tree.space_fr.pk}/").json()["title"] == live_title
    asked_for_draft = client.get(f"/api/v3/pages/{site_tree.space_fr.pk}/?version=draft")
    assert asked_for_draft.json()["title"] == live_title


@pytest.mark.parametrize("language", ["fr", "en"])
def test_find_by_html_path_understands_the_language_prefix(client, site_tree, language):
    page = site_tree.space_fr if language == "fr" else site_tree.space_en
    response = client.get(f"/api/v3/pages/find/?html_path={page.url}")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/api/v3/pages/{page.pk}/")


def test_find_never_reveals_a_private_page(client, site_tree, hidden_pages):
    response = client.get(f"/api/v3/pages/find/?html_path={hidden_pages[1].url}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_writes_are_refused_without_a_token(client, site_tree):
    url = f"/api/v3/pages/{site_tree.space_fr.pk}/actions/unpublish/"
    response = client.post(url, content_type="application/json", data={})
    assert response.status_code == 401
    site_tree.space_fr.refresh_from_db()
    assert site_tree.space_fr.live


def test_writes_are_accepted_with_a_token(client, site_tree, admin_user):
    token = _token(admin_user)
    url = f"/api/v3/pages/{site_tree.space_fr.pk}/actions/unpublish/"
    response = client.post(url, content_type="application/json", data={}, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code in (200, 202), response.content
    site_tree.space_fr.refresh_from_db()
    assert not site_tree.space_fr.live


def test_find_with_a_malformed_site_port_is_a_client_error_not_a_crash(client, site_tree):
    response = client.get("/api/v3/pages/find/?site=Language:&html_path=/fr/espaces/")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "numeric port" in response.json()["detail"]
