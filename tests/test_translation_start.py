"""A translator starts the English version of a new French page from the status report, alone."""

from django.urls import reverse

import pytest

from pages.review.workflows import EDITORS, TRANSLATORS

from .translation_helpers import add_french_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_guide(site_tree, admin_user):
    return add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser Epilog",
                            slug="decoupeuse-laser-epilog", summary="Graver et découper le bois.")


def _row(html, page):
    return next(chunk for chunk in html.split("<tr ")[1:] if f'data-page-id="{page.pk}"' in chunk)


def test_the_report_offers_the_translator_to_start_a_missing_translation(client, role_users, new_guide):
    client.force_login(role_users[TRANSLATORS])
    row = _row(client.get(reverse("translation_status")).content.decode(), new_guide)
    assert 'data-status="missing"' in row
    assert "Commencer la traduction" in row and "Pré-traduire automatiquement" in row


def test_the_report_offers_nothing_to_an_editor(client, role_users, new_guide):
    client.force_login(role_users[EDITORS])
    row = _row(client.get(reverse("translation_status")).content.decode(), new_guide)
    assert "Commencer la traduction" not in row and "Pré-traduire" not in row


def test_starting_creates_an_english_draft_and_opens_its_editor(client, site_tree, role_users, new_guide):
    client.force_login(role_users[TRANSLATORS])
    url = reverse("translation_start", args=[new_guide.pk, "en"])
    assert client.get(url).status_code == 405
    assert new_guide.get_translation_or_none(site_tree.en) is None, "a GET changes nothing"

    response = client.post(url, follow=True)
    english = new_guide.get_translation(site_tree.en)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:edit", args=[english.pk])
    assert response.status_code == 200 and "js-translation-editor" in response.content.decode()
    assert not english.live and english.get_parent().pk == site_tree.sections["creatives"].get_translation(site_tree.en).pk
    assert client.get("/en/creative/decoupeuse-laser-epilog/").status_code != 200 or (
        "Graver" not in client.get("/en/creative/decoupeuse-laser-epilog/").content.decode())
    html = client.get(reverse("translation_status")).content.decode()
    assert 'data-status="in_progress"' in _row(html, new_guide)


def test_the_translator_pre_translates_a_missing_page_into_a_draft(client, site_tree, role_users, new_guide):
    client.force_login(role_users[TRANSLATORS])
    response = client.post(reverse("translation_machine_draft", args=[new_guide.pk, "en"]), follow=True)
    assert "autorisations" not in response.content.decode()
    english = new_guide.get_translation(site_tree.en).specific
    assert not english.live
    assert english.get_latest_revision_as_object().summary == "[EN] Graver et découper le bois."


def test_a_page_whose_parent_is_not_translated_says_so(client, site_tree, role_users, admin_user):
    from pages.models import SectionPage

    section = SectionPage(title="Ateliers", slug="ateliers", locale=site_tree.fr)
    site_tree.home_fr.add_child(instance=section)
    section.save_revision(user=admin_user).publish()
    child = add_french_guide(section, admin_user, title="Tour à bois", slug="tour-a-bois")
    client.force_login(role_users[TRANSLATORS])
    response = client.post(reverse("translation_start", args=[child.pk, "en"]), follow=True)
    assert "Traduisez d&#x27;abord la page parente « Ateliers »" in response.content.decode()
    assert child.get_translation_or_none(site_tree.en) is None
