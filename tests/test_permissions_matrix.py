"""What each role may do on a live page of each tree, checked through the admin views."""

from django.urls import reverse

import pytest

from pages.workflows import ADMINISTRATORS, EDITORS, REVIEWERS, TRANSLATORS

pytestmark = pytest.mark.django_db

ACTIONS = ["view draft", "edit", "publish", "translate", "delete"]
# role -> tree -> allowed actions. "translate" on the French page = ask for its translation;
# on the English page = edit its translation (which is the "edit" column there).
MATRIX = {
    EDITORS: {"fr": {"view draft", "edit"}, "en": set()},
    REVIEWERS: {"fr": {"view draft", "edit", "publish", "delete"},
                "en": {"view draft", "edit", "translate", "publish", "delete"}},
    TRANSLATORS: {"fr": {"translate"}, "en": {"view draft", "edit", "translate"}},
    ADMINISTRATORS: {"fr": set(ACTIONS), "en": set(ACTIONS)},
}


def allowed(client, action, page, tree):
    """True when the admin lets the user in: 200, where a refusal redirects or answers 403."""
    if action == "view draft":
        url = reverse("wagtailadmin_pages:view_draft", args=[page.pk])
    elif action == "edit":
        url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    elif action == "publish":  # publish and unpublish go together; unpublishing is the harmless probe
        url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    elif action == "translate":
        url = (reverse("wagtail_localize:submit_page_translation", args=[page.pk]) if tree == "fr"
               else reverse("wagtailadmin_pages:edit", args=[page.pk]))
    else:
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    status = client.get(url).status_code
    assert status in (200, 302, 403), (action, url, status)
    return status == 200


@pytest.mark.parametrize("role", list(MATRIX))
@pytest.mark.parametrize("tree", ["fr", "en"])
def test_each_role_can_do_exactly_what_the_matrix_says(client, site_tree, role_users, role, tree):
    page = site_tree.space_fr if tree == "fr" else site_tree.space_en
    client.force_login(role_users[role])
    seen = {action for action in ACTIONS if allowed(client, action, page, tree)}
    assert seen == MATRIX[role][tree]


@pytest.mark.parametrize("role", list(MATRIX))
def test_publish_buttons_follow_the_permissions(client, site_tree, role_users, role):
    client.force_login(role_users[role])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.space_fr.pk]))
    can_publish = "publish" in MATRIX[role]["fr"]
    assert (b'name="action-publish"' in response.content) is can_publish


@pytest.mark.parametrize("role", list(MATRIX))
def test_only_administration_manages_users_groups_and_workflows(client, site_tree, role_users, role):
    client.force_login(role_users[role])
    admin_only = [reverse("wagtailusers_users:index"), reverse("wagtailusers_groups:index"),
                  reverse("wagtailadmin_workflows:index"), reverse("wagtailsites:index")]
    statuses = {url: client.get(url).status_code for url in admin_only}
    expected = 200 if role == ADMINISTRATORS else 302
    assert set(statuses.values()) == {expected}, statuses
