from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale


class GlossaryTerm(models.Model):
    """A fixed translation of a French term, shown to translators and given to machine translation."""

    source_term = models.CharField(_("terme français"), max_length=255,
                                   help_text=_("Le terme tel qu'il apparaît dans les pages françaises."))
    target_locale = models.ForeignKey(
        Locale, on_delete=models.CASCADE, related_name="+", verbose_name=_("langue cible"),
        help_text=_("La langue de la traduction imposée."),
    )
    target_term = models.CharField(_("traduction imposée"), max_length=255,
                                   help_text=_("La traduction à utiliser partout, sans variation."))
    note = models.TextField(_("note"), blank=True, help_text=_("Contexte ou exemple d'usage pour les traducteurs."))

    class Meta:
        # Created by the pages app's migrations: it stays in that app, so the table and the
        # migration history are unchanged.
        app_label = "pages"
        verbose_name = _("terme du glossaire")
        verbose_name_plural = _("glossaire")
        ordering = ["source_term"]
        constraints = [
            models.UniqueConstraint(fields=["source_term", "target_locale"], name="unique_glossary_term_per_locale"),
        ]

    def __str__(self):
        return f"{self.source_term} → {self.target_term}"
