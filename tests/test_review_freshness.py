"""'Pages à revoir': content past its review date, per locale, with its owner; and the dashboard."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from pages.review.workflows import EDITORS, REVIEWERS, TRANSLATORS

pytestmark = pytest.mark.django_db


def make_overdue(page, owner=None, days=400):
    page.verified_on = timezone.localdate() - datetime.timedelta(days=days)
    page.review_interval_days = 365
    if owner is not None:
        page.owner = owner
    page.save()
    return page


def report_rows(client, **params):
    response = client.get(reverse("pages_to_review"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_report_lists_overdue_pages_with_locale_and_owner_and_not_fresh_ones(client, site_tree, role_users):
    editor = role_users[EDITORS]
    make_overdue(site_tree.space_fr, owner=editor)
    client.force_login(role_users[REVIEWERS])
    html = report_rows(client)
    assert f'data-page-id="{site_tree.space_fr.pk}"' in html
    assert "Rémi Rédacteur" in html
    assert f'data-page-id="{site_tree.guide_fr.pk}"' not in html  # verified today


def test_the_report_filters_by_locale(client, site_tree, role_users):
    make_overdue(site_tree.space_fr)
    make_overdue(site_tree.mission_en)
    client.force_login(role_users[REVIEWERS])
    english = report_rows(client, locale="en")
    assert f'data-page-id="{site_tree.mission_en.pk}"' in english
    assert f'data-page-id="{site_tree.space_fr.pk}"' not in english


def test_the_report_filters_by_owner(client, site_tree, role_users):
    editor = role_users[EDITORS]
    make_overdue(site_tree.space_fr, owner=editor)
    make_overdue(site_tree.mission_fr)
    client.force_login(role_users[REVIEWERS])
    mine = report_rows(client, owner=editor.pk)
    assert f'data-page-id="{site_tree.space_fr.pk}"' in mine
    assert f'data-page-id="{site_tree.mission_fr.pk}"' not in mine


def test_translators_see_only_english_pages_in_the_report(client, site_tree, role_users):
    make_overdue(site_tree.space_fr)
    make_overdue(site_tree.space_en)
    client.force_login(role_users[TRANSLATORS])
    html = report_rows(client)
    assert f'data-page-id="{site_tree.space_en.pk}"' in html
    assert f'data-page-id="{site_tree.space_fr.pk}"' not in html


def test_a_page_exactly_at_its_review_date_is_not_yet_overdue(site_tree):
    from pages.review.freshness import overdue_review_dates

    make_overdue(site_tree.space_fr, days=365)
    assert site_tree.space_fr.pk not in overdue_review_dates()
    make_overdue(site_tree.space_fr, days=366)
    assert site_tree.space_fr.pk in overdue_review_dates()


def test_editors_see_their_own_overdue_pages_on_the_dashboard(client, site_tree, role_users):
    editor = role_users[EDITORS]
    make_overdue(site_tree.space_fr, owner=editor)
    make_overdue(site_tree.mission_fr)  # someone else's
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mes pages à revoir" in html
    panel = html.split("data-my-pages-to-review", 1)[1].split("</table>", 1)[0]
    assert site_tree.space_fr.title in panel
    assert site_tree.mission_fr.title not in panel


def test_the_report_is_in_the_reports_menu(client, site_tree, role_users):
    client.force_login(role_users[EDITORS])
    assert reverse("pages_to_review") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_exports_as_csv(client, site_tree, role_users):
    make_overdue(site_tree.space_fr, owner=role_users[EDITORS])
    client.force_login(role_users[REVIEWERS])
    response = client.get(reverse("pages_to_review"), {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert site_tree.space_fr.title in body.decode()
    assert site_tree.mission_fr.title not in body.decode()
