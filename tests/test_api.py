"""The API v2 contract that other front ends rely on."""

import pytest

pytestmark = pytest.mark.django_db

SPACE_FIELDS = {
    "summary", "hero_image", "hero_image_alt", "building", "room", "capacity", "access_mode", "booking_url",
    "opening_hours", "equipment", "contact_name", "contact_email", "contact_phone", "gallery", "body",
    "service_status", "status_note", "status_since", "verified_on",
}
GUIDE_FIELDS = {
    "summary", "hero_image", "hero_image_alt", "category", "skill_level", "duration_minutes", "prerequisites",
    "required_training", "safety", "protective_equipment", "materials", "related_spaces", "steps",
    "specifications", "downloads", "videos", "body", "service_status", "status_note", "status_since", "verified_on",
}
MISSION_FIELDS = {"statement", "objectives", "body", "verified_on"}
INTERNAL_FIELDS = {"source_path", "source_hash", "source_metadata", "source_revision"}


def _items(client, query):
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_the_english_demo_space_comes_with_typed_fields_and_image_renditions(client, site_tree):
    items = _items(client, "type=pages.SpacePage&locale=en&fields=*")
    assert [item["id"] for item in items] == [site_tree.space_en.pk]
    space = items[0]
    assert set(space) >= SPACE_FIELDS
    assert not INTERNAL_FIELDS & set(space)
    assert space["meta"]["locale"] == "en"
    assert space["capacity"] == 4
    assert space["service_status"] == "partial"
    assert space["hero_image"]["url"].endswith(".png")
    assert space["hero_image"]["width"] == 1200
    assert space["hero_image_alt"].startswith("Four microphones")
    gallery_image = space["gallery"][0]["value"]["image"]
    assert gallery_image["alt"] == "A close-up of the mixing console."
    assert gallery_image["url"].startswith("http")


@pytest.mark.parametrize(
    ("model", "expected", "attr"),
    [("pages.ToolGuidePage", GUIDE_FIELDS, "guide_fr"), ("pages.MissionPage", MISSION_FIELDS, "mission_fr")],
)
def test_each_page_type_exposes_its_public_fields_and_no_internal_one(client, site_tree, model, expected, attr):
    items = _items(client, f"type={model}&locale=fr&fields=*")
    assert [item["id"] for item in items] == [getattr(site_tree, attr).pk]
    assert expected <= set(items[0])
    assert not INTERNAL_FIELDS & set(items[0])


def test_streamfield_blocks_come_as_typed_json(client, site_tree):
    detail = client.get(f"/api/v2/pages/{site_tree.space_fr.pk}/").json()
    body = {block["type"]: block["value"] for block in detail["body"]}
    assert body["heading"] == {"text": "Avant votre séance", "level": "h2", "anchor": "avant-votre-seance"}
    assert body["callout"]["kind"] == "tip"
    assert body["table"]["rows"][0] == ["Format", "Usage"]
    assert body["document"]["document"]["url"].startswith("/documents/")
    assert body["document"]["label"] == "Plan du studio (PDF)"
    guide = client.get(f"/api/v2/pages/{site_tree.guide_en.pk}/").json()
    assert guide["related_spaces"][0]["value"] == {
        "id": site_tree.space_en.pk, "title": "Podcast studio", "url": site_tree.space_en.url, "type": "pages.SpacePage",
    }


def test_translation_of_returns_the_other_language_copy(client, site_tree):
    items = _items(client, f"translation_of={site_tree.space_fr.pk}")
    assert [item["id"] for item in items] == [site_tree.space_en.pk]


def test_child_of_lists_the_children_of_a_section(client, site_tree):
    items = _items(client, f"child_of={site_tree.sections['espaces'].pk}")
    assert [item["id"] for item in items] == [site_tree.space_fr.pk]


def test_locale_filter_keeps_only_that_language(client, site_tree):
    items = _items(client, "locale=en&limit=100")
    assert items and {item["meta"]["locale"] for item in items} == {"en"}


@pytest.mark.parametrize("prefix", ["en", "fr"])
def test_find_by_html_path_understands_the_language_prefix(client, site_tree, prefix):
    page = site_tree.space_en if prefix == "en" else site_tree.space_fr
    response = client.get(f"/api/v2/pages/find/?html_path={page.url}")
    assert response.status_code == 302
    assert response["Location"].split("?")[0].endswith(f"/api/v2/pages/{page.pk}/")


def test_find_by_an_unknown_path_is_a_json_404(client, site_tree):
    response = client.get("/api/v2/pages/find/?html_path=/en/nowhere/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")


def test_an_unknown_page_id_is_a_json_404_not_a_redirect_to_the_french_site(client, site_tree):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "No Page matches the given query."}


def test_images_endpoint_lists_uploaded_images(client, site_tree):
    response = client.get("/api/v2/images/")
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 3
