"""Docusaurus's `<Admonition type="tip" title="…">` (`@theme/Admonition`), as a callout."""

from __future__ import annotations

from . import register


@register("Admonition", "@theme/Admonition")
def admonition(flow, tag, node, line):
    kind = str(tag.attrs.get("type") or "note").lower()
    flow.callout(kind, str(tag.attrs.get("title") or ""), node.children, line)


