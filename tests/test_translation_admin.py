"""Admin: translation status report with filters, and the glossary translators consult."""

import pytest

from pages.site_setup.skeleton import publish
from pages.translation.models import GlossaryTerm

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


# Report actions: what a translator does from the admin, without publish rights being needed ----


def test_translator_can_machine_translate_a_missing_page_into_a_draft_from_the_report(admin_client, site_tree, admin_user):
    from pages.translation.status import Detail, Status, translation_state

    from .translation_helpers import add_french_guide

    page = add_french_guide(site_tree.sections["creatives"], admin_user)
    html = admin_client.get("/admin/translations/status/?status=missing").content.decode()
    assert f"/admin/translations/machine/{page.pk}/en/" in html
    response = admin_client.post(f"/admin/translations/machine/{page.pk}/en/",
                                 {"next": "/admin/translations/status/?status=missing"})
    assert response.status_code == 302 and response["Location"] == "/admin/translations/status/?status=missing"
    english = page.get_translation(site_tree.en)
    assert not english.live
    state = translation_state(page, site_tree.en)
    assert (state.status, state.detail) == (Status.IN_PROGRESS, Detail.NOT_PUBLISHED)


def test_translator_syncs_an_outdated_page_then_saves_the_editor_work_as_a_draft(admin_client, site_tree, admin_user):
    from wagtail_localize.models import StringSegment, StringTranslation

    from pages.translation.status import Detail, Status, translation_state

    space = site_tree.space_fr
    space.summary = "Un studio pour quatre voix."
    publish(space, admin_user)
    state = translation_state(space, site_tree.en)
    assert state.status == Status.OUTDATED
    admin_client.post(f"/admin/translations/{state.translation.pk}/sync/")
    state = translation_state(space, site_tree.en)
    # Still behind (readers keep the notice) until the update is approved; what is left is named.
    assert (state.status, state.detail) == (Status.OUTDATED, Detail.UNTRANSLATED)

    # What the wagtail-localize editor stores when the translator types the sentence:
    segment = StringSegment.objects.get(source=state.translation.source, string__data="Un studio pour quatre voix.")
    StringTranslation.objects.create(translation_of=segment.string, context=segment.context, locale=site_tree.en,
                                     data="A studio for four voices.", translation_type="manual")
    admin_client.post(f"/admin/translations/{state.translation.pk}/draft/")
    english = space.get_translation(site_tree.en).specific
    assert english.summary != "A studio for four voices.", "the live page waits for review"
    assert english.get_latest_revision_as_object().summary == "A studio for four voices."
    assert translation_state(space, site_tree.en).detail == Detail.AWAITING_REVIEW


def test_report_actions_need_edit_permission_on_the_page(client, site_tree):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    from wagtail_localize.models import TranslationSource

    user = get_user_model().objects.create_user("lecteur", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    translation = TranslationSource.objects.get_for_instance(site_tree.space_fr).translations.get()
    before = site_tree.space_en.latest_revision_id
    for url in (f"/admin/translations/{translation.pk}/draft/", f"/admin/translations/machine/{site_tree.space_fr.pk}/en/"):
        response = client.post(url)
        # Wagtail answers a refused admin action with a redirect to the dashboard and a message.
        assert response.status_code == 302 and response["Location"] == "/admin/"
    site_tree.space_en.refresh_from_db()
    assert site_tree.space_en.latest_revision_id == before


# wagtail-localize's own admin paths, made safe -----------------------------------------------


def test_po_upload_in_the_translation_editor_rejects_an_unknown_segment_with_its_line(admin_client, site_tree, tmp_path):
    from django.contrib.messages import get_messages
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from wagtail_localize.models import StringTranslation, TranslationSource

    from pages.translation.po import build_po

    translation = TranslationSource.objects.get_for_instance(site_tree.space_fr).translations.get()
    po = build_po(translation)
    for entry in po:
        if entry.msgctxt == "title":
            entry.msgstr = "Sound studio"
        if entry.msgid == "Lundi au vendredi":
            entry.msgid = "Lundi au samedi"
    before = sorted(StringTranslation.objects.values_list("pk", "data"))
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = admin_client.post(url, {"file": SimpleUploadedFile("studio.po", str(po).encode())})
    assert response.status_code == 302
    errors = [str(m) for m in get_messages(response.wsgi_request)]
    line = next(i for i, text in enumerate(str(po).splitlines(), start=1) if 'msgid "Lundi au samedi"' in text) - 1
    assert any(f"studio.po, ligne {line} : segment inconnu" in e for e in errors), errors
    assert sorted(StringTranslation.objects.values_list("pk", "data")) == before


def test_po_upload_in_the_translation_editor_applies_a_clean_file(admin_client, site_tree):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from wagtail_localize.models import StringTranslation, TranslationSource

    from pages.translation.po import build_po

    translation = TranslationSource.objects.get_for_instance(site_tree.space_fr).translations.get()
    po = build_po(translation)
    next(e for e in po if e.msgctxt == "title").msgstr = "Sound studio"
    admin_client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
                      {"file": SimpleUploadedFile("studio.po", str(po).encode())})
    assert StringTranslation.objects.filter(context__path="title", data="Sound studio", locale=site_tree.en).exists()


def test_sync_with_machine_translation_and_publish_immediately_saves_a_draft_instead(admin_client, site_tree, admin_user):
    from django.urls import reverse

    from wagtail_localize.models import TranslationSource

    from .translation_helpers import block

    guide = site_tree.guide_fr
    guide.body = list(guide.body.raw_data) + [block("paragraph", "<p>Rangez les outils.</p>")]
    publish(guide, admin_user)
    source = TranslationSource.objects.get_for_instance(guide)
    response = admin_client.post(reverse("wagtail_localize:update_translations", args=[source.pk]),
                                 {"publish_translations": "on", "use_machine_translation": "on"})
    assert response.status_code == 302
    english = guide.get_translation(site_tree.en).specific
    assert "Rangez" not in str(english.body), "machine output is not published"
    assert "[EN] Rangez les outils." in str(english.get_latest_revision_as_object().body)


def test_translation_editor_shows_the_glossary_terms_of_the_page(admin_client, site_tree):
    GlossaryTerm.objects.create(source_term="micros", target_locale=site_tree.en, target_term="microphones",
                                note="Toujours au pluriel.")
    GlossaryTerm.objects.create(source_term="découpeuse laser", target_locale=site_tree.en, target_term="laser cutter")
    response = admin_client.get(f"/admin/pages/{site_tree.space_en.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html, "the wagtail-localize editor is still there"
    panel = html[html.index('class="glossary-panel'):]
    assert '<td lang="fr">micros</td><td lang="en">microphones</td><td>Toujours au pluriel.</td>' in panel
    assert "découpeuse laser" not in panel, "only the terms this page uses"
