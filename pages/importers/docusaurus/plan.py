"""The whole site, before any database work: docs, their place in the tree, type and old URL.

No Django here. Order of work: read the config, parse every doc, read the sidebars, place
sidebar entries where the sidebars put them and every other doc by its folder and
`sidebar_position`, choose each page's type with the rule table, then map each doc.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .categories import DEFAULT_CATEGORY_RULES, choose_category
from .categories import describe as describe_category
from .mapper import STEP_RE, Resolver, map_doc, numbered_steps
from .parser import Problem, front_matter_value, parse_file
from .rules import (
    DEFAULT_CATALOGUE_RULES,
    DEFAULT_RULES,
    SECTION,
    TOOL_GUIDE,
    choose_rule,
    describe,
    fit_under,
    is_content_guess,
)
from .safety import checked_config_file, safe_doc_files
from .sidebars import NavNode, load_sidebars, slug_of_label, sort_position
from .site import doc_info, list_doc_files, load_site, number_prefix
from .versions import read_versions, redirect_old_versions


@dataclass
class DocRecord:
    rel_path: str
    parsed: object  # ParsedDoc
    info: object  # DocInfo
    known_steps: bool | None = None  # what the last run found, for the same text (memo.py)

    @property
    def front_matter(self):
        return self.parsed.front_matter

    @property
    def has_steps(self):
        """Whether its level-2 headings are numbered steps. Known from the last run when its text
        is the same: the doc's Markdown is then not parsed to plan it."""
        if self.known_steps is None:
            self.known_steps = _has_steps(self.parsed)
        return self.known_steps


@dataclass
class PlanNode:
    key: str  # "docs/espaces/index.md" or "category:…"
    title: str
    slug: str
    doc: DocRecord | None = None
    children: list = field(default_factory=list)
    hidden: bool = False
    in_sidebar: bool = False
    page_type: str = SECTION
    old_urls: list = field(default_factory=list)
    description: str = ""
    parent: PlanNode | None = None
    draft_cache: object = None

    @property
    def is_doc(self):
        return self.doc is not None


@dataclass
class Plan:
    site: object
    docs: dict
    roots: list
    resolver: Resolver
    problems: list  # (file, Problem)
    nodes: dict = field(default_factory=dict)  # key -> PlanNode
    catalogue_rules: dict = field(default_factory=lambda: DEFAULT_CATALOGUE_RULES)
    category_rules: list = field(default_factory=lambda: list(DEFAULT_CATEGORY_RULES))
    rules: list = field(default_factory=lambda: list(DEFAULT_RULES))

    def walk(self):
        def rec(nodes):
            for node in nodes:
                yield node
                yield from rec(node.children)
        yield from rec(self.roots)

    def node_for_doc(self, rel_path):
        return self.nodes.get(doc_key(self.site, rel_path))

    def draft(self, node):
        """The MappedDoc of a doc node (cached)."""
        if node.draft_cache is None and node.doc is not None:
            node.draft_cache = map_doc(node.doc.parsed, self.resolver, node.page_type, node.slug,
                                       fallback_title=node.title, report_file=doc_file(self.site, node.doc.rel_path),
                                       catalogue_rules=self.catalogue_rules, category=self.category_of(node))
        return node.draft_cache


    def category_of(self, node):
        """(category, why) a tool guide gets from the category rules (its folder, the sidebar
        categories above it), or ("", "")."""
        if node.page_type != TOOL_GUIDE:
            return "", ""
        labels, parent = [], node.parent
        while parent is not None:
            labels.append(parent.title)
            parent = parent.parent
        category, rule = choose_category(self.category_rules, node.doc.info.doc_id, labels)
        return (category, describe_category(self.category_rules, rule)) if rule else ("", "")


def doc_key(site, rel_path):
    return posixpath.join(site.docs_path.strip("/") or ".", rel_path)


def doc_file(site, rel_path):
    return doc_key(site, rel_path)


def wagtail_slug(text):
    return slug_of_label(text)[:255]


