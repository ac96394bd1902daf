"""Each private part of a library that cms/compat.py relies on still does what we use it for.

When one of these fails after an upgrade, the entry of the same name in cms/compat.py says what it
was for and where to look upstream.
"""

import inspect
import logging

from django.core.cache.backends.redis import RedisCacheClient
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation
from django.utils.log import log_response

from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail_localize.views.update_translations import UpdateTranslationsForm

import pytest

from cms import compat


@pytest.fixture
def page(site_tree):
    """A page read fresh from the database, with nothing kept on it."""
    return Page.objects.filter(depth=3).first()


def test_a_remembered_parent_is_what_get_parent_answers_without_a_query(page, django_assert_num_queries):
    parent = Page.objects.get(pk=page.get_parent().pk)
    fresh = Page.objects.get(pk=page.pk)
    assert compat.remembered_parent(fresh) is None
    compat.remember_parent(fresh, parent)
    with django_assert_num_queries(0):
        assert fresh.get_parent() is parent
    assert compat.remembered_parent(fresh) is parent


def test_a_kept_workflow_state_is_what_the_page_answers_without_a_query(page, django_assert_num_queries):
    compat.keep_workflow_state(page, None)
    with django_assert_num_queries(0):
        assert page.current_workflow_state is None
        assert page.workflow_in_progress is False

    class InProgress:
        status = "in_progress"

    state = InProgress()
    compat.keep_workflow_state(page, state)
    with django_assert_num_queries(0):
        assert page.current_workflow_state is state
        assert page.workflow_in_progress is True


def test_shared_site_root_paths_are_the_ones_each_page_builds_its_url_from(page, django_assert_num_queries):
    root_paths = Site.get_site_root_paths()
    pages = list(Page.objects.filter(depth=3))
    compat.share_site_root_paths(pages, root_paths)
    with django_assert_num_queries(0):
        for each in pages:
            assert each._get_site_root_paths() is root_paths
            assert each.get_url_parts() is not None


def test_a_response_marked_logged_is_not_logged_again_by_django(caplog):
    request = RequestFactory().get("/fr/")
    with caplog.at_level(logging.ERROR, logger="django.request"):
        log_response("unmarked", response=HttpResponse(status=503), request=request)
        log_response("marked", response=compat.mark_logged(HttpResponse(status=503)), request=request)
    assert [record.getMessage() for record in caplog.records] == ["unmarked"]


def test_a_file_set_past_its_descriptor_reads_as_that_stored_file(db):
    image = get_image_model()(title="x", width=10, height=10)
    field = image._meta.get_field("file")
    compat.set_stored_file(image, field, "original_images/pano.jpg")
    assert image.file.name == "original_images/pano.jpg"
    assert image.file.field is field


def test_one_redis_client_per_pool_is_kept_and_built_from_djangos_own_parts():
    client = RedisCacheClient(["redis://127.0.0.1:6379/0"])
    assert all(hasattr(client, name) for name in compat.REDIS_CLIENT_PRIVATE)
    first = compat.reused_redis_client(client, write=True)
    assert compat.reused_redis_client(client, write=False) is first  # one server: one pool
    assert first.connection_pool is client._pools[0]
    assert isinstance(first, client._client)


def test_the_search_receiver_the_importer_pauses_is_the_one_indexing_each_page_type():
    from django.db.models.signals import post_save

    from pages.models import ToolGuidePage

    receiver = compat.search_index_receiver()
    assert post_save.disconnect(receiver, sender=ToolGuidePage)  # True: it was connected
    post_save.connect(receiver, sender=ToolGuidePage)


@pytest.mark.parametrize("name", sorted(compat.LOCALIZE_REPLACED_URLS))
def test_the_wagtail_localize_urls_we_replace_are_answered_by_our_views(name):
    url = reverse(name, kwargs=compat.LOCALIZE_REPLACED_URLS[name])
    assert resolve(url).func.__module__.startswith("pages.translation.")


def test_the_wagtail_localize_functions_we_reuse_keep_their_signatures():
    assert list(inspect.signature(compat.apply_machine_translation).parameters) == [
        "translation_id", "user", "machine_translator"]
    assert list(inspect.signature(compat.convert_to_alias).parameters) == ["request", "page_id"]


def test_the_sync_form_we_narrow_still_has_the_fields_we_read():
    view = compat.UpdateTranslationsView
    assert callable(view.get_form) and callable(view.form_valid)
    form = UpdateTranslationsForm()
    assert "publish_translations" in form.fields


def test_within_one_request_each_locale_is_read_once_and_outside_it_every_time(db, django_assert_num_queries):
    from wagtail.models import Locale

    from cms.compat import locales_read_once

    lookup = type(Locale.objects).get_for_language
    assert getattr(lookup, "_memoised", False)  # wrapped at start-up
    assert lookup.__wrapped__.__qualname__ == "LocaleManager.get_for_language"
    assert inspect.signature(lookup.__wrapped__).parameters.keys() == {"self", "language_code"}
    with django_assert_num_queries(2):
        Locale.objects.get_for_language("fr"), Locale.objects.get_for_language("fr")
    with locales_read_once(), django_assert_num_queries(2):
        french = Locale.objects.get_for_language("fr")
        with translation.override("fr"):
            assert Locale.objects.get_for_language("fr") is french and Locale.get_active() is french
        assert Locale.objects.get_for_language("en").language_code == "en"
    with locales_read_once(), pytest.raises(LookupError):  # not a content language: never remembered
        Locale.objects.get_for_language("de")


