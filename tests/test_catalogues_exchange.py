"""Editors export a catalogue to CSV and import it back: checked row by row by the admin form, all
rows or none, every error with its line; what is imported goes to review."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from pages.catalogues.models import Software
from pages.review.workflows import EDITORS, TRANSLATORS

from .catalogue_helpers import add_software

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(site_tree, admin_user):
    return [add_software(admin_user, name="Excel", category="Bureautique", remote_access=True,
                         libraries="Santé\nMusique", guide_page=site_tree.guide_fr),
            add_software(admin_user, name="Gimp", category="Création et édition", free_licence=True)]


def export(client):
    response = client.get(reverse("catalogue_export", args=["software"]), {"locale": "fr"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return response.content.decode()


def upload(client, text, locale="fr"):
    return client.post(reverse("catalogue_import", args=["software"]), {
        "file": SimpleUploadedFile("logiciels.csv", text.encode(), content_type="text/csv"), "locale": locale})


def test_an_editor_exports_the_catalogue_to_csv(client, role_users, entries, site_tree):
    client.force_login(role_users[EDITORS])
    rows = list(csv.DictReader(io.StringIO(export(client))))
    assert [r["name"] for r in rows] == ["Excel", "Gimp"]
    assert rows[0]["remote_access"] == "Oui" and rows[0]["free_licence"] == "Non"
    assert rows[0]["libraries"] == "Santé; Musique"
    assert rows[0]["guide_page"] == str(site_tree.guide_fr.pk)


def test_the_listing_offers_export_and_import(client, role_users, entries):
    client.force_login(role_users[EDITORS])
    html = client.get(reverse("wagtailsnippets_catalogues_software:list")).content.decode()
    assert reverse("catalogue_export", args=["software"]) in html
    assert reverse("catalogue_import", args=["software"]) in html


def test_an_edited_export_comes_back_as_changes_for_review(client, role_users, entries):
    client.force_login(role_users[EDITORS])
    text = export(client).replace("Bureautique", "Tableurs")
    text += "inkscape,Inkscape,Création et édition,Dessin vectoriel,Oui,Oui,Non,,,Musique; Santé\n"
    response = upload(client, text)
    assert response.status_code == 302, response.content.decode()[-3000:]
    excel = Software.objects.get(key="excel")
    assert excel.category == "Bureautique", "the live entry waits for review"
    assert excel.get_latest_revision_as_object().category == "Tableurs"
    assert excel.workflow_in_progress
    inkscape = Software.objects.get(key="inkscape")
    assert not inkscape.live and inkscape.workflow_in_progress
    assert inkscape.library_list == ["Musique", "Santé"] and inkscape.free_licence
    assert Software.objects.get(key="gimp").revisions.count() == 1, "an unchanged row is left alone"


def test_one_bad_row_and_nothing_is_imported_every_error_with_its_line(client, role_users, entries):
    client.force_login(role_users[EDITORS])
    text = export(client).replace("Bureautique", "Tableurs")
    text += "piege,Piège,Bureautique,x,Non,Non,Non,,javascript:alert(1),\n"
    text += "sans-nom,,Bureautique,x,Peut-être,Non,Non,,,\n"
    text += "court,Court\n"
    text += "excel,Excel encore,Bureautique,x,Non,Non,Non,,,\n"
    response = upload(client, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "rien n&#x27;a été importé" in html or "rien n'a été importé" in html
    for line in (4, 5, 6, 7):
        assert f"Ligne {line} :" in html
    assert "Ligne 4 : Adresse du guide : Saisissez une URL valide." in html
    assert "Oui ou Non attendu" in html
    assert Software.objects.count() == 2
    assert Software.objects.get(key="excel").revisions.count() == 1


def test_a_translator_may_not_import_and_a_file_that_is_not_csv_is_refused(client, role_users, entries):
    client.force_login(role_users[TRANSLATORS])
    refused = upload(client, "key,name,category,description,free_licence,download_allowed,remote_access,"
                             "guide_page,guide_url,libraries\nneuf,Neuf,Bureautique,,Non,Non,Non,,,\n")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # the admin's "permission denied"
    assert not Software.objects.filter(key="neuf").exists()
    client.force_login(role_users[EDITORS])
    response = client.post(reverse("catalogue_import", args=["software"]), {
        "file": SimpleUploadedFile("x.csv", b"\xff\xfe\x00binaire"), "locale": "fr"})
    assert "UTF-8" in response.content.decode()
    assert upload(client, "nom,categorie\nA,b\n").status_code == 200


def test_an_editor_imports_french_entries_only_as_in_the_entry_editor(client, role_users, entries):
    client.force_login(role_users[EDITORS])
    form = client.get(reverse("catalogue_import", args=["software"])).content.decode()
    assert 'value="fr"' in form and 'value="en"' not in form
    refused = upload(client, export(client), locale="en")
    assert refused.status_code == 200 and "Sélectionnez un choix valide" in refused.content.decode()
    assert not Software.objects.filter(locale__language_code="en").exists()
