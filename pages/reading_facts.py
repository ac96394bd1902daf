"""What the parts of a public page read about the site, read once per request.

The header, the language switcher, hreflang, the section menu, the sidebar and the pager all need
the site, each language's home page, the view restrictions and the page's translations. Each used
to ask the database itself (five reads of the view restrictions for one page); `facts_for(request)`
reads each once and the tags share the answer. What is the same on every page of a site (home
pages, header sections, view restrictions, which also give the API its public pages), and what
every reader of one page sees the same way (its translations, its section tree and neighbours, the
HTML of its navigation), is also kept in the page cache's store until the page tree changes: every
publish, unpublish, move, deletion or privacy change renews the stamp it is kept under
(`pages.delivery.page_cache.LISTINGS_KEY`, the signals of `pages.delivery.signals`).
"""

from functools import cached_property

from django.db.models import F, Q

from wagtail.models import Page, PageViewRestriction, Site

from cms.compat import remembered_parent
from pages.delivery import page_cache
from pages.delivery.site_cache import write_after_render

# What a link to a page reads of it (title, address, language); the sidebar and the pager too.
# Reading every column of a page costs more to build and to turn into objects than the query itself.
LINK_FIELDS = ("id", "path", "depth", "numchild", "title", "slug", "url_path", "locale_id", "draft_title", "live")


