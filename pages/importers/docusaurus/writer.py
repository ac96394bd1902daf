"""Plan -> Wagtail pages, images, documents and redirects. The only part of the importer that
touches the database.

Pages are found again by their source key (`ContentPage.source_path`), so a rerun updates
instead of duplicating. Each doc is written in its own transaction. Work is split in:

1. prepare (no database write): map every doc, check every file it uses (``assets``); a doc that
   cannot be mapped fails here, and so do the pages under it, before anything is written;
2. create the pages that do not exist yet (title and slug only), parents first, so that every
   link can point to its target whatever the order (``tree``);
3. fill each page: content with its placeholders resolved (``placeholders``), a new revision
   (published with ``--publish``; otherwise submitted to the page's workflow, or left as a draft),
   redirects from the old URLs (``redirects``).

A page edited in the CMS since the last import (its latest revision is not the imported one)
is a conflict and is left alone unless ``force``. An unchanged source (same content hash)
writes nothing. ``run_control`` holds what a run changes around it (dry run, search index).
"""

from __future__ import annotations

import hashlib
import json
import re
from html import escape
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Page

from pages.blocks.media import allowed_platforms_text, embed_allowed
from pages.review.alt_texts import GUESSED_ALTS_KEY
from pages.site_setup.skeleton import ensure_skeleton

from .announcement import import_announcement
from .assets import AssetStore, DocFailure, paths_used
from .catalogues import import_catalogues
from .help_boxes import HelpBoxes
from .home import import_home, report_sections_without_summary
from .memo import Memos, file_state
from .placeholders import Resolution, features_for
from .plan import doc_key
from .redirects import Redirects
from .report import PageOutcome, Report
from .resolver import IMAGE_SUFFIXES
from .rules import DEFAULT_HOME_RULES
from .run_control import run_controls
from .tree import MODELS, TYPE_OF_MODEL, Tree, save_imported_revision
from .validation import PageInvalid, validate_page

__all__ = ["MODELS", "DocFailure", "Importer", "NoImportUser"]

IMPORTER_VERSION = "1"


class NoImportUser(ValueError):
    """--publish with nobody to publish as."""


