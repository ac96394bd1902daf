"""Drafts, unpublished and private pages never reach readers, in HTML or in the API, whatever the filter."""

from wagtail.models import PageViewRestriction

import pytest

from pages.models import SpacePage

pytestmark = pytest.mark.django_db

API_QUERIES = [
    "",
    "?type=pages.SpacePage&fields=*",
    "?locale=fr",
    "?search=Secret",
    "?child_of={parent}",
    "?descendant_of={home}",
    "?translation_of={space}",
]


def _api_ids(client, site_tree, hidden):
    seen = set()
    for query in API_QUERIES:
        url = "/api/v2/pages/" + query.format(
            parent=hidden.get_parent().pk, home=site_tree.home_fr.pk, space=site_tree.space_en.pk)
        response = client.get(url)
        if response.status_code == 400:  # e.g. translation_of a page the reader cannot see
            assert "items" not in response.json()
            continue
        assert response.status_code == 200, url
        seen |= {item["id"] for item in response.json()["items"]}
    return seen


@pytest.fixture
def draft_space(site_tree, admin_user):
    page = SpacePage(title="Atelier Secret brouillon", slug="atelier-secret", summary="Secret", live=False)
    site_tree.sections["espaces"].add_child(instance=page)
    page.save_revision(user=admin_user)
    return page


def test_a_never_published_page_is_invisible(client, site_tree, draft_space):
    assert not draft_space.live
    assert client.get("/fr/espaces/atelier-secret/").status_code == 404
    assert draft_space.pk not in _api_ids(client, site_tree, draft_space)
    assert client.get(f"/api/v2/pages/{draft_space.pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/?html_path=/fr/espaces/atelier-secret/").status_code == 404


def test_an_unpublished_revision_of_a_live_page_stays_private(client, site_tree, admin_user):
    space = site_tree.space_fr
    reviewed_title = space.title
    space.title = "Titre pas encore relu"
    space.save_revision(user=admin_user)
    html = client.get(space.url).content.decode()
    assert "Titre pas encore relu" not in html
    assert client.get(f"/api/v2/pages/{space.pk}/").json()["title"] == reviewed_title


def test_a_private_page_is_hidden_from_anonymous_readers_and_the_api(client, site_tree):
    space = site_tree.space_fr
    PageViewRestriction.objects.create(page=space, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(space.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert space.pk not in _api_ids(client, site_tree, space)
    assert client.get(f"/api/v2/pages/{space.pk}/").status_code == 404
    # Nor is it advertised by its section.
    assert space.url not in client.get(site_tree.sections["espaces"].url).content.decode()


def test_an_unpublished_page_disappears_from_html_and_api(client, site_tree):
    space = site_tree.space_en
    url = space.url
    space.unpublish()
    # English readers get a pointer to the French page, never the unpublished English text.
    html = client.get(url).content.decode()
    assert "Podcast studio" not in html
    assert site_tree.space_fr.url in html
    assert space.pk not in _api_ids(client, site_tree, space)
