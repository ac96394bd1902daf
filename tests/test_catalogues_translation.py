"""A translator translates a catalogue entry into English in wagtail-localize's editor, saves a
draft and sends it to review; a reviewer approves it and the English catalogue shows it. The
translator never publishes, never rewrites a French entry, and an editor never touches the English
one."""

from html import unescape
from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

import pytest

from pages.catalogues.models import Software
from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS

from .catalogue_helpers import add_software, place_catalogue

pytestmark = pytest.mark.django_db

ENGLISH = {"Tableur": "Spreadsheet", "Bureautique": "Office", "Tableur et graphiques.": "Spreadsheets and charts.",
           "Santé": "Health sciences"}


def edit_url(entry):
    return reverse("wagtailsnippets_catalogues_software:edit", args=[entry.pk])


def submit_url(entry):
    return reverse("studiobib_submit_snippet_translation", args=["catalogues", "software", entry.pk])


def workflow_action_url(entry, action):
    entry.refresh_from_db()
    return reverse("wagtailsnippets_catalogues_software:workflow_action",
                   args=[entry.pk, action, entry.current_workflow_task_state.pk])


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


@pytest.fixture
def entry(role_users):
    """A live French program, its English translation started (a draft holding the French text)."""
    french = add_software(role_users[REVIEWERS], name="Tableur", category="Bureautique",
                          description="Tableur et graphiques.", libraries="Santé")
    translate_object(french, [Locale.objects.get(language_code="en")], user=role_users[TRANSLATORS])
    source = TranslationSource.objects.get_for_instance(french)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    return french, french.get_translation(Locale.objects.get(language_code="en")), translation


def translate_everything(client, translation):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        assert put_string(client, translation, segment, ENGLISH[segment.string.data]).status_code in (200, 201)


@pytest.fixture
def english_page(site_tree, role_users):
    return place_catalogue(site_tree.guide_en, role_users[REVIEWERS])


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard and a message."""
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def names_on(client, page):
    client.logout()
    html = client.get(page.url).content.decode()
    return html


def test_the_english_entry_in_review_opens_in_the_translation_editor_for_translator_and_reviewer(client, entry, role_users):
    """Regression: wagtail-localize's snippet editor gave its status panel no workflow URLs, and a
    snippet in review answered « NoReverseMatch: Reverse for '' not found »."""
    _french, english, _translation = entry
    english.save_revision(user=role_users[TRANSLATORS])
    english.get_workflow().start(english, role_users[TRANSLATORS])
    history = reverse("wagtailsnippets_catalogues_software:workflow_history", args=[english.pk])
    for role in (TRANSLATORS, REVIEWERS):
        client.force_login(role_users[role])
        response = client.get(edit_url(english))
        assert response.status_code == 200, role
        assert f'href="{history}"' in response.content.decode()


def test_the_translator_finds_save_and_send_to_review_in_the_snippet_translation_editor(client, entry, role_users):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    html = client.get(edit_url(english), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Enregistrer le brouillon" in html and "Envoyer à la révision" in html
    assert f'action="{reverse("translation_save_draft", args=[translation.pk])}"' in html
    assert f'action="{submit_url(english)}"' in html
    assert "Aperçu" not in html  # wagtail-localize previews pages only


def test_a_translation_sent_to_review_is_a_revision_in_the_workflow_and_goes_live_only_when_approved(
        client, entry, english_page, role_users, django_capture_on_commit_callbacks):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    translate_everything(client, translation)
    revisions = english.revisions.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(submit_url(english))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailsnippets_catalogues_software:list"))
    english = Software.objects.get(pk=english.pk)
    assert english.revisions.count() == revisions + 1
    assert english.latest_revision.content["name"] == "Spreadsheet"
    assert english.latest_revision.user == role_users[TRANSLATORS]
    state = english.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == role_users[TRANSLATORS]
    assert not english.live
    html = names_on(client, english_page)
    assert "Tableur" in html and "Spreadsheet" not in html  # the French entry stands in until approval

    client.force_login(role_users[REVIEWERS])
    assert english.current_workflow_task_state in english.current_workflow_task_state.task.specific \
        .get_task_states_user_can_moderate(role_users[REVIEWERS])  # on the reviewer's dashboard
    with django_capture_on_commit_callbacks(execute=True):
        client.post(workflow_action_url(english, "approve"), {"comment": ""})
    english = Software.objects.get(pk=english.pk)
    assert english.live and english.name == "Spreadsheet" and english.category == "Office"
    html = names_on(client, english_page)
    assert "Spreadsheet" in html and "Spreadsheets and charts." in html and "Tableur" not in html


def test_a_live_english_entry_keeps_its_reviewed_text_until_the_new_translation_is_approved(
        client, entry, english_page, role_users, django_capture_on_commit_callbacks):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    translate_everything(client, translation)
    english.refresh_from_db()
    translation.save_target(user=role_users[REVIEWERS], publish=True)  # an earlier, reviewed English text
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    put_string(client, translation, segment, "Spreadsheet editor")

    client.post(reverse("translation_save_draft", args=[translation.pk]), {"next": edit_url(english)})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(submit_url(english))
    english = Software.objects.get(pk=english.pk)
    assert english.live and english.name == "Spreadsheet"
    assert english.latest_revision.content["name"] == "Spreadsheet editor"
    assert english.workflow_in_progress
    html = names_on(client, english_page)
    assert "Spreadsheet" in html and "Spreadsheet editor" not in html


def test_an_incomplete_translation_cannot_be_sent_to_review(client, entry, role_users):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    segment = StringSegment.objects.get(source=translation.source, context__path="name")
    put_string(client, translation, segment, "Spreadsheet")
    response = client.post(submit_url(english))
    assert response.status_code == 200
    assert "La traduction n'est pas terminée. 3 segments non traduits" in unescape(response.content.decode())
    english.refresh_from_db()
    assert english.current_workflow_state is None and not english.live


def test_the_translator_cannot_publish_the_english_entry_from_the_editor(client, entry, role_users):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    translate_everything(client, translation)
    assert refused(client.post(edit_url(english), {"action": "publish"}))
    english.refresh_from_db()
    assert not english.live


def test_a_translator_cannot_open_or_change_a_french_entry(client, entry, role_users):
    french, _english, _translation = entry
    client.force_login(role_users[TRANSLATORS])
    assert refused(client.get(edit_url(french)))
    assert refused(client.post(edit_url(french), {"name": "Renamed", "action-submit": "1"}))
    assert refused(client.post(submit_url(french)))  # not a translation
    french.refresh_from_db()
    assert french.name == "Tableur" and french.current_workflow_state is None


def test_an_editor_does_not_touch_the_english_entry(client, entry, role_users):
    _french, english, translation = entry
    client.force_login(role_users[EDITORS])
    assert refused(client.get(edit_url(english)))
    assert refused(client.post(submit_url(english)))
    assert refused(client.post(reverse("translation_save_draft", args=[translation.pk])))


def test_the_snippet_submit_address_answers_404_for_what_is_not_a_reviewed_translatable_snippet(client, role_users):
    client.force_login(role_users[TRANSLATORS])
    for app_label, model_name, pk in (("catalogues", "nothing", 1), ("auth", "user", 1), ("catalogues", "software", 999999)):
        url = reverse("studiobib_submit_snippet_translation", args=[app_label, model_name, pk])
        assert client.post(url).status_code == 404, (app_label, model_name)


def test_the_translator_uploads_a_po_file_of_the_english_entry_from_its_editor(client, entry, role_users):
    """The editor's « Transférer un fichier PO » is ours (pages/translation/admin_overrides.py); it
    used to ask a page's permissions of a snippet."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    _french, english, translation = entry
    po = translation.export_po()
    for item in po:
        item.msgstr = ENGLISH[item.msgid]
    client.force_login(role_users[TRANSLATORS])
    response = client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
                           {"file": SimpleUploadedFile("tableur.po", str(po).encode())})
    assert response.status_code == 302 and response["Location"] == edit_url(english)
    assert client.post(submit_url(english)).status_code == 302
    english.refresh_from_db()
    assert english.workflow_in_progress and english.latest_revision.content["name"] == "Spreadsheet"


