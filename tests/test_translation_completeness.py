"""An English page goes live only fully translated; the reviewer sees what is left before approving;
readers and API clients are told when a live page still holds French or is behind the French one."""

import re

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, Translation

import pytest

from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS
from pages.site_setup.skeleton import publish
from pages.translation.po import sync_source

from .translation_helpers import add_french_guide, block

pytestmark = pytest.mark.django_db

ENGLISH = {
    "title": "Epilog laser cutter",
    "summary": "Engrave and cut wood.",
    "Allumez l'aspiration avant de découper.": "Turn the extraction on before cutting.",
    "Ne laissez jamais la machine seule.": "Never leave the machine alone.",
}


@pytest.fixture
def guide(site_tree, admin_user):
    return add_french_guide(
        site_tree.sections["creatives"], admin_user, title="Découpeuse laser Epilog", slug="decoupeuse-laser-epilog",
        summary="Graver et découper le bois.",
        body=[block("paragraph", "<p>Allumez l'aspiration avant de découper.</p>"),
              block("callout", {"kind": "warning", "title": "", "body": "<p>Ne laissez jamais la machine seule.</p>"})],
    )


@pytest.fixture
def translator(role_users):
    """The translator's own browser session (the `client` fixture is the reviewer's or a reader's)."""
    from django.test import Client

    own = Client()
    own.force_login(role_users[TRANSLATORS])
    return own


def start(client, page):
    client.post(reverse("translation_start", args=[page.pk, "en"]))
    english = Page.objects.get(translation_key=page.translation_key, locale__language_code="en").specific
    return english, Translation.objects.get(source__object_id=page.translation_key, target_locale=english.locale)


def translate(client, translation, *keys):
    """Type translations in the editor, as the translator (wagtail-localize's own string API)."""
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        french = segment.string.data
        key = segment.context.path if segment.context.path in ("title", "summary") else french
        if key in keys:
            response = client.put(
                reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
                encode_multipart(BOUNDARY, {"value": ENGLISH[key]}), content_type=MULTIPART_CONTENT,
            )
            assert response.status_code in (200, 201), response.content


def approve(client, page):
    page.refresh_from_db()
    task_state = page.current_workflow_task_state
    return client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]))


def detail(client, page):
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()["translation_completeness"]
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()["translation_completeness"]
    assert v2 == v3, "v2 and v3 tell the same"
    return v2


def test_an_incomplete_translation_cannot_be_sent_to_review_and_says_what_is_left(translator, guide):
    english, translation = start(translator, guide)
    translate(translator, translation, "title", "summary")
    response = translator.post(reverse("studiobib_submit_translation", args=[english.pk]), follow=True)
    html = response.content.decode()
    assert "La traduction n&#x27;est pas terminée. 2 segments non traduits" in html
    assert "Ne laissez jamais la machine seule." in html
    assert not Page.objects.get(pk=english.pk).workflow_in_progress
    assert re.search(r'<td lang="fr">\s*Allumez l&#x27;aspiration avant de découper.\s*</td>', html)
    assert "Envoyer à la révision</button>" not in html and "Reprendre la traduction" in html


def test_the_editor_offers_save_then_preview_then_send_and_nothing_destructive_first(translator, guide):
    english, translation = start(translator, guide)
    html = translator.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    footer = re.search(r'<footer class="studiobib-translation-actions".*?</footer>', html, re.S).group(0)
    labels = re.findall(r"<(?:button|a)[^>]*>([^<]+)</(?:button|a)>", footer)
    assert labels[:3] == ["Enregistrer le brouillon", "Aperçu", "Envoyer à la révision"]
    assert "Supprimer" not in " ".join(labels[:3])
    assert "pages/translation_editor.css" in html  # hides wagtail-localize's own footer
    assert "4 segments sur 4 restent à traduire" in html  # title, summary and two body sentences (not the slug)

    preview = translator.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert preview.status_code == 200


def _submitted_complete(translator, guide):
    english, translation = start(translator, guide)
    translate(translator, translation, *ENGLISH)
    response = translator.post(reverse("studiobib_submit_translation", args=[english.pk]))
    assert response.status_code == 302
    return Page.objects.get(pk=english.pk).specific, translation


