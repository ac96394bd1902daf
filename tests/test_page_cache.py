"""Anonymous readers get cached HTML; a change to a page shows at once in both languages."""

from django.core.cache import caches

import pytest

from pages.delivery.cache_backends import ResilientRedisCache
from tests.services import require_redis

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def test_a_second_anonymous_view_of_a_page_comes_from_the_cache(client, site_tree, django_assert_max_num_queries):
    assert _get(client, site_tree.space_fr.url)["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(0):
        response = _get(client, site_tree.space_fr.url)
    assert response["X-Page-Cache"] == "hit"
    assert site_tree.space_fr.title in response.content.decode()


def test_logged_in_editors_always_get_a_fresh_page(client, site_tree, admin_user):
    _get(client, site_tree.space_fr.url)
    client.force_login(admin_user)
    response = _get(client, site_tree.space_fr.url)
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("language", ["fr", "en"])
def test_publishing_a_page_refreshes_it_its_translation_and_their_section(client, site_tree, language):
    page = site_tree.space_fr if language == "fr" else site_tree.space_en
    other = site_tree.space_en if language == "fr" else site_tree.space_fr
    urls = [page.url, other.url, page.get_parent().url, other.get_parent().url]
    for url in urls:
        _get(client, url)
    assert all(_get(client, url)["X-Page-Cache"] == "hit" for url in urls)

    page.title = f"{page.title} ({language} 2)"
    page.save_revision().publish()

    assert [_get(client, url)["X-Page-Cache"] for url in urls] == ["miss"] * 4
    assert page.title in _get(client, page.url).content.decode()
    assert page.title in _get(client, page.get_parent().url).content.decode()


def test_unpublishing_a_page_removes_it_from_its_section_at_once(client, site_tree):
    section = site_tree.space_fr.get_parent()
    assert site_tree.space_fr.title in _get(client, section.url).content.decode()
    site_tree.space_fr.unpublish()
    assert client.get(site_tree.space_fr.url).status_code == 404
    assert site_tree.space_fr.title not in _get(client, section.url).content.decode()


def test_making_a_page_private_takes_it_out_of_the_cache_at_once(client, site_tree):
    from wagtail.models import PageViewRestriction

    _get(client, site_tree.space_fr.url)
    restriction = PageViewRestriction.objects.create(page=site_tree.space_fr, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(site_tree.space_fr.url).status_code == 302  # to the login page
    restriction.delete()
    assert _get(client, site_tree.space_fr.url)["X-Page-Cache"] == "miss"


def test_a_draft_does_not_change_the_cached_page(client, site_tree):
    _get(client, site_tree.space_fr.url)
    site_tree.space_fr.title = "Brouillon secret"
    site_tree.space_fr.save_revision()
    response = _get(client, site_tree.space_fr.url)
    assert "Brouillon secret" not in response.content.decode()


def test_moving_a_page_sends_readers_of_its_old_address_to_the_new_one(client, site_tree):
    old_url = site_tree.guide_fr.url
    _get(client, old_url)
    site_tree.guide_fr.move(site_tree.sections["espaces"], pos="last-child")
    site_tree.guide_fr.refresh_from_db()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == site_tree.guide_fr.url


def test_deleting_a_page_forgets_it(client, site_tree):
    url = site_tree.mission_fr.url
    _get(client, url)
    site_tree.mission_en.delete()
    site_tree.mission_fr.delete()
    assert client.get(url).status_code == 404


def test_pages_are_served_uncached_when_redis_is_down(client, site_tree, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "pages.delivery.cache_backends.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    assert isinstance(caches["pages"], ResilientRedisCache)
    for _attempt in range(2):
        response = _get(client, site_tree.space_fr.url)
        assert site_tree.space_fr.title in response.content.decode()
    site_tree.space_fr.save_revision().publish()  # invalidation must not fail either
    assert _get(client, site_tree.space_fr.url).status_code == 200


def test_the_redis_cache_works_when_redis_is_up():
    require_redis()
    cache = ResilientRedisCache("redis://127.0.0.1:6379/15", {"KEY_PREFIX": "studiobib-test"})
    cache.set("page", b"<html>", 30)
    assert cache.get("page") == b"<html>"
    cache.delete("page")
    assert cache.get("page") is None


def test_a_reader_with_a_pending_message_gets_a_fresh_page_with_the_message(client, site_tree):
    client.get(site_tree.space_fr.url)  # now cached
    response = client.post(f"/fr/avis/{site_tree.space_fr.pk}/", {"helpful": "yes"}, follow=True)
    assert "Merci ! Votre avis a été transmis" in response.content.decode().replace("&#x27;", "'")


def _total(client, url):
    return _get(client, url).json()["meta"]["total_count"]


def test_api_listing_counts_are_kept_until_a_page_changes(client, site_tree, django_assert_max_num_queries):
    from pages.models import SpacePage

    url = f"/api/v2/pages/?child_of={site_tree.sections['espaces'].pk}"
    before = _total(client, url)
    with django_assert_max_num_queries(30) as counted:
        assert _total(client, url) == before
    assert not any("COUNT(" in query["sql"] for query in counted.captured_queries)

    new = SpacePage(title="Atelier vidéo", slug="atelier-video", locale=site_tree.sections["espaces"].locale)
    site_tree.sections["espaces"].add_child(instance=new)
    new.save_revision().publish()
    assert _total(client, url) == before + 1
    new.unpublish()
    assert _total(client, url) == before
