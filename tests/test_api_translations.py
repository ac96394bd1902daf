"""API: each page gives its locale and its translations (language → id, URL, status)."""

import pytest

from pages.site_setup.skeleton import publish

from .translation_helpers import add_french_guide

pytestmark = pytest.mark.django_db


def _detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def test_french_page_gives_its_locale_and_its_english_translation(client, site_tree):
    data = _detail(client, site_tree.space_fr)
    assert data["meta"]["locale"] == "fr"
    assert data["translations"]["fr"] == {
        "id": site_tree.space_fr.pk, "url": site_tree.space_fr.get_full_url(), "status": "source"}
    assert data["translations"]["en"] == {
        "id": site_tree.space_en.pk, "url": site_tree.space_en.get_full_url(), "status": "up_to_date"}


def test_english_page_gives_its_locale_and_points_to_the_french_source(client, site_tree):
    data = _detail(client, site_tree.space_en)
    assert data["meta"]["locale"] == "en"
    assert data["translations"]["fr"]["id"] == site_tree.space_fr.pk
    assert data["translations"]["fr"]["status"] == "source"
    assert data["translations"]["en"]["status"] == "up_to_date"


def test_translation_status_in_the_api_follows_french_edits(client, site_tree, admin_user):
    site_tree.guide_fr.summary = "Imprimer une pièce en 3D, du fichier à l'objet fini, en une heure."
    publish(site_tree.guide_fr, admin_user)
    assert _detail(client, site_tree.guide_fr)["translations"]["en"]["status"] == "outdated"
    assert _detail(client, site_tree.guide_en)["translations"]["en"]["status"] == "outdated"


def test_page_without_translation_has_no_english_id_or_url(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user)
    assert _detail(client, page)["translations"]["en"] == {"id": None, "url": None, "status": "missing"}


@pytest.mark.parametrize("page_name", ["home_fr", "mission_fr", "space_fr", "guide_fr"])
def test_every_page_type_has_the_translations_field(client, site_tree, page_name):
    assert set(_detail(client, getattr(site_tree, page_name))["translations"]) == {"fr", "en"}


def test_listings_stay_light_and_leave_the_map_to_the_detail_view(client, site_tree):
    response = client.get("/api/v2/pages/?type=pages.SpacePage&locale=fr&fields=translations")
    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["translations"] is None
