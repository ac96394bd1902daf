from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from pages.translation.po import import_po_dir


class Command(BaseCommand):
    help = (
        "Apply the PO files of a folder. Each file is checked whole first; a file with any problem "
        "(syntax, unknown page, unknown segment, invalid HTML) is reported with its line and not "
        "applied. Translations become a draft revision of the translated page, for review."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Folder holding the PO files (*.po).")
        parser.add_argument("--user", help="Username recorded as the translator (optional).")

    def handle(self, *args, directory, user=None, **options):
        folder = Path(directory)
        if not folder.is_dir():
            raise CommandError(f"{directory}: not a folder.")
        translator = None
        if user:
            translator = get_user_model().objects.filter(username=user).first()
            if translator is None:
                raise CommandError(f"Unknown user {user!r}.")
        results = import_po_dir(folder, user=translator)
        if not results:
            raise CommandError(f"{directory}: no .po file found.")
        rejected = 0
        for result in results:
            if result.problems:
                rejected += 1
                for problem in result.problems:
                    self.stderr.write(str(problem))
                self.stderr.write(f"{result.path}: rejected, nothing applied.")
            elif result.changed:
                self.stdout.write(
                    f"{result.path}: {result.changed} segment(s) updated; draft revision "
                    f"{result.revision.pk} awaits review."
                )
            else:
                self.stdout.write(f"{result.path}: no change.")
        if rejected:
            raise CommandError(f"{rejected} of {len(results)} file(s) rejected.")
        self.stdout.write(self.style.SUCCESS(f"{len(results)} file(s) imported."))
