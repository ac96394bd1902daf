"""Reader navigation: header sections, the sidebar tree of a section, previous/next, table of contents."""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from pages.delivery.http_cache import is_anonymous_request
from pages.reading_facts import LINK_FIELDS, facts_for

register = template.Library()

SECTION_DEPTH = 3  # root (1) > home of a language (2) > section (3)


@register.simple_tag(takes_context=True)
def site_sections(context, page=None):
    """Live, public, menu-visible children of the home page in the current language."""
    language = page.locale.language_code if page else context.get("LANGUAGE_CODE")  # "" when undefined
    return facts_for(context.get("request")).sections(language)


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context, page):
    """The live, public ancestors of the page below the tree root, from the top."""
    return facts_for(context.get("request")).ancestors(page)


@dataclass
class NavNode:
    page: Page
    current: bool = False
    open: bool = False  # the current page is this node or one of its descendants
    children: list = field(default_factory=list)


@dataclass
class SectionNavigation:
    section: NavNode | None = None
    previous: Page | None = None
    next: Page | None = None


def section_navigation(page, request=None):
    """The page's section as a sidebar tree, and its neighbours in reading (tree) order.

    Only the branches on the way to the page are expanded: the section's children, the children
    of each ancestor of the page and the page's own children. Reading the whole section instead
    would make every page view grow with the size of the section (10,000 links in a big one).
    Two queries, three when the previous page is the last descendant of a sibling branch.
    """
    if page is None or not getattr(page, "pk", None) or page.depth < SECTION_DEPTH:
        return SectionNavigation()
    facts = facts_for(request)
    section_path = page.path[: SECTION_DEPTH * Page.steplen]
    open_paths = [page.path[: depth * Page.steplen] for depth in range(SECTION_DEPTH, page.depth + 1)]
    children_of_open = Q()
    for path in open_paths:
        children_of_open |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
    pages = list(
        _visible(page, facts).filter(Q(path=section_path) | children_of_open).order_by("path")
        .only(*LINK_FIELDS)
    )
    # A page whose parent is hidden (draft, private) is left out with its parent.
    nodes = {}
    order = []
    for candidate in pages:
        node = NavNode(candidate, current=candidate.pk == page.pk,
                       open=page.path.startswith(candidate.path))
        if candidate.path == section_path:
            nodes[candidate.path] = node
            order.append(candidate)
            continue
        parent = nodes.get(candidate.path[: -Page.steplen])
        if parent is None:
            continue
        parent.children.append(node)
        nodes[candidate.path] = node
        order.append(candidate)
    root = nodes.get(section_path)
    position = next((i for i, p in enumerate(order) if p.pk == page.pk), None)
    previous = order[position - 1] if position else None
    if previous is not None and previous.numchild and not page.path.startswith(previous.path):
        # A closed sibling branch comes before the page: reading order goes through its last page.
        previous = _last_visible_descendant(page, previous, facts)
    following = order[position + 1] if position is not None and position + 1 < len(order) else None
    return SectionNavigation(section=root, previous=previous, next=following)


def _visible(page, facts):
    return facts.public(Page.objects.live().filter(locale_id=page.locale_id))


def _last_visible_descendant(page, branch, facts, window=50):
    """The last page of ``branch`` in tree order whose ancestors up to ``branch`` are all visible.

    Looks at the last ``window`` visible pages only, so that the cost does not grow with the
    branch; a branch whose last 50 pages all sit under hidden pages falls back to the branch.
    """
    candidates = list(_visible(page, facts).descendant_of(branch).order_by("-path").only(*LINK_FIELDS)[:window])

    def parents(candidate):
        return {candidate.path[: depth * Page.steplen] for depth in range(branch.depth + 1, candidate.depth)}

    needed = set().union(*(parents(c) for c in candidates)) if candidates else set()
    visible = set(_visible(page, facts).filter(path__in=needed).values_list("path", flat=True)) if needed else set()
    return next((c for c in candidates if parents(c) <= visible), branch)


@register.simple_tag(takes_context=True)
def reading_navigation(context, page=None):
    """The section tree and previous/next of a page; the sidebar, the pager and the phone menu
    drawer all read it, once per request, and the next readers from the cache until the tree changes."""
    request = context.get("request")
    if request is None or not getattr(page, "pk", None):
        return section_navigation(page or None, request)
    return facts_for(request).kept_for_page(page, "section_navigation", lambda: section_navigation(page, request))


@dataclass
class TocEntry:
    text: str
    anchor: str
    level: int


def heading_entries(stream):
    """Headings of a StreamField's top level, as the heading blocks render them."""
    from django.utils.text import slugify

    entries = []
    for block in stream or []:
        if block.block_type != "heading":
            continue
        value = block.value
        anchor = value.get("anchor") or slugify(value.get("text", ""))
        level = int(str(value.get("level") or "h2")[1:])
        entries.append(TocEntry(value.get("text", ""), anchor, level))
    return entries


@register.simple_tag
def table_of_contents(page):
    """Entries of the on-page table of contents, from the heading blocks of the page body."""
    return heading_entries(getattr(page, "body", None))


@register.simple_tag
def search_url(language_code=None):
    """The search page of a language: /fr/recherche/ or /en/search/."""
    from django.utils import translation

    language = language_code or get_language() or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse(f"search-{language}")


class KeptWithTreeNode(template.Node):
    def __init__(self, page, name, nodelist):
        self.page, self.name, self.nodelist = page, name, nodelist

    def render(self, context):
        page = self.page.resolve(context, ignore_failures=True)
        request = context.get("request")
        if (request is None or not getattr(page, "pk", None) or context.get("french_page")
                or not is_anonymous_request(request)):
            return self.nodelist.render(context)
        # What the fragment's HTML depends on besides the tree: the interface language (its
        # labels) and the host (`pageurl` gives a relative or an absolute address by site).
        name = f"fragment:{self.name}:{get_language()}:{request.get_host()}"
        html = facts_for(request).kept_for_page(page, name, lambda: str(self.nodelist.render(context)))
        return mark_safe(html)  # noqa: S308 - rendered by this template's own nodes, escaping included


@register.tag
def kept_with_tree(parser, token):
    """`{% kept_with_tree page "header" %}…{% endkept_with_tree %}`: the HTML inside, rendered once
    and kept with the page's other reading facts (translations, section tree) until the page tree
    changes, for every anonymous reader of the live page in one language on one host.

    For the navigation only: what it shows (menu, language switcher, hreflang, breadcrumbs,
    sidebar, pager) is read from the tree, and every publish, unpublish, move, deletion, privacy,
    site or language change renews the stamp it is kept under. A preview, a draft, a signed-in
    reader and an untranslated page shown in its French version are rendered every time.
    """
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError("{% kept_with_tree page \"name\" %} takes a page and a name")
    nodelist = parser.parse(("endkept_with_tree",))
    parser.delete_first_token()
    return KeptWithTreeNode(parser.compile_filter(bits[1]), bits[2].strip("\"'"), nodelist)
