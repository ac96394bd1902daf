"""A backup restored into an empty database and media folder serves the same site, byte for byte;
a damaged archive is refused and changes nothing."""

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

import pytest
from PIL import Image as PILImage

from bench.server import recreate_database
from tests.api_snapshot import api_snapshot

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent


def _png(colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="sauvegarde.png")


@pytest.fixture
def site_with_uploads(live_site_tree):
    """The demo site plus an uploaded image and document (committed: pg_dump reads them)."""
    Image.objects.create(title="Plan de l'atelier", file=_png("teal"))
    Document.objects.create(
        title="Règlement", file=ContentFile(b"%PDF-1.4\n% reglement\n", name="reglement.pdf")
    )
    return live_site_tree


def _empty_database(tmp_path):
    """A database URL of the same kind as the test database, with nothing in it."""
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    url = (
        f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}_restore"
    )
    recreate_database(url)
    return url


def _in_other_site(database_url, media_root, *args):
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    result = subprocess.run(  # noqa: S603 (this interpreter, our module)
        [sys.executable, "-m", "tests.api_snapshot", str(media_root), *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def _files(root):
    return {
        p.relative_to(root).as_posix(): p.read_bytes() for p in Path(root).rglob("*") if p.is_file()
    }


def test_a_restored_backup_serves_the_same_api_output_and_media(site_with_uploads, tmp_path):
    before = api_snapshot(
        Client()
    )  # also makes the renditions the API lists, so they are backed up
    archive = tmp_path / "site.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())

    media = tmp_path / "media"
    restored = _in_other_site(_empty_database(tmp_path), media, str(archive))
    assert restored.returncode == 0, restored.stderr[-3000:]
    after = json.loads(restored.stdout.strip().splitlines()[-1])

    details = [url for url in before if url.startswith("/api/v2/pages/") and "?fields" in url]
    assert len(details) >= 10  # every page of both languages, compared one by one
    assert after == before
    assert _files(media) == _files(settings.MEDIA_ROOT)
    assert any(name.startswith("original_images/sauvegarde") for name in _files(media))


def _table_count(database_url):
    code = "from django.db import connection; print(len(connection.introspection.table_names()))"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    result = subprocess.run(  # noqa: S603 (this interpreter, our manage.py)
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def test_a_damaged_archive_or_a_database_in_use_is_refused_and_nothing_changes(
    site_with_uploads, tmp_path
):
    """One backup, three refusals (one site set-up: it is the slow part)."""
    archive = tmp_path / "site.tar.gz"
    call_command("backup", "--output", str(archive), stdout=io.StringIO())
    pages = Page.objects.count()

    # Truncated (a copy interrupted halfway): refused before the empty database is touched.
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    database_url, media = _empty_database(tmp_path), tmp_path / "media"
    result = _in_other_site(database_url, media, str(truncated))
    assert result.returncode != 0
    assert "damaged or truncated" in result.stderr and "Nothing was restored" in result.stderr
    assert not media.exists() or not any(media.iterdir())
    assert _table_count(database_url) == 0

    # A file altered inside a well-formed archive: its checksum gives it away, even with --force.
    altered = tmp_path / "altered.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(altered, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/documents/"):
                data += b"tampered"
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match=r"media/documents/.*damaged \(checksum"):
        call_command("restore", str(altered), "--force")

    # A sound archive, but the site's own database and media are in use.
    with pytest.raises(CommandError, match="is not empty.*--force"):
        call_command("restore", str(archive))
    assert Page.objects.count() == pages
