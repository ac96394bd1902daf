"""Public addresses route as Wagtail routes them, with every page on the path read at once."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from pages.models import SpacePage, ToolGuidePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def deep_guide(site_tree, admin_user):
    """A guide two levels below its section: /fr/espaces/studio-balado/micro-guide/."""
    guide = ToolGuidePage(title="Brancher le micro", slug="micro-guide", summary="Le micro du studio.")
    site_tree.space_fr.add_child(instance=guide)
    guide.save_revision(user=admin_user).publish()
    return guide


def test_a_deep_page_is_served_with_its_breadcrumb(client, site_tree, deep_guide):
    response = client.get("/fr/espaces/studio-balado/micro-guide/")
    assert response.status_code == 200
    assert response.context["page"].pk == deep_guide.pk
    html = response.content.decode()
    breadcrumb = html[html.index('class="breadcrumb'):]
    assert breadcrumb.index(site_tree.sections["espaces"].title) < breadcrumb.index(site_tree.space_fr.title)


def test_a_missing_level_or_a_draft_page_is_not_found(client, site_tree, deep_guide):
    assert client.get("/fr/espaces/pas-de-page/micro-guide/").status_code == 404
    assert client.get("/fr/espaces/studio-balado/micro-guide/de-trop/").status_code == 404
    deep_guide.unpublish()
    assert client.get("/fr/espaces/studio-balado/micro-guide/").status_code == 404


def test_a_page_below_a_draft_parent_is_served_as_wagtail_serves_it(client, site_tree, deep_guide):
    # Wagtail checks only the served page: a live page below an unpublished one stays reachable.
    SpacePage.objects.get(pk=site_tree.space_fr.pk).unpublish()
    assert client.get("/fr/espaces/studio-balado/micro-guide/").status_code == 200


def test_a_private_ancestor_protects_a_deep_page(client, site_tree, deep_guide, django_user_model):
    restriction = PageViewRestriction.objects.create(
        page=site_tree.sections["espaces"], restriction_type=PageViewRestriction.GROUPS)
    staff = Group.objects.create(name="Personnel du studio")
    restriction.groups.add(staff)
    url = "/fr/espaces/studio-balado/micro-guide/"
    response = client.get(url)
    assert response.status_code == 302 and "login" in response["Location"]
    reader = django_user_model.objects.create_user("lectrice", password="lectrice-mot-de-passe-long")
    reader.groups.add(staff)
    client.force_login(reader)
    assert client.get(url).status_code == 200


def test_a_password_on_the_page_itself_asks_for_it(client, site_tree, deep_guide):
    PageViewRestriction.objects.create(page=deep_guide, restriction_type=PageViewRestriction.PASSWORD,
                                       password="micro")
    response = client.get("/fr/espaces/studio-balado/micro-guide/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert "Le micro du studio." not in response.content.decode()


def test_an_english_deep_page_routes_in_its_own_tree(client, site_tree):
    guide = ToolGuidePage.objects.get(pk=site_tree.guide_en.pk)
    response = client.get(guide.url)
    assert response.status_code == 200
    assert response.context["page"].pk == guide.pk


def test_a_served_page_comes_with_its_hero_image_and_a_new_one_shows_once_published(client, site_tree,
                                                                                     django_assert_max_num_queries):
    from wagtail.images import get_image_model

    space = site_tree.space_fr
    response = client.get(space.url + "?uncached=1")
    served = response.context["page"]
    assert served.hero_image_id == space.hero_image_id
    with django_assert_max_num_queries(0):
        assert served.hero_image.title  # read with the page
    assert served.get_parent().pk == space.get_parent().pk  # what routing remembered stays on it

    other = get_image_model().objects.exclude(pk=space.hero_image_id).first()
    space.hero_image = other
    space.save_revision().publish()
    served = client.get(space.url + "?uncached=1").context["page"]
    assert served.hero_image.pk == other.pk


def test_the_api_detail_gives_the_hero_image_of_the_live_page(client, site_tree):
    from wagtail.images import get_image_model

    guide = site_tree.guide_fr
    before = client.get(f"/api/v2/pages/{guide.pk}/").json()["hero_image"]
    assert before["id"] == guide.hero_image_id
    other = get_image_model().objects.exclude(pk=guide.hero_image_id).first()
    guide.hero_image = other
    guide.save_revision().publish()
    assert client.get(f"/api/v2/pages/{guide.pk}/").json()["hero_image"]["id"] == other.pk


def test_a_section_or_a_home_made_private_asks_for_a_login_once_its_facts_are_kept(client, site_tree):
    section = site_tree.sections["espaces"]
    for page in (section, site_tree.home_en):
        url = page.url + "?uncached=1"
        assert client.get(url).status_code == 200  # the restricted paths are now kept
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response["Location"]
        restriction.delete()
        assert client.get(url).status_code == 200


def test_a_sections_cards_leave_out_a_child_made_private_or_unpublished_at_once(client, site_tree, admin_user):
    section = site_tree.sections["espaces"]
    child = ToolGuidePage(title="Table lumineuse", slug="table-lumineuse", summary="Pour décalquer.")
    section.add_child(instance=child)
    child.save_revision(user=admin_user).publish()
    url = section.url + "?uncached=1"

    def cards():
        html = client.get(url).content.decode()
        return html.split("<main", 1)[1].split("</main>", 1)[0]

    assert "Table lumineuse" in cards()
    restriction = PageViewRestriction.objects.create(page=child, restriction_type=PageViewRestriction.LOGIN)
    assert "Table lumineuse" not in cards()
    restriction.delete()
    assert "Table lumineuse" in cards()
    child.unpublish()
    assert "Table lumineuse" not in cards()


def test_an_english_section_lists_its_french_children_not_translated_yet(client, site_tree, admin_user):
    section = site_tree.sections["espaces"]
    child = ToolGuidePage(title="Massicot", slug="massicot", summary="Couper le papier.")
    section.add_child(instance=child)
    child.save_revision(user=admin_user).publish()
    english = section.get_translation(site_tree.en)
    html = client.get(english.url + "?uncached=1").content.decode()
    assert 'card--untranslated' in html and "Massicot" in html
    assert '<html lang="en"' in html
