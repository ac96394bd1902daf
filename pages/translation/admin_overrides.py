"""Two wagtail-localize admin views made safe for review.

- PO upload in the translation editor: wagtail-localize skips unknown segments and stores
  invalid HTML without a word. Ours checks the whole file first and reports each problem
  with its line; nothing is applied unless the file is clean.
- "Sync translated pages": with "Publish immediately" (and machine translation), wagtail-localize
  publishes every translation, checking only the submit-translation permission. Ours publishes
  only translations the user may publish and never machine output; the others become drafts.
"""

import contextlib
import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation

from cms.compat import UpdateTranslationsView, apply_machine_translation

from .completeness import completeness
from .drafts import save_translation_draft, target_page
from .po import POFileRejected, apply_entries, parse_po_file
from .review import TRANSLATION_SYNC
from .status import source_differs
from .targets import Target


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    target = target_page(translation)
    if target is None or not Target(target).rights(request.user).edit:
        raise PermissionDenied
    upload = request.FILES.get("file")
    name = getattr(upload, "name", "?")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.po"
        path.write_bytes(upload.read() if upload else b"")
        try:
            checked, entries = parse_po_file(path)
        except POFileRejected as rejected:
            checked, entries = None, []
            for problem in rejected.problems:
                messages.error(request, _("%(file)s, ligne %(line)s : %(message)s") % {
                    "file": name, "line": problem.line, "message": problem.message})
    if checked is not None and checked.pk != translation.pk:
        messages.error(request, _("%(file)s a été exporté pour une autre page ou une autre langue.") % {"file": name})
    elif checked is not None:
        with transaction.atomic():
            changed = apply_entries(translation, entries, user=request.user, tool_name="PO File")
        messages.success(request, _("%(count)s segment(s) importé(s) de %(file)s.") % {"count": changed, "file": name})
    return redirect(get_valid_next_url_from_request(request) or Target(target).edit_url)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """The sync form: "Publish immediately" is offered only to those who may publish every target,
    machine output is never published, and each sync is logged on the source page."""

    def user_can_publish_targets(self):
        for translation in self.object.translations.filter(enabled=True).select_related("target_locale"):
            target = target_page(translation)
            if target is not None and not Target(target).rights(self.request.user).publish:
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.user_can_publish_targets():
            form.fields.pop("publish_translations", None)
        return form

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        source_page = self.object.get_source_instance()
        if not isinstance(source_page, Page) or source_differs(source_page, self.object):
            self.object.update_from_db()  # a sync date moves only on a real change (status.behind_since)
        enabled_translations = list(self.object.translations.filter(enabled=True).select_related("source", "target_locale"))
        machine = bool(form.cleaned_data.get("use_machine_translation"))
        if machine:
            translator = get_machine_translator()
            for translation in enabled_translations:
                apply_machine_translation(translation.id, self.request.user, translator)

        drafted = []
        for translation in enabled_translations:
            if form.cleaned_data["publish_translations"]:
                target = target_page(translation)
                may_publish = (
                    target is not None and Target(target).rights(self.request.user).publish
                    and completeness(translation).complete  # never French fallbacks on a live page
                )
                with contextlib.suppress(ValidationError):
                    if may_publish and not machine:
                        translation.save_target(user=self.request.user, publish=True)
                    else:
                        save_translation_draft(translation, user=self.request.user)
                        drafted.append(translation.target_locale.get_display_name())
            else:
                with contextlib.suppress(ValidationError):
                    translation.source.update_target_view_restrictions(translation.target_locale)

        self.components.save(self.object, sources_and_translations={self.object: enabled_translations})
        source = self.object.get_source_instance()
        if isinstance(source, Page):
            log(instance=source, action=TRANSLATION_SYNC, user=self.request.user,
                data={"source": {"id": str(self.object.object_id), "locale": self.object.locale.language_code}})
        messages.success(self.request, self.get_success_message())
        if drafted:
            messages.warning(self.request, _(
                "Non publié, enregistré en brouillon pour relecture : %(locales)s."
            ) % {"locales": ", ".join(str(d) for d in drafted)})
        return redirect(self.get_success_url() or self.get_default_success_url())
