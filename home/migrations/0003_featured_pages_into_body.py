"""The home page's featured pages become the first row of its blocks, its sections the second:
the home reads as before, and editors can now reorder, add and remove rows. Every revision is
converted too, so that comparing and reverting keep working."""

import json
import uuid

from django.db import migrations

HEADINGS = {"fr": ("À la une", "Explorer"), "en": ("Featured", "Explore")}


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _body(featured, language):
    featured_heading, sections_heading = HEADINGS.get(language, HEADINGS["fr"])
    cards = [
        _item({"page": block["value"], "url": "", "title": "", "text": "", "link_text": "", "image": None, "image_alt": ""})
        for block in featured if block.get("type") == "page" and block.get("value")
    ]
    body = []
    if cards:
        body.append({"type": "featured_cards", "id": str(uuid.uuid4()),
                     "value": {"heading": featured_heading, "cards": cards}})
    body.append({"type": "section_cards", "id": str(uuid.uuid4()), "value": {"heading": sections_heading, "pages": []}})
    return body


def _featured(body):
    pages = []
    for block in body:
        if block.get("type") == "featured_cards":
            for item in block["value"].get("cards", []):
                value = item.get("value", item) if isinstance(item, dict) else {}
                if value.get("page"):
                    pages.append({"type": "page", "value": value["page"], "id": str(uuid.uuid4())})
    return pages


def _raw(value):
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return json.loads(value)
    return list(value.raw_data) if hasattr(value, "raw_data") else list(value)


def _convert(apps, write, source, target):
    HomePage = apps.get_model("home", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="home", model="homepage").first()
    for page in HomePage.objects.select_related("locale"):
        setattr(page, target, write(_raw(getattr(page, source)), page.locale.language_code))
        page.save(update_fields=[target])
        if content_type is None:
            continue
        for revision in Revision.objects.filter(content_type_id=content_type.pk, object_id=str(page.pk)):
            content = revision.content
            content[target] = json.dumps(write(_raw(content.pop(source, None)), page.locale.language_code))
            revision.content = content
            revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    _convert(apps, _body, "featured_pages", "body")


def backwards(apps, schema_editor):
    _convert(apps, lambda body, _language: _featured(body), "body", "featured_pages")


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0002_homepage_body"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
