"""Who may work on a translation: the one rule every translation view checks.

A translator never needs rights on the French tree: starting, pre-translating, syncing and saving
a draft of an English page are all acts on the English tree. The rule is therefore "may ask for
translations" (wagtail-localize's `submit_translation`) and "may edit the English page", or, before
it exists, "may add pages under the English parent".
"""

from django.utils.translation import gettext as _

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


def translated_parent(page, locale):
    """The translation into `locale` of the French page's parent (None: it must be translated first)."""
    parent = page.get_parent()
    return parent.specific.get_translation_or_none(locale) if parent is not None else None


def may_translate(user, page, locale):
    """True when `user` may start or continue the translation of the French `page` into `locale`."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm(SUBMIT_TRANSLATION):
        return False
    target = page.get_translation_or_none(locale)
    if target is not None:
        return target.permissions_for_user(user).can_edit()
    parent = translated_parent(page, locale)
    return parent is not None and parent.permissions_for_user(user).can_add_subpage()


def why_not_startable(page, locale):
    """A reason the translation cannot be started at all (whoever asks), or None."""
    if page.get_translation_or_none(locale) is None and translated_parent(page, locale) is None:
        return _("Traduisez d'abord la page parente « %(parent)s » : la traduction doit s'y rattacher.") % {
            "parent": page.get_parent().title}
    return None
