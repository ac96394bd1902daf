"""A catalogue as a CSV file, and back: editors export the entries of one language, change them in a
spreadsheet and import the file again. Each row is checked by the admin's own form (the snippet's
panels and the model's rules); one bad row and nothing is written, every error given with its line.
An imported change is a new revision submitted to review, as if typed in the admin."""

import csv
import io

from django.db import transaction
from django.utils.translation import gettext as _

from .models import ModelSource, Software

YES, NO = "Oui", "Non"
MAX_BYTES = 2_000_000
MAX_ROWS = 5_000
# Column -> form field, in the file's order; the key says which entry a row is.
COLUMNS = {
    Software: ["key", "name", "category", "description", "free_licence", "download_allowed", "remote_access",
               "guide_page", "guide_url", "libraries"],
    ModelSource: ["key", "name", "url", "kind", "pricing"],
}
BOOLEANS = {"free_licence", "download_allowed", "remote_access"}


def _cell(entry, name):
    value = getattr(entry, f"{name}_id" if name == "guide_page" else name)
    if name in BOOLEANS:
        return YES if value else NO
    if name == "libraries":
        return "; ".join(entry.library_list)
    return "" if value is None else str(value)


def export_csv(model, locale):
    """The entries of `locale` (their latest version, drafts included) as CSV text."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS[model])
    for entry in model.objects.filter(locale=locale).order_by("name"):
        writer.writerow([_cell(entry.get_latest_revision_as_object(), name) for name in COLUMNS[model]])
    return out.getvalue()


def _form_data(model, cells):
    data = {}
    for name in COLUMNS[model]:
        value = cells.get(name, "").strip()
        if name in BOOLEANS:
            if value.lower() not in ("oui", "non", ""):
                raise ValueError(_("« %(column)s » : Oui ou Non attendu, « %(value)s » trouvé.") % {
                    "column": name, "value": value[:40]})
            if value.lower() == "oui":
                data[name] = "on"
        elif name == "libraries":
            data[name] = "\n".join(n.strip() for n in value.split(";") if n.strip())
        else:
            data[name] = value
    return data


def read_csv(model, data):
    """(rows, errors): rows are (line, cells); errors are (line, message). The file's shape only."""
    if len(data) > MAX_BYTES:
        return [], [(0, _("Fichier trop grand (2 Mo au plus)."))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [(0, _("Le fichier doit être en UTF-8 (CSV UTF-8 dans le tableur)."))]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except (StopIteration, csv.Error):
        return [], [(1, _("Ligne d'en-tête attendue : %(columns)s.") % {"columns": ", ".join(COLUMNS[model])})]
    missing = [c for c in COLUMNS[model] if c not in header]
    if missing:
        return [], [(1, _("Colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)})]
    rows, errors = [], []
    try:
        for raw in reader:
            if len(rows) >= MAX_ROWS:
                errors.append((reader.line_num, _("Trop de lignes (5 000 au plus).")))
                break
            if not any(c.strip() for c in raw):
                continue
            if len(raw) != len(header):
                errors.append((reader.line_num, _("%(expected)s colonnes attendues, %(found)s trouvées.") % {
                    "expected": len(header), "found": len(raw)}))
                continue
            rows.append((reader.line_num, dict(zip(header, raw, strict=True))))
    except csv.Error as exc:
        errors.append((reader.line_num, _("Ligne illisible : %(error)s.") % {"error": exc}))
    return rows, errors


def import_csv(model, form_class, data, locale, user):
    """Check every row with the admin form, then write all of them or none.

    Returns (counts, errors); errors are (line, message) and nothing was written when there are any."""
    rows, errors = read_csv(model, data)
    forms, seen = [], {}
    existing = {e.key: e for e in model.objects.filter(locale=locale)}
    for line, cells in rows:
        try:
            form_data = _form_data(model, cells)
        except ValueError as exc:
            errors.append((line, str(exc)))
            continue
        key = form_data.get("key", "")
        if key in seen:
            errors.append((line, _("La clé « %(key)s » figure déjà à la ligne %(line)s.") % {"key": key[:80], "line": seen[key]}))
            continue
        seen[key] = line
        entry = existing.get(key)
        instance = entry.get_latest_revision_as_object() if entry else model(locale=locale, live=False)
        form = form_class(data=form_data, instance=instance, for_user=user)
        if not form.is_valid():
            for field, messages in form.errors.items():
                label = form.fields[field].label if field in form.fields else ""
                errors.extend((line, f"{label or field} : {message}") for message in messages)
            continue
        forms.append((entry, form))
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    if errors:
        return counts, sorted(errors)
    with transaction.atomic():
        for entry, form in forms:
            if entry is not None and not form.has_changed():
                counts["unchanged"] += 1
                continue
            instance = form.save(commit=False)
            if entry is None:
                instance.save()
            revision = instance.save_revision(user=user)
            workflow = instance.get_workflow()
            if workflow is not None and not instance.workflow_in_progress:
                workflow.start(instance, user)
            elif revision is not None and user.has_perm(f"catalogues.publish_{model._meta.model_name}") and workflow is None:
                revision.publish(user=user)
            counts["created" if entry is None else "updated"] += 1
    return counts, []
