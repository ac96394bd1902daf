"""One shape for every image and every choice in the API, v2 and v3 alike; /api/v3/ names its docs."""

from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

IMAGE_KEYS = {"id", "title", "url", "full_url", "width", "height", "alt"}


def _images(value):
    """Every image dict found in an API answer (a dict with a rendition size and an alt)."""
    if isinstance(value, dict):
        if {"width", "height", "alt"} <= set(value):
            yield value
        for child in value.values():
            yield from _images(child)
    elif isinstance(value, list):
        for child in value:
            yield from _images(child)


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_every_image_of_a_page_has_the_same_keys_and_its_written_alt_text(client, site_tree, version):
    space = client.get(f"/api/{version}/pages/{site_tree.space_en.pk}/").json()
    images = list(_images(space))
    assert len(images) >= 2, "the hero image and the gallery"
    for image in images:
        assert set(image) == IMAGE_KEYS, image
        assert image["url"].startswith("http") and image["full_url"] == image["url"]
    # The hero's alt is the page's description of it, not the image's title.
    assert space["hero_image"]["alt"] == site_tree.space_en.hero_image_alt
    assert space["hero_image"]["alt"] != space["hero_image"]["title"]
    assert space["hero_image_alt"] == site_tree.space_en.hero_image_alt  # kept for v2 clients
    gallery = space["gallery"][0]["value"]["image"]
    assert gallery["alt"] == "A close-up of the mixing console."


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize(("language", "category", "level", "status"), [
    ("fr", "Impression 3D", "Débutant", "En service"),
    ("en", "3D printing", "Beginner", "In service"),
])
def test_choices_come_with_their_label_in_the_readers_language(client, site_tree, version, language,
                                                               category, level, status):
    guide = site_tree.guide_en  # an English page read by a French reader still gets French labels
    detail = client.get(f"/api/{version}/pages/{guide.pk}/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert (detail["category"], detail["category_label"]) == (guide.category, category)
    assert (detail["skill_level"], detail["skill_level_label"]) == (guide.skill_level, level)
    assert (detail["service_status"], detail["service_status_label"]) == (guide.service_status, status)


def test_a_listing_gives_the_labels_too(client, site_tree):
    items = client.get("/api/v2/pages/?type=pages.SpacePage&locale=fr&fields=service_status,service_status_label",
                       HTTP_ACCEPT_LANGUAGE="en").json()["items"]
    space = next(item for item in items if item["id"] == site_tree.space_fr.pk)
    assert space["service_status"] == "partial"
    assert space["service_status_label"] != "partial" and space["service_status_label"]


def test_the_v3_root_links_to_its_docs_and_schema(client):
    response = client.get("/api/v3/")
    assert response.status_code == 200
    links = response.json()["links"]
    assert links["docs"].endswith("/api/v3/docs/")
    assert links["openapi"].endswith("/api/v3/openapi.json")
    assert client.get(urlsplit(links["openapi"]).path).status_code == 200


def test_the_v3_root_names_no_docs_when_they_are_off(client, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    links = client.get("/api/v3/").json()["links"]
    assert "docs" not in links and "openapi" not in links
    assert links["pages"].endswith("/api/v3/pages/")


def test_the_v3_schema_types_the_image_and_the_labels(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    assert set(schemas["ApiImage"]["properties"]) == IMAGE_KEYS
    assert "category_label" in schemas["ToolGuidePageSchema"]["properties"]


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_a_sections_card_image_has_the_same_keys_and_its_written_alt_text(client, site_tree, version):
    from wagtail.images import get_image_model

    section = site_tree.sections["espaces"]
    section.card_image = get_image_model().objects.first()
    section.card_image_alt = "Des étudiantes au studio de balado."
    section.save_revision().publish()
    card = client.get(f"/api/{version}/pages/{section.pk}/").json()["card_image"]
    assert set(card) == IMAGE_KEYS
    assert card["alt"] == "Des étudiantes au studio de balado."
