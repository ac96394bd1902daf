"""Docusaurus's `<Link to="…">` (`@docusaurus/Link`) standing alone on its line, as a paragraph link."""

from __future__ import annotations

from . import register


@register("Link", "@docusaurus/Link")
def link(flow, tag, node, line):
    flow.inline_element(tag, node, line)


