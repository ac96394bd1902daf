"""ParsedDoc -> PageDraft: page type, typed field values and StreamField data. Pure (no Django).

References the writer must resolve are left as placeholders:

- in block values, ``{"__image__": "/abs/file.png"}``, ``{"__document__": …}``, ``{"__page__": "docs key"}``;
- in rich text (editor HTML), ``data-import-asset="…"`` on image embeds and document links and
  ``data-import-page="…"`` on page links.

Every construct without a mapping keeps its text in the page and adds a report problem with
its line and a stable code.
"""

from __future__ import annotations

import html
import posixpath
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from . import components, esm_data, jsx
from .parser import Problem, admonition_parts, front_matter_value
from .rules import MISSION, SECTION, SPACE, TOOL_GUIDE
from .safety import (
    PathRefused,
    contained_file,
    is_safe_url,
    is_script_text,
    refused_url_message,
    site_roots,
)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}
CALLOUT_KINDS = {
    "note": "note", "tip": "tip", "info": "info", "warning": "warning", "caution": "warning",
    "danger": "danger", "important": "info", "success": "tip", "secondary": "note",
}
CODE_LANGUAGES = {
    # Docusaurus (Prism) names and aliases -> the code block's language choices (pages/blocks/text.py).
    "bash": "bash", "sh": "bash", "shell": "bash", "console": "bash", "zsh": "bash", "shell-session": "bash",
    "powershell": "powershell", "ps1": "powershell", "pwsh": "powershell", "bat": "batch", "cmd": "batch",
    "batch": "batch", "python": "python", "py": "python", "python3": "python", "cpp": "cpp", "c": "cpp",
    "c++": "cpp", "h": "cpp", "hpp": "cpp", "arduino": "cpp", "ino": "cpp", "javascript": "javascript",
    "js": "javascript", "mjs": "javascript", "cjs": "javascript", "jsx": "jsx", "ts": "typescript",
    "typescript": "typescript", "tsx": "tsx", "html": "html", "xhtml": "html", "xml": "xml", "svg": "xml",
    "css": "css", "json": "json", "json5": "json", "jsonc": "json", "yaml": "yaml", "yml": "yaml",
    "latex": "latex", "tex": "latex", "math": "math", "katex": "math", "mermaid": "mermaid", "gcode": "gcode",
    "g-code": "gcode", "sql": "sql", "java": "java", "kotlin": "kotlin", "kt": "kotlin", "kts": "kotlin",
    "groovy": "groovy", "gradle": "groovy", "csharp": "csharp", "cs": "csharp", "c#": "csharp", "dotnet": "csharp",
    "go": "go", "golang": "go", "rust": "rust", "rs": "rust", "ruby": "ruby", "rb": "ruby", "php": "php",
    "swift": "swift", "objectivec": "objectivec", "objc": "objectivec", "dart": "dart", "scala": "scala",
    "lua": "lua", "perl": "perl", "pl": "perl", "haskell": "haskell", "hs": "haskell", "elixir": "elixir",
    "ex": "elixir", "exs": "elixir", "julia": "julia", "jl": "julia", "r": "r", "matlab": "matlab",
    "octave": "matlab", "markdown": "markdown", "md": "markdown", "mdx": "markdown", "graphql": "graphql",
    "gql": "graphql", "protobuf": "protobuf", "proto": "protobuf", "toml": "toml", "ini": "ini", "cfg": "ini",
    "conf": "ini", "properties": "ini", "dockerfile": "dockerfile", "docker": "dockerfile",
    "makefile": "makefile", "make": "makefile", "mk": "makefile", "nginx": "nginx", "diff": "diff",
    "patch": "diff", "text": "", "txt": "", "plain": "", "plaintext": "", "": "",
}
VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com")
# Components that only change behaviour or chrome and show no content of their own.
BEHAVIOUR_COMPONENTS = {"HideLastUpdated", "LienExterne", "Retroaction", "BrowserOnly", "Head", "TOCInline"}
TRANSPARENT_TAGS = {"div", "span", "section", "article", "main", "center", "p", "figure", "aside", "header",
                    "footer", "nav", "", "small", "font", "mark", "u", "abbr", "time", "label"}
INLINE_TAGS = {"b": "b", "strong": "b", "i": "i", "em": "i", "code": "code", "kbd": "code", "samp": "code",
               "var": "i", "sup": "sup", "sub": "sub", "s": "s", "del": "s", "strike": "s"}
PSEUDO_BULLETS = ("•", "·", "◦", "▪", "▫", "●", "○", "■", "□", "➢", "►", "✓", "✔")


@dataclass
class LinkTarget:
    kind: str  # "page" | "document" | "image" | "external" | "anchor" | "unresolved" | "refused"
    value: str = ""  # doc key, file path or URL
    anchor: str = ""
    reason: str = ""  # why a "refused" link was refused (for the report)
    code: str = ""  # its report code


@dataclass
class PageDraft:
    key: str
    page_type: str
    title: str
    slug: str
    draft: bool = False
    search_description: str = ""
    fields: dict = field(default_factory=dict)
    source_metadata: dict = field(default_factory=dict)
    anchors: set = field(default_factory=set)
    problems: list = field(default_factory=list)
    block_lines: dict = field(default_factory=dict)  # block id -> source line, for validation reports


def github_slug(text):
    """The anchor Docusaurus gives a heading (github-slugger)."""
    text = text.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN" or c in "")
    return text.replace(" ", "-")


def humanize_filename(path):
    stem = Path(str(path)).stem
    stem = re.sub(r"[-_]+", " ", stem).strip()
    return stem[:1].upper() + stem[1:] if stem else ""


