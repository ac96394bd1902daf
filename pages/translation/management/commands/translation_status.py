import json

from django.core.management.base import BaseCommand

from pages.translation.status import Status, all_states


class Command(BaseCommand):
    help = "Show, per French page and target language: missing, in progress, outdated (since) or up to date."

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="Only this target language (e.g. en).")
        parser.add_argument("--status", choices=Status.values, help="Only translations in this state.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, locale=None, status=None, format="text", **options):
        states = all_states(locale, status=status)
        if format == "json":
            self.stdout.write(json.dumps([s.as_dict() for s in states], indent=2, ensure_ascii=False))
            return
        for s in states:
            since = f" since {s.since:%Y-%m-%d %H:%M}" if s.since else ""
            detail = f" ({s.detail})" if s.detail else ""
            self.stdout.write(
                f"{s.locale.language_code}  {s.status:<11}{since}{detail}  "
                f"{s.translated_segments}/{s.total_segments}  #{s.source_page.pk} {s.source_page.url_path}"
            )
        counts = {value: sum(1 for s in states if s.status == value) for value in Status.values}
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in counts.items()))
