"""Markdown and MDX blocks -> StreamField blocks: the mapper's block flow.

``Flow`` walks a doc's block nodes: paragraphs, lists, quotes, tables, fences and admonitions
are mapped here (``n_<node type>``), every JSX element or component through the registry in
``components/`` (by its MDX name, the module it is imported from, or its lowercase HTML name).
Rich text accumulates and becomes paragraph blocks; a component's handler calls ``flow.add``.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import components, esm_data, jsx, lists
from .code_languages import CODE_LANGUAGES
from .image_refs import alt_text, missing, svg_refused
from .inline import (
    BEHAVIOUR_COMPONENTS,
    INLINE_TAGS,
    MAX_INLINE_DEPTH,
    TRANSPARENT_TAGS,
    Inline,
    asset_src,
    attrs_text,
    image_width,
    inline_depth,
)
from .page_fields import CALLOUT_LABELS
from .parser import admonition_parts
from .resolver import IMAGE_SUFFIXES
from .rules import SPACE, TOOL_GUIDE
from .text import esc, github_slug, humanize_filename, plain_text, source_line

CALLOUT_KINDS = {
    "note": "note", "tip": "tip", "info": "info", "warning": "warning", "caution": "warning",
    "danger": "danger", "important": "info", "success": "tip", "secondary": "note",
}
PSEUDO_BULLETS = ("•", "·", "◦", "▪", "▫", "●", "○", "■", "□", "➢", "►", "✓", "✔")


class Flow:
    """Turns block nodes into StreamField blocks, merging rich text into paragraph blocks."""

    def __init__(self, ctx, nested=0):
        self.ctx = ctx
        self.nested = nested  # 0 = body, 1 = inside tabs/details, 2 = deeper
        self.blocks = []
        self.html = []
        self.bullets_open = False
        self.pending = []

    def flush(self):
        self.close_bullets()
        text = "".join(self.html).strip()
        if text:
            self.blocks.append(self.ctx.block("paragraph", text))
        self.html = []

    def close_bullets(self):
        if self.bullets_open:
            self.html.append("</ul>")
            self.bullets_open = False

    def add(self, block_type, value):
        self.flush()
        self.blocks.append(self.ctx.block(block_type, value))

    def sub_flow(self):
        """A flow for the body of a tab or a collapsible section (its headings start at h3)."""
        return type(self)(self.ctx, nested=self.nested + 1)

    def run(self, nodes):
        self.nodes(nodes)
        self.flush()
        return self.blocks

    def nodes(self, nodes):
        """Map sibling nodes; a run of the same component whose handler takes siblings
        (``register(..., siblings=True)``, e.g. StudioCards -> one card grid) is mapped at once."""
        nodes = list(nodes)
        i = 0
        while i < len(nodes):
            handler = self.sibling_handler(nodes[i])
            if handler is not None:
                name = nodes[i].meta["tag"].name
                j = i
                while j < len(nodes) and nodes[j].type == "jsx" and nodes[j].meta["tag"].name == name:
                    j += 1
                handler(self, nodes[i].meta["tag"], nodes[i:j], source_line(nodes[i]))
                i = j
                continue
            run = lists.continued_run(nodes, i) if nodes[i].type == "ordered_list" else None
            if run is not None:
                self.ctx.line = source_line(nodes[i])
                self.close_bullets()
                self.list_run(run[1])
                i = run[0]
                continue
            self.node(nodes[i])
            i += 1

    def handler(self, tag):
        """The registered handler of a JSX element: by its name, the module it comes from, or
        its lowercase HTML name."""
        if tag.is_component:
            return components.handler_for(tag.name) or components.handler_for(self.ctx.doc.imports.get(tag.name, ""))
        return components.handler_for(tag.name.lower())

    def sibling_handler(self, node):
        if node.type != "jsx" or not node.meta or not node.meta.get("tag"):
            return None
        handler = self.handler(node.meta["tag"])
        return handler if handler is not None and components.takes_siblings(handler) else None

    def node(self, node):
        t = node.type
        line = source_line(node)
        handler = getattr(self, "n_" + t, None)
        self.ctx.line = line
        if t != "paragraph":
            self.close_bullets()
        if handler is not None:
            handler(node, line)
        else:
            self.ctx.problem("construct_unmapped", line, f"Construction Markdown « {t} » non reconnue : texte conservé.")
            text = node.content or plain_text(node.children)
            if text.strip():
                self.html.append(f"<p>{esc(text)}</p>")

    # markdown
    def n_front_matter(self, node, line):
        pass

    def n_inline(self, node, line):
        """Inline content straight inside an HTML or JSX block (`<div><a href=…>…</a></div>`): rendered
        as a paragraph, its links and images checked like any other."""
        if inline_depth(node.children) > MAX_INLINE_DEPTH:  # rendering recurses once per level
            self.ctx.problem("construct_unmapped", line, f"Balises en ligne imbriquées sur plus de {MAX_INLINE_DEPTH} "
                                                         "niveaux : seul leur texte est conservé.")
            text = esc(re.sub(r"<[^>]*>", "", node.content or plain_text(node.children))).strip()
        else:
            text = Inline(self.ctx, line).render(node.children).strip()
        if text:
            self.html.append(f"<p>{text}</p>")

    def n_mdx_esm(self, node, line):
        self.ctx.problem("mdx_esm_dropped", line, "Ligne MDX import/export retirée (code de l'ancien site).", "info")

    def n_mdx_comment(self, node, line):
        self.ctx.problem("mdx_comment_dropped", line, "Commentaire MDX ignoré (invisible sur l'ancien site).", "info")

    def n_mdx_expression(self, node, line):
        self.ctx.problem("mdx_expression_unmapped", line, f"Expression MDX « {{{node.content[:60]}}} » non évaluée : son texte est conservé.")
        self.html.append(f"<p>{esc(node.content)}</p>")

    def n_heading(self, node, line):
        level = int(node.tag[1])
        text = plain_text(node.children[0].children if node.children else []).strip()
        anchor = ""
        match = re.search(r"\s*\{#([^}]+)\}\s*$", text)
        if match:
            anchor = match.group(1)
            text = text[:match.start()].strip()
        anchor = anchor or github_slug(text)
        self.ctx.heading = text
        self.heading_block(text, level, anchor, line)

    def heading_block(self, text, level, anchor, line):
        if not text:
            return
        if level == 1:
            level = 2
        if level > 4:
            self.ctx.problem("heading_level_capped", line, f"Titre de niveau {level} « {text} » importé au niveau 4.", "info")
            level = 4
        if self.nested and level < 3:
            level = 3
        self.ctx.anchors.add(anchor)
        self.add("heading", {"text": text[:255], "level": f"h{level}", "anchor": anchor})

    def n_paragraph(self, node, line):
        inline = node.children[0] if node.children else None
        children = list(inline.children) if inline is not None else []
        if children and all(c.type in ("image", "softbreak", "hardbreak") or (c.type == "text" and not c.content.strip())
                            or _is_img_tag(c) for c in children) and any(c.type == "image" or _is_img_tag(c) for c in children):
            for child in children:
                if child.type == "image":
                    self.image_block(child.attrs.get("src", ""), child.content, child.attrs.get("title") or "", line)
                elif _is_img_tag(child):
                    tag = child.meta["tag"]
                    self.image_block(asset_src(tag.attrs.get("src"), self.ctx), str(tag.attrs.get("alt") or ""),
                                     str(tag.attrs.get("title") or ""), line, width=image_width(tag.attrs))
            return
        # "•" pseudo-bullets: lines starting with a bullet character become list items.
        lines = _split_lines(children)
        renderer = Inline(self.ctx, line)
        bullets = []
        for parts in lines:
            first = next((p for p in parts if p.type != "text" or p.content.strip()), None)
            bullets.append(first is not None and first.type == "text" and first.content.lstrip().startswith(PSEUDO_BULLETS))
        if not any(bullets):
            self.close_bullets()
            self.html.append(f"<p>{renderer.render(children).strip()}</p>")
            return
        rendered = []
        for bullet, parts in zip(bullets, lines, strict=True):
            text = renderer.render(parts).strip()
            if bullet:
                text = text.lstrip("".join(PSEUDO_BULLETS)).strip()
            rendered.append((bullet, text))
        para = []
        for bullet, text in rendered:
            if bullet:
                if para:
                    self.close_bullets()
                    self.html.append("<p>" + "<br/>".join(para) + "</p>")
                    para = []
                if not self.bullets_open:
                    self.html.append("<ul>")
                    self.bullets_open = True
                self.html.append(f"<li>{text}</li>")
            elif self.bullets_open and self.html and self.html[-1].endswith("</li>"):
                self.html[-1] = self.html[-1][:-5] + f"<br/>{text}</li>"
            else:
                para.append(text)
        if para:
            self.close_bullets()
            self.html.append("<p>" + "<br/>".join(para) + "</p>")

    def n_bullet_list(self, node, line):
        self.list(node, "ul", line)

    def n_ordered_list(self, node, line):
        self.list(node, "ol", line)

    def list(self, node, tag, line):
        self.pending = []
        items = [self.item_html(item) for item in node.children]
        self.html.append(f"<{tag}>" + "".join(items) + f"</{tag}>")
        self.drain()

    def item_html(self, item, images=()):
        html = "".join(self.rich_fragment(child, tight=True) for child in item.children).removesuffix("<br/>")
        html += "".join("<br/>" + lists.image_html(self, image, source_line(item)) for image in images)
        return f"<li>{html.removeprefix('<br/>')}</li>"

    def list_run(self, run):
        """Numbered lists continued after pictures: one list, each picture after its item."""
        self.pending = []
        items = []
        for node, images in run:
            last = len(node.children) - 1
            items.extend(self.item_html(item, images if n == last else ()) for n, item in enumerate(node.children))
        self.html.append("<ol>" + "".join(items) + "</ol>")
        self.drain()

    def rich_fragment(self, node, tight=False):
        """A node as rich text inside a list item or callout; blocks go after the current text."""
        line = source_line(node)
        t = node.type
        if t == "paragraph":
            inline = node.children[0] if node.children else None
            text = Inline(self.ctx, line).render(inline.children if inline else []).strip()
            text = text.replace("\n", " ")
            return text + "<br/>" if tight else f"<p>{text}</p>"
        if t in ("bullet_list", "ordered_list"):
            tag = "ul" if t == "bullet_list" else "ol"
            return f"<{tag}>" + "".join(
                "<li>" + "".join(self.rich_fragment(c, tight=True) for c in item.children).removesuffix("<br/>") + "</li>"
                for item in node.children) + f"</{tag}>"
        if t in ("fence", "math_block"):
            return "<p>" + "<br/>".join(f"<code>{esc(ln)}</code>" for ln in node.content.rstrip("\n").split("\n")) + "</p>"
        if t == "heading":
            return f"<p><b>{esc(plain_text(node.children[0].children if node.children else []))}</b></p>"
        if t == "hr":
            return "<hr/>"
        if t == "container_admonition" and tight:
            # A note inside a list item stays in the item, where the reader saw it (as a block after
            # the list it would move away from its step, and the list could not go on numbering).
            kind, title = admonition_parts(node.info)
            label = CALLOUT_LABELS.get(CALLOUT_KINDS.get(kind, "note"), "Note") + (f" : {title}" if title else "")
            body = "".join(self.rich_fragment(c) for c in node.children)
            return f"<blockquote><p><b>{esc(label)}</b></p>{body}</blockquote>"
        if lists.is_image_tag(node):  # a picture tag inside an item stays in the item
            return lists.image_html(self, node, line) + ("<br/>" if tight else "")
        if t == "blockquote":
            return "<blockquote>" + "".join(self.rich_fragment(c) for c in node.children) + "</blockquote>"
        # Anything else (component, table, admonition…) cannot live in rich text: it becomes
        # its own block after the text, in the same order.
        self.ctx.problem("block_moved_out", line, f"« {t if t != 'jsx' else node.meta['tag'].name} » placé dans une liste ou un encadré : importé juste après, comme bloc à part.", "info")
        self.pending.append(node)
        return ""

    def n_blockquote(self, node, line):
        self.pending = []
        quote = "".join(self.rich_fragment(c) for c in node.children)
        self.html.append(f"<blockquote>{quote}</blockquote>")
        self.drain()

    def drain(self):
        pending, self.pending = self.pending, []
        for node in pending:
            self.node(node)

    def n_hr(self, node, line):
        self.html.append("<hr/>")

    def n_html_block(self, node, line):
        raw = node.content.strip()
        if raw.startswith("<!--"):
            self.ctx.problem("html_comment_dropped", line, "Commentaire HTML ignoré (invisible sur l'ancien site).", "info")
            return
        self.ctx.problem("html_unmapped", line, f"Bloc HTML « {raw[:40]} » non reconnu : texte conservé.")
        self.html.append(f"<p>{esc(re.sub(r'<[^>]+>', ' ', raw)).strip()}</p>")

    def n_fence(self, node, line):
        info = (node.info or "").strip()
        lang = info.split()[0].lower() if info else ""
        title = ""
        match = re.search(r'title=["\']([^"\']+)["\']', info)
        if match:
            title = match.group(1)
        mapped = CODE_LANGUAGES.get(lang)
        if mapped is None:
            self.ctx.problem("code_language_unknown", line, f"Langage de code « {lang} » absent de la liste : importé en texte brut, nom gardé en légende.", "info")
            title = title or lang
            mapped = ""
        self.add("code", {"language": mapped, "code": node.content.rstrip("\n"), "caption": title[:255]})

    def n_math_block(self, node, line):
        self.add("code", {"language": "math", "code": node.content.strip("\n"), "caption": ""})

    n_math_block_label = n_math_block

    def n_table(self, node, line):
        rows = []
        has_head = False
        renderer = Inline(self.ctx, line)
        for section in node.children:
            if section.type == "thead":
                has_head = True
            for tr in section.children:
                cells = []
                for cell in tr.children:
                    inline = cell.children[0] if cell.children else None
                    text = renderer.render(inline.children if inline else [], features="inline").strip()
                    cells.append(self.ctx.item(f"<p>{text}</p>" if text else ""))
                rows.append(self.ctx.item({"cells": cells}))
        self.add("table", {"caption": "", "header_row": has_head, "header_column": False, "rows": rows})

    def n_footnote_block(self, node, line):
        self.flush()
        items = []
        for footnote in node.children:
            self.pending = []
            items.append("<li>" + "".join(self.rich_fragment(c) for c in footnote.children) + "</li>")
        self.heading_block("Notes", 2 if not self.nested else 3, "notes", line)
        self.html.append("<ol>" + "".join(items) + "</ol>")
        self.drain()

    def n_container_admonition(self, node, line):
        kind, title = admonition_parts(node.info)
        self.callout(kind, title, node.children, line)

    def callout(self, kind, title, children, line):
        mapped = CALLOUT_KINDS.get(kind)
        if mapped is None:
            self.ctx.problem("admonition_unknown", line, f"Encadré de type inconnu « {kind} » : importé comme note.")
            mapped = "note"
        self.pending = []
        body = "".join(self.rich_fragment(c) for c in children).strip() or "<p></p>"
        self.add("callout", {"kind": mapped, "title": title[:255], "body": body})
        self.drain()

    # media blocks
    def image_block(self, src, alt, title, line, caption="", width=None):
        ctx = self.ctx
        path = ctx.local_file(src, line)
        alt = alt_text(ctx, alt, title, src, line, caption)
        if path is None:
            missing(ctx, src, line)
            self.html.append(f"<p>{esc(alt)}</p>")
            return
        if svg_refused(ctx, path, line):
            self.html.append(f"<p>{esc(alt)}</p>")
            return
        if ctx.hero_image is not None and str(path) == str(ctx.hero_image) and ctx.page_type in (SPACE, TOOL_GUIDE):
            ctx.problem("image_is_hero", line, "Image identique à l'image principale de la page : portée par le champ « image principale ».", "info")
            return
        value = {"image": {"__image__": str(path)}, "alt": alt[:255], "decorative": False,
                 "caption": caption[:255], "credit": ""}
        if width is not None:  # `<img width="500">`: shown at most that wide
            value["width"] = max(16, min(2400, width))
        self.add("image", value)

    # JSX
    def n_jsx(self, node, line):
        meta = node.meta or {}
        tag = meta.get("tag")
        if meta.get("unclosed"):
            self.ctx.problem("jsx_unclosed", line, f"Balise « <{tag.name}> » jamais refermée : son contenu est lu comme du Markdown.")
        name = tag.name
        lname = name.lower()
        registered = self.handler(tag)
        if registered is not None:
            registered(self, tag, [node] if components.takes_siblings(registered) else node, line)
            return
        if tag.is_component and name in esm_data.local_components(self.ctx):
            esm_data.local_component(self, tag, node, line)
            return
        if name in BEHAVIOUR_COMPONENTS:
            self.ctx.problem("component_behaviour_dropped", line, f"Composant « {name} » sans contenu (comportement de l'ancien site) : ignoré.", "info")
            self.children(node)
            return
        if not tag.is_component and lname in TRANSPARENT_TAGS:
            self.children(node)
            return
        if not tag.is_component and (lname in INLINE_TAGS or lname == "a"):  # a dict: no `|` with a set
            self.inline_element(tag, node, line)
            return
        self.unmapped(tag, node, line)

    def children(self, node):
        self.nodes(node.children)

    def inline_element(self, tag, node, line):
        # `<strong>Texte</strong>` alone on its line: the text is an inline child, not a paragraph.
        inner = "".join(Inline(self.ctx, line).render(c.children) if c.type == "inline" else self.rich_fragment(c)
                        for c in node.children)
        inner = re.sub(r"^<p>|</p>$", "", inner.strip())
        inner = inner.removesuffix("<br/>")
        if tag.name.lower() == "a" or tag.name == "Link":
            href = str(tag.attrs.get("href") or tag.attrs.get("to") or "")
            self.html.append(f"<p>{Inline(self.ctx, line).link(href, inner) if href else inner}</p>")
        else:
            wrap = INLINE_TAGS.get(tag.name.lower(), "b")
            self.html.append(f"<p><{wrap}>{inner}</{wrap}></p>")

    def unmapped(self, tag, node, line):
        ctx = self.ctx
        unresolved = sorted(k for k, v in tag.attrs.items() if isinstance(v, jsx.Expression)
                            and v.source not in ctx.doc.imports)
        extra = f" Propriétés calculées non importées : {', '.join(unresolved)}." if unresolved else ""
        ctx.problem("component_unmapped", line, f"Composant « <{tag.name}> » sans équivalent : son contenu et ses textes sont conservés.{extra}")
        assets = []
        for key, value in tag.attrs.items():
            if key in ("className", "style"):
                continue
            if isinstance(value, jsx.Expression):  # `src={photo}`, photo imported from './photo.png'
                value = ctx.doc.imports.get(value.source, "")
            for candidate in _strings(value):
                if "/" in candidate and Path(candidate).suffix:
                    found = ctx.local_file(candidate, line)
                    if found:
                        assets.append(found)
        alt = str(tag.attrs.get("alt") or "") if any(f.suffix.lower() in IMAGE_SUFFIXES for f in assets) else ""
        text = attrs_text({k: v for k, v in tag.attrs.items() if not (alt and k == "alt")})
        if text:
            self.html.append(f"<p>{esc(text)}</p>")
        for found in assets:
            if found.suffix.lower() in IMAGE_SUFFIXES:
                self.image_block(found, alt, "", line)
            else:
                self.add("document", {"document": {"__document__": str(found)}, "label": humanize_filename(found)})
        self.children(node)

def _is_img_tag(node):
    return node.type in ("jsx_inline", "html_inline") and (node.meta or {}).get("tag") is not None \
        and node.meta["tag"].name.lower() == "img"


def _split_lines(children):
    lines, current = [], []
    for child in children:
        if child.type in ("softbreak", "hardbreak"):
            lines.append(current)
            current = []
        else:
            current.append(child)
    lines.append(current)
    return [ln for ln in lines if ln]


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, jsx.AssetRef):
        yield value.path
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)