def build_plan(root, rules=None, catalogue_rules=None, category_rules=None, known_steps=None) -> Plan:
    """``known_steps``: content hash -> whether that text's headings are steps, as the last run found
    (``memo.known_steps``); a doc whose hash is there is not parsed to be planned."""
    rules = rules or DEFAULT_RULES
    known_steps = known_steps or {}
    site = load_site(root)
    problems = [(site.config_file or "docusaurus.config.js", p) for p in site.problems]
    versions = read_versions(site)  # before any old URL: it may move the current docs under next/
    problems.extend(versions.problems)
    docs = {}
    if not site.docs_dir.is_dir():
        problems.append(("", Problem("docs_missing", 0, f"Dossier des documents introuvable : {site.docs_path}/", "error")))
    else:
        for path in safe_doc_files(list_doc_files(site.docs_dir, site.include, site.exclude), site, problems):
            rel = path.relative_to(site.docs_dir).as_posix()
            try:
                parsed = parse_file(path, site.docs_dir, math=site.math)
                if parsed.content_hash not in known_steps:
                    parsed.tree  # noqa: B018 - parsed here, where a doc the parser cannot read is reported
            except Exception as exc:  # a doc the parser cannot read is reported, never fatal
                problems.append((doc_file(site, rel), Problem("parse_failed", 0, f"Lecture impossible : {exc}", "error")))
                continue
            docs[rel] = DocRecord(rel, parsed, doc_info(rel, parsed.front_matter), known_steps.get(parsed.content_hash))
    by_id = {r.info.doc_id: r for r in docs.values()}
    resolver = Resolver(site, docs)
    sidebar_path = site.sidebar_path
    if sidebar_path:
        sidebar_path, refused = checked_config_file(sidebar_path, site)
        if refused:
            problems.append((site.config_file, Problem("path_outside_site", 0, f"Barre latérale non lue : {refused}.")))
    sidebar = load_sidebars(sidebar_path, by_id, site.docs_dir)
    sidebar_file = sidebar.file or "sidebars.js"
    problems.extend((sidebar_file, p) for p in sidebar.problems)

    plan = Plan(site=site, docs=docs, roots=[], resolver=resolver, problems=problems,
                catalogue_rules=catalogue_rules or DEFAULT_CATALOGUE_RULES, rules=list(rules))
    if category_rules is not None:
        plan.category_rules = category_rules
    placed = {}

    def doc_node(record, label="", hidden=False):
        title = str(front_matter_value(record.front_matter, "title", "titre") or label or "")
        node = PlanNode(key=doc_key(site, record.rel_path), title=title,
                        slug=wagtail_slug(record.info.slug.rstrip("/").rsplit("/", 1)[-1] or record.info.doc_id),
                        doc=record, hidden=hidden or bool(front_matter_value(record.front_matter, "unlisted")))
        node.old_urls.append(site.old_url(record.info.slug))
        placed[record.rel_path] = node
        return node

    def from_nav(nav: NavNode, trail):
        if nav.kind == "doc":
            record = by_id.get(nav.doc_id)
            if record is None:
                problems.append((sidebar_file, Problem("sidebar_missing_doc", nav.line,
                                                       f"La barre latérale nomme « {nav.doc_id} », qui n'existe pas dans {site.docs_path}/.")))
                return None
            if record.rel_path in placed:
                problems.append((sidebar_file, Problem("sidebar_duplicate_doc", nav.line,
                                                       f"« {nav.doc_id} » figure deux fois dans les barres latérales : première place gardée.", "info")))
                return None
            node = doc_node(record, nav.label, nav.hidden)
            node.in_sidebar = not nav.hidden
            return node
        # category
        node = None
        if nav.doc_id:
            record = by_id.get(nav.doc_id)
            if record is None:
                problems.append((sidebar_file, Problem("sidebar_missing_doc", nav.line,
                                                       f"La catégorie « {nav.label} » est liée à « {nav.doc_id} », qui n'existe pas.")))
            elif record.rel_path not in placed:
                node = doc_node(record, nav.label, nav.hidden)
        if node is None:
            expected = ""
            if nav.folder_slug:
                expected = nav.folder_slug
            elif nav.slug:
                expected = nav.slug
            elif nav.doc_id:
                parts = nav.doc_id.split("/")
                if parts[-1].lower() in ("index", "readme") and len(parts) > 1:
                    parts = parts[:-1]
                expected = "/" + "/".join(parts)
            slug = wagtail_slug(expected.rstrip("/").rsplit("/", 1)[-1] if expected else nav.label)
            node = PlanNode(key="category:" + nav.key, title=nav.label or slug, slug=slug,
                            hidden=nav.hidden, description=nav.description)
            if nav.slug:
                node.old_urls.append(site.old_url(nav.slug))
        node.in_sidebar = not nav.hidden
        for child_nav in nav.children:
            child = from_nav(child_nav, trail + [nav.label])
            if child is not None:
                child.parent = node
                node.children.append(child)
        twin = _same_label_child(node)
        if twin is not None:
            # The category « Numérisation » whose doc « Numérisation » is listed inside it: the
            # sidebar would show the label twice; the doc is the category's page instead.
            node.children.remove(twin)
            node.key, node.doc, node.title = twin.key, twin.doc, twin.title
            node.old_urls = twin.old_urls + [u for u in node.old_urls if u not in twin.old_urls]
            placed[twin.doc.rel_path] = node
            problems.append((sidebar_file, Problem(
                "sidebar_label_merged", nav.line,
                f"Catégorie « {nav.label} » et son document « {twin.title} » du même nom : un seul élément, "
                "le document devient la page de la catégorie.", "info")))
        if node.doc is None and not node.children:
            problems.append((sidebar_file, Problem("sidebar_empty_category", nav.line,
                                                   f"Catégorie « {nav.label} » sans document importable : pas de page créée.", "info")))
            return None
        return node

    for nav in sidebar.roots:
        node = from_nav(nav, [])
        if node is not None:
            plan.roots.append(node)

    # Docs no sidebar names: placed by folder, ordered by sidebar_position then file name.
    def position(record):
        value = front_matter_value(record.front_matter, "sidebar_position")
        try:
            return (float(value), record.rel_path)
        except (TypeError, ValueError, OverflowError):  # OverflowError: an integer of 400 digits
            prefix = number_prefix(record.rel_path.rsplit("/", 1)[-1])
            return (sort_position(prefix), record.rel_path)

    unplaced = sorted((r for r in docs.values() if r.rel_path not in placed),
                      key=lambda r: (r.rel_path.count("/"), position(r)))
    for record in unplaced:
        node = doc_node(record, hidden=True)
        node.in_sidebar = False
        parent = _folder_parent(record, placed, docs)
        if parent is node:
            parent = None
        if parent is None:
            top = record.info.dir_id.split("/")[0] if record.info.dir_id else ""
            parent = next((r for r in plan.roots if r.slug == top), None) if top else None
        siblings = parent.children if parent is not None else plan.roots
        twin = _category_twin(siblings, node)
        if twin is not None:
            # `medias/infographie.md` beside the sidebar's "Infographie" category: the doc is that
            # category's page, not a second "Infographie" next to it.
            twin.key, twin.doc, twin.title = node.key, record, node.title or twin.title
            twin.old_urls = node.old_urls + [u for u in twin.old_urls if u not in node.old_urls]
            placed[record.rel_path] = twin
            problems.append((doc_file(site, record.rel_path), Problem(
                "doc_joined_category", 1,
                f"Document absent des barres latérales, du même nom que la catégorie « {twin.title} » : il en devient la page.",
                "info")))
            continue
        node.parent = parent
        siblings.append(node)
        if sidebar.roots or site.sidebar_path:
            problems.append((doc_file(site, record.rel_path), Problem(
                "doc_not_in_sidebar", 1,
                f"Document absent des barres latérales : placé sous « {parent.title if parent else 'l’accueil'} » d'après son dossier, hors menus.", "info")))

    # Page types, top-down (a type must be allowed under its parent's type).
    def assign(nodes, parent_type):
        for node in nodes:
            if node.doc is not None:
                rel = "/".join(p for p in node.doc.info.doc_id.split("/"))
                wanted, rule = choose_rule(rules, rel, node.doc.front_matter, node.doc.info.is_index, bool(node.children),
                                           steps=node.doc.has_steps)
                if rule is not None and wanted != SECTION:
                    _report_guess(problems, doc_file(site, node.doc.rel_path), node.title, wanted, describe(rules, rule),
                                  is_content_guess(rule))
            else:
                wanted = SECTION
            fitted = fit_under(parent_type, wanted)
            if fitted != wanted:
                where = doc_file(site, node.doc.rel_path) if node.doc else sidebar_file
                problems.append((where, Problem("page_type_adjusted", 1,
                                                f"« {node.title} » : type {wanted} impossible sous une page {parent_type}, importé en {fitted}.", "info")))
            node.page_type = fitted or SECTION
            assign(node.children, node.page_type)

    assign(plan.roots, "home")
    for node in plan.walk():
        plan.nodes[node.key] = node
    problems.extend(redirect_old_versions(site, versions, placed))
    for source, target in site.client_redirects:
        key = resolver.doc_for_url(target, None) if target.startswith("/") else None
        if key and key in placed:
            placed[key].old_urls.append(site.old_url(site.strip_site_prefix(source) or source))
    return plan


