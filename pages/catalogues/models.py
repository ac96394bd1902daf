"""Catalogue entries: translatable snippets with drafts, revisions and the review workflow, so an
editor's change is published by a reviewer, and the English entry is a wagtail-localize translation."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.validators import http_url_validator


def split_libraries(text):
    """The libraries of an entry, one per line (or separated by « ; » as in the old site's files)."""
    return [name.strip() for line in (text or "").splitlines() for name in line.split(";") if name.strip()]


class CatalogueEntry(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    key = models.SlugField(
        _("clé"), max_length=80,
        help_text=_("Identifiant stable (par exemple « ableton-live »), le même en français et en anglais ; les lecteurs ne le voient pas."),
    )
    name = models.CharField(_("nom"), max_length=150, help_text=_("Le nom que les lecteurs cherchent."))

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class Software(CatalogueEntry):
    category = models.CharField(_("catégorie"), max_length=120, help_text=_("Par exemple « Bureautique » : les lecteurs filtrent par catégorie."))
    description = models.TextField(_("description"), blank=True, help_text=_("Une phrase : à quoi sert ce logiciel."))
    free_licence = models.BooleanField(_("logiciel libre"), default=False)
    download_allowed = models.BooleanField(_("téléchargement permis"), default=False,
                                           help_text=_("Les membres peuvent l'installer sur leur propre ordinateur."))
    remote_access = models.BooleanField(_("accès à distance"), default=False,
                                        help_text=_("Utilisable depuis chez soi par la connexion à distance."))
    guide_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("guide"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("La page du guide de ce logiciel ; en anglais, sa traduction quand elle existe."),
    )
    guide_url = models.URLField(
        _("adresse du guide"), blank=True, validators=[http_url_validator],
        help_text=_("À défaut de page : un guide sur un autre site."),
    )
    libraries = models.TextField(
        _("bibliothèques"), blank=True,
        help_text=_("Où le logiciel est installé : une bibliothèque par ligne."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="software")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="software", for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"), FieldPanel("key"), FieldPanel("category"), FieldPanel("description"),
        MultiFieldPanel([FieldPanel("free_licence"), FieldPanel("download_allowed"), FieldPanel("remote_access")],
                        heading=_("Conditions d'utilisation")),
        MultiFieldPanel([FieldPanel("guide_page"), FieldPanel("guide_url")], heading=_("Guide")),
        FieldPanel("libraries"),
    ]
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("free_licence", overridable=False),
        SynchronizedField("download_allowed", overridable=False),
        SynchronizedField("remote_access", overridable=False),
        SynchronizedField("guide_page", overridable=False),
        SynchronizedField("guide_url"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description"), index.FilterField("locale_id")]

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("logiciel")
        verbose_name_plural = _("logiciels")
        constraints = [models.UniqueConstraint(fields=["key", "locale"], name="software_key_per_locale")]

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.guide_page_id and self.guide_url:
            raise ValidationError({"guide_url": _("Indiquez une page de guide ou une adresse, pas les deux.")})

    @property
    def library_list(self):
        return split_libraries(self.libraries)

    def localized_guide(self):
        """The guide page in the entry's language when it is live there, else the page itself."""
        if not self.guide_page_id:
            return None
        if not hasattr(self, "_localized_guide"):
            page = self.guide_page
            if page.locale_id != self.locale_id:
                page = (type(page).objects.filter(translation_key=page.translation_key, locale_id=self.locale_id,
                                                  live=True).first() or page)
            self._localized_guide = page
        return self._localized_guide

    @property
    def guide_href(self):
        """Where « Guide » leads: the live guide page (in the entry's language if translated), else the address."""
        page = self.localized_guide()
        if page is not None:
            return page.url if page.live else ""
        return self.guide_url


class Pricing(models.TextChoices):
    FREE = "free", _("Gratuit")
    PAID = "paid", _("Payant")
    BOTH = "both", _("Gratuit ou payant")


class ModelSource(CatalogueEntry):
    url = models.URLField(_("adresse"), blank=True, validators=[http_url_validator],
                          help_text=_("Le site où trouver les modèles (sans adresse, son nom seul est affiché)."))
    kind = models.CharField(_("type"), max_length=80, help_text=_("Par exemple « Dépôt » ou « Marché de modèles »."))
    pricing = models.CharField(_("prix"), max_length=10, choices=Pricing.choices, default=Pricing.FREE)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="modelsource")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState", content_type_field="base_content_type", object_id_field="object_id",
        related_query_name="modelsource", for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("url"), FieldPanel("kind"), FieldPanel("pricing")]
    override_translatable_fields = [
        SynchronizedField("key", overridable=False),
        SynchronizedField("pricing", overridable=False),
        SynchronizedField("url"),
    ]

    class Meta(CatalogueEntry.Meta):
        verbose_name = _("source de modèles 3D")
        verbose_name_plural = _("sources de modèles 3D")
        constraints = [models.UniqueConstraint(fields=["key", "locale"], name="model_source_key_per_locale")]
