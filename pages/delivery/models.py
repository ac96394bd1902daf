"""Publish webhooks: endpoints that editors configure, and the log of every delivery."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from pages.validators import http_url_validator


def new_secret():
    return secrets.token_urlsafe(32)


class WebhookEndpoint(models.Model):
    name = models.CharField(_("nom"), max_length=100, help_text=_("Pour vous y retrouver : « Portail », « Affichage du hall »…"))
    url = models.URLField(_("adresse"), max_length=500, validators=[http_url_validator],
                          help_text=_("Adresse qui reçoit un POST JSON à chaque publication, dépublication, déplacement ou suppression."))
    secret = models.CharField(
        _("secret partagé"), max_length=200, default=new_secret,
        help_text=_("Sert à signer chaque envoi (HMAC-SHA256, en-tête X-Studiobib-Signature). Donnez-le au destinataire."),
    )
    active = models.BooleanField(_("actif"), default=True, help_text=_("Décochez pour suspendre les envois sans perdre la configuration."))
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("webhook de publication")
        verbose_name_plural = _("webhooks de publication")
        ordering = ["name"]

    def __str__(self):
        return self.name


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    RETRYING = "retrying", _("Nouvel essai prévu")
    DELIVERED = "delivered", _("Livré")
    FAILED = "failed", _("Abandonné")


class WebhookDelivery(models.Model):
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries",
                                 verbose_name=_("webhook"))
    action = models.CharField(_("action"), max_length=20)
    page_id = models.PositiveIntegerField(_("identifiant de la page"))
    payload = models.JSONField(_("contenu envoyé"))
    status = models.CharField(_("état"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    response_status = models.PositiveSmallIntegerField(_("code de réponse"), null=True, blank=True)
    error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("dernier essai"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("prochain essai"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi de webhook")
        verbose_name_plural = _("envois de webhooks")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.endpoint} · {self.action} · {self.page_id}"