def test_the_site_we_give_a_request_is_the_one_wagtail_then_answers_without_a_query(site_tree, django_assert_num_queries):
    request = RequestFactory().get("/fr/", HTTP_HOST="testserver:80")
    assert compat.request_hostname(request) == "testserver"
    with django_assert_num_queries(1):
        site = compat.find_site_uncached(request)
    assert site == Site.objects.get(is_default_site=True) and not compat.has_request_site(request)
    compat.set_request_site(request, site)
    with django_assert_num_queries(0):
        assert compat.has_request_site(request) and Site.find_for_request(request) is site


def test_a_translated_snippets_status_panel_is_rebuilt_as_the_snippet_editors_with_its_workflow_urls(db, rf):
    from wagtail.admin.ui.side_panels import StatusSidePanel
    from wagtail.snippets.side_panels import SnippetStatusSidePanel

    from pages.catalogues.models import Software

    entry = Software(pk=7, name="Excel", key="excel", category="Bureautique")
    request = rf.get("/")
    bare = StatusSidePanel(entry, request, locale="en", translations=[], usage_url="/usage/", last_updated_info=None)
    assert all(hasattr(bare, name) for name in compat.STATUS_PANEL_ATTRIBUTES)
    (panel,), extra = compat.snippet_translation_side_panels([bare], entry)
    assert type(panel) is SnippetStatusSidePanel
    assert (panel.locale, panel.usage_url) == ("en", "/usage/")
    assert panel.history_url == reverse("wagtailsnippets_catalogues_software:history", args=[7])
    assert extra == {
        "workflow_history_url": reverse("wagtailsnippets_catalogues_software:workflow_history", args=[7]),
        "revisions_compare_url_name": "wagtailsnippets_catalogues_software:revisions_compare",
    }
    # What SnippetStatusSidePanel reads from the page's context, as in Wagtail's own snippet editor.
    context = panel.get_context_data({**extra, "view": None})
    assert context["revisions_compare_url_name"] == extra["revisions_compare_url_name"]
    assert context["workflow_history_url"] == extra["workflow_history_url"]


# --- Wagtail: API v3 routers and schemas built when the API is first imported ---------------------
def test_each_deferred_ready_still_imports_api_v3_the_way_the_stand_ins_expect():
    import importlib

    for dotted, modules in compat.API_V3_DEFERRED_APPS.items():
        module_name, class_name = dotted.rsplit(".", 1)
        config = getattr(importlib.import_module(module_name), class_name)
        source = inspect.getsource(inspect.unwrap(config.ready))
        assert "from wagtail.api.v3.api import api" in source, dotted
        assert "api.add_router(" in source, dotted
        package = module_name.rsplit(".", 1)[0]
        for module, names in modules.items():
            relative = "from ." + module.removeprefix(package + ".") + " import "
            assert relative in source, (dotted, relative)
            for name in names:
                assert name in source, (dotted, name)


def test_the_api_v3_built_after_start_up_has_every_app_router_and_content_type():
    from wagtail.api.v3.api import api
    from wagtail.api.v3.registry import registry

    assert compat._api_v3_pending == []
    apps = ["/redirects/", "/snippets/", "/documents/", "/images/"]
    prefixes = [prefix for prefix, _router in api._routers if prefix in ("/pages/", *apps)]
    # Wagtail's own routers first, then the apps' in the order of their ready().
    assert prefixes == ["/pages/", *apps]
    assert {"wagtailimages.Image", "wagtaildocs.Document", "pages.SpacePage"} <= set(registry._registry)
    assert reverse("wagtailapi_v3:list_redirects").startswith("/api/v3/redirects/")
    assert reverse("wagtailapi_v3:detail_image", kwargs={"image_id": 1}) == "/api/v3/images/1/"


def test_start_up_leaves_api_v3_to_its_first_import_which_builds_it_as_before():
    import os
    import subprocess
    import sys

    probe = (
        "import sys, django; django.setup(); "
        "assert 'wagtail.api.v3.api' not in sys.modules and 'wagtail.api.v3.registry' not in sys.modules; "
        "from wagtail.api.v3.api import api; from wagtail.api.v3.registry import registry; "
        "print([p for p, _r in api._routers]); print(sorted(registry._registry))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=False,  # noqa: S603
                            env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"})
    assert result.returncode == 0, result.stderr
    routers, content_types = result.stdout.splitlines()
    assert routers.endswith("'/redirects/', '/snippets/', '/documents/', '/images/']"), routers
    assert "'/pages/'" in routers
    assert "wagtailimages.Image" in content_types and "home.HomePage" in content_types


def test_renditions_prefetched_with_an_image_are_seen_and_an_image_read_alone_has_none(site_tree):
    from wagtail.images import get_image_model

    from cms.compat import has_prefetched_renditions

    image = get_image_model().objects.first()
    assert not has_prefetched_renditions(image)
    assert has_prefetched_renditions(get_image_model().objects.filter(pk=image.pk).prefetch_renditions("fill-80x80").get())
