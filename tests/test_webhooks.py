"""Publish webhooks: signed JSON sent to the configured receivers, retried, logged, never in the way."""

import datetime
import hashlib
import hmac
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.management import call_command
from django.utils import timezone

import pytest

from pages.delivery.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


class Receiver:
    """An HTTP server on 127.0.0.1 that records what it receives and answers `status`."""

    def __init__(self):
        self.received = []
        self.status = 204
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append({"headers": dict(self.headers), "body": body})
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def payloads(self):
        return [json.loads(r["body"]) for r in self.received]


@pytest.fixture
def receiver():
    receiver = Receiver()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def endpoint(receiver, site_tree):
    return WebhookEndpoint.objects.create(name="Portail", url=receiver.url, secret="s3cret")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what the code defers to the end of the transaction, as a real request would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_publishing_sends_a_signed_payload_describing_the_page(site_tree, endpoint, receiver, on_commit, language):
    page = site_tree.space_fr if language == "fr" else site_tree.space_en
    with on_commit():
        page.save_revision().publish()
    assert len(receiver.received) == 1
    request = receiver.received[0]
    expected = "sha256=" + hmac.new(b"s3cret", request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-Studiobib-Signature"], expected)
    assert request["headers"]["Content-Type"] == "application/json"
    payload = json.loads(request["body"])
    assert payload["action"] == "publish"
    assert payload["page"] == {"id": page.pk, "type": "pages.SpacePage", "locale": language,
                               "title": page.title, "url": page.full_url}
    assert datetime.datetime.fromisoformat(payload["time"]) <= timezone.now()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 1, 204)


def test_a_signature_made_with_another_secret_does_not_match(site_tree, endpoint, receiver, on_commit):
    with on_commit():
        site_tree.space_fr.save_revision().publish()
    request = receiver.received[0]
    forged = "sha256=" + hmac.new(b"wrong", request["body"], hashlib.sha256).hexdigest()
    assert request["headers"]["X-Studiobib-Signature"] != forged


def test_unpublish_move_and_delete_are_sent_too(site_tree, endpoint, receiver, on_commit):
    with on_commit():
        site_tree.guide_fr.unpublish()
    with on_commit():
        site_tree.guide_fr.move(site_tree.sections["espaces"], pos="last-child")
    mission_id = site_tree.mission_fr.pk
    with on_commit():
        site_tree.mission_en.delete()
        site_tree.mission_fr.delete()
    actions = [(p["action"], p["page"]["id"]) for p in receiver.payloads()]
    assert actions[:2] == [("unpublish", site_tree.guide_fr.pk), ("move", site_tree.guide_fr.pk)]
    assert ("delete", mission_id) in actions


def test_a_failing_receiver_does_not_stop_publishing_and_is_retried_with_backoff(
    site_tree, endpoint, receiver, on_commit, settings
):
    receiver.status = 500
    with on_commit():
        site_tree.space_fr.title = "Publié malgré tout"
        site_tree.space_fr.save_revision().publish()
    site_tree.space_fr.refresh_from_db()
    assert site_tree.space_fr.live and site_tree.space_fr.title == "Publié malgré tout"

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.RETRYING, 1, 500)
    first_wait = delivery.next_attempt_at - delivery.last_attempt_at
    assert first_wait == datetime.timedelta(seconds=settings.WEBHOOK_BACKOFF_SECONDS)

    call_command("retry_webhooks")  # not due yet
    assert len(receiver.received) == 1

    from pages.delivery.webhooks import retry_due

    retry_due(now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at - delivery.last_attempt_at == 4 * first_wait

    receiver.status = 200
    retry_due(now=delivery.next_attempt_at)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == (DeliveryStatus.DELIVERED, 3, "")
    assert len(receiver.received) == 3


def test_a_receiver_that_keeps_failing_is_given_up_after_the_last_attempt(site_tree, endpoint, receiver, on_commit, settings):
    from pages.delivery.webhooks import retry_due

    receiver.status = 503
    settings.WEBHOOK_MAX_ATTEMPTS = 3
    with on_commit():
        site_tree.space_fr.save_revision().publish()
    for _attempt in range(5):
        retry_due(now=timezone.now() + datetime.timedelta(days=1))
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == (DeliveryStatus.FAILED, 3, None)
    assert delivery.error == "HTTP 503 Service Unavailable"


def test_an_unreachable_receiver_is_logged_and_publishing_goes_on(site_tree, on_commit):
    WebhookEndpoint.objects.create(name="Éteint", url="http://127.0.0.1:1/hook")
    with on_commit():
        revision = site_tree.space_en.save_revision()
        revision.publish()
    site_tree.space_en.refresh_from_db()
    assert site_tree.space_en.live_revision_id == revision.pk
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert "Connection refused" in delivery.error or "URLError" in delivery.error


def test_inactive_endpoints_receive_nothing(site_tree, endpoint, receiver, on_commit):
    endpoint.active = False
    endpoint.save()
    with on_commit():
        site_tree.space_fr.save_revision().publish()
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_admins_configure_endpoints_and_read_the_delivery_log(client, site_tree, endpoint, receiver, on_commit, admin_user):
    with on_commit():
        site_tree.space_fr.save_revision().publish()
    client.force_login(admin_user)
    listing = client.get("/admin/webhook_deliveries/")
    assert listing.status_code == 200
    assert "Portail" in listing.content.decode()
    delivery = WebhookDelivery.objects.get()
    assert client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/").status_code == 200
    assert client.get(f"/admin/webhook_deliveries/edit/{delivery.pk}/").status_code in (302, 403)
    response = client.post("/admin/webhook_endpoints/new/", {
        "name": "Affichage", "url": "https://affichage.example.org/hook", "secret": "abc", "active": "on",
    })
    assert response.status_code == 302
    assert WebhookEndpoint.objects.filter(name="Affichage").exists()
    bad = client.post("/admin/webhook_endpoints/new/", {"name": "Mauvais", "url": "ftp://example.org", "secret": "x"})
    assert bad.status_code == 200
    assert not WebhookEndpoint.objects.filter(name="Mauvais").exists()
