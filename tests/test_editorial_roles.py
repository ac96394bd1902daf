"""The roles and the review workflow are created once, can be re-run, and the migration can be undone."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

import pytest

from pages.review.workflows import ROLES, STOCK_WORKFLOW_NAME, WORKFLOW_NAME, ensure_editorial_roles

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)),
        GroupPagePermission.objects.filter(group__name__in=ROLES).count(),
        Workflow.objects.filter(name=WORKFLOW_NAME).count(),
        WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name,
    )


def test_every_page_of_both_trees_goes_through_the_editorial_review(site_tree):
    for page in (site_tree.space_fr, site_tree.space_en, site_tree.home_en):
        assert page.get_workflow().name == WORKFLOW_NAME
    assert not Workflow.objects.filter(name=STOCK_WORKFLOW_NAME, active=True).exists()


def test_running_the_setup_again_changes_nothing(site_tree):
    before = snapshot()
    ensure_editorial_roles()
    call_command("setup_site", stdout=io.StringIO())
    assert snapshot() == before
    assert before[0] == sorted(ROLES)


def test_the_permissions_are_scoped_to_each_locale_tree(site_tree):
    def pages_of(group):
        return set(GroupPagePermission.objects.filter(group__name=group).values_list("page_id", flat=True))

    assert pages_of("Rédaction") == {site_tree.home_fr.pk}
    assert pages_of("Traduction") == {site_tree.home_en.pk}
    assert pages_of("Révision") == {site_tree.home_fr.pk, site_tree.home_en.pk}
    assert pages_of("Administration") == {Page.get_first_root_node().pk}


def test_setup_site_demo_prints_one_account_per_role(site_tree):
    out = io.StringIO()
    call_command("setup_site", "--demo", stdout=out)
    for login, password in [("redaction", "redaction-demo"), ("revision", "revision-demo"),
                            ("traduction", "traduction-demo"), ("administration", "administration-demo")]:
        assert f"login: {login}" in out.getvalue()
        assert password in out.getvalue()


def test_the_roles_migration_can_be_undone_and_reapplied(live_site_tree):
    # Wagtail's own migrations create the stock workflow; a flush by an earlier test may have removed it.
    Workflow.objects.get_or_create(name=STOCK_WORKFLOW_NAME)
    executor = MigrationExecutor(connection)
    executor.migrate([("pages", "0002_booking_url_validator")])
    assert not Group.objects.filter(name__in=ROLES).exists()
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == STOCK_WORKFLOW_NAME

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert sorted(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == sorted(ROLES)
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == WORKFLOW_NAME


def test_running_the_setup_again_gives_back_what_each_feature_grants_the_roles(site_tree, role_users):
    from django.contrib.auth.models import Permission

    features = Permission.objects.filter(content_type__app_label__in=["help", "live"])
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*features)  # as after the groups were rebuilt on an emptied database
    editor, translator = role_users["Rédaction"], role_users["Traduction"]
    assert not get_user_model().objects.get(pk=editor.pk).has_perm("help.add_helpbox")

    ensure_editorial_roles()

    editor = get_user_model().objects.get(pk=editor.pk)
    translator = get_user_model().objects.get(pk=translator.pk)
    assert editor.has_perm("help.add_helpbox") and not editor.has_perm("live.add_sitenotice")
    assert translator.has_perm("live.change_sitenotice") and not translator.has_perm("live.add_sitenotice")
