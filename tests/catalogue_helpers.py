"""Catalogue entries and a page listing them, for the catalogue tests."""

from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from pages.catalogues.models import ModelSource, Software


def add_software(user=None, *, publish=True, **fields):
    fields.setdefault("key", fields["name"].lower().replace(" ", "-"))
    fields.setdefault("category", "Bureautique")
    fields.setdefault("locale", Locale.objects.get(language_code="fr"))
    entry = Software(live=False, **fields)
    entry.save()
    revision = entry.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        entry.refresh_from_db()
    return entry


def add_source(user=None, **fields):
    fields.setdefault("key", fields["name"].lower().replace(" ", "-"))
    fields.setdefault("locale", Locale.objects.get(language_code="fr"))
    entry = ModelSource(live=False, **fields)
    entry.save()
    entry.save_revision(user=user).publish(user=user)
    entry.refresh_from_db()
    return entry


def translate_entry(entry, user=None, **english):
    """The English translation of `entry`, its fields set to `english`, published."""
    en = Locale.objects.get(language_code="en")
    translate_object(entry, [en], user=user)
    translated = entry.get_translation(en)
    for name, value in english.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision(user=user).publish(user=user)
    translated.refresh_from_db()
    return translated


def place_catalogue(page, user, catalogue="software"):
    """Put a catalogue block at the end of `page`'s body and publish it."""
    from pages.site_setup.skeleton import publish

    page.body.append(("catalogue", {"catalogue": catalogue, "title": ""}))
    return publish(page, user)
