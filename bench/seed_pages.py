"""Pages for the benchmark: copies of the demo space, spread over sections of at most 1,000.

`python -m bench.seed_pages --pages N` (with the benchmark's environment) brings the site to N live pages.
"""

import os

from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

BATCH = 1000


def seed_pages(total):
    """Bring the number of live pages to at least `total` (idempotent, only adds).

    The search index and the reference index are not updated for these pages
    (`manage.py update_index` and `rebuild_references_index` would): they are copies of one page,
    and updating both indexes took half of the seeding time.
    """
    from wagtail.signal_handlers import disable_reference_index_auto_update

    backends = {name: {**config, "AUTO_UPDATE": False} for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), disable_reference_index_auto_update():
        return _seed(total)


def _seed(total):
    # Imported here: run as a script, Django is set up only in main().
    from wagtail.models import Locale, Page

    from pages.models import SectionPage, SpacePage

    fr = Locale.objects.get(language_code="fr")
    template = SpacePage.objects.get(locale=fr, slug="studio-balado")
    espaces = template.get_parent().specific
    missing = total - Page.objects.live().count()
    lot = SectionPage.objects.filter(locale=fr, slug__startswith="lot-").count()
    now = timezone.now()
    while missing > 0:
        with transaction.atomic():
            lot += 1
            section = SectionPage(title=f"Lot {lot}", slug=f"lot-{lot}", show_child_cards=False, live=True,
                                  first_published_at=now, last_published_at=now)
            espaces.add_child(instance=section)
            for index in range(min(BATCH, missing - 1)):
                section.add_child(instance=SpacePage(
                    title=f"Espace {lot}-{index}", slug=f"espace-{lot}-{index}", summary=template.summary,
                    hero_image_id=template.hero_image_id, hero_image_alt=template.hero_image_alt,
                    body=template.body.raw_data, gallery=template.gallery.raw_data,
                    live=True, first_published_at=now, last_published_at=now,
                ))
        missing = total - Page.objects.live().count()
    if connection.vendor == "postgresql":
        # As after any bulk load: without fresh statistics the planner takes 10,000 pages for a
        # handful and sorts them all for a 20-item API listing (33 ms instead of 0.1 ms).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Page.objects.live().count()


def main():
    import argparse

    import django

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, required=True, help="live pages wanted in all")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    django.setup()
    print(f"{seed_pages(args.pages)} live pages.")


if __name__ == "__main__":
    main()