class Resolver:
    """Finds docs, static files and old URLs for links and images. Filesystem only."""

    def __init__(self, site, docs):
        self.site = site
        self.docs = docs  # rel_path -> record (with .info)
        self.by_id = {r.info.doc_id: k for k, r in docs.items()}
        self.by_slug = {}
        for key, record in docs.items():
            self.by_slug.setdefault(record.info.slug.rstrip("/") or "/", key)
        self.static_dirs = [site.root / d for d in site.static_dirs]
        self.docs_dir = site.docs_dir
        self.roots = site_roots(site)  # every file read must really lie under one of these (safety.py)

    def _inside(self, candidate):
        """candidate's real path if it is a file inside the site; raises PathRefused when it leaves it."""
        return contained_file(candidate, self.roots)

    def static_file(self, url_path):
        try:
            return self.locate_static(url_path)
        except PathRefused:
            return None

    def locate_static(self, url_path):
        path = unquote(url_path.split("?")[0].split("#")[0])
        base = self.site.base_url.strip("/")
        if base and path.lstrip("/").startswith(base + "/"):
            path = path.lstrip("/")[len(base):]
        for folder in self.static_dirs:
            found = self._inside(folder / path.lstrip("/"))
            if found:
                return found
        return None

    def file(self, src, doc):
        """A local file referenced from a doc, or None (missing, or refused: see ``locate``)."""
        try:
            return self.locate(src, doc)
        except PathRefused:
            return None

    def locate(self, src, doc):
        """A local file referenced from a doc (relative, docs-absolute or static), or None when there
        is none. Raises PathRefused for a path that leaves the site (``..``, absolute, symlink)."""
        if isinstance(src, Path):  # already a file path (an unmapped component's asset)
            return self._inside(src)
        src = unquote(str(src).split("?")[0].split("#")[0]).strip()
        if not src or "://" in src or src.startswith(("data:", "mailto:", "//")):
            return None
        src = src.removeprefix("@site/")
        if "\x00" in src:
            return None
        if src.startswith("/"):
            found = self.locate_static(src)
            if found:
                return found
            for root in (self.docs_dir, self.site.root):
                found = self._inside(root / src.lstrip("/"))
                if found:
                    return found
            return None
        found = self._inside(doc.abs_path.parent / src)
        if found:
            return found
        return self._inside(self.site.root / src)

    def expected_file(self, src, doc):
        src = unquote(str(src).split("?")[0].split("#")[0]).removeprefix("@site/")
        if src.startswith("/"):
            return (self.static_dirs[0] if self.static_dirs else self.site.root) / src.lstrip("/")
        return (doc.abs_path.parent / src).resolve()

    def doc_for_url(self, path, doc):
        """The doc key for a site path (absolute or relative to the doc's URL)."""
        candidates = []
        if path.startswith("/"):
            stripped = self.site.strip_site_prefix(path)
            if stripped is not None:
                candidates.append(stripped)
        else:
            record = self.docs.get(doc.path)
            own = record.info.slug if record else "/" + doc.path.rsplit(".", 1)[0]
            candidates.append(posixpath.join(posixpath.dirname(own), path))  # browser resolution
            candidates.append(posixpath.join(own, path))  # the doc as a folder
            candidates.append(posixpath.join("/" + posixpath.dirname(doc.path), path))
        for candidate in candidates:
            norm = posixpath.normpath(candidate)
            norm = "/" if norm in (".", "/") else norm
            key = self.by_slug.get(norm.rstrip("/") or "/")
            if key:
                return key
        return None

    def doc_for_file(self, path, doc):
        path = unquote(path)
        candidates = []
        if path.startswith("/"):
            candidates.append(posixpath.normpath(path.lstrip("/")))
            rel_site = posixpath.normpath(path.lstrip("/"))
            prefix = self.site.docs_path.strip("/") + "/"
            if rel_site.startswith(prefix):
                candidates.append(rel_site[len(prefix):])
        else:
            candidates.append(posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), path)))
            # Docusaurus tries a relative Markdown link against the docs root when it is not
            # found beside the doc (`api/Store.md` written from `usage/`).
            candidates.append(posixpath.normpath(path))
        for candidate in candidates:
            if candidate in self.docs:
                return candidate
        return None

    def link(self, href, doc):
        href = (href or "").strip()
        if not href:
            return LinkTarget("unresolved", href)
        try:
            parsed = urlparse(href)
            site = urlparse(self.site.url) if self.site.url else None
        except ValueError:  # "Invalid IPv6 URL": `http://[` and the like
            return LinkTarget("unresolved", href)
        if not is_safe_url(href):
            return LinkTarget("refused", href, reason=refused_url_message(href), code="url_scheme_refused")
        if parsed.scheme in ("http", "https", "mailto", "tel"):
            if site and parsed.netloc == site.netloc and parsed.path:
                inner = self.link(parsed.path + (f"#{parsed.fragment}" if parsed.fragment else ""), doc)
                if inner.kind in ("page", "document", "image", "refused"):
                    return inner
            return LinkTarget("external", href)
        if parsed.scheme or href.startswith("//"):
            return LinkTarget("external", href)
        path, _, anchor = href.partition("#")
        if not path:
            return LinkTarget("anchor", doc.path, anchor)
        path = path.split("?")[0]
        if path.endswith((".md", ".mdx")):
            key = self.doc_for_file(path, doc)
            return LinkTarget("page", key, anchor) if key else LinkTarget("unresolved", href)
        suffix = Path(path).suffix.lower()
        try:
            if suffix and suffix not in (".html", ".htm"):
                found = self.locate(path, doc)
                if found:
                    return LinkTarget("image" if suffix in IMAGE_SUFFIXES else "document", str(found), anchor)
                return LinkTarget("unresolved", href)
            key = self.doc_for_url(path.removesuffix(".html"), doc)
            if key:
                return LinkTarget("page", key, anchor)
            found = self.locate(path, doc) if path.startswith("/") else None
        except PathRefused as refused:
            return LinkTarget("refused", href, code=PathRefused.code,
                              reason=f"Lien « {href[:80]} » refusé ({refused}) : le texte du lien est conservé sans lien.")
        if found:
            return LinkTarget("document", str(found), anchor)
        return LinkTarget("unresolved", href)


