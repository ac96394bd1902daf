"""A front end previews the draft an editor is working on, with a short-lived token, and nothing more."""

from urllib.parse import parse_qs, urlsplit

from django.core import signing

from wagtail.models import Locale, Page, Revision

import pytest

from pages.preview.views import make_token

pytestmark = pytest.mark.django_db


def _token(client, page, settings):
    settings.HEADLESS_PREVIEW_CLIENT_URL = "https://portail.example.org/preview"
    response = client.get(f"/admin/headless-preview/{page.pk}/")
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == settings.HEADLESS_PREVIEW_CLIENT_URL
    return parse_qs(location.query)["token"][0]


def _preview(client, token):
    return client.get("/api/v2/page_preview/", {"token": token})


@pytest.fixture
def draft(site_tree, admin_user):
    site_tree.space_en.title = "Podcast studio (draft under review)"
    site_tree.space_en.save_revision(user=admin_user)
    return site_tree.space_en


def test_an_editor_sends_the_front_end_a_token_that_shows_the_draft(client, admin_user, draft, settings):
    client.force_login(admin_user)
    token = _token(client, draft, settings)
    client.logout()
    response = _preview(client, token)
    assert response.status_code == 200
    data = response.json()
    assert data["id"] == draft.pk
    assert data["title"] == "Podcast studio (draft under review)"
    assert data["meta"]["locale"] == "en"
    assert "no-store" in response["Cache-Control"]
    assert client.get(draft.url).content.decode().count("draft under review") == 0


def test_without_a_token_or_with_a_forged_one_nothing_is_shown(client, draft):
    assert _preview(client, "").status_code == 403
    forged = signing.dumps({"page": draft.pk, "revision": draft.latest_revision_id}, salt="another", compress=True)
    response = _preview(client, forged)
    assert response.status_code == 403
    assert "draft under review" not in response.content.decode()


def test_a_token_expires(client, draft, settings, monkeypatch):
    token = make_token(draft, draft.get_latest_revision())
    assert _preview(client, token).status_code == 200
    settings.HEADLESS_PREVIEW_MAX_AGE = 300
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 301)
    response = _preview(client, token)
    assert response.status_code == 403
    assert "expiré" in response.json()["detail"]


def test_a_token_shows_its_own_revision_and_never_a_later_or_another_draft(client, draft, site_tree, admin_user):
    token = make_token(draft, draft.get_latest_revision())
    draft.title = "A later draft"
    draft.save_revision(user=admin_user)
    site_tree.space_fr.title = "Autre brouillon"
    site_tree.space_fr.save_revision(user=admin_user)
    data = _preview(client, token).json()
    assert data["id"] == draft.pk
    assert data["title"] == "Podcast studio (draft under review)"
    other = _preview(client, token + "x")
    assert other.status_code == 403


def test_only_people_who_may_edit_the_page_can_start_a_preview(client, draft, django_user_model):
    assert client.get(f"/admin/headless-preview/{draft.pk}/").status_code == 302  # to the login page
    reader = django_user_model.objects.create_user("lecteur", password="x")
    client.force_login(reader)
    response = client.get(f"/admin/headless-preview/{draft.pk}/")
    assert response.status_code in (302, 403)
    assert "token" not in response.get("Location", "")


def test_the_preview_endpoint_does_not_take_over_the_pages_detail_urls(client, site_tree):
    items = client.get("/api/v2/pages/?limit=3").json()["items"]
    assert all("/api/v2/pages/" in item["meta"]["detail_url"] for item in items)


def _revision_count(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def test_opening_the_preview_saves_no_revision(client, draft, settings, role_users):
    """A GET (a link, a prefetch, an image tag on another site) changes nothing."""
    client.force_login(role_users["Rédaction"])
    french = draft.get_translation(Locale.objects.get(language_code="fr"))
    before = _revision_count(french)
    for _ in range(3):
        _token(client, french, settings)
    assert _revision_count(french) == before


def test_a_page_without_any_revision_is_previewed_as_stored_without_creating_one(
    client, site_tree, settings, role_users
):
    page = site_tree.space_fr
    Revision.page_revisions.filter(object_id=str(page.pk)).delete()
    Page.objects.filter(pk=page.pk).update(latest_revision=None)
    client.force_login(role_users["Rédaction"])
    token = _token(client, page, settings)
    assert _revision_count(page) == 0
    client.logout()
    data = _preview(client, token).json()
    assert (data["id"], data["title"]) == (page.pk, page.title)


def test_the_preview_link_refuses_a_post(client, draft, admin_user):
    client.force_login(admin_user)
    assert client.post(f"/admin/headless-preview/{draft.pk}/").status_code == 405
