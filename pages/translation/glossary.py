"""The FR → target glossary: which fixed translations apply to a French text."""

import re
from dataclasses import dataclass

from .models import GlossaryTerm


@dataclass(frozen=True)
class Entry:
    source: str
    target: str
    note: str = ""


def glossary_for(locale):
    """The glossary entries of a target locale, longest French term first (so longer terms win)."""
    terms = GlossaryTerm.objects.filter(target_locale=locale).order_by("source_term")
    entries = [Entry(t.source_term.strip(), t.target_term.strip(), t.note) for t in terms if t.source_term.strip()]
    return sorted(entries, key=lambda e: (-len(e.source), e.source.lower()))


def _pattern(entries):
    alternatives = "|".join(re.escape(e.source) for e in entries)
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)


def terms_in(text, entries):
    """The glossary entries whose French term appears in `text` (whole words, any case)."""
    if not entries or not text:
        return []
    found = {m.group(1).lower() for m in _pattern(entries).finditer(text)}
    return [e for e in entries if e.source.lower() in found]


def _match_case(found, replacement):
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def apply_glossary(text, entries):
    """Replace every French glossary term in plain `text` by its fixed translation, in one pass."""
    if not entries or not text:
        return text
    by_term = {e.source.lower(): e.target for e in entries}
    return _pattern(entries).sub(lambda m: _match_case(m.group(1), by_term[m.group(1).lower()]), text)
