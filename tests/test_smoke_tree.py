import pytest

pytestmark = pytest.mark.django_db


def test_demo_site_has_every_page_type_published_in_both_languages(site_tree):
    for page in (site_tree.space_fr, site_tree.space_en, site_tree.guide_fr, site_tree.guide_en,
                 site_tree.mission_fr, site_tree.mission_en):
        assert page.live
    assert site_tree.space_en.title == "Podcast studio"
    assert site_tree.space_en.locale == site_tree.en
