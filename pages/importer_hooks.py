"""Rich-text rules the importer needs: the editor-HTML converter keeps inline code,
superscript, subscript, strikethrough and quotes (Wagtail registers them for Draftail only)."""

from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.whitelist import allow_without_attributes

EDITOR_HTML_ELEMENTS = {
    "code": ["code"],
    "superscript": ["sup"],
    "subscript": ["sub"],
    "strikethrough": ["s", "del"],
    "blockquote": ["blockquote"],
}


@hooks.register("register_rich_text_features")
def register_editor_html_rules(features):
    for feature, elements in EDITOR_HTML_ELEMENTS.items():
        features.register_converter_rule(
            "editorhtml", feature, [WhitelistRule(element, allow_without_attributes) for element in elements]
        )
