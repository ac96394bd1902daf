"""The language switcher and hreflang alternates offer only what a reader of the other language can open."""

import re

import pytest

from pages.translation.drafts import ensure_translation, save_translation_draft

from .translation_helpers import add_french_guide

pytestmark = pytest.mark.django_db


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def _links(html):
    """[(href, hreflang, visible text)] of the switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return [
        (href, code, re.sub(r"<[^>]+>", "", text).strip())
        for href, code, text in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"[^>]*>(.*?)</a>', nav, re.S)
    ]


def _alternates(html):
    pattern = r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">'
    return dict(re.findall(pattern, html))


def test_french_search_switches_to_the_english_search_with_the_same_query(client, site_tree):
    [(href, code, text)] = _links(_html(client, "/fr/recherche/?q=imprimante&page=2"))
    assert (href, code, text) == ("/en/search/?q=imprimante", "en", "English")


def test_english_search_switches_back_to_the_french_search_with_the_same_query(client, site_tree):
    [(href, code, text)] = _links(_html(client, "/en/search/?q=laser+d%C3%A9coupe"))
    assert (href, code, text) == ("/fr/recherche/?q=laser+d%C3%A9coupe", "fr", "Français")


def test_empty_search_switches_to_the_other_search_page(client, site_tree):
    assert _links(_html(client, "/fr/recherche/"))[0][0] == "/en/search/"


def test_a_draft_translation_is_not_offered_the_closest_translated_page_is_named(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser",
                            slug="decoupeuse-laser")
    save_translation_draft(ensure_translation(page, site_tree.en), user=admin_user)
    draft_en = page.get_translation(site_tree.en)
    assert not draft_en.live
    html = _html(client, page.url)
    section_en = site_tree.sections["creatives"].get_translation(site_tree.en)
    [(href, code, text)] = _links(html)
    assert href == section_en.url != draft_en.url
    assert text == f"English: closest translated page: {section_en.title}"
    assert "en" not in _alternates(html), "hreflang lists only live translations"
    assert _alternates(html)["fr"] == page.get_full_url()


def test_with_no_translated_ancestor_the_english_home_is_offered_and_said_to_be_the_home(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user)
    site_tree.sections["creatives"].get_translation(site_tree.en).unpublish()
    [(href, _code, text)] = _links(_html(client, page.url))
    assert href == site_tree.home_en.url
    assert text == "English: home page (this page is not translated)"


def test_a_live_translation_is_offered_with_no_note_and_both_hreflang_alternates(client, site_tree):
    html = _html(client, site_tree.guide_fr.url)
    assert _links(html) == [(site_tree.guide_en.url, "en", "English")]
    assert _alternates(html) == {"fr": site_tree.guide_fr.get_full_url(), "en": site_tree.guide_en.get_full_url(),
                                 "x-default": site_tree.guide_fr.get_full_url()}


def test_the_english_address_of_an_unpublished_translation_switches_to_its_french_page(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser",
                            slug="decoupeuse-laser")
    save_translation_draft(ensure_translation(page, site_tree.en), user=admin_user)
    html = _html(client, "/en/creative/decoupeuse-laser/")
    assert _links(html) == [(page.url, "fr", "Français")]


def test_a_preview_of_an_english_draft_lists_no_alternate_for_the_draft_itself(rf, site_tree, admin_user):
    from django.template import Context, Template

    page = add_french_guide(site_tree.sections["creatives"], admin_user, slug="decoupeuse-laser")
    save_translation_draft(ensure_translation(page, site_tree.en), user=admin_user)
    draft_en = page.get_translation(site_tree.en)
    request = rf.get("/")
    html = Template("{% load locale_tags %}{% hreflang_links page %}").render(Context({"page": draft_en, "request": request}))
    assert set(_alternates(html)) == {"fr", "x-default"}
