"""Small text helpers shared by the mapper's modules: escaping, anchors, file names, node text."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path


def esc(text):
    return html.escape(str(text), quote=False)


def attr(text):
    return html.escape(str(text), quote=True)


def github_slug(text):
    """The anchor Docusaurus gives a heading (github-slugger)."""
    text = text.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


def humanize_filename(path):
    stem = Path(str(path)).stem
    stem = re.sub(r"[-_]+", " ", stem).strip()
    return stem[:1].upper() + stem[1:] if stem else ""


def source_line(node):
    """The 1-based source line of a syntax node (or of its nearest ancestor that has one), else 0."""
    while node is not None and not node.is_root:
        if node.map:
            return node.map[0] + 1
        node = node.parent
    return 0


def plain_text(nodes):
    """The text of inline nodes, as a reader would read it aloud (images by their alt)."""
    out = []
    for node in nodes:
        if node.type in ("text", "code_inline"):
            out.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif node.type == "image":
            out.append(node.content or "")
        elif node.children:
            out.append(plain_text(node.children))
    return "".join(out)


def node_text(node):
    """The text of any syntax node and its descendants."""
    if node.type == "text" or node.type == "code_inline":
        return node.content
    if node.type == "inline":
        return plain_text(node.children)
    return " ".join(node_text(c) for c in node.children)
