"""The host's site and its root page come from the cache on a page-cache miss, and never stale."""

from wagtail.models import Locale, Site

import pytest

pytestmark = pytest.mark.django_db


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_published_home_shows_at_once_though_its_site_is_cached(client, site_tree):
    home = site_tree.home_fr
    url = home.url + "?uncached=1"  # past the HTML cache: what the site cache gives is what is served
    _get(client, url)
    home.intro = "<p>Bienvenue dans les studios rénovés.</p>"
    home.save_revision().publish()
    assert "Bienvenue dans les studios rénovés." in _get(client, url)


def test_a_saved_site_is_read_again(client, site_tree, django_assert_max_num_queries):
    url = site_tree.guide_fr.url + "?uncached=1"
    _get(client, url)
    with django_assert_max_num_queries(100) as warm:
        _get(client, url)
    site = Site.objects.get(is_default_site=True)
    site.site_name = "studio·bib (essai)"
    site.save()
    with django_assert_max_num_queries(100) as after_save:
        _get(client, url)
    sites_read = [q["sql"] for q in after_save.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]
    assert sites_read and not [q for q in warm.captured_queries if 'FROM "wagtailcore_site"' in q["sql"]]


def test_the_english_home_routes_from_the_cached_site_in_its_own_language(client, site_tree):
    _get(client, site_tree.home_fr.url + "?uncached=1")
    html = _get(client, site_tree.guide_en.url + "?uncached=1")
    assert '<html lang="en">' in html and site_tree.guide_en.title in html



def test_the_next_reader_reads_no_language_row_and_a_changed_language_is_read_again(client, site_tree,
                                                                                   django_assert_max_num_queries):
    url = site_tree.guide_en.url + "?uncached=1"
    _get(client, url)
    with django_assert_max_num_queries(100) as warm:
        _get(client, url)
    assert not [q for q in warm.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    Locale.objects.create(language_code="de")  # a language added in the admin
    with django_assert_max_num_queries(100) as after:
        html = _get(client, url)
    assert [q for q in after.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    assert site_tree.guide_en.title in html
