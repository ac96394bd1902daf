"""Review journeys through the real admin views: nothing goes live unreviewed."""

import json

from django.core import mail

from wagtail.models import Page, PageLogEntry, WorkflowState

import pytest

from pages.models import SpacePage
from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS, WORKFLOW_NAME
from tests.editorial import AJAX, add_space_url, edit_url, space_form, workflow_action_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(role_users):
    return role_users[EDITORS]


@pytest.fixture
def reviewer(role_users):
    return role_users[REVIEWERS]


@pytest.fixture
def translator(role_users):
    return role_users[TRANSLATORS]


def create_and_submit(client, editor, parent, title="Laboratoire de couture", slug="laboratoire-couture",
                      paragraph="<p>Machines à coudre et brodeuse numérique.</p>"):
    client.force_login(editor)
    response = client.post(add_space_url(parent), space_form(title, slug, paragraph, **{"action-submit": "1"}))
    assert response.status_code == 302, response.content[:2000]
    return SpacePage.objects.get(slug=slug, locale=parent.locale)


def test_editor_creates_a_space_and_submits_it_but_it_is_not_live(client, site_tree, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = create_and_submit(client, editor, site_tree.sections["espaces"])

    assert not page.live
    assert page.owner == editor
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == WORKFLOW_NAME
    assert client.get("/fr/espaces/laboratoire-couture/").status_code == 404
    # The edit form offers no publish button to an editor.
    assert b'name="action-publish"' not in client.get(edit_url(page)).content


def test_reviewers_are_emailed_when_a_page_is_submitted(client, site_tree, editor, reviewer, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        create_and_submit(client, editor, site_tree.sections["espaces"])

    recipients = {address for message in mail.outbox for address in message.to}
    assert reviewer.email in recipients
    assert editor.email not in recipients
    assert any("Laboratoire de couture" in message.subject for message in mail.outbox)


def test_an_editor_who_forges_a_publish_post_is_refused_and_nothing_goes_live(client, site_tree, editor):
    client.force_login(editor)
    response = client.post(add_space_url(site_tree.sections["espaces"]),
                           space_form("Page forcée", "page-forcee", **{"action-publish": "1"}))
    page = SpacePage.objects.filter(slug="page-forcee").first()
    assert page is None or not page.live
    assert response.status_code in (302, 403)

    # Forged publish of an existing live page keeps the reviewed text online.
    space = site_tree.space_fr
    reviewed_title = space.title
    client.post(edit_url(space), space_form("Studio piraté", space.slug, **{"action-publish": "1"}))
    space.refresh_from_db()
    assert space.title == reviewed_title
    assert "Studio piraté" not in client.get(space.url).content.decode()


def test_an_editor_cannot_approve_their_own_page_by_posting_the_workflow_action(client, site_tree, editor):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert response.status_code in (302, 403)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_reviewer_approves_and_the_space_is_live_in_html_and_api(client, site_tree, editor, reviewer,
                                                                django_capture_on_commit_callbacks):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    mail.outbox.clear()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.live
    html = client.get("/fr/espaces/laboratoire-couture/")
    assert html.status_code == 200
    assert "Machines à coudre et brodeuse numérique." in html.content.decode()
    api = client.get(f"/api/v2/pages/{page.pk}/")
    assert api.status_code == 200
    assert api.json()["title"] == "Laboratoire de couture"
    # The author hears about it.
    assert any(editor.email in message.to for message in mail.outbox)


def test_reviewer_sends_back_with_a_comment_the_page_stays_offline_and_the_editor_sees_the_comment(
        client, site_tree, editor, reviewer, django_capture_on_commit_callbacks):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    mail.outbox.clear()
    client.force_login(reviewer)
    comment = "Précisez les heures d’ouverture, s’il vous plaît."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(workflow_action_url(page, "reject"), {"comment": comment}, **AJAX)
    assert json.loads(response.content)["step"] == "success"

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client.force_login(editor)
    assert comment in client.get(edit_url(page)).content.decode()
    rejection = [m for m in mail.outbox if editor.email in m.to]
    assert rejection and comment in rejection[0].body


def test_requesting_changes_with_an_empty_comment_is_refused_with_a_clear_message(client, site_tree, editor, reviewer):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    client.force_login(reviewer)
    response = client.post(workflow_action_url(page, "reject"), {"comment": "   "}, **AJAX)
    body = json.loads(response.content)
    assert body["step"] != "success"
    assert "un commentaire est obligatoire" in body["html"]

    # The same refusal when the reject action is posted through the edit form.
    forged = space_form("Laboratoire de couture", "laboratoire-couture", **{
        "action-workflow-action": "1", "workflow-action-name": "reject", "workflow-action-extra-data": "{}"})
    assert client.post(edit_url(page), forged).status_code in (302, 403)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_a_reviewer_cannot_approve_a_page_in_a_tree_they_have_no_rights_on(client, site_tree, editor):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from wagtail.models import GroupPagePermission

    from pages.review.models import EditorialReviewTask

    # A reviewer group limited to the English tree, added to the review step.
    english_reviewers = Group.objects.create(name="Révision anglaise")
    english_reviewers.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("change_page", "publish_page"):
        GroupPagePermission.objects.create(group=english_reviewers, page=site_tree.home_en,
                                           permission=Permission.objects.get(codename=codename))
    EditorialReviewTask.objects.get().groups.add(english_reviewers)
    english_reviewer = get_user_model().objects.create_user("en-reviewer", "en@example.org", "x")
    english_reviewer.groups.add(english_reviewers)

    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    client.force_login(english_reviewer)
    response = client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert response.status_code in (302, 403)
    assert not page.live
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # Same reviewer, same task, own tree: allowed.
    task = EditorialReviewTask.objects.get()
    assert task.get_actions(site_tree.space_en, english_reviewer)
    assert not task.get_actions(page, english_reviewer)


def test_submit_approve_reject_and_publish_are_in_the_audit_log_with_who_and_when(client, site_tree, editor, reviewer):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    client.force_login(reviewer)
    client.post(workflow_action_url(page, "reject"), {"comment": "À compléter."}, **AJAX)
    client.force_login(editor)
    client.post(edit_url(page), space_form("Laboratoire de couture", "laboratoire-couture",
                                           **{"action-restart-workflow": "1"}))
    client.force_login(reviewer)
    client.post(workflow_action_url(page, "approve"), {"comment": ""})

    entries = list(PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk").values_list("action", "user__username"))
    for expected in [("wagtail.workflow.start", "redaction"), ("wagtail.workflow.reject", "revision"),
                     ("wagtail.workflow.approve", "revision"), ("wagtail.publish", "revision")]:
        assert expected in entries, entries
    assert all(e.timestamp for e in PageLogEntry.objects.filter(page=page))
    # Visible in the page history view.
    history = client.get(f"/admin/pages/{page.pk}/history/").content.decode()
    assert "Rachel" in history or "revision" in history


def test_approval_of_a_space_publishes_the_version_that_was_reviewed_not_a_later_draft_by_another_role(
        client, site_tree, editor, reviewer, translator):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    # While in review the page is locked to non-reviewers: the editor cannot slip in a change.
    client.force_login(editor)
    client.post(edit_url(page), space_form("Modifié pendant la révision", "laboratoire-couture",
                                           **{"action-submit": "1"}))
    client.force_login(reviewer)
    client.post(workflow_action_url(page, "approve"), {"comment": ""})
    page.refresh_from_db()
    assert page.live
    assert page.title == "Laboratoire de couture"


def test_reviewer_sees_the_submitted_page_awaiting_review_on_the_dashboard(client, site_tree, editor, reviewer):
    page = create_and_submit(client, editor, site_tree.sections["espaces"])
    client.force_login(reviewer)
    dashboard = client.get("/admin/").content.decode()
    assert "Laboratoire de couture" in dashboard
    client.force_login(editor)
    # The editor's own page awaiting review is listed on their dashboard too.
    assert "Laboratoire de couture" in client.get("/admin/").content.decode()
    assert Page.objects.get(pk=page.pk).workflow_in_progress
