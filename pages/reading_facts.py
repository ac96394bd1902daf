"""What the parts of a public page read about the site, read once per request.

The header, the language switcher, hreflang, the section menu, the sidebar and the pager all need
the site, each language's home page, the view restrictions and the page's translations. Each used
to ask the database itself (five reads of the view restrictions for one page); `facts_for(request)`
reads each once and the tags share the answer.
"""

from functools import cached_property

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction, Site


class ReadingFacts:
    def __init__(self, request=None):
        self.request = request
        self._translations = {}

    @cached_property
    def site(self):
        if self.request is not None:
            site = Site.find_for_request(self.request)
            if site is not None:
                return site
        return Site.objects.filter(is_default_site=True).first()

    @cached_property
    def homes(self):
        """Every language's version of the site's root page (live or not), keyed by language code."""
        if self.site is None:
            return {}
        same_key = Page.objects.filter(pk=self.site.root_page_id).values("translation_key")
        return {home.locale.language_code: home
                for home in Page.objects.filter(translation_key__in=same_key).select_related("locale")}

    def home(self, language_code):
        """The home page of a language, else the site's root page (the header's logo link)."""
        homes = self.homes
        if language_code in homes:
            return homes[language_code]
        return next((home for home in homes.values() if home.pk == self.site.root_page_id), None)

    @cached_property
    def restricted_paths(self):
        """Tree paths of the pages with a view restriction (their descendants are private too)."""
        return list(PageViewRestriction.objects.values_list("page__path", flat=True))

    def public(self, pages):
        """`pages.public()` without reading the restrictions again (same rule as Wagtail's `private_q`)."""
        private = Q()
        for path in self.restricted_paths:
            private |= Q(path__startswith=path)
        return pages.exclude(private) if private else pages

    def translations(self, page):
        """{language: the live, public version of `page` in that language}, `page` itself included
        when it is live (a draft seen in preview is never offered)."""
        if page.pk not in self._translations:
            found = {page.locale.language_code: page} if page.live else {}
            for other in self.public(page.get_translations().live()).select_related("locale"):
                found[other.locale.language_code] = other
            self._translations[page.pk] = found
        return self._translations[page.pk]


def facts_for(request):
    """The request's facts, made on first use; a fresh set when there is no request (e-mails, tests)."""
    if request is None:
        return ReadingFacts()
    facts = getattr(request, "_reading_facts", None)
    if facts is None:
        facts = request._reading_facts = ReadingFacts(request)
    return facts
