"""Page links chosen in blocks (a guide's spaces, a space's tools, cards) are read as links."""

import pytest

from pages.blocks import LinkedPageBlock
from pages.models import SpacePage

pytestmark = pytest.mark.django_db


def test_linked_pages_come_in_order_with_a_copy_for_a_repeated_one_and_none_for_a_missing_one(site_tree):
    space = site_tree.space_fr
    block = LinkedPageBlock(page_type="pages.SpacePage")
    first, missing, again = block.bulk_to_python([space.pk, 999999, space.pk])
    assert (first.pk, missing, again.pk) == (space.pk, None, space.pk)
    assert first is not again


def test_a_linked_page_leaves_its_streamfields_unread_until_asked(site_tree, django_assert_num_queries):
    space = site_tree.space_fr
    (linked,) = LinkedPageBlock(page_type="pages.SpacePage").bulk_to_python([space.pk])
    assert {"body", "gallery", "equipment"} <= linked.get_deferred_fields()
    with django_assert_num_queries(0):
        assert (linked.title, linked.url_path, linked.live) == (space.title, space.url_path, space.live)
    expected = [block.block_type for block in SpacePage.objects.get(pk=space.pk).body]
    with django_assert_num_queries(1):
        body = linked.body
    assert [block.block_type for block in body] == expected


def test_a_guide_links_its_spaces_and_the_api_gives_them(client, site_tree):
    guide = site_tree.guide_fr
    spaces = [block.value for block in guide.related_spaces]
    assert spaces, "the demo guide names the spaces where its tool is"
    html = client.get(guide.url + "?uncached=1").content.decode()
    for space in spaces:
        assert f'<a href="{space.url}">{space.title}</a>' in html
    api = client.get(f"/api/v2/pages/{guide.pk}/").json()["related_spaces"]
    assert [item["value"]["id"] for item in api] == [space.pk for space in spaces]
