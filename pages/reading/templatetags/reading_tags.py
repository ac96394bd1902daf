"""Template tags of the reading chrome: on-this-page contents, titles, video consent, 404 ways on."""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from wagtail.models import Page

from pages.reading_facts import facts_for
from pages.templatetags.navigation_tags import SECTION_DEPTH

register = template.Library()

TOC_LEVELS = {"h2": 2, "h3": 3}
# Where `{{ page_toc_here }}` puts the contents: below the title, above the summary and hero.
TOC_MARK = "<!-- page-toc -->"


class _HeadingCollector(HTMLParser):
    """The h2 and h3 elements that carry an id, in document order, with their text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries = []
        self._open = None  # [tag, id, text parts] of the heading being read

    def handle_starttag(self, tag, attrs):
        if tag in TOC_LEVELS and self._open is None:
            anchor = dict(attrs).get("id")
            if anchor:
                self._open = [tag, anchor, []]

    def handle_endtag(self, tag):
        if self._open is not None and tag == self._open[0]:
            tag, anchor, parts = self._open
            text = " ".join("".join(parts).split())
            if text:
                self.entries.append({"anchor": anchor, "text": text, "level": TOC_LEVELS[tag]})
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open[2].append(data)


def headings_of(html):
    collector = _HeadingCollector()
    collector.feed(html)
    collector.close()
    return collector.entries


class PageTocNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        with context.push(page_toc_here=mark_safe(TOC_MARK)):  # noqa: S308 - a constant comment
            body = self.nodelist.render(context)
        entries = headings_of(body)
        toc = render_to_string("reading/toc.html", {"entries": entries}) if entries else ""
        if TOC_MARK in body:
            return mark_safe(body.replace(TOC_MARK, toc, 1))  # noqa: S308 - both rendered by templates
        return mark_safe(toc + body)  # noqa: S308 - both rendered by templates


@register.tag
def page_toc(parser, token):
    """`{% page_toc %}…{% endpage_toc %}`: "On this page" for everything rendered inside, placed
    where `{{ page_toc_here }}` stands (else first).

    The page type's own sections (practical information, steps, gallery…) and the body's heading
    blocks are read from the rendered HTML, so the contents follow document order and every
    template section with an id, whatever the page type, with no query.
    """
    nodelist = parser.parse(("endpage_toc",))
    parser.delete_first_token()
    return PageTocNode(nodelist)


@register.filter(is_safe=True)
def with_site_name(title):
    """« Page · studio·bib », or the site's name alone when the page is the site's name (home)."""
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "") or "studio·bib"
    title = " ".join(str(title).split())
    if not title or title.casefold() == site_name.casefold():
        return site_name
    return f"{title} · {site_name}"


@register.filter
def without_type_suffix(label, extension):
    """« Plan du studio (PDF) » → « Plan du studio » when the link already says « (PDF, 2 Mo) »."""
    label = str(label)
    if not extension:
        return label
    pattern = re.compile(r"\s*[(\[]\s*" + re.escape(str(extension)) + r"\s*[)\]]\s*$", re.IGNORECASE)
    return pattern.sub("", label) or label


# Hosts readers recognise, for the consent button: the player's address is not the video's site.
_HOST_NAMES = {
    "youtu.be": "youtube.com", "youtube-nocookie.com": "youtube.com", "youtube.com": "youtube.com",
    "player.vimeo.com": "vimeo.com", "vimeo.com": "vimeo.com",
}


@register.filter
def video_host(url):
    """The site a video comes from, as readers know it: youtube.com, vimeo.com, a PeerTube host."""
    host = (urlparse(url or "").hostname or "").lower().removeprefix("www.")
    return _HOST_NAMES.get(host, host)


@register.simple_tag(takes_context=True)
def drawer_sections(context, page=None):
    """The header's sections of the page's language (the drawer lists them too)."""
    language = page.locale.language_code if page else context.get("LANGUAGE_CODE") or get_language()
    return facts_for(context.get("request")).sections(language)


def _path_language(path):
    first = path.strip("/").split("/", 1)[0]
    return first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def not_found_ways_on(context):
    """For the 404: the language of the requested path, its home and the nearest live, public
    page above the requested path (« /fr/espaces/studio-disparu/ » → the Espaces section)."""
    request = context.get("request")
    path = getattr(request, "path", "") or "/"
    language = _path_language(path)
    facts = facts_for(request)
    home = facts.home(language)
    nearest = None
    if home is not None:
        segments = [s for s in path.strip("/").split("/") if s]
        if segments and segments[0] == language:
            segments = segments[1:]
        candidates = [home.url_path + "".join(f"{s}/" for s in segments[:n]) for n in range(len(segments), 0, -1)]
        if candidates:
            found = facts.public(Page.objects.live().filter(url_path__in=candidates[:20], locale_id=home.locale_id))
            nearest = found.order_by("-depth").first()
    return {"language": language, "home": home, "nearest": nearest}


@register.simple_tag(takes_context=True)
def result_sections(context, results):
    """{page id: its section} for a page of search results, in one query."""
    pages = [r["page"] for r in results]
    paths = {p.path[: SECTION_DEPTH * Page.steplen] for p in pages if p.depth > SECTION_DEPTH}
    if not paths:
        return {}
    sections = {s.path: s for s in Page.objects.filter(path__in=paths).only("id", "path", "title", "depth")}
    return {p.pk: sections[p.path[: SECTION_DEPTH * Page.steplen]] for p in pages
            if p.path[: SECTION_DEPTH * Page.steplen] in sections and p.depth > SECTION_DEPTH}


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
