"""Admin side of the catalogues: two translatable snippets with review, under one menu."""

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ModelSource, Software
from .permissions import CataloguePermissionPolicy
from .views import CatalogueIndexView, ImportView, export_view


class SoftwareViewSet(SnippetViewSet):
    model = Software
    index_view_class = CatalogueIndexView
    icon = "desktop"
    menu_label = _("Logiciels")
    menu_name = "software"
    list_display = ["name", "category", "locale", "live"]
    list_filter = ["locale", "live", "free_licence", "remote_access"]
    search_backend_name = None  # a hundred entries: plain database lookups
    search_fields = ["name", "category", "description"]


class ModelSourceViewSet(SnippetViewSet):
    model = ModelSource
    index_view_class = CatalogueIndexView
    icon = "site"
    menu_label = _("Sources de modèles 3D")
    menu_name = "model-sources"
    list_display = ["name", "kind", "pricing", "locale", "live"]
    list_filter = ["locale", "live", "pricing"]
    search_backend_name = None
    search_fields = ["name", "kind"]


class CataloguesViewSetGroup(SnippetViewSetGroup):
    items = (SoftwareViewSet, ModelSourceViewSet)
    menu_icon = "list-ul"
    menu_label = _("Catalogues")
    menu_name = "catalogues"
    menu_order = 275


for _model in (Software, ModelSource):
    register_permission_policy(_model, CataloguePermissionPolicy(_model))
register_snippet(CataloguesViewSetGroup)


@hooks.register("before_edit_snippet", order=-1)  # before wagtail-localize opens its editor on a translation
def refuse_entries_outside_the_role(request, instance):
    """Wagtail's snippet editor checks the model permission only: here each entry answers to
    CataloguePermissionPolicy, so a translator cannot open or save a French entry, nor an editor an English one."""
    if isinstance(instance, (Software, ModelSource)) and not instance.snippet_viewset.permission_policy.user_has_permission_for_instance(
            request.user, "change", instance):
        raise PermissionDenied

# The roles' group names (pages.review.workflows checks them; not imported from there: review reads
# the pages, whose blocks list the catalogues). Editors write and submit; reviewers publish.
GRANTS = {
    "Rédaction": ["add", "change", "view"],
    "Révision": ["add", "change", "delete", "publish", "lock", "unlock", "view"],
    "Traduction": ["change", "view"],
}
MODELS = ("software", "modelsource")


@hooks.register("register_role_grants")
def catalogue_grants():
    return {group: [("catalogues", model, actions) for model in MODELS] for group, actions in GRANTS.items()}


@hooks.register("register_review_workflow_models")
def catalogue_review():
    """Catalogue entries go through the same review as pages."""
    return [Software, ModelSource]


@hooks.register("register_admin_urls")
def catalogue_exchange_urls():
    return [
        path("catalogues/<str:model_name>/export/", export_view, name="catalogue_export"),
        path("catalogues/<str:model_name>/import/", ImportView.as_view(), name="catalogue_import"),
    ]
