"""The catalogues in the API v2: `/api/v2/software/` and `/api/v2/model_sources/`, live entries only,
with the catalogue block's filters (`?category=&free=&remote=&library=&locale=`)."""

from django.utils.translation import gettext as _

from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from .filters import live_in, software_query
from .models import ModelSource, Software


def _locale(request):
    code = request.GET.get("locale")
    if not code:
        return None
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise BadRequestError(_("Langue inconnue : %(code)s.") % {"code": code[:20]})
    return locale


class CatalogueSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)  # the language code, as for pages


class CatalogueAPIViewSet(BaseAPIViewSet):
    base_serializer_class = CatalogueSerializer
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
    meta_fields = [*BaseAPIViewSet.meta_fields, "locale", "key"]
    listing_default_fields = [*BaseAPIViewSet.listing_default_fields, "name", "locale", "key"]

    def live_entries(self, locale):
        if locale is None:
            return self.model.objects.filter(live=True)
        return live_in(self.model, locale)

    def get_queryset(self):
        locale = _locale(self.request)
        return self.live_entries(locale).select_related("locale").order_by("name", "locale__language_code")


class SoftwareAPIViewSet(CatalogueAPIViewSet):
    model = Software
    name = "software"
    known_query_parameters = CatalogueAPIViewSet.known_query_parameters.union(
        ["category", "free", "remote", "library"])
    body_fields = [*BaseAPIViewSet.body_fields, "name", "category", "description", "free_licence",
                   "download_allowed", "remote_access", "guide_href", "library_list"]
    listing_default_fields = [*CatalogueAPIViewSet.listing_default_fields, "category", "free_licence",
                              "remote_access", "guide_href"]

    def get_queryset(self):
        locale = _locale(self.request)
        if self.request.GET.keys() & {"category", "free", "remote", "library"}:
            locales = [locale] if locale else list(Locale.objects.all())
            pks = [e.pk for loc in locales for e in software_query(self.request.GET, loc).entries
                   if locale or e.locale_id == loc.pk]
            queryset = Software.objects.filter(pk__in=pks)
        else:
            queryset = self.live_entries(locale)
        return queryset.select_related("locale", "guide_page").order_by("name", "locale__language_code")


class ModelSourceAPIViewSet(CatalogueAPIViewSet):
    model = ModelSource
    name = "model_sources"
    body_fields = [*BaseAPIViewSet.body_fields, "name", "url", "kind", "pricing"]
    listing_default_fields = [*CatalogueAPIViewSet.listing_default_fields, "url", "kind", "pricing"]
