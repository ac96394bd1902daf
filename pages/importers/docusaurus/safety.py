"""What the importer may read and what it may link to. Pure (no Django).

The source site is hostile input: a link such as ``../../../etc/passwd``, a ``static/leak.txt``
symlinked to a system file or a symlinked folder in ``docs/`` would otherwise make server files
public documents, and a ``javascript:`` link would run on a public page. Every path the importer
reads and every address it keeps goes through this module.

- A path is read only when it exists, is a regular file, and its real path (symlinks followed)
  lies under one of the site's roots (the site folder, its docs folder and static folders, as the
  configuration declares them); hidden files and folders (``.env``, ``.git/``) are never read.
- An address survives only with the scheme http, https, mailto or tel, or without a scheme (a
  link inside the site). The scheme is read the way a browser reads it: HTML entities decoded,
  tabs, newlines and control characters removed, case ignored.
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Browsers drop ASCII tab and newline anywhere in a URL and leading C0 controls and spaces.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)


class PathRefused(Exception):
    """A path that resolves outside the site, or to a hidden file: never read."""

    code = "path_outside_site"


def site_roots(site) -> list[Path]:
    """The real folders a site's files may live in: the site itself, its docs and static folders."""
    roots = [site.root]
    for folder in [site.docs_dir, *(site.root / d for d in site.static_dirs)]:
        roots.append(folder)
    out = []
    for root in roots:
        try:
            real = Path(root).resolve()
        except (OSError, RuntimeError):
            continue
        if real not in out:
            out.append(real)
    return out


def _under(path: Path, roots) -> Path | None:
    for root in roots:
        if path == root or path.is_relative_to(root):
            return root
    return None


def contained_file(candidate: Path, roots) -> Path | None:
    """The real path of ``candidate`` if it is a regular file inside ``roots``; None when there is no
    such file. Raises PathRefused when the path leaves the roots, by ``..``, by being absolute
    elsewhere, or through a symlink, whether or not the target exists (so that nothing about files
    outside the site can be learnt from the report)."""
    try:
        lexical = Path(os.path.normpath(os.path.abspath(candidate)))
    except (OSError, ValueError):
        return None
    root = _under(lexical, roots)
    if root is None:
        raise PathRefused("hors du site")
    _refuse_hidden(lexical, root)
    try:
        real = lexical.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):  # missing, a loop of links, a name the system refuses
        return None
    root = _under(real, roots)
    if root is None:
        raise PathRefused("lien symbolique vers un fichier hors du site")
    _refuse_hidden(real, root)
    try:
        if not real.is_file():
            return None
    except OSError:
        return None
    return real


def _refuse_hidden(path: Path, root: Path):
    if any(part.startswith(".") for part in path.relative_to(root).parts):
        raise PathRefused("fichier caché ou dans un dossier caché (.env, .git…), jamais lu")


def safe_doc_files(paths, site, problems):
    """The doc files of the docs walk that really lie inside the site; the others are reported.

    ``Path.rglob`` does not descend into symlinked folders (Python 3.11), but it does list
    symlinked files, whose target can be anywhere: each one is resolved and checked."""
    roots = site_roots(site)
    kept = []
    for path in paths:
        try:
            real = contained_file(path, roots)
        except PathRefused as refused:
            problems.append((_rel(path, site), _problem(f"Document non lu : {refused}.")))
            continue
        if real is not None:
            kept.append(path)
    for folder in _symlinked_folders(site.docs_dir):
        try:
            target = folder.resolve()
        except (OSError, RuntimeError):
            continue
        if _under(target, roots) is None:
            problems.append((_rel(folder, site), _problem(
                f"Dossier « {folder.name} » : lien symbolique vers un dossier hors du site, non parcouru.")))
    return kept


def _symlinked_folders(docs_dir):
    for parent, dirs, _files in os.walk(docs_dir):  # os.walk does not follow symlinks by default
        for name in dirs:
            path = Path(parent) / name
            if path.is_symlink():
                yield path


def _rel(path, site):
    try:
        return Path(os.path.abspath(path)).relative_to(site.root).as_posix()
    except ValueError:
        return Path(path).name


def _problem(message):
    from .parser import Problem

    return Problem("path_outside_site", 0, message)


def checked_config_file(path, site):
    """A file named by the configuration (sidebars) if it lies inside the site, else None and why."""
    try:
        return contained_file(Path(path), site_roots(site)), ""
    except PathRefused as refused:
        return None, f"« {_rel(path, site)} » : {refused}"


# --- addresses ------------------------------------------------------------------------------

def url_scheme(href: str) -> str:
    """The scheme a browser would see in ``href`` (lower case, "" for none)."""
    text = html.unescape(str(href or ""))
    text = _URL_NOISE.sub("", text)
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else ""


def is_safe_url(href: str) -> bool:
    """True for http(s), mailto and tel addresses and for addresses without a scheme."""
    scheme = url_scheme(href)
    if not scheme:
        # `//host/x` is an external http(s) link of the page's own scheme; a Windows drive letter
        # (`C:\\x`) is caught above as scheme "c".
        return True
    return scheme in ALLOWED_SCHEMES


# Schemes that run code or carry a whole document when a browser follows them.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data", "file", "blob"})


def is_script_text(text: str) -> bool:
    """True when ``text`` reads as a script-running address (for values kept as plain text, where an
    ordinary word followed by a colon must survive)."""
    return url_scheme(text) in SCRIPT_SCHEMES


def refused_url_message(href: str) -> str:
    shown = str(href)[:80]
    return (f"Adresse « {shown} » refusée (schéma « {url_scheme(href)} » ; acceptés : http, https, mailto, tel "
            "et liens du site) : le texte est conservé sans lien.")


HREF_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


def unsafe_urls_in_html(text: str) -> list[str]:
    """Every href/src of an HTML fragment whose scheme is not allowed."""
    return [a or b for a, b in HREF_RE.findall(text or "") if not is_safe_url(a or b)]
