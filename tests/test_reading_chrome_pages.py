"""The reading chrome as the server renders it: on-this-page, titles, 404, search, menu, videos."""

import html as html_lib
import re
import uuid

from django.test import Client
from django.utils import translation

import pytest

from pages.blocks.media import VideoBlock
from pages.models import ToolGuidePage

pytestmark = pytest.mark.django_db


def _get(url, status=200):
    response = Client().get(url)
    assert response.status_code == status, url
    return response.content.decode()


def _toc(html):
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group()
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', toc)


def _title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_on_this_page_of_a_space_lists_its_own_sections_and_body_headings_in_page_order(site_tree):
    html = _get(site_tree.space_fr.url)
    entries = _toc(html)
    assert [text for _, text in entries] == [
        "Infos pratiques", "Équipement", "Avant votre séance", "Galerie", "Nous joindre",
    ]
    for anchor, _ in entries:  # every entry leads somewhere on the page
        assert f'id="{anchor}"' in html


def test_on_this_page_of_a_tool_guide_lists_safety_steps_specifications_and_spaces(site_tree):
    assert [text for _, text in _toc(_get(site_tree.guide_fr.url))] == [
        "Sécurité et prérequis", "Étapes", "Caractéristiques techniques", "Où trouver cet outil",
    ]


def test_on_this_page_reads_in_english_on_english_pages(site_tree):
    html = _get(site_tree.space_en.url)
    assert "On this page" in html
    assert [text for _, text in _toc(html)][:2] == ["Practical information", "Equipment"]


def test_the_home_page_title_is_the_site_name_once(site_tree):
    assert _title(_get("/fr/")) == "studio·bib"
    assert _title(_get(site_tree.space_fr.url)) == f"{site_tree.space_fr.title} · studio·bib"


def test_a_document_link_says_its_type_once(site_tree):
    html = _get(site_tree.space_fr.url)
    link = re.search(r'<p class="document-link">.*?</p>', html, re.S).group()
    assert ">Plan du studio</a>" in link and "(PDF" in link
    assert "(PDF) (PDF" not in re.sub(r"<[^>]+>", "", link)


def test_a_missing_page_offers_search_home_and_the_nearest_section_in_its_language(site_tree):
    spaces_fr = site_tree.sections["espaces"]
    html = _get(spaces_fr.url + "studio-disparu/", status=404)
    assert re.search(r'<form class="search-form" role="search" method="get" action="/fr/recherche/">', html)
    assert f'href="{spaces_fr.url}" data-nearest' in html
    assert 'href="/fr/" data-home' in html
    assert "Retour à l’accueil" in html

    spaces_en = spaces_fr.get_translation(site_tree.en)
    html = _get(spaces_en.url + "gone/deeper/", status=404)
    assert '<html lang="en">' in html
    assert 'action="/en/search/"' in html
    assert f'href="{spaces_en.url}" data-nearest' in html
    assert "Back to the home page" in html and "Page not found" in _title(html)


def test_a_missing_page_outside_any_section_still_leads_home(site_tree):
    html = _get("/fr/nulle-part/", status=404)
    assert "data-nearest" not in html
    assert 'href="/fr/" data-home' in html


def test_search_results_name_their_section_and_keep_blocks_apart(site_tree):
    html = _get("/fr/recherche/?q=filament")
    result = re.search(r'<li class="search-result">.*?</li>', html, re.S).group()
    assert "Imprimante 3D Bambu Lab" in result
    assert "Section : Créatives" in result
    snippet = html_lib.unescape(re.sub(r"<[^>]+>", "", re.search(r'<p class="search-result__snippet">(.*?)</p>', result, re.S).group(1)))
    # A step's title, its text and the next step read as separate pieces, not one sentence.
    assert "fichier · Ouvrez le modèle" in snippet
    assert "filament. · Lancer l'impression · Envoyez le fichier" in snippet
    assert "couche. · Ne touchez pas la buse" in snippet


def test_the_menu_drawer_holds_the_sections_and_the_current_section_tree(site_tree):
    html = _get(site_tree.guide_fr.url)
    assert 'aria-controls="site-drawer"' in html and 'href="#site-drawer"' in html
    drawer = re.search(r'<dialog class="drawer".*?</dialog>', html, re.S).group()
    sections = re.search(r'<nav class="drawer__sections".*?</nav>', drawer, re.S).group()
    assert re.findall(r">([^<]+)</a>", sections) == [s.title for s in site_tree.sections.values() if s.live and s.show_in_menus]
    tree = re.search(r'<nav class="drawer__tree".*?</nav>', drawer, re.S).group()
    assert f'href="{site_tree.guide_fr.url}" aria-current="page"' in tree


def test_the_sidebar_parent_is_a_link_with_a_disclosure_button(site_tree):
    section = site_tree.sections["creatives"]
    child = ToolGuidePage(title="Réglages", slug="reglages", locale=section.locale)
    site_tree.guide_fr.add_child(instance=child)
    child.save_revision().publish()
    html = _get(child.url)
    sidebar = re.search(r'<nav class="section-nav".*?</nav>', html, re.S).group()
    assert "sous-page" not in sidebar
    row = re.search(r'<span class="section-nav__row">(.*?)</span>\s*<div class="section-nav__branch" id="([^"]+)"', sidebar, re.S)
    assert f'<a href="{site_tree.guide_fr.url}">Imprimante 3D Bambu Lab</a>' in row.group(1)
    assert f'aria-expanded="true" aria-controls="{row.group(2)}"' in row.group(1)
    assert "Sous-pages de Imprimante 3D Bambu Lab" in row.group(1)


def _video(url, language="fr"):
    block = VideoBlock()
    value = block.to_python({"title": "Changer la buse", "url": url, "video_file": None, "transcript": ""})
    with translation.override(language):
        return block.render(value)


@pytest.mark.parametrize(("url", "host"), [
    ("https://www.youtube.com/watch?v=abc123XYZ", "youtube.com"),
    ("https://youtu.be/abc123XYZ", "youtube.com"),
    ("https://vimeo.com/76979871", "vimeo.com"),
])
def test_a_video_from_a_host_loads_nothing_from_it_until_the_reader_asks(url, host):
    html = _video(url)
    assert "<iframe" not in html
    assert not re.search(r'\ssrc="https?://(?!testserver)', html), "no address of the host is loaded by the page"
    assert f"Charger la vidéo ({host} dépose des cookies)" in html
    assert f'<a href="{url}">' in html  # works without JavaScript
    assert f'data-host="{host}"' in html


def test_a_youtube_video_plays_from_youtube_nocookie_after_consent():
    html = _video("https://www.youtube.com/watch?v=abc123XYZ")
    assert 'data-src="https://www.youtube-nocookie.com/embed/abc123XYZ"' in html


def test_the_video_prompt_reads_in_english():
    html = _video("https://www.youtube.com/watch?v=abc123XYZ", "en")
    assert "Load the video (youtube.com sets cookies)" in html
    assert "Remember my choice for youtube.com" in html


def test_a_guide_with_a_video_shows_the_prompt_on_the_page(site_tree):
    guide = site_tree.guide_fr
    guide.videos = [{"type": "video", "id": str(uuid.uuid4()),
                     "value": {"title": "Changer la buse", "url": "https://www.youtube.com/watch?v=abc123XYZ",
                               "video_file": None, "transcript": ""}}]
    guide.save_revision().publish()
    html = _get(guide.url)
    assert "data-video-consent" in html and "<iframe" not in html
    assert ("videos-heading", "Vidéos") in _toc(html)
