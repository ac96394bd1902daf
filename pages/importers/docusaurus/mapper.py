"""ParsedDoc -> MappedDoc: page type, typed field values and StreamField data. Pure (no Django).

The mapping is split along its seams: ``resolver`` (where links and files lead), ``inline``
(inline Markdown -> editor HTML), ``blocks`` (block nodes -> StreamField blocks), the registry
of MDX components in ``components/`` (one module per family) and ``page_fields`` (what each
page type takes from its doc). This module maps one doc with them.

References the writer must resolve are left as placeholders:

- in block values, ``{"__image__": "/abs/file.png"}``, ``{"__document__": …}``, ``{"__page__": "docs key"}``;
- in rich text (editor HTML), ``data-import-asset="…"`` on image embeds and document links and
  ``data-import-page="…"`` on page links.

Every construct without a mapping keeps its text in the page and adds a report problem with
its line and a stable code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .blocks import Flow
from .context import MapContext
from .image_refs import svg_refused
from .page_fields import (
    STEP_RE,
    mission_fields,
    numbered_steps,
    space_fields,
    tool_fields,
    tool_steps,
)
from .parser import front_matter_value
from .resolver import IMAGE_SUFFIXES, LinkTarget, Resolver
from .rules import MISSION, SECTION, SPACE, TOOL_GUIDE
from .text import esc, humanize_filename, node_text, plain_text

__all__ = ["IMAGE_SUFFIXES", "STEP_RE", "LinkTarget", "MappedDoc", "Resolver", "humanize_filename", "map_doc",
           "numbered_steps"]


@dataclass
class MappedDoc:
    """One doc as the CMS will hold it: page type, title, typed fields and StreamField data, with
    placeholders for the pages, images and documents the writer creates (not a Wagtail draft)."""

    key: str
    page_type: str
    title: str
    slug: str
    draft: bool = False  # the doc's `draft: true`: the page is not published
    search_description: str = ""
    fields: dict = field(default_factory=dict)
    source_metadata: dict = field(default_factory=dict)
    anchors: set = field(default_factory=set)
    problems: list = field(default_factory=list)
    block_lines: dict = field(default_factory=dict)  # block id -> source line, for validation reports
    guessed_alts: list = field(default_factory=list)  # alt texts the import made up, for editors to review


def _json_safe(value):
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def first_heading(nodes):
    """(text, node) of the doc's first heading if it is not a numbered step, else ("", None)."""
    for node in nodes:
        if node.type == "heading" and node.children:
            text = plain_text(node.children[0].children)
        elif node.type == "jsx" and node.meta and node.meta.get("tag") is not None \
                and node.meta["tag"].name.lower() in ("h1", "h2", "h3"):
            text = node_text(node)
        else:
            continue
        text = re.sub(r"\s*\{#[^}]+\}\s*$", "", " ".join(text.split())).strip()
        if text and not STEP_RE.match(text):
            return text, node
        if text:
            return "", None
    return "", None


