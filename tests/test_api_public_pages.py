"""API v2 reads which pages a requester may see from the reading facts: the same pages as Wagtail's
own reading, for every requester, and a privacy or tree change shows on the next request."""

from django.contrib.auth.models import Group
from django.test import RequestFactory

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.models import Page, PageViewRestriction

import pytest

from pages.reading_facts import ReadingFacts

pytestmark = pytest.mark.django_db


def _ids(queryset):
    return set(queryset.values_list("pk", flat=True))


def _request(user=None, session=None):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/api/v2/pages/", HTTP_HOST="testserver")
    request.user = user or AnonymousUser()
    request.session = session if session is not None else {}
    return request


def _same_as_wagtail(request):
    ours = ReadingFacts(request).api_public_pages()
    assert _ids(ours) == _ids(get_public_pages_queryset(request))
    return _ids(ours)


def test_the_public_pages_are_wagtails_for_an_anonymous_reader(site_tree):
    ids = _same_as_wagtail(_request())
    assert {site_tree.home_fr.pk, site_tree.home_en.pk, site_tree.space_en.pk} <= ids


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD,
                                              PageViewRestriction.GROUPS])
def test_the_public_pages_are_wagtails_under_each_kind_of_restriction(site_tree, admin_user, restriction_type):
    section = site_tree.sections["espaces"]
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=restriction_type,
                                                     password="secret-word")
    group = Group.objects.create(name="Lecteurs autorisés")
    restriction.groups.set([group])
    hidden = _same_as_wagtail(_request())
    assert site_tree.space_fr.pk not in hidden and section.pk not in hidden
    passed = {PageViewRestriction.passed_view_restrictions_session_key: [restriction.pk]}
    shown = _same_as_wagtail(_request(user=admin_user, session=passed))
    assert site_tree.space_fr.pk in shown


def test_a_page_made_private_leaves_the_api_on_the_next_request(client, site_tree):
    url = "/api/v2/pages/?type=pages.SpacePage&limit=50"
    ids = [item["id"] for item in client.get(url).json()["items"]]
    assert site_tree.space_fr.pk in ids  # the restrictions are now kept
    restriction = PageViewRestriction.objects.create(page=site_tree.sections["espaces"],
                                                     restriction_type=PageViewRestriction.LOGIN)
    assert site_tree.space_fr.pk not in [item["id"] for item in client.get(url).json()["items"]]
    assert client.get(f"/api/v2/pages/{site_tree.space_fr.pk}/").status_code == 404
    restriction.delete()
    assert site_tree.space_fr.pk in [item["id"] for item in client.get(url).json()["items"]]


def test_an_unpublished_page_leaves_the_api_and_a_published_one_joins_it_on_the_next_request(client, site_tree):
    detail = f"/api/v2/pages/{site_tree.guide_fr.pk}/"
    assert client.get(detail).status_code == 200
    site_tree.guide_fr.unpublish()
    assert client.get(detail).status_code == 404
    site_tree.guide_fr.save_revision().publish()
    assert client.get(detail).status_code == 200


def test_a_page_moved_out_of_the_site_leaves_the_api_on_the_next_request(client, site_tree):
    detail = f"/api/v2/pages/{site_tree.guide_fr.pk}/"
    assert client.get(detail).status_code == 200
    elsewhere = Page.get_first_root_node().add_child(instance=Page(title="Ailleurs", slug="ailleurs"))
    site_tree.guide_fr.move(elsewhere, pos="last-child")
    assert client.get(detail).status_code == 404


def test_a_site_filter_is_answered_by_wagtails_own_reading(client, site_tree):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    response = client.get(f"/api/v2/pages/?site={site.hostname}:{site.port}&type=pages.SpacePage")
    assert response.status_code == 200
    assert site_tree.space_fr.pk in [item["id"] for item in response.json()["items"]]
