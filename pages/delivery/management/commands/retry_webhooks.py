from django.core.management.base import BaseCommand

from pages.delivery.webhooks import retry_due


class Command(BaseCommand):
    help = "Resend the webhook deliveries whose next attempt is due (run it every minute from cron or a timer)."

    def handle(self, *args, **options):
        count = retry_due()
        self.stdout.write(f"{count} webhook deliveries retried.")