def _report_guess(problems, where, title, page_type, rule, by_content):
    """Every type a rule chose is said, with the rule, and how to choose another."""
    how = "pour un autre type : `page_type` dans le front matter du document, ou une table --rules"
    if by_content:
        problems.append((where, Problem(
            "page_type_guessed", 1,
            f"« {title} » importé en {page_type} d'après son contenu, {rule} Les champs de ce type que la source ne "
            f"donne pas restent vides ; vérifiez le type ({how}).")))
    else:
        problems.append((where, Problem("page_type_guessed", 1, f"« {title} » importé en {page_type} par la {rule} ({how}).", "info")))


def _has_steps(parsed):
    titles = []
    for node in parsed.tree.children:
        if node.type == "heading" and node.tag == "h2" and node.children:
            text = "".join(c.content for c in node.children[0].walk() if c.type in ("text", "code_inline"))
            titles.append(re.sub(r"\s*\{#[^}]+\}\s*$", "", text).strip())
    return numbered_steps([t for t in titles if STEP_RE.match(t)]) is not None


def _same_label_child(node):
    """A doc listed in a category that has no doc of its own, with the category's label."""
    label = " ".join((node.title or "").split()).lower()
    if node.doc is not None or not label:
        return None
    return next((child for child in node.children if child.doc is not None and not child.children
                 and " ".join((child.title or "").split()).lower() == label), None)


def _category_twin(siblings, node):
    """A sidebar category without a doc of its own, among ``siblings``, named as the doc is."""
    title = (node.title or "").strip().lower()
    for sibling in siblings:
        if sibling.doc is None and sibling.key.startswith("category:") and (
                sibling.slug == node.slug or (title and sibling.title.strip().lower() == title)):
            return sibling
    return None


def _folder_parent(record, placed, docs):
    """Parent of a doc no sidebar names: the doc standing for its folder, else where its
    siblings are, else the same for the folder above."""
    folder = record.info.dir_id
    while True:
        for rel, node in placed.items():
            info = node.doc.info if node.doc else None
            if info is None or rel == record.rel_path:
                continue
            if info.slug.strip("/") == folder and folder:
                return node
        for rel, node in placed.items():
            if rel != record.rel_path and node.doc and node.doc.info.dir_id == folder and node.parent is not None \
                    and node.in_sidebar:
                return node.parent
        if not folder:
            return None
        folder = folder.rpartition("/")[0]
        if not folder:
            return None


__all__ = ["Plan", "PlanNode", "build_plan", "Path"]
