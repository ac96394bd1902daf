"""Translations go live only through review, pages and reviewed snippets (catalogue entries) alike.

wagtail-localize's own editor offers only "Publish" (reserved to those who may publish), and its
"Sync translated pages" form can publish at once for anyone allowed to submit translations. Here a
translator saves the translation as a draft revision and submits it to the review workflow, and the
sync form (pages/translation/admin_overrides.py) publishes at once only for users allowed to publish.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.log_actions import log
from wagtail.models import Page, TranslatableMixin, WorkflowMixin, WorkflowState
from wagtail_localize.models import Translation

from cms.compat import convert_to_alias

from .completeness import completeness, require_complete
from .drafts import save_translation_draft
from .targets import Target

TRANSLATION_SYNC = "studiobib.translation_sync"


def incomplete_translation(obj):
    """The completeness of `obj` when it is a translation (a page or a snippet entry) with
    untranslated segments, else None.

    Such a translation is not publishable (pages/translation/completeness.py): the review step
    offers no "approve" and refuses it, and the submit view lists what is left.
    """
    if not isinstance(obj, TranslatableMixin):
        return None
    translation = translation_for(obj)
    if translation is None:
        return None
    result = completeness(translation)
    return None if result.complete else result


def translation_for(obj):
    """The wagtail-localize translation that fills this page or snippet, or None for a source."""
    return (
        Translation.objects.filter(source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True)
        .exclude(source__locale_id=obj.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def submit_translation_for_review(obj, user):
    """Save the translated text as a draft revision, log it, and put the page or entry into review.

    A live target keeps serving its reviewed text: the draft goes into a revision only
    (drafts.save_translation_draft).
    """
    target = Target(obj)
    if not target.rights(user).submit:
        raise PermissionDenied
    translation = translation_for(target.obj)
    if translation is None:
        raise PermissionDenied(_("Ce contenu n'est pas une traduction."))
    require_complete(translation)  # ValidationError listing what is left to translate

    revision = save_translation_draft(translation, user=user)
    target = target.refreshed()
    obj = target.obj
    log(instance=obj, action=TRANSLATION_SYNC, user=user, revision=revision,
        data={"source": {"id": translation.source.object_id, "locale": translation.source.locale.language_code}})

    state = obj.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow = obj.get_workflow()
        if workflow is None:
            raise PermissionDenied(_("Aucun processus de révision ne s'applique à ce contenu."))
        workflow.start(obj, user)
    return obj


def _submit(request, obj):
    """The confirmation screen (GET) and the sending (POST) of a translation to review."""
    target = Target(obj)
    translation = translation_for(target.obj)
    if translation is None or not target.rights(request.user).submit:
        raise PermissionDenied
    if request.method == "POST":
        try:
            submit_translation_for_review(target.obj, request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("La traduction « %(title)s » est envoyée à la révision.") % {"title": target})
            return redirect(target.done_url)
    return TemplateResponse(request, "pages/translation/submit_to_review.html", {
        "object": target.obj, "title": str(target), "in_review": target.obj.workflow_in_progress,
        "completeness": completeness(translation),
        "edit_url": target.edit_url, "submit_url": target.submit_url,
    })


@require_http_methods(["GET", "POST"])
def submit_translation_view(request, page_id):
    return _submit(request, get_object_or_404(Page, pk=page_id))


@require_http_methods(["GET", "POST"])
def submit_snippet_translation_view(request, app_label, model_name, pk):
    """The same for a reviewed snippet (a catalogue entry): only registered snippet models that go
    through a workflow, and only their translations."""
    from django.apps import apps
    from django.contrib.admin.utils import unquote
    from django.http import Http404

    from wagtail.snippets.models import get_snippet_models

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as missing:
        raise Http404 from missing
    if model not in get_snippet_models() or not (issubclass(model, TranslatableMixin) and issubclass(model, WorkflowMixin)):
        raise Http404
    return _submit(request, get_object_or_404(model, pk=unquote(pk)))


def reviewed_convert_to_alias(request, page_id):
    """Turning a translation into an alias of its source puts the source's text live at once: only for
    users who may publish that page."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
