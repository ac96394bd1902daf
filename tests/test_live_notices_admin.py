"""Site notices in the admin: in French, written by reviewers, translated by translators, not by editors."""

from django.urls import reverse

import pytest

from pages.live.models import SiteNotice

pytestmark = pytest.mark.django_db


def test_a_reviewer_gets_the_notice_form_in_french(client, site_tree, role_users):
    client.force_login(role_users["Révision"])
    response = client.get(reverse("wagtailsnippets_live_sitenotice:add") + "?locale=fr")
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Importance", "Message", "Affiché à partir du", "Affiché jusqu", "Peut être masqué",
                  "Laissez vide pour l"):
        assert label in html, label
    assert reverse("wagtailsnippets_live_sitenotice:list") in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("role, can_add, can_edit", [
    ("Rédaction", False, False), ("Révision", True, True), ("Traduction", False, True)])
def test_who_may_write_and_translate_notices(client, site_tree, role_users, role, can_add, can_edit):
    notice = SiteNotice.objects.create(locale=site_tree.fr, message="<p>Fermeture le 24 décembre.</p>")
    client.force_login(role_users[role])
    add = client.get(reverse("wagtailsnippets_live_sitenotice:add"))
    edit = client.get(reverse("wagtailsnippets_live_sitenotice:edit", args=[notice.pk]))
    assert (add.status_code == 200) is can_add, add.status_code
    assert (edit.status_code == 200) is can_edit, edit.status_code
