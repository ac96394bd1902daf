"""What a review action did, told to the reviewer (admin message) and to the author (dashboard).

Wagtail's edit view ends every workflow action with the same « La page … a été mise à jour »;
the reviewer is told instead what happened: changes requested and to whom the comment went, or
approved and published (or scheduled, or passed to the next step).
"""

from django.contrib import messages
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.ui.components import Component
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, TaskState, WorkflowState, get_default_page_content_type

TASK_STATE_BEFORE_ACTION = "_studiobib_reviewed_task_state"
# The message Wagtail's edit view adds after any action (wagtail/admin/views/pages/edit.py,
# add_save_confirmation_message), translated by Wagtail's own catalogue: a variable, so that it is
# not extracted into ours.
WAGTAIL_UPDATED = "Page '%(page_title)s' has been updated."


def outcome_message(task_state):
    """One sentence saying what the action on `task_state` did, or None while it is still pending."""
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object.specific
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        author = workflow_state.requested_by
        return _("Modifications demandées pour « %(title)s » : commentaire envoyé à %(author)s.") % {
            "title": title, "author": get_user_display_name(author) if author else _("l’auteur"),
        }
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    if workflow_state.status != WorkflowState.STATUS_APPROVED:
        return _("« %(title)s » approuvée : elle passe à l’étape suivante de la révision.") % {"title": title}
    page.refresh_from_db()
    if page.go_live_at and not page.live:
        return _("« %(title)s » approuvée : publication programmée le %(when)s.") % {
            "title": title, "when": date_format(localtime(page.go_live_at), "DATETIME_FORMAT"),
        }
    return _("« %(title)s » approuvée et publiée.") % {"title": title}


def _replace_messages(request, drop, new):
    """Queue `new` in place of any message that reads `drop` (through the public messages API:
    reading the queue marks it used, so the messages kept are queued again)."""
    dropped = admin_messages.render(drop, None)
    kept = [message for message in messages.get_messages(request) if str(message.message) != dropped]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    admin_messages.success(request, new)


@hooks.register("before_edit_page")
def remember_task_state(request, page):
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        setattr(request, TASK_STATE_BEFORE_ACTION, page.current_workflow_task_state)


@hooks.register("after_edit_page")
def say_what_the_review_did(request, page):
    task_state = getattr(request, TASK_STATE_BEFORE_ACTION, None)
    if task_state is None:
        return
    task_state.refresh_from_db()
    message = outcome_message(task_state)
    if message:
        updated = _(WAGTAIL_UPDATED) % {"page_title": page.get_admin_display_title()}
        _replace_messages(request, updated, message)


class ChangesRequestedPanel(Component):
    """Dashboard: my pages sent back by a reviewer, with the reviewer's comment."""

    name = "changes_requested"
    template_name = "pages/review/changes_requested_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        # object_id is text: compare it with the owned pages' ids cast to text, in one query.
        owned = Page.objects.filter(owner=request.user).annotate(text_pk=Cast("pk", CharField())).values("text_pk")
        mine = Q(requested_by=request.user) | Q(base_content_type=get_default_page_content_type(), object_id__in=owned)
        states = (
            WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
            .filter(mine)
            .select_related("current_task_state__finished_by")
            .order_by("-current_task_state__finished_at")[:20]
        )
        rows = []
        pages = Page.objects.in_bulk([int(state.object_id) for state in states])
        for state in states:
            page = pages.get(int(state.object_id))
            if page is None:
                continue
            task_state = state.current_task_state
            rows.append({
                "page": page,
                "reviewer": get_user_display_name(task_state.finished_by) if task_state and task_state.finished_by else "",
                "when": task_state.finished_at if task_state else None,
                "comment": task_state.get_comment() if task_state else "",
            })
        return {"rows": rows, "request": request}


@hooks.register("construct_homepage_panels")
def add_changes_requested_panel(request, panels):
    panels.append(ChangesRequestedPanel())
