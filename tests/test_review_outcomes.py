"""Each review action says what it did: to the reviewer (message), to the author (e-mail, dashboard)."""

import json
import re

from django.core import mail

from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState

import pytest

from pages.review.workflows import EDITORS, REVIEWERS
from tests.editorial import add_space_url, edit_url, space_form

pytestmark = pytest.mark.django_db

TITLE = "Laboratoire de couture"
COMMENT = "Précisez les heures d’ouverture, s’il vous plaît."


@pytest.fixture
def submitted(client, site_tree, role_users, django_capture_on_commit_callbacks):
    """A space written and submitted by the editor (Rédaction)."""
    client.force_login(role_users[EDITORS])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add_space_url(site_tree.sections["espaces"]),
                               space_form(TITLE, "laboratoire-couture", **{"action-submit": "1"}))
    assert response.status_code == 302
    client.get(response["Location"])  # the editor reads the submission message
    from pages.models import SpacePage

    return SpacePage.objects.get(slug="laboratoire-couture", locale=site_tree.fr)


def _act_in_editor(client, page, action, comment=""):
    """The reviewer's button in the page editor (Wagtail posts the edit form with the action)."""
    form = space_form(TITLE, page.slug, **{
        "action-workflow-action": "1", "workflow-action-name": action,
        "workflow-action-extra-data": json.dumps({"comment": comment} if comment else {}),
    })
    response = client.post(edit_url(page), form, follow=True)
    assert response.status_code == 200
    return [re.sub(r"\s+", " ", str(m.message)).strip() for m in response.context["messages"]]


def test_requesting_changes_tells_the_reviewer_to_whom_the_comment_went(
        client, submitted, role_users, django_capture_on_commit_callbacks):
    editor = role_users[EDITORS]
    reviewer = role_users[REVIEWERS]
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        shown = _act_in_editor(client, submitted, "reject", COMMENT)
    assert shown == [
        f"Modifications demandées pour « {TITLE} » : commentaire envoyé à {get_user_display_name(editor)}."
    ]
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_approving_says_approved_and_published(client, submitted, role_users, django_capture_on_commit_callbacks):
    reviewer = role_users[REVIEWERS]
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        shown = _act_in_editor(client, submitted, "approve")
    assert shown == [f"« {TITLE} » approuvée et publiée."]
    submitted.refresh_from_db()
    assert submitted.live


def test_the_authors_email_says_changes_were_requested_and_quotes_the_comment(
        client, submitted, role_users, django_capture_on_commit_callbacks):
    editor = role_users[EDITORS]
    reviewer = role_users[REVIEWERS]
    mail.outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        _act_in_editor(client, submitted, "reject", COMMENT)
    [message] = [m for m in mail.outbox if editor.email in m.to]
    assert message.subject == f"Modifications demandées pour la page « {TITLE} »"
    assert f"{get_user_display_name(reviewer)} demande des modifications à « {TITLE} »" in message.body
    assert f"« {COMMENT} »" in message.body
    assert edit_url(submitted) in message.body
    assert not re.search(r"rejet|reject", message.subject + message.body, re.I)


def test_the_html_email_quotes_the_comment_too(
        client, submitted, role_users, settings, django_capture_on_commit_callbacks):
    editor = role_users[EDITORS]
    reviewer = role_users[REVIEWERS]
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = True
    mail.outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        _act_in_editor(client, submitted, "reject", COMMENT)
    [message] = [m for m in mail.outbox if editor.email in m.to]
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    assert f"<blockquote>{COMMENT}</blockquote>" in html
    assert not re.search(r"rejet|reject", html, re.I)


def test_the_authors_dashboard_shows_the_reviewers_comment_until_the_page_is_resubmitted(
        client, submitted, role_users):
    editor = role_users[EDITORS]
    reviewer = role_users[REVIEWERS]
    client.force_login(reviewer)
    _act_in_editor(client, submitted, "reject", COMMENT)
    client.force_login(editor)
    dashboard = client.get("/admin/").content.decode()
    panel = re.search(r"data-changes-requested.*?</table>", dashboard, re.S).group(0)
    assert TITLE in panel and COMMENT in panel and get_user_display_name(reviewer) in panel
    assert edit_url(submitted) in panel

    client.post(edit_url(submitted), space_form(TITLE, submitted.slug, **{"action-restart-workflow": "1"}))
    assert "data-changes-requested" not in client.get("/admin/").content.decode()


def test_the_reviewers_dashboard_does_not_list_pages_they_sent_back_to_others(client, submitted, role_users):
    reviewer = role_users[REVIEWERS]
    client.force_login(reviewer)
    _act_in_editor(client, submitted, "reject", COMMENT)
    assert "data-changes-requested" not in client.get("/admin/").content.decode()