class _Ctx:
    def __init__(self, doc, resolver, page_type, report_file):
        self.doc = doc
        self.resolver = resolver
        self.page_type = page_type
        self.file = report_file
        self.problems = []
        self.counter = 0
        self.heading = ""  # nearest heading text above the current node
        self.anchors = set()
        self.hero_image = None
        self.documents = []  # document paths linked from the page
        self.line = 0  # source line of the node being mapped
        self.block_lines = {}
        self.refused = set()  # sources refused (and reported) by `file`, not to be reported again as missing

    def problem(self, code, line, message, level="warning"):
        self.problems.append(Problem(code, line, message, level))

    def local_file(self, src, line):
        """The resolver's file for ``src``, reporting a path or address it refuses."""
        if isinstance(src, str) and not is_safe_url(src):
            self.refuse(src, line, "url_scheme_refused", refused_url_message(src))
            return None
        try:
            return self.resolver.locate(src, self.doc)
        except PathRefused as refused:
            self.refuse(src, line, PathRefused.code, f"Fichier « {str(src)[:80]} » non lu ({refused}) : son texte est conservé.")
            return None

    def refuse(self, src, line, code, message):
        self.refused.add(str(src))
        self.problem(code, line, message)

    def block(self, block_type, value):
        self.counter += 1
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.doc.path}#{self.counter}"))
        self.block_lines[block_id] = self.line
        return {"type": block_type, "value": value, "id": block_id}

    def item(self, value):
        self.counter += 1
        return {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.doc.path}#{self.counter}"))}


def _line(node):
    while node is not None and not node.is_root:
        if node.map:
            return node.map[0] + 1
        node = node.parent
    return 0


def esc(text):
    return html.escape(str(text), quote=False)


def attr(text):
    return html.escape(str(text), quote=True)


# --- inline rendering --------------------------------------------------------------------

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
                out.append(self.image(node.attrs.get("src", ""), node.content or _plain(node.children),
                                      node.attrs.get("title") or "", features))
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
                out.append(esc(node.content or _plain(node.children)))
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
            if target.anchor:
                target.anchor = unquote(target.anchor)
                self.ctx.problem("link_anchor_dropped", self.line,
                                 f"Lien « {href} » : le lien vers la page est conservé, pas l'ancre #{target.anchor}.", "info")
            return f'<a data-linktype="page" data-import-page="{attr(target.value)}">{inner}</a>'
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

    def image(self, src, alt, title, features):
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
        return (f'<img data-embedtype="image" data-import-asset="{attr(path)}" data-format="fullwidth" '
                f'data-alt="{attr(alt)}"/>')

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
            return consumed, self.image(_src(tag.attrs.get("src"), self.ctx), str(tag.attrs.get("alt") or ""),
                                        str(tag.attrs.get("title") or ""), features)
        if name == "CopyToClipboardButton":
            return consumed, f"<code>{esc(jsx.jsx_text(tag.attrs.get('text')))}</code>"
        if name in BEHAVIOUR_COMPONENTS:
            self.ctx.problem("component_behaviour_dropped", self.line, f"Composant « {name} » sans contenu (comportement de l'ancien site) : ignoré.", "info")
            return consumed, inner
        if lname in TRANSPARENT_TAGS and not tag.is_component:
            return consumed, inner
        text = inner or esc(_attrs_text(tag.attrs))
        self.ctx.problem("component_unmapped", self.line, f"Élément « <{name}> » sans équivalent : son texte est conservé.")
        return consumed, text


MAX_INLINE_DEPTH = 100


def _inline_depth(nodes):
    depth = deepest = 0
    for node in nodes:
        tag = (node.meta or {}).get("tag") if node.type in ("jsx_inline", "html_inline") else None
        if tag is None or tag.is_void:
            continue
        depth += -1 if tag.closing else 1
        deepest = max(deepest, depth)
    return deepest


def _plain(nodes):
    out = []
    for node in nodes:
        if node.type in ("text", "code_inline"):
            out.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif node.type == "image":
            out.append(node.content or "")
        elif node.children:
            out.append(_plain(node.children))
    return "".join(out)


def _attrs_text(attrs):
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


def _src(value, ctx):
    if isinstance(value, jsx.AssetRef):
        return value.path
    if isinstance(value, jsx.Expression):
        module = ctx.doc.imports.get(value.source)
        if module and Path(module).suffix.lower() in IMAGE_SUFFIXES | {".pdf"}:
            return module
        return ""
    return str(value or "")


def alt_text(ctx, alt, title, src, line):
    alt = (alt or "").strip()
    if alt:
        return alt
    fill = (title or "").strip() or ctx.heading or humanize_filename(src) or "Image"
    if isinstance(src, Path):
        src = src.name
    ctx.problem("image_alt_missing", line, f"Image « {src} » sans texte alternatif : rempli avec « {fill} » (à revoir).")
    return fill


def svg_refused(ctx, path, line):
    """SVG can carry scripts, so the CMS takes none: the reader keeps the alt text or the link text,
    the report says which file to export as PNG."""
    if path is None or Path(path).suffix.lower() != ".svg":
        return False
    ctx.problem("image_svg_refused", line, f"Image SVG « {Path(path).name} » non importée (le SVG peut contenir du code) : "
                                           "son texte est conservé ; exportez-la en PNG et ajoutez-la dans le CMS.")
    return True


