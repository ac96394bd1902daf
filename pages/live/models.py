"""The site-wide notice: written by editors in French, translated, shown on every page and in the API."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin


class Severity(models.TextChoices):
    INFO = "info", _("Information")
    WARNING = "warning", _("Attention")
    DANGER = "danger", _("Urgent")


class SiteNotice(TranslatableMixin, models.Model):
    severity = models.CharField(
        _("importance"), max_length=10, choices=Severity.choices, default=Severity.INFO,
        help_text=_("Change la couleur et le mot annoncé aux lecteurs d'écran."),
    )
    message = RichTextField(
        _("message"), features=["bold", "italic", "link"],
        help_text=_("Une ou deux phrases ; un lien vers la page qui en dit plus."),
    )
    starts_at = models.DateTimeField(
        _("affiché à partir du"), null=True, blank=True, help_text=_("Laissez vide pour l'afficher dès maintenant."),
    )
    ends_at = models.DateTimeField(
        _("affiché jusqu'au"), null=True, blank=True, help_text=_("Laissez vide pour l'afficher jusqu'à nouvel ordre."),
    )
    dismissible = models.BooleanField(
        _("peut être masqué"), default=True,
        help_text=_("Les lecteurs peuvent le fermer ; il reste fermé sur les autres pages."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("avis du site")
        verbose_name_plural = _("avis du site")
        ordering = ["-starts_at", "-pk"]

    def __str__(self):
        from django.utils.html import strip_tags

        return strip_tags(self.message)[:80]

    @classmethod
    def current(cls, language_code):
        """The notices shown now to readers of ``language_code``, most severe first."""
        now = timezone.now()
        order = {Severity.DANGER: 0, Severity.WARNING: 1, Severity.INFO: 2}
        notices = cls.objects.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now),
            Q(ends_at__isnull=True) | Q(ends_at__gt=now),
            locale__in=Locale.objects.filter(language_code=language_code),
        )
        return sorted(notices, key=lambda n: order.get(n.severity, 3))

    def as_api(self):
        from wagtail.rich_text import expand_db_html

        return {
            "id": self.pk, "translation_key": str(self.translation_key), "severity": self.severity,
            "message": expand_db_html(self.message), "dismissible": self.dismissible,
            "starts_at": self.starts_at.isoformat() if self.starts_at else None,
            "ends_at": self.ends_at.isoformat() if self.ends_at else None,
        }
