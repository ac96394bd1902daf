"""Inline Markdown and MDX (text, emphasis, links, images, inline tags) -> editor HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from . import jsx
from .image_refs import alt_text, missing, svg_refused
from .resolver import IMAGE_SUFFIXES
from .safety import is_script_text
from .text import attr, esc, plain_text

# Components that only change behaviour or chrome and show no content of their own.
BEHAVIOUR_COMPONENTS = {"HideLastUpdated", "LienExterne", "Retroaction", "BrowserOnly", "Head", "TOCInline"}
TRANSPARENT_TAGS = {"div", "span", "section", "article", "main", "center", "p", "figure", "aside", "header",
                    "footer", "nav", "", "small", "font", "mark", "u", "abbr", "time", "label"}
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "code": "code", "kbd": "code", "samp": "code",
               "var": "i", "sup": "sup", "sub": "sub", "s": "s", "del": "s", "strike": "s"}


class Inline:
    """Renders inline children to editor HTML; images can be collected instead of embedded."""

    def __init__(self, ctx, line):
        self.ctx = ctx
        self.line = line

    def render(self, nodes, features="rich"):
        out = []
        i = 0
        nodes = list(nodes)
        while i < len(nodes):
            node = nodes[i]
            t = node.type
            if t == "text":
                out.append(esc(node.content))
            elif t == "softbreak":
                out.append("\n")
            elif t == "hardbreak":
                out.append("<br/>")
            elif t == "strong":
                out.append(f"<b>{self.render(node.children, features)}</b>")
            elif t == "em":
                out.append(f"<i>{self.render(node.children, features)}</i>")
            elif t == "s":
                out.append(f"<s>{self.render(node.children, features)}</s>" if features == "rich" else self.render(node.children, features))
            elif t == "code_inline" or t == "math_inline" or t == "math_inline_double":
                out.append(f"<code>{esc(node.content)}</code>")
            elif t == "link":
                out.append(self.link(node.attrs.get("href", ""), self.render(node.children, features)))
            elif t == "image":
                out.append(self.image(node.attrs.get("src", ""), node.content or plain_text(node.children),
                                      node.attrs.get("title") or "", features, icon=beside_text(nodes, i)))
            elif t == "footnote_ref":
                label = (node.meta or {}).get("id", 0) + 1
                out.append(f"<sup>[{label}]</sup>")
            elif t in ("jsx_inline", "html_inline"):
                consumed, text = self.tag(nodes, i, features)
                out.append(text)
                i += consumed
                continue
            else:
                self.ctx.problem("inline_unmapped", self.line, f"Élément en ligne « {t} » non reconnu : texte conservé.")
                out.append(esc(node.content or plain_text(node.children)))
            i += 1
        return "".join(out)

    def link(self, href, inner):
        target = self.ctx.resolver.link(href, self.ctx.doc)
        if target.kind == "refused":
            self.ctx.problem(target.code, self.line, target.reason)
            return inner
        if target.kind == "external":
            return f'<a href="{attr(target.value)}">{inner}</a>'
        if target.kind == "anchor":
            return f'<a href="#{attr(target.anchor)}">{inner}</a>'
        if target.kind == "page":
            # The place in the page is kept with the link (pages/rich_text_anchors.py).
            anchor = f' data-anchor="{attr(unquote(target.anchor))}"' if target.anchor else ""
            return f'<a data-linktype="page" data-import-page="{attr(target.value)}"{anchor}>{inner}</a>'
        if target.kind == "image" and svg_refused(self.ctx, target.value, self.line):
            return inner
        if target.kind in ("document", "image"):
            self.ctx.documents.append(target.value)
            return f'<a data-linktype="document" data-import-asset="{attr(target.value)}">{inner}</a>'
        expected = self.ctx.resolver.expected_file(href, self.ctx.doc) if Path(href.split("#")[0]).suffix.lower() not in ("", ".md", ".mdx", ".html") else None
        if expected is not None:
            self.ctx.problem("file_missing", self.line, f"Fichier lié introuvable : « {href} » ; le texte du lien est conservé.")
        else:
            self.ctx.problem("link_unresolved", self.line, f"Lien interne sans cible : « {href} » ; le texte du lien est conservé sans lien.")
        return inner

    def image(self, src, alt, title, features, icon=False):
        path = self.ctx.local_file(src, self.line)
        alt = alt_text(self.ctx, alt, title, src, self.line)
        if path is None:
            missing(self.ctx, src, self.line)
            return esc(alt)
        if svg_refused(self.ctx, path, self.line):
            return esc(alt)
        if features != "rich":
            self.ctx.problem("image_in_table", self.line, f"Image « {src} » dans un tableau : remplacée par son texte alternatif.")
            return esc(alt)
        # A picture inside a sentence (a button, an icon) stays in it, at the height of the text.
        return (f'<img data-embedtype="image" data-import-asset="{attr(path)}" '
                f'data-format="{"icon" if icon else "fullwidth"}" data-alt="{attr(alt)}"/>')

    def tag(self, nodes, i, features):
        """Render an inline tag; returns (nodes consumed, html)."""
        node = nodes[i]
        tag = (node.meta or {}).get("tag")
        if tag is None:  # html_inline markdown-it could not read as a tag (comment…)
            raw = node.content
            if raw.startswith("<!--"):
                self.ctx.problem("html_comment_dropped", self.line, "Commentaire HTML ignoré (invisible sur l'ancien site).", "info")
                return 1, ""
            return 1, esc(raw)
        name = tag.name
        lname = name.lower()
        if tag.closing:
            return 1, ""
        children_end = None
        if not tag.is_void:
            depth = 0
            for j in range(i + 1, len(nodes)):
                other = (nodes[j].meta or {}).get("tag") if nodes[j].type in ("jsx_inline", "html_inline") else None
                if other is None or other.name != name:
                    continue
                if other.closing:
                    if depth == 0:
                        children_end = j
                        break
                    depth -= 1
                elif not other.is_void:
                    depth += 1
        inner_nodes = nodes[i + 1:children_end] if children_end is not None else []
        consumed = (children_end - i + 1) if children_end is not None else 1
        inner = self.render(inner_nodes, features)
        if lname == "br":
            return consumed, "<br/>"
        if lname in INLINE_TAGS and not tag.is_component:
            wrap = INLINE_TAGS[lname]
            if wrap == "s" and features != "rich":
                return consumed, inner
            return consumed, f"<{wrap}>{inner}</{wrap}>"
        if lname == "a" or name == "Link":
            href = tag.attrs.get("href") or tag.attrs.get("to") or ""
            return consumed, self.link(str(href), inner) if href else inner
        if lname == "img":
            return consumed, self.image(asset_src(tag.attrs.get("src"), self.ctx), str(tag.attrs.get("alt") or ""),
                                        str(tag.attrs.get("title") or ""), features, icon=beside_text(nodes, i))
        if name == "CopyToClipboardButton":
            return consumed, f"<code>{esc(jsx.jsx_text(tag.attrs.get('text')))}</code>"
        if name in BEHAVIOUR_COMPONENTS:
            self.ctx.problem("component_behaviour_dropped", self.line, f"Composant « {name} » sans contenu (comportement de l'ancien site) : ignoré.", "info")
            return consumed, inner
        if lname in TRANSPARENT_TAGS and not tag.is_component:
            return consumed, inner
        text = inner or esc(attrs_text(tag.attrs))
        self.ctx.problem("component_unmapped", self.line, f"Élément « <{name}> » sans équivalent : son texte est conservé.")
        return consumed, text


MAX_INLINE_DEPTH = 100


def beside_text(nodes, i):
    """True when the inline node at ``i`` shares its line with words (an icon in a sentence)."""
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(nodes) and nodes[j].type not in ("softbreak", "hardbreak"):
            node = nodes[j]
            if node.type == "text":
                if node.content.strip():
                    return True
            elif node.type not in ("image", "jsx_inline", "html_inline"):  # emphasis, link, code
                return True
            j += step
    return False


def image_width(attrs):
    """The pixel width written on an ``<img width="500">`` (None for a percentage or none)."""
    value = str(attrs.get("width") or "").strip().removesuffix("px").strip()
    return int(value) if value.isdigit() and 0 < int(value) <= 4000 else None


def inline_depth(nodes):
    depth = deepest = 0
    for node in nodes:
        tag = (node.meta or {}).get("tag") if node.type in ("jsx_inline", "html_inline") else None
        if tag is None or tag.is_void:
            continue
        depth += -1 if tag.closing else 1
        deepest = max(deepest, depth)
    return deepest


def attrs_text(attrs):
    parts = []
    for key, value in attrs.items():
        if key in ("className", "style", "id", "icon", "key", "width", "height") or value is True:
            continue
        if isinstance(value, (int, float, jsx.Expression)):
            continue
        text = jsx.jsx_text(value).strip()
        if is_script_text(text):  # a script address given as a prop is no text to keep
            continue
        if text and not re.fullmatch(r"[\d.\s%px-]+", text):
            parts.append(text)
    return " ".join(parts)


def asset_src(value, ctx):
    if isinstance(value, jsx.AssetRef):
        return value.path
    if isinstance(value, jsx.Expression):
        module = ctx.doc.imports.get(value.source)
        if module and Path(module).suffix.lower() in IMAGE_SUFFIXES | {".pdf"}:
            return module
        return ""
    return str(value or "")


