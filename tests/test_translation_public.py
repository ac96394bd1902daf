"""What readers see: switcher both ways, French fallback for untranslated pages, outdated notice."""

import re

from django.utils import timezone

import pytest

from pages.site_setup.skeleton import publish
from pages.translation.drafts import ensure_translation, save_translation_draft
from pages.translation.po import sync_source

from .translation_helpers import add_french_guide

pytestmark = pytest.mark.django_db


def _html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def _switcher(html):
    return re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)


def test_french_page_switcher_links_to_its_english_translation(client, site_tree):
    nav = _switcher(_html(client, site_tree.space_fr.url))
    assert f'href="{site_tree.space_en.url}" hreflang="en" lang="en"' in nav
    assert "language-switcher__note" not in nav


def test_english_page_switcher_links_back_to_its_french_page(client, site_tree):
    nav = _switcher(_html(client, site_tree.space_en.url))
    assert f'href="{site_tree.space_fr.url}" hreflang="fr" lang="fr"' in nav


def test_french_page_not_translated_yet_switches_to_the_closest_english_page_with_a_note(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user)
    nav = _switcher(_html(client, page.url))
    assert f'href="{site_tree.sections["creatives"].get_translation(site_tree.en).url}"' in nav
    assert 'class="language-switcher__note" lang="en"' in nav


def test_hreflang_alternates_list_both_languages_and_x_default_on_each_side(client, site_tree):
    for url in (site_tree.space_fr.url, site_tree.space_en.url):
        html = _html(client, url)
        assert f'hreflang="fr" href="{site_tree.space_fr.get_full_url()}"' in html
        assert f'hreflang="en" href="{site_tree.space_en.get_full_url()}"' in html
        assert f'hreflang="x-default" href="{site_tree.space_fr.get_full_url()}"' in html


def test_english_section_lists_a_page_not_translated_yet_linking_to_the_french_page(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser")
    section_en = site_tree.sections["creatives"].get_translation(site_tree.en)
    html = _html(client, section_en.url)
    assert f'<a href="{page.url}" hreflang="fr" lang="fr">Découpeuse laser</a>' in html
    assert "translation-notice--missing" in html
    assert site_tree.guide_en.title in html, "translated pages keep their English card"
    assert html.index(site_tree.guide_en.title) < html.index("Découpeuse laser"), "French tree order is kept"


def test_french_section_does_not_list_english_pages(client, site_tree):
    html = _html(client, site_tree.sections["creatives"].url)
    assert site_tree.guide_en.title not in html and 'lang="en">' not in html.split("<main")[1].split("</main>")[0]


def test_english_url_of_a_page_not_translated_yet_points_to_the_french_page_instead_of_404(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser", slug="decoupeuse-laser")
    html = _html(client, "/en/creatives/decoupeuse-laser/")
    assert f'<a href="{page.url}" hreflang="fr" lang="fr">Découpeuse laser</a>' in html
    assert '<html lang="en">' in html and 'name="robots" content="noindex"' in html


def test_english_url_of_an_unpublished_translation_points_to_the_french_page(client, site_tree, admin_user):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser", slug="decoupeuse-laser")
    save_translation_draft(ensure_translation(page, site_tree.en), user=admin_user)
    draft_en = page.get_translation(site_tree.en)
    assert not draft_en.live
    html = _html(client, "/en/creative/decoupeuse-laser/")
    assert f'href="{page.url}" hreflang="fr" lang="fr"' in html


def test_french_path_under_en_redirects_to_the_english_translation_when_there_is_one(client, site_tree):
    response = client.get("/en/espaces/studio-balado/")
    assert response.status_code == 301 and response["Location"] == site_tree.space_en.url


def test_unknown_paths_still_answer_404(client, site_tree):
    assert client.get("/en/nothing-here/").status_code == 404
    assert client.get("/fr/rien-ici/").status_code == 404


def test_outdated_translation_shows_a_notice_linking_to_the_french_page_until_it_is_brought_up_to_date(
    client, site_tree, admin_user
):
    space_fr = site_tree.space_fr
    assert "translation-notice--outdated" not in _html(client, site_tree.space_en.url)

    space_fr.summary = "Un studio insonorisé, rénové cet été."
    publish(space_fr, admin_user)
    space_fr.refresh_from_db()
    html = _html(client, site_tree.space_en.url)
    notice = re.search(r'<aside class="translation-notice translation-notice--outdated".*?</aside>', html, re.S).group(0)
    assert f'<a href="{space_fr.url}" hreflang="fr">' in notice
    assert f'datetime="{timezone.localtime(space_fr.last_published_at).isoformat()}"' in notice
    assert "translation-notice--outdated" not in _html(client, space_fr.url), "the French page has no such notice"

    # The translator syncs, translates the changed sentence, a reviewer publishes: the notice goes.
    translation = sync_source(ensure_translation(space_fr, site_tree.en))
    from wagtail_localize.models import StringSegment, StringTranslation

    segment = StringSegment.objects.get(source=translation.source, string__data="Un studio insonorisé, rénové cet été.")
    StringTranslation.objects.create(translation_of=segment.string, context=segment.context, locale=site_tree.en,
                                     data="A soundproofed studio, renovated this summer.", translation_type="manual")
    save_translation_draft(translation, user=admin_user).publish(user=admin_user)
    html = _html(client, site_tree.space_en.url)
    assert "translation-notice--outdated" not in html
    assert "A soundproofed studio, renovated this summer." in html


def test_the_french_pointer_also_answers_with_debug_on(client, site_tree, admin_user, settings):
    settings.DEBUG = True
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Découpeuse laser", slug="decoupeuse-laser")
    assert f'href="{page.url}" hreflang="fr" lang="fr"' in _html(client, "/en/creatives/decoupeuse-laser/")
