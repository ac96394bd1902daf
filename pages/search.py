"""Reader search: live, public pages of the reader's language, with highlighted snippets."""

import re
import unicodedata

from django.db import connection
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Page
from wagtail.search import index

SNIPPET_RADIUS = 110
FALLBACK_LIMIT = 200
WORD = re.compile(r"\w+", re.UNICODE)


def fold(text):
    """Lower-case `text` without accents, keeping one character per character (offsets stay valid)."""
    return "".join(unicodedata.normalize("NFKD", ch)[:1].lower() for ch in text)


def query_stems(query):
    """Rough stems of the query words (accents folded), used to find and highlight matches."""
    stems = []
    for word in WORD.findall(fold(query)):
        if len(word) < 2:
            continue
        stems.append(word[: max(4, len(word) - 4)] if len(word) > 5 else word)
    return stems


def search_pages(query, locale):
    """Live, public pages of `locale` matching `query`, best first.

    PostgreSQL gets French stemming and accent folding from the backend's search configuration.
    Other databases (SQLite, used in development) match whole words without accents, then add the
    pages whose title words start like the query's words, so "imprimer" still finds "Imprimantes".
    """
    pages = Page.objects.live().public().filter(locale=locale)
    results = pages.search(query, operator="and")
    if connection.vendor == "postgresql":
        return results
    found = list(results[:FALLBACK_LIMIT])
    stems = query_stems(query)
    if stems:
        seen = {p.pk for p in found}
        found += [p for p in pages.autocomplete(" ".join(stems))[:FALLBACK_LIMIT] if p.pk not in seen]
    return found


def _text_of(page):
    """The plain text a reader would search in: summary fields first, then the body."""
    parts = []
    for name in ("summary", "intro", "statement"):
        value = getattr(page, name, None)
        if value:
            parts.append(_field_text(page, name, value))
    if not parts and page.search_description:  # often a shorter copy of the summary
        parts.append(page.search_description)
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name in (
            "title", "summary", "search_description", "intro", "statement",
        ):
            continue
        value = getattr(page, search_field.field_name, None)
        if value:
            parts.append(_field_text(page, search_field.field_name, value))
    kept = []
    for part in parts:  # summary and meta description are often the same sentence
        if part and not any(part in earlier for earlier in kept):
            kept.append(part)
    return " · ".join(kept)


def _field_text(page, name, value):
    try:
        model_field = page._meta.get_field(name)
    except Exception:  # a property, not a model field
        return str(value)
    if hasattr(model_field, "get_searchable_content"):
        content = model_field.get_searchable_content(value)
        # One piece per block (a step's title, then its text): keep them apart in the snippet.
        text = " · ".join(" ".join(re.sub(r"<[^>]+>", " ", str(c)).split()) for c in content if str(c).strip())
    else:
        text = str(value)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()


def highlight(text, stems):
    """Escape `text` and wrap the words that start with one of `stems` in <mark>."""
    if not stems:
        return escape(text)
    folded = fold(text)
    out = []
    last = 0
    for match in WORD.finditer(folded):
        if any(match.group().startswith(stem) for stem in stems):
            out.append(escape(text[last:match.start()]))
            out.append(f"<mark>{escape(text[match.start():match.end()])}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above


def snippet(page, query):
    """A short excerpt of the page around the first match, with the matches marked."""
    text = _text_of(page)
    if not text:
        return ""
    stems = query_stems(query)
    folded = fold(text)
    start = None
    for match in WORD.finditer(folded):
        if any(match.group().startswith(stem) for stem in stems):
            start = match.start()
            break
    if start is None or start < SNIPPET_RADIUS:
        excerpt = Truncator(text).chars(2 * SNIPPET_RADIUS)
    else:
        begin = text.rfind(" ", 0, start - SNIPPET_RADIUS // 2) + 1
        excerpt = "…" + Truncator(text[begin:]).chars(2 * SNIPPET_RADIUS)
    return highlight(excerpt, stems)


def specific_in_order(pages):
    """The specific objects of a page of results, in the same order, in one query per page type."""
    ids = [p.pk for p in pages]
    by_id = {
        p.pk: p for p in Page.objects.filter(pk__in=ids).specific().select_related("locale")
    }
    return [by_id[pk] for pk in ids if pk in by_id]
