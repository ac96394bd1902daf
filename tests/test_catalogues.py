"""Software and 3D-model sources: translatable entries that editors write, reviewers publish, and
readers filter on the pages that list them, without JavaScript."""

from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import Workflow
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

import pytest

from pages.catalogues.models import ModelSource, Software
from pages.catalogues.signals import pages_listing_catalogues
from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS, WORKFLOW_NAME

from .catalogue_helpers import add_software, place_catalogue, translate_entry

pytestmark = pytest.mark.django_db

T, S, S_FIXED = "translated", "synchronised", "synchronised, not overridable"
DRAFTS = {"go_live_at": S, "expire_at": S, "first_published_at": S}


def _kind(field):
    if isinstance(field, SynchronizedField):
        return S if field.overridable else S_FIXED
    return T


@pytest.mark.parametrize(("model", "expected"), [
    (Software, {**DRAFTS, "key": S_FIXED, "name": T, "category": T, "description": T, "free_licence": S_FIXED,
                "download_allowed": S_FIXED, "remote_access": S_FIXED, "guide_page": S_FIXED, "guide_url": S,
                "libraries": T}),
    (ModelSource, {**DRAFTS, "key": S_FIXED, "name": T, "url": S, "kind": T, "pricing": S_FIXED}),
], ids=["Software", "ModelSource"])
def test_each_catalogue_translates_its_words_and_keeps_its_facts_in_both_languages(model, expected):
    assert {f.field_name: _kind(f) for f in get_translatable_fields(model)} == expected


def test_editors_write_and_submit_entries_reviewers_publish_them_translators_translate(role_users):
    editor, reviewer, translator = role_users[EDITORS], role_users[REVIEWERS], role_users[TRANSLATORS]
    for model in ("software", "modelsource"):
        assert editor.has_perms([f"catalogues.add_{model}", f"catalogues.change_{model}"])
        assert not editor.has_perm(f"catalogues.publish_{model}")
        assert reviewer.has_perms([f"catalogues.publish_{model}", f"catalogues.delete_{model}"])
        assert translator.has_perm(f"catalogues.change_{model}")
        assert not translator.has_perm(f"catalogues.add_{model}")


def test_entries_go_through_the_same_review_as_pages():
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert Software().get_workflow() == workflow
    assert ModelSource().get_workflow() == workflow


def test_an_entry_written_by_an_editor_is_published_only_when_the_reviewer_approves(client, role_users, site_tree):
    editor, reviewer = role_users[EDITORS], role_users[REVIEWERS]
    page = place_catalogue(site_tree.guide_fr, reviewer)
    client.force_login(editor)
    response = client.post(reverse("wagtailsnippets_catalogues_software:add"), {
        "name": "Inkscape", "key": "inkscape", "category": "Création et édition",
        "description": "Dessin vectoriel", "free_licence": "on", "guide_url": "", "libraries": "Musique\nSanté",
        "locale": site_tree.fr.pk, "action-submit": "1",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    entry = Software.objects.get(key="inkscape", locale=site_tree.fr)
    assert not entry.live
    assert entry.workflow_in_progress
    client.logout()
    assert "Inkscape" not in client.get(page.url).content.decode()

    state = entry.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    entry.refresh_from_db()
    assert entry.live
    html = client.get(page.url).content.decode()
    assert "Inkscape" in html
    assert "Dessin vectoriel" in html


def test_an_editor_cannot_publish_an_entry_from_the_admin(client, role_users, site_tree):
    client.force_login(role_users[EDITORS])
    client.post(reverse("wagtailsnippets_catalogues_software:add"), {
        "name": "Gimp", "key": "gimp", "category": "Création et édition", "locale": site_tree.fr.pk,
        "action-publish": "1",
    })
    entry = Software.objects.filter(key="gimp").first()
    assert entry is None or not entry.live


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/guide", "data:text/html,x"])
def test_a_guide_or_source_address_must_be_a_web_address(url, site_tree):
    software = Software(name="X", key="x", category="Y", locale=site_tree.fr, guide_url=url)
    with pytest.raises(ValidationError) as error:
        software.full_clean()
    assert "guide_url" in error.value.message_dict
    source = ModelSource(name="X", key="x", kind="Dépôt", locale=site_tree.fr, url=url)
    with pytest.raises(ValidationError) as error:
        source.full_clean()
    assert "url" in error.value.message_dict


def test_a_guide_is_a_page_or_an_address_not_both(site_tree):
    software = Software(name="X", key="x", category="Y", locale=site_tree.fr, guide_page=site_tree.guide_fr,
                        guide_url="https://example.org/")
    with pytest.raises(ValidationError) as error:
        software.full_clean()
    assert "guide_url" in error.value.message_dict


def test_the_english_entry_links_to_the_english_guide(site_tree, admin_user):
    entry = add_software(admin_user, name="Bambu Studio", category="Impression 3D", guide_page=site_tree.guide_fr)
    english = translate_entry(entry, admin_user, name="Bambu Studio", category="3D printing")
    assert english.guide_page_id == site_tree.guide_fr.pk
    assert entry.guide_href == site_tree.guide_fr.url
    assert english.guide_href == site_tree.guide_en.url


def test_the_pages_placing_a_catalogue_are_found_to_be_refreshed(site_tree, admin_user):
    page = place_catalogue(site_tree.guide_fr, admin_user)
    assert page.pk in {p.pk for p in pages_listing_catalogues()}
    assert site_tree.space_fr.pk not in {p.pk for p in pages_listing_catalogues()}
