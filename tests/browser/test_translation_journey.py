"""The whole life of a page, each role in its own browser, no administrator: the editor writes and
submits, the reviewer sends it back with a comment, the editor resubmits, the reviewer approves; the
translator starts the English page from the translation report, translates part of it and is told it
cannot be sent yet, finishes, sends it; the reviewer approves and the page is live in English. The
French page then changes: the English page says it is behind until the translator's update is approved.

Screenshots of each step go to $SCREENSHOTS_DIR when it is set (admin at 1280 px, public pages at
390 and 1280 px).
"""

import os
import re
import uuid
from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

from pages.models import SpacePage
from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS

from .test_review_journey import ACCOUNTS, log_in

pytestmark = pytest.mark.browser

SHOTS = os.environ.get("SCREENSHOTS_DIR")
COMMENT = "Précisez l'étage dans le résumé."
ENGLISH = {
    "Atelier textile": "Textile workshop",
    "Machines à coudre et brodeuse, au 2e étage.": "Sewing machines and an embroidery machine, on the 2nd floor.",
    "Réservez une machine au comptoir.": "Book a machine at the desk.",
    "Apportez votre fil.": "Bring your own thread.",
}


def shot(tab, name, widths=(1280,)):
    if not SHOTS:
        return
    Path(SHOTS).mkdir(parents=True, exist_ok=True)
    for width in widths:
        tab.set_viewport_size({"width": width, "height": 900})
        tab.screenshot(path=f"{SHOTS}/{name}-{width}.png", full_page=True)
    tab.set_viewport_size({"width": 1280, "height": 900})


def session(chromium, base_url, role):
    tab = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900}).new_page()
    log_in(tab, base_url, role)
    return tab


def footer_action(tab, name, navigates=True):
    """A button of Wagtail's page editor footer, opening its "more actions" menu first."""
    tab.locator("footer .w-dropdown__toggle").last.click()
    button = tab.get_by_role("button", name=re.compile(name, re.IGNORECASE))
    if not navigates:
        button.click()
        return
    with tab.expect_navigation():
        button.click()


def submit(tab, locator):
    """Click a button that sends a form, and wait for the page it leads to."""
    with tab.expect_navigation():
        locator.click()


def leave(*tabs):
    """Close the admin screens a role is done with: an open editor pings its editing session, and
    SQLite serialises those writes with the next role's."""
    for tab in tabs:
        tab.goto("about:blank")


@pytest.fixture
def french_draft(live_site_tree):
    editor = get_user_model().objects.get(username=ACCOUNTS[EDITORS]["username"])
    page = SpacePage(
        title="Atelier", slug="atelier-textile", summary="Machines à coudre.", owner=editor,
        body=[{"type": "paragraph", "value": "<p>Réservez une machine au comptoir.</p>", "id": str(uuid.uuid4())},
              {"type": "callout", "id": str(uuid.uuid4()),
               "value": {"kind": "tip", "title": "", "body": "<p>Apportez votre fil.</p>"}}],
    )
    live_site_tree.sections["espaces"].add_child(instance=page)
    page.save_revision(user=editor)
    SpacePage.objects.filter(pk=page.pk).update(live=False)
    return page


def translate_in_editor(tab, french, english):
    """Type one translation in wagtail-localize's editor: the segment's « Traduire », then « Enregistrer »."""
    translate = tab.get_by_role("button", name="Traduire", exact=True)
    tab.locator("li").filter(has_text=french).filter(has=translate).last.locator(translate).click()
    segment = tab.locator("li").filter(has=tab.locator("textarea")).last  # the one segment being edited
    segment.locator("textarea").fill(english)
    segment.get_by_role("button", name="Enregistrer", exact=True).click()
    tab.locator("li").filter(has_text=english).first.wait_for()
    assert tab.locator("textarea").count() == 0


