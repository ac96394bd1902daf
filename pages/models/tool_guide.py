from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.api.fields import choice_api_fields
from pages.blocks import BodyStreamBlock, DocumentLinkBlock, LinkedPageBlock, StepBlock, VideoBlock
from pages.blocks.page_parts import SpecificationBlock
from pages.blocks.text import RICH_TEXT_FEATURES

from .hero import HERO_TRANSLATION_FIELDS, HeroImageMixin, hero_api_fields, hero_panel
from .mixins import REVIEW_SYNCHRONIZED_FIELDS, ContentPage, ServiceStatusMixin, edit_tabs


class ToolCategory(models.TextChoices):
    PRINTING_3D = "3d_printing", _("Impression 3D")
    CUTTING = "cutting", _("Découpe")
    ELECTRONICS = "electronics", _("Électronique")
    TEXTILE = "textile", _("Textile")
    AUDIO = "audio", _("Audio et balado")
    VIDEO = "video", _("Vidéo")
    GRAPHICS = "graphics", _("Graphisme et image")
    VR = "vr", _("Réalité virtuelle")
    SOFTWARE = "software", _("Logiciel")
    COMPUTING = "computing", _("Informatique")
    OTHER = "other", _("Autre")


class SkillLevel(models.TextChoices):
    BEGINNER = "beginner", _("Débutant")
    INTERMEDIATE = "intermediate", _("Intermédiaire")
    ADVANCED = "advanced", _("Avancé")


class ToolGuidePage(ServiceStatusMixin, HeroImageMixin, ContentPage):
    """How to use a tool, machine or piece of software."""

    summary = models.TextField(
        _("résumé"), blank=True,
        help_text=_("Ce que l'outil permet de faire, en une ou deux phrases. Repris dans les listes et la recherche."),
    )
    # blank: an imported guide whose source names no category or level keeps them empty.
    category = models.CharField(_("catégorie"), max_length=20, choices=ToolCategory.choices, default=ToolCategory.OTHER,
                                blank=True, help_text=_("Sert à regrouper les guides dans les listes et la recherche."))
    skill_level = models.CharField(_("niveau"), max_length=20, choices=SkillLevel.choices, default=SkillLevel.BEGINNER,
                                   blank=True, help_text=_("Le niveau d'expérience attendu pour suivre ce guide."))
    duration_minutes = models.PositiveIntegerField(
        _("durée estimée (minutes)"), null=True, blank=True,
        help_text=_("Temps qu'il faut prévoir pour suivre le guide, en minutes."),
    )
    prerequisites = RichTextField(_("prérequis"), features=RICH_TEXT_FEATURES, blank=True,
                                  help_text=_("Ce qu'il faut savoir ou avoir fait avant de commencer."))
    required_training = models.CharField(
        _("formation obligatoire"), max_length=255, blank=True,
        help_text=_("Nom de la formation à suivre avant d'utiliser l'outil, s'il y en a une."),
    )
    safety = RichTextField(_("consignes de sécurité"), features=RICH_TEXT_FEATURES, blank=True,
                           help_text=_("Risques et précautions. Affichées en évidence, avant les étapes."))
    protective_equipment = StreamField(
        [("item", blocks.CharBlock(label=_("Équipement de protection")))], blank=True,
        verbose_name=_("équipement de protection"), help_text=_("Lunettes, gants, masque…"),
    )
    materials = StreamField(
        [("item", blocks.CharBlock(label=_("Matériel")))], blank=True, verbose_name=_("matériel nécessaire"),
        help_text=_("Ce que l'usager doit apporter ou prévoir."),
    )
    related_spaces = StreamField(
        [("space", LinkedPageBlock(page_type="pages.SpacePage", label=_("Espace")))], blank=True,
        verbose_name=_("espaces où trouver l'outil"),
    )
    steps = StreamField([("step", StepBlock())], blank=True, verbose_name=_("étapes"),
                        help_text=_("La procédure, dans l'ordre."))
    specifications = StreamField([("spec", SpecificationBlock())], blank=True,
                                 verbose_name=_("caractéristiques techniques"))
    downloads = StreamField([("document", DocumentLinkBlock())], blank=True, verbose_name=_("documents à télécharger"))
    videos = StreamField([("video", VideoBlock())], blank=True, verbose_name=_("vidéos"))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("contenu"),
                       help_text=_("Tout le reste : astuces, dépannage, questions fréquentes."))

    content_panels = ContentPage.content_panels + [
        FieldPanel("summary"),
        hero_panel(),
        MultiFieldPanel([FieldRowPanel([FieldPanel("category"), FieldPanel("skill_level"), FieldPanel("duration_minutes")])],
                        heading=_("Classement")),
        FieldPanel("steps"),
        FieldPanel("body"),
    ]
    safety_panels = [
        FieldPanel("prerequisites"), FieldPanel("required_training"), FieldPanel("safety"),
        FieldPanel("protective_equipment"), FieldPanel("materials"),
    ]
    resources_panels = [
        FieldPanel("related_spaces"), FieldPanel("specifications"), FieldPanel("downloads"), FieldPanel("videos"),
    ]
    edit_handler = edit_tabs(
        content_panels,
        ObjectList(safety_panels, heading=_("Sécurité et prérequis")),
        ObjectList(resources_panels, heading=_("Ressources")),
        ObjectList(ServiceStatusMixin.status_panels, heading=_("État du service")),
    )

    api_fields = [
        APIField("summary"),
        *hero_api_fields(),
        *choice_api_fields("category", "skill_level"), APIField("duration_minutes"),
        APIField("prerequisites"), APIField("required_training"), APIField("safety"),
        APIField("protective_equipment"), APIField("materials"), APIField("related_spaces"),
        APIField("steps"), APIField("specifications"), APIField("downloads"), APIField("videos"),
        APIField("body"),
        *ServiceStatusMixin.status_api_fields,
        *ContentPage.common_api_fields,
    ]
    search_fields = ContentPage.search_fields + [
        index.SearchField("summary"), index.SearchField("body"), index.SearchField("steps"),
        index.SearchField("safety"), index.SearchField("specifications"),
        index.FilterField("category"), index.FilterField("skill_level"), index.FilterField("service_status"),
    ]
    override_translatable_fields = [
        SynchronizedField("category", overridable=False),
        SynchronizedField("skill_level", overridable=False),
        SynchronizedField("duration_minutes", overridable=False),
        *ServiceStatusMixin.status_translation_fields,
        *HERO_TRANSLATION_FIELDS,
        *REVIEW_SYNCHRONIZED_FIELDS,
    ]

    parent_page_types = ["home.HomePage", "pages.SectionPage", "pages.SpacePage", "pages.ToolGuidePage"]
    subpage_types = ["pages.ToolGuidePage"]
    template = "pages/tool_guide_page.html"

    class Meta:
        verbose_name = _("guide d'outil")
        verbose_name_plural = _("guides d'outils")
