"""Browsers, CDNs and front ends can cache what anonymous readers get, and revalidate it cheaply."""

import pytest

from tests.factories import SpacePageFactory, published

pytestmark = pytest.mark.django_db


def _urls(tree):
    return [tree.space_fr.url, tree.space_en.url, "/api/v2/pages/?locale=en", f"/api/v2/pages/{tree.space_en.pk}/"]


@pytest.mark.parametrize("index", range(4), ids=["page fr", "page en", "api listing", "api detail"])
def test_an_unchanged_resource_answers_a_conditional_request_with_304(client, site_tree, index):
    url = _urls(site_tree)[index]
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_page_no_longer_matches_the_old_etag(client, site_tree):
    space = published(SpacePageFactory, site_tree.sections["espaces"], title="Salle de montage")
    first = client.get(space.url)
    space.title = "Salle de montage rénovée"
    space.save_revision().publish()
    again = client.get(space.url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Salle de montage rénovée" in again.content.decode()


@pytest.mark.parametrize("index", range(4), ids=["page fr", "page en", "api listing", "api detail"])
def test_anonymous_responses_may_be_cached_publicly(client, site_tree, index, settings):
    response = client.get(_urls(site_tree)[index])
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.HTTP_CACHE_MAX_AGE}" in cache_control


def test_pages_seen_by_a_logged_in_editor_are_never_stored(client, site_tree, admin_user):
    client.force_login(admin_user)
    response = client.get(site_tree.space_fr.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_admin_preview_of_a_draft_is_never_stored(client, site_tree, admin_user):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/{site_tree.space_fr.pk}/edit/preview/")
    assert response.status_code == 200
    assert "public" not in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_api_requests_with_a_token_are_private(client, site_tree):
    response = client.get("/api/v2/pages/", HTTP_AUTHORIZATION="Bearer whatever")
    assert "private" in response["Cache-Control"]


def test_a_missing_page_is_not_cached_publicly(client, site_tree):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
