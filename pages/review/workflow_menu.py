"""The page editor's review buttons, built from one reading of the review's state.

Wagtail reads the current review task once to choose the buttons ("Approve", "Request changes")
and again when it renders each one. When a reviewer approves between the two readings (seen under
load: an editor opening a page while it is approved), the second reading finds no task and the
edit view fails with a server error. Pinning the state read here makes both readings agree; a
button that became stale leads to the workflow view's own message.
"""

from wagtail import hooks
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import WorkflowState

from cms.compat import keep_workflow_state


@hooks.register("construct_page_action_menu")
def pin_workflow_state(menu_items, request, context):
    page = context.get("page")
    if page is None or not page.pk:
        return
    state = page.workflow_states.active().select_related("current_task_state__task").first()
    keep_workflow_state(page, state)  # the action menu asks for it several times
    in_progress = (
        state and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state_id
    )
    if not in_progress:
        menu_items[:] = [item for item in menu_items if not isinstance(item, WorkflowMenuItem)]
