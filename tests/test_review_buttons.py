"""The page editor still opens when a reviewer approves the page while its buttons are built."""

from django.test import RequestFactory

from wagtail.admin.action_menu import PageActionMenu

import pytest

from pages.models import SpacePage
from pages.review.workflows import REVIEWERS
from tests.editorial import add_space_url, space_form

pytestmark = pytest.mark.django_db


def test_an_approval_between_building_and_showing_the_buttons_is_no_server_error(
    client, site_tree, admin_user, role_users
):
    client.force_login(admin_user)
    form = space_form("Atelier en revue", "atelier-en-revue", **{"action-submit": "1"})
    assert client.post(add_space_url(site_tree.sections["espaces"]), form).status_code == 302
    page = SpacePage.objects.get(slug="atelier-en-revue")

    request = RequestFactory().get("/")
    request.user = admin_user
    menu = PageActionMenu(request, view="edit", page=page, lock=None, locked_for_user=False)

    # The reviewer approves in another request, before this one renders its buttons.
    state = SpacePage.objects.get(pk=page.pk).current_workflow_task_state
    state.task.specific.on_action(state, role_users[REVIEWERS], "approve")

    html = menu.render_html()
    assert "collect_action_data" in html  # the buttons of the review as it was read, not a crash
    page.refresh_from_db()
    assert page.live
