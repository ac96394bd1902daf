"""Tables whose every cell is a translation segment.

Wagtail's TableBlock and TypedTableBlock are skipped by wagtail-localize (their cells would
never reach the translators), so a table is built from struct and list blocks it knows.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup

from . import previews
from .text import INLINE_FEATURES


class TableRowBlock(blocks.StructBlock):
    cells = blocks.ListBlock(
        blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Cellule"), required=False),
        label=_("Cellules"),
    )

    class Meta:
        icon = "list-ul"
        label = _("Ligne")


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Titre du tableau"), required=False, help_text=_("Annoncé avant le tableau ; décrit son contenu.")
    )
    header_row = blocks.BooleanBlock(
        label=_("Première ligne = en-têtes"), required=False, default=True,
        help_text=_("Les cellules de la première ligne titrent les colonnes."),
    )
    header_column = blocks.BooleanBlock(
        label=_("Première colonne = en-têtes"), required=False,
        help_text=_("Les cellules de la première colonne titrent les lignes."),
    )
    rows = blocks.ListBlock(TableRowBlock(), label=_("Lignes"))

    class Meta:
        form_layout = BlockGroup(children=["caption", "rows"], settings=["header_row", "header_column"])
        preview_value = previews.TABLE_PREVIEW
        icon = "table"
        label = _("Tableau")
        group = _("Structure")
        template = "pages/blocks/table_block.html"
        description = _("Un tableau de données avec en-têtes accessibles.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = [list(row["cells"]) for row in value.get("rows", [])]
        context["head"] = rows[0] if rows and value.get("header_row") else None
        context["body_rows"] = rows[1:] if context["head"] is not None else rows
        return context

    def get_api_representation(self, value, context=None):
        rows = [[cell.source if cell else "" for cell in row["cells"]] for row in value.get("rows", [])]
        return {
            "caption": value.get("caption", ""),
            "header_row": bool(value.get("header_row")),
            "header_column": bool(value.get("header_column")),
            "rows": rows,
        }
