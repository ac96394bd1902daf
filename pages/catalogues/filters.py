"""Which entries a reader asked for: the same GET filters for the catalogue block and the API."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q

from wagtail.models import Locale

from .models import ModelSource, Software, split_libraries

TRUE_WORDS = {"1", "true", "oui", "yes", "on"}
FALSE_WORDS = {"0", "false", "non", "no", "off"}
MAX_PARAM = 200


def yes_no(value):
    """True, False or None (no filter) from a query-string value."""
    value = (value or "").strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    return None


def live_in(model, locale):
    """The live entries in `locale`, and the French (default) ones not yet translated there."""
    own = model.objects.filter(locale=locale, live=True)
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None or default == locale:
        return own
    missing = model.objects.filter(locale=default, live=True).exclude(
        translation_key__in=own.values("translation_key"))
    return model.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=missing.values("pk")))


@dataclass
class SoftwareQuery:
    category: str = ""
    library: str = ""
    free: bool | None = None
    remote: bool | None = None
    categories: list = field(default_factory=list)
    libraries: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    total: int = 0

    @property
    def filtered(self):
        return bool(self.category or self.library or self.free is not None or self.remote is not None)


def software_query(params, locale=None):
    """Filter the live software of `locale` (default: the active language) by the GET `params`."""
    locale = locale or Locale.get_active()
    everything = list(live_in(Software, locale).select_related("guide_page", "locale").order_by("name"))
    query = SoftwareQuery(
        category=(params.get("category") or "")[:MAX_PARAM].strip(),
        library=(params.get("library") or "")[:MAX_PARAM].strip(),
        free=yes_no(params.get("free")), remote=yes_no(params.get("remote")),
    )
    query.categories = sorted({e.category for e in everything if e.category}, key=str.casefold)
    query.libraries = sorted({name for e in everything for name in split_libraries(e.libraries)}, key=str.casefold)
    query.total = len(everything)
    localize_guides(everything, locale)
    link_libraries(everything, locale)
    query.entries = [
        e for e in everything
        if (not query.category or e.category == query.category)
        and (query.free is None or e.free_licence == query.free)
        and (query.remote is None or e.remote_access == query.remote)
        and (not query.library or query.library in split_libraries(e.libraries))
    ]
    return query


def localize_guides(entries, locale):
    """Each entry's guide in the entry's language, found for all entries in one query."""
    from wagtail.models import Page

    keys = {e.guide_page.translation_key for e in entries if e.guide_page_id}
    found = {(p.translation_key, p.locale_id): p for p in Page.objects.filter(translation_key__in=keys, live=True)}
    for entry in entries:
        if entry.guide_page_id:
            entry._localized_guide = found.get((entry.guide_page.translation_key, entry.locale_id), entry.guide_page)


def link_libraries(entries, locale):
    """Each entry's libraries as (name, url): a library links to the live page of that name in the
    reader's language when the site has one (a space or a library's page), found in one query."""
    from wagtail.models import Page

    names = {name for e in entries for name in split_libraries(e.libraries)}
    pages = {p.title: p for p in Page.objects.live().public().filter(locale=locale, title__in=names)} if names else {}
    for entry in entries:
        entry.library_links = [(name, pages[name].url if name in pages else "")
                               for name in split_libraries(entry.libraries)]


def model_sources(locale=None):
    locale = locale or Locale.get_active()
    return list(live_in(ModelSource, locale).select_related("locale").order_by("name"))
