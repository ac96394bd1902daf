"""The rendition look-up of image blocks and of the API: Wagtail's answer, for less work."""

from wagtail.images import get_image_model
from wagtail.images.shortcuts import get_rendition_or_not_found

import pytest

from pages.blocks.media import rendition_or_not_found, shared_filter

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(site_tree):
    return get_image_model().objects.first()


def _same(a, b):
    return (a.pk, a.url, a.width, a.height, a.filter_spec) == (b.pk, b.url, b.width, b.height, b.filter_spec)


def test_a_rendition_is_the_one_wagtail_gives_for_the_same_image_and_spec(image):
    assert _same(rendition_or_not_found(image, "fill-800x450"), get_rendition_or_not_found(image, "fill-800x450"))


def test_a_rendition_read_from_the_cache_is_not_written_back_and_costs_no_query(image, django_assert_num_queries):
    first = rendition_or_not_found(image, "fill-640x360")  # made (or read) once, then kept in the cache
    fresh = get_image_model().objects.get(pk=image.pk)
    writes = []
    cache = first.cache_backend
    original_set = cache.set
    cache.set = lambda *args, **kwargs: writes.append(args) or original_set(*args, **kwargs)
    try:
        with django_assert_num_queries(0):
            again = rendition_or_not_found(fresh, "fill-640x360")
    finally:
        cache.set = original_set
    assert _same(again, first)
    assert again.image is fresh  # its alt text and address come from the image it was asked for
    assert writes == []


def test_a_rendition_missing_from_the_cache_is_read_or_made_and_then_kept(image, django_assert_max_num_queries):
    from django.core.cache import caches

    made = rendition_or_not_found(image, "fill-320x180")
    for cache in caches.all():
        cache.clear()
    fresh = get_image_model().objects.get(pk=image.pk)
    again = rendition_or_not_found(fresh, "fill-320x180")  # from the database, and written to the cache
    assert _same(again, made)
    with django_assert_max_num_queries(0):
        assert _same(rendition_or_not_found(fresh, "fill-320x180"), made)


def test_renditions_prefetched_with_the_image_answer_without_the_cache(image, django_assert_num_queries):
    rendition_or_not_found(image, "fill-800x450")
    prefetched = get_image_model().objects.filter(pk=image.pk).prefetch_renditions("fill-800x450").get()
    with django_assert_num_queries(0):
        rendition = rendition_or_not_found(prefetched, "fill-800x450")
    assert rendition.image_id == image.pk


def test_a_lost_source_file_gives_the_broken_image_wagtail_gives(image, monkeypatch):
    from wagtail.images.models import SourceImageIOError

    def lost(*args, **kwargs):
        raise SourceImageIOError("gone")

    monkeypatch.setattr(type(image), "get_rendition", lost)
    assert rendition_or_not_found(image, "fill-123x45").url.endswith("not-found")


def test_one_filter_is_kept_per_spec():
    assert shared_filter("max-1200x1200") is shared_filter("max-1200x1200")
    assert shared_filter("max-1200x1200") is not shared_filter("fill-800x450")
