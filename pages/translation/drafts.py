"""Write translations to the target page as a draft revision: reviewers publish, code never does."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationLog, TranslationSource


def target_page(translation):
    """The target page (or snippet entry) of a translation, or None when it has not been created yet."""
    try:
        return translation.get_target_instance()
    except ObjectDoesNotExist:
        return None


def ensure_translation(page, locale):
    """The Translation of `page` into `locale`, creating the source and translation rows if needed.

    No target page is created here: the first draft creates it.
    """
    source, _created = TranslationSource.get_or_create_from_instance(page.specific)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return translation


@transaction.atomic
def save_translation_draft(translation, user=None):
    """Save the current translations as a new revision of the target, never publishing it.

    A target that is not live yet is written by wagtail-localize itself (it creates the page, under
    translated parents, or the snippet entry, as a draft). A live target must keep serving its
    reviewed text, so the translated content goes into a revision only: wagtail-localize's own
    draft path would write the unreviewed text to the live row (and take a live snippet offline,
    setting `live = publish`).
    """
    target = target_page(translation)
    if target is None or not target.live:
        translation.save_target(user=user, publish=False)
        target = target_page(translation)
        return getattr(target, "specific", target).latest_revision
    instance = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    revision = instance.save_revision(user=user, log_action=True)
    TranslationLog.objects.create(source=translation.source, locale=translation.target_locale, revision=revision)
    return revision


def publish_translation(translation, user):
    """Publish the latest draft of a translation; only for a user allowed to publish that page."""
    page = target_page(translation)
    if page is None:
        raise ObjectDoesNotExist(_("Cette traduction n'a pas encore de page."))
    page = page.specific
    if user is None or not page.permissions_for_user(user).can_publish():
        raise PermissionDenied(_("Vous n'avez pas le droit de publier cette page."))
    revision = page.latest_revision
    revision.publish(user=user)
    return revision


def source_locale():
    from django.conf import settings

    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)
