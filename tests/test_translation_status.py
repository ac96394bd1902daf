"""Translation status tells the truth at each step: missing → in progress → up to date → outdated → …"""

import io
import json

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import PageLogEntry

import polib
import pytest

from pages.site_setup.skeleton import publish
from pages.translation.po import export_pos, import_po_dir
from pages.translation.status import Detail, Status, all_states, translation_state

from .translation_helpers import add_french_guide, translate_po

pytestmark = pytest.mark.django_db


def _publish_english(page_fr, locale, user):
    english = page_fr.get_translation(locale).specific
    english.latest_revision.publish(user=user)


def test_a_translation_goes_from_missing_to_up_to_date_to_outdated_and_back(site_tree, admin_user, tmp_path):
    en = site_tree.en
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Brodeuse numérique",
                            slug="brodeuse", summary="Broder un motif.")
    assert translation_state(page, en).status == Status.MISSING

    # Export for translators: only this page has work left.
    paths = export_pos(en, tmp_path, only_outdated=True)
    assert [p.name for p in paths] == [f"{page.pk}-brodeuse.en.po"]
    state = translation_state(page, en)
    assert (state.status, state.detail) == (Status.IN_PROGRESS, Detail.UNTRANSLATED)
    assert state.total_segments == 3 and state.translated_segments == 0  # title, slug, summary

    translate_po(paths[0])
    import_po_dir(tmp_path, user=admin_user)
    state = translation_state(page, en)
    assert (state.status, state.detail) == (Status.IN_PROGRESS, Detail.NOT_PUBLISHED)
    assert (state.total_segments, state.translated_segments) == (3, 3)

    _publish_english(page, en, admin_user)
    assert translation_state(page, en).status == Status.UP_TO_DATE

    # The French page changes and is published: the translation is behind, since that publish.
    before = timezone.now()
    page.summary = "Broder un motif sur un t-shirt."
    publish(page, admin_user)
    state = translation_state(page, en)
    assert state.status == Status.OUTDATED
    first_publish = PageLogEntry.objects.filter(page=page, action="wagtail.publish", timestamp__gte=before).earliest("timestamp")
    assert state.since == first_publish.timestamp

    # Sync (the export does it for outdated pages): the changed text is the one segment left, and
    # the translation stays behind, since the same publish, until its update is approved.
    [path] = export_pos(en, tmp_path, only_outdated=True)
    state = translation_state(page, en)
    assert (state.status, state.detail) == (Status.OUTDATED, Detail.UNTRANSLATED)
    assert state.since == first_publish.timestamp
    assert (state.total_segments, state.translated_segments) == (3, 2)
    untranslated = [e.msgid for e in polib.pofile(str(path)) if not e.msgstr and not e.obsolete]
    assert untranslated == ["Broder un motif sur un t-shirt."]

    translate_po(path, lambda e: e.msgstr or "Embroider a pattern on a T-shirt.")
    import_po_dir(tmp_path, user=admin_user)
    state = translation_state(page, en)
    assert (state.status, state.detail) == (Status.OUTDATED, Detail.AWAITING_REVIEW)
    _publish_english(page, en, admin_user)
    assert translation_state(page, en).status == Status.UP_TO_DATE
    assert page.get_translation(en).specific.summary == "Embroider a pattern on a T-shirt."


def test_publishing_the_french_page_again_without_changes_does_not_make_it_outdated(site_tree, admin_user):
    publish(site_tree.mission_fr, admin_user)
    assert translation_state(site_tree.mission_fr, site_tree.en).status == Status.UP_TO_DATE


def test_a_changed_synchronised_fact_makes_the_translation_outdated(site_tree, admin_user):
    site_tree.space_fr.capacity = 6
    publish(site_tree.space_fr, admin_user)
    assert translation_state(site_tree.space_fr, site_tree.en).status == Status.OUTDATED


def test_every_demo_page_is_up_to_date_in_english(site_tree):
    states = all_states("en")
    assert len(states) == 9
    assert {s.status for s in states} == {Status.UP_TO_DATE}
    assert all(s.total_segments == s.translated_segments > 0 for s in states)


def test_translation_status_command_gives_a_json_list_with_page_url_locale_status_and_counts(site_tree, admin_user):
    site_tree.space_fr.summary = "Un studio tout neuf."
    publish(site_tree.space_fr, admin_user)
    out = io.StringIO()
    call_command("translation_status", "--locale", "en", "--format", "json", stdout=out)
    rows = json.loads(out.getvalue())
    assert isinstance(rows, list) and len(rows) == 9
    space = next(r for r in rows if r["page_id"] == site_tree.space_fr.pk)
    assert space["source_url"].endswith("/fr/espaces/studio-balado/")
    assert space["locale"] == "en"
    assert space["status"] == "outdated" and space["since"]
    assert space["segments"]["total"] == space["segments"]["translated"] + space["segments"]["untranslated"]
    assert space["translation_page_id"] == site_tree.space_en.pk
    assert {r["status"] for r in rows if r["page_id"] != site_tree.space_fr.pk} == {"up_to_date"}


def test_translation_status_command_text_output_counts_each_status(site_tree):
    out = io.StringIO()
    call_command("translation_status", stdout=out)
    assert out.getvalue().strip().splitlines()[-1] == "missing: 0, in_progress: 0, outdated: 0, up_to_date: 9"
