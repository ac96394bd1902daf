"""`setup_site` is safe to run again: the second run finds everything and changes nothing."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page, Revision, Site

import pytest

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "pages": sorted(Page.objects.values_list("id", "url_path", "live")),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("hostname", "root_page_id", "is_default_site")),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_running_setup_site_twice_gives_the_same_site(site_tree):
    before = _snapshot()
    call_command("setup_site", "--demo", stdout=io.StringIO())
    call_command("setup_site", stdout=io.StringIO())
    assert _snapshot() == before


def test_the_site_serves_the_french_home_and_both_locales_exist(site_tree):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == site_tree.home_fr.pk
    assert {"fr", "en"} <= set(Locale.objects.values_list("language_code", flat=True))
    # The placeholder page of a fresh Wagtail install is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_setup_site_demo_prints_the_admin_url_and_login():
    out = io.StringIO()
    call_command("setup_site", "--demo", stdout=out)
    text = out.getvalue()
    assert "/admin/" in text
    assert "login: admin" in text
