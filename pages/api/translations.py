"""API: each page's translations (language → id, URL, status) and what a reader may rely on about
its language. The API layer adds both fields to every content page (`attach_translation_fields`,
called once the models are loaded), so the page models know nothing of translation."""

from django.apps import apps
from django.conf import settings

from wagtail.api import APIField

from rest_framework.fields import Field


def translations_map(page, request=None, public_pages=None):
    """{language: {"id", "url", "status"}} for every content language, the page's own included.

    `status` is "source" for the French page, else the state of that translation (missing,
    in_progress, outdated, up_to_date). Another language's page gets an id and a URL only when
    the requester could read it at that URL: live, and past every view restriction on it or its
    ancestors (a request-less caller, as API v3's field resolver, counts as anonymous). API v2
    passes its `public_pages` queryset (what this requester may read), which answers that in one
    query.

    Reads the locales and every language's version of the page (with its live revision, which the
    status needs) once, and hands each version to the status, which would otherwise find it again.
    """
    from wagtail.models import Page

    from cms.compat import all_locales
    from pages.translation.status import Status, translation_state

    locales = {locale.language_code: locale for locale in all_locales()}
    code_of = {locale.pk: code for code, locale in locales.items()}
    pages = {page.locale.language_code: page}
    for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).select_related(
        "live_revision"
    ):
        if other.locale_id in code_of:
            pages[code_of[other.locale_id]] = other
    french = pages.get(settings.LANGUAGE_CODE)

    def readable(other):
        if public_pages is not None:
            return public_pages.filter(pk=other.pk).exists()
        return readable_by(other, request)

    result = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        other = pages.get(code)
        live = other is not None and other.live and (other is page or readable(other))
        if code == settings.LANGUAGE_CODE:
            status = "source" if other is not None else Status.MISSING.value
        elif french is None or code not in locales:
            status = "untracked" if other is not None else Status.MISSING.value
        else:
            status = str(translation_state(french.specific, locales[code], target=other).status)
        result[code] = {
            "id": other.pk if live else None,
            "url": other.get_full_url(request=request) if live else None,
            "status": status,
        }
    return result


def readable_by(page, request):
    """Whether the reader of `request` (None: anonymous) passes every view restriction of `page`."""
    for restriction in page.get_view_restrictions():
        if request is None or not restriction.accept_request(request):
            return False
    return True


class TranslationsField(Field):
    """Read-only API field: use as APIField("translations", serializer=TranslationsField(source="*")).

    Filled in the detail view only; listings stay light (the status costs a few queries per page),
    as for image renditions. A listing gives null: fetch the page's detail_url for the map.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page):
        view = self.context.get("view")
        if view is not None and getattr(view, "action", None) == "listing_view":
            return None
        return self.detail(page, self.context.get("request"))

    def detail(self, page, request):
        return translations_map(page, request, public_pages=self.context.get("base_queryset"))


class ReaderCompletenessField(TranslationsField):
    """Read-only API field (v2 detail, v3): `reader_completeness` of the page; null in v2 listings."""

    def detail(self, page, request):
        from pages.translation.public import reader_completeness

        return reader_completeness(page)


def translation_api_fields():
    return [
        # language -> id, URL, translation status (the page's locale is in meta.locale)
        APIField("translations", serializer=TranslationsField(source="*")),
        # is untranslated French on this page, is it behind its French version (detail view)
        APIField("translation_completeness", serializer=ReaderCompletenessField(source="*")),
    ]


def attach_translation_fields():
    """Give every content page type the two translation fields, after its own (v2 and v3 read them)."""
    from pages.models import ContentPage

    for model in apps.get_models():
        if issubclass(model, ContentPage) and not any(f.name == "translations" for f in model.api_fields):
            model.api_fields = [*model.api_fields, *translation_api_fields()]
