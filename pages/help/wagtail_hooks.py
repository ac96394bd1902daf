"""Admin side of the help boxes: a translatable snippet with its own menu entry."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpBox


class HelpBoxViewSet(SnippetViewSet):
    model = HelpBox
    icon = "help"
    menu_label = _("Encadrés d'aide")
    menu_name = "help-boxes"
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["title", "name", "locale"]
    list_filter = ["locale"]
    search_backend_name = None  # a handful of boxes: plain database lookups


register_snippet(HelpBoxViewSet)


@hooks.register("register_role_grants")
def help_box_grants():
    """Editors and reviewers write the help boxes (shared by many pages); translators translate them."""
    return {
        # The roles' group names (pages.review.workflows checks them; not imported from there:
        # review reads the pages, whose blocks use the help boxes).
        "Rédaction": [("help", "helpbox", ["add", "change", "view"])],
        "Révision": [("help", "helpbox", ["add", "change", "delete", "view"])],
        "Traduction": [("help", "helpbox", ["change", "view"])],
    }
