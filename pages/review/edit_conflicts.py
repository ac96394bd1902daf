"""Two people editing the same page: the second to save is told, and nothing is lost.

Wagtail keeps every save as a revision, and its editing-session ping warns an open editor when
someone else saves — but only every few seconds and only with JavaScript. A form posted from an
editor opened before another person's save (its ``loaded_revision_id`` is no longer the latest)
is still saved, as a new revision; these hooks then tell its author who saved in between, and
link to the comparison of the two versions, so the other person's changes can be carried over.
Autosave requests are left to Wagtail, which refuses an out-of-date autosave itself.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.utils.timestamps import render_timestamp

NEWER_REVISIONS = "_studiobib_newer_revisions"


def newer_revisions(request, page):
    """Revisions saved by others since this form was loaded (empty when it is up to date)."""
    latest = page.get_latest_revision()
    if latest is None:
        return []
    if own := request.POST.get("overwrite_revision_id"):  # the editor's own autosaved revision
        loaded_id, loaded_at = own, None
    else:
        loaded_id, loaded_at = (
            request.POST.get("loaded_revision_id"),
            request.POST.get("loaded_revision_created_at"),
        )
    if not loaded_id or not loaded_id.isdigit():
        return []  # an old form without the fields: nothing to compare with
    if str(latest.pk) == loaded_id and (
        loaded_at is None or loaded_at == latest.created_at.isoformat()
    ):
        return []
    loaded = page.revisions.filter(pk=loaded_id).first()
    since = loaded.created_at if loaded and str(latest.pk) != loaded_id else None
    newer = page.revisions.select_related("user").order_by("created_at", "pk")
    newer = newer.filter(created_at__gt=since) if since else newer.filter(pk=latest.pk)
    return [revision for revision in newer if revision.user_id != request.user.pk]


@hooks.register("before_edit_page")
def remember_newer_revisions(request, page):
    if request.method == "POST" and request.accepts("text/html"):  # as Wagtail tells autosave apart
        setattr(request, NEWER_REVISIONS, newer_revisions(request, page))


@hooks.register("after_edit_page")
def warn_about_newer_revisions(request, page):
    newer = getattr(request, NEWER_REVISIONS, None)
    if not newer:
        return
    others = ", ".join(
        dict.fromkeys(get_user_display_name(r.user) if r.user else _("Système") for r in newer)
    )
    message = _(
        "Pendant que vous modifiiez cette page, %(users)s en a enregistré une autre version (%(when)s). "
        "Votre enregistrement est devenu la version courante et l’autre version reste dans l’historique : "
        "comparez-les pour reprendre ce qui manquerait."
    ) % {"users": others, "when": render_timestamp(newer[-1].created_at)}
    latest = page.get_latest_revision()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, newer[-1].pk, latest.pk]
    )
    messages.warning(
        request, message, buttons=[messages.button(compare, _("Comparer les versions"))]
    )
