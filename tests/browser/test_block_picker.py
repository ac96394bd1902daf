"""An editor adding a block to a page sees what each block is and what it will look like."""

import pytest

from pages.review.workflows import EDITORS

from .test_review_journey import log_in

pytestmark = pytest.mark.browser


def test_an_editor_previews_blocks_in_the_picker_before_adding_one(live_server, live_site_tree, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, live_server.url, EDITORS)
    page.goto(f"{live_server.url}/admin/pages/{live_site_tree.guide_fr.pk}/edit/")

    add = page.locator("[data-contentpath=body] .c-sf-add-button").first
    add.scroll_into_view_if_needed()
    add.click()
    picker = page.locator(".w-combobox")
    assert picker.get_by_text("Médias").is_visible()

    table = picker.locator(".w-combobox__option-row", has=page.get_by_role("option", name="Tableau"))
    table.get_by_role("button", name="Prévisualiser").click()
    assert page.get_by_text("Un tableau de données avec en-têtes accessibles.").is_visible()
    preview = page.frame_locator("iframe.w-combobox-preview__iframe")
    assert preview.locator("caption").inner_text() == "Tarifs de l'impression 3D"
    assert preview.locator("th").first.inner_text() == "Matériau"

    # Choosing it adds the block, empty: the sample was only a preview.
    picker.get_by_role("option", name="Tableau").click()
    assert page.locator("[data-contentpath=body] [data-contentpath=caption] input").last.input_value() == ""
