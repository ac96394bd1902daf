"""The home page's rows: what readers see in each language, what the API gives, what editors are told."""

import html as html_lib
import importlib
import json

from django.core.exceptions import ValidationError

import pytest

from home.blocks import FeaturedCardBlock, HomeStreamBlock
from pages.models import SectionPage

pytestmark = pytest.mark.django_db

migration = importlib.import_module("home.migrations.0003_featured_pages_into_body")


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def _set_body(home, blocks, user=None):
    home.body = json.dumps(blocks)
    home.save_revision(user=user).publish(user=user)
    home.refresh_from_db()


def _featured(*cards):
    base = {"url": "", "title": "", "text": "", "link_text": "", "image": None, "image_alt": "", "page": None}
    return {"type": "featured_cards", "id": "f1", "value": {
        "heading": "À la une", "cards": [{"type": "item", "id": f"c{i}", "value": {**base, **c}} for i, c in enumerate(cards)]}}


def test_the_demo_home_shows_its_rows_in_order_in_french_and_in_english(client, site_tree):
    french, english = _html(client, site_tree.home_fr), _html(client, site_tree.home_en)
    order = ["home-notice", "home-featured", "home-heroes", "home-spaces", "home-sections"]
    assert [french.index(marker) for marker in order] == sorted(french.index(marker) for marker in order)
    assert "Service Proxy : changements à venir" in french and "Proxy service: changes ahead" in english
    assert f'href="{site_tree.space_fr.url}"' in french and f'href="{site_tree.space_en.url}"' in english
    assert f'href="{site_tree.space_fr.url}"' not in english
    assert "Spaces to create, make and experiment" in english


def test_a_featured_card_takes_the_pages_picture_and_text_and_leaves_when_the_page_goes_offline(client, site_tree):
    space = site_tree.space_fr
    _set_body(site_tree.home_fr, [_featured({"page": space.pk})])
    html = _html(client, site_tree.home_fr)
    card = html[html.index('<li class="home-card">'):html.index("</li>", html.index('<li class="home-card">'))]
    assert 'class="home-card__image"' in card and space.title in card and html_lib.escape(space.summary) in card

    space.unpublish()
    assert f'href="{space.url}"' not in _html(client, site_tree.home_fr)


def test_a_card_needs_exactly_one_destination(site_tree):
    block = FeaturedCardBlock()
    base = {"url": "", "title": "Carte", "text": "", "link_text": "", "image": None, "image_alt": ""}
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**base, "page": None}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({**base, "page": site_tree.space_fr.pk, "url": "https://exemple.org/"}))
    assert block.clean(block.to_python({**base, "page": site_tree.space_fr.pk}))["page"].pk == site_tree.space_fr.pk


def test_the_api_gives_the_cards_resolved_in_the_readers_language(client, site_tree):
    response = client.get(f"/api/v2/pages/{site_tree.home_en.pk}/")
    assert response.status_code == 200
    body = response.json()["body"]
    featured = next(block for block in body if block["type"] == "featured_cards")["value"]
    assert featured["cards"][0]["url"] == site_tree.space_en.url
    assert featured["cards"][0]["image"]["url"]
    spaces = next(block for block in body if block["type"] == "spaces")["value"]
    assert site_tree.space_en.pk in [page["id"] for page in spaces["pages"]]


def test_the_spaces_row_lists_the_live_spaces_of_the_chosen_section_only(client, site_tree):
    from pages.models import SpacePage

    other = SectionPage(title="Autres lieux", slug="autres-lieux", summary="Ailleurs.")
    site_tree.home_fr.add_child(instance=other)
    other.save_revision().publish()
    lab = SpacePage(title="Labo de couture", slug="labo-couture", summary="Machines à coudre.")
    other.add_child(instance=lab)
    lab.save_revision().publish()
    _set_body(site_tree.home_fr, [{"type": "spaces", "id": "s1", "value": {
        "heading": "Nos espaces", "text": "", "section": other.pk, "pages": []}}])
    row = _html(client, site_tree.home_fr).split("Nos espaces", 1)[1].split("</section>")[0]
    assert "Labo de couture" in row and site_tree.space_fr.title not in row

    lab.unpublish()
    assert "Nos espaces" not in _html(client, site_tree.home_fr)  # no space left: no empty row


def test_editors_see_the_sections_without_a_summary_on_their_dashboard(client, site_tree, role_users):
    section = site_tree.sections["medias"]
    SectionPage.objects.filter(pk=section.pk).update(summary="")
    client.force_login(role_users["Rédaction"])
    html = client.get("/admin/").content.decode()
    assert "Sections sans résumé" in html
    panel = html[html.index("data-sections-without-summary"):]
    assert section.title in panel.split("</table>")[0]
    assert site_tree.sections["espaces"].title not in panel.split("</table>")[0]


def test_every_block_offers_a_preview_and_a_description():
    for name, block in HomeStreamBlock().child_blocks.items():
        assert block.meta.description, name
        assert block.get_preview_value() is not None, name


def test_the_old_featured_pages_become_the_first_row_and_come_back_on_reverse():
    featured = [{"type": "page", "value": 12, "id": "a"}, {"type": "page", "value": 15, "id": "b"}]
    body = migration._body(featured, "fr")
    assert [b["type"] for b in body] == ["featured_cards", "section_cards"]
    assert [c["value"]["page"] for c in body[0]["value"]["cards"]] == [12, 15]
    assert [b["value"] for b in migration._featured(body)] == [12, 15]
    assert [b["type"] for b in migration._body([], "en")] == ["section_cards"]
