"""Fail when an interface catalogue is incomplete or its compiled file is stale.

Run as `python -m cms.check_messages` (from `make check-messages`, which `make test` calls).
French msgids are the source: the French catalogue maps each to itself, English must translate all.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("fr", "en")


def problems_in(language):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        return [f"{po_path}: missing catalogue"]
    catalogue = polib.pofile(str(po_path))
    found = []
    for entry in catalogue:
        if entry.obsolete:
            continue
        where = f"{po_path}:{entry.linenum}"
        if "fuzzy" in entry.flags:
            found.append(f"{where}: fuzzy entry {entry.msgid!r}")
        elif entry.msgid_plural and not all(entry.msgstr_plural.values()):
            found.append(f"{where}: untranslated plural {entry.msgid!r}")
        elif not entry.msgid_plural and not entry.msgstr:
            found.append(f"{where}: untranslated {entry.msgid!r}")
    if not mo_path.exists():
        found.append(f"{mo_path}: not compiled (run `make messages`)")
    else:
        compiled = {(e.msgctxt, e.msgid): (e.msgstr, dict(e.msgstr_plural)) for e in polib.mofile(str(mo_path))}
        expected = {
            (e.msgctxt, e.msgid): (e.msgstr, {int(k): v for k, v in e.msgstr_plural.items()})
            for e in catalogue.translated_entries()
        }
        compiled = {k: (v[0], {int(n): s for n, s in v[1].items()}) for k, v in compiled.items() if k[1]}
        if compiled != expected:
            found.append(f"{mo_path}: stale, differs from {po_path.name} (run `make messages`)")
    return found


def fill_source_catalogue():
    """French msgids are the French text: the French catalogue maps each msgid to itself.

    The libraries' msgids the project corrects (cms/upstream_messages.py) are English: French gets
    the project's French for them, English the msgid itself.
    """
    from cms.upstream_messages import FRENCH

    po_path = LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    for entry in catalogue:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = FRENCH.get(entry.msgid, entry.msgid)
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save(str(po_path))
    en_path = LOCALE_DIR / "en" / "LC_MESSAGES" / "django.po"
    english = polib.pofile(str(en_path))
    for entry in english:
        if entry.msgid in FRENCH:
            entry.msgstr = entry.msgid
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    english.save(str(en_path))


def main():
    if "--fill-source" in sys.argv:
        fill_source_catalogue()
        return 0
    found = [problem for language in LANGUAGES for problem in problems_in(language)]
    for problem in found:
        print(problem, file=sys.stderr)
    if found:
        print(f"{len(found)} catalogue problem(s).", file=sys.stderr)
        return 1
    print("Interface catalogues complete and compiled.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
