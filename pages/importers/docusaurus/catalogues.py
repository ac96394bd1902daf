"""The old site's catalogue data files -> catalogue entries (``pages/catalogues``).

``static/data/logiciels.csv`` (one program a row) and ``static/data/modeles3d.csv`` (one source of
3D models a row) are read as the site served them; which file is which catalogue is the catalogue
rules' (``rules.DEFAULT_CATALOGUE_RULES``). Each row is checked first (``read_rows``, no database):
a malformed row is reported with its file and line and what was expected, and left out; the others
are imported. Each entry's stable key is the slug of its name: a re-import updates the entry (a new
revision, published with ``--publish``, else submitted to review), changes nothing when the row did
not change, and keeps an entry edited in the CMS since (``conflict``) unless ``--force``.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from pages.catalogues.models import ModelSource, Software

from .rules import MODELS_3D, SOFTWARE
from .safety import PathRefused, is_safe_url

MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
YES_NO = {"oui": True, "non": False}
PRICING = {"gratuit": "free", "payant": "paid", "gratuit/payant": "both", "gratuit ou payant": "both"}
COLUMNS = {
    SOFTWARE: ("nom", "categorie", "description", "libre", "telechargement", "distance", "lien", "bibliotheques"),
    MODELS_3D: ("noms", "types", "gratuit/payant"),
}
MARKDOWN_LINK = re.compile(r"^\[([^\]]+)\]\((.+)\)$")
NOUNS = {SOFTWARE: "logiciel", MODELS_3D: "source de modèles 3D"}


@dataclass
class Row:
    line: int
    key: str
    values: dict
    guide: str = ""  # software: the old site's link to its guide


@dataclass
class ReadResult:
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # (line, code, message)


def _yes_no(value, column, problems, line):
    word = value.strip().lower()
    if word not in YES_NO:
        problems.append(f"« {column} » : Oui ou Non attendu, « {value[:40]} » trouvé")
        return False
    return YES_NO[word]


def _software(cells, line, problems):
    name = cells["nom"].strip()
    values = {
        "name": name, "category": cells["categorie"].strip(), "description": cells["description"].strip(),
        "free_licence": _yes_no(cells["libre"], "libre", problems, line),
        "download_allowed": _yes_no(cells["telechargement"], "telechargement", problems, line),
        "remote_access": _yes_no(cells["distance"], "distance", problems, line),
        "libraries": "\n".join(n.strip() for n in cells["bibliotheques"].split(";") if n.strip()),
    }
    if not values["category"]:
        problems.append("« categorie » : une catégorie attendue")
    return name, values, cells["lien"].strip()


def _source(cells, line, problems):
    text = cells["noms"].strip()
    match = MARKDOWN_LINK.match(text)
    name, url = (match.group(1).strip(), match.group(2).strip()) if match else (text, "")
    if text.startswith("[") and not match:
        problems.append("« Noms » : un nom, ou un lien [Nom](https://…), attendu")
    elif match and not url.lower().startswith(("http://", "https://")) or not is_safe_url(url):
        problems.append(f"« Noms » : une adresse http:// ou https:// attendue, « {url[:60]} » trouvée")
    pricing = PRICING.get(cells["gratuit/payant"].strip().lower())
    if pricing is None:
        problems.append(f"« Gratuit/Payant » : Gratuit, Payant ou Gratuit/Payant attendu, « {cells['gratuit/payant'][:40]} » trouvé")
    return name, {"name": name, "url": url, "kind": cells["types"].strip(), "pricing": pricing or "free"}, ""


def read_rows(data: bytes, kind: str) -> ReadResult:
    """The rows of a catalogue file, each checked; the malformed ones as problems (line, code, message)."""
    result = ReadResult()
    if len(data) > MAX_BYTES:
        result.problems.append((0, "catalogue_file_invalid", f"Fichier de plus de {MAX_BYTES // 1_000_000} Mo : non lu."))
        return result
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        result.problems.append((0, "catalogue_file_invalid", f"Fichier non lu : UTF-8 attendu ({exc.reason})."))
        return result
    if "\x00" in text:
        result.problems.append((0, "catalogue_file_invalid", "Fichier non lu : caractère nul (fichier binaire ?)."))
        return result
    expected = COLUMNS[kind]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        result.problems.append((1, "catalogue_file_invalid", f"Fichier vide : colonnes attendues {', '.join(expected)}."))
        return result
    except csv.Error as exc:
        result.problems.append((1, "catalogue_file_invalid", f"Ligne d'en-tête illisible ({exc})."))
        return result
    missing = [c for c in expected if c not in header]
    if missing:
        result.problems.append((1, "catalogue_file_invalid",
                                f"Colonnes attendues : {', '.join(expected)} ; manquantes : {', '.join(missing)}. Fichier non importé."))
        return result
    seen = {}
    parse = _software if kind == SOFTWARE else _source
    while True:
        try:
            raw = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            result.problems.append((reader.line_num, "catalogue_row_invalid", f"Ligne illisible ({exc}) : ignorée."))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in raw):
            continue
        if len(result.rows) + len(result.problems) >= MAX_ROWS:
            result.problems.append((line, "catalogue_file_invalid", f"Plus de {MAX_ROWS} lignes : la suite n'est pas lue."))
            break
        if len(raw) != len(header):
            result.problems.append((line, "catalogue_row_invalid",
                                    f"{len(header)} colonnes attendues ({', '.join(header)}), {len(raw)} trouvées : ligne ignorée."))
            continue
        cells = dict(zip(header, raw, strict=True))
        problems = []
        name, values, guide = parse(cells, line, problems)
        key = slugify(name)[:80]
        if not name or not key:
            problems.append("un nom attendu dans la première colonne")
        elif len(name) > 150:
            problems.append("un nom de 150 caractères au plus attendu")
        elif key in seen:
            problems.append(f"« {name[:60]} » figure déjà à la ligne {seen[key]}")
        if problems:
            result.problems.append((line, "catalogue_row_invalid", "; ".join(problems) + " : ligne ignorée."))
            continue
        seen[key] = line
        result.rows.append(Row(line, key, values, guide))
    return result


def _site_file(importer, src):
    try:
        path = importer.plan.resolver.locate_static(src)
    except PathRefused as refused:
        importer.report.add(PathRefused.code, src, 0, f"Fichier de catalogue « {src[:80]} » non lu ({refused}).")
        return None
    return path


class CatalogueWriter:
    def __init__(self, importer, kind, file):
        self.importer = importer
        self.kind = kind
        self.file = file
        self.model = Software if kind == SOFTWARE else ModelSource
        self.locale = Locale.objects.get(language_code="fr")
        self.counts = {"created": 0, "updated": 0, "unchanged": 0, "kept": 0, "refused": 0}
        self._entries = None  # key -> entry, read in one query (see _entry)

    def problem(self, code, line, message, level="warning"):
        self.importer.report.add(code, self.file, line, message, level)

    def guide(self, row):
        """The guide page (an imported doc) or address of a software row."""
        target = row.guide
        if not target:
            return {"guide_page_id": None, "guide_url": ""}
        if target.lower().startswith(("http://", "https://")) and is_safe_url(target):
            return {"guide_page_id": None, "guide_url": target}
        if target.startswith("/") and not target.startswith("//"):
            key = self.importer.plan.resolver.doc_for_url(target, None)
            page_id = self.importer.page_id(key) if key else None
            if page_id:
                return {"guide_page_id": page_id, "guide_url": ""}
            self.problem("link_unresolved", row.line, f"Guide « {target[:80]} » : page non importée ; entrée sans guide.")
        else:
            self.problem("url_scheme_refused", row.line, f"Guide « {target[:80]} » : adresse refusée ; entrée sans guide.")
        return {"guide_page_id": None, "guide_url": ""}

    def write(self, row):
        values = dict(row.values)
        if self.kind == SOFTWARE:
            values.update(self.guide(row))
        try:
            with transaction.atomic():
                self._write(row, values)
        except ValidationError as exc:
            self._entries = None  # an entry created in the rolled back block is not in the database
            self.counts["refused"] += 1
            messages = "; ".join(f"« {k} » : {' '.join(v)}" for k, v in exc.message_dict.items())
            self.problem("catalogue_row_invalid", row.line, f"{messages} : ligne ignorée.")

    def _entry(self, key):
        """The entries of this catalogue in one query, not one per row (an unchanged re-run reads them all)."""
        if self._entries is None:  # the key is unique per locale
            self._entries = {entry.key: entry for entry in self.model.objects.filter(locale=self.locale)}
        return self._entries.get(key)

    def _write(self, row, values):
        importer = self.importer
        entry = self._entry(row.key)
        if entry is None:
            entry = self.model(key=row.key, locale=self.locale, live=False, **values)
            entry.full_clean()
            entry.save()
            self._entries[row.key] = entry
            current, outcome = entry, "created"
        else:
            # A live entry whose latest revision is the live one holds that revision's values itself:
            # reading and unpacking the revision, for every row of an unchanged re-run, is not needed.
            published = entry.live and not entry.has_unpublished_changes and entry.latest_revision_id == entry.live_revision_id
            current = entry if published else entry.get_latest_revision_as_object()
            if all(getattr(current, name) == value for name, value in values.items()):
                self.counts["unchanged"] += 1
                return
            latest = entry.latest_revision
            if (latest is not None and latest.user_id and importer.user is not None
                    and latest.user_id != importer.user.pk and not importer.force):
                self.counts["kept"] += 1
                self.problem("conflict", row.line, f"« {entry.name} » modifié dans le CMS depuis l'import : conservé "
                             "(--force pour le remplacer).")
                return
            for name, value in values.items():
                setattr(current, name, value)
            current.full_clean()
            outcome = "updated"
            self._entries = None  # read again: the entry kept here no longer says what is in the database
        revision = current.save_revision(user=importer.user)
        if importer.publish:
            revision.publish(user=importer.user)
        elif importer.user is not None and not entry.workflow_in_progress:
            workflow = entry.get_workflow()
            if workflow is not None:
                workflow.start(entry, importer.user)
        self.counts[outcome] += 1

    def summary(self, refused_rows):
        c = self.counts
        self.problem("catalogue_imported", 0,
                     f"Catalogue « {NOUNS[self.kind]} » : {c['created']} créé(s), {c['updated']} mis à jour, "
                     f"{c['unchanged']} inchangé(s), {c['kept']} conservé(s), {refused_rows + c['refused']} ligne(s) refusée(s).",
                     "info")


def import_catalogues(importer):
    """Every data file of the catalogue rules that the site has, after the docs (guides are linked)."""
    for src, kind in importer.plan.catalogue_rules["files"].items():
        path = _site_file(importer, src)
        if path is None:
            continue
        file = str(path.relative_to(importer.plan.site.root)) if path.is_relative_to(importer.plan.site.root) else src
        try:
            data = path.read_bytes()
        except OSError as exc:
            importer.report.add("catalogue_file_invalid", file, 0, f"Fichier non lu ({exc.strerror}).")
            continue
        result = read_rows(data, kind)
        writer = CatalogueWriter(importer, kind, file)
        for line, code, message in result.problems:
            writer.problem(code, line, message)
        for row in result.rows:
            writer.write(row)
        writer.summary(sum(1 for _line, code, _m in result.problems if code == "catalogue_row_invalid"))
