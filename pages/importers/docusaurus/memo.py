"""What an unchanged re-run may skip: the parse and mapping of docs whose page already holds them.

A page is confirmed without reading its doc again when all of these hold:

- the **site fingerprint** is the one its memo was written with. It covers every file the importer
  may read under the site's folders (the text of every file it parses: docs, config, sidebars,
  data files, components; the name and size of every other file, images and PDFs included), the
  importer's own code (and the upload rules it applies), and the rule tables of the run. Any change
  to any of them maps every doc again, as a first run does;
- the page still holds the ``source_hash`` the memo confirmed (it was not re-imported by another run);
- every image and document the doc used has the same content (SHA-1) as then: a picture replaced
  by another of the same size is seen;
- the page has the type the plan gives it, and ``--force`` was not asked for.

The report of a confirmed doc repeats the entries its doc gave when it was mapped. The memos live
in ``pages.importers.models.ImportMemo``, one per page, deleted with it; a dry run's are rolled back
with the rest of its work.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .assets import sha1_of
from .safety import PathRefused, contained_file

# Files whose text the importer reads: their content is fingerprinted. Every other file (images,
# PDFs, videos, archives) counts by name and size, and by content through the memo of each doc
# that uses it.
PARSED_SUFFIXES = frozenset({
    ".md", ".mdx", ".markdown", ".js", ".jsx", ".mjs", ".cjs", ".ts", ".tsx", ".mts", ".cts", ".json",
    ".json5", ".yml", ".yaml", ".csv", ".tsv", ".txt", ".toml", ".html", ".htm", ".css", ".scss",
})
# Folders no Docusaurus site reads its content from: dependencies, build output and caches.
SKIPPED_FOLDERS = frozenset({"node_modules", ".git", ".hg", ".svn", ".docusaurus", "build", ".cache", ".yarn"})

_PACKAGE = Path(__file__).resolve().parent
_CODE = [_PACKAGE, _PACKAGE.parent.parent / "uploads"]  # the importer, and the upload rules it applies
_code_digest = None


def code_digest():
    """Hash of the importer's own source: a new version maps every doc again."""
    global _code_digest
    if _code_digest is None:
        digest = hashlib.sha256()
        for folder in _CODE:
            for path in sorted(folder.rglob("*.py")):
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
        _code_digest = digest.hexdigest()
    return _code_digest


def site_fingerprint(plan):
    """Hash of everything a run's mapping depends on (see the module's docstring)."""
    digest = hashlib.sha256()
    digest.update(code_digest().encode())
    digest.update(repr((plan.rules, plan.catalogue_rules, plan.category_rules)).encode())
    # Every doc by its own text, wherever it lies: a docs folder may be named like a skipped one.
    for rel_path, record in sorted(plan.docs.items()):
        digest.update(f"doc\0{rel_path}\0{record.parsed.content_hash}\n".encode())
    for path, entry in sorted(_site_files(plan.resolver.roots).items()):
        digest.update(f"{path}\0{entry}\n".encode())
    return digest.hexdigest()


def _site_files(roots):
    """Absolute path -> what identifies its content, for every file under the roots (nested roots
    counted once). A symbolic link counts as the file it leads to when that lies inside the roots;
    one leading outside, or to something other than a file, is only named: nothing is read there."""
    files = {}
    # The docs and static folders usually lie inside the site's: each file is walked to once.
    outermost = [root for root in roots if not any(other != root and root.is_relative_to(other) for other in roots)]
    for root in outermost:
        for folder, subfolders, names in os.walk(root):  # symbolic links to folders are not followed
            subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS)
            for name in names:
                path = os.path.join(folder, name)
                files[path] = _identity(path, roots)
    return files


def _identity(path, roots):
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            real = contained_file(Path(path), roots)
            if real is None:
                return "missing"
            path, info = str(real), os.stat(real)
    except PathRefused:
        return "outside"
    except OSError:
        return "unreadable"
    if not stat.S_ISREG(info.st_mode):
        return "not a file"
    if os.path.splitext(path)[1].lower() in PARSED_SUFFIXES:
        try:
            with open(path, "rb") as handle:
                return "sha256:" + hashlib.sha256(handle.read()).hexdigest()
        except OSError:
            return "unreadable"
    return f"size:{info.st_size}"


def file_state(path, roots):
    """SHA-1 of a file a doc uses, or "" when it is missing, unreadable or outside the site."""
    try:
        if contained_file(Path(path), roots) is None:
            return ""
        return sha1_of(path)
    except (PathRefused, OSError):
        return ""


def known_steps():
    """Content hash -> whether its headings are steps, as memos written by this importer's code
    recorded it (for ``build_plan``: those docs are not parsed to be planned)."""
    from pages.importers.models import ImportMemo

    return dict(ImportMemo.objects.filter(importer_code=code_digest()).exclude(doc_hash="")
                .values_list("doc_hash", "has_steps"))


class Memos:
    """The memos of one run: loaded once, checked per doc, written together at the end."""

    def __init__(self, plan, *, force=False):
        from pages.importers.models import ImportMemo

        self.model = ImportMemo
        self.plan = plan
        self.force = force
        self.fingerprint = site_fingerprint(plan)
        self.stored = {memo.page_id: memo for memo in ImportMemo.objects.all()}
        self.pending = {}  # page id -> ImportMemo to write
        self._file_states = {}  # path -> file_state, once per run (a picture is often on several pages)

    def confirms(self, node, page_id, state, model):
        """True when the page already holds this doc as the memo says (the doc needs no mapping)."""
        memo = self.stored.get(page_id)
        if self.force or memo is None or state is None or node.doc is None:
            return False
        page_model, source_hash = state[0], state[1]
        if memo.site_fingerprint != self.fingerprint or memo.source_hash != source_hash or page_model is not model:
            return False
        if memo.doc_hash != node.doc.parsed.content_hash:
            return False
        return all(self._file_state(path) == sha1 for path, sha1 in memo.files.items())

    def _file_state(self, path):
        if path not in self._file_states:
            self._file_states[path] = file_state(path, self.plan.resolver.roots)
        return self._file_states[path]

    def entries(self, page_id):
        """(code, line, message, level) of the report entries the confirmed doc gave."""
        return [tuple(entry) for entry in self.stored[page_id].entries]

    def remember(self, node, page_id, source_hash, entries, files):
        self.pending[page_id] = self.model(
            page_id=page_id, site_fingerprint=self.fingerprint, importer_code=code_digest(), source_hash=source_hash,
            doc_hash=node.doc.parsed.content_hash, has_steps=node.doc.has_steps,
            entries=[[e.code, e.line, e.message, e.level] for e in entries], files=files)

    def forget(self, page_id):
        """The page's write was rolled back: nothing of it is remembered."""
        self.pending.pop(page_id, None)

    def save(self):
        if not self.pending:
            return
        self.model.objects.bulk_create(
            self.pending.values(), update_conflicts=True, unique_fields=["page"],
            update_fields=["site_fingerprint", "importer_code", "source_hash", "doc_hash", "has_steps", "entries", "files", "updated_at"])