def missing(ctx, src, line):
    if str(src) in ctx.refused:  # already reported as outside the site or a refused address
        return
    if "://" in str(src):
        ctx.problem("image_external", line, f"Image externe « {src} » non importée : son texte alternatif est conservé.")
    else:
        ctx.problem("file_missing", line, f"Fichier introuvable : « {src} » ; le texte alternatif est conservé.")


# --- block rendering ---------------------------------------------------------------------

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

    def run(self, nodes):
        self.nodes(nodes)
        self.flush()
        return self.blocks

    def nodes(self, nodes):
        """Map sibling nodes; consecutive StudioCards become one card grid."""
        nodes = list(nodes)
        i = 0
        while i < len(nodes):
            if _is_studio_card(nodes[i]):
                j = i
                while j < len(nodes) and _is_studio_card(nodes[j]):
                    j += 1
                self.studio_cards(nodes[i:j])
                i = j
                continue
            self.node(nodes[i])
            i += 1

    def node(self, node):
        t = node.type
        line = _line(node)
        handler = getattr(self, "n_" + t, None)
        self.ctx.line = line
        if t != "paragraph":
            self.close_bullets()
        if handler is not None:
            handler(node, line)
        else:
            self.ctx.problem("construct_unmapped", line, f"Construction Markdown « {t} » non reconnue : texte conservé.")
            text = node.content or _plain(node.children)
            if text.strip():
                self.html.append(f"<p>{esc(text)}</p>")

    # markdown
    def n_front_matter(self, node, line):
        pass

    def n_inline(self, node, line):
        """Inline content straight inside an HTML or JSX block (`<div><a href=…>…</a></div>`): rendered
        as a paragraph, its links and images checked like any other."""
        if _inline_depth(node.children) > MAX_INLINE_DEPTH:  # rendering recurses once per level
            self.ctx.problem("construct_unmapped", line, f"Balises en ligne imbriquées sur plus de {MAX_INLINE_DEPTH} "
                                                         "niveaux : seul leur texte est conservé.")
            text = esc(re.sub(r"<[^>]*>", "", node.content or _plain(node.children))).strip()
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
        text = _plain(node.children[0].children if node.children else []).strip()
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
                    self.image_block(_src(tag.attrs.get("src"), self.ctx), str(tag.attrs.get("alt") or ""),
                                     str(tag.attrs.get("title") or ""), line)
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
        items = []
        for item in node.children:
            html_parts = []
            for child in item.children:
                html_parts.append(self.rich_fragment(child, tight=True))
            items.append("<li>" + "".join(html_parts).removesuffix("<br/>") + "</li>")
        self.html.append(f"<{tag}>" + "".join(items) + f"</{tag}>")
        self.drain()

    def rich_fragment(self, node, tight=False):
        """A node as rich text inside a list item or callout; blocks go after the current text."""
        line = _line(node)
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
            return f"<p><b>{esc(_plain(node.children[0].children if node.children else []))}</b></p>"
        if t == "hr":
            return "<hr/>"
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
    def image_block(self, src, alt, title, line, caption=""):
        ctx = self.ctx
        path = ctx.local_file(src, line)
        alt = (alt or "").strip() or (caption or "").strip()
        alt = alt_text(ctx, alt, title, src, line)
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
        self.add("image", {"image": {"__image__": str(path)}, "alt": alt[:255], "decorative": False,
                           "caption": caption[:255], "credit": ""})

    # JSX
    def n_jsx(self, node, line):
        meta = node.meta or {}
        tag = meta.get("tag")
        if meta.get("unclosed"):
            self.ctx.problem("jsx_unclosed", line, f"Balise « <{tag.name}> » jamais refermée : son contenu est lu comme du Markdown.")
        name = tag.name
        lname = name.lower()
        handler = getattr(self, "c_" + name.replace(".", "_"), None) if tag.is_component else getattr(self, "h_" + lname, None)
        if handler is not None:
            handler(tag, node, line)
            return
        if tag.is_component:
            registered = components.handler_for(name) or components.handler_for(self.ctx.doc.imports.get(name, ""))
        else:
            registered = components.handler_for(lname)
        if registered is not None:
            registered(self, tag, node, line)
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
        text = _attrs_text({k: v for k, v in tag.attrs.items() if not (alt and k == "alt")})
        if text:
            self.html.append(f"<p>{esc(text)}</p>")
        for found in assets:
            if found.suffix.lower() in IMAGE_SUFFIXES:
                self.image_block(found, alt, "", line)
            else:
                self.add("document", {"document": {"__document__": str(found)}, "label": humanize_filename(found)})
        self.children(node)

    def h_img(self, tag, node, line):
        self.image_block(_src(tag.attrs.get("src"), self.ctx), str(tag.attrs.get("alt") or ""),
                         str(tag.attrs.get("title") or ""), line)

    def h_figure(self, tag, node, line):
        caption = ""
        rest = []
        for child in node.children:
            if child.type == "jsx" and child.meta["tag"].name.lower() == "figcaption":
                caption = _node_text(child).strip()
            else:
                rest.append(child)
        for child in rest:
            if child.type == "jsx" and child.meta["tag"].name.lower() == "img":
                t = child.meta["tag"]
                self.image_block(_src(t.attrs.get("src"), self.ctx), str(t.attrs.get("alt") or ""), "", _line(child), caption)
            elif child.type == "paragraph" and child.children and child.children[0].children and \
                    child.children[0].children[0].type == "image":
                img = child.children[0].children[0]
                self.image_block(img.attrs.get("src", ""), img.content, "", _line(child), caption)
            else:
                self.node(child)

    def h_iframe(self, tag, node, line):
        src = str(tag.attrs.get("src") or "")
        title = str(tag.attrs.get("title") or "").strip()
        try:
            host = urlparse(src).netloc.lower()
        except ValueError:  # "Invalid IPv6 URL": reported below as an invalid address
            host, src = "", src.partition("://")[2]
        if not src.startswith(("http://", "https://")):
            if is_script_text(src):
                self.ctx.problem("url_scheme_refused", line, refused_url_message(src))
                src = ""
            else:
                self.ctx.problem("embed_invalid", line, f"Cadre intégré sans adresse http(s) : « {src} » conservé en texte.")
            if title or src:
                self.html.append(f"<p>{esc(title or src)}</p>")
            return
        is_video = any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS) or "/videos/embed/" in src
        if not title or title.lower() in ("youtube video player", "vimeo video player"):
            fill = self.ctx.heading or ("Vidéo" if is_video else "Contenu intégré")
            if not title:
                self.ctx.problem("embed_title_missing", line, f"Cadre intégré « {src} » sans titre : rempli avec « {fill} ».")
            title = fill if not title else f"{fill} ({title})" if self.ctx.heading else title
        if is_video:
            self.add("video", {"title": title[:255], "video_file": None, "url": src, "transcript": ""})
        else:
            height = tag.attrs.get("height")
            try:
                height = max(100, min(2000, int(str(height).rstrip("px"))))
            except (TypeError, ValueError):
                height = None
            self.add("embed", {"url": src, "title": title[:255], "height": height})

    def h_video(self, tag, node, line):
        src = tag.attrs.get("src")
        if not src:
            for child in node.children:
                if child.type == "jsx" and child.meta["tag"].name.lower() == "source":
                    src = child.meta["tag"].attrs.get("src")
        src = _src(src, self.ctx)
        if is_script_text(src):
            self.ctx.problem("url_scheme_refused", line, refused_url_message(src))
            self.html.append(f"<p>{esc(tag.attrs.get('title') or self.ctx.heading or 'Vidéo')}</p>")
            return
        title = str(tag.attrs.get("title") or self.ctx.heading or humanize_filename(src) or "Vidéo")
        if src.startswith(("http://", "https://")):
            self.add("video", {"title": title[:255], "video_file": None, "url": src, "transcript": ""})
            return
        found = self.ctx.local_file(src, line)
        if found is None:
            missing(self.ctx, src, line)
            self.html.append(f"<p>{esc(title)}</p>")
            return
        self.add("video", {"title": title[:255], "video_file": {"__document__": str(found)}, "url": "", "transcript": ""})

    def h_details(self, tag, node, line):
        summary = ""
        rest = []
        for child in node.children:
            if child.type == "jsx" and child.meta["tag"].name.lower() == "summary" and not summary:
                summary = _node_text(child).strip()
            else:
                rest.append(child)
        summary = summary or "Détails"
        if self.nested:
            self.ctx.problem("details_nested_flattened", line, f"Section repliable « {summary} » dans un onglet ou une autre section repliable : importée comme titre et contenu.", "info")
            self.heading_block(summary, 4, github_slug(summary), line)
            for child in rest:
                self.node(child)
            return
        inner = Flow(self.ctx, nested=1).run(rest)
        self.add("details", {"summary": summary[:255], "body": inner})

    def h_summary(self, tag, node, line):
        self.html.append(f"<p><b>{esc(_node_text(node).strip())}</b></p>")

    def h_h1(self, tag, node, line):
        text = _node_text(node).strip()
        level = int(tag.name[1])
        self.heading_block(text, level, str(tag.attrs.get("id") or github_slug(text)), line)

    h_h2 = h_h3 = h_h4 = h_h5 = h_h6 = h_h1

    def h_hr(self, tag, node, line):
        self.html.append("<hr/>")

    def h_br(self, tag, node, line):
        pass

    def h_table(self, tag, node, line):
        self.ctx.problem("html_table_as_text", line, "Tableau HTML : importé comme texte, à mettre en forme.")
        self.html.append(f"<p>{esc(_node_text(node).strip())}</p>")

    def c_Tabs(self, tag, node, line):
        labels = {}
        values = tag.attrs.get("values")
        if isinstance(values, list):
            for v in values:
                if isinstance(v, dict):
                    labels[str(v.get("value"))] = str(v.get("label") or v.get("value"))
        tabs = []
        for child in node.children:
            if child.type == "jsx" and child.meta["tag"].name == "TabItem":
                t = child.meta["tag"]
                label = str(t.attrs.get("label") or labels.get(str(t.attrs.get("value"))) or t.attrs.get("value") or "Onglet")
                tabs.append((label, child))
            else:
                tabs.append((None, child))
        if self.nested:
            self.ctx.problem("tabs_nested_flattened", line, "Onglets dans un onglet ou une section repliable : chaque onglet importé comme titre suivi de son contenu.", "info")
            for label, child in tabs:
                if label is not None:
                    self.heading_block(label, 4, github_slug(label), _line(child))
                    self.children(child)
                else:
                    self.node(child)
            return
        values = []
        for label, child in tabs:
            if label is None:
                if child.type not in ("softbreak",):
                    self.node(child)
                continue
            body = Flow(self.ctx, nested=1).run(child.children)
            values.append(self.ctx.item({"label": label[:255], "body": body}))
        if values:
            self.add("tabs", {"tabs": values})

    def c_TabItem(self, tag, node, line):
        label = str(tag.attrs.get("label") or tag.attrs.get("value") or "")
        self.ctx.problem("tabitem_outside_tabs", line, f"Onglet « {label} » hors d'un groupe d'onglets : importé comme titre et contenu.")
        self.heading_block(label, 3, github_slug(label), line)
        self.children(node)

    def c_Admonition(self, tag, node, line):
        kind = str(tag.attrs.get("type") or "note").lower()
        self.callout(kind, str(tag.attrs.get("title") or ""), node.children, line)

    def c_Link(self, tag, node, line):
        self.inline_element(tag, node, line)

    def c_CardGrid(self, tag, node, line):
        items = tag.attrs.get("items") or tag.attrs.get("cards") or []
        if not isinstance(items, list):
            self.unmapped(tag, node, line)
            return
        cards = []
        for item in items:
            if not isinstance(item, dict):
                continue
            cards.append(self.card(item, line))
        self.add("card_grid", {"title": str(tag.attrs.get("title") or "")[:255], "cards": cards})
        self.children(node)

    def card(self, item, line):
        ctx = self.ctx
        title = jsx.jsx_text(item.get("title") or item.get("label") or "").strip() or "Carte"
        text = jsx.jsx_text(item.get("description") or item.get("text") or "").strip()
        link = item.get("link") or item.get("href") or item.get("to") or ""
        value = {"title": title[:255], "text": text, "page": None, "url": "", "image": None}
        if link:
            target = ctx.resolver.link(str(link), ctx.doc)
            if target.kind == "page":
                value["page"] = {"__page__": target.value}
            elif target.kind == "external":
                value["url"] = target.value
            elif target.kind == "refused":
                ctx.problem(target.code, line, f"Carte « {title} » : {target.reason}")
            elif target.kind in ("document", "image"):
                value["text"] = (text + f" ({link})").strip()
                ctx.problem("card_link_file", line, f"Carte « {title} » liée au fichier « {link} » : adresse gardée dans le texte.")
            else:
                ctx.problem("link_unresolved", line, f"Carte « {title} » : lien « {link} » sans cible, carte importée sans lien.")
        image = item.get("image") or item.get("img")
        if image:
            found = ctx.local_file(_src(image, ctx), line)
            if svg_refused(ctx, found, line):
                pass
            elif found is not None:
                value["image"] = {"__image__": str(found)}
            else:
                missing(ctx, _src(image, ctx), line)
        extra = {k: jsx.to_plain(v) for k, v in item.items() if k not in (
            "title", "label", "description", "text", "link", "href", "to", "image", "img", "__line__")}
        if extra:
            ctx.problem("card_props_dropped", line, f"Carte « {title} » : propriétés d'affichage non reprises ({', '.join(sorted(extra))}).", "info")
        return ctx.item(value)

    def studio_cards(self, nodes):
        """StudioCards -> a card grid (title, place, link), then their other links as rich text
        (map, models, booking), so that no link is lost."""
        cards, details = [], []
        for node in nodes:
            tag, line = node.meta["tag"], _line(node)
            a = tag.attrs
            title = jsx.jsx_text(a.get("title")).strip() or "Lieu"
            text = " ".join(t for t in (jsx.jsx_text(a.get("location")).strip(),
                                        jsx.jsx_text(a.get("description")).strip()) if t)
            item = {"title": title, "description": text}
            if a.get("titleLink"):
                item["link"] = a["titleLink"]
            cards.append(self.card(item, line))
            html = self.studio_card_html(tag, line, with_title=False)
            if html:
                details.append(f"<p><b>{esc(title)}</b></p>{html}")
            for child in node.children:
                self.node(child)
        self.add("card_grid", {"title": "", "cards": cards})
        if details:
            self.html.append("".join(details))

    def c_StudioCard(self, tag, node, line):
        self.studio_cards([node])

    def studio_card_html(self, tag, line, with_title=True):
        a = tag.attrs
        title = jsx.jsx_text(a.get("title")).strip() or "Lieu"
        renderer = Inline(self.ctx, line)
        parts = []
        if a.get("titleLink") and with_title:
            parts.append(f"<p>{renderer.link(str(a['titleLink']), esc(title))}</p>")
        if a.get("location") and (with_title or _has_link(a["location"])):
            parts.append(f"<p>{self.jsx_html(a['location'], renderer)}</p>")
        if a.get("description") and with_title:
            parts.append(f"<p>{self.jsx_html(a['description'], renderer)}</p>")
        if a.get("mapLink"):
            parts.append(f"<p>{renderer.link(str(a['mapLink']), esc(a.get('mapText') or 'Localiser sur Google Maps'))}</p>")
        tags = a.get("tags") or []
        if isinstance(tags, list) and tags:
            parts.append(f"<p>{esc(a.get('tagsLabel') or 'Modèles disponibles')} :</p><ul>")
            for t in tags:
                if isinstance(t, dict):
                    label = esc(jsx.jsx_text(t.get("label")))
                    parts.append(f"<li>{renderer.link(str(t['href']), label) if t.get('href') else label}</li>")
                else:
                    parts.append(f"<li>{esc(jsx.jsx_text(t))}</li>")
            parts.append("</ul>")
        if a.get("reserveLink"):
            parts.append(f"<p>{renderer.link(str(a['reserveLink']), esc(a.get('reserveText') or 'Réserver'))}</p>")
        for link in a.get("secondaryLinks") or []:
            if isinstance(link, dict) and link.get("href"):
                parts.append(f"<p>{renderer.link(str(link['href']), esc(jsx.jsx_text(link.get('label')) or link['href']))}</p>")
        if a.get("beforeReserve"):
            parts.append(f"<p>{self.jsx_html(a['beforeReserve'], renderer)}</p>")
        return "".join(parts)

    def jsx_html(self, value, renderer):
        if isinstance(value, jsx.JsxNode):
            out = []
            for child in value.children:
                if isinstance(child, jsx.JsxNode):
                    inner = self.jsx_html(child, renderer)
                    name = child.name.lower()
                    if name == "a" or child.name == "Link":
                        out.append(renderer.link(str(child.attrs.get("href") or child.attrs.get("to") or ""), inner))
                    elif name in INLINE_TAGS:
                        out.append(f"<{INLINE_TAGS[name]}>{inner}</{INLINE_TAGS[name]}>")
                    elif name == "br":
                        out.append("<br/>")
                    else:
                        out.append(inner)
                else:
                    out.append(esc(jsx.jsx_text(child)))
            return "".join(out).strip()
        return esc(jsx.jsx_text(value))


