"""Admin side of the live services: the site-wide notices, as a translatable snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteNotice


class SiteNoticeViewSet(SnippetViewSet):
    model = SiteNotice
    icon = "warning"
    menu_label = _("Avis du site")
    menu_name = "site-notices"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "severity", "starts_at", "ends_at", "locale"]
    list_filter = ["severity", "locale"]
    search_backend_name = None  # a handful of notices: plain database lookups


register_snippet(SiteNoticeViewSet)


@hooks.register("register_role_grants")
def notice_grants():
    """Reviewers write the site-wide notices (they go live at once); translators translate them."""
    return {
        # The roles' group names (checked by pages.review.workflows, which reads the pages).
        "Révision": [("live", "sitenotice", ["add", "change", "delete", "view"])],
        "Traduction": [("live", "sitenotice", ["change", "view"])],
    }
