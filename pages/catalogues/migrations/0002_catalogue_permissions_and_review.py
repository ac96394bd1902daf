"""Editors write catalogue entries and submit them; reviewers publish them (the review workflow is
assigned to both models); translators translate them."""

from django.db import migrations

GRANTS = {
    "Rédaction": ["add", "change", "view"],
    "Révision": ["add", "change", "delete", "publish", "lock", "unlock", "view"],
    "Traduction": ["change", "view"],
}
MODELS = ("software", "modelsource")
WORKFLOW_NAME = "Révision éditoriale"


def grant(apps, schema_editor):
    from pages.review.workflows import _permission

    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[_permission(apps, "catalogues", model, f"{a}_{model}")
                                    for model in MODELS for a in actions])
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        for model in MODELS:
            content_type, _created = ContentType.objects.get_or_create(app_label="catalogues", model=model)
            WorkflowContentType.objects.update_or_create(content_type=content_type, defaults={"workflow": workflow})


def ungrant(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type__app_label="catalogues").delete()


class Migration(migrations.Migration):
    dependencies = [("catalogues", "0001_initial"), ("pages", "0003_editorial_roles"),
                    ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(grant, ungrant)]
