"""What every page reads about the site is read once, kept until the tree changes, and never stale."""

from wagtail.models import PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db


def _menu(client, url):
    html = client.get(url + "?uncached=1").content.decode()
    return html.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]


def test_the_site_wide_reads_are_kept_between_page_views(client, site_tree, django_assert_max_num_queries):
    url = site_tree.space_fr.url + "?uncached=1"
    with django_assert_max_num_queries(1000) as first:
        client.get(url)
    with django_assert_max_num_queries(1000) as second:
        client.get(url)
    restriction_reads = [q for q in second.captured_queries if "pageviewrestriction" in q["sql"]]
    assert len(second.captured_queries) < len(first.captured_queries)
    assert restriction_reads == [], "no restricted page is above it: even Wagtail's check needs no read"


def test_a_page_made_private_after_its_site_facts_were_kept_asks_for_a_login(client, site_tree):
    url = site_tree.space_fr.url + "?uncached=1"
    assert client.get(url).status_code == 200  # the restricted paths are now kept
    PageViewRestriction.objects.create(page=site_tree.sections["espaces"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and "/login" in response["Location"]
    assert client.get(site_tree.guide_fr.url + "?uncached=1").status_code == 200  # elsewhere, still public


def test_a_section_unpublished_leaves_the_menu_at_once(client, site_tree):
    section = next(page for slug, page in site_tree.sections.items() if slug != "espaces")
    assert f">{section.title}</a>" in _menu(client, site_tree.space_fr.url)
    section.unpublish()
    assert f">{section.title}</a>" not in _menu(client, site_tree.space_fr.url)


def test_a_section_made_private_leaves_the_menu_and_the_breadcrumbs_at_once(client, site_tree):
    espaces = site_tree.sections["espaces"]
    client.get(site_tree.home_fr.url + "?uncached=1")  # the site-wide reads are now cached
    assert f">{espaces.title}</a>" in _menu(client, site_tree.home_fr.url)
    PageViewRestriction.objects.create(page=site_tree.home_fr.get_children().get(pk=espaces.pk),
                                       restriction_type=PageViewRestriction.LOGIN)
    assert f">{espaces.title}</a>" not in _menu(client, site_tree.home_fr.url)


def test_a_renamed_section_shows_its_new_title_once_published(client, site_tree):
    section = site_tree.sections["espaces"]
    client.get(site_tree.home_fr.url + "?uncached=1")
    section.title = "Lieux et studios"
    section.save_revision().publish()
    assert ">Lieux et studios</a>" in _menu(client, site_tree.home_fr.url)


def _new_guide(parent, title, slug):
    from pages.models import ToolGuidePage

    page = ToolGuidePage(title=title, slug=slug, summary="Un guide.", locale=parent.locale)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_published_beside_a_guide_shows_in_its_sidebar_and_pager_at_once(client, site_tree):
    guide = site_tree.guide_fr
    url = guide.url + "?uncached=1"
    client.get(url)  # its section tree and neighbours are now kept
    _new_guide(guide.get_parent(), "Découpeuse vinyle", "zz-decoupeuse-vinyle")
    assert "Découpeuse vinyle" in client.get(url).content.decode()


def test_a_translation_published_shows_in_the_language_switcher_and_hreflang_at_once(client, site_tree):
    page = _new_guide(site_tree.guide_fr.get_parent(), "Brodeuse numérique", "brodeuse-numerique")
    url = page.url + "?uncached=1"
    html = client.get(url).content.decode()  # its translations are now kept
    assert '<link rel="alternate" hreflang="en"' not in html and "closest translated page" in html
    english = page.copy_for_translation(site_tree.home_en.locale)
    english.title = "Digital embroidery machine"
    english.save_revision().publish()
    html = client.get(url).content.decode()
    assert '<link rel="alternate" hreflang="en"' in html and "closest translated page" not in html
    assert f'href="{english.specific.url}"' in html


# The navigation's HTML (menu, drawer, hreflang, breadcrumbs, sidebar and pager) is rendered once per
# page, language and host, and kept with the page's facts until the tree changes.
NAVIGATION_TEMPLATES = ("components/header.html", "reading/drawer.html", "components/breadcrumbs.html",
                        "components/section_nav.html", "components/pager.html", "components/hreflang.html")


def _rendered(response):
    return {template.name for template in response.templates}


def test_the_navigation_is_rendered_for_the_first_reader_and_kept_for_the_next(client, site_tree):
    url = site_tree.guide_fr.url + "?uncached=1"
    first = client.get(url)
    second = client.get(url)
    assert set(NAVIGATION_TEMPLATES) <= _rendered(first)
    assert not set(NAVIGATION_TEMPLATES) & _rendered(second)
    assert second.content == first.content


def test_the_kept_navigation_is_in_the_language_of_each_page(client, site_tree):
    french = client.get(site_tree.guide_fr.url + "?uncached=1").content.decode()
    english = client.get(site_tree.guide_en.url + "?uncached=1").content.decode()
    assert 'aria-label="Sections du site"' in french
    english_again = client.get(site_tree.guide_en.url + "?uncached=1").content.decode()
    assert english_again == english and 'aria-label="Sections du site"' not in english


def test_a_signed_in_reader_gets_the_navigation_rendered_anew(client, site_tree, admin_user):
    url = site_tree.guide_fr.url + "?uncached=1"
    client.get(url)
    client.force_login(admin_user)
    assert set(NAVIGATION_TEMPLATES) <= _rendered(client.get(url))


def test_a_moved_page_shows_its_new_place_in_its_breadcrumbs_and_sidebar_at_once(client, site_tree):
    guide = _new_guide(site_tree.guide_fr.get_parent(), "Scie à ruban", "scie-a-ruban")
    url = guide.url + "?uncached=1"
    old_section = guide.get_parent().title
    html = client.get(url).content.decode()  # its navigation is now kept
    assert old_section in html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    espaces = site_tree.sections["espaces"]
    guide.move(espaces, pos="last-child")
    guide.refresh_from_db()
    html = client.get(guide.url + "?uncached=1").content.decode()
    breadcrumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert espaces.title in breadcrumbs and old_section not in breadcrumbs
    assert espaces.title in html.split('class="section-nav"', 1)[1].split("</nav>", 1)[0]


def test_a_neighbour_made_private_or_unpublished_leaves_the_sidebar_at_once(client, site_tree):
    guide = site_tree.guide_fr
    url = guide.url + "?uncached=1"
    neighbour = _new_guide(guide.get_parent(), "Graveuse laser", "zz-graveuse-laser")
    assert "Graveuse laser" in client.get(url).content.decode()  # kept with the neighbour
    restriction = PageViewRestriction.objects.create(page=neighbour, restriction_type=PageViewRestriction.LOGIN)
    assert "Graveuse laser" not in client.get(url).content.decode()
    restriction.delete()
    assert "Graveuse laser" in client.get(url).content.decode()
    neighbour.unpublish()
    assert "Graveuse laser" not in client.get(url).content.decode()