def test_the_sync_form_of_a_french_entry_offers_publish_immediately_only_to_who_may_publish(
        client, entry, role_users, admin_user):
    """Our sync form asked a page's permissions of a snippet, and answered 500 for catalogue entries."""
    _french, _english, translation = entry
    url = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    for user, offered in ((role_users[TRANSLATORS], False), (admin_user, True)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert ('name="publish_translations"' in response.content.decode()) is offered, user


def test_the_translator_cannot_approve_their_own_translation(client, entry, role_users):
    _french, english, translation = entry
    client.force_login(role_users[TRANSLATORS])
    translate_everything(client, translation)
    client.post(submit_url(english))
    assert refused(client.post(workflow_action_url(english, "approve"), {"comment": ""}))
    english.refresh_from_db()
    assert not english.live and english.workflow_in_progress


def test_the_listing_links_each_role_to_the_entries_it_may_change(client, entry, role_users):
    french, english, _translation = entry
    listing = reverse("wagtailsnippets_catalogues_software:list")
    for role, linked, unlinked in ((TRANSLATORS, english, french), (EDITORS, french, english)):
        client.force_login(role_users[role])
        html = client.get(listing).content.decode()
        assert f'href="{edit_url(linked)}"' in html, role
        assert f'href="{edit_url(unlinked)}"' not in html, role


def test_an_editor_cannot_type_the_english_strings_of_an_entry_a_translator_can(client, entry, role_users):
    _french, _english, translation = entry
    segment = StringSegment.objects.filter(source=translation.source).select_related("string").first()
    client.force_login(role_users[EDITORS])  # may change French entries, not their translations
    assert put_string(client, translation, segment, "Piège").status_code == 403
    assert not StringTranslation.objects.filter(translation_of=segment.string, locale=translation.target_locale).exists()
    client.force_login(role_users[TRANSLATORS])
    assert put_string(client, translation, segment, ENGLISH[segment.string.data]).status_code in (200, 201)
