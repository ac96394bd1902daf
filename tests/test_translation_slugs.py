"""The English address follows the translated title; an old English address redirects (301)."""

from wagtail.contrib.redirects.models import Redirect
from wagtail_localize.models import StringSegment, StringTranslation

import pytest

from pages.translation.drafts import ensure_translation, save_translation_draft
from pages.translation.po import sync_source

from .translation_helpers import add_french_guide

pytestmark = pytest.mark.django_db


def _translate(translation, path, text, translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL):
    """What the translation editor does when a translator types a segment (a manual translation)."""
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale,
        defaults={"data": text, "translation_type": translation_type, "tool_name": ""},
    )


def _publish(translation, user):
    save_translation_draft(translation, user=user).publish(user=user)
    return translation.get_target_instance()


@pytest.fixture
def laser(site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser Epilog",
                            slug="decoupeuse-laser-epilog")
    return page, ensure_translation(page, site_tree.en)


def test_the_english_page_is_at_the_slug_of_its_translated_title(client, site_tree, admin_user, laser):
    _page, translation = laser
    _translate(translation, "title", "Epilog laser cutter")
    english = _publish(translation, admin_user)
    assert english.slug == "epilog-laser-cutter"
    assert client.get("/en/creative/epilog-laser-cutter/").status_code == 200
    assert client.get("/en/creative/decoupeuse-laser-epilog/").status_code != 200


def test_a_new_title_on_a_live_english_page_moves_it_and_the_old_address_redirects_permanently(
        client, site_tree, admin_user, laser, django_capture_on_commit_callbacks):
    _page, translation = laser
    _translate(translation, "title", "Laser cutter")
    english = _publish(translation, admin_user)
    assert english.url == "/en/creative/laser-cutter/"

    _translate(translation, "title", "Epilog laser cutter")
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail sends page_slug_changed on commit
        english = _publish(translation, admin_user)
    assert english.url == "/en/creative/epilog-laser-cutter/"
    response = client.get("/en/creative/laser-cutter/")
    assert response.status_code == 301
    assert response["Location"].endswith("/en/creative/epilog-laser-cutter/")
    assert Redirect.objects.filter(redirect_page=english).exists()


def test_a_slug_typed_by_the_translator_is_kept_across_title_changes_and_syncs(client, site_tree, admin_user, laser):
    page, translation = laser
    _translate(translation, "slug", "laser-cutter")
    _translate(translation, "title", "Epilog laser cutter")
    assert _publish(translation, admin_user).slug == "laser-cutter"

    page.summary = "Découper et graver le bois, le carton et l’acrylique."
    page.save_revision(user=admin_user).publish(user=admin_user)
    translation = sync_source(translation)
    _translate(translation, "title", "The Epilog laser cutter")
    assert _publish(translation, admin_user).slug == "laser-cutter"
    assert client.get("/en/creative/laser-cutter/").status_code == 200


def test_a_machine_translated_slug_gives_way_to_the_translated_title(site_tree, admin_user, laser):
    _page, translation = laser
    _translate(translation, "slug", "epilog-laser-decoupeuse", StringTranslation.TRANSLATION_TYPE_MACHINE)
    _translate(translation, "title", "Epilog laser cutter")
    assert _publish(translation, admin_user).slug == "epilog-laser-cutter"


def test_the_slug_stays_unique_among_its_english_siblings(site_tree, admin_user, laser):
    _page, translation = laser
    taken = site_tree.guide_en.slug
    _translate(translation, "title", taken.replace("-", " ").title())  # "Bambu 3D Printer"
    english = _publish(translation, admin_user)
    assert english.get_parent().pk == site_tree.guide_en.get_parent().pk
    assert english.slug == f"{taken}-1"


def test_without_a_translated_title_the_french_slug_stays(site_tree, admin_user, laser):
    _page, translation = laser
    assert _publish(translation, admin_user).slug == "decoupeuse-laser-epilog"
