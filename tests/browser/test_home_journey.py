"""The home page as readers see it (phone and desktop, both languages, axe) and as editors
compose it: an editor moves a row, a reviewer approves, readers get the new order."""

import os
import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.models import HomePage
from pages.review.workflows import EDITORS, REVIEWERS

from .test_review_journey import log_in

pytestmark = pytest.mark.browser


def _row_order(page):
    return page.locator("main section.home-row, main aside.home-notice").evaluate_all(
        "rows => rows.map(row => row.className.split(' ')[0] === 'home-notice' ? 'notice' : row.className.split(' ')[1])")


def _screenshot(page, name):
    """Full-page screenshots into $SCREENSHOT_DIR, when it is set (to look at the pages, not to test)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load the lazy images
        page.wait_for_load_state("networkidle")
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_home_shows_its_rows_with_pictures_and_no_axe_violation(live_server, live_site_tree, chromium, language, width):
    context = chromium.new_context(locale="fr-CA", viewport={"width": width, "height": 900})
    page = context.new_page()
    response = page.goto(f"{live_server.url}/{language}/")
    assert response.status == 200
    assert _row_order(page) == ["notice", "home-featured", "home-heroes", "home-spaces", "home-sections"]
    featured = page.locator(".home-featured .home-card")
    assert featured.count() == 3
    assert featured.first.locator("img.home-card__image").count() == 1  # the space's own picture
    spaces_text = page.locator(".home-spaces").inner_text()
    space = live_site_tree.space_fr if language == "fr" else live_site_tree.space_en
    assert space.title in spaces_text
    notice = page.locator(".home-notice h2").inner_text()
    assert notice == ("Service Proxy : changements à venir" if language == "fr" else "Proxy service: changes ahead")
    violations = Axe().run(page).response["violations"]
    _screenshot(page, f"home-{language}-{width}")
    context.close()
    assert violations == [], [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in violations]


def test_an_editor_moves_a_row_and_the_reviewer_approves_the_new_order(live_server, live_site_tree, chromium):
    base = live_server.url
    home = live_site_tree.home_fr
    editor = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 1000}).new_page()
    log_in(editor, base, EDITORS)
    editor.goto(f"{base}/admin/pages/{home.pk}/edit/")
    _screenshot(editor, "admin-home-editor")
    # The first row is the notice: its own "Descendre" button comes first (cards' buttons come later).
    editor.locator('button[title="Descendre"]').first.click()
    editor.locator("footer .w-dropdown__toggle").last.click()
    editor.locator('button[name="action-submit"]').click()
    editor.wait_for_load_state()
    assert HomePage.objects.get(pk=home.pk).workflow_in_progress
    # Nothing changes for readers until the review.
    editor.goto(f"{base}/fr/")
    assert _row_order(editor)[:2] == ["notice", "home-featured"]
    editor.context.close()

    reviewer = chromium.new_context(locale="fr-CA").new_page()
    log_in(reviewer, base, REVIEWERS)
    reviewer.goto(f"{base}/admin/pages/{home.pk}/edit/")
    reviewer.locator("footer .w-dropdown__toggle").last.click()
    reviewer.get_by_role("button", name=re.compile(r"^Approuver et publier$", re.IGNORECASE)).click()
    reviewer.wait_for_load_state()
    reviewer.goto(f"{base}/fr/")
    assert _row_order(reviewer)[:2] == ["home-featured", "notice"]
    reviewer.context.close()
