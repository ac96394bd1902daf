"""How an import run changes the process around it: a dry run's storage swap and rollback, and the
search-index deferral.

Both are process-global: they change class-level state that every thread of the process shares
(the image and document models' file storage, the search backend's ``post_save`` receivers) for
as long as the run lasts. An import is therefore run alone in its process — the management
command, a test, the benchmark — never inside a web worker serving readers at the same time.
Both are undone in ``finally`` blocks, whatever the run raises.
"""

from __future__ import annotations

import shutil
import tempfile
from contextlib import ExitStack, contextmanager

from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.compat import search_index_receiver


@contextmanager
def run_controls(*, dry_run):
    """Everything an import run needs around it, in the right order."""
    with ExitStack() as stack:
        stack.enter_context(dry_run_guard(dry_run))
        stack.enter_context(deferred_search_index(dry_run))
        yield


@contextmanager
def dry_run_guard(dry_run):
    """A dry run writes nothing that outlives it: the database work is rolled back, and image and
    document files go to a temporary folder (swapped in as the models' storage) removed at the end.
    E-mails, webhooks and history entries are the writer's to skip (``dry_run`` flags there)."""
    if not dry_run:
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


@contextmanager
def deferred_search_index(dry_run):
    """Index each saved object once, at the end, instead of at every save of every page (a page is
    saved several times per import: shell, revision, publish). A dry run indexes nothing."""
    from modelsearch import index as search_index

    post_save_signal_handler = search_index_receiver()
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
        if not dry_run:
            with transaction.atomic():
                for (model, pk) in saved:
                    instance = model._default_manager.filter(pk=pk).first()
                    if instance is not None:
                        search_index.insert_or_update_object(instance)
