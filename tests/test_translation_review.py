"""Translators work on the English tree only, and a translation goes live only after review."""

from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState
from wagtail_localize.models import StringSegment, Translation, TranslationSource

import pytest

from pages.review.workflows import REVIEWERS, TRANSLATORS
from tests.editorial import edit_url, space_form, workflow_action_url

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "A soundproofed booth for podcasts, interviews and audiobooks."


def english_translation(page_fr, en):
    source = TranslationSource.objects.get_for_instance(page_fr)
    return source, Translation.objects.get(source=source, target_locale=en)


def summary_segment(source):
    return StringSegment.objects.get(source=source, context__path="summary")


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def test_translator_cannot_edit_the_french_page(client, site_tree, role_users):
    space = site_tree.space_fr
    title = space.title
    client.force_login(role_users[TRANSLATORS])
    assert client.get(edit_url(space)).status_code == 302  # sent away with "permission denied"
    client.post(edit_url(space), space_form("Title changed by a translator", space.slug, **{"action-submit": "1"}))
    space.refresh_from_db()
    assert space.title == title
    assert space.get_latest_revision().content["title"] == title


def test_translator_edits_the_english_translation_which_goes_live_only_after_approval(
        client, site_tree, role_users, django_capture_on_commit_callbacks):
    translator, reviewer = role_users[TRANSLATORS], role_users[REVIEWERS]
    source, translation = english_translation(site_tree.space_fr, site_tree.en)
    client.force_login(translator)

    # The English page opens in wagtail-localize's editor; strings are saved through its API.
    assert client.get(edit_url(site_tree.space_en)).status_code == 200
    assert put_string(client, translation, summary_segment(source), NEW_SUMMARY).status_code in (200, 201)
    # Its "Publish" is refused to a translator.
    client.post(edit_url(site_tree.space_en), {"action": "publish"})
    assert NEW_SUMMARY not in client.get("/en/spaces/podcast-studio/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("studiobib_submit_translation", args=[site_tree.space_en.pk]))
    assert response.status_code == 302
    space_en = site_tree.space_en
    space_en.refresh_from_db()
    assert space_en.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert space_en.summary != NEW_SUMMARY
    assert NEW_SUMMARY not in client.get("/en/spaces/podcast-studio/").content.decode()

    client.force_login(reviewer)
    client.post(workflow_action_url(space_en, "approve"), {"comment": ""})
    space_en.refresh_from_db()
    assert space_en.summary == NEW_SUMMARY
    assert NEW_SUMMARY in client.get("/en/spaces/podcast-studio/").content.decode()
    actions = set(PageLogEntry.objects.filter(page=space_en).values_list("action", "user__username"))
    assert {("studiobib.translation_sync", "traduction"), ("wagtail.workflow.start", "traduction"),
            ("wagtail.publish", "revision")} <= actions


def test_a_translator_cannot_publish_a_sync_immediately(client, site_tree, role_users):
    source, translation = english_translation(site_tree.space_fr, site_tree.en)
    space_fr = site_tree.space_fr
    # The French page changes and is published by a reviewer.
    space_fr.summary = "Un studio pour les balados, refait à neuf."
    space_fr.save_revision(user=role_users[REVIEWERS]).publish(user=role_users[REVIEWERS])

    client.force_login(role_users[TRANSLATORS])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(url)
    assert form.status_code == 200
    assert b'name="publish_translations"' not in form.content
    client.post(url, {"publish_translations": "on"})

    site_tree.space_en.refresh_from_db()
    assert site_tree.space_en.summary.startswith("A soundproofed studio")  # the reviewed English text stays
    source.refresh_from_db()
    assert summary_segment(source).string.data == "Un studio pour les balados, refait à neuf."  # synced
    assert PageLogEntry.objects.filter(page=space_fr, action="studiobib.translation_sync",
                                       user=role_users[TRANSLATORS]).exists()


def test_a_translator_can_request_a_translation_of_a_french_page(client, site_tree, role_users):
    client.force_login(role_users[TRANSLATORS])
    url = reverse("wagtail_localize:submit_page_translation", args=[site_tree.space_fr.pk])
    assert client.get(url).status_code == 200


def test_translators_find_the_send_to_review_action_next_to_english_pages_only(client, site_tree, role_users):
    client.force_login(role_users[TRANSLATORS])
    submit_url = reverse("studiobib_submit_translation", args=[site_tree.space_en.pk])
    english_listing = client.get(reverse("wagtailadmin_explore", args=[site_tree.space_en.get_parent().pk]))
    assert submit_url in english_listing.content.decode()
    client.force_login(role_users[REVIEWERS])
    french_listing = client.get(reverse("wagtailadmin_explore", args=[site_tree.space_fr.get_parent().pk]))
    assert "studiobib_submit_translation" not in french_listing.content.decode()
    assert "/admin/revision/traduction/" not in french_listing.content.decode()


def test_a_translator_cannot_turn_the_english_page_into_a_live_alias_of_the_french_one(client, site_tree, role_users):
    client.force_login(role_users[TRANSLATORS])
    url = reverse("wagtail_localize:convert_to_alias", args=[site_tree.space_en.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    site_tree.space_en.refresh_from_db()
    assert site_tree.space_en.alias_of_id is None
    assert "Podcast studio" in client.get("/en/spaces/podcast-studio/").content.decode()
