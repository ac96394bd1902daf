"""Admin: translation status report with filters, and the glossary translators consult."""

import pytest

from pages.models import GlossaryTerm
from pages.site_setup.skeleton import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_status_report_lists_every_french_page_with_its_state_and_counts(admin_client, site_tree):
    response = admin_client.get("/admin/translations/status/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('data-status="up_to_date"') >= 9
    assert f'data-page-id="{site_tree.space_fr.pk}"' in html


def test_status_report_filters_by_status(admin_client, site_tree, admin_user):
    site_tree.mission_fr.statement = "<p>Une mission reformulée.</p>"
    publish(site_tree.mission_fr, admin_user)
    html = admin_client.get("/admin/translations/status/?status=outdated&locale=en").content.decode()
    rows = [chunk for chunk in html.split("<tr ")[1:] if "data-page-id" in chunk]
    assert len(rows) == 1 and f'data-page-id="{site_tree.mission_fr.pk}"' in rows[0]
    assert "depuis le" in rows[0]


def test_status_report_filters_by_page_type(admin_client, site_tree):
    html = admin_client.get("/admin/translations/status/?page_type=pages.spacepage").content.decode()
    assert html.count("data-page-id=") == 1


def test_status_report_needs_an_admin_login(client, site_tree):
    response = client.get("/admin/translations/status/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_glossary_is_listed_in_the_admin_for_translators(admin_client, site_tree):
    GlossaryTerm.objects.create(source_term="découpeuse laser", target_locale=site_tree.en, target_term="laser cutter")
    response = admin_client.get("/admin/snippets/pages/glossaryterm/")
    assert response.status_code == 200
    assert "découpeuse laser" in response.content.decode() and "laser cutter" in response.content.decode()


def test_exported_po_files_show_glossary_terms_to_translators(site_tree, tmp_path):
    from pages.translation.po import export_pos

    GlossaryTerm.objects.create(source_term="studio", target_locale=site_tree.en, target_term="studio")
    GlossaryTerm.objects.create(source_term="micros", target_locale=site_tree.en, target_term="microphones")
    export_pos(site_tree.en, tmp_path)
    text = next(tmp_path.glob(f"{site_tree.space_fr.pk}-*.po")).read_text(encoding="utf-8")
    assert "#. Glossaire : micros → microphones" in text
