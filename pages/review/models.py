"""The review step of the editorial workflow: a group approval limited to the reviewer's own tree."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.forms import TaskStateCommentForm
from wagtail.models import AbstractGroupApprovalTask, Page, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

COMMENT_REQUIRED = _(
    "Expliquez ce qui doit être modifié : un commentaire est obligatoire pour renvoyer la page à son auteur."
)


class RequestChangesForm(TaskStateCommentForm):
    """The "request changes" form: the author must be told what to change."""

    comment = forms.CharField(
        label=_("Commentaire"), required=True, widget=forms.Textarea({"rows": 4}),
        error_messages={"required": COMMENT_REQUIRED},
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(COMMENT_REQUIRED, code="required")
        return comment


class EditorialReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve or send back, but only pages they may publish.

    Stock group approval checks group membership alone; here the page permissions (scoped per
    locale tree) also apply, so a reviewer of one tree cannot approve a page of the other.
    """

    def _user_can_review(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        if isinstance(obj, Page):
            return obj.permissions_for_user(user).can_publish()
        return True

    def user_can_access_editor(self, obj, user):
        return self._user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._user_can_review(obj, user)

    def get_actions(self, obj, user):
        from pages.translation.review import incomplete_translation

        if not self._user_can_review(obj, user):
            return []
        if incomplete_translation(obj):  # not publishable: it can only go back to the translator
            return [("reject", _("Demander des modifications"), True)]
        return [
            ("reject", _("Demander des modifications"), True),
            ("approve", _("Approuver"), False),  # the admin adds « et Publier » on the last step
            ("approve", _("Approuver avec un commentaire"), True),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return RequestChangesForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin views already offer only get_actions(); this guards every other caller
        # (forged edit-view POSTs, scripts) with the same rules.
        obj = task_state.workflow_state.content_object
        if not self._user_can_review(obj, user):
            raise PermissionDenied(_("Vous n'avez pas le droit de réviser cette page."))
        if action_name == "reject" and not (kwargs.get("comment") or "").strip():
            raise PermissionDenied(COMMENT_REQUIRED)
        if action_name == "approve":
            from pages.translation.completeness import summary
            from pages.translation.review import incomplete_translation

            missing = incomplete_translation(obj)
            if missing:
                raise PermissionDenied(_("Traduction incomplète, non publiable : %(summary)s.") % {
                    "summary": summary(missing)})
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if user.is_superuser or not states.exists():
            return states
        page_ids = PagePermissionPolicy().instances_user_has_permission_for(user, "publish").values_list("pk", flat=True)
        page_states = states.filter(workflow_state__base_content_type__app_label="wagtailcore",
                                    workflow_state__base_content_type__model="page")
        return states.exclude(pk__in=page_states.values("pk")) | page_states.filter(
            workflow_state__object_id__in=[str(pk) for pk in page_ids]
        )

    @classmethod
    def get_description(cls):
        return _("Les membres des groupes choisis approuvent ou renvoient les pages qu'ils ont le droit de publier.")

    class Meta:
        # Created by the pages app's migrations: it stays in that app, so the table, the
        # content type and the migration history are unchanged.
        app_label = "pages"
        verbose_name = _("révision par un groupe, dans son arborescence")
        verbose_name_plural = _("révisions par un groupe, dans leur arborescence")


__all__ = ["EditorialReviewTask", "RequestChangesForm", "TaskState"]
