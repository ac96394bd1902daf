"""What every content page shares: freshness dates, the import trace and the edit tabs."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField

from pages.api.fields import choice_api_fields

from .routing import PathRoutingMixin
from .streamfields import materialize_streamfields


class ServiceStatus(models.TextChoices):
    IN_SERVICE = "in_service", _("En service")
    PARTIAL = "partial", _("Partiellement disponible")
    OUT_OF_SERVICE = "out_of_service", _("Hors service")


REVIEW_PANELS = [
    MultiFieldPanel(
        [FieldPanel("verified_on"), FieldPanel("review_interval_days")],
        heading=_("Vérification du contenu"),
    ),
]


# Review dates are facts about the French source: translations follow them (wagtail-localize
# would otherwise let each language override them).
REVIEW_SYNCHRONIZED_FIELDS = [
    SynchronizedField("verified_on", overridable=False),
    SynchronizedField("review_interval_days", overridable=False),
]


def edit_tabs(content_panels, *extra_tabs):
    """The admin tabs: content first, then the task-specific tabs, then review and settings."""
    return TabbedInterface(
        [ObjectList(content_panels, heading=_("Contenu"))]
        + list(extra_tabs)
        + [
            ObjectList(REVIEW_PANELS, heading=_("Vérification")),
            ObjectList(Page.promote_panels, heading=_("Référencement")),
            ObjectList(Page.settings_panels, heading=_("Publication")),
        ]
    )


class ContentPage(PathRoutingMixin, Page):
    """Abstract base of every page type: review dates and where imported content came from."""

    verified_on = models.DateField(
        _("contenu vérifié le"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle quelqu'un a relu la page et confirmé qu'elle est exacte."),
    )
    review_interval_days = models.PositiveSmallIntegerField(
        _("relire tous les (jours)"),
        default=365,
        help_text=_("Au-delà de ce délai après la dernière vérification, la page apparaît dans « Pages à revoir »."),
    )
    # Import trace: internal, shown to no reader and in no API.
    source_path = models.CharField(
        _("fichier d'origine"), max_length=500, blank=True, default="", editable=False,
        help_text=_("Chemin du fichier Docusaurus importé dans cette page."),
    )
    source_hash = models.CharField(_("empreinte de la source"), max_length=64, blank=True, default="", editable=False)
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        editable=False, verbose_name=_("révision importée"),
    )
    source_metadata = models.JSONField(
        _("métadonnées d'origine"), default=dict, blank=True, editable=False,
        help_text=_("Front matter du fichier d'origine, conservé pour référence."),
    )

    # The API layer adds the translation fields (pages/api/translations.py).
    common_api_fields = [APIField("verified_on"), APIField("last_published_at")]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Lists saved from code must be in block format, or translators never see their items.
        materialize_streamfields(self, kwargs.get("update_fields"))
        return super().save(*args, **kwargs)

    def save_revision(self, *args, **kwargs):
        materialize_streamfields(self)  # same ids in the revision as in the page row
        return super().save_revision(*args, **kwargs)

    @property
    def review_due_on(self):
        if self.verified_on is None:
            return None
        return self.verified_on + datetime.timedelta(days=self.review_interval_days)

    @property
    def is_review_overdue(self):
        due = self.review_due_on
        return due is None or due < timezone.localdate()


class ServiceStatusMixin(models.Model):
    """Service status of a space or a tool, shown prominently on the page and in the API."""

    service_status = models.CharField(
        _("état du service"),
        max_length=20,
        choices=ServiceStatus.choices,
        default=ServiceStatus.IN_SERVICE,
        help_text=_("Affiché en haut de la page, dans les listes et dans l'API, en français comme en anglais."),
    )
    status_note = models.CharField(
        _("précision sur l'état"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple : « Une des deux imprimantes est en réparation »."),
    )
    status_since = models.DateField(
        _("depuis le"), null=True, blank=True, help_text=_("Date du dernier changement d'état.")
    )

    status_panels = [
        MultiFieldPanel(
            [FieldPanel("service_status"), FieldPanel("status_note"), FieldPanel("status_since")],
            heading=_("État du service"),
        )
    ]
    status_api_fields = [*choice_api_fields("service_status"), APIField("status_note"), APIField("status_since")]
    # The state and its date are facts, the same in every language; the note is translated.
    status_translation_fields = [
        SynchronizedField("service_status", overridable=False),
        SynchronizedField("status_since", overridable=False),
    ]

    class Meta:
        abstract = True

    @property
    def status_is_degraded(self):
        return self.service_status != ServiceStatus.IN_SERVICE
