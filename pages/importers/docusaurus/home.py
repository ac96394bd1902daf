"""The old site's home page (a React page) → the rows of the CMS home page.

``read_home`` is pure: it finds the home's source (``DEFAULT_HOME_RULES["sources"]``), parses its
JSX statically and returns the rows it shows, in order, with the line each comes from: featured
cards (``<CardBib …>``), hero cards (``list.map(…)`` of objects with a title, a link and an image),
the next workshops, the spaces' introduction and a notice. ``import_home`` writes them to the
French home page after the docs are imported, so that links find the pages the docs became.
The home keeps a source hash: an unchanged home changes nothing on a re-run, and a home edited in
the CMS since the last import is reported as a conflict and kept unless ``--force``.
"""

from __future__ import annotations

import hashlib
import html
import json
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .js import JsError, import_names
from .js_values import Expression
from .jsx_eval import ELEMENTS, JsxEvaluator, element_name
from .safety import PathRefused, contained_file, is_safe_url, refused_url_message, site_roots

TITLE_KEYS, LINK_KEYS, TEXT_KEYS, IMAGE_KEYS = ("title", "titre", "label"), ("href", "to", "link", "url"), \
    ("description", "text", "texte"), ("image", "img", "src", "cover")
HEADINGS = ("h1", "h2", "h3", "h4")


@dataclass
class Row:
    kind: str  # featured_cards, hero_cards, workshops, spaces, notice
    line: int
    value: dict = field(default_factory=dict)


def _first(mapping, keys):
    for key in keys:
        value = mapping.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