def map_doc(doc, resolver, page_type, slug, fallback_title="", report_file="", category=("", ""),
            catalogue_rules=None):
    """The MappedDoc of one parsed doc; ``category`` is the (category, why) the category rules
    give a tool guide whose front matter names none."""
    ctx = MapContext(doc, resolver, page_type, report_file or doc.path, catalogue_rules)
    ctx.category = category
    fm = doc.front_matter
    ctx.problems.extend(doc.problems)
    nodes = list(doc.tree.children)

    # Title: front matter, else the first H1, else the sidebar label, else the file name.
    title = str(front_matter_value(fm, "title", "titre") or "").strip()
    first_h1 = next((n for n in nodes if n.type == "heading" and n.tag == "h1"), None)
    if first_h1 is not None:
        h1_text = re.sub(r"\s*\{#[^}]+\}\s*$", "", plain_text(first_h1.children[0].children)).strip()
        if not title:
            title = h1_text
        if h1_text.lower() == title.lower():
            nodes.remove(first_h1)
    if not title:
        # No title and no H1: the sidebar's label, else the first heading (Markdown or an HTML
        # <h1>-<h3>) that is not a numbered step ("1. Télécharger…" names a step, not the page),
        # else the front matter's sidebar_label, else the file's name.
        heading_text, heading_node = first_heading(nodes)
        if heading_node is not None and heading_node.type == "jsx" and heading_node.meta["tag"].name.lower() == "h1" \
                and not fallback_title:
            nodes.remove(heading_node)  # an HTML <h1> that names the page is its title, not a heading of its body
        sidebar_label = str(front_matter_value(fm, "sidebar_label") or "").strip()
        title = fallback_title or heading_text or sidebar_label or humanize_filename(doc.path)
        ctx.problem("title_missing", 1, f"Document sans titre : « {title} » utilisé.", "info")

    ctx.heading = title  # the nearest heading of what comes before the first one
    description = str(front_matter_value(fm, "description") or "").strip()
    image = front_matter_value(fm, "image")
    hero = None
    if image:
        hero = ctx.local_file(str(image), doc.front_matter_lines.get("image", 1))
        if svg_refused(ctx, hero, doc.front_matter_lines.get("image", 1)):
            hero = None
        elif hero is None and str(image) not in ctx.refused:
            line = doc.front_matter_lines.get("image", 1)
            ctx.problem("file_missing", line, f"Image de front matter introuvable : « {image} ».")
        ctx.hero_image = hero

    body = Flow(ctx).run(nodes)

    fields = {}
    if page_type == SECTION:
        if description:
            fields["intro"] = f"<p>{esc(description)}</p>"
            fields["summary"] = description
        if hero is not None:
            fields["card_image"] = {"__image__": str(hero)}
        if hero is not None and not any(b["type"] == "image" and b["value"]["image"] == {"__image__": str(hero)}
                                        for b in body):
            body.insert(0, ctx.block("image", {"image": {"__image__": str(hero)}, "alt": title[:255],
                                               "decorative": False, "caption": "", "credit": ""}))
        fields["body"] = body
    elif page_type in (SPACE, TOOL_GUIDE):
        fields["summary"] = description
        if hero is not None:
            fields["hero_image"] = {"__image__": str(hero)}
            fields["hero_image_alt"] = str(front_matter_value(fm, "image_alt", "hero_image_alt") or title)[:255]
        if page_type == SPACE:
            space_fields(ctx, fm, fields, body)
        else:
            tool_fields(ctx, fm, fields)
            body = tool_steps(ctx, body, fields)
        fields["body"] = body
    elif page_type == MISSION:
        mission_fields(ctx, description, body, fields)

    help_kind = front_matter_value(fm, "help", "aide")
    if help_kind and isinstance(help_kind, (str, int)) and "body" in fields:
        # The theme showed the shared help card after the doc: the shared help box, in its place.
        ctx.line = doc.front_matter_lines.get("help", 1)
        fields["body"].append(ctx.block("help_box", {"__help_box__": str(help_kind)}))

    draft = bool(front_matter_value(fm, "draft") in (True, "true", "True", "yes"))
    metadata = _json_safe(fm)
    return MappedDoc(
        key=doc.path, page_type=page_type, title=title[:255], slug=slug, draft=draft,
        search_description=description, fields=fields, source_metadata=metadata,
        anchors=ctx.anchors, problems=ctx.problems, block_lines=ctx.block_lines,
        guessed_alts=ctx.guessed_alts,
    )


# Component modules written before the split imported these from here; they keep working while
# they move to the modules that now hold them (``inline``, ``text``, ``code_languages``).
from .code_languages import CODE_LANGUAGES  # noqa: E402, F401
from .inline import Inline  # noqa: E402, F401
from .inline import asset_src as _src  # noqa: E402, F401
from .text import node_text as _node_text  # noqa: E402, F401
from .text import source_line as _line  # noqa: E402, F401
