"""The backup archive: one .tar.gz with manifest.json, the database copy and media/.

Restoring checks the whole archive (every checksum, nothing missing or extra) before it touches
the database or the media folder, so a damaged or truncated archive changes nothing.
"""

import json
import os
import shutil
import tarfile
import tempfile
import zlib
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage

from . import database, manifest
from .database import BackupError

MEDIA = "media"


def _media_files():
    """Files under MEDIA_ROOT, by their path in the archive (media/…)."""
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    return {
        f"{MEDIA}/{path.relative_to(root).as_posix()}": path
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def media_on_disk():
    """Whether media live in MEDIA_ROOT; object storage (S3) is backed up by the bucket's own means."""
    return isinstance(default_storage, FileSystemStorage)


def create(output):
    """Write a backup archive at `output` (a folder or a .tar.gz path); returns (path, manifest)."""
    now = datetime.now(UTC)
    output = Path(output)
    if output.suffix != ".gz":
        output = output / f"studiobib-{now:%Y%m%d-%H%M%S}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="studiobib-backup-") as tmp:
        tmp = Path(tmp)
        name, counts, migrations = database.dump(tmp)
        files = {name: tmp / name, **(_media_files() if media_on_disk() else {})}
        checksums = {arcname: manifest.sha256(path) for arcname, path in files.items()}
        data = manifest.build(
            database.connection.vendor, name, counts, migrations, checksums, now.isoformat()
        )
        data["media"] = (
            "included" if media_on_disk() else "not included: media are in object storage"
        )
        (tmp / manifest.NAME).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        partial = output.with_name(output.name + ".part")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmp / manifest.NAME, arcname=manifest.NAME)
            for arcname, path in files.items():
                tar.add(path, arcname=arcname, recursive=False)
        os.replace(partial, output)  # a backup that stopped halfway never looks finished
    return output, data


def _unpack(archive, into):
    """Extract and check the archive; returns its manifest. Raises BackupError, changing nothing."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(into, filter="data")  # refuses absolute paths, links out, devices
    except FileNotFoundError as error:
        raise BackupError(f"{archive}: no such file.") from error
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(
            f"{archive}: the archive is damaged or truncated ({error}). Nothing was restored."
        ) from error
    into = Path(into)
    if not (into / manifest.NAME).is_file():
        raise BackupError(
            f"{archive}: no {manifest.NAME}, this is not a studio·bib backup. Nothing was restored."
        )
    try:
        data = manifest.load((into / manifest.NAME).read_text())
    except ValueError as error:
        raise BackupError(f"{archive}: {error}. Nothing was restored.") from error
    found = {path.relative_to(into).as_posix() for path in into.rglob("*") if path.is_file()} - {
        manifest.NAME
    }
    expected = set(data["files"])
    if found != expected:
        missing, extra = sorted(expected - found), sorted(found - expected)
        raise BackupError(
            f"{archive}: the files do not match the manifest (missing: {missing[:5]}, "
            f"not listed: {extra[:5]}). Nothing was restored."
        )
    for arcname, checksum in data["files"].items():
        if manifest.sha256(into / arcname) != checksum:
            raise BackupError(
                f"{archive}: {arcname} is damaged (checksum differs from the manifest). "
                "Nothing was restored."
            )
    return data


def restore(archive, force=False):
    """Put the database and media of `archive` back; returns the manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    media_root.parent.mkdir(parents=True, exist_ok=True)
    # Unpacked beside MEDIA_ROOT, so the media folder is moved into place, not copied.
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=media_root.parent))
    try:
        data = _unpack(archive, staging)
        if media_root.exists() and any(media_root.iterdir()) and not force:
            raise BackupError(
                f"The media folder {media_root} is not empty. Restore into an empty folder, or "
                "pass --force to replace it."
            )
        database.restore(staging / data["database"]["file"], data["database"]["vendor"], force)
        if media_root.exists():
            shutil.rmtree(media_root)
        restored = staging / MEDIA
        if restored.is_dir():
            restored.rename(media_root)
        else:
            media_root.mkdir()
        database.verify(data)
        return data
    finally:
        shutil.rmtree(staging, ignore_errors=True)
