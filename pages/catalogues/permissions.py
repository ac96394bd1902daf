"""Who may change which catalogue entry, as with the two page trees.

French entries are written by those who may add entries (Rédaction, Révision). Their translations
are changed by those who may ask for translations (Traduction) or publish entries (Révision): an
editor does not touch the English entries, a translator does not rewrite the French ones.
Wagtail's snippet editor checks the model permission only, so `refuse_entries_outside_the_role`
(wagtail_hooks.py) applies this rule to each entry.
"""

from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy

from pages.translation.permissions import SUBMIT_TRANSLATION


class CataloguePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission_for_instance(self, user, action, instance):
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action != "change":
            return True
        if instance.locale_id == Locale.get_default().pk:
            return self.user_has_permission(user, "add")
        return user.has_perm(SUBMIT_TRANSLATION) or self.user_has_permission(user, "publish")