def _has_link(value):
    if isinstance(value, jsx.JsxNode):
        return value.name.lower() == "a" or value.name == "Link" or any(_has_link(c) for c in value.children)
    return False


def _is_studio_card(node):
    return node.type == "jsx" and node.meta["tag"].name == "StudioCard"


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


def _node_text(node):
    if node.type == "text" or node.type == "code_inline":
        return node.content
    if node.type == "inline":
        return _plain(node.children)
    return " ".join(_node_text(c) for c in node.children)


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


# --- page-level mapping ------------------------------------------------------------------

def _json_safe(value):
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _int(value):
    try:
        return int(str(value).strip().split()[0])
    except (ValueError, IndexError):
        return None


def map_doc(doc, resolver, page_type, slug, fallback_title="", report_file=""):
    """The PageDraft of one parsed doc."""
    ctx = _Ctx(doc, resolver, page_type, report_file or doc.path)
    fm = doc.front_matter
    ctx.problems.extend(doc.problems)
    nodes = list(doc.tree.children)

    # Title: front matter, else the first H1, else the sidebar label, else the file name.
    title = str(front_matter_value(fm, "title", "titre") or "").strip()
    first_h1 = next((n for n in nodes if n.type == "heading" and n.tag == "h1"), None)
    if first_h1 is not None:
        h1_text = re.sub(r"\s*\{#[^}]+\}\s*$", "", _plain(first_h1.children[0].children)).strip()
        if not title:
            title = h1_text
        if h1_text.lower() == title.lower():
            nodes.remove(first_h1)
    if not title:
        title = fallback_title or humanize_filename(doc.path)
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
            _space_fields(ctx, fm, fields, body)
        else:
            _tool_fields(ctx, fm, fields)
            body = _tool_steps(ctx, body, fields)
        fields["body"] = body
    elif page_type == MISSION:
        _mission_fields(ctx, description, body, fields)

    draft = bool(front_matter_value(fm, "draft") in (True, "true", "True", "yes"))
    metadata = _json_safe(fm)
    return PageDraft(
        key=doc.path, page_type=page_type, title=title[:255], slug=slug, draft=draft,
        search_description=description, fields=fields, source_metadata=metadata,
        anchors=ctx.anchors, problems=ctx.problems, block_lines=ctx.block_lines,
    )


