from django.core.management.base import BaseCommand, CommandError

from pages.backup import archive
from pages.backup.database import BackupError


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup` into an empty database and media folder, after checking "
        "every checksum of the archive."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", metavar="ARCHIVE", help="a .tar.gz written by `manage.py backup`"
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and media folder that are not empty",
        )

    def handle(self, *args, path, force, **options):
        try:
            data = archive.restore(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{n} {name}" for name, n in data["counts"].items())
        self.stdout.write(f"Restored {path}: {counts}, {len(data['files']) - 1} media files.")
