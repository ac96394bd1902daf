"""Offline translation with PO files: one file per page and target language.

Export writes what wagtail-localize knows (French text as msgid, field path as msgctxt, current
translation as msgstr) plus the page id, its French URL and the glossary terms it uses. Import
checks a whole file first (syntax, page, every segment, every HTML translation) and applies it
only if nothing is wrong, in one transaction, as a draft revision of the translated page.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail_localize.models import String, StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

import polib

from .drafts import ensure_translation, save_translation_draft
from .glossary import glossary_for, terms_in
from .status import Status, all_states, source_differs

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
PAGE_ID = "X-Studiobib-Page-ID"
SOURCE_URL = "X-Studiobib-Source-URL"
TOOL_NAME = "PO"

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(\[\d+\])?)\s+(".*)$')
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


@dataclass
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class ImportResult:
    path: Path
    page: object = None
    locale: object = None
    changed: int = 0
    revision: object = None
    problems: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.problems


class POFileRejected(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# Export ------------------------------------------------------------------------------------------


def po_filename(page, locale):
    return f"{page.pk}-{page.slug}.{locale.language_code}.po"


def build_po(translation):
    """The PO file of one translation, duplicates merged, with page metadata and glossary hints."""
    source = translation.source
    page = source.get_source_instance()
    po = translation.export_po()
    po.metadata = {
        "Project-Id-Version": "studio·bib",
        "Language": translation.target_locale.language_code,
        "PO-Revision-Date": po.metadata.get("POT-Creation-Date", ""),
        "Last-Translator": "",
        "Language-Team": translation.target_locale.get_display_name(),
        **po.metadata,
        "Content-Transfer-Encoding": "8bit",
        PAGE_ID: str(page.pk),
        SOURCE_URL: page.get_full_url() or page.url_path,
    }
    po.header = _("Traduction de « %(title)s » (page %(id)s). Ne modifiez que les lignes msgstr.") % {
        "title": page.title, "id": page.pk,
    }
    entries = glossary_for(translation.target_locale)
    merged = polib.POFile(wrapwidth=po.wrapwidth)
    merged.metadata, merged.header = po.metadata, po.header
    seen = set()
    for entry in po:
        key = (entry.msgctxt, entry.msgid, entry.obsolete)
        if key in seen:
            continue  # identical text twice in one field: one entry translates both
        seen.add(key)
        found = terms_in(entry.msgid, entries)
        if found:
            entry.comment = _("Glossaire : ") + " ; ".join(f"{e.source} → {e.target}" for e in found)
        merged.append(entry)
    return merged


def sync_source(translation):
    """Refresh the French source of a translation when the French page changed after the last sync."""
    source = translation.source
    page = source.get_source_instance()
    # Only a real change moves the sync date: readers are told the translation is behind until
    # a translation of the synced text is approved (status.behind_since).
    if page.last_published_at and page.last_published_at > source.last_updated_at and source_differs(page, source):
        source.update_from_db()
        translation.refresh_from_db()
    return translation


def export_pos(locale, output_dir, only_outdated=False):
    """Write one PO file per French page into `output_dir`; returns the written paths."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for state in all_states(locale.language_code):
        if only_outdated and state.status == Status.UP_TO_DATE:
            continue
        if only_outdated and state.status == Status.IN_PROGRESS and state.untranslated_segments == 0:
            continue  # fully translated, only awaiting review: nothing for a translator to do
        translation = state.translation or ensure_translation(state.source_page, locale)
        if state.status == Status.OUTDATED:
            sync_source(translation)
        path = output_dir / po_filename(state.source_page, locale)
        build_po(translation).save(str(path))
        written.append(path)
    return written


# Import ------------------------------------------------------------------------------------------


def _syntax_problems(path, text):
    """Line-level checks polib does not make (it silently truncates an unterminated string).

    Lines are split on "\n" only, as editors number them: splitlines() also breaks on form
    feeds, \x1c-\x1e, \x85 and \u2028, and every later line was reported too far down."""
    problems = []
    pending_msgid = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        quoted = match.group(3) if match else line
        if not _QUOTED.match(quoted):
            expected = _("une chaîne entre guillemets") if match else _("msgctxt, msgid, msgstr ou une suite de chaîne")
            problems.append(Problem(path, number, _("syntaxe invalide : %(expected)s attendu, trouvé %(found)r")
                                    % {"expected": expected, "found": raw[:80]}))
            continue
        if match:
            keyword = match.group(1)
            if keyword == "msgid":
                if pending_msgid is not None:
                    problems.append(Problem(path, pending_msgid, _("msgid sans msgstr")))
                pending_msgid = number
            elif keyword.startswith("msgstr"):
                pending_msgid = None
    if pending_msgid is not None:
        problems.append(Problem(path, pending_msgid, _("msgid sans msgstr")))
    return problems


