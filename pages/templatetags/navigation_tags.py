"""Reader navigation: header sections, the sidebar tree of a section, previous/next, table of contents."""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from wagtail.models import Page

from .locale_tags import locale_home

register = template.Library()

SECTION_DEPTH = 3  # root (1) > home of a language (2) > section (3)


@register.simple_tag(takes_context=True)
def site_sections(context, page=None):
    """Live, public, menu-visible children of the home page in the current language."""
    language = page.locale.language_code if page else context.get("LANGUAGE_CODE")  # "" when undefined
    home = locale_home(language)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


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


def section_navigation(page):
    """The tree of the page's section and its neighbours in reading (tree) order, in two queries."""
    if page is None or not getattr(page, "pk", None) or page.depth < SECTION_DEPTH:
        return SectionNavigation()
    if page.depth == SECTION_DEPTH:
        section = page
    else:
        section = Page.objects.ancestor_of(page).filter(depth=SECTION_DEPTH).first()
        if section is None:
            return SectionNavigation()
    pages = list(
        Page.objects.descendant_of(section, inclusive=True).live().public()
        .filter(locale_id=page.locale_id).order_by("path")
        .only("id", "path", "depth", "numchild", "title", "slug", "url_path", "locale_id", "draft_title", "live")
    )
    # A page whose parent is hidden (draft, private) is left out with its parent.
    nodes = {}
    order = []
    for candidate in pages:
        node = NavNode(candidate, current=candidate.pk == page.pk,
                       open=page.path.startswith(candidate.path))
        if candidate.depth == section.depth:
            nodes[candidate.path] = node
            order.append(candidate)
            continue
        parent = nodes.get(candidate.path[: -Page.steplen])
        if parent is None:
            continue
        parent.children.append(node)
        nodes[candidate.path] = node
        order.append(candidate)
    root = nodes.get(section.path)
    position = next((i for i, p in enumerate(order) if p.pk == page.pk), None)
    previous = order[position - 1] if position else None
    following = order[position + 1] if position is not None and position + 1 < len(order) else None
    return SectionNavigation(section=root, previous=previous, next=following)


@register.simple_tag
def reading_navigation(page=None):
    """The section tree and previous/next of a page; the sidebar and the pager both read it."""
    return section_navigation(page or None)


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
