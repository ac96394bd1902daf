"""The block picker shows each block with a description and a preview drawn in the site's styles."""

from wagtail.images import get_image_model

import pytest

from home.models import HomePage
from pages.models import ToolGuidePage
from pages.site_setup.demo import EDITORS

BODY = ToolGuidePage._meta.get_field("body").stream_block
HOME = HomePage._meta.get_field("body").stream_block
PICKED = [(f"body:{name}", block) for name, block in BODY.child_blocks.items()] + [
    (f"home:{name}", block) for name, block in HOME.child_blocks.items()]


@pytest.mark.parametrize("block", [block for _name, block in PICKED], ids=[name for name, _block in PICKED])
def test_every_block_of_the_picker_has_a_description_and_a_preview(block):
    assert block.get_description()
    assert block.is_previewable


@pytest.mark.parametrize("block", [block for _name, block in PICKED], ids=[name for name, _block in PICKED])
def test_an_editor_sees_each_preview_in_french_with_the_sites_styles(client, site_tree, role_users, block):
    client.force_login(role_users[EDITORS])
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert '/static/css/site.css' in html
    assert f"block-{block.name}" in html
    assert "Aperçu" in html  # the page title, in the editor's language


def test_the_image_preview_shows_a_picture_of_the_library_with_its_sample_alt(client, site_tree, role_users):
    if not get_image_model().objects.exists():
        pytest.skip("the demo site has no image")
    client.force_login(role_users[EDITORS])
    html = client.get("/admin/block-preview/", {"id": BODY.child_blocks["image"].definition_prefix}).content.decode()
    assert 'alt="La console de mixage du studio balado"' in html
    assert "<img" in html
