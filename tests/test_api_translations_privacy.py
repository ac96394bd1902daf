"""The API's `translations` map never leads to a page its requester could not read (issue 15).

The attack: read a public French page's detail and take the English id and URL from its map, while
that English page is a draft, unpublished, or behind a view restriction the requester cannot pass.
"""

from wagtail.models import PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db

API_VERSIONS = ["v2", "v3"]


def _english_entry(client, page, version):
    response = client.get(f"/api/{version}/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()["translations"]["en"]


def _restrict(page, restriction_type, **kwargs):
    groups = kwargs.pop("groups", ())
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **kwargs)
    restriction.groups.set(groups)
    return restriction


@pytest.mark.parametrize("version", API_VERSIONS)
def test_a_public_live_translation_is_listed_with_its_id_and_url(client, site_tree, version):
    entry = _english_entry(client, site_tree.space_fr, version)
    assert entry["id"] == site_tree.space_en.pk
    assert entry["url"] == site_tree.space_en.get_full_url()


@pytest.mark.parametrize("version", API_VERSIONS)
def test_an_unpublished_translation_gives_neither_id_nor_url(client, site_tree, version):
    site_tree.space_en.unpublish()
    entry = _english_entry(client, site_tree.space_fr, version)
    assert entry["id"] is None and entry["url"] is None


@pytest.mark.parametrize("version", API_VERSIONS)
@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_restricted_translation_is_hidden_from_an_anonymous_reader(client, site_tree, version, restriction_type):
    _restrict(site_tree.space_en, restriction_type, password="secret-pass" if restriction_type == "password" else "")
    entry = _english_entry(client, site_tree.space_fr, version)
    assert entry["id"] is None and entry["url"] is None
    assert client.get(site_tree.space_en.url).status_code in (200, 302)  # the page itself still asks for a login


@pytest.mark.parametrize("version", API_VERSIONS)
def test_a_restriction_on_an_english_ancestor_hides_the_translation_too(client, site_tree, version):
    section_en = site_tree.space_en.get_parent()
    _restrict(section_en, PageViewRestriction.LOGIN)
    entry = _english_entry(client, site_tree.space_fr, version)
    assert entry["id"] is None and entry["url"] is None


def test_a_group_restriction_hides_the_translation_from_a_signed_in_user_outside_the_group(
    client, site_tree, role_users
):
    from django.contrib.auth.models import Group

    from pages.review.workflows import ADMINISTRATORS, EDITORS

    _restrict(site_tree.space_en, PageViewRestriction.GROUPS, groups=[Group.objects.get(name=ADMINISTRATORS)])
    client.force_login(role_users[EDITORS])
    entry = _english_entry(client, site_tree.space_fr, "v2")
    assert entry["id"] is None and entry["url"] is None


def test_a_login_restriction_lists_the_translation_for_a_signed_in_reader(client, site_tree, role_users):
    from pages.review.workflows import EDITORS

    _restrict(site_tree.space_en, PageViewRestriction.LOGIN)
    client.force_login(role_users[EDITORS])
    entry = _english_entry(client, site_tree.space_fr, "v2")
    assert entry["id"] == site_tree.space_en.pk


def test_the_status_is_still_given_without_the_address(client, site_tree):
    _restrict(site_tree.space_en, PageViewRestriction.LOGIN)
    assert _english_entry(client, site_tree.space_fr, "v2")["status"] == "up_to_date"
