"""The number of SQL queries per page view and per API listing does not grow with the content."""

import copy
import uuid

from wagtail.images.models import Image

import pytest

from pages.models import SpacePage

pytestmark = pytest.mark.django_db


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _add_spaces(parent, count, template):
    """`count` published spaces under `parent`, each a copy of the demo space (images, blocks)."""
    for index in range(count):
        page = SpacePage(
            title=f"Espace {index}", slug=f"espace-{uuid.uuid4().hex[:8]}", summary="Un espace.",
            hero_image=template.hero_image, hero_image_alt="Photo", locale=parent.locale,
            gallery=copy.deepcopy(template.gallery.raw_data), body=copy.deepcopy(template.body.raw_data),
        )
        parent.add_child(instance=page)
        page.save_revision().publish()


def _long_body(count):
    image = Image.objects.first()
    blocks = []
    for index in range(count):
        blocks.append(_block("heading", {"text": f"Partie {index}", "level": "h2", "anchor": ""}))
        blocks.append(_block("paragraph", f"<p>Paragraphe {index}.</p>"))
        blocks.append(_block("image", {"image": image.pk, "alt": f"Image {index}", "decorative": False,
                                       "caption": "", "credit": ""}))
    return blocks


def _count(django_assert_max_num_queries, client, url, limit=1000):
    with django_assert_max_num_queries(limit) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture
def section(site_tree):
    return site_tree.sections["espaces"]


SCENARIOS = {
    "section page": lambda tree, section: section.url,
    "api listing": lambda tree, section: f"/api/v2/pages/?child_of={section.pk}&limit=100",
    "api typed listing": lambda tree, section: f"/api/v2/pages/?type=pages.SpacePage&child_of={section.pk}&fields=*&limit=100",
    "api v3 listing": lambda tree, section: f"/api/v3/pages/?child_of={section.pk}&limit=100",
}


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_queries_do_not_grow_with_the_number_of_pages(client, site_tree, section, settings, django_assert_max_num_queries, scenario):
    settings.PAGE_CACHE_TIMEOUT = 0
    url = SCENARIOS[scenario]
    _add_spaces(section, 9, site_tree.space_fr)
    at_10 = _count(django_assert_max_num_queries, client, url(site_tree, section))
    _add_spaces(section, 190, site_tree.space_fr)
    _count(django_assert_max_num_queries, client, url(site_tree, section), limit=at_10)


@pytest.mark.parametrize("view", ["page", "api detail"])
def test_queries_do_not_grow_with_the_number_of_blocks(client, site_tree, settings, django_assert_max_num_queries, view):
    settings.PAGE_CACHE_TIMEOUT = 0
    space = site_tree.space_fr
    url = space.url if view == "page" else f"/api/v2/pages/{space.pk}/"
    space.body = _long_body(4)
    space.save_revision().publish()
    at_10 = _count(django_assert_max_num_queries, client, url)
    space.body = _long_body(70)
    space.save_revision().publish()
    _count(django_assert_max_num_queries, client, url, limit=at_10)


# Queries of one uncached view of each demo page, every cache emptied first (the first reader after
# a publish). The bounds are today's counts: a change that adds a query to a page type fails here.
# The goal is 15 per page (bench/render_cost.py measures the same views against a stock Wagtail).
# English pages pay for their translation notices (is the translation behind its French page?).
# The home page's rows (cards, spaces, sections) read their pages and pictures once per row.
QUERY_BUDGETS = {
    "home_fr": 35, "home_en": 41,
    "section": 14, "space_fr": 16, "space_en": 22, "guide_fr": 14, "guide_en": 21, "mission_fr": 12,
    "api v2 detail": 18, "api v3 detail": 20, "api v2 listing": 13,
}


def _budget_url(tree, name):
    pages = {"home_fr": tree.home_fr, "home_en": tree.home_en, "section": tree.sections["espaces"],
             "space_fr": tree.space_fr, "space_en": tree.space_en, "guide_fr": tree.guide_fr,
             "guide_en": tree.guide_en, "mission_fr": tree.mission_fr}
    if name in pages:
        return pages[name].url + "?uncached=1"  # a query string keeps the page cache out of the way
    return {"api v2 detail": f"/api/v2/pages/{tree.guide_fr.pk}/",
            "api v3 detail": f"/api/v3/pages/{tree.guide_fr.pk}/",
            "api v2 listing": "/api/v2/pages/?type=pages.SpacePage&fields=*&limit=20"}[name]


@pytest.mark.parametrize("name", QUERY_BUDGETS)
def test_an_uncached_view_stays_within_its_query_budget(client, site_tree, django_assert_max_num_queries, name):
    from django.core.cache import caches

    url = _budget_url(site_tree, name)
    assert client.get(url).status_code == 200  # what a process pays once (content types, templates)
    for cache in caches.all():
        cache.clear()
    count = _count(django_assert_max_num_queries, client, url)
    assert count <= QUERY_BUDGETS[name], f"{name}: {count} queries, budget {QUERY_BUDGETS[name]}"


# The same views for the next reader, with the site-wide facts in the cache (the host's site and
# root page, languages, home pages, header sections, restricted paths), each page's translations and
# section tree too, and the HTML cache still kept out.
WARM_QUERY_BUDGETS = {
    "home_fr": 26, "home_en": 32, "section": 4, "space_fr": 4, "space_en": 10, "guide_fr": 3, "guide_en": 10,
    "mission_fr": 2, "api v2 detail": 10, "api v3 detail": 14, "api v2 listing": 3,
}


@pytest.mark.parametrize("name", WARM_QUERY_BUDGETS)
def test_a_warm_uncached_view_stays_within_its_query_budget(client, site_tree, django_assert_max_num_queries, name):
    url = _budget_url(site_tree, name)
    assert client.get(url).status_code == 200  # fills the caches as the first reader does
    count = _count(django_assert_max_num_queries, client, url)
    assert count <= WARM_QUERY_BUDGETS[name], f"{name}: {count} queries, budget {WARM_QUERY_BUDGETS[name]}"
