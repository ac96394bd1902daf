"""Editorial roles and the review workflow "Révision éditoriale".

`ensure_editorial_roles()` is idempotent. It runs from the data migration `0003_editorial_roles`
(with the historical models) and from `ensure_skeleton()` (once the home pages exist, so that the
permissions scoped to each locale tree can be granted).

Who may do what is stated with Wagtail's page permissions on each home page, never by convention:

=============  ======================  ==========================================================
group          pages                   also
=============  ======================  ==========================================================
Rédaction      French tree: add, edit  upload and choose images and documents
Révision       both trees: edit,       images and documents; approves or sends back in review
               publish, lock, unlock
Traduction     English tree: add, edit wagtail-localize "submit translation"; choose media
Administration root: every permission  every other permission (users, settings, workflows…)
=============  ======================  ==========================================================
"""

import contextvars

from django.apps import apps as global_apps
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

EDITORS = "Rédaction"
REVIEWERS = "Révision"
TRANSLATORS = "Traduction"
ADMINISTRATORS = "Administration"
ROLES = [EDITORS, REVIEWERS, TRANSLATORS, ADMINISTRATORS]
# The group names are data (stored in French); these labels put them in the interface catalogue.
ROLE_LABELS = {
    EDITORS: _("Rédaction"),
    REVIEWERS: _("Révision"),
    TRANSLATORS: _("Traduction"),
    ADMINISTRATORS: _("Administration"),
}
WORKFLOW_NAME = "Révision éditoriale"
TASK_NAME = "Révision"
STOCK_WORKFLOW_NAME = "Moderators approval"

# (group, locale of the tree or None for the root, page permissions)
PAGE_PERMISSIONS = [
    (EDITORS, "fr", ["add_page", "change_page"]),
    (REVIEWERS, "fr", ["change_page", "publish_page", "lock_page", "unlock_page"]),
    (REVIEWERS, "en", ["change_page", "publish_page", "lock_page", "unlock_page"]),
    (TRANSLATORS, "en", ["add_page", "change_page"]),
    (ADMINISTRATORS, None, ["add_page", "change_page", "bulk_delete_page", "publish_page", "lock_page", "unlock_page"]),
]
IMAGE, DOCUMENT = ("wagtailimages", "image"), ("wagtaildocs", "document")
COLLECTION_PERMISSIONS = {
    EDITORS: [(IMAGE, ["add", "choose"]), (DOCUMENT, ["add", "choose"])],
    REVIEWERS: [(IMAGE, ["add", "change", "choose"]), (DOCUMENT, ["add", "change", "choose"])],
    TRANSLATORS: [(IMAGE, ["choose"]), (DOCUMENT, ["choose"])],
    ADMINISTRATORS: [(IMAGE, ["add", "change", "delete", "choose"]), (DOCUMENT, ["add", "change", "delete", "choose"])],
}
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation", "Can submit translations")
GLOBAL_PERMISSIONS = {
    EDITORS: [ACCESS_ADMIN],
    REVIEWERS: [ACCESS_ADMIN],
    TRANSLATORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION],
    ADMINISTRATORS: [ACCESS_ADMIN, SUBMIT_TRANSLATION],
}


# Within one ensure_editorial_roles() the same content types and permissions are asked for again and
# again (each page permission of each group): read once each, not some 170 queries on every import.
_read_once = contextvars.ContextVar("roles_read_once", default=None)


def _permission(apps, app_label, model, codename, name=None):
    memo = _read_once.get()
    if memo is None:
        memo = {}
    key = (id(apps), app_label, model, codename)
    if key in memo:
        return memo[key]
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    if (id(apps), app_label, model) not in memo:
        memo[id(apps), app_label, model] = ContentType.objects.get_or_create(app_label=app_label, model=model)[0]
    content_type = memo[id(apps), app_label, model]
    permission = Permission.objects.filter(content_type=content_type, codename=codename).first()
    if permission is None:
        permission = Permission.objects.create(content_type=content_type, codename=codename,
                                               name=name or f"Can {codename.replace('_', ' ')}")
    memo[key] = permission
    return permission


def _tree_roots(apps):
    """The pages each group's permissions hang from: the root, and each locale's home page."""
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    roots = {None: Page.objects.get(depth=1)}
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home_fr = site.root_page if site and site.root_page.depth == 2 else None
    if home_fr is not None:
        roots[home_fr.locale.language_code] = home_fr
        for page in Page.objects.filter(depth=2, translation_key=home_fr.translation_key).select_related("locale"):
            roots.setdefault(page.locale.language_code, page)
    return roots


