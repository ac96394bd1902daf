"""Discovery: sitemap with both languages, robots.txt, hreflang, canonical, OpenGraph, bilingual error pages."""

import re
import xml.etree.ElementTree as ET

from django.test import Client

import pytest

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _sitemap():
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    return {
        url.find("s:loc", NS).text: {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        for url in root.findall("s:url", NS)
    }


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_sitemap_lists_the_pages_of_both_languages(site_tree):
    paths = {_path(loc) for loc in _sitemap()}
    assert {"/fr/", "/en/", "/fr/espaces/studio-balado/", "/en/spaces/podcast-studio/",
            "/fr/creatives/imprimante-3d-bambu/", "/en/creative/bambu-3d-printer/"} <= paths


def test_each_sitemap_entry_names_its_translation_and_the_french_default(site_tree):
    entries = {_path(loc): {code: _path(href) for code, href in links.items()} for loc, links in _sitemap().items()}
    expected = {"fr": "/fr/espaces/studio-balado/", "en": "/en/spaces/podcast-studio/", "x-default": "/fr/espaces/studio-balado/"}
    assert entries["/fr/espaces/studio-balado/"] == expected
    assert entries["/en/spaces/podcast-studio/"] == expected


def test_sitemap_leaves_out_drafts_and_private_pages(site_tree):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=site_tree.mission_fr, restriction_type=PageViewRestriction.LOGIN)
    site_tree.guide_en.unpublish()
    paths = {_path(loc) for loc in _sitemap()}
    assert "/fr/a-propos/mission/" not in paths
    assert "/en/creative/bambu-3d-printer/" not in paths
    assert "/fr/creatives/imprimante-3d-bambu/" in paths


def test_robots_txt_allows_the_site_keeps_out_the_admin_and_points_to_the_sitemap(site_tree):
    response = Client().get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Disallow: /api/" in body
    assert "Disallow: /\n" not in body
    assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", body, re.M)


@pytest.mark.parametrize("url", ["/fr/espaces/studio-balado/", "/en/spaces/podcast-studio/"])
def test_hreflang_and_canonical_seen_from_each_language(site_tree, url):
    html = Client().get(url).content.decode()
    alternates = {code: _path(href) for code, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html)}
    assert alternates == {"fr": "/fr/espaces/studio-balado/", "en": "/en/spaces/podcast-studio/", "x-default": "/fr/espaces/studio-balado/"}
    assert _path(re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)) == url


def test_pages_have_a_title_a_description_and_opengraph_tags(site_tree):
    html = Client().get("/en/creative/bambu-3d-printer/").content.decode()
    assert "<title>Bambu Lab 3D printer · studio·bib</title>" in html
    assert '<meta name="description" content="Print a 3D part, from STL file to object.">' in html
    og = dict(re.findall(r'<meta property="og:([a-z:_]+)" content="([^"]*)">', html))
    assert og["title"] == "Bambu Lab 3D printer"
    assert og["locale"] == "en_CA"
    assert og["url"].endswith("/en/creative/bambu-3d-printer/")
    assert og["image"].startswith("http") and og["image:alt"] == "A 3D printer printing an orange part."


def test_a_missing_page_answers_404_in_both_languages_with_the_reader_language_first(site_tree):
    response = Client().get("/en/nothing-here/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'lang="fr"' in html  # the French version follows, marked as French
    assert 'action="/en/search/"' in html  # a way out: search
    french = Client().get("/fr/rien-ici/")
    assert french.status_code == 404 and '<html lang="fr">' in french.content.decode()
    assert "Page introuvable" in french.content.decode()


def test_the_500_page_is_bilingual_and_needs_nothing_from_the_database(site_tree):
    from django.template import loader

    html = loader.get_template("500.html").render({})
    assert '<html lang="fr">' in html and '<div lang="en">' in html
    assert "Erreur du serveur" in html and "Server error" in html


def test_no_page_loads_scripts_styles_or_images_from_another_site(site_tree):
    for url in ["/fr/", "/en/spaces/podcast-studio/", "/fr/creatives/imprimante-3d-bambu/", "/fr/recherche/?q=studio"]:
        html = Client().get(url).content.decode()
        assets = re.findall(r'<script[^>]+src="([^"]+)"', html)
        assets += re.findall(r'<link rel="(?:stylesheet|icon|preload|modulepreload)"[^>]+href="([^"]+)"', html)
        assets += re.findall(r'<img[^>]+src="([^"]+)"', html)
        assert assets, url
        assert all(asset.startswith("/") and not asset.startswith("//") for asset in assets), (url, assets)
