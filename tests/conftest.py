"""Shared fixtures. The demo site (both languages) is built once per test database."""

import os
from types import SimpleNamespace

from django.core.management import call_command

from wagtail.models import Locale

import pytest
from pytest_django.plugin import blocking_manager_key

from home.models import HomePage
from pages.models import MissionPage, SpacePage, ToolGuidePage

from . import hypothesis_profiles  # noqa: F401  (registers and loads the `ci` / `fuzz` profiles)

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


_test_database_ready = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    global _test_database_ready
    with django_db_blocker.unblock():
        call_command("setup_site", "--demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    _test_database_ready = True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A transactional test (live server, several connections) ends with a flush, which empties the
    demo site the other tests read. In random order one can come before them: the demo is then
    built again and committed before the next test's fixtures (and its transaction) start.
    Transactional tests build their own (`live_site_tree`)."""
    marker = item.get_closest_marker("django_db")
    names = item.fixturenames
    transactional = (marker is not None and marker.kwargs.get("transaction")) or any(
        name in names for name in ("transactional_db", "live_server"))
    if not _test_database_ready or transactional or not (marker is not None or "db" in names):
        return
    with item.config.stash[blocking_manager_key].unblock():
        if not HomePage.objects.exists():
            _restore_wagtail_roots()
            call_command("setup_site", "--demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _demo_tree():
    fr = Locale.objects.get(language_code="fr")
    en = Locale.objects.get(language_code="en")
    home_fr = HomePage.objects.get(locale=fr, depth=2)
    space_fr = SpacePage.objects.get(locale=fr, slug="studio-balado")
    guide_fr = ToolGuidePage.objects.get(locale=fr, slug="imprimante-3d-bambu")
    mission_fr = MissionPage.objects.get(locale=fr, slug="mission")
    return SimpleNamespace(
        fr=fr, en=en, home_fr=home_fr, home_en=home_fr.get_translation(en).specific,
        space_fr=space_fr, space_en=space_fr.get_translation(en).specific,
        guide_fr=guide_fr, guide_en=guide_fr.get_translation(en).specific,
        mission_fr=mission_fr, mission_en=mission_fr.get_translation(en).specific,
        sections={p.slug: p.specific for p in home_fr.get_children().specific()},
    )


@pytest.fixture(autouse=True)
def _empty_caches():
    """The page cache outlives each test's rolled-back database: start every test without it."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Every test starts in the site's language: a request to /en/ leaves English active in the
    thread (Django's LocaleMiddleware activates, nothing deactivates), and in random order the
    messages a later test reads would come out in English."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def site_tree(db):
    """The demo site: French tree, its English translation, one page of each type."""
    return _demo_tree()


def _restore_wagtail_roots():
    """A flush (end of a previous transactional test) also empties what Wagtail's migrations
    created: the root page, the root collection and the default locale. Put them back."""
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Collection, Page

    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale,
                                    content_type=ContentType.objects.get_for_model(Page)))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@pytest.fixture
def live_site_tree(transactional_db):
    """The demo site for live-server tests (their database is flushed after each test)."""
    _restore_wagtail_roots()
    call_command("setup_site", "--demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return _demo_tree()


@pytest.fixture
def admin_user(db):
    from django.contrib.auth import get_user_model

    from pages.site_setup.demo import DEMO_ADMIN

    return get_user_model().objects.get(username=DEMO_ADMIN["username"])


@pytest.fixture
def role_users(db):
    """The demo account of each editorial role, keyed by group name (Rédaction, Révision…)."""
    from django.contrib.auth import get_user_model

    from pages.site_setup.demo import DEMO_ACCOUNTS

    users = get_user_model().objects.in_bulk([a["username"] for a in DEMO_ACCOUNTS], field_name="username")
    return {a["group"]: users[a["username"]] for a in DEMO_ACCOUNTS}