def ensure_groups(apps=global_apps):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    for name, perms in GLOBAL_PERMISSIONS.items():
        groups[name].permissions.add(*[_permission(apps, *perm) for perm in perms])
    # Administration: everything, including users, groups, sites, settings and workflows.
    groups[ADMINISTRATORS].permissions.add(*Permission.objects.all())

    roots = _tree_roots(apps)
    for group_name, locale, codenames in PAGE_PERMISSIONS:
        page = roots.get(locale)
        if page is None:  # the home pages do not exist yet (fresh migrate): setup_site grants it
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[group_name], page=page,
                permission=_permission(apps, "wagtailcore", "page", codename),
            )

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group_name, grants in COLLECTION_PERMISSIONS.items():
            for (app_label, model), actions in grants:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[group_name], collection=root_collection,
                        permission=_permission(apps, app_label, model, f"{action}_{model}"),
                    )
    return groups


def ensure_review_workflow(apps=global_apps):
    """"Révision éditoriale" (one task for the group Révision) on the root: every page of both trees."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    EditorialReviewTask = apps.get_model("pages", "EditorialReviewTask")

    reviewers = Group.objects.get_or_create(name=REVIEWERS)[0]
    task = EditorialReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(app_label="pages", model="editorialreviewtask")
        task = EditorialReviewTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    task.groups.add(reviewers)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    root = Page.objects.get(depth=1)
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # The stock workflow is left in place for the record, disabled once nothing uses it.
    Workflow.objects.filter(name=STOCK_WORKFLOW_NAME, active=True, workflow_pages__isnull=True).update(active=False)
    return workflow


ROLE_GRANTS_HOOK = "register_role_grants"


def ensure_feature_grants():
    """What each feature lets the roles do with its own models (help boxes, notices…), declared by
    the feature with the `register_role_grants` hook: a function returning
    ``{group name: [(app_label, model, [actions])]}``. Its migration granted the same once; this
    grants it again after the groups are rebuilt (setup_site on an emptied database)."""
    from django.contrib.auth.models import Group

    from wagtail import hooks

    for declare in hooks.get_hooks(ROLE_GRANTS_HOOK):
        for group_name, grants in declare().items():
            if group_name not in ROLES:
                raise ImproperlyConfigured(f"{declare.__module__}.{declare.__name__}: « {group_name} » is not a role ({', '.join(ROLES)}).")
            group = Group.objects.get(name=group_name)
            group.permissions.add(*[
                _permission(global_apps, app_label, model, f"{action}_{model}")
                for app_label, model, actions in grants for action in actions])


REVIEW_MODELS_HOOK = "register_review_workflow_models"


def ensure_feature_review(workflow=None):
    """The snippets a feature sends through review (catalogue entries…), declared with the
    `register_review_workflow_models` hook (a function returning models): the review workflow is
    assigned to their content types, as it is to the root page."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail import hooks
    from wagtail.models import Workflow, WorkflowContentType

    workflow = workflow or Workflow.objects.get(name=WORKFLOW_NAME)
    for declare in hooks.get_hooks(REVIEW_MODELS_HOOK):
        for model in declare():
            WorkflowContentType.objects.update_or_create(
                content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow})


def ensure_editorial_roles(apps=global_apps):
    """Groups, their permissions and the review workflow. Safe to run again at any time."""
    token = _read_once.set({})
    try:
        groups = ensure_groups(apps)
        workflow = ensure_review_workflow(apps)
        if apps is global_apps:  # in a migration, each feature's own migration grants its models
            ensure_feature_grants()
            ensure_feature_review(workflow)
    finally:
        _read_once.reset(token)
    return groups, workflow


def remove_editorial_roles(apps=global_apps):
    """Undo `ensure_editorial_roles`: the stock workflow is back on the root, our groups are gone."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    EditorialReviewTask = apps.get_model("pages", "EditorialReviewTask")

    stock = Workflow.objects.filter(name=STOCK_WORKFLOW_NAME).first()
    root = Page.objects.get(depth=1)
    WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME).delete()
    if stock is not None:
        stock.active = True
        stock.save(update_fields=["active"])
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": stock})
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    task_ids = list(EditorialReviewTask.objects.values_list("pk", flat=True))
    Task.objects.filter(pk__in=task_ids).delete()
    Group.objects.filter(name__in=ROLES).delete()
