from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Locale, Page

from pages.translation.machine import machine_translate_page


class Command(BaseCommand):
    help = "Fill untranslated segments with machine translation and save drafts for review (never publishes)."

    def add_arguments(self, parser):
        parser.add_argument("--locale", required=True)
        parser.add_argument("--user", required=True, help="Username of the translator; needs edit permission.")
        parser.add_argument("--page", type=int, action="append", help="French page id (repeatable); default: all.")

    def handle(self, *args, locale, user, page=None, **options):
        target = Locale.objects.filter(language_code=locale).first()
        if target is None:
            raise CommandError(f"Unknown locale {locale!r}.")
        translator = get_user_model().objects.filter(username=user).first()
        if translator is None:
            raise CommandError(f"Unknown user {user!r}.")
        pages = Page.objects.filter(locale=Locale.get_default(), depth__gt=1).order_by("path")
        if page:
            pages = pages.filter(pk__in=page)
        for french in pages.specific():
            _translation, revision = machine_translate_page(french, target, translator)
            state = f"draft revision {revision.pk}" if revision else "nothing left to translate"
            self.stdout.write(f"#{french.pk} {french.url_path}: {state}")
