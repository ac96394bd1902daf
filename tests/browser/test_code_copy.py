"""A reader copies a command from a code block: a real button, its result announced."""

import pytest

pytestmark = pytest.mark.browser


def test_a_reader_copies_a_code_block_with_its_button_and_hears_it_was_copied(live_server, live_site_tree, chromium):
    space = live_site_tree.space_fr
    space.body.append(("code", {"language": "bash", "code": "ssh etudiant@serveur", "caption": ""}))
    space.save_revision().publish()
    context = chromium.new_context(locale="fr-CA")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{space.url}")
        button = page.get_by_role("button", name="Copier le code")
        button.click()
        status = page.locator("figure.code [role=status]")
        status.wait_for()
        page.wait_for_function("() => document.querySelector('figure.code [role=status]').textContent !== ''")
        assert status.inner_text() == "Code copié"
        assert page.evaluate("() => navigator.clipboard.readText()") == "ssh etudiant@serveur"
    finally:
        context.close()
