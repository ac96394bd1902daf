"""Which page type may go where: what an editor sees in "Add child page"."""

from wagtail.models import Page

import pytest

from home.models import HomePage
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("child", "parent_key", "allowed"),
    [
        (SectionPage, "home_fr", True),
        (SpacePage, "home_fr", True),
        (MissionPage, "home_fr", True),
        (ToolGuidePage, "space_fr", True),
        (SpacePage, "guide_fr", False),
        (SectionPage, "guide_fr", False),
        (ToolGuidePage, "mission_fr", False),
        (MissionPage, "space_fr", False),
        (HomePage, "home_fr", False),
    ],
)
def test_page_types_can_only_be_added_where_they_make_sense(site_tree, child, parent_key, allowed):
    parent = getattr(site_tree, parent_key)
    assert child.can_create_at(parent) is allowed


def test_a_home_page_can_only_sit_at_the_root_of_the_tree(site_tree):
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert not HomePage.can_create_at(site_tree.sections["espaces"])


def test_sections_accept_every_content_type(site_tree):
    section = site_tree.sections["espaces"]
    allowed = set(section.specific_class.allowed_subpage_models())
    assert {SectionPage, MissionPage, SpacePage, ToolGuidePage} <= allowed


def test_the_french_tree_has_the_five_sections_in_order(site_tree):
    slugs = [p.slug for p in site_tree.home_fr.get_children()]
    assert slugs == ["espaces", "creatives", "informatique", "medias", "a-propos"]
    english = [p.slug for p in site_tree.home_en.get_children()]
    assert english == ["spaces", "creative", "computing", "media", "about"]
