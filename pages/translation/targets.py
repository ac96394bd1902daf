"""What a translation fills: an English page, or the English entry of a reviewed snippet (catalogues).

The translation views (save a draft, send to review, the editor's actions) ask the same questions of
both: may this user edit it, send it to review, publish or delete it, and where are its screens.
Pages answer with their tree permissions; snippets with their viewset's permission policy, so a
feature that narrows who may change its entries (pages/catalogues/permissions.py) is obeyed here too.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.urls import reverse

from wagtail.models import Page, WorkflowMixin


@dataclass(frozen=True)
class Rights:
    edit: bool = False
    submit: bool = False
    publish: bool = False
    delete: bool = False


class Target:
    def __init__(self, obj):
        self.is_page = isinstance(obj, Page)
        self.obj = obj.specific if self.is_page else obj
        self.viewset = None if self.is_page else getattr(obj, "snippet_viewset", None)

    def __str__(self):
        return self.obj.get_admin_display_title() if self.is_page else str(self.obj)

    def rights(self, user):
        if user is None or not user.is_authenticated or not user.is_active:
            return Rights()
        if self.is_page:
            perms = self.obj.permissions_for_user(user)
            edit = perms.can_edit()
            return Rights(edit=edit, submit=edit and perms.can_submit_for_moderation(),
                          publish=perms.can_publish(), delete=perms.can_delete())
        if self.viewset is None:
            return Rights()
        policy = self.viewset.permission_policy

        def may(action):
            return policy.user_has_permission_for_instance(user, action, self.obj)

        edit = may("change")
        reviewed = isinstance(self.obj, WorkflowMixin) and self.obj.get_workflow() is not None
        return Rights(edit=edit, submit=edit and reviewed, publish=may("publish"), delete=may("delete"))

    def refreshed(self):
        """The object as stored now (after wagtail-localize wrote it)."""
        return Target(type(self.obj).objects.get(pk=self.obj.pk))

    def _url(self, page_name, snippet_name, *args):
        if self.is_page:
            return reverse(f"wagtailadmin_pages:{page_name}", args=[self.obj.pk, *args])
        return reverse(self.viewset.get_url_name(snippet_name), args=[quote(self.obj.pk), *args])

    @property
    def edit_url(self):
        return self._url("edit", "edit")

    @property
    def delete_url(self):
        return self._url("delete", "delete")

    def workflow_action_url(self, action, task_state):
        return self._url("workflow_action", "workflow_action", action, task_state.pk)

    @property
    def submit_url(self):
        if self.is_page:
            return reverse("studiobib_submit_translation", args=[self.obj.pk])
        meta = self.obj._meta
        return reverse("studiobib_submit_snippet_translation", args=[meta.app_label, meta.model_name, quote(self.obj.pk)])

    @property
    def done_url(self):
        """Where the translator lands once the translation is in review: its place in the tree, or
        the snippet's listing in that language."""
        if self.is_page:
            return reverse("wagtailadmin_explore", args=[self.obj.get_parent().pk])
        return reverse(self.viewset.get_url_name("list")) + f"?locale={self.obj.locale.language_code}"

    @property
    def previewable(self):
        return self.is_page  # wagtail-localize previews pages only (its preview_translation view)
