"""Where a doc's links and files lead: other docs, static files, old URLs. Filesystem only.

Every file is found through ``safety.contained_file`` (it must lie inside the site) and every
address through ``safety.is_safe_url`` (only ``safety.ALLOWED_SCHEMES`` and in-site links).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from .safety import (
    ALLOWED_SCHEMES,
    PathRefused,
    contained_file,
    is_safe_url,
    refused_url_message,
    site_roots,
)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"}


@dataclass
class LinkTarget:
    kind: str  # "page" | "document" | "image" | "external" | "anchor" | "unresolved" | "refused"
    value: str = ""  # doc key, file path or URL
    anchor: str = ""
    reason: str = ""  # why a "refused" link was refused (for the report)
    code: str = ""  # its report code


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
        if parsed.scheme in ALLOWED_SCHEMES:
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
