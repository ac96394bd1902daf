"""Two editors with the same page open: both saves are kept as revisions, the second is warned."""

import json
import re

from django.test import Client

from wagtail.admin.utils import get_user_display_name

import pytest

from tests.editorial import edit_url, space_form

pytestmark = pytest.mark.django_db

WARNING = "Pendant que vous modifiiez cette page"


@pytest.fixture
def editor(role_users):
    return role_users["Rédaction"]


@pytest.fixture
def reviewer(role_users):
    return role_users["Révision"]


def _open_editor(user, page):
    """Log in and open the edit view; returns the client and the revision fields the form carries."""
    client = Client()
    client.force_login(user)
    html = client.get(edit_url(page)).content.decode()
    loaded = {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }
    return client, loaded


def _save(client, page, loaded, title, **actions):
    data = space_form(title, "studio-balado", **loaded, **actions)
    return client.post(edit_url(page), data, follow=True)


def _bob_opens_then_alice_saves(space, alice_user, bob_user, title):
    """Both open the editor; Alice saves first. Returns Alice's response, and Bob's client and form."""
    alice, alice_form = _open_editor(alice_user, space)
    bob, bob_form = _open_editor(bob_user, space)
    return _save(alice, space, alice_form, title), bob, bob_form


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_the_second_editor_to_save_is_warned_and_the_first_version_stays_in_the_history(
    site_tree, editor, reviewer
):
    space = site_tree.space_fr
    before = space.revisions.count()
    first, bob, bob_form = _bob_opens_then_alice_saves(
        space, editor, reviewer, "Studio balado (version d’Alice)"
    )
    assert first.status_code == 200
    assert not [m for m in _messages(first) if WARNING in m]

    second = _save(bob, space, bob_form, "Studio balado (version de Bob)")
    assert second.status_code == 200
    warnings = [m for m in _messages(second) if WARNING in m]
    assert len(warnings) == 1
    assert get_user_display_name(editor) in warnings[0]
    html = second.content.decode()
    compare = re.search(rf'href="(/admin/pages/{space.pk}/revisions/compare/\d+\.\.\.\d+/)"', html)
    assert compare, "the warning links to the comparison of the two versions"
    comparison = bob.get(compare.group(1)).content.decode()
    assert (
        '<span class="deletion">d’Alice)</span><span class="addition">de Bob)</span>' in comparison
    )

    titles = [r.content["title"] for r in space.revisions.order_by("created_at", "pk")]
    assert len(titles) == before + 2
    assert titles[-2:] == ["Studio balado (version d’Alice)", "Studio balado (version de Bob)"]
    assert space.revisions.order_by("created_at", "pk").last().user == reviewer


def test_an_editor_saving_an_up_to_date_form_twice_is_not_warned(site_tree, editor):
    space = site_tree.space_fr
    alice, form = _open_editor(editor, space)
    assert not [m for m in _messages(_save(alice, space, form, "Studio balado A")) if WARNING in m]
    alice, form = _open_editor(editor, space)  # the reloaded form carries the new revision
    assert not [m for m in _messages(_save(alice, space, form, "Studio balado B")) if WARNING in m]


def test_a_reviewer_publishing_an_out_of_date_form_is_warned_and_the_editors_draft_is_kept(
    site_tree, editor, reviewer
):
    space = site_tree.space_fr
    _first, bob, bob_form = _bob_opens_then_alice_saves(
        space, editor, reviewer, "Studio balado (brouillon d’Alice)"
    )
    published = _save(
        bob, space, bob_form, "Studio balado (publié par Bob)", **{"action-publish": "1"}
    )
    assert [m for m in _messages(published) if WARNING in m]
    space.refresh_from_db()
    assert space.title == "Studio balado (publié par Bob)"
    assert space.revisions.filter(content__title="Studio balado (brouillon d’Alice)").exists()


def test_an_out_of_date_autosave_is_refused_instead_of_overwriting_the_other_version(
    site_tree, editor, reviewer
):
    space = site_tree.space_fr
    _first, bob, bob_form = _bob_opens_then_alice_saves(
        space, editor, reviewer, "Studio balado (version d’Alice)"
    )
    autosave = bob.post(
        edit_url(space),
        space_form("Studio balado (autosave de Bob)", "studio-balado", **bob_form),
        HTTP_ACCEPT="application/json",
    )
    assert autosave.status_code == 400
    assert json.loads(autosave.content)["error_code"] == "invalid_revision"
    assert (
        space.revisions.order_by("created_at", "pk").last().content["title"]
        == "Studio balado (version d’Alice)"
    )
