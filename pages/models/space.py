from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import BodyStreamBlock, ImageBlock, LinkedPageBlock
from pages.blocks.page_parts import EquipmentItemBlock, OpeningHoursBlock
from pages.validators import http_url_validator

from .hero import HERO_TRANSLATION_FIELDS, HeroImageMixin, hero_api_fields, hero_panel
from .mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, ServiceStatusMixin, edit_tabs


class AccessMode(models.TextChoices):
    FREE = "free", _("Accès libre")
    BOOKING = "booking", _("Sur réservation")
    STAFF_ASSISTED = "staff_assisted", _("Avec l'aide du personnel")
    MEMBERS_ONLY = "members_only", _("Réservé aux membres")


class SpacePage(ServiceStatusMixin, HeroImageMixin, ContentPage):
    """A physical space: studio, lab, viewing room."""

    summary = models.TextField(
        _("résumé"), blank=True,
        help_text=_("Une ou deux phrases : ce qu'on peut faire dans cet espace. Reprises dans les listes et les résultats de recherche."),
    )
    building = models.CharField(_("pavillon"), max_length=255, blank=True,
                                help_text=_("Le bâtiment, tel qu'indiqué sur le plan du campus."))
    room = models.CharField(_("local ou étage"), max_length=255, blank=True,
                            help_text=_("Par exemple : « Local 3095, 3e étage »."))
    capacity = models.PositiveIntegerField(
        _("capacité"), null=True, blank=True,
        help_text=_("Nombre maximal de personnes en même temps. Laissez vide si sans objet."),
    )
    access_mode = models.CharField(
        _("mode d'accès"), max_length=20, choices=AccessMode.choices, default=AccessMode.FREE,
        help_text=_("Comment les usagers peuvent utiliser l'espace."),
    )
    booking_url = models.URLField(
        _("adresse de réservation"), blank=True, validators=[http_url_validator],
        help_text=_("Lien vers le système de réservation (http ou https)."),
    )
    opening_hours = StreamField(
        [("hours", OpeningHoursBlock())], blank=True, verbose_name=_("heures d'ouverture"),
        help_text=_("Une ligne par plage : jours et heures."),
    )
    equipment = StreamField(
        [
            ("tool", LinkedPageBlock(page_type="pages.ToolGuidePage", label=_("Guide d'un outil"))),
            ("item", EquipmentItemBlock()),
        ],
        blank=True, verbose_name=_("équipement"),
        help_text=_("Liez les guides des outils disponibles, ou décrivez un équipement sans guide."),
    )
    contact_name = models.CharField(_("personne ou service à joindre"), max_length=255, blank=True,
                                    help_text=_("Affiché dans l'encadré « Nous joindre »."))
    contact_email = models.EmailField(_("courriel"), blank=True, help_text=_("Adresse pour les questions sur cet espace."))
    contact_phone = models.CharField(_("téléphone"), max_length=50, blank=True, help_text=_("Avec le poste, s'il y a lieu."))
    gallery = StreamField([("image", ImageBlock())], blank=True, verbose_name=_("galerie"),
                          help_text=_("Photos supplémentaires de l'espace."))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("contenu"),
                       help_text=_("Tout ce que les usagers doivent savoir d'autre."))

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        hero_panel(),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    practical_panels = [
        MultiFieldPanel([FieldRowPanel([FieldPanel("building"), FieldPanel("room")]), FieldPanel("capacity")],
                        heading=_("Emplacement")),
        MultiFieldPanel([FieldPanel("access_mode"), FieldPanel("booking_url"), FieldPanel("opening_hours")],
                        heading=_("Accès et réservation")),
        FieldPanel("equipment"),
        MultiFieldPanel([FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
                        heading=_("Nous joindre")),
    ]
    edit_handler = edit_tabs(
        content_panels,
        ObjectList(practical_panels, heading=_("Infos pratiques")),
        ObjectList(ServiceStatusMixin.status_panels, heading=_("État du service")),
    )

    api_fields = [
        APIField("summary"),
        *hero_api_fields(),
        APIField("building"), APIField("room"), APIField("capacity"), APIField("access_mode"),
        APIField("booking_url"), APIField("opening_hours"), APIField("equipment"),
        APIField("contact_name"), APIField("contact_email"), APIField("contact_phone"),
        APIField("gallery"), APIField("body"),
        *ServiceStatusMixin.status_api_fields,
        *ContentPage.common_api_fields,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary"), index.SearchField("body"), index.SearchField("building"),
        index.SearchField("room"), index.SearchField("equipment"),
        index.FilterField("service_status"), index.FilterField("access_mode"),
    ]
    # Facts that must read the same in every language follow the French page.
    override_translatable_fields = [
        SynchronizedField("capacity", overridable=False),
        SynchronizedField("access_mode", overridable=False),
        SynchronizedField("booking_url"),
        *ServiceStatusMixin.status_translation_fields,
        SynchronizedField("contact_email", overridable=False),
        SynchronizedField("contact_phone", overridable=False),
        *HERO_TRANSLATION_FIELDS,
        *REVIEW_SYNCHRONIZED_FIELDS,
    ]

    parent_page_types = ["home.HomePage", "pages.SectionPage", "pages.SpacePage"]
    subpage_types = ["pages.SpacePage", "pages.ToolGuidePage", "pages.SectionPage"]
    template = "pages/space_page.html"

    class Meta:
        verbose_name = _("espace")
        verbose_name_plural = _("espaces")
