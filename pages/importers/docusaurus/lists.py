"""Numbered lists interrupted by pictures, and pictures inside list items.

Markdown ends a list at a picture placed between two items at the margin (``1. …`` ``![…](…)``
``2. …``); the next list then starts at 2. Rich text keeps no ``<ol start>`` (Wagtail stores
lists without attributes, and its editor renumbers from 1), so the import keeps such a run as
one list: the pictures go at the end of the item they follow, where the reader saw them, and
the numbering stays 1, 2, 3. A picture tag inside an item (``<img>``) stays in that item too.
"""

from __future__ import annotations

from .inline import Inline, asset_src


def is_image_tag(node):
    return node.type in ("jsx_inline", "html_inline", "jsx") and (node.meta or {}).get("tag") is not None \
        and node.meta["tag"].name.lower() == "img"


def image_only(node):
    """The paragraph's pictures when it holds nothing else (else None)."""
    if node.type == "jsx" and is_image_tag(node):
        return [node]
    if node.type != "paragraph" or not node.children:
        return None
    children = list(node.children[0].children)
    images = [c for c in children if c.type == "image" or is_image_tag(c)]
    rest = [c for c in children if c not in images and c.type not in ("softbreak", "hardbreak")
            and not (c.type == "text" and not c.content.strip())]
    return images if images and not rest else None


def list_start(node):
    try:
        return int((node.attrs or {}).get("start", 1))
    except (TypeError, ValueError):
        return 1


def continued_run(nodes, i):
    """(end index, [(list node, [picture nodes after it])]) of a numbered list at ``nodes[i]``
    continued after pictures by lists numbered on from it; None when it is not continued."""
    run = [(nodes[i], [])]
    count = list_start(nodes[i]) - 1 + len(nodes[i].children)
    j = i + 1
    while j < len(nodes):
        images, k = [], j
        while k < len(nodes) and image_only(nodes[k]) is not None:
            images.extend(image_only(nodes[k]))
            k += 1
        if not images or k >= len(nodes) or nodes[k].type != "ordered_list" or list_start(nodes[k]) != count + 1:
            break
        run[-1][1].extend(images)
        run.append((nodes[k], []))
        count += len(nodes[k].children)
        j = k + 1
    return (j, run) if len(run) > 1 else None


def image_html(flow, node, line):
    """A picture node as an image embed (or its alt text) for rich text."""
    renderer = Inline(flow.ctx, line)
    if node.type == "image":
        return renderer.image(node.attrs.get("src", ""), node.content, node.attrs.get("title") or "", "rich")
    tag = node.meta["tag"]
    return renderer.image(asset_src(tag.attrs.get("src"), flow.ctx), str(tag.attrs.get("alt") or ""),
                          str(tag.attrs.get("title") or ""), "rich")
