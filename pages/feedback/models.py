from django.db import models
from django.utils.translation import gettext_lazy as _


class ReaderFeedback(models.Model):
    """A reader's answer to « Cette page vous a-t-elle été utile ? », with an optional comment."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="reader_feedback", verbose_name=_("page"),
    )
    helpful = models.BooleanField(_("page utile"), help_text=_("La réponse du lecteur : oui ou non."))
    comment = models.TextField(_("commentaire"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True, db_index=True)

    class Meta:
        # Created by the pages app's migrations: it stays in that app, so the table and the
        # migration history are unchanged.
        app_label = "pages"
        verbose_name = _("avis de lecteur")
        verbose_name_plural = _("avis des lecteurs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.page_id} · {'+' if self.helpful else '-'} · {self.created_at:%Y-%m-%d}"
