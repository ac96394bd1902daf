"""The API side of headless preview: one revision, by its signed token, in the API's usual JSON."""

from django.core import signing
from django.urls import path
from django.utils.translation import gettext as _

from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response

from pages.api.v2 import LocalizedPagesAPIViewSet

from .views import read_token


class PagePreviewAPIViewSet(LocalizedPagesAPIViewSet):
    """`/api/v2/page_preview/?token=…`: the revision named by a valid token (views.py),
    as a page detail. Only that revision of that page, only while the token is fresh."""

    known_query_parameters = LocalizedPagesAPIViewSet.known_query_parameters | {"token"}

    def listing_view(self, request):
        token = request.GET.get("token", "")
        try:
            draft = read_token(token)
        except signing.SignatureExpired:
            raise PermissionDenied(_("Ce lien d'aperçu a expiré : relancez l'aperçu depuis l'administration.")) from None
        except signing.BadSignature:
            raise PermissionDenied(_("Ce lien d'aperçu n'est pas valide.")) from None
        if draft is None:
            raise NotFound(_("Cette version de la page n'existe plus."))
        self._preview = draft
        self.action = "detail_view"
        response = Response(self.get_serializer(self._preview).data)
        response["Cache-Control"] = "private, no-store"
        return response

    def get_object(self):
        return self._preview

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
