"""The catalogues in the API: live entries, in one language or all, with the page's filters."""

import pytest

from .catalogue_helpers import add_software, add_source, translate_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(site_tree, admin_user):
    audacity = add_software(admin_user, name="Audacity", category="Création et édition", free_licence=True,
                            libraries="Musique\nLettres et sciences humaines", guide_page=site_tree.guide_fr)
    add_software(admin_user, name="Excel", category="Bureautique", remote_access=True, libraries="Santé")
    add_software(admin_user, name="Brouillon", category="Bureautique", publish=False)
    translate_entry(audacity, admin_user, category="Creation and editing", libraries="Music")
    return audacity


def names(response):
    assert response.status_code == 200, response.content
    return [(item["name"], item["meta"]["locale"]) for item in response.json()["items"]]


def test_the_api_lists_the_live_software_of_both_languages(client, entries):
    assert names(client.get("/api/v2/software/")) == [("Audacity", "en"), ("Audacity", "fr"), ("Excel", "fr")]


@pytest.mark.parametrize(("query", "expected"), [
    ({"locale": "fr"}, [("Audacity", "fr"), ("Excel", "fr")]),
    ({"locale": "en"}, [("Audacity", "en"), ("Excel", "fr")]),
    ({"locale": "fr", "category": "Bureautique"}, [("Excel", "fr")]),
    ({"locale": "en", "category": "Creation and editing"}, [("Audacity", "en")]),
    ({"locale": "fr", "free": "true"}, [("Audacity", "fr")]),
    ({"locale": "fr", "remote": "true"}, [("Excel", "fr")]),
    ({"locale": "fr", "free": "false"}, [("Excel", "fr")]),
    ({"locale": "en", "library": "Music"}, [("Audacity", "en")]),
    ({"library": "Musique"}, [("Audacity", "fr")]),
])
def test_the_api_filters_like_the_catalogue_page(client, entries, query, expected):
    assert names(client.get("/api/v2/software/", query)) == expected


def test_an_entry_in_the_api_has_its_facts_and_its_guide_in_its_language(client, entries, site_tree):
    item = next(i for i in client.get("/api/v2/software/", {"locale": "en"}).json()["items"]
                if i["name"] == "Audacity")
    detail = client.get(item["meta"]["detail_url"].replace("http://localhost", "")).json()
    assert detail["category"] == "Creation and editing"
    assert detail["free_licence"] is True and detail["remote_access"] is False
    assert detail["library_list"] == ["Music"]
    assert detail["guide_href"] == site_tree.guide_en.url
    assert detail["meta"]["key"] == "audacity"


def test_drafts_are_not_in_the_api(client, entries):
    from pages.catalogues.models import Software

    draft = Software.objects.get(key="brouillon")
    assert client.get(f"/api/v2/software/{draft.pk}/").status_code == 404


def test_an_unknown_language_or_parameter_is_the_clients_mistake(client, entries):
    assert client.get("/api/v2/software/", {"locale": "de"}).status_code == 400
    assert client.get("/api/v2/software/", {"colour": "red"}).status_code == 400


def test_the_3d_model_sources_are_in_the_api(client, site_tree, admin_user):
    add_source(admin_user, name="Thingiverse", url="https://www.thingiverse.com/", kind="Dépôt", pricing="free")
    items = client.get("/api/v2/model_sources/", {"locale": "fr"}).json()["items"]
    assert [(i["name"], i["url"], i["kind"], i["pricing"]) for i in items] == [
        ("Thingiverse", "https://www.thingiverse.com/", "Dépôt", "free")]


def test_a_page_placing_a_catalogue_tells_api_clients_where_its_entries_are(client, entries, site_tree, admin_user):
    from .catalogue_helpers import place_catalogue

    page = place_catalogue(site_tree.guide_fr, admin_user)
    body = client.get(f"/api/v2/pages/{page.pk}/").json()["body"]
    assert body[-1]["type"] == "catalogue"
    assert body[-1]["value"] == {"catalogue": "software", "title": "Logiciels", "url": "/api/v2/software/"}
