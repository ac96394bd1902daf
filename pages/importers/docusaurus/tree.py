"""The page tree and its revisions: imported pages found again, empty pages made for new docs
(parents first), moves, slugs, and each imported revision saved, published or sent to review."""

from __future__ import annotations

from django.db import transaction

from wagtail.models import Page

from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

from .rules import MISSION, SECTION, SPACE, TOOL_GUIDE

MODELS = {SECTION: SectionPage, SPACE: SpacePage, TOOL_GUIDE: ToolGuidePage, MISSION: MissionPage}
TYPE_OF_MODEL = {model: key for key, model in MODELS.items()}


class Tree:
    """The import's pages: plan key -> page id, for the docs already imported and those created now."""

    def __init__(self, home, report, fail, *, dry_run):
        self.home = home
        self.report = report
        self.fail = fail  # fail(node, code, line, message)
        self.dry_run = dry_run
        self.pages = {}  # plan key -> page id
        self.created_now = set()
        self.state = {}  # source key -> (model, source_hash, latest revision, imported revision, title)

    def index_existing(self, plan):
        """Imported pages, in a few queries (an unchanged doc needs no other)."""
        existing = {}
        for model in MODELS.values():
            rows = model.objects.filter(locale=self.home.locale).exclude(source_path="").values_list(
                "pk", "source_path", "source_hash", "latest_revision_id", "source_revision_id", "title")
            for pk, source, source_hash, latest, imported, title in rows:
                existing[source] = pk
                self.state[source] = (model, source_hash, latest, imported, title)
        for node in plan.walk():
            if node.key in existing:
                self.pages[node.key] = existing[node.key]

    def parent_page(self, node):
        if node.parent is None:
            return self.home
        parent_id = self.pages.get(node.parent.key)
        return Page.objects.get(pk=parent_id) if parent_id else None

    def create_missing(self, plan, mapped_docs, failed):
        """An empty page (title and slug) for every doc without one, so that every link can point to
        its target whatever the order the docs are filled in."""
        for node in plan.walk():
            if node.key in failed or node.key in self.pages:
                continue
            parent = self.parent_page(node)
            if parent is None:
                self.fail(node, "parent_failed", 0, "La page parente n'existe pas.")
                continue
            if node.parent is None:
                reused = SectionPage.objects.child_of(self.home).filter(slug=node.slug).first()
                if reused is not None and (not reused.source_path or reused.source_path == node.key):
                    self.pages[node.key] = reused.pk
                    self.report.add("section_reused", node.key, 0,
                                    f"Section existante « {reused.title} » (/{node.slug}/) réutilisée au lieu d'en créer une autre.", "info")
                    continue
            model = MODELS[node.page_type]
            mapped = mapped_docs.get(node.key)
            title = mapped.title if mapped else node.title
            try:
                with transaction.atomic():
                    page = model(title=title, slug=self.free_slug(parent, node.slug, node), locale=self.home.locale,
                                 live=False, show_in_menus=node.in_sidebar, source_path=node.key)
                    if model is MissionPage:
                        page.statement = ""
                    parent.add_child(instance=page)
            except Exception as exc:
                self.fail(node, "create_failed", 0, f"{exc.__class__.__name__}: {exc}")
                continue
            self.pages[node.key] = page.pk
            self.created_now.add(node.key)

    def free_slug(self, parent, slug, node, exclude=None):
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

    def move_if_needed(self, node, page):
        parent = self.parent_page(node)
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
            page.slug = self.free_slug(parent, slug, node, exclude=page.pk)

    def discard_shell(self, node, failed):
        """A doc that failed after its empty page was created leaves nothing behind: the page goes,
        and with it the empty pages of its children, which are reported as failed."""
        if node.key not in self.created_now:
            return
        page = Page.objects.filter(pk=self.pages.pop(node.key, None)).first()
        todo = list(node.children)
        while todo:
            child = todo.pop()
            todo.extend(child.children)
            if child.key not in failed:
                self.fail(child, "parent_failed", 0, "La page parente n'a pas pu être importée.")
            if child.key in self.created_now:
                self.pages.pop(child.key, None)
        if page is not None and not self.dry_run:  # deleting purges caches and calls webhooks; a dry run rolls back
            page.delete()


def save_imported_revision(page, node, source_hash, *, user, is_draft, publish, dry_run, report):
    """A new revision holding the imported content; published with ``publish``, else sent to the
    page's workflow (or left as a draft for ``draft: true``). A dry run neither publishes nor starts
    review: both send e-mails and call webhooks."""
    revision = page.save_revision(user=user, log_action=not dry_run, changed=True)
    # The revision carries its own id as the imported revision: publishing it later
    # (by a reviewer) keeps the page's trace right.
    revision.content["source_revision"] = revision.pk
    revision.save(update_fields=["content"])
    type(page).objects.filter(pk=page.pk).update(source_revision=revision, source_hash=source_hash,
                                                 source_path=node.key)
    page.source_revision = revision
    if is_draft:
        if page.live:
            report.add("draft_live_page", node.key, 1,
                       "Document marqué draft: true mais la page est publiée : nouvelle révision en brouillon, page laissée en ligne.", "info")
    elif dry_run:
        pass
    elif publish:
        revision.publish(user=user)
    else:
        workflow = page.get_workflow()
        if workflow is not None and user is not None:
            state = page.current_workflow_state
            if state is not None:
                state.cancel(user=user)
            workflow.start(page, user)
    page.refresh_from_db()
    return revision
