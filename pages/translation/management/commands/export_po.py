from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale

from pages.translation.po import export_pos


class Command(BaseCommand):
    help = "Write one PO file per French page for translators (msgid = French, msgstr = translation)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True, help="Target language code, e.g. en.")
        parser.add_argument("--output", required=True, help="Folder to write the PO files into.")
        parser.add_argument(
            "--only-outdated", action="store_true",
            help="Only pages with work left: missing, outdated (synced first) or with untranslated segments.",
        )

    def handle(self, *args, locale, output, only_outdated, **options):
        target = Locale.objects.filter(language_code=locale).first()
        if target is None:
            raise CommandError(f"Unknown locale {locale!r}.")
        if target.language_code == Locale.get_default().language_code:
            raise CommandError(f"{locale!r} is the source language; export a target language.")
        with transaction.atomic():
            paths = export_pos(target, output, only_outdated=only_outdated)
        for path in paths:
            self.stdout.write(str(path))
        self.stdout.write(self.style.SUCCESS(f"{len(paths)} PO file(s) written to {output}."))