class ReadingFacts:
    def __init__(self, request=None):
        self.request = request
        self._translations = {}
        self._page_entries = {}
        self._unwritten = set()

    @cached_property
    def site(self):
        if self.request is not None:
            site = Site.find_for_request(self.request)
            if site is not None:
                return site
        return Site.objects.filter(is_default_site=True).first()

    @cached_property
    def _site_wide(self):
        """{"homes", "sections", "restrictions"} of the site, from the cache while the tree is unchanged."""
        if self.site is None:
            return {"homes": {}, "sections": {}, "restrictions": self._read_restrictions()}
        key = f"reading:site-wide:{self.site.pk}:{self.site.root_page_id}"
        stamp, facts = page_cache.read_stamped(page_cache.LISTINGS_KEY, key)
        if facts is None:
            restrictions = self._read_restrictions()
            homes, sections = self._read_homes_and_sections([r.page_path for r in restrictions])
            facts = {"restrictions": restrictions, "homes": homes, "sections": sections}
            page_cache.write_stamped(key, stamp, facts)
        return facts

    def _read_restrictions(self):
        """Every view restriction, with its page's tree path (`page_path`): whether a request passes
        one is asked of the restriction itself (`accept_request`), as Wagtail's API does."""
        return list(PageViewRestriction.objects.annotate(page_path=F("page__path")).order_by("page__path"))

    def _read_homes_and_sections(self, restricted_paths):
        """Every language's home (the site root's translations, live or not) and, by language, its
        live, public, menu-visible children (the header's sections), in one query.

        The children are asked for by depth alone, the level below the site's root; those of other
        parents (another site's homes) are left out here.
        """
        same_key = Page.objects.filter(pk=self.site.root_page_id).values("translation_key")
        section_depth = self.site.root_page.depth + 1
        below_homes = Q(depth=section_depth, live=True, show_in_menus=True)
        homes, children = {}, []
        pages = Page.objects.filter(Q(translation_key__in=same_key) | below_homes).select_related("locale")
        for page in pages.only(*LINK_FIELDS, "locale__language_code").order_by("path"):
            if page.depth == section_depth:
                children.append(page)
            else:
                homes[page.locale.language_code] = page
        code_of = {home.path: code for code, home in homes.items()}
        sections = {code: [] for code in homes}
        for page in children:
            code = code_of.get(page.path[: -Page.steplen])
            if code is not None and not is_private(page, restricted_paths):
                sections[code].append(page)
        return homes, sections

    @property
    def homes(self):
        """Every language's version of the site's root page (live or not), keyed by language code."""
        return self._site_wide["homes"]

    def home(self, language_code):
        """The home page of a language, else the site's root page (the header's logo link)."""
        homes = self.homes
        if language_code in homes:
            return homes[language_code]
        return next((home for home in homes.values() if home.pk == self.site.root_page_id), None)

    def sections(self, language_code):
        """The header's sections: the live, public, menu-visible children of that language's home."""
        home = self.home(language_code)
        if home is None:
            return []
        code = home.locale.language_code
        return list(self._site_wide["sections"].get(code, []))

    @cached_property
    def restricted_paths(self):
        """Tree paths of the pages with a view restriction (their descendants are private too)."""
        return [restriction.page_path for restriction in self._site_wide["restrictions"]]

    def api_public_pages(self, model=Page):
        """Wagtail's `get_public_pages_queryset(request, model)` (the API's live pages this reader may
        read, on the request's site, in every language), built from the facts instead of two queries.

        The same rules: the pages under a restriction the request does not pass are left out, and
        the site's root page and each of its translations (`homes`) bound the tree.
        """
        queryset = model._default_manager.all().live()
        for restriction in self._site_wide["restrictions"]:
            if not restriction.accept_request(self.request):
                queryset = queryset.exclude(path__startswith=restriction.page_path)  # not_descendant_of, inclusive
        if self.site is None:
            return queryset.none()
        roots = sorted(self.homes.values(), key=lambda home: home.pk != self.site.root_page_id)
        if not any(home.pk == self.site.root_page_id for home in roots):
            roots.insert(0, self.site.root_page)
        scoped = queryset.descendant_of(roots[0], inclusive=True)
        for translation in roots[1:]:
            scoped |= queryset.descendant_of(translation, inclusive=True)
        return scoped

    def public(self, pages):
        """`pages.public()` without reading the restrictions again (same rule as Wagtail's `private_q`)."""
        return _exclude_private(pages, self.restricted_paths)

    def is_public(self, page):
        return not is_private(page, self.restricted_paths)

    def ancestors(self, page):
        """The live, public ancestors of `page` below the tree root, from the top (the breadcrumbs).

        Routing a request already loaded them (Wagtail keeps each page's parent on it); a page
        reached otherwise costs one query.
        """
        chain, current = [], page
        while current.depth > 2:
            current = remembered_parent(current)
            if current is None:
                chain = None
                break
            chain.append(current)
        if chain is None:
            chain = list(Page.objects.filter(path__in=[page.path[: depth * Page.steplen]
                                                       for depth in range(2, page.depth)]))
        return sorted((a for a in chain if a.live and self.is_public(a)), key=lambda a: a.depth)

    def translations(self, page):
        """{language: the live, public version of `page` in that language}, `page` itself included
        when it is live (a draft seen in preview is never offered)."""
        if page.pk not in self._translations:
            self._translations[page.pk] = self.kept_for_page(page, "translations", lambda: self._read_translations(page))
        return self._translations[page.pk]

    def _read_translations(self, page):
        found = {page.locale.language_code: page} if page.live else {}
        others = page.get_translations().live().select_related("locale").only(*LINK_FIELDS, "locale__language_code")
        for other in self.public(others):
            found[other.locale.language_code] = other
        return found

    def kept_for_page(self, page, name, read):
        """`read()`, kept per page under the tree's stamp: what every reader of a live page sees
        the same way (its translations, its place in its section), whoever they are.

        A preview shows a draft, whose answers may differ from the live page's: read, not kept.
        """
        if self.request is None or getattr(self.request, "is_preview", False) or not page.live:
            return read()
        if page.pk not in self._page_entries:
            key = f"reading:page:{page.pk}"
            stamp, entry = page_cache.read_stamped(page_cache.LISTINGS_KEY, key)
            self._page_entries[page.pk] = (key, stamp, entry or {})
        key, stamp, entry = self._page_entries[page.pk]
        if name not in entry:
            entry[name] = read()
            # The first reader of a page adds its translations, section tree and navigation one
            # after the other: its entry is written once, after the response is rendered.
            if write_after_render(self.request, self.write_kept):
                self._unwritten.add(page.pk)
            else:
                page_cache.write_stamped(key, stamp, entry)
        return entry[name]

    def write_kept(self):
        """Write each page entry that gained answers during the request, once."""
        for pk in sorted(self._unwritten):
            page_cache.write_stamped(*self._page_entries[pk])
        self._unwritten.clear()


def is_private(page, restricted_paths):
    """Whether `page` is a restricted page or below one, by the restricted pages' tree paths."""
    return any(page.path.startswith(path) for path in restricted_paths)


def _exclude_private(pages, restricted_paths):
    private = Q()
    for path in restricted_paths:
        private |= Q(path__startswith=path)
    return pages.exclude(private) if private else pages


def facts_for(request):
    """The request's facts, made on first use; a fresh set when there is no request (e-mails, tests)."""
    if request is None:
        return ReadingFacts()
    facts = getattr(request, "_reading_facts", None)
    if facts is None:
        facts = request._reading_facts = ReadingFacts(request)
    return facts
