"""The catalogue block: live entries in the reader's language, filtered with a plain GET form, fresh
as soon as an entry is published, never an unfiltered cached answer to a filtered request."""

import re

import pytest

from pages.catalogues.models import Software

from .catalogue_helpers import add_software, add_source, place_catalogue, translate_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(site_tree, admin_user):
    entries = [
        add_software(admin_user, name="Audacity", category="Création et édition", free_licence=True,
                     remote_access=False, libraries="Musique;Lettres et sciences humaines",
                     guide_page=site_tree.guide_fr, description="Montage audio"),
        add_software(admin_user, name="Excel", category="Bureautique", remote_access=True,
                     libraries="Tous les postes informatiques des bibliothèques"),
        add_software(admin_user, name="R", category="Analyse statistique", free_licence=True, remote_access=True,
                     libraries="Lettres et sciences humaines"),
        add_software(admin_user, name="Brouillon", category="Bureautique", publish=False),
    ]
    page = place_catalogue(site_tree.guide_fr, admin_user)
    return entries, page


def names(html):
    return re.findall(r'<li class="catalogue__entry"[^>]*>\s*<h3>(?:<a href="[^"]*">)?([^<]+)', html)


def test_readers_see_the_live_entries_with_their_count_and_guide(client, catalogue, site_tree):
    _entries, page = catalogue
    html = client.get(page.url).content.decode()
    assert names(html) == ["Audacity", "Excel", "R"]
    assert "3 logiciels" in html
    assert f'<a href="{site_tree.guide_fr.url}">Audacity</a>' in html
    assert "Brouillon" not in html


@pytest.mark.parametrize(("query", "expected", "count"), [
    ({"category": "Bureautique"}, ["Excel"], "1 logiciel"),
    ({"free": "1"}, ["Audacity", "R"], "2 logiciels"),
    ({"remote": "1"}, ["Excel", "R"], "2 logiciels"),
    ({"library": "Lettres et sciences humaines"}, ["Audacity", "R"], "2 logiciels"),
    ({"free": "1", "remote": "1", "library": "Lettres et sciences humaines"}, ["R"], "1 logiciel"),
    ({"category": "Inconnue"}, [], "0 logiciel"),
])
def test_the_filters_work_with_a_plain_get_form(client, catalogue, query, expected, count):
    _entries, page = catalogue
    html = client.get(page.url, query).content.decode()
    assert names(html) == expected
    assert count in html


def test_the_filter_form_is_labelled_grouped_and_submitted_with_a_button(client, catalogue):
    _entries, page = catalogue
    html = client.get(page.url, {"category": "Bureautique"}).content.decode()
    start = html.index('<form class="catalogue__filters"')
    form = html[start:html.index("</form>", start)]
    assert 'method="get"' in form
    assert "<fieldset>" in form and "<legend>" in form
    assert '<button type="submit">Filtrer</button>' in form
    for field_id in re.findall(r'<(?:select|input)[^>]* id="([^"]+)"', form):
        assert f'<label for="{field_id}">' in form
    assert '<option value="Bureautique" selected>' in form
    assert 'role="status"' in html


def test_hostile_filter_values_are_escaped_and_ignored(client, catalogue):
    _entries, page = catalogue
    response = client.get(page.url, {"category": '"><script>alert(1)</script>', "free": "peut-être",
                                     "library": "x" * 5000})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()


def test_a_filtered_page_is_never_answered_from_the_unfiltered_cache(client, catalogue):
    _entries, page = catalogue
    first = client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit", first
    filtered = client.get(page.url, {"category": "Bureautique"})
    assert not filtered.has_header("X-Page-Cache") or filtered["X-Page-Cache"] != "hit"
    assert names(filtered.content.decode()) == ["Excel"]


def test_publishing_an_entry_shows_it_at_once_on_a_cached_catalogue_page(client, catalogue, admin_user):
    entries, page = catalogue
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    draft = entries[3]
    draft.save_revision(user=admin_user).publish(user=admin_user)
    html = client.get(page.url).content.decode()
    assert "Brouillon" in names(html)
    Software.objects.get(pk=draft.pk).unpublish(user=admin_user)
    assert "Brouillon" not in names(client.get(page.url).content.decode())


def test_english_readers_see_the_english_entries_and_french_ones_not_yet_translated(
        client, catalogue, site_tree, admin_user):
    entries, _page = catalogue
    translate_entry(entries[0], admin_user, category="Creation and editing", description="Audio editing")
    page_en = place_catalogue(site_tree.guide_en, admin_user)
    html = client.get(page_en.url).content.decode()
    assert names(html) == ["Audacity", "Excel", "R"]
    assert "Audio editing" in html and "Montage audio" not in html
    assert "3 programs" in html
    assert f'<a href="{site_tree.guide_en.url}">Audacity</a>' in html
    assert '<option value="Creation and editing">' in html


def test_the_3d_model_sources_are_a_table_with_a_caption_and_header_cells(client, site_tree, admin_user):
    add_source(admin_user, name="Thingiverse", url="https://www.thingiverse.com/", kind="Dépôt", pricing="free")
    add_source(admin_user, name="CGTrader", url="https://www.cgtrader.com/", kind="Marché de modèles", pricing="both")
    page = place_catalogue(site_tree.guide_fr, admin_user, catalogue="models3d")
    html = client.get(page.url).content.decode()
    start = html.index('<table class="catalogue__table"')
    table = html[start:html.index("</table>", start)]
    assert "<caption>Sources de modèles 3D</caption>" in table
    assert table.count('scope="col"') == 3
    assert '<th scope="row"><a href="https://www.thingiverse.com/">Thingiverse</a></th>' in table
    assert "Gratuit ou payant" in table


def test_a_catalogue_page_costs_a_bounded_number_of_queries(client, catalogue, admin_user,
                                                             django_assert_max_num_queries):
    _entries, page = catalogue
    client.get(page.url, {"free": "1"})
    for n in range(20):
        add_software(admin_user, name=f"Logiciel {n}", category="Sciences", guide_page=page)
    with django_assert_max_num_queries(60):
        html = client.get(page.url, {"category": "Sciences"}).content.decode()
    assert "20 logiciels" in html


def test_publishing_an_entry_purges_the_pages_that_list_the_catalogue_from_the_cdn(
        catalogue, site_tree, admin_user, django_capture_on_commit_callbacks):
    import threading
    from http.server import ThreadingHTTPServer

    from django.test import override_settings

    from .test_cdn_purge import PurgingCache

    _entries, page = catalogue
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgingCache)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with override_settings(WAGTAILFRONTENDCACHE={"cdn": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_port}"}}):
            PurgingCache.purged.clear()
            with django_capture_on_commit_callbacks(execute=True):
                add_software(admin_user, name="Zotero", category="Gestion bibliographique")
            assert page.url in PurgingCache.purged
            assert site_tree.space_fr.url not in PurgingCache.purged
    finally:
        server.shutdown()
        server.server_close()


def test_a_library_links_to_its_page_when_the_site_has_one(client, site_tree, admin_user):
    add_software(admin_user, name="Audacity", category="Création", libraries=f"{site_tree.space_fr.title};Santé")
    page = place_catalogue(site_tree.guide_fr, admin_user)
    html = client.get(page.url).content.decode()
    assert f'<a href="{site_tree.space_fr.url}">{site_tree.space_fr.title}</a>, Santé' in html
