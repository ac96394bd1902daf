"""Editor submits a page for review in the admin; a reviewer approves it; readers see it."""

import re

import pytest

from pages.models import SpacePage
from pages.review.workflows import EDITORS, REVIEWERS
from pages.site_setup.demo import DEMO_ACCOUNTS

pytestmark = pytest.mark.browser

ACCOUNTS = {a["group"]: a for a in DEMO_ACCOUNTS}


def log_in(page, base_url, role):
    account = ACCOUNTS[role]
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", account["username"])
    page.fill("input[name=password]", account["password"])
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


@pytest.fixture
def draft_space(live_site_tree):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username=ACCOUNTS[EDITORS]["username"])
    page = SpacePage(title="Atelier textile", slug="atelier-textile", summary="Machines à coudre.", owner=editor)
    live_site_tree.sections["espaces"].add_child(instance=page)
    page.save_revision(user=editor)
    SpacePage.objects.filter(pk=page.pk).update(live=False)
    return page


def test_editor_submits_and_reviewer_approves_then_the_page_is_live(live_server, draft_space, chromium):
    base = live_server.url
    editor_tab = chromium.new_context(locale="fr-CA").new_page()
    log_in(editor_tab, base, EDITORS)
    editor_tab.goto(f"{base}/admin/pages/{draft_space.pk}/edit/")
    assert editor_tab.locator('button[name="action-publish"]').count() == 0
    editor_tab.fill("#id_title", "Atelier textile et broderie")
    editor_tab.locator("footer [aria-label], footer .w-dropdown__toggle").last.click()
    editor_tab.locator('button[name="action-submit"]').click()
    editor_tab.wait_for_load_state()
    assert "Atelier textile et broderie" in editor_tab.locator(".messages").inner_text()
    assert SpacePage.objects.get(pk=draft_space.pk).workflow_in_progress
    assert editor_tab.request.get(f"{base}/fr/espaces/atelier-textile/").status == 404
    editor_tab.context.close()

    reviewer_tab = chromium.new_context(locale="fr-CA").new_page()
    log_in(reviewer_tab, base, REVIEWERS)
    reviewer_tab.get_by_role("link", name="Atelier textile et broderie").first.click()
    reviewer_tab.wait_for_url(f"**/admin/pages/{draft_space.pk}/edit/")
    reviewer_tab.locator("footer .w-dropdown__toggle").last.click()
    reviewer_tab.get_by_role("button", name=re.compile(r"^Approuver et publier$", re.IGNORECASE)).click()
    reviewer_tab.wait_for_load_state()

    page = SpacePage.objects.get(pk=draft_space.pk)
    assert page.live
    reader = reviewer_tab.context.new_page()
    reader.goto(f"{base}/fr/espaces/atelier-textile/")
    assert reader.locator("h1").inner_text() == "Atelier textile et broderie"
    reviewer_tab.context.close()
