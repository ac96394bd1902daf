"""Callouts: the admonitions of the old site (note, tip, info, warning, danger)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .text import RICH_TEXT_FEATURES, WordsOnlySearchMixin


class CalloutKind(models.TextChoices):
    NOTE = "note", _("Note")
    TIP = "tip", _("Astuce")
    INFO = "info", _("Information")
    WARNING = "warning", _("Attention")
    DANGER = "danger", _("Danger")


class CalloutBlock(WordsOnlySearchMixin, blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type d'encadré"),
        choices=CalloutKind.choices,
        default=CalloutKind.NOTE,
        help_text=_("Change la couleur, l'icône et le mot annoncé aux lecteurs d'écran."),
    )
    title = blocks.CharBlock(
        label=_("Titre"), required=False, help_text=_("Facultatif ; par défaut, le nom du type (« Astuce », « Danger »…).")
    )
    body = blocks.RichTextBlock(label=_("Contenu"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Encadré")
        group = _("Texte")
        template = "pages/blocks/callout_block.html"
        description = _("Une remarque mise en évidence : note, astuce, information, avertissement ou danger.")
        preview_value = {"kind": "warning", "title": "", "body": "<p>Portez des lunettes de protection.</p>"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind_label"] = CalloutKind(value.get("kind") or CalloutKind.NOTE).label
        return context

    def get_api_representation(self, value, context=None):
        return {
            "kind": value.get("kind"),
            "title": value.get("title") or "",
            "body": value["body"].source if value.get("body") else "",
        }