def _space_fields(ctx, fm, fields, body):
    capacity = _int(front_matter_value(fm, "capacity", "capacite", "capacité"))
    if capacity is not None:
        fields["capacity"] = capacity
    for field_name, keys in (("building", ("building", "pavillon", "batiment", "bâtiment")),
                             ("room", ("room", "local", "salle")),
                             ("booking_url", ("booking_url", "reservation", "réservation", "booking")),
                             ("contact_email", ("contact_email", "courriel", "email")),
                             ("contact_phone", ("contact_phone", "telephone", "téléphone"))):
        value = front_matter_value(fm, *keys)
        if value:
            fields[field_name] = str(value)[:255]
    hours = front_matter_value(fm, "opening_hours", "horaires", "hours", "heures")
    if isinstance(hours, dict):
        hours = [{"days": k, "hours": v} for k, v in hours.items()]
    if isinstance(hours, list):
        fields["opening_hours"] = [ctx.block("hours", {"days": str(h.get("days") or h.get("jours") or "")[:255],
                                                       "hours": str(h.get("hours") or h.get("heures") or "")[:255]})
                                   for h in hours if isinstance(h, dict)]
    equipment = front_matter_value(fm, "equipment", "equipements", "équipements", "equipement")
    if isinstance(equipment, list):
        fields["equipment"] = [ctx.block("item", {"name": str(e.get("name") if isinstance(e, dict) else e)[:255],
                                                  "quantity": _int(e.get("quantity")) if isinstance(e, dict) else None,
                                                  "note": str(e.get("note") or "") if isinstance(e, dict) else ""})
                               for e in equipment]
    if "booking_url" not in fields:
        # A link whose text says "Réserver …" is the booking link.
        for block in _walk_blocks(body):
            if block["type"] == "paragraph":
                match = re.search(r'<a href="(https?://[^"]+)">\s*(?:<b>)?\s*R[ée]serv', block["value"])
                if match:
                    fields["booking_url"] = html.unescape(match.group(1))[:200]
                    break