class Importer:
    def __init__(self, plan, *, user=None, publish=False, force=False, dry_run=False, progress=None, home_rules=None):
        self.plan = plan
        self.user = user
        self.publish = publish
        self.force = force
        self.dry_run = dry_run
        self.progress = progress or (lambda *args: None)
        self.home_rules = home_rules or DEFAULT_HOME_RULES
        self.report = Report(dry_run=dry_run)
        self.store = AssetStore(plan.resolver.roots, self.report)
        self.redirects = Redirects(self.report)
        self.failed = set()
        self.mapped = {}  # plan key -> MappedDoc
        self.confirmed = set()  # plan keys of the docs the memos confirm: not mapped this run
        self.memo_inputs = {}  # plan key -> (report entries, {file: sha1}) of each doc mapped this run

    # --- entry point -------------------------------------------------------------------
    def run(self):
        for file, problem in self.plan.problems:
            self.report.add(problem.code, file, problem.line, problem.message, problem.level)
        if self.user is None:
            self.user = get_user_model().objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if self.publish and self.user is None:
            raise NoImportUser(_(
                "--publish publie au nom d'un compte, et ce site n'a aucun superutilisateur actif : indiquez "
                "le compte avec --user NOM (un membre du groupe Révision ou un administrateur), ou créez un "
                "administrateur avec « manage.py createsuperuser ». Sans --publish, les pages sont soumises à la "
                "révision."))
        with run_controls(dry_run=self.dry_run):
            skeleton = ensure_skeleton(self.user, refresh_roles=False)
            self.home = skeleton.home_fr  # the French home, which the old site's home rows are written to
            self.tree = Tree(skeleton.home_fr, self.report, self._fail, dry_run=self.dry_run)
            self.tree.index_existing(self.plan)
            self.memos = Memos(self.plan, force=self.force)
            self._prepare()
            self._count_missing()
            self.redirects.load()
            self.tree.create_missing(self.plan, self.mapped, self.failed)
            self.help_boxes = HelpBoxes(self.plan.site, self.plan.resolver, self.page_id, self.report)
            nodes = list(self.plan.walk())
            for index, node in enumerate(nodes, 1):
                self.progress(index, len(nodes), node.key)
                self._import_node(node)
            import_announcement(self.plan.site, self.plan.resolver, self._resolution(None), self.report,
                                dry_run=self.dry_run)
            import_home(self, self.home_rules)
            import_catalogues(self)
            report_sections_without_summary(self)
            self.memos.save()
        return self.report

    @property
    def pages(self):
        """Plan key -> page id of every page of this import."""
        return self.tree.pages

    # --- 1. prepare ----------------------------------------------------------------------
    def _prepare(self):
        for node in self.plan.walk():
            if node.parent is not None and node.parent.key in self.failed:
                self._fail(node, "parent_failed", 0, "La page parente n'a pas pu être importée.")
                continue
            if node.doc is None:
                continue
            if self._confirmed(node):
                continue
            start = len(self.report.entries)
            try:
                mapped = self._map(node)
                self.mapped[node.key] = mapped
                for problem in mapped.problems:
                    self.report.add(problem.code, node.key, problem.line, problem.message, problem.level)
                used = paths_used(mapped)  # before store.read takes the refused files out
                self.store.read(node, mapped)
                files = {path: self.store.assets[path].sha1 if path in self.store.assets
                         else file_state(path, self.store.roots) for path in used}
                self.memo_inputs[node.key] = ([e for e in self.report.entries[start:] if e.file == node.key], files)
            except DocFailure as failure:
                self._fail(node, failure.code, failure.line, str(failure))
            except Exception as exc:
                self._fail(node, "map_failed", 0, f"{exc.__class__.__name__}: {exc}")

    def _confirmed(self, node):
        """A doc the memos confirm (memo.py): its report entries are repeated, it is not mapped."""
        page_id = self.pages.get(node.key)
        if page_id is None or not self.memos.confirms(node, page_id, self.tree.state.get(node.key),
                                                      MODELS.get(node.page_type)):
            return False
        for code, line, message, level in self.memos.entries(page_id):
            self.report.add(code, node.key, line, message, level)
        self.confirmed.add(node.key)
        return True

    def _remember(self, node, page_id, source_hash):
        """A memo for a doc mapped this run whose page now holds it (saved at the end of the run)."""
        if node.key in self.memo_inputs:
            entries, files = self.memo_inputs[node.key]
            self.memos.remember(node, page_id, source_hash, entries, files)

    def _map(self, node):
        mapped = self.plan.draft(node)
        if mapped is None:
            return None
        mapped.fields = {name: self._embeds_allowed(node, value) for name, value in mapped.fields.items()}
        return mapped

    def _embeds_allowed(self, node, value):
        """A video or embed on a platform the blocks refuse becomes a link to it, with a report entry:
        the address is kept, nothing is framed."""
        if isinstance(value, list):
            return [self._embeds_allowed(node, item) for item in value]
        if not isinstance(value, dict):
            return value
        inner = value.get("value")
        if value.get("type") in ("video", "embed") and isinstance(inner, dict) and inner.get("url") \
                and not embed_allowed(inner["url"]):
            url = inner["url"]
            line = next((n for n, text in enumerate(node.doc.parsed.raw.split("\n"), 1) if url in text), 0)
            self.report.add("embed_not_allowed", node.key, line,
                            f"Contenu intégré « {url} » : plateforme non acceptée (acceptées : {allowed_platforms_text()}) ; "
                            "remplacé par un lien.")
            link = f'<p><a href="{escape(url)}">{escape(inner.get("title") or url)}</a></p>'
            return dict(value, type="paragraph", value=link)
        return {key: self._embeds_allowed(node, item) for key, item in value.items()}

    def _fail(self, node, code, line, message):
        self.failed.add(node.key)
        self.report.add(code, node.key, line, message, "error")
        self.report.failed.append(PageOutcome(source=node.key, title=node.title, page_type=node.page_type,
                                              reason=f"{node.key}:{line} {message}" if line else f"{node.key} {message}"))

    def _count_missing(self):
        for entry in self.report.entries:
            if entry.code != "file_missing":
                continue
            match = re.search(r"« ([^»]*) »", entry.message)
            suffix = Path(match.group(1).strip()).suffix.lower() if match else ""
            bucket = self.report.images if suffix in IMAGE_SUFFIXES else self.report.documents
            bucket["missing"] += 1

    # --- 3. content ------------------------------------------------------------------------
    def _import_node(self, node):
        if node.key in self.failed:
            return
        page_id = self.pages.get(node.key)
        if page_id is None:
            return
        created = node.key in self.tree.created_now
        if not created and self._unchanged(node, page_id):
            return
        try:
            with transaction.atomic():
                outcome = self._write_page(node, page_id, created)
        except DocFailure as failure:
            self.memos.forget(page_id)
            self._fail(node, failure.code, failure.line, str(failure))
            self.tree.discard_shell(node, self.failed)
            return
        except Exception as exc:
            self.memos.forget(page_id)
            self._fail(node, "write_failed", 0, f"{exc.__class__.__name__}: {exc}")
            self.tree.discard_shell(node, self.failed)
            self.store.forget_rolled_back()
            return
        if outcome is not None:
            getattr(self.report, outcome[0]).append(outcome[1])

    def _unchanged(self, node, page_id):
        """True (and reported) when the page already holds this source and its redirects exist."""
        state = self.tree.state.get(node.key)
        if state is None:
            return self._unchanged_category(node, page_id)
        model, source_hash, _latest, _imported, title = state
        mapped = self.mapped.get(node.key)
        if mapped is not None and (model is not MODELS.get(mapped.page_type)
                                   or source_hash != self._source_hash(node, mapped, node.parent.key if node.parent else "")):
            return False
        if not self.redirects.in_place(node, page_id):
            return False
        self._remember(node, page_id, source_hash)
        self.redirects.count_unchanged(node)
        self.report.unchanged.append(PageOutcome(source=node.key, title=title, page_type=TYPE_OF_MODEL[model],
                                                 page_id=page_id))
        return True

    def _unchanged_category(self, node, page_id):
        """A category without a doc on a page the importer did not create (a section of the skeleton):
        nothing of it is written once its redirects exist. Decided here, like the other unchanged pages,
        because `_write_page` would ask for the page's URL, and the first URL reversed loads the whole
        URLconf (API v3 schemas included) that an unchanged re-run otherwise never needs."""
        if node.doc is not None or self.mapped.get(node.key) is not None or not self.redirects.in_place(node, page_id):
            return False
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return False
        self.redirects.count_unchanged(node)
        self.report.unchanged.append(PageOutcome(source=node.key, title=page.title,
                                                 page_type=TYPE_OF_MODEL.get(page.specific_class, "other"), page_id=page_id))
        return True

    def _source_hash(self, node, mapped, parent_key):
        assets = self.store.assets
        payload = {
            "v": IMPORTER_VERSION, "type": node.page_type, "parent": parent_key, "in_sidebar": node.in_sidebar,
            "title": mapped.title if mapped else node.title, "slug": node.slug, "draft": bool(mapped and mapped.draft),
            "fields": mapped.fields if mapped else {"intro": node.description},
            "description": mapped.search_description if mapped else "",
            "assets": sorted((path, assets[path].sha1) for path in paths_used(mapped) if path in assets),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()

    def _write_page(self, node, page_id, created):
        page = Page.objects.get(pk=page_id).specific
        mapped = self.mapped.get(node.key)
        outcome = PageOutcome(source=node.key, title=page.title, page_type=TYPE_OF_MODEL.get(type(page), "other"),
                              page_id=page.pk)
        if mapped is None and not created:
            # A category without a doc: nothing to write once it exists.
            self.redirects.point(node, page)
            outcome.url = page.url or ""
            return "unchanged", outcome
        parent_key = node.parent.key if node.parent else ""
        if mapped is not None and type(page) is not MODELS.get(mapped.page_type):
            wanted = TYPE_OF_MODEL.get(type(page))
            if wanted is None:
                raise DocFailure("page_type_unsupported", 1, f"La page existante est de type {type(page).__name__}.")
            self.report.add("page_type_kept", node.key, 1,
                            f"La page existe déjà en {wanted} ; la règle donne {mapped.page_type} : type existant gardé.", "info")
            node.page_type = wanted
            node.draft_cache = None
            mapped = self._map(node)
            self.mapped[node.key] = mapped
            self.store.read(node, mapped)
        new_hash = self._source_hash(node, mapped, parent_key)
        if not created and page.source_hash == new_hash and page.source_path == node.key:
            self.redirects.point(node, page)
            self._remember(node, page.pk, new_hash)
            outcome.url = page.url or ""
            return "unchanged", outcome
        adopted = not created and not page.source_path
        if not created and not adopted and page.latest_revision_id != page.source_revision_id and not self.force:
            outcome.reason = "Modifiée dans le CMS depuis le dernier import (relancer avec --force pour écraser)."
            self.report.add("conflict", node.key, 0, outcome.reason)
            return "conflicts", outcome

        self.tree.move_if_needed(node, page)
        if mapped is None:  # a new category page without doc
            page.intro = f"<p>{node.description}</p>" if node.description else ""
            page.show_in_menus = node.in_sidebar
        else:
            self._apply(page, node, mapped)
        page.source_path = node.key
        page.source_hash = new_hash
        page.source_metadata = mapped.source_metadata if mapped else {"category": node.title}
        if mapped is not None and mapped.guessed_alts:  # listed in Rapports › Textes alternatifs à revoir
            page.source_metadata = {**page.source_metadata, GUESSED_ALTS_KEY: mapped.guessed_alts}
        self._validate(page, node, mapped)
        save_imported_revision(page, node, new_hash, user=self.user, is_draft=bool(mapped and mapped.draft),
                               publish=self.publish, dry_run=self.dry_run, report=self.report)
        self.redirects.point(node, page)
        self._remember(node, page.pk, new_hash)
        outcome.title = page.title
        outcome.url = page.url or ""
        return ("created" if created else "updated"), outcome

    def _validate(self, page, node, mapped):
        def removed(line, message):
            self.report.add("block_invalid", node.key, line, message)

        try:
            validate_page(page, mapped.block_lines if mapped else {}, removed)
        except PageInvalid as invalid:
            lines = node.doc.parsed.front_matter_lines if node.doc is not None else {}
            line = next((lines[name] for name in invalid.fields if name in lines), invalid.line)
            raise DocFailure("page_invalid", line, str(invalid)) from None

    def _apply(self, page, node, mapped):
        page.title = mapped.title
        page.draft_title = mapped.title
        page.search_description = mapped.search_description[:1000] if hasattr(page, "search_description") else ""
        page.show_in_menus = node.in_sidebar
        resolution = self._resolution(node)
        for name, value in mapped.fields.items():
            field = page._meta.get_field(name)
            if name in ("hero_image", "card_image"):
                setattr(page, f"{name}_id", resolution.value(value))
                continue
            resolved = resolution.resolve(value, features_for(name))
            if field.get_internal_type() == "JSONField" or hasattr(field, "stream_block"):
                resolved = field.to_python(json.dumps(resolved))
            setattr(page, name, resolved)

    def _asset_id(self, path, kind):
        """The id of an image or document the home page uses, stored once like the docs' own."""
        return self.store.object_id(path, kind)

    def _resolution(self, node):
        def lost_link(key):
            self.report.add("link_target_failed", node.key if node else "", 0,
                            f"Lien vers « {key} », qui n'a pas pu être importé : texte gardé sans lien.")

        return Resolution(self.page_id, self.store.object_id, self.store.kind_of, lost_link, self.help_boxes.box_id)

    def page_id(self, rel_path):
        """The id of the page a doc (by its plan key or docs-relative path) became, else None."""
        return self.pages.get(rel_path) or self.pages.get(doc_key(self.plan.site, rel_path))
