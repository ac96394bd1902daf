"""Editors and reviewers write the help boxes (shared by many pages, published at once); translators
translate them."""

from django.db import migrations

GRANTS = {
    "Rédaction": ["add", "change", "view"],
    "Révision": ["add", "change", "delete", "view"],
    "Traduction": ["change", "view"],
}


def grant(apps, schema_editor):
    from pages.review.workflows import _permission

    Group = apps.get_model("auth", "Group")
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[_permission(apps, "help", "helpbox", f"{a}_helpbox") for a in actions])


class Migration(migrations.Migration):
    dependencies = [("help", "0001_initial"), ("pages", "0003_editorial_roles"), ("auth", "0012_alter_user_first_name_max_length")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