class _Reader:
    """The rows of a home page component, read from its JSX (JavaScript, or TypeScript in ``.tsx``)."""

    def __init__(self, code, rules, filename="index.jsx"):
        self.code = code
        self.rules = rules
        self.rows: list[Row] = []
        self.problems: list[tuple[int, str, str]] = []  # (line, code, message)
        self.js = JsxEvaluator(code, filename)
        self.consts, self.imports, self.component = {}, {}, None
        for stmt in self.js.tree.root_node.named_children:
            self._declare(stmt)

    def _declare(self, stmt, exported_default=False):
        if stmt.type == "export_statement":
            is_default = any(c.type == "default" for c in stmt.children)
            declaration, value = stmt.child_by_field_name("declaration"), stmt.child_by_field_name("value")
            if declaration is not None:
                self._declare(declaration, is_default)
            elif value is not None and is_default:  # export default Home;
                self.component = self.consts.get(self.js._src(value)) if value.type == "identifier" else value
        elif stmt.type in ("lexical_declaration", "variable_declaration"):
            for decl in stmt.named_children:
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if decl.type == "variable_declarator" and name is not None and name.type == "identifier" and value is not None:
                    self.consts[self.js._src(name)] = value
        elif stmt.type == "function_declaration":
            name = stmt.child_by_field_name("name")
            if name is not None:
                self.consts[self.js._src(name)] = stmt
            if exported_default:
                self.component = stmt
        elif stmt.type == "import_statement":
            source = stmt.child_by_field_name("source")
            for ident in import_names(stmt):
                self.imports[self.js._src(ident)] = str(self.js.eval(source)) if source is not None else ""

    def imports_only_a_component(self):
        """The source of the one component a page renders (``@site/src/components/X``), if so."""
        jsx = self._returned_jsx()
        if jsx is None or jsx.type not in ELEMENTS:
            return None
        names = {self._name(c) for c in self._elements(jsx)} & set(self.imports)
        if len(names) == 1:
            module = self.imports[names.pop()]
            if module.startswith("@site/"):
                return module[len("@site/"):]
        return None

    def _name(self, element):
        return element_name(self.js, element)

    def _elements(self, node):
        yield node
        for child in self.js.children(node):
            if not isinstance(child, str) and child.type in ELEMENTS:
                yield from self._elements(child)

    def _returned_jsx(self):
        body = self.component.child_by_field_name("body") if self.component is not None else None
        if body is None:
            return None
        if body.type == "statement_block":
            returned = [s for s in body.named_children if s.type == "return_statement"]
            values = [c for c in returned[0].named_children if c.type != "comment"] if returned else []
            body = values[0] if values else None
        while body is not None and body.type == "parenthesized_expression":
            inner = [c for c in body.named_children if c.type != "comment"]
            body = inner[-1] if inner else None
        return body

    # --- walking the JSX tree ------------------------------------------------------------------
    def read(self):
        jsx = self._returned_jsx()
        if jsx is None:
            self.problems.append((1, "home_unreadable", "Aucun composant exporté par défaut qui renvoie du JSX."))
            return self.rows
        self._visit(jsx)
        return self.rows

    def _line(self, node):
        return self.js.line(node)

    def _attrs(self, element):
        return self.js.attributes(element)

    def _classes(self, element):
        value = self._attrs(element).get("className", "")
        return (str(value.source) if isinstance(value, Expression) else str(value)).lower()

    def _has_class(self, element, words):
        classes = self._classes(element)
        return any(word.lower() in classes for word in words)

    def _visit(self, node):
        if isinstance(node, str):
            return
        if node.type in ELEMENTS:
            name = self._name(node)
            if name in self.rules["featured_components"]:
                self._featured(node)
            elif name in self.rules["workshops_components"]:
                self._add("workshops", node, {})
            elif name[:1].islower() and self._has_class(node, self.rules["notice_classes"]):
                self._notice(node)
            elif name[:1].islower() and self._has_class(node, self.rules["spaces_classes"]):
                self._spaces(node)
            else:
                for child in self.js.children(node):
                    self._visit(child)
        elif node.type == "jsx_expression" and self.rules["hero_cards_from_lists"]:
            inner = [c for c in node.named_children if c.type != "comment"]
            if inner:
                self._mapped_list(inner[0], self._line(node))

    def _add(self, kind, node, value):
        self.rows.append(Row(kind, self._line(node), value))

    def _featured(self, node):
        attrs = self._attrs(node)
        card = {"title": _first(attrs, TITLE_KEYS), "href": _first(attrs, LINK_KEYS), "text": _first(attrs, TEXT_KEYS),
                "image": _first(attrs, IMAGE_KEYS), "link_text": _first(attrs, ("moreText", "linkText", "cta")),
                "line": self._line(node)}
        if self.rows and self.rows[-1].kind == "featured_cards" and self.rows[-1].value.get("open"):
            self.rows[-1].value["cards"].append(card)
        else:
            self._add("featured_cards", node, {"cards": [card], "open": True})

    def _mapped_list(self, expression, line):
        """``{cards.map(card => …)}`` over a top-level ``const cards = [{…}, …]``: hero cards."""
        callee = expression.child_by_field_name("function") if expression.type == "call_expression" else None
        if callee is None or callee.type != "member_expression":
            return
        obj, prop = callee.child_by_field_name("object"), callee.child_by_field_name("property")
        if self.js._src(prop) != "map" or obj.type != "identifier":
            return
        source = self.consts.get(self.js._src(obj))
        items = self.js.eval(source) if source is not None else None
        if not isinstance(items, list):
            return
        elements = [e for e in source.named_children if e.type != "comment"] if source.type == "array" else []
        lines = [self._line(e) for e in elements] + [line] * max(0, len(items) - len(elements))
        cards = [{"title": _first(item, TITLE_KEYS), "href": _first(item, LINK_KEYS), "text": _first(item, TEXT_KEYS),
                  "image": _first(item, IMAGE_KEYS), "line": item_line}
                 for item, item_line in zip(items, lines[:len(items)], strict=True) if isinstance(item, dict)]
        cards = [c for c in cards if c["title"] and c["href"] and c["image"]]
        if cards:
            self.rows.append(Row("hero_cards", line, {"cards": cards}))

    def _text(self, node):
        if isinstance(node, str):
            return node
        if node.type == "jsx_expression":
            value = self.js.eval(node)
            return value if isinstance(value, str) else ""
        if node.type in ELEMENTS:
            return "".join(self._text(c) for c in self.js.children(node))
        return ""

    def _html(self, node):
        """Text, links and emphasis of a paragraph; links resolved later (``data-home-href``)."""
        if isinstance(node, str) or node.type not in ELEMENTS:
            return html.escape(self._text(node), quote=False)
        name = self._name(node)
        inner = "".join(self._html(c) for c in self.js.children(node))
        if name in ("a", "Link"):
            href = _first(self._attrs(node), LINK_KEYS)
            return f'<a data-home-href="{html.escape(href)}">{inner}</a>' if href else inner
        if name in ("b", "strong"):
            return f"<b>{inner}</b>"
        if name in ("i", "em"):
            return f"<i>{inner}</i>"
        return inner

    def _find(self, node, names):
        for element in self._elements(node):
            if element != node and self._name(element) in names:
                return element
        return None

    def _notice(self, node):
        heading, paragraph = self._find(node, HEADINGS), self._find(node, ("p",))
        title = " ".join(self._text(heading).split()) if heading is not None else ""
        message = " ".join(self._html(paragraph).split()) if paragraph is not None else ""
        if not title or not message:
            self.problems.append((self._line(node), "home_block_skipped",
                                  "Avis de l'accueil sans titre ou sans texte : non repris."))
            return
        self._add("notice", node, {"title": title, "message": message})

    def _spaces(self, node):
        heading, paragraph = self._find(node, HEADINGS), self._find(node, ("p",))
        self._add("spaces", node, {
            "heading": " ".join(self._text(heading).split()) if heading is not None else "",
            "text": " ".join(self._text(paragraph).split()) if paragraph is not None else "",
        })


