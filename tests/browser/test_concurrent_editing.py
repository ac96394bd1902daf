"""Two people edit the same page in two browsers: the one who saves second is warned before and after."""

import re

import pytest

from pages.models import SpacePage
from pages.review.workflows import EDITORS, REVIEWERS
from tests.browser.test_review_journey import ACCOUNTS, log_in

pytestmark = pytest.mark.browser


@pytest.fixture
def quick_ping(settings):
    # Wagtail's editors ask the server every 10 s who else is editing; sooner here.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000


def _editor(chromium, base, role, page_id):
    tab = chromium.new_context(locale="fr-CA").new_page()
    log_in(tab, base, role)
    tab.goto(f"{base}/admin/pages/{page_id}/edit/")
    return tab


def _save_draft(tab):
    tab.locator('footer button[type="submit"]:not([name])').first.click()


def test_the_second_editor_sees_who_saved_a_newer_version_and_both_versions_are_kept(
    live_server, live_site_tree, quick_ping, chromium
):
    from django.contrib.auth import get_user_model

    space = live_site_tree.space_fr
    base = live_server.url
    alice_name = (
        get_user_model().objects.get(username=ACCOUNTS[EDITORS]["username"]).get_full_name()
    )
    alice = _editor(chromium, base, EDITORS, space.pk)
    bob = _editor(chromium, base, REVIEWERS, space.pk)

    alice.fill("#id_title", "Studio balado (version d’Alice)")
    _save_draft(alice)
    alice.wait_for_load_state()
    assert "Studio balado (version d’Alice)" in alice.locator(".messages").inner_text()

    # Bob's editor learns of Alice's save by itself, before Bob saves anything.
    notice = bob.get_by_label(
        re.compile(f"{re.escape(alice_name)} a enregistré une nouvelle version")
    )
    notice.first.wait_for(state="attached", timeout=15_000)

    bob.fill("#id_title", "Studio balado (version de Bob)")
    _save_draft(bob)
    dialog = bob.locator("#w-save-confirmation-dialog")
    dialog.wait_for(state="visible")
    assert alice_name in dialog.inner_text()
    assert "a enregistré une nouvelle version" in dialog.inner_text()
    dialog.locator("[data-w-dialog-target=confirm]").click()  # Bob chooses to save anyway
    bob.wait_for_load_state()
    message = bob.locator(".messages").inner_text()
    assert "Pendant que vous modifiiez cette page" in message
    assert alice_name in message
    assert bob.get_by_role("link", name="Comparer les versions").count() == 1

    titles = [
        r.content["title"]
        for r in SpacePage.objects.get(pk=space.pk).revisions.order_by("created_at", "pk")
    ]
    assert titles[-2:] == ["Studio balado (version d’Alice)", "Studio balado (version de Bob)"]
    for tab in (alice, bob):
        tab.context.close()
