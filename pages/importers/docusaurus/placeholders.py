"""The mapper's placeholders, found and replaced.

The mapper cannot know database ids: it leaves ``{"__image__": path}``, ``{"__document__": path}``
and ``{"__page__": key}`` in block values, and ``data-import-asset="path"`` /
``data-import-page="key"`` in rich text. ``find`` lists them (to read the files before any
write); ``Resolution`` replaces them with ids once the pages, images and documents exist, and
turns editor HTML into Wagtail's database HTML with the features of the field it goes into.
"""

from __future__ import annotations

import re

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from pages.blocks.text import INLINE_FEATURES, RICH_TEXT_FEATURES

KEYS = ("__image__", "__document__", "__page__", "__help_box__")
NOT_FILES = ("__page__", "__help_box__")  # placeholders that name no file to read
ASSET_RE = re.compile(r'data-import-asset="([^"]*)"')
PAGE_LINK_RE = re.compile(r'<a data-linktype="page" data-import-page="([^"]*)"((?: data-anchor="[^"]*")?)>(.*?)</a>',
                          re.DOTALL)
OBJECTIVE_FEATURES = INLINE_FEATURES + ["ul", "ol"]
# Block types whose strings are never rich text, even when they look like HTML.
PLAIN_BLOCKS = ("code", "live_data", "heading", "hours", "diagram")


def find(value, found=None):
    """Every placeholder in ``value``, as (kind, path or key) pairs; kind ``__asset__`` for rich text."""
    found = [] if found is None else found
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key in KEYS:
                found.append((key, inner))
                return found
        for inner in value.values():
            find(inner, found)
    elif isinstance(value, list):
        for inner in value:
            find(inner, found)
    elif isinstance(value, str) and "data-import-" in value:
        for match in ASSET_RE.finditer(value):
            found.append(("__asset__", match.group(1)))
        for match in PAGE_LINK_RE.finditer(value):
            found.append(("__page__", match.group(1)))
    return found


def features_for(field_name):
    return {"intro": INLINE_FEATURES}.get(field_name, RICH_TEXT_FEATURES)


def _child_features(block_type, key, features):
    if block_type == "table" or key == "cells":
        return INLINE_FEATURES
    if block_type == "objective" and key == "text":
        return OBJECTIVE_FEATURES
    return features


def _is_rich(block_type, value):
    if block_type in PLAIN_BLOCKS:
        return False
    return value.startswith("<") and value.rstrip().endswith(">")


class Resolution:
    """Replaces the placeholders of one page's values.

    ``page_id(key)`` gives a page's id or None; ``asset_id(path, kind)`` a stored image's or
    document's id; ``help_box_id(name)`` a help box's; ``lost_link(key)`` is told of a link whose
    page could not be imported."""

    def __init__(self, page_id, asset_id, asset_kind, lost_link, help_box_id=None):
        self.page_id = page_id
        self.help_box_id = help_box_id
        self.asset_id = asset_id
        self.asset_kind = asset_kind
        self.lost_link = lost_link
        self.converters = {}

    def value(self, value):
        (key, inner), = value.items()
        if key == "__page__":
            return self.page_id(inner)
        if key == "__help_box__":
            return self.help_box_id(inner)
        return self.asset_id(inner, "image" if key == "__image__" else "document")

    def resolve(self, value, features, block_type=None):
        """Placeholders -> ids, editor HTML -> database HTML, through the block tree."""
        if isinstance(value, dict):
            if len(value) == 1 and next(iter(value)) in KEYS:
                return self.value(value)
            if "type" in value and "value" in value:
                return dict(value, value=self.resolve(value["value"], features, value["type"]))
            return {key: self.resolve(inner, _child_features(block_type, key, features), block_type)
                    for key, inner in value.items()}
        if isinstance(value, list):
            return [self.resolve(v, features, block_type) for v in value]
        if isinstance(value, str) and _is_rich(block_type, value):
            return self.rich(value, features)
        return value

    def rich(self, html, features):
        def page_link(match):
            page_id = self.page_id(match.group(1))
            if page_id is None:
                self.lost_link(match.group(1))
                return match.group(3)
            return f'<a data-linktype="page" data-id="{page_id}"{match.group(2)}>{match.group(3)}</a>'

        html = PAGE_LINK_RE.sub(page_link, html)

        def asset(match):
            path = match.group(1)
            start = html.rfind("<", 0, match.start())
            kind = "image" if html.startswith("<img", start) else self.asset_kind(path)
            return f'data-id="{self.asset_id(path, kind)}"'

        html = ASSET_RE.sub(asset, html)
        key = tuple(features)
        converter = self.converters.get(key)
        if converter is None:
            converter = self.converters[key] = EditorHTMLConverter(features=features)
        return converter.to_database_format(html)
