from django.core.management.base import BaseCommand

from pages.site_setup.demo import DEMO_ACCOUNTS, DEMO_ADMIN, load_demo
from pages.site_setup.skeleton import ensure_skeleton


class Command(BaseCommand):
    help = "Create the locales, the site, the home pages and the sections (idempotent); --demo adds demo content."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also create demo pages and a local demo admin account.")

    def handle(self, *args, demo=False, **options):
        if demo:
            result = load_demo()
            self.stdout.write(self.style.SUCCESS(f"Demo content ready: {len(result['pages'])} pages in French and English."))
            self.stdout.write(
                f"Admin: http://127.0.0.1:8000/admin/  login: {DEMO_ADMIN['username']}  password: {DEMO_ADMIN['password']}"
                "  (local demo only)"
            )
            self.stdout.write("Role accounts (local demo only):")
            for account in DEMO_ACCOUNTS:
                self.stdout.write(
                    f"  {account['group']:<15} login: {account['username']:<15} password: {account['password']}"
                )
        else:
            ensure_skeleton()
            self.stdout.write(self.style.SUCCESS("Site ready: locales fr/en, home pages and sections."))
