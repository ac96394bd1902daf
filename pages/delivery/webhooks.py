"""Signed JSON notifications of page changes, sent in the background and retried with backoff."""

import datetime
import hashlib
import hmac
import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from django_tasks import task

from .models import DeliveryStatus, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Studiobib-Signature"
EVENT_HEADER = "X-Studiobib-Event"


def sign(secret, body):
    """`sha256=<hex HMAC-SHA256 of the raw body>`, as receivers recompute it."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def payload_for(page, action, url=None):
    parts = page.get_url_parts()
    return {
        "action": action,
        "time": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
            "locale": page.locale.language_code,
            "title": page.title,
            "url": url if url is not None else (parts[1] + parts[2] if parts else None),
        },
    }


def notify(page, action, url=None):
    """Log one delivery per active endpoint and send them once the transaction commits.

    Never raises: a broken webhook must not break publishing.
    """
    try:
        endpoints = list(WebhookEndpoint.objects.filter(active=True))
        if not endpoints:
            return
        payload = payload_for(page, action, url)
        deliveries = WebhookDelivery.objects.bulk_create(
            [WebhookDelivery(endpoint=e, action=action, page_id=page.pk, payload=payload) for e in endpoints]
        )
        ids = [d.pk for d in deliveries]
        transaction.on_commit(lambda: _enqueue(ids))
    except Exception:
        logger.exception("Could not queue the webhooks of page %s (%s)", page.pk, action)


def _enqueue(ids, run_after=None):
    for delivery_id in ids:
        try:
            if run_after is not None and deliver.get_backend().supports_defer:
                deliver.using(run_after=run_after).enqueue(delivery_id)
            else:
                deliver.enqueue(delivery_id)
        except Exception:
            logger.exception("Could not enqueue webhook delivery %s", delivery_id)


def backoff(attempts):
    """Seconds to wait after the n-th failed attempt: 30 s, 2 min, 8 min, 32 min…"""
    return settings.WEBHOOK_BACKOFF_SECONDS * 4 ** (attempts - 1)


@task()
def deliver(delivery_id):
    """One attempt. On failure, plan the next one (deferred task, or `manage.py retry_webhooks`)."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED):
        return
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    request = urllib.request.Request(  # noqa: S310 - editors configure http(s) URLs only (validated)
        delivery.endpoint.url, data=body, method="POST",
        headers={"Content-Type": "application/json", "User-Agent": "studiobib-webhooks/1",
                 SIGNATURE_HEADER: sign(delivery.endpoint.secret, body), EVENT_HEADER: f"page.{delivery.action}"},
    )
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:  # noqa: S310
            delivery.response_status = response.status
        delivery.status, delivery.error, delivery.next_attempt_at = DeliveryStatus.DELIVERED, "", None
    except urllib.error.HTTPError as exc:
        delivery.response_status, delivery.error = exc.code, f"HTTP {exc.code} {exc.reason}"
    except Exception as exc:  # network errors, timeouts, bad URLs: all logged, none raised
        delivery.response_status, delivery.error = None, f"{exc.__class__.__name__}: {exc}"
    if delivery.status != DeliveryStatus.DELIVERED:
        if delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
            delivery.status, delivery.next_attempt_at = DeliveryStatus.FAILED, None
        else:
            delivery.status = DeliveryStatus.RETRYING
            delivery.next_attempt_at = delivery.last_attempt_at + datetime.timedelta(seconds=backoff(delivery.attempts))
    delivery.save()
    if delivery.status == DeliveryStatus.RETRYING and deliver.get_backend().supports_defer:
        _enqueue([delivery.pk], run_after=delivery.next_attempt_at)


def retry_due(now=None):
    """Send the deliveries whose next attempt is due; returns how many were tried."""
    now = now or timezone.now()
    due = list(WebhookDelivery.objects.filter(status=DeliveryStatus.RETRYING, next_attempt_at__lte=now)
               .values_list("pk", flat=True))
    for delivery_id in due:
        deliver.call(delivery_id)
    return len(due)
