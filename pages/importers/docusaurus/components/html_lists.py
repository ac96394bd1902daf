"""Raw HTML lists in MDX (`<ul><li>…</li></ul>`, `<ol>`): one real list, as Markdown lists are."""

from __future__ import annotations

import re

from ..inline import Inline
from ..text import source_line
from . import register


def _is(node, *names):
    return node.type == "jsx" and node.meta and node.meta["tag"].name.lower() in names


def _list_html(flow, node, tag_name):
    items = []
    for child in node.children:
        if not _is(child, "li"):
            if child.type == "inline" and not "".join(c.content for c in child.children).strip():
                continue
            flow.rich_fragment(child)  # not an item: kept, as a block after the list
            continue
        parts = []
        for part in child.children:
            if part.type == "inline":
                parts.append(Inline(flow.ctx, source_line(part)).render(part.children).strip())
            elif _is(part, "ul", "ol"):
                parts.append(_list_html(flow, part, part.meta["tag"].name.lower()))
            else:
                parts.append(flow.rich_fragment(part, tight=True))
        inner = re.sub(r"<br/>(?=<[ou]l>)", "", "".join(parts))  # no line break before a nested list
        items.append("<li>" + inner.removesuffix("<br/>") + "</li>")
    return f"<{tag_name}>" + "".join(items) + f"</{tag_name}>"


@register("ul", "ol")
def html_list(flow, tag, node, line):
    flow.pending = []
    flow.html.append(_list_html(flow, node, tag.name.lower()))
    flow.drain()