def test_a_reviewer_sees_what_is_left_and_cannot_approve_an_incomplete_translation(
    translator, client, guide, role_users, admin_user, site_tree
):
    english, translation = _submitted_complete(translator, guide)
    # The French page changes while the translation waits: one sentence is new, untranslated.
    guide.summary = "Graver, découper et marquer le bois."
    publish(guide, admin_user)
    sync_source(translation)

    client.force_login(role_users[REVIEWERS])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "1 segment sur 4 reste à traduire" in html
    assert "Graver, découper et marquer le bois." in html and "Approuver et publier" not in html
    assert "Approbation impossible" in html
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Epilog laser cutter" in dashboard
    assert f'/admin/pages/{english.pk}/workflow/action/approve/' not in dashboard

    approve(client, english)
    assert not Page.objects.get(pk=english.pk).live
    client.post(reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"})
    assert not Page.objects.get(pk=english.pk).live, "wagtail-localize's publish is refused too"


def test_an_approved_complete_translation_is_live_in_english_and_the_api_says_so(
    translator, client, guide, role_users, site_tree
):
    english, _translation = _submitted_complete(translator, guide)
    client.force_login(role_users[REVIEWERS])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    assert "Traduction complète : les 4 segments sont traduits." in html
    approve(client, english)
    english.refresh_from_db()
    assert english.live

    client.logout()
    page = client.get(english.url).content.decode()
    assert "Turn the extraction on before cutting." in page and "Allumez" not in page
    assert "translation-notice" not in page
    assert detail(client, english) == {"language": "en", "translation_of": guide.pk, "complete": True,
                                       "french_segments": [], "behind_source": False, "behind_since": None}
    assert detail(client, guide)["language"] == "fr"


def test_a_page_published_half_translated_before_the_rule_is_flagged_to_readers_and_api_clients(
    translator, client, guide, site_tree
):
    english, translation = start(translator, guide)
    translate(translator, translation, "title", "summary")
    # Published as wagtail-localize's editor did before the rule, French fallbacks included.
    translation.save_target(publish=False)
    Page.objects.get(pk=english.pk).specific.get_latest_revision().publish()
    english = Page.objects.get(pk=english.pk).specific
    assert english.live
    html = client.get(english.url).content.decode()
    notice = re.search(r'<aside class="translation-notice translation-notice--partly-french".*?</aside>', html, re.S)
    assert notice and f'href="{guide.url}" hreflang="fr"' in notice.group(0)
    data = detail(client, english)
    assert data["complete"] is False and len(data["french_segments"]) == 2


def test_a_french_change_keeps_readers_warned_until_the_update_is_approved(
    translator, client, guide, role_users, admin_user, site_tree
):
    english, translation = _submitted_complete(translator, guide)
    reviewer = role_users[REVIEWERS]
    client.force_login(reviewer)
    approve(client, english)
    client.logout()
    english = Page.objects.get(pk=english.pk).specific

    guide.summary = "Graver, découper et marquer le bois."
    publish(guide, admin_user)
    assert detail(client, english)["behind_source"] is True
    assert "translation-notice--outdated" in client.get(english.url).content.decode()
    panel = re.search(r'id="outdated-translations.*?</table>', translator.get(reverse("wagtailadmin_home")).content.decode(), re.S)
    assert panel and "Epilog laser cutter" in panel.group(0) and "Texte français à synchroniser" in panel.group(0)
    client.force_login(role_users[EDITORS])
    assert 'id="outdated-translations' not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.logout()

    # The translator syncs (from the report) and sees the changed sentence highlighted, with its old translation.
    assert translator.post(reverse("translation_sync", args=[translation.pk])).status_code == 302
    html = translator.get(reverse("wagtailadmin_pages:edit", args=[english.pk])).content.decode()
    changed = re.search(r'<tr class="translation-completeness__segment translation-completeness__segment--changed".*?</tr>',
                        html, re.S).group(0)
    assert "<mark>Graver, découper et marquer le bois.</mark>" in changed and "Engrave and cut wood." in changed
    assert "translation-notice--outdated" in client.get(english.url).content.decode(), "still behind after the sync"
    assert detail(client, english)["behind_source"] is True

    ENGLISH["summary"] = "Engrave, cut and mark wood."
    try:
        translate(translator, translation, "summary")
    finally:
        ENGLISH["summary"] = "Engrave and cut wood."
    assert translator.post(reverse("studiobib_submit_translation", args=[english.pk])).status_code == 302
    assert "translation-notice--outdated" in client.get(english.url).content.decode(), "until approved"
    client.force_login(reviewer)
    approve(client, english)
    client.logout()
    page = client.get(english.url).content.decode()
    assert "translation-notice--outdated" not in page and "Engrave, cut and mark wood." in page
    assert detail(client, english)["behind_source"] is False