def _choice(value, choices):
    """The choice a front matter value names (by value or French label), else ""."""
    wanted = str(value or "").strip().lower()
    for key, label in choices:
        if wanted and wanted in (str(key).lower(), str(label).lower()):
            return key
    return ""


def _tool_fields(ctx, fm, fields):
    # The models' choices only (no ORM use); what the source does not say stays empty.
    from pages.models.tool_guide import SkillLevel, ToolCategory

    fields["category"] = _choice(front_matter_value(fm, "category", "categorie", "catégorie"), ToolCategory.choices)
    fields["skill_level"] = _choice(front_matter_value(fm, "skill_level", "level", "niveau"), SkillLevel.choices)
    duration = _int(front_matter_value(fm, "duration", "duree", "durée", "duration_minutes"))
    if duration is not None:
        fields["duration_minutes"] = duration
    training = front_matter_value(fm, "required_training", "formation")
    if training:
        fields["required_training"] = str(training)[:255]
    for field_name, keys in (("materials", ("materials", "materiel", "matériel")),
                             ("protective_equipment", ("protective_equipment", "epi", "protection"))):
        value = front_matter_value(fm, *keys)
        if isinstance(value, list):
            fields[field_name] = [ctx.block("item", str(v)[:255]) for v in value]
    seen = []
    for path in ctx.documents:
        if Path(path).suffix.lower() in IMAGE_SUFFIXES or path in seen:
            continue
        seen.append(path)
    if seen:
        fields["downloads"] = [ctx.block("document", {"document": {"__document__": p}, "label": humanize_filename(p)})
                               for p in seen]


