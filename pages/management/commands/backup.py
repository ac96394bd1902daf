from django.core.management.base import BaseCommand, CommandError

from pages.backup import archive
from pages.backup.database import BackupError


class Command(BaseCommand):
    help = "Write the database and the media files into one .tar.gz, with a manifest of checksums and counts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default="backups",
            help="a folder (a dated file name is chosen) or a path ending in .tar.gz",
        )

    def handle(self, *args, output, **options):
        try:
            path, data = archive.create(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{n} {name}" for name, n in data["counts"].items())
        self.stdout.write(
            f"Backup written to {path} ({path.stat().st_size:,} bytes): {counts}, "
            f"{len(data['files']) - 1} media files; media {data['media']}."
        )
