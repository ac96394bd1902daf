"""The category of a tool guide when its front matter names none: from its folder and the
sidebar categories above it.

Rules are tried in order; the first that matches wins. A rule matches on:

- ``path``: a glob over the doc's path in the docs folder, number prefixes removed (``**`` crosses
  folders; ``**/logiciels/**`` matches ``informatique/logiciels/zotero.md``);
- ``sidebar``: words, one of which appears in the label of a sidebar category (or parent page)
  above the doc, case and accents ignored (``["audio", "balado"]`` matches « Production audio »).

A rule with both needs both. The default table fits the library's site; another site passes its
own with ``import_docusaurus --category-rules categories.json`` (a JSON list of objects with
``category``, one of the tool guide's category values, and ``path`` and/or ``sidebar``).
Front matter ``category`` (``categorie``) always wins; no rule matching leaves the category empty.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .rules import _glob

CATEGORIES = ("3d_printing", "cutting", "electronics", "textile", "audio", "video", "graphics", "vr",
              "software", "computing", "other")  # ToolCategory's values (a test keeps them in step)


def fold(text):
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


@dataclass
class CategoryRule:
    category: str
    path: str | None = None
    sidebar: list = field(default_factory=list)
    note: str = ""

    def matches(self, doc_path, labels):
        if self.path is None and not self.sidebar:
            return False
        if self.path is not None and not _glob(doc_path, self.path):
            return False
        if self.sidebar:
            folded = [f" {fold(label)} " for label in labels]
            return any(f" {fold(word)}" in label for word in self.sidebar for label in folded)
        return True


DEFAULT_CATEGORY_RULES = [
    CategoryRule("3d_printing", path="**impression3d**", note="Dossier impression3d."),
    CategoryRule("3d_printing", sidebar=["impression 3d", "3d printing"]),
    CategoryRule("cutting", path="**decoup**", note="Dossier découpeuse."),
    CategoryRule("cutting", sidebar=["decoup", "cutting"]),
    CategoryRule("electronics", path="**electronique**", note="Dossier électronique."),
    CategoryRule("electronics", sidebar=["electronique", "electronics"]),
    CategoryRule("textile", path="**textile**", note="Dossier textile."),
    CategoryRule("textile", sidebar=["textile", "brod"]),
    CategoryRule("vr", path="**/vr/**", note="Dossier vr (réalité virtuelle)."),
    CategoryRule("vr", sidebar=["realite virtuelle", "virtual reality"]),
    CategoryRule("audio", sidebar=["audio", "balado", "podcast"], note="Catégorie « Production audio »."),
    CategoryRule("video", sidebar=["video"], note="Catégorie « Production vidéo »."),
    CategoryRule("video", path="**video**", note="Un guide de studio vidéo."),
    CategoryRule("graphics", sidebar=["infographie", "graphi"], note="Catégorie « Infographie »."),
    CategoryRule("software", path="**/logiciels/**", note="Dossier logiciels."),
    CategoryRule("software", sidebar=["logiciel", "software"]),
    CategoryRule("computing", path="informatique/**", note="Dossier informatique."),
    CategoryRule("computing", sidebar=["informatique", "computing"]),
]


def load_category_rules(path):
    """A category rule table from a JSON file (a list of objects with the CategoryRule fields)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise ValueError(f"{path}: une liste JSON de règles est attendue")
    rules = []
    for item in data:
        if not isinstance(item, dict) or item.get("category") not in CATEGORIES:
            raise ValueError(f"{path}: catégorie inconnue {item.get('category') if isinstance(item, dict) else item!r} "
                             f"(attendu : {', '.join(CATEGORIES)})")
        sidebar = item.get("sidebar") or []
        sidebar = [sidebar] if isinstance(sidebar, str) else [str(w) for w in sidebar]
        if not item.get("path") and not sidebar:
            raise ValueError(f"{path}: la règle {item!r} n'a ni « path » ni « sidebar »")
        rules.append(CategoryRule(item["category"], path=item.get("path"), sidebar=sidebar, note=str(item.get("note", ""))))
    return rules


def choose_category(rules, doc_path, labels):
    """(category, rule) of the first rule that matches, else ("", None)."""
    for rule in rules:
        if rule.matches(doc_path, labels):
            return rule.category, rule
    return "", None


def describe(rules, rule):
    number = next((i for i, r in enumerate(rules, 1) if r is rule), 0)
    criteria = ([f"path={rule.path!r}"] if rule.path else []) + ([f"sidebar={rule.sidebar!r}"] if rule.sidebar else [])
    return f"règle {number} ({', '.join(criteria)})" + (f" : {rule.note}" if rule.note else "")
