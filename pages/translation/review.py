"""Translations go live only through review.

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
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from wagtail.log_actions import log
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation

from cms.compat import convert_to_alias

from .completeness import completeness, require_complete

TRANSLATION_SYNC = "studiobib.translation_sync"


def incomplete_translation(page):
    """The completeness of `page` when it is a translation with untranslated segments, else None.

    Such a page is not publishable (pages/translation/completeness.py): the review step offers no
    "approve" and refuses it, and the submit view lists what is left.
    """
    if not isinstance(page, Page):
        return None
    translation = translation_for(page)
    if translation is None:
        return None
    result = completeness(translation)
    return None if result.complete else result


def translation_for(page):
    """The wagtail-localize translation that fills this page, or None for a source page."""
    return (
        Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True)
        .exclude(source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
        .first()
    )


@transaction.atomic
def submit_translation_for_review(page, user):
    """Save the translated text as a draft revision, log it, and put the page into review.

    A live page keeps serving its reviewed text: the draft goes into a revision only (see
    PLATFORM notes on `save_target(publish=False)`, which would write the live row).
    """
    page = page.specific
    perms = page.permissions_for_user(user)
    if not (perms.can_edit() and perms.can_submit_for_moderation()):
        raise PermissionDenied
    translation = translation_for(page)
    if translation is None:
        raise PermissionDenied(_("Cette page n'est pas une traduction."))
    require_complete(translation)  # ValidationError listing what is left to translate

    if page.live:
        draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        revision = draft.save_revision(user=user, log_action=True)
    else:
        translation.save_target(user=user, publish=False)
        page = Page.objects.get(pk=page.pk).specific
        revision = page.get_latest_revision()
    log(instance=page, action=TRANSLATION_SYNC, user=user, revision=revision,
        data={"source": {"id": translation.source.object_id, "locale": translation.source.locale.language_code}})

    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow = page.get_workflow()
        if workflow is None:
            raise PermissionDenied(_("Aucun processus de révision ne s'applique à cette page."))
        workflow.start(page, user)
    return page


@require_http_methods(["GET", "POST"])
def submit_translation_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if translation_for(page) is None:
        raise PermissionDenied
    perms = page.permissions_for_user(request.user)
    if not (perms.can_edit() and perms.can_submit_for_moderation()):
        raise PermissionDenied
    if request.method == "POST":
        try:
            submit_translation_for_review(page, request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        else:
            messages.success(request, _("La traduction « %(title)s » est envoyée à la révision.") % {"title": page.title})
            return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(request, "pages/translation/submit_to_review.html", {
        "page": page, "in_review": page.workflow_in_progress,
        "completeness": completeness(translation_for(page)),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "submit_url": reverse("studiobib_submit_translation", args=[page.pk]),
    })


def reviewed_convert_to_alias(request, page_id):
    """Turning a translation into an alias of its source puts the source's text live at once: only for
    users who may publish that page."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert_to_alias(request, page_id)
