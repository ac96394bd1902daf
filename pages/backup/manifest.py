"""What a backup holds and how to check it: migrations, content counts, file checksums."""

import hashlib
import json

FORMAT = 1
NAME = "manifest.json"
CHUNK = 1024 * 1024


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def content_models():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    return {
        "pages": Page,
        "revisions": Revision,
        "images": get_image_model(),
        "documents": get_document_model(),
    }


def count_rows(cursor):
    """Rows of each kind of content, read through `cursor` (the dump's snapshot, or the copy)."""
    counts = {}
    for name, model in content_models().items():
        cursor.execute(f"SELECT COUNT(*) FROM {model._meta.db_table}")  # noqa: S608 (table names from our models)
        counts[name] = cursor.fetchone()[0]
    return counts


def applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations")
    return sorted(f"{app}.{name}" for app, name in cursor.fetchall())


def build(vendor, database_file, counts, migrations, media, created_at):
    return {
        "format": FORMAT,
        "created_at": created_at,
        "database": {"vendor": vendor, "file": database_file, "migrations": migrations},
        "counts": counts,
        "files": media,  # path in the archive -> sha256, the database file included
    }


def load(raw):
    """Parse a manifest, or say what is wrong with it."""
    try:
        manifest = json.loads(raw)
    except ValueError as error:
        raise ValueError(f"{NAME} is not valid JSON ({error})") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValueError(
            f"{NAME}: unknown format {manifest.get('format') if isinstance(manifest, dict) else None!r}, "
            f"expected {FORMAT}"
        )
    for key in ("database", "counts", "files"):
        if not isinstance(manifest.get(key), dict):
            raise ValueError(f"{NAME}: the '{key}' section is missing")
    if manifest["database"].get("file") not in manifest["files"]:
        raise ValueError(f"{NAME}: the database file is not listed in 'files'")
    return manifest
