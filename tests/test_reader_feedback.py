"""Reader feedback: a plain form on every page, stored, rate limited, listed for editors."""

import html
import re

from django.core.cache import cache
from django.test import Client

import pytest

from pages.feedback.models import ReaderFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


def _post(client, page, **data):
    return client.post(f"/fr/avis/{page.pk}/", data, follow=True, REMOTE_ADDR=data.pop("ip", "10.0.0.1"))


@pytest.mark.parametrize("url", ["/fr/", "/fr/espaces/studio-balado/", "/en/spaces/podcast-studio/",
                                 "/fr/creatives/imprimante-3d-bambu/", "/fr/a-propos/mission/", "/fr/espaces/"])
def test_every_page_asks_whether_it_was_helpful(site_tree, url):
    html = Client().get(url).content.decode()
    form = re.search(r'<form method="post" action="(/(?:fr|en)/avis/\d+/)">.*?</form>', html, re.S)
    assert form, url
    assert 'value="yes"' in form.group() and 'value="no"' in form.group() and 'name="comment"' in form.group()


def test_an_answer_is_stored_and_the_reader_is_thanked_on_the_same_page(site_tree):
    client = Client(enforce_csrf_checks=False)
    response = _post(client, site_tree.space_fr, helpful="no", comment="  Il manque les horaires d'été.  ")
    assert response.redirect_chain[-1][0] == "/fr/espaces/studio-balado/#feedback"
    assert "Merci ! Votre avis a été transmis à l'équipe." in html.unescape(response.content.decode())
    feedback = ReaderFeedback.objects.get()
    assert (feedback.page_id, feedback.helpful, feedback.comment) == (site_tree.space_fr.pk, False, "Il manque les horaires d'été.")


def test_the_form_sets_no_cookie_so_pages_stay_cacheable(site_tree):
    # A CSRF token would set a cookie on every page view and make every page private.
    response = Client().get(site_tree.space_fr.url)
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_an_answer_from_another_site_is_accepted_but_rate_limited(site_tree):
    client = Client(enforce_csrf_checks=True)
    for _ in range(8):
        client.post(f"/fr/avis/{site_tree.space_fr.pk}/", {"helpful": "yes"})
    assert ReaderFeedback.objects.count() == 5


def test_an_answer_without_yes_or_no_is_refused_with_a_clear_message(site_tree):
    response = _post(Client(), site_tree.space_fr, comment="bof")
    assert "Choisissez « Oui » ou « Non »." in response.content.decode()
    assert not ReaderFeedback.objects.exists()


def test_robots_filling_the_hidden_field_are_thanked_but_not_stored(site_tree):
    response = _post(Client(), site_tree.space_fr, helpful="yes", website="http://spam.example")
    assert "Merci" in response.content.decode()
    assert not ReaderFeedback.objects.exists()


def test_one_address_cannot_send_more_than_five_answers_in_ten_minutes(site_tree, settings):
    settings.FEEDBACK_RATE_LIMIT = (5, 600)
    client = Client()
    for _ in range(5):
        _post(client, site_tree.guide_fr, helpful="yes", ip="10.0.0.9")
    response = _post(client, site_tree.guide_fr, helpful="yes", ip="10.0.0.9")
    assert "beaucoup d'avis en peu de temps" in html.unescape(response.content.decode())
    assert ReaderFeedback.objects.count() == 5
    _post(client, site_tree.guide_fr, helpful="yes", ip="10.0.0.10")  # another reader is not blocked
    assert ReaderFeedback.objects.count() == 6


def test_feedback_on_a_draft_or_unknown_page_is_refused(site_tree):
    assert Client().post("/fr/avis/999999/", {"helpful": "yes"}).status_code == 404
    assert Client().get(f"/fr/avis/{site_tree.space_fr.pk}/").status_code == 405


def test_editors_see_the_answers_per_page_with_counts(site_tree, admin_user):
    for helpful, comment in [(True, ""), (True, "Clair"), (False, "Trop long")]:
        ReaderFeedback.objects.create(page=site_tree.guide_fr, helpful=helpful, comment=comment)
    ReaderFeedback.objects.create(page=site_tree.space_en, helpful=False)
    client = Client()
    client.force_login(admin_user)
    summary = client.get("/admin/reader-feedback-summary/").content.decode()
    rows = re.findall(r"<tr>\s*<td><a [^>]+>([^<]+)</a></td>\s*<td>[^<]*</td>\s*<td>(\d+)</td><td>(\d+)</td>\s*<td>(\d+)</td>\s*<td><a [^>]+>(\d+)</a>", summary)
    assert rows == [("Imprimante 3D Bambu Lab", "2", "1", "2", "3"), ("Podcast studio", "0", "1", "0", "1")]
    listing = client.get(f"/admin/reader_feedback/?page_id={site_tree.guide_fr.pk}").content.decode()
    assert "Trop long" in listing and "Clair" in listing


def test_readers_cannot_open_the_feedback_summary(site_tree):
    response = Client().get("/admin/reader-feedback-summary/")
    assert response.status_code == 302 and "/login/" in response["Location"]


PROXY = "10.0.0.2"


def _post_through(client, page, forwarded_for, proxy=PROXY):
    return client.post(f"/fr/avis/{page.pk}/", {"helpful": "yes"}, follow=True,
                       REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_the_trusted_proxy_one_reader_does_not_block_the_others(site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FEEDBACK_RATE_LIMIT = (5, 600)
    client = Client()
    for _ in range(5):
        _post_through(client, site_tree.space_fr, "203.0.113.9")
    blocked = _post_through(client, site_tree.space_fr, "203.0.113.9")
    assert "beaucoup d'avis en peu de temps" in html.unescape(blocked.content.decode())
    # Reader B reaches the site through the same proxy: their answer is taken.
    answer = _post_through(client, site_tree.space_fr, "203.0.113.10")
    assert "Merci ! Votre avis a été transmis" in html.unescape(answer.content.decode())
    assert ReaderFeedback.objects.count() == 6


def test_behind_the_trusted_proxy_a_forged_start_of_the_header_does_not_dodge_the_limit(site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    for i in range(8):
        _post_through(client, site_tree.space_fr, f"192.0.2.{i}, 203.0.113.9")
    assert ReaderFeedback.objects.count() == 5


def test_without_a_trusted_proxy_a_forged_x_forwarded_for_does_not_dodge_the_limit(site_tree, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    client = Client()
    for i in range(8):
        _post_through(client, site_tree.space_fr, f"192.0.2.{i}", proxy="198.51.100.4")
    assert ReaderFeedback.objects.count() == 5