def read_home(site, rules):
    """(the source file's path relative to the site or None, its rows, problems, its text)."""
    roots = site_roots(site)
    problems = []
    for candidate in rules["sources"]:
        try:
            path = contained_file(site.root / candidate, roots)
        except PathRefused as refused:
            problems.append((candidate, 0, PathRefused.code, f"Fichier non lu : {refused}."))
            continue
        if path is None:
            continue
        code = path.read_text(encoding="utf-8", errors="replace")
        try:
            reader = _Reader(code, rules, candidate)
            followed = reader.imports_only_a_component()
        except JsError as error:
            problems.append((candidate, error.line, "home_unreadable", f"Page d'accueil illisible : {error}."))
            return None, [], problems, ""
        if followed:
            for suffix in ("", ".jsx", ".js", ".tsx", "/index.jsx", "/index.js", "/index.tsx"):
                try:
                    target = contained_file(site.root / (followed + suffix), roots)
                except PathRefused:
                    target = None
                if target is not None:
                    candidate, code = followed + suffix, target.read_text(encoding="utf-8", errors="replace")
                    try:
                        reader = _Reader(code, rules, candidate)
                    except JsError as error:
                        problems.append((candidate, error.line, "home_unreadable",
                                         f"Page d'accueil illisible : {error}."))
                        return None, [], problems, ""
                    break
        rows = reader.read()
        for row in rows:
            row.value.pop("open", None)
        problems.extend((candidate, line, code_, message) for line, code_, message in reader.problems)
        return candidate, rows, problems, code
    return None, [], problems, ""


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class HomeWriter:
    """The rows as the home page's blocks: links to pages, images as Wagtail images."""

    def __init__(self, importer, source):
        self.importer = importer
        self.report = importer.report
        self.source = source
        self.resolver = importer.plan.resolver

    def link(self, href, line):
        """{"page": id} or {"url": address}; None (reported) when it leads nowhere."""
        from wagtail.contrib.redirects.models import Redirect

        if not is_safe_url(href):
            self.report.add("url_scheme_refused", self.source, line, refused_url_message(href))
            return None
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return {"url": href}
        # Docusaurus's <Link to="/x"> is served under the site's baseUrl: try both.
        base = "/" + self.importer.plan.site.base_url.strip("/")
        paths = {Redirect.normalise_path(parts.path or "/")}
        if base != "/" and not (parts.path or "").startswith(base + "/"):
            paths.add(Redirect.normalise_path(base + (parts.path or "/")))
        redirect = self._redirect(paths)
        if redirect is not None:
            return {"page": redirect.redirect_page_id}
        # A page the import does not have: its nearest imported parent (its section), said so.
        while any(p.count("/") > 1 for p in paths):
            paths = {p.rsplit("/", 1)[0] for p in paths if p.count("/") > 1}
            redirect = self._redirect(paths)
            parent = redirect.redirect_page if redirect is not None else self._page_at(paths)
            if parent is not None:
                self.report.add("link_unresolved", self.source, line,
                                f"Lien « {href[:80]} » de l'accueil sans page importée : la carte mène à "
                                f"« {parent.title} », la page parente.")
                return {"page": parent.pk}
        self.report.add("link_unresolved", self.source, line,
                        f"Lien « {href[:80]} » de l'accueil sans page importée : carte non reprise.")
        return None

    def _page_at(self, paths):
        """A page of the French tree at one of these paths (a section the import did not create)."""
        from wagtail.models import Page

        home = self.importer.home
        wanted = [home.url_path + p.strip("/") + "/" for p in paths]
        return Page.objects.descendant_of(home).filter(url_path__in=wanted).order_by("depth").first()

    @staticmethod
    def _redirect(paths):
        from wagtail.contrib.redirects.models import Redirect

        return (Redirect.objects.filter(old_path__in=paths, site__isnull=True, redirect_page__isnull=False)
                .select_related("redirect_page").order_by("pk").first())

    def image(self, url_path, line):
        if not url_path:
            return None
        try:
            path = self.resolver.locate_static(url_path)
        except PathRefused as refused:
            self.report.add(PathRefused.code, self.source, line, f"Image « {url_path[:80]} » non lue : {refused}.")
            return None
        if path is None:
            self.report.add("file_missing", self.source, line, f"Image de l'accueil introuvable : « {url_path[:80]} ».")
            return None
        from django.core.exceptions import ValidationError

        from pages.uploads.checks import check_image_path, message_of

        try:
            check_image_path(path)
        except (ValidationError, OSError) as error:
            reason = message_of(error) if isinstance(error, ValidationError) else error.__class__.__name__
            self.report.add("image_refused", self.source, line, f"Image « {path.name} » refusée : {reason}")
            return None
        return self.importer._asset_id(str(path), "image")

    def message(self, text, line):
        def resolve(match_href):
            target = self.link(html.unescape(match_href), line)
            if target is None:
                return None
            if "page" in target:
                return f'<a linktype="page" id="{target["page"]}">'
            return f'<a href="{html.escape(target["url"])}">'

        out, rest = [], text
        marker = '<a data-home-href="'
        while marker in rest:
            before, rest = rest.split(marker, 1)
            href, rest = rest.split('">', 1)
            inner, rest = rest.split("</a>", 1)
            start = resolve(href)
            out.append(before + (f"{start}{inner}</a>" if start else inner))
        return "<p>" + "".join(out) + rest + "</p>"

    def card(self, card, hero=False):
        target = self.link(card["href"], card["line"]) if card["href"] else None
        if target is None:
            return None
        image = self.image(card.get("image"), card["line"])
        if hero and image is None:
            return None
        value = {"page": target.get("page"), "url": target.get("url", ""), "title": card["title"],
                 "text": card.get("text", ""), "image": image, "image_alt": ""}
        if not hero:
            value["link_text"] = card.get("link_text", "")
        return value

    def blocks(self, rows, rules):
        body = []
        for row in rows:
            if row.kind in ("featured_cards", "hero_cards"):
                cards = [c for c in (self.card(card, hero=row.kind == "hero_cards") for card in row.value["cards"]) if c]
                if cards:
                    body.append(_block(row.kind, {"heading": "", "cards": [_item(c) for c in cards]}))
            elif row.kind == "workshops":
                body.append(_block("workshops", {"title": "", "discipline": "informatique-creation-medias",
                                                 "place": "", "count": 4}))
            elif row.kind == "spaces":
                body.append(_block("spaces", {**row.value, "section": None, "pages": []}))
            elif row.kind == "notice":
                body.append(_block("notice", {"severity": "warning", "title": row.value["title"][:255],
                                              "message": self.message(row.value["message"], row.line)}))
        if rules["section_cards"]:
            body.append(_block("section_cards", {"heading": rules["section_cards_heading"], "pages": []}))
        return body


