"""Page links in rich text that lead to a place in the page: ``<a linktype="page" id="42" anchor="reglages">``.

Wagtail stores a page link by id only, so that it survives moves, slug changes and translation
(it renders through ``page.localized.url``); a fragment (``#reglages``) has no place in it. These
handlers add one optional ``anchor`` attribute, kept by both editors' converters and appended to
the page's URL when the page is shown. A link without it is unchanged.
"""

from django.utils.html import escape

from wagtail import hooks
from wagtail.admin.rich_text.converters import contentstate
from wagtail.admin.rich_text.converters.editor_html import LinkTypeRule, WhitelistRule
from wagtail.admin.rich_text.converters.editor_html import PageLinkHandler as EditorPageLinkHandler
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.whitelist import attribute_rule, check_url

from draftjs_exporter.dom import DOM


def clean_anchor(value):
    return str(value or "").strip().lstrip("#")[:200]


class AnchoredPageLinkHandler(PageLinkHandler):
    """Front end: the localized page's URL, plus ``#anchor`` when the link has one."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        tags = super().expand_db_attributes_many(attrs_list)
        out = []
        for attrs, tag in zip(attrs_list, tags, strict=True):
            anchor = clean_anchor(attrs.get("anchor"))
            if anchor and tag.startswith('<a href="'):
                tag = tag[:-2] + "#" + escape(anchor) + '">'
            out.append(tag)
        return out


class AnchoredEditorPageLinkHandler(EditorPageLinkHandler):
    @staticmethod
    def get_db_attributes(tag):
        attrs = {"id": tag["data-id"]}
        anchor = clean_anchor(tag.get("data-anchor"))
        if anchor:
            attrs["anchor"] = anchor
        return attrs


class AnchoredPageLinkElementHandler(PageLinkElementHandler):
    """Draftail: the anchor rides along in the link's entity data, untouched by the editor."""

    def get_attribute_data(self, attrs):
        data = super().get_attribute_data(attrs)
        anchor = clean_anchor(attrs.get("anchor"))
        if anchor:
            data["anchor"] = anchor
        return data


def anchored_link_entity(props):
    element = contentstate.link_entity(props)
    anchor = clean_anchor(props.get("anchor"))
    if anchor and props.get("id") is not None:
        element = DOM.create_element("a", {"linktype": "page", "id": props["id"], "anchor": anchor}, props["children"])
    return element


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page link rules
def register_anchored_page_links(features):
    features.register_link_type(AnchoredPageLinkHandler)
    features.register_converter_rule("editorhtml", "link", [
        WhitelistRule("a", attribute_rule({"href": check_url})),
        LinkTypeRule("page", AnchoredEditorPageLinkHandler),
    ])
    features.register_converter_rule("contentstate", "link", {
        "from_database_format": {
            "a[href]": ExternalLinkElementHandler("LINK"),
            'a[linktype="page"]': AnchoredPageLinkElementHandler("LINK"),
        },
        "to_database_format": {"entity_decorators": {"LINK": anchored_link_entity}},
    })