def test_a_page_goes_from_french_draft_to_live_english_and_stays_honest_when_french_changes(
    live_server, french_draft, chromium
):
    base = live_server.url
    page_id = french_draft.pk

    # The editor writes and submits.
    editor = session(chromium, base, EDITORS)
    editor.goto(f"{base}/admin/pages/{page_id}/edit/")
    editor.fill("#id_title", "Atelier textile")
    editor.fill("#id_summary", "Machines à coudre et brodeuse.")
    shot(editor, "01-editor-writes")
    footer_action(editor, "^Soumettre")
    leave(editor)
    assert SpacePage.objects.get(pk=page_id).workflow_in_progress

    # The reviewer sends it back with a comment.
    reviewer = session(chromium, base, REVIEWERS)
    reviewer.goto(f"{base}/admin/pages/{page_id}/edit/")
    footer_action(reviewer, "^Demander des modifications", navigates=False)
    reviewer.locator(".modal textarea[name=comment]").fill(COMMENT)
    shot(reviewer, "02-reviewer-requests-changes")
    submit(reviewer, reviewer.locator(".modal button[type=submit]"))
    leave(reviewer)

    # The editor reads the comment, fixes the summary and resubmits.
    editor.goto(f"{base}/admin/pages/{page_id}/workflow_history/")
    editor.get_by_role("link", name=re.compile("Révision")).first.click()
    # The comment is in a tab panel that Wagtail's script reveals once the page has loaded.
    editor.get_by_text(COMMENT).first.wait_for(state="visible")
    assert COMMENT in editor.locator("main").inner_text()
    shot(editor, "03-editor-sees-the-comment")
    editor.goto(f"{base}/admin/pages/{page_id}/edit/")
    editor.fill("#id_summary", "Machines à coudre et brodeuse, au 2e étage.")
    footer_action(editor, "^Resoumettre")
    leave(editor)

    # The reviewer approves: the French page is live.
    reviewer.goto(f"{base}/admin/pages/{page_id}/edit/")
    footer_action(reviewer, "^Approuver et publier$")
    leave(reviewer)
    french = SpacePage.objects.get(pk=page_id)
    assert french.live

    # The translator starts the English page from the translation report.
    translator = session(chromium, base, TRANSLATORS)
    translator.goto(f"{base}/admin/translations/status/?status=missing")
    row = translator.locator(f'tr[data-page-id="{page_id}"]')
    assert "Manquante" in row.inner_text()
    shot(translator, "04-report-missing")
    submit(translator, row.get_by_role("button", name="Commencer la traduction"))
    english_id = int(re.search(r"/pages/(\d+)/edit/", translator.url).group(1))
    actions = translator.locator("footer.studiobib-translation-actions")
    assert [t.strip() for t in actions.locator("button, a").all_inner_texts()[:3]] == [
        "Enregistrer le brouillon", "Aperçu", "Envoyer à la révision"]
    assert translator.locator(".js-translation-editor footer.footer").is_hidden()

    # Part of it translated: sending it is refused, with what is left.
    translate_in_editor(translator, "Atelier textile", ENGLISH["Atelier textile"])
    translate_in_editor(translator, "Machines à coudre et brodeuse, au 2e étage.",
                        ENGLISH["Machines à coudre et brodeuse, au 2e étage."])
    translator.reload()
    shot(translator, "05-translation-editor-partly-done")
    submit(translator, translator.get_by_role("button", name="Envoyer à la révision"))
    assert "La traduction n'est pas terminée. 2 segments non traduits" in translator.locator(".messages").inner_text()
    assert translator.locator("td[lang=fr]").all_inner_texts() == ["Réservez une machine au comptoir.", "Apportez votre fil."]
    shot(translator, "06-sending-refused")
    assert not SpacePage.objects.get(pk=english_id).live, "nothing half-translated reaches readers"

    # Finished, sent to review.
    translator.get_by_role("link", name="Reprendre la traduction").click()
    translate_in_editor(translator, "Réservez une machine au comptoir.", ENGLISH["Réservez une machine au comptoir."])
    translate_in_editor(translator, "Apportez votre fil.", ENGLISH["Apportez votre fil."])
    translator.reload()
    assert "Traduction complète" in translator.locator(".translation-completeness h2").inner_text()
    submit(translator, translator.get_by_role("button", name="Envoyer à la révision"))
    assert "est envoyée à la révision" in translator.locator(".messages").inner_text()
    leave(translator)

    # The reviewer sees it complete and approves: live in English.
    reviewer.goto(f"{base}/admin/pages/{english_id}/edit/")
    assert "Traduction complète" in reviewer.locator(".translation-completeness h2").inner_text()
    shot(reviewer, "07-reviewer-sees-it-complete")
    submit(reviewer, reviewer.get_by_role("button", name="Approuver et publier"))
    leave(reviewer)
    english = SpacePage.objects.get(pk=english_id)
    assert english.live
    # Its address follows the translated title, not the French slug.
    assert english.slug == "textile-workshop" and english.url.endswith("/textile-workshop/"), english.url

    reader = chromium.new_context(locale="en-CA").new_page()
    # A reader's browser may keep a page for the max-age the site allows; routing turns the
    # browser's HTTP cache off, so each visit sees the page as served after that delay.
    reader.route("**/*", lambda route: route.continue_())
    reader.goto(f"{base}{english.url}")
    assert reader.locator("h1").inner_text() == "Textile workshop"
    main = reader.locator("main").inner_text()
    assert "Book a machine at the desk." in main and "Bring your own thread." in main and "Réservez" not in main
    assert reader.locator("aside.translation-notice").count() == 0
    shot(reader, "08-public-english-live", widths=(390, 1280))
    reader.goto(f"{base}{french.url}")
    shot(reader, "08-public-french-live", widths=(390, 1280))

    # The French page changes: the English page says it is behind until the update is approved.
    editor.goto(f"{base}/admin/pages/{page_id}/edit/")
    editor.fill("#id_summary", "Machines à coudre, brodeuse et surjeteuse, au 2e étage.")
    footer_action(editor, "^Soumettre")
    leave(editor)
    reviewer.goto(f"{base}/admin/pages/{page_id}/edit/")
    footer_action(reviewer, "^Approuver et publier$")
    leave(reviewer)
    reader.goto(f"{base}{english.url}")
    assert reader.locator("aside.translation-notice--outdated").is_visible()
    shot(reader, "09-public-english-behind", widths=(390, 1280))

    translator.goto(f"{base}/admin/")
    assert "Textile workshop" in translator.locator("#outdated-translations-section, [id^=outdated-translations]").first.inner_text()
    shot(translator, "10-dashboard-outdated")
    translator.goto(f"{base}/admin/translations/status/")
    row = translator.locator(f'tr[data-page-id="{page_id}"]')
    assert "En retard sur le français" in row.inner_text()
    shot(translator, "10b-report-outdated")
    submit(translator, row.get_by_role("button", name="Synchroniser le texte français"))
    translator.goto(f"{base}/admin/pages/{english_id}/edit/")
    changed = translator.locator("tr.translation-completeness__segment--changed")
    assert "surjeteuse" in changed.inner_text() and ENGLISH["Machines à coudre et brodeuse, au 2e étage."] in changed.inner_text()
    shot(translator, "11-editor-highlights-the-change")
    reader.goto(f"{base}{english.url}")
    assert reader.locator("aside.translation-notice--outdated").is_visible(), "a sync alone does not lift it"

    translate_in_editor(translator, "Machines à coudre, brodeuse et surjeteuse, au 2e étage.",
                        "Sewing machines, an embroidery machine and a serger, on the 2nd floor.")
    translator.reload()
    submit(translator, translator.get_by_role("button", name="Envoyer à la révision"))
    reader.goto(f"{base}{english.url}")
    assert reader.locator("aside.translation-notice--outdated").is_visible(), "until the update is approved"
    reviewer.goto(f"{base}/admin/pages/{english_id}/edit/")
    submit(reviewer, reviewer.get_by_role("button", name="Approuver et publier"))
    reader.goto(f"{base}{english.url}")
    assert reader.locator("aside.translation-notice--outdated").count() == 0
    assert "a serger" in reader.locator("main").inner_text()
    shot(reader, "12-public-english-up-to-date", widths=(390, 1280))
    for tab in (editor, reviewer, translator, reader):
        tab.context.close()
