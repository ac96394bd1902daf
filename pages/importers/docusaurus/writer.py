"""Plan -> Wagtail pages, images, documents and redirects. The only module of the importer that
touches the database.

Pages are found again by their source key (`ContentPage.source_path`), so a rerun updates
instead of duplicating. Each doc is written in its own transaction. Work is split in:

1. prepare (no database): map every doc, read every file it uses; a doc whose files cannot be
   read fails here, and so do the pages under it, before anything is written;
2. create the pages that do not exist yet (title and slug only), parents first, so that every
   link can point to its target whatever the order;
3. fill each page: content, a new revision (published with ``--publish``; otherwise submitted to
   the page's workflow, or left as a draft), redirects from the old URLs.

A page edited in the CMS since the last import (its latest revision is not the imported one)
is a conflict and is left alone unless ``force``. An unchanged source (same content hash)
writes nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from pages.blocks.media import allowed_platforms_text, embed_allowed
from pages.blocks.text import INLINE_FEATURES, RICH_TEXT_FEATURES
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage
from pages.site_setup.skeleton import ensure_skeleton
from pages.uploads.checks import check_document_path, check_image_path, message_of

from .announcement import import_announcement
from .asset_refusals import without_refused
from .home import import_home, report_sections_without_summary
from .mapper import IMAGE_SUFFIXES, humanize_filename
from .plan import doc_key
from .report import PageOutcome, Report
from .rules import DEFAULT_HOME_RULES, MISSION, SECTION, SPACE, TOOL_GUIDE
from .safety import PathRefused, contained_file
from .validation import PageInvalid, validate_page

IMPORTER_VERSION = "1"
MODELS = {SECTION: SectionPage, SPACE: SpacePage, TOOL_GUIDE: ToolGuidePage, MISSION: MissionPage}
TYPE_OF_MODEL = {model: key for key, model in MODELS.items()}
OBJECTIVE_FEATURES = INLINE_FEATURES + ["ul", "ol"]
ASSET_RE = re.compile(r'data-import-asset="([^"]*)"')
PAGE_LINK_RE = re.compile(r'<a data-linktype="page" data-import-page="([^"]*)">(.*?)</a>', re.DOTALL)


class NoImportUser(ValueError):
    """--publish with nobody to publish as."""


class DocFailure(Exception):
    def __init__(self, code, line, message):
        super().__init__(message)
        self.code = code
        self.line = line


@dataclass
class Asset:
    path: Path
    kind: str  # "image" | "document"
    sha1: str
    size: tuple | None = None
    obj_id: int | None = None


def _sha1(path):
    digest = hashlib.sha1()  # noqa: S324 - same hash Wagtail stores in file_hash, not for security
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _walk_placeholders(value, found):
    if isinstance(value, dict):
        if len(value) == 1:
            (key, inner), = value.items()
            if key in ("__image__", "__document__", "__page__"):
                found.append((key, inner))
                return
        for inner in value.values():
            _walk_placeholders(inner, found)
    elif isinstance(value, list):
        for inner in value:
            _walk_placeholders(inner, found)
    elif isinstance(value, str) and "data-import-" in value:
        for match in ASSET_RE.finditer(value):
            found.append(("__asset__", match.group(1)))
        for match in PAGE_LINK_RE.finditer(value):
            found.append(("__page__", match.group(1)))


class Importer:
    def __init__(self, plan, *, user=None, publish=False, force=False, dry_run=False, progress=None, home_rules=None):
        self.plan = plan
        self.home_rules = home_rules or DEFAULT_HOME_RULES
        self.user = user
        self.publish = publish
        self.force = force
        self.dry_run = dry_run
        self.progress = progress or (lambda *args: None)
        self.report = Report(dry_run=dry_run)
        self.assets = {}  # path -> Asset
        self.pages = {}  # plan key -> page id
        self.failed = set()
        self.refused_assets = {}  # path -> (code, message): files the upload rules refuse
        self.converters = {}
        self.created_now = set()

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
        with self._dry_run_guard(), self._deferred_search_index():
            skeleton = ensure_skeleton(self.user)
            self.home = skeleton.home_fr
            self._prepare()
            self._count_missing()
            self._index_existing()
            self._create_missing()
            nodes = list(self.plan.walk())
            for index, node in enumerate(nodes, 1):
                self.progress(index, len(nodes), node.key)
                self._import_node(node)
            import_announcement(self.plan.site, self.report, dry_run=self.dry_run)
            import_home(self, self.home_rules)
            report_sections_without_summary(self)
        return self.report

    @contextmanager
    def _deferred_search_index(self):
        """Index each saved object once, at the end, instead of at every save of every page."""
        try:
            from modelsearch import index as search_index
            from modelsearch.signal_handlers import post_save_signal_handler
        except ImportError:  # another search package: keep its own signals
            yield
            return
        from django.db.models.signals import post_save

        models = [m for m in search_index.get_indexed_models() if getattr(m, "search_auto_update", True)]
        saved = {}

        def collect(sender, instance, raw=False, **kwargs):
            if not raw:
                saved[(sender, instance.pk)] = sender

        for model in models:
            post_save.disconnect(post_save_signal_handler, sender=model)
            post_save.connect(collect, sender=model, weak=False, dispatch_uid=f"import-docusaurus-{model._meta.label}")
        try:
            yield
        finally:
            for model in models:
                post_save.disconnect(sender=model, dispatch_uid=f"import-docusaurus-{model._meta.label}")
                post_save.connect(post_save_signal_handler, sender=model)
            if not self.dry_run:
                with transaction.atomic():
                    for (model, pk) in saved:
                        instance = model._default_manager.filter(pk=pk).first()
                        if instance is not None:
                            search_index.insert_or_update_object(instance)

    @contextmanager
    def _dry_run_guard(self):
        if not self.dry_run:
            yield
            return
        image_field = get_image_model()._meta.get_field("file")
        doc_field = get_document_model()._meta.get_field("file")
        saved = (image_field.storage, doc_field.storage)
        tmp = tempfile.mkdtemp(prefix="import-dry-run-")
        image_field.storage = doc_field.storage = FileSystemStorage(location=tmp)
        try:
            with transaction.atomic():
                yield
                transaction.set_rollback(True)
        finally:
            image_field.storage, doc_field.storage = saved
            shutil.rmtree(tmp, ignore_errors=True)

    # --- 1. prepare ----------------------------------------------------------------------
    def _prepare(self):
        self.drafts = {}
        for node in self.plan.walk():
            if node.parent is not None and node.parent.key in self.failed:
                self._fail(node, "parent_failed", 0, "La page parente n'a pas pu être importée.")
                continue
            if node.doc is None:
                continue
            try:
                draft = self._draft(node)
                self.drafts[node.key] = draft
                for problem in draft.problems:
                    self.report.add(problem.code, node.key, problem.line, problem.message, problem.level)
                self._read_assets(node, draft)
            except DocFailure as failure:
                self._fail(node, failure.code, failure.line, str(failure))
            except Exception as exc:
                self._fail(node, "map_failed", 0, f"{exc.__class__.__name__}: {exc}")

    def _draft(self, node):
        draft = self.plan.draft(node)
        if draft is None:
            return None
        draft.fields = {name: self._embeds_allowed(node, value) for name, value in draft.fields.items()}
        return draft

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

    def _read_assets(self, node, draft):
        """Check every file the doc uses; a refused one is a warning and leaves the doc (its alt or
        link text stays, see asset_refusals.py)."""
        found = []
        _walk_placeholders(draft.fields, found)
        refused = set()
        for kind, value in found:
            if kind == "__page__":
                continue
            if value in self.refused_assets:
                refused.add(value)
                continue
            if value in self.assets:
                continue
            try:
                self.assets[value] = self._checked_asset(node, draft, kind, value)
            except DocFailure as failure:
                self.refused_assets[value] = (failure.code, str(failure))
                refused.add(value)
        for value in sorted(refused):
            code, message = self.refused_assets[value]
            self.report.add(code, node.key, self._line_of(node, value), message)
        if refused:
            draft.fields = without_refused(draft.fields, refused)
            draft._fields_json = None

    def _checked_asset(self, node, draft, kind, value):
        path = Path(value)
        try:  # the mapper only gives files inside the site; checked again before any read
            if contained_file(path, self.plan.resolver.roots) is None:
                raise DocFailure("file_unreadable", 0, f"Fichier « {path.name} » introuvable.")
        except PathRefused as refused:
            raise DocFailure(PathRefused.code, 0, f"Fichier non lu : {refused}.") from None
        is_image = kind == "__image__" or (kind == "__asset__" and path.suffix.lower() in IMAGE_SUFFIXES
                                           and self._is_embed(draft, value))
        try:
            sha1 = _sha1(path)
        except OSError as exc:
            raise DocFailure("file_unreadable", 0, f"Fichier illisible « {path.name} » : {exc}") from None
        asset = Asset(path, "image" if is_image else "document", sha1)
        if is_image and sha1 not in self._known_image_hashes():
            asset.size = self._image_size(node, path)  # also refuses a broken file before any write
        elif not is_image:
            self._check_document(node, path)
        return asset

    def _known_image_hashes(self):
        if not hasattr(self, "_image_hashes"):
            self._image_hashes = set(get_image_model().objects.exclude(file_hash="").values_list("file_hash", flat=True))
        return self._image_hashes

    def _is_embed(self, draft, value):
        return f'data-embedtype="image" data-import-asset="{value}"' in self._fields_json(draft)

    @staticmethod
    def _fields_json(draft):
        cached = getattr(draft, "_fields_json", None)
        if cached is None:
            cached = json.dumps(draft.fields, ensure_ascii=False).replace('\\"', '"')
            draft._fields_json = cached
        return cached

    def _draft_assets(self, draft):
        if draft is None:
            return []
        found = []
        _walk_placeholders(draft.fields, found)
        return sorted({value for kind, value in found if kind != "__page__"})

    def _image_size(self, node, path):
        """Width and height, once the file has passed the same content checks as an admin upload."""
        try:
            return check_image_path(path)
        except ValidationError as error:
            raise DocFailure("image_refused", self._line_of(node, path),
                             f"{message_of(error)} Son texte alternatif est gardé à sa place.") from None
        except OSError as exc:
            raise DocFailure("image_unreadable", self._line_of(node, path),
                             f"Image illisible « {path.name} » ({exc.__class__.__name__}) : son texte alternatif est gardé "
                             "à sa place ; corrigez ou retirez le fichier.") from None

    def _check_document(self, node, path):
        try:
            check_document_path(path)
        except ValidationError as error:
            raise DocFailure("file_refused", self._line_of(node, path),
                             f"{message_of(error)} Le texte du lien est gardé, sans lien.") from None

    def _image_size_plain(self, path):
        class _Node:  # an asset met outside any doc (should not happen): no line to give
            doc = None

        return self._image_size(_Node, path)

    def _line_of(self, node, path):
        if node.doc is None:
            return 0
        name = Path(path).name
        for number, text in enumerate(node.doc.parsed.raw.split("\n"), 1):
            if name in text:
                return number
        return 0

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

    # --- 2. existing pages and new shells ------------------------------------------------
    def _index_existing(self):
        """Imported pages and existing redirects, in a few queries (an unchanged doc needs no other)."""
        self.existing = {}
        self.state = {}
        for model in MODELS.values():
            rows = model.objects.filter(locale=self.home.locale).exclude(source_path="").values_list(
                "pk", "source_path", "source_hash", "latest_revision_id", "source_revision_id", "title")
            for pk, source, source_hash, latest, imported, title in rows:
                self.existing[source] = pk
                self.state[source] = (model, source_hash, latest, imported, title)
        self.redirect_index = {
            old_path: (page_id, permanent) for old_path, page_id, permanent in
            Redirect.objects.filter(site__isnull=True).values_list("old_path", "redirect_page_id", "is_permanent")}
        for node in self.plan.walk():
            if node.key in self.existing:
                self.pages[node.key] = self.existing[node.key]

    def _parent_page(self, node):
        if node.parent is None:
            return self.home
        parent_id = self.pages.get(node.parent.key)
        return Page.objects.get(pk=parent_id) if parent_id else None

    def _create_missing(self):
        for node in self.plan.walk():
            if node.key in self.failed or node.key in self.pages:
                continue
            parent = self._parent_page(node)
            if parent is None:
                self._fail(node, "parent_failed", 0, "La page parente n'existe pas.")
                continue
            if node.parent is None:
                reused = SectionPage.objects.child_of(self.home).filter(slug=node.slug).first()
                if reused is not None and (not reused.source_path or reused.source_path == node.key):
                    self.pages[node.key] = reused.pk
                    self.report.add("section_reused", node.key, 0,
                                    f"Section existante « {reused.title} » (/{node.slug}/) réutilisée au lieu d'en créer une autre.", "info")
                    continue
            model = MODELS[node.page_type]
            draft = self.drafts.get(node.key)
            title = draft.title if draft else node.title
            try:
                with transaction.atomic():
                    page = model(title=title, slug=self._free_slug(parent, node.slug, node), locale=self.home.locale,
                                 live=False, show_in_menus=node.in_sidebar, source_path=node.key)
                    if model is MissionPage:
                        page.statement = ""
                    parent.add_child(instance=page)
            except Exception as exc:
                self._fail(node, "create_failed", 0, f"{exc.__class__.__name__}: {exc}")
                continue
            self.pages[node.key] = page.pk
            self.created_now.add(node.key)

    def _free_slug(self, parent, slug, node, exclude=None):
        slug = slug or "page"
        taken = set(Page.objects.child_of(parent).exclude(pk=exclude).values_list("slug", flat=True))
        if slug not in taken:
            return slug
        n = 2
        while f"{slug}-{n}" in taken:
            n += 1
        self.report.add("slug_taken", node.key, 0,
                        f"L'adresse « {slug} » est déjà prise sous « {parent.title} » : « {slug}-{n} » utilisée.")
        return f"{slug}-{n}"

    # --- 3. content ------------------------------------------------------------------------
    def _import_node(self, node):
        if node.key in self.failed:
            return
        page_id = self.pages.get(node.key)
        if page_id is None:
            return
        created = node.key in self.created_now
        if not created and self._unchanged(node, page_id):
            return
        try:
            with transaction.atomic():
                outcome = self._write_page(node, page_id, created)
        except DocFailure as failure:
            self._fail(node, failure.code, failure.line, str(failure))
            self._discard_shell(node)
            return
        except Exception as exc:
            self._fail(node, "write_failed", 0, f"{exc.__class__.__name__}: {exc}")
            self._discard_shell(node)
            for asset in self.assets.values():
                if asset.obj_id is not None and not self._asset_exists(asset):
                    asset.obj_id = None
            return
        if outcome is not None:
            getattr(self.report, outcome[0]).append(outcome[1])

    def _discard_shell(self, node):
        """A doc that failed after its empty page was created (step 2) leaves nothing behind: the
        page goes, and with it the empty pages of its children, which are reported as failed."""
        if node.key not in self.created_now:
            return
        page = Page.objects.filter(pk=self.pages.pop(node.key, None)).first()
        todo = list(node.children)
        while todo:
            child = todo.pop()
            todo.extend(child.children)
            if child.key not in self.failed:
                self._fail(child, "parent_failed", 0, "La page parente n'a pas pu être importée.")
            if child.key in self.created_now:
                self.pages.pop(child.key, None)
        if page is not None and not self.dry_run:  # deleting purges caches and calls webhooks; a dry run rolls back
            page.delete()

    def _unchanged(self, node, page_id):
        """True (and reported) when the page already holds this source and its redirects exist."""
        state = self.state.get(node.key)
        if state is None:
            return False
        model, source_hash, _latest, _imported, title = state
        draft = self.drafts.get(node.key)
        if draft is not None and (model is not MODELS.get(draft.page_type)
                                  or source_hash != self._source_hash(node, draft, node.parent.key if node.parent else "")):
            return False
        for url in node.old_urls:
            path = Redirect.normalise_path(url)
            if path not in ("", "/") and len(path) <= 255 and self.redirect_index.get(path) != (page_id, True):
                return False
        self.report.redirects["unchanged"] += sum(1 for url in node.old_urls if Redirect.normalise_path(url) not in ("", "/"))
        self.report.unchanged.append(PageOutcome(source=node.key, title=title, page_type=TYPE_OF_MODEL[model],
                                                 page_id=page_id))
        return True

    def _asset_exists(self, asset):
        model = get_image_model() if asset.kind == "image" else get_document_model()
        return model.objects.filter(pk=asset.obj_id).exists()

    def _source_hash(self, node, draft, parent_key):
        payload = {
            "v": IMPORTER_VERSION, "type": node.page_type, "parent": parent_key, "in_sidebar": node.in_sidebar,
            "title": draft.title if draft else node.title, "slug": node.slug, "draft": bool(draft and draft.draft),
            "fields": draft.fields if draft else {"intro": node.description},
            "description": draft.search_description if draft else "",
            "assets": sorted((path, self.assets[path].sha1) for path in self._draft_assets(draft) if path in self.assets),
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()

    def _write_page(self, node, page_id, created):
        page = Page.objects.get(pk=page_id).specific
        draft = self.drafts.get(node.key)
        outcome = PageOutcome(source=node.key, title=page.title, page_type=TYPE_OF_MODEL.get(type(page), "other"),
                              page_id=page.pk)
        if draft is None and not created:
            # A category without a doc: nothing to write once it exists.
            self._redirects(node, page)
            outcome.url = page.url or ""
            return "unchanged", outcome
        parent_key = node.parent.key if node.parent else ""
        if draft is not None and type(page) is not MODELS.get(draft.page_type):
            wanted = TYPE_OF_MODEL.get(type(page))
            if wanted is None:
                raise DocFailure("page_type_unsupported", 1, f"La page existante est de type {type(page).__name__}.")
            self.report.add("page_type_kept", node.key, 1,
                            f"La page existe déjà en {wanted} ; la règle donne {draft.page_type} : type existant gardé.", "info")
            node.page_type = wanted
            node.draft_cache = None
            draft = self._draft(node)
            self.drafts[node.key] = draft
            self._read_assets(node, draft)
        new_hash = self._source_hash(node, draft, parent_key)
        if not created and page.source_hash == new_hash and page.source_path == node.key:
            self._redirects(node, page)
            outcome.url = page.url or ""
            return "unchanged", outcome
        adopted = not created and not page.source_path
        if not created and not adopted and page.latest_revision_id != page.source_revision_id and not self.force:
            outcome.reason = "Modifiée dans le CMS depuis le dernier import (relancer avec --force pour écraser)."
            self.report.add("conflict", node.key, 0, outcome.reason)
            return "conflicts", outcome

        self._move_if_needed(node, page)
        if draft is None:  # a new category page without doc
            page.intro = f"<p>{node.description}</p>" if node.description else ""
            page.show_in_menus = node.in_sidebar
        else:
            self._apply(page, node, draft)
        page.source_path = node.key
        page.source_hash = new_hash
        page.source_metadata = draft.source_metadata if draft else {"category": node.title}
        self._validate(page, node, draft)
        revision = page.save_revision(user=self.user, log_action=not self.dry_run, changed=True)
        # The revision carries its own id as the imported revision: publishing it later
        # (by a reviewer) keeps the page's trace right.
        revision.content["source_revision"] = revision.pk
        revision.save(update_fields=["content"])
        type(page).objects.filter(pk=page.pk).update(source_revision=revision, source_hash=new_hash,
                                                     source_path=node.key)
        page.source_revision = revision
        is_draft = bool(draft and draft.draft)
        if is_draft:
            if page.live:
                self.report.add("draft_live_page", node.key, 1,
                                "Document marqué draft: true mais la page est publiée : nouvelle révision en brouillon, page laissée en ligne.", "info")
        elif self.dry_run:
            pass  # publishing or starting review sends e-mails and webhooks: a dry run does neither
        elif self.publish:
            revision.publish(user=self.user)
        else:
            workflow = page.get_workflow()
            if workflow is not None and self.user is not None:
                state = page.current_workflow_state
                if state is not None:
                    state.cancel(user=self.user)
                workflow.start(page, self.user)
        page.refresh_from_db()
        self._redirects(node, page)
        outcome.title = page.title
        outcome.url = page.url or ""
        return ("created" if created else "updated"), outcome

    def _validate(self, page, node, draft):
        def removed(line, message):
            self.report.add("block_invalid", node.key, line, message)

        try:
            validate_page(page, draft.block_lines if draft else {}, removed)
        except PageInvalid as invalid:
            lines = node.doc.parsed.front_matter_lines if node.doc is not None else {}
            line = next((lines[name] for name in invalid.fields if name in lines), invalid.line)
            raise DocFailure("page_invalid", line, str(invalid)) from None

    def _move_if_needed(self, node, page):
        parent = self._parent_page(node)
        if parent is None:
            return
        current = page.get_parent()
        if current.pk != parent.pk:
            if not self.dry_run:  # a move purges caches and calls webhooks: only said in a dry run
                page.move(parent, pos="last-child")
                page.refresh_from_db()
            self.report.add("page_moved", node.key, 0, f"Page déplacée sous « {parent.title} » (barre latérale modifiée).", "info")
        slug = node.slug
        if page.slug != slug and not page.slug.startswith(slug + "-") and node.parent is not None:
            page.slug = self._free_slug(parent, slug, node, exclude=page.pk)

    def _apply(self, page, node, draft):
        page.title = draft.title
        page.draft_title = draft.title
        page.search_description = draft.search_description[:1000] if hasattr(page, "search_description") else ""
        page.show_in_menus = node.in_sidebar
        for name, value in draft.fields.items():
            field = page._meta.get_field(name)
            if name in ("hero_image", "card_image"):
                setattr(page, f"{name}_id", self._resolve_value(value, node))
                continue
            resolved = self._resolve(value, node, self._features_for(name))
            if field.get_internal_type() == "JSONField" or hasattr(field, "stream_block"):
                resolved = field.to_python(json.dumps(resolved))
            setattr(page, name, resolved)

    @staticmethod
    def _features_for(field_name):
        return {"intro": INLINE_FEATURES}.get(field_name, RICH_TEXT_FEATURES)

    def _resolve_value(self, value, node):
        (key, inner), = value.items()
        if key == "__page__":
            return self._page_id(inner)
        return self._asset_id(inner, "image" if key == "__image__" else "document")

    def _resolve(self, value, node, features, block_type=None):
        """Placeholders -> ids, editor HTML -> database HTML, through the block tree."""
        if isinstance(value, dict):
            if len(value) == 1 and next(iter(value)) in ("__image__", "__document__", "__page__"):
                return self._resolve_value(value, node)
            if "type" in value and "value" in value:
                inner_type = value["type"]
                return dict(value, value=self._resolve(value["value"], node, features, inner_type))
            out = {}
            for key, inner in value.items():
                out[key] = self._resolve(inner, node, self._child_features(block_type, key, features), block_type)
            return out
        if isinstance(value, list):
            return [self._resolve(v, node, features, block_type) for v in value]
        if isinstance(value, str) and self._is_rich(block_type, value):
            return self._rich(value, node, features)
        return value

    @staticmethod
    def _child_features(block_type, key, features):
        if block_type == "table" or key == "cells":
            return INLINE_FEATURES
        if block_type == "objective" and key == "text":
            return OBJECTIVE_FEATURES
        return features

    @staticmethod
    def _is_rich(block_type, value):
        if block_type in ("code", "live_data", "heading", "hours"):
            return False
        return value.startswith("<") and value.rstrip().endswith(">")

    def _rich(self, html, node, features):
        def page_link(match):
            page_id = self._page_id(match.group(1))
            if page_id is None:
                self.report.add("link_target_failed", node.key, 0,
                                f"Lien vers « {match.group(1)} », qui n'a pas pu être importé : texte gardé sans lien.")
                return match.group(2)
            return f'<a data-linktype="page" data-id="{page_id}">{match.group(2)}</a>'

        html = PAGE_LINK_RE.sub(page_link, html)

        def asset(match):
            path = match.group(1)
            kind = self.assets[path].kind if path in self.assets else "document"
            start = html.rfind("<", 0, match.start())
            if html.startswith("<img", start):
                kind = "image"
            return f'data-id="{self._asset_id(path, kind)}"'

        html = ASSET_RE.sub(asset, html)
        key = tuple(features)
        converter = self.converters.get(key)
        if converter is None:
            converter = self.converters[key] = EditorHTMLConverter(features=features)
        return converter.to_database_format(html)

    def _page_id(self, rel_path):
        return self.pages.get(rel_path) or self.pages.get(doc_key(self.plan.site, rel_path))

    def _asset_id(self, path, kind):
        asset = self.assets.get(path)
        if asset is None:
            asset = Asset(Path(path), kind, _sha1(path))
            self.assets[path] = asset
        if kind == "image" and asset.kind != "image":
            asset = Asset(asset.path, "image", asset.sha1, asset.size)
            self.assets[path + "#image"] = asset
        if asset.obj_id is not None:
            return asset.obj_id
        if asset.kind == "image":
            model = get_image_model()
            existing = model.objects.filter(file_hash=asset.sha1).order_by("pk").first()
            if existing is not None:
                asset.obj_id = existing.pk
                self.report.images["reused"] += 1
                return asset.obj_id
            width, height = asset.size or self._image_size_plain(asset.path)
            image = model(title=humanize_filename(asset.path)[:255] or asset.path.name, width=width, height=height,
                          file_size=asset.path.stat().st_size, file_hash=asset.sha1)
            # The file is stored first and set by name past the field descriptor: assigning it would
            # make Wagtail decode the whole image (hundreds of MB for a panorama) to read a size
            # we already have from the header.
            field = model._meta.get_field("file")
            with open(asset.path, "rb") as handle:
                stored = field.storage.save(field.generate_filename(image, asset.path.name), File(handle))
            image.__dict__[field.attname] = stored
            image.save()
            asset.obj_id = image.pk
            self.report.images["created"] += 1
            return asset.obj_id
        model = get_document_model()
        existing = model.objects.filter(file_hash=asset.sha1).order_by("pk").first()
        if existing is not None:
            asset.obj_id = existing.pk
            self.report.documents["reused"] += 1
            return asset.obj_id
        with open(asset.path, "rb") as handle:
            document = model(title=humanize_filename(asset.path)[:255] or asset.path.name,
                             file=File(handle, name=asset.path.name), file_size=asset.path.stat().st_size,
                             file_hash=asset.sha1)
            document.save()
        asset.obj_id = document.pk
        self.report.documents["created"] += 1
        return asset.obj_id

    # --- redirects -------------------------------------------------------------------------
    def _redirects(self, node, page):
        for url in node.old_urls:
            self._redirect(url, page, node.key)

    def _redirect(self, url, page, source):
        path = Redirect.normalise_path(url)
        if path in ("", "/"):
            self.report.add("redirect_root_skipped", source, 0, "L'ancienne adresse est la racine du site : pas de redirection.", "info")
            return
        if len(path) > 255:
            self.report.add("redirect_too_long", source, 0, f"Ancienne adresse trop longue pour une redirection : {path[:80]}…")
            return
        existing = Redirect.objects.filter(old_path=path, site__isnull=True).first()
        if existing is None:
            Redirect.objects.create(old_path=path, site=None, redirect_page=page, is_permanent=True)
            self.report.redirects["created"] += 1
        elif existing.redirect_page_id != page.pk or not existing.is_permanent:
            existing.redirect_page = page
            existing.redirect_link = ""
            existing.is_permanent = True
            existing.save()
            self.report.redirects["updated"] += 1
        else:
            self.report.redirects["unchanged"] += 1
