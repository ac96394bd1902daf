"""Versioned docs (`versions.json`, `versioned_docs/version-X/`): old versions become redirects.

No Django here. The pages are made from the current version (`docs/`); every doc of an older
version is reported, not imported, and its old URL redirects to the current page with the same
doc id (or slug), else to the closest current page above it. Docusaurus's URL rules: the version
named by `lastVersion` (default: the newest in versions.json) is served at the docs root, `docs/`
itself at `next/` unless it is the last version, any other at its name, and
`versions: {X: {path}}` overrides a version's path.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field

from .parser import Problem, read_front_matter
from .site import doc_info, list_doc_files

CURRENT = "current"


@dataclass
class VersionedDoc:
    version: str
    file: str  # "versioned_docs/version-1.0/guide.md", for the report
    doc_id: str
    slug: str
    old_url: str


@dataclass
class Versions:
    names: list = field(default_factory=list)  # versions.json, newest first
    docs: list = field(default_factory=list)  # VersionedDoc
    problems: list = field(default_factory=list)  # (file, Problem)


def _version_options(site, name):
    options = site.versioning.get("versions")
    options = options.get(name) if isinstance(options, dict) else None
    return options if isinstance(options, dict) else {}


def version_path(site, name, last):
    explicit = _version_options(site, name).get("path")
    if isinstance(explicit, str):
        return explicit.strip("/")
    if name == last:
        return ""
    return "next" if name == CURRENT else name


def read_versions(site):
    """versions.json, then set the current version's URL path on the site. Versions()"""
    result = Versions()
    path = site.root / "versions.json"
    if not path.is_file():
        return result
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ValueError("une liste de noms de versions est attendue")
    except ValueError as exc:
        result.problems.append(("versions.json", Problem("versions_unreadable", 1, f"versions.json illisible ({exc}) : versions anciennes ignorées.")))
        return result
    names = [n for n in names if n != CURRENT]  # some sites list docs/ itself as "current"
    only = site.versioning.get("onlyIncludeVersions")
    if isinstance(only, list):
        names = [n for n in names if n in only]
    last = site.versioning.get("lastVersion")
    last = last if isinstance(last, str) else (names[0] if names else CURRENT)
    if site.versioning.get("includeCurrentVersion") is False and last in names:
        # docs/ is not built at all: the pages come from the last version's own folder and sidebar.
        names = [n for n in names if n != last]
        site.docs_path = f"versioned_docs/version-{last}"
        sidebar = site.root / "versioned_sidebars" / f"version-{last}-sidebars.json"
        site.sidebar_path = sidebar if sidebar.is_file() else None
        site.current_version_path = version_path(site, last, last)
        site.imported_version = last
    else:
        site.current_version_path = version_path(site, CURRENT, last)
    result.names = names
    for name in names:
        folder = site.root / "versioned_docs" / f"version-{name}"
        if not folder.is_dir():
            result.problems.append((f"versioned_docs/version-{name}", Problem(
                "version_missing", 0, f"versions.json nomme la version « {name} », dont le dossier est absent.")))
            continue
        prefix = version_path(site, name, last)
        for doc in list_doc_files(folder, site.include, site.exclude):
            rel = doc.relative_to(folder).as_posix()
            front_matter, _lines, _problems = read_front_matter(doc.read_text(encoding="utf-8", errors="replace"))
            info = doc_info(rel, front_matter)
            result.docs.append(VersionedDoc(name, f"versioned_docs/version-{name}/{rel}", info.doc_id, info.slug,
                                            site.old_url(info.slug, prefix)))
    return result


def redirect_old_versions(site, versions, placed):
    """Adds each old version's URLs to the current pages (`placed`: rel_path -> PlanNode)."""
    problems = []
    by_id = {node.doc.info.doc_id: node for node in placed.values() if node.doc is not None}
    by_slug = {node.doc.info.slug.rstrip("/") or "/": node for node in placed.values() if node.doc is not None}
    taken = {url for node in placed.values() for url in node.old_urls}
    counts = {}
    for doc in versions.docs:
        node = by_id.get(doc.doc_id) or by_slug.get(doc.slug.rstrip("/") or "/")
        outcome = 0  # index in counts: same page, closest page, no page
        slug = doc.slug
        while node is None and slug not in ("", "/"):
            slug = posixpath.dirname(slug.rstrip("/"))
            node = by_slug.get(slug or "/")
            outcome = 1
        if node is None:
            outcome = 2
        counts.setdefault(doc.version, [0, 0, 0])[outcome] += 1
        if node is not None and doc.old_url not in taken:
            node.old_urls.append(doc.old_url)
            taken.add(doc.old_url)
        if outcome == 1:
            problems.append((doc.file, Problem(
                "version_doc_without_current", 1,
                f"« {doc.doc_id} » (version {doc.version}) n'existe plus dans la version actuelle : "
                f"{doc.old_url} redirige vers « {node.title or node.slug} », la page la plus proche.")))
        elif outcome == 2:
            problems.append((doc.file, Problem(
                "version_doc_without_current", 1,
                f"« {doc.doc_id} » (version {doc.version}) n'existe plus dans la version actuelle et aucune page "
                f"ne le remplace : {doc.old_url} n'a pas de redirection.")))
    for name, (same, near, lost) in counts.items():
        problems.append((f"versioned_docs/version-{name}", Problem(
            "version_redirected", 0,
            f"Version {name} : {same + near + lost} documents non importés comme pages (seule la version actuelle "
            f"l'est) ; {same} anciennes adresses redirigent vers la même page actuelle, {near} vers la plus proche, "
            f"{lost} sans redirection.", "info")))
    if site.imported_version:
        problems.append(("versions.json", Problem(
            "version_current_imported", 1,
            f"Le dossier docs/ n'est pas publié (includeCurrentVersion: false) : les pages viennent de la version "
            f"« {site.imported_version} » ({site.docs_path}/).", "info")))
    elif versions.names and site.current_version_path:
        problems.append(("versions.json", Problem(
            "version_current_imported", 1,
            f"Les pages viennent du dossier {site.docs_path}/ (version en cours, servie sous "
            f"« {site.current_version_path}/ ») et non de la dernière version publiée « {versions.names[0]} », "
            "dont les adresses redirigent vers elles.", "info")))
    return problems