def _header_line(text, key):
    for number, line in enumerate(text.split("\n"), start=1):
        if key in line:
            return number
    return 1


def parse_po_file(path):
    """Parse and check one PO file; returns (translation, entries) or raises POFileRejected."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise POFileRejected([Problem(path, 1, _("le fichier n'est pas en UTF-8 (%(error)s)") % {"error": error})]) from None
    problems = _syntax_problems(path, text)
    if problems:
        raise POFileRejected(problems)
    try:
        po = polib.pofile(text, wrapwidth=200)
    except (OSError, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))
        raise POFileRejected([Problem(path, int(line.group(1)) if line else 1, str(error))]) from None

    translation_id = po.metadata.get(TRANSLATION_ID, "").strip()
    translation = None
    if translation_id:
        try:
            translation = Translation.objects.select_related("source", "target_locale").filter(uuid=translation_id).first()
        except (ValidationError, ValueError):  # a malformed uuid: reported below as an unknown page
            translation = None
    if translation is None:
        page_id = po.metadata.get(PAGE_ID, "?")
        raise POFileRejected([Problem(path, _header_line(text, TRANSLATION_ID), _(
            "page inconnue : aucune traduction ne porte l'identifiant %(uuid)r (page %(page)s). "
            "Exportez à nouveau le fichier de cette page."
        ) % {"uuid": translation_id, "page": page_id})])
    language = po.metadata.get("Language")
    if language and language != translation.target_locale.language_code:
        raise POFileRejected([Problem(path, _header_line(text, "Language:"), _(
            "langue %(found)r, alors que cette traduction est en %(expected)r"
        ) % {"found": language, "expected": translation.target_locale.language_code})])

    segments = {
        (path_, data): (string_id, context_id)
        for path_, data, string_id, context_id in StringSegment.objects.filter(source=translation.source)
        .values_list("context__path", "string__data", "string_id", "context_id")
    }
    entries = []
    seen = {}
    for entry in po:
        if entry.obsolete:
            continue  # kept by the export for reference only
        key = (entry.msgctxt or "", entry.msgid)
        if key not in segments:
            problems.append(Problem(path, entry.linenum, _(
                "segment inconnu : %(msgid)r n'est pas (ou plus) un texte du champ %(context)r de la page "
                "française. Exportez à nouveau le fichier de cette page."
            ) % {"msgid": entry.msgid[:60], "context": entry.msgctxt}))
            continue
        if key in seen and seen[key] != entry.msgstr:
            problems.append(Problem(path, entry.linenum, _(
                "segment en double (déjà à la ligne %(line)s) avec une autre traduction"
            ) % {"line": seen[key]}))
            continue
        seen.setdefault(key, entry.linenum)
        if entry.msgstr:
            try:
                StringValue.from_translated_html(entry.msgstr)
                validate_translation_links(entry.msgid, entry.msgstr)
            except ValueError as error:
                problems.append(Problem(path, entry.linenum, _("traduction invalide : %(error)s") % {"error": error}))
                continue
        entries.append((entry, *segments[key]))
    if problems:
        raise POFileRejected(problems)
    return translation, entries


def _current_translations(translation):
    return {
        (string_id, context_id): data
        for string_id, context_id, data in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("translation_of_id", "context_id", "data")
    }


def apply_entries(translation, entries, user=None, tool_name=TOOL_NAME):
    """Store the checked entries that differ from the current translations; returns how many."""
    current = _current_translations(translation)
    changes = [(entry, s, c) for entry, s, c in entries if entry.msgstr and current.get((s, c)) != entry.msgstr]
    now = timezone.now()
    for entry, string_id, context_id in changes:
        StringTranslation.objects.update_or_create(
            translation_of=String.objects.get(pk=string_id),
            locale=translation.target_locale,
            context_id=context_id,
            defaults={
                "data": entry.msgstr, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": tool_name, "last_translated_by": user, "updated_at": now,
                "has_error": False, "field_error": "",
            },
        )
    return len(changes)


def import_po_file(path, user=None):
    """Check then apply one PO file as a draft revision; a file with any problem changes nothing."""
    path = Path(path)
    try:
        translation, entries = parse_po_file(path)
    except POFileRejected as rejected:
        return ImportResult(path, problems=rejected.problems)
    result = ImportResult(path, page=translation.source.get_source_instance(), locale=translation.target_locale)
    with transaction.atomic():
        result.changed = apply_entries(translation, entries, user=user)
        if result.changed:  # a round trip with no edits changes nothing
            result.revision = save_translation_draft(translation, user=user)
    return result


def import_po_dir(directory, user=None):
    """Import every *.po file of `directory` (sorted); each file is applied whole or not at all."""
    directory = Path(directory)
    return [import_po_file(path, user=user) for path in sorted(directory.glob("*.po"))]
