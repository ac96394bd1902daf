from django.core.management.base import BaseCommand

from pages.delivery.bench_seed import seed_pages


class Command(BaseCommand):
    help = "Add published pages (copies of the demo space) until the site has --pages live pages. For `make bench`."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, required=True)

    def handle(self, *args, pages, **options):
        self.stdout.write(f"{seed_pages(pages)} live pages.")