STEP_RE = re.compile(r"^\s*(?:(?:étape|etape|step)\s*)?(\d+)\s*(?:[.):–-]\s*|\s+-\s+|\s+)(.+)$", re.IGNORECASE)
CALLOUT_LABELS = {"note": "Note", "tip": "Astuce", "info": "Information", "warning": "Attention", "danger": "Danger"}


def numbered_steps(titles):
    """Step titles when the headings are numbered 1, 2, 3… (at least two), else None."""
    matches = [STEP_RE.match(t) for t in titles]
    if len(matches) < 2 or not all(matches):
        return None
    if [int(m.group(1)) for m in matches] != list(range(1, len(matches) + 1)):
        return None
    return [m.group(2).strip() for m in matches]


def _tool_steps(ctx, body, fields):
    """Numbered H2 sections ("1. Préparer", "Étape 2 - Tester") become the guide's steps when
    everything in them fits a step (text, sub-headings, images, callouts), in their place."""
    starts = [i for i, b in enumerate(body) if b["type"] == "heading" and b["value"]["level"] == "h2"
              and STEP_RE.match(b["value"]["text"])]
    titles = numbered_steps([body[i]["value"]["text"] for i in starts])
    if titles is None:
        return body
    h2 = [i for i, b in enumerate(body) if b["type"] == "heading" and b["value"]["level"] == "h2"]
    steps = []
    for title, start in zip(titles, starts, strict=True):
        end = next((i for i in h2 if i > start), len(body))
        html, image, alt = [], None, ""
        for block in body[start + 1:end]:
            kind, value = block["type"], block["value"]
            if kind == "paragraph":
                html.append(value)
            elif kind == "heading":
                level = "h3" if value["level"] in ("h2", "h3") else "h4"
                html.append(f"<{level}>{esc(value['text'])}</{level}>")
            elif kind == "image" and image is None:
                image, alt = value["image"], value["alt"]
            elif kind == "image":
                html.append(f'<img data-embedtype="image" data-import-asset="{attr(value["image"]["__image__"])}" '
                            f'data-format="fullwidth" data-alt="{attr(value["alt"])}"/>')
            elif kind == "callout":
                label = CALLOUT_LABELS.get(value["kind"], "Note") + (f" : {value['title']}" if value["title"] else "")
                html.append(f"<p><b>{esc(label)}</b></p>{value['body']}")
            else:  # code, tables, videos…: a step's text would flatten them, so they stay blocks
                ctx.problem("steps_kept_in_body", 0, f"Étape « {title} » : un bloc « {kind} » ne tient pas dans une étape ; les étapes restent dans le contenu.", "info")
                return body
        steps.append(ctx.block("step", {"title": title[:255], "text": "".join(html), "image": image, "image_alt": alt[:255]}))
    first, last = starts[0], next((i for i in h2 if i > starts[-1]), len(body))
    if body[:first] or body[last:]:
        # The guide's steps field is shown before the body: with text around the steps, that
        # would move it. The steps stay where they were, as the body's own steps block.
        # The steps block's list holds "item" children, not the steps field's "step" blocks.
        items = [{**step, "type": "item"} for step in steps]
        return body[:first] + [ctx.block("steps", {"title": "", "steps": items})] + body[last:]
    fields["steps"] = steps
    return []


def _mission_fields(ctx, description, body, fields):
    """Statement = the "mission" section (or the description); objectives = the H3 items of
    the "objectifs" section. Everything else stays in the body."""
    statement, objectives, rest = [], [], []
    section = None
    current = None
    for block in body:
        if block["type"] == "heading" and block["value"]["level"] == "h2":
            text = block["value"]["text"].lower()
            section = "mission" if "mission" in text else "objectives" if "objectif" in text else None
            if section is None:
                rest.append(block)
            continue
        if section == "mission" and block["type"] == "paragraph":
            statement.append(block["value"])
        elif section == "objectives" and block["type"] == "heading" and block["value"]["level"] in ("h3", "h4"):
            title = re.sub(r"^\s*\d+\s*[.)-]\s*", "", block["value"]["text"])
            current = {"title": title[:255], "text": "", "items": []}
            objectives.append(current)
        elif section == "objectives" and current is not None and block["type"] == "paragraph":
            value = block["value"]
            lists = re.findall(r"<ul>(.*?)</ul>", value, re.DOTALL)
            simple = all("<ul>" not in li and "<ol>" not in li for li in lists)
            if lists and simple:
                for inner in lists:
                    for li in re.findall(r"<li>(.*?)</li>", inner, re.DOTALL):
                        current["items"].append(html.unescape(re.sub(r"<[^>]+>", "", li)).strip())
                value = re.sub(r"<ul>.*?</ul>", "", value, flags=re.DOTALL)
            current["text"] += value
        else:
            if section is not None and block["type"] != "heading":
                ctx.problem("mission_block_in_body", 0, "Bloc de la section mission/objectifs laissé dans le contenu.", "info")
            rest.append(block)
    fields["statement"] = "".join(statement) or (f"<p>{esc(description)}</p>" if description else "")
    if not fields["statement"] and rest and rest[0]["type"] == "paragraph":
        fields["statement"] = rest.pop(0)["value"]
    fields["objectives"] = [ctx.block("objective", {"title": o["title"], "text": o["text"],
                                                    "items": [ctx.item(i) for i in o["items"] if i]})
                            for o in objectives]
    fields["body"] = rest


def _walk_blocks(blocks):
    for block in blocks:
        yield block
        value = block.get("value")
        if block["type"] == "details":
            yield from _walk_blocks(value["body"])
        elif block["type"] == "tabs":
            for tab in value["tabs"]:
                yield from _walk_blocks(tab["value"]["body"])
