"""Go-live and expiry dates: an approved page waits for its date; `publish_scheduled` does the rest."""

import datetime
import os

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

import pytest

from pages.models import SpacePage
from pages.review.workflows import EDITORS, REVIEWERS
from tests.editorial import add_space_url, space_form, workflow_action_url

pytestmark = pytest.mark.django_db


def run_scheduler():
    call_command("publish_scheduled", stdout=open(os.devnull, "w"))  # noqa: SIM115


def test_an_approved_page_with_a_go_live_date_goes_live_only_when_the_scheduler_runs_after_that_date(
        client, site_tree, role_users):
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    client.force_login(role_users[EDITORS])
    client.post(add_space_url(site_tree.sections["espaces"]), space_form(
        "Salle immersive", "salle-immersive", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-submit": "1"}))
    page = SpacePage.objects.get(slug="salle-immersive")
    client.force_login(role_users[REVIEWERS])
    client.post(workflow_action_url(page, "approve"), {"comment": ""})

    page.refresh_from_db()
    revision = Revision.page_revisions.filter(object_id=str(page.pk)).exclude(approved_go_live_at=None).get()
    assert not page.live
    assert abs(revision.approved_go_live_at - go_live) < datetime.timedelta(minutes=1)
    run_scheduler()  # before the date: nothing happens
    page.refresh_from_db()
    assert not page.live
    assert client.get("/fr/espaces/salle-immersive/").status_code == 404

    # Two days later: the clock is moved by moving the approved go-live date into the past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    run_scheduler()
    page.refresh_from_db()
    assert page.live
    assert client.get("/fr/espaces/salle-immersive/").status_code == 200


def test_a_live_page_past_its_expiry_date_is_taken_offline_by_the_scheduler(client, site_tree):
    space = site_tree.space_fr
    SpacePage.objects.filter(pk=space.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    assert client.get("/fr/espaces/studio-balado/").status_code == 200
    run_scheduler()
    space.refresh_from_db()
    assert not space.live
    assert space.expired
    assert client.get("/fr/espaces/studio-balado/").status_code == 404
