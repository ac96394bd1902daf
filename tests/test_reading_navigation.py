"""Reading navigation: the section tree, previous/next, table of contents, last update, query counts."""

import re
import uuid

from django.test import Client
from django.utils import timezone

import pytest

from pages.models import SectionPage, ToolGuidePage

pytestmark = pytest.mark.django_db


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def _add(parent, page):
    page.locale = parent.locale
    parent.add_child(instance=page)
    return _publish(page)


def _heading(text, level="h2", anchor=""):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": anchor}, "id": str(uuid.uuid4())}


@pytest.fixture
def creatives(site_tree):
    """Créatives > [Imprimante 3D (demo), Découpe laser > [Réglages, Entretien], Brouillon (draft)]."""
    section = site_tree.sections["creatives"]
    laser = _add(section, SectionPage(title="Découpe laser", slug="decoupe-laser"))
    settings_page = _add(laser, ToolGuidePage(title="Réglages", slug="reglages", body=[
        _heading("Avant de commencer"), _heading("Puissance et vitesse", "h3", "puissance"),
    ]))
    upkeep = _add(laser, ToolGuidePage(title="Entretien", slug="entretien"))
    draft = ToolGuidePage(title="Brouillon secret", slug="brouillon", locale=section.locale)
    section.add_child(instance=draft)
    draft.save_revision()
    ToolGuidePage.objects.filter(pk=draft.pk).update(live=False)
    return {"section": section, "laser": laser, "settings": settings_page, "upkeep": upkeep, "guide": site_tree.guide_fr}


def _html(url):
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def _sidebar(html):
    return re.search(r'<nav class="section-nav".*?</nav>', html, re.S).group()


def test_sidebar_lists_the_section_in_tree_order_and_marks_the_current_page(creatives):
    sidebar = _sidebar(_html("/fr/creatives/decoupe-laser/reglages/"))
    titles = re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', sidebar)
    assert titles == ["Créatives", "Imprimante 3D Bambu Lab", "Découpe laser", "Réglages", "Entretien"]
    assert re.findall(r'<a href="([^"]+)" aria-current="page">', sidebar) == ["/fr/creatives/decoupe-laser/reglages/"]
    # The branch holding the current page is open, so the reader sees where they are without JavaScript.
    assert re.search(r'aria-expanded="true" aria-controls="section-nav-branch-\d+"', sidebar)


def test_sidebar_leaves_out_draft_pages(creatives):
    assert "Brouillon secret" not in _html("/fr/creatives/")


def test_previous_and_next_follow_the_reading_order_of_the_tree(creatives):
    html = _html("/fr/creatives/decoupe-laser/reglages/")
    assert re.search(r'href="/fr/creatives/decoupe-laser/" rel="prev"', html)
    assert re.search(r'href="/fr/creatives/decoupe-laser/entretien/" rel="next"', html)
    first = _html("/fr/creatives/")
    assert 'rel="prev"' not in first
    assert re.search(r'href="/fr/creatives/imprimante-3d-bambu/" rel="next"', first)
    last = _html("/fr/creatives/decoupe-laser/entretien/")
    assert 'rel="next"' not in last


def test_table_of_contents_links_to_the_headings_of_the_body(creatives):
    html = _html("/fr/creatives/decoupe-laser/reglages/")
    toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group()
    assert re.findall(r'href="#([^"]+)">([^<]+)<', toc) == [
        ("avant-de-commencer", "Avant de commencer"), ("puissance", "Puissance et vitesse"),
    ]
    assert 'id="avant-de-commencer"' in html and 'id="puissance"' in html


def test_a_page_without_headings_has_no_table_of_contents(creatives):
    assert 'class="toc"' not in _html("/fr/creatives/decoupe-laser/entretien/")


def test_pages_show_their_last_update_date(site_tree):
    html = _html("/en/spaces/podcast-studio/")
    assert re.search(r'Dernière mise à jour|Last updated', html)
    published = timezone.localtime(site_tree.space_en.last_published_at)
    assert f'<time datetime="{published.date().isoformat()}T' in html


def test_english_pages_get_the_english_tree(site_tree):
    sidebar = _sidebar(_html("/en/spaces/podcast-studio/"))
    assert site_tree.space_en.title in sidebar and site_tree.space_fr.title not in sidebar
    assert 'href="/en/spaces/podcast-studio/" aria-current="page"' in sidebar


@pytest.mark.parametrize("extra_pages", [0, 20])
def test_rendering_a_guide_takes_as_many_queries_with_20_neighbours_as_with_none(
    creatives, extra_pages, django_assert_max_num_queries
):
    for number in range(extra_pages):
        _add(creatives["laser"], ToolGuidePage(title=f"Guide {number}", slug=f"guide-{number}"))
    client = Client()
    client.get("/fr/creatives/decoupe-laser/reglages/")  # warm the site-root cache, as on a running site
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get("/fr/creatives/decoupe-laser/reglages/")
    assert response.status_code == 200
    assert (f"Guide {extra_pages - 1}" in response.content.decode()) == bool(extra_pages)


# Measured: 30 for a tool guide, with 0 or 20 pages next to it (the tree is read in one query).
QUERY_BUDGET = 30


def test_listings_show_the_service_status_of_each_space_and_tool(site_tree):
    spaces = _html("/fr/espaces/")
    card = re.search(rf'<li class="card">.*?{re.escape(site_tree.space_fr.title)}.*?</li>', spaces, re.S).group()
    assert re.search(r'class="status-chip status--partial">.*Partiellement disponible</p>', card)
    creative = _html("/fr/creatives/")
    assert re.search(r'class="status-chip status--in_service">.*En service</p>', creative)
    results = _html("/fr/recherche/?q=studio")
    assert "Partiellement disponible" in results


def test_sidebar_expands_only_the_branches_leading_to_the_page(creatives):
    sidebar = _sidebar(_html("/fr/creatives/imprimante-3d-bambu/"))
    titles = re.findall(r'<a href="[^"]+"[^>]*>([^<]+)</a>', sidebar)
    # "Découpe laser" is a closed branch here: its link is there, its pages are one click away.
    assert titles == ["Créatives", "Imprimante 3D Bambu Lab", "Découpe laser"]


def test_previous_page_after_a_closed_branch_is_its_last_visible_page(creatives):
    hidden = ToolGuidePage(title="Brouillon laser", slug="brouillon-laser", locale=creatives["laser"].locale)
    creatives["laser"].add_child(instance=hidden)
    ToolGuidePage.objects.filter(pk=hidden.pk).update(live=False)
    _add(creatives["section"], ToolGuidePage(title="Vinyle", slug="vinyle"))
    html = _html("/fr/creatives/vinyle/")
    assert re.search(r'href="/fr/creatives/decoupe-laser/entretien/" rel="prev"', html)
    assert re.search(r'href="/fr/creatives/vinyle/" rel="next"', _html("/fr/creatives/decoupe-laser/entretien/"))


@pytest.mark.parametrize("pages_in_closed_branch", [0, 25])
def test_a_page_costs_the_same_however_big_the_other_branches_are(
    creatives, pages_in_closed_branch, django_assert_max_num_queries
):
    for number in range(pages_in_closed_branch):
        _add(creatives["laser"], ToolGuidePage(title=f"Fiche {number}", slug=f"fiche-{number}"))
    client = Client()
    client.get("/fr/creatives/imprimante-3d-bambu/")
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get("/fr/creatives/imprimante-3d-bambu/")
    assert response.status_code == 200
    assert "Fiche" not in response.content.decode()