def _hash(code, rules):
    return hashlib.sha256((code + json.dumps(rules, sort_keys=True)).encode()).hexdigest()


def report_sections_without_summary(importer):
    """A warning for each imported section whose card would show only its title."""
    from pages.models import SectionPage

    for section in SectionPage.objects.exclude(source_path="").filter(summary="").order_by("path"):
        importer.report.add("section_summary_missing", section.source_path, 1,
                            f"Section « {section.title} » sans résumé (front matter « description ») : sa carte "
                            "sur l'accueil n'affiche que son titre ; ajoutez-en un dans l'onglet Contenu.")


def import_home(importer, rules):
    """Write the old home's rows to the French home page; returns the home, or None."""
    from .validation import PageInvalid, validate_page

    site = importer.plan.site
    source, rows, problems, code = read_home(site, rules)
    for file, line, problem_code, message in problems:
        importer.report.add(problem_code, file, line, message)
    if source is None:
        return None
    home = importer.home.specific
    wanted = _hash(code, rules)
    if home.source_hash == wanted and home.source_path == source:
        return home
    if home.source_path and home.latest_revision_id != home.source_revision_id and not importer.force:
        importer.report.add("conflict", source, 0,
                            "Accueil modifié dans le CMS depuis le dernier import : gardé (relancer avec --force pour écraser).")
        return home
    home.body = json.dumps(HomeWriter(importer, source).blocks(rows, rules))
    home.source_path, home.source_hash = source, wanted
    try:
        validate_page(home, {}, lambda line, message: importer.report.add("block_invalid", source, line, message))
    except PageInvalid as error:
        importer.report.add("page_invalid", source, error.line, str(error), "error")
        return None
    revision = home.save_revision(user=importer.user, log_action=not importer.dry_run, changed=True)
    type(home).objects.filter(pk=home.pk).update(source_revision=revision, source_hash=wanted, source_path=source)
    if importer.publish and not importer.dry_run:
        revision.publish(user=importer.user)
    kinds = ", ".join(sorted({row.kind for row in rows})) or "aucune"
    importer.report.add("home_imported", source, 0,
                        f"Page d'accueil de l'ancien site reprise en rangées ({kinds}) : vérifiez-la"
                        + ("." if importer.publish else " et publiez-la."), "info")
    return home
