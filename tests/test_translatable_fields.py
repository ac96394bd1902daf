"""What is translated and what follows the French page, for every page type, stated explicitly."""

from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

import pytest

from home.models import HomePage
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

from .translation_helpers import add_french_guide, every_block_body

T = "translated"
S = "synchronised"
S_FIXED = "synchronised, not overridable"

PAGE_FIELDS = {"title": T, "slug": T, "seo_title": T, "search_description": T, "show_in_menus": S}
REVIEW = {"verified_on": S_FIXED, "review_interval_days": S_FIXED}
SERVICE = {"service_status": S_FIXED, "status_note": T, "status_since": S_FIXED}

EXPECTED = {
    HomePage: {**PAGE_FIELDS, **REVIEW, "intro": T, "hero_image": S_FIXED, "hero_image_alt": T, "body": T},
    SectionPage: {**PAGE_FIELDS, **REVIEW, "intro": T, "body": T, "show_child_cards": S_FIXED, "summary": T,
                  "card_image": S_FIXED, "card_image_alt": T},
    MissionPage: {**PAGE_FIELDS, **REVIEW, "statement": T, "objectives": T, "body": T},
    SpacePage: {
        **PAGE_FIELDS, **REVIEW, **SERVICE,
        "summary": T, "hero_image": S_FIXED, "hero_image_alt": T, "building": T, "room": T,
        "capacity": S_FIXED, "access_mode": S_FIXED, "booking_url": S, "opening_hours": T, "equipment": T,
        "contact_name": T, "contact_email": S_FIXED, "contact_phone": S_FIXED, "gallery": T, "body": T,
    },
    ToolGuidePage: {
        **PAGE_FIELDS, **REVIEW, **SERVICE,
        "summary": T, "hero_image": S_FIXED, "hero_image_alt": T, "category": S_FIXED, "skill_level": S_FIXED,
        "duration_minutes": S_FIXED, "prerequisites": T, "required_training": T, "safety": T,
        "protective_equipment": T, "materials": T, "related_spaces": T, "steps": T, "specifications": T,
        "downloads": T, "videos": T, "body": T,
    },
}


def _kind(field):
    if isinstance(field, SynchronizedField):
        return S if field.overridable else S_FIXED
    return T


@pytest.mark.parametrize("model", list(EXPECTED), ids=lambda m: m.__name__)
def test_each_page_type_translates_and_synchronises_exactly_the_expected_fields(model):
    actual = {field.field_name: _kind(field) for field in get_translatable_fields(model)}
    assert actual == EXPECTED[model]


@pytest.mark.django_db
def test_alt_texts_and_captions_are_segments_while_code_and_live_data_parameters_are_not(site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, body=every_block_body(site_tree.space_fr),
                            hero_image_alt="Une découpeuse laser")
    strings = {s.string.data for s in extract_segments(page) if isinstance(s, StringSegmentValue)}
    assert {"Une découpeuse laser", "Une buse vue de près", "La buse chauffante", "Le bouton vert allumé"} <= strings
    assert {"Plastique souple", "Windows", "Le studio"} <= strings, "list items (cells, tabs, cards) are segments"
    assert not any("G28" in s for s in strings), "code is copied as is"
    assert "imprimante-1" not in strings and "salle" not in strings, "live-data parameters are identifiers"


@pytest.mark.django_db
def test_gallery_and_step_alt_texts_of_the_demo_pages_are_translated(site_tree):
    assert site_tree.space_en.hero_image_alt == "Four microphones around a table in the podcast studio."
    assert site_tree.space_en.gallery[0].value["alt"] == "A close-up of the mixing console."
    assert site_tree.space_en.gallery[0].value["caption"] == "The RØDECaster console."
    assert site_tree.space_en.hero_image_id == site_tree.space_fr.hero_image_id
