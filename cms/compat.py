"""Every use of a private part of Wagtail, Django, treebeard or wagtail-localize, in one place.

Each entry says what it touches, why no public API does the job, the version it was written
against and the upstream page to watch. ``tests/test_compat.py`` has one test per entry that
fails when the private part disappears or changes meaning, so an upgrade breaks there first,
with a name, instead of somewhere in a page render.

Written against: Django 5.2, Wagtail 8.0, django-treebeard 5.3, wagtail-localize 1.14.
"""

import contextvars
import functools
from contextlib import contextmanager

from wagtail_localize.views.convert import convert_to_alias
from wagtail_localize.views.edit_translation import apply_machine_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

__all__ = [
    "apply_machine_translation",
    "convert_to_alias",
    "UpdateTranslationsView",
    "LOCALIZE_REPLACED_URLS",
    "remember_parent",
    "remembered_parent",
    "keep_workflow_state",
    "share_site_root_paths",
    "mark_logged",
    "set_stored_file",
    "reused_redis_client",
    "search_index_receiver",
    "memoise_locale_lookups",
    "locales_read_once",
    "remember_request_locales",
    "all_locales",
    "remembered_locale",
    "find_site_uncached",
    "request_hostname",
    "has_request_site",
    "set_request_site",
    "snippet_translation_side_panels",
    "check_snippet_translations_per_instance",
    "has_prefetched_renditions",
]


# --- treebeard: a page's parent kept on the page --------------------------------------------
# Page.get_parent() (treebeard's MP_Node) returns `_cached_parent_obj` when it is set, as
# Wagtail's own Page.route sets it while walking down the tree. Our one-query router and the
# breadcrumbs use it to avoid a query per ancestor. No public setter exists.
# Watch: Page.route in https://github.com/wagtail/wagtail/blob/main/wagtail/models/pages.py
# and MP_Node.get_parent in https://github.com/django-treebeard/django-treebeard/blob/master/treebeard/mp_tree.py
_PARENT = "_cached_parent_obj"


def remember_parent(page, parent):
    setattr(page, _PARENT, parent)


def remembered_parent(page):
    """The parent routing left on `page`, or None when the page was reached otherwise."""
    return getattr(page, _PARENT, None)


# --- Wagtail: a page's current workflow state, read once ----------------------------------
# Page.current_workflow_state reads `_current_workflow_states` (what Wagtail's own prefetch
# fills) before querying; the action menu asks for it several times per edit view.
# Watch: Page.current_workflow_state in https://github.com/wagtail/wagtail/blob/main/wagtail/models/pages.py
def keep_workflow_state(page, state):
    page._current_workflow_states = [state] if state else []


# --- Wagtail: the site root paths, shared by the pages of one API listing -----------------
# Page._get_site_root_paths() keeps the paths on each page under this name; a listing of 20
# pages would otherwise read them 20 times from the cache. Watch Page._get_site_root_paths in
# https://github.com/wagtail/wagtail/blob/main/wagtail/models/pages.py
def share_site_root_paths(pages, root_paths):
    for page in pages:
        page._wagtail_cached_site_root_paths = root_paths


# --- Wagtail: renditions prefetched with an image --------------------------------------------
# AbstractImage.find_existing_renditions() answers from `prefetch_renditions()`'s result, kept by
# `_get_prefetched_renditions()`, before the cache; our rendition look-up (pages/blocks/media.py)
# reads the cache first only when nothing was prefetched, so that a prefetch is never wasted.
# Watch: AbstractImage in https://github.com/wagtail/wagtail/blob/main/wagtail/images/models.py
def has_prefetched_renditions(image):
    return image._get_prefetched_renditions() is not None


# --- Django: a response already logged ----------------------------------------------------
# django.utils.log.log_response() skips a response marked `_has_been_logged`; the database
# outage page is logged once by its own logger, not once per refused request with a traceback.
# Watch: log_response in https://github.com/django/django/blob/main/django/utils/log.py
def mark_logged(response):
    response._has_been_logged = True
    return response


# --- Django: a file field set past its descriptor ------------------------------------------
# Assigning to an image's `file` makes Wagtail decode the whole image to read its size; the
# importer already has the size from the header. Django's FileDescriptor reads the raw value
# from the instance's __dict__ and wraps it on first access.
# Watch: FileDescriptor in https://github.com/django/django/blob/main/django/db/models/fields/files.py
def set_stored_file(obj, field, stored_name):
    obj.__dict__[field.attname] = stored_name


# --- Django: one redis client per connection pool -------------------------------------------
# RedisCacheClient builds a new redis.Redis for every call (~170 response callbacks each);
# keeping one per pool needs its pool list, pool class, servers and client class, none public.
# Watch: RedisCacheClient in https://github.com/django/django/blob/main/django/core/cache/backends/redis.py
REDIS_CLIENT_PRIVATE = ("_pools", "_pool_class", "_servers", "_pool_options", "_client",
                        "_get_connection_pool_index")


def reused_redis_client(cache_client, write):
    index = cache_client._get_connection_pool_index(write)
    clients = cache_client.__dict__.setdefault("_studiobib_clients", {})
    if index not in clients:
        pools = cache_client._pools
        if index not in pools:
            pools[index] = cache_client._pool_class.from_url(cache_client._servers[index],
                                                             **cache_client._pool_options)
        clients[index] = cache_client._client(connection_pool=pools[index])
    return clients[index]


# --- modelsearch (Wagtail's search): the receiver that indexes an object at each save -----------
# The importer disconnects it for the length of a run and indexes each saved object once at the
# end (pages/importers/docusaurus/run_control.py). It is connected per indexed model by
# register_signal_handlers. Watch: modelsearch/signal_handlers.py in https://github.com/wagtail/django-modelsearch
def search_index_receiver():
    from modelsearch.signal_handlers import post_save_signal_handler

    return post_save_signal_handler


# --- Wagtail: Locale.get_for_language read once per language per request -------------------------
# Every `.localized` (Page.route_for_request on the site root, then each template that localizes a
# page or snippet) calls Locale.get_active() -> Locale.objects.get_for_language(), one query each time.
# Wagtail has no cache for it: an in-process one was proposed and left because other threads and
# processes would keep a deleted locale (https://github.com/wagtail/wagtail/pull/9488). Within one
# request that question does not arise, so the manager's method is wrapped to answer from a per-request
# memo while `locales_read_once()` is active (cms.middleware.LocalesReadOnceMiddleware), and
# exactly as before outside it. Watch: Locale in wagtail/models/i18n.py.
_request_locales = contextvars.ContextVar("request_locales", default=None)


def memoise_locale_lookups():
    from wagtail.models.i18n import LocaleManager

    original = LocaleManager.get_for_language
    if getattr(original, "_memoised", False):
        return

    @functools.wraps(original)
    def get_for_language(manager, language_code):
        memo = _request_locales.get()
        if memo is None:
            return original(manager, language_code)
        if language_code not in memo:
            memo[language_code] = original(manager, language_code)  # a missing locale raises, unremembered
        return memo[language_code]

    get_for_language._memoised = True
    LocaleManager.get_for_language = get_for_language


@contextmanager
def locales_read_once():
    token = _request_locales.set({})
    try:
        yield
    finally:
        _request_locales.reset(token)


_ALL_LOCALES = object()  # the memo's key for the complete list, when the site cache gave it


def remember_request_locales(locales):
    """Give this request's memo every Locale row, read elsewhere (the site cache keeps them)."""
    memo = _request_locales.get()
    if memo is not None:
        memo[_ALL_LOCALES] = list(locales)
        for locale in locales:
            memo.setdefault(locale.language_code, locale)


def remembered_locale(pk):
    """The Locale row `pk` when the site cache gave this request every Locale, else None (no query)."""
    memo = _request_locales.get()
    if memo is None or _ALL_LOCALES not in memo:
        return None
    return next((locale for locale in memo[_ALL_LOCALES] if locale.pk == pk), None)


def all_locales():
    """Every Locale: the request's, when the site cache gave them, else read now."""
    memo = _request_locales.get()
    if memo is not None and _ALL_LOCALES in memo:
        return memo[_ALL_LOCALES]
    from wagtail.models import Locale

    return list(Locale.objects.all())


# --- Wagtail: the request's Site given from our cache ------------------------------------------
# Site.find_for_request reads the Site from the database on every request and keeps it on the
# request as `_wagtail_site`; every later call (routing, page URLs, our reading facts) answers
# from that attribute. pages.delivery.site_cache sets it from the page cache's store, and reads it
# with Wagtail's own `_find_for_request` on a miss. Neither has a public form.
# Watch: Site.find_for_request in wagtail/models/sites.py.
_REQUEST_SITE = "_wagtail_site"


def find_site_uncached(request):
    from wagtail.models import Site

    return Site._find_for_request(request)


def request_hostname(request):
    """The host of the request as Wagtail finds its site: before the ALLOWED_HOSTS check."""
    from django.http.request import split_domain_port

    return split_domain_port(request._get_raw_host())[0]


def has_request_site(request):
    return hasattr(request, _REQUEST_SITE)


def set_request_site(request, site):
    setattr(request, _REQUEST_SITE, site)


# --- wagtail-localize: view functions and views we reuse or replace -------------------------
# `apply_machine_translation` and `convert_to_alias` are module functions of its views, not a
# documented API; `UpdateTranslationsView` is subclassed to publish only what the user may.
# Two of its admin URLs are answered by our views, registered on the same paths before its own
# (pages/translation/wagtail_hooks.py): the PO upload, "Sync translated pages" and
# "Convert to alias" (which must go through review).
# Watch: the views in https://github.com/wagtail/wagtail-localize/tree/main/wagtail_localize/views
# and their paths in wagtail_localize/wagtail_hooks.py.
LOCALIZE_REPLACED_URLS = {
    # wagtail-localize URL name: sample arguments to reverse it with
    "wagtail_localize:upload_pofile": {"translation_id": 1},
    "wagtail_localize:update_translations": {"translation_source_id": 1},
    "wagtail_localize:convert_to_alias": {"page_id": 1},
}


# --- wagtail-localize: the status panel of a translated snippet ----------------------------------
# Its snippet translation editor (views/edit_translation.py, `edit_translation`) builds a bare
# StatusSidePanel. Wagtail's own snippet editor uses SnippetStatusSidePanel, which takes the
# snippet's `workflow_history_url` and `revisions_compare_url_name` from the view's context; the
# translation editor gives neither, so once the snippet is in review the panel's workflow dialog
# reverses an empty URL name ("NoReverseMatch: Reverse for '' not found") and the editor answers
# 500. Here each such panel is rebuilt as the snippet editor's, from the attributes
# StatusSidePanel.__init__ keeps, and the two URLs come from the snippet's viewset.
# Written against wagtail-localize 1.14.5 and Wagtail 8.0; no upstream issue found for it: watch
# `edit_translation` in https://github.com/wagtail/wagtail-localize/blob/main/wagtail_localize/views/edit_translation.py
# (snippet revisions upstream: https://github.com/wagtail/wagtail-localize/pull/751).
STATUS_PANEL_ATTRIBUTES = ("locale", "translations", "usage_url", "history_url", "last_updated_info")


def snippet_translation_side_panels(side_panels, instance):
    """(side panels, extra template context) for wagtail-localize's editor of a snippet `instance`."""
    from django.contrib.admin.utils import quote
    from django.urls import reverse

    from wagtail.admin.ui.side_panels import StatusSidePanel
    from wagtail.snippets.side_panels import SnippetStatusSidePanel

    viewset = getattr(instance, "snippet_viewset", None)
    if viewset is None:
        return side_panels, {}
    panels = [
        SnippetStatusSidePanel(panel.object, panel.request,
                               **{name: getattr(panel, name) for name in STATUS_PANEL_ATTRIBUTES})
        if type(panel) is StatusSidePanel else panel
        for panel in side_panels
    ]
    for panel in panels:
        if isinstance(panel, SnippetStatusSidePanel) and panel.history_url is None:
            panel.history_url = reverse(viewset.get_url_name("history"), args=[quote(instance.pk)])
    return panels, {
        "workflow_history_url": reverse(viewset.get_url_name("workflow_history"), args=[quote(instance.pk)]),
        "revisions_compare_url_name": viewset.get_url_name("revisions_compare"),
    }


# --- wagtail-localize: a snippet's translation strings edited only by who may change that entry --
# The translation editor's string, override, PO and machine-translation views ask the module
# function `user_can_edit_instance`, which checks a snippet's model permission only
# (`user_can_edit_snippet_type`), never the snippet's permission policy: an editor who may change
# French entries could still type English strings through them. Wagtail's own generic views have
# the same gap (https://github.com/wagtail/wagtail/issues/13314). The function is wrapped so that a
# snippet registered with a viewset is also asked of its policy, per instance; pages are unchanged.
# Watch: user_can_edit_instance in https://github.com/wagtail/wagtail-localize/blob/main/wagtail_localize/views/edit_translation.py
def check_snippet_translations_per_instance():
    from wagtail.models import Page
    from wagtail_localize.views import edit_translation

    original = edit_translation.user_can_edit_instance
    if getattr(original, "_per_instance", False):
        return

    @functools.wraps(original)
    def user_can_edit_instance(user, instance):
        if not original(user, instance):
            return False
        viewset = None if isinstance(instance, Page) else getattr(instance, "snippet_viewset", None)
        if viewset is None:
            return True
        return viewset.permission_policy.user_has_permission_for_instance(user, "change", instance)

    user_can_edit_instance._per_instance = True
    edit_translation.user_can_edit_instance = user_can_edit_instance


# --- Wagtail: API v3 routers and schemas built when the API is first imported, not at start-up --------
# In Wagtail 8 the ready() of wagtail.contrib.redirects, wagtail.snippets, wagtail.documents and
# wagtail.images import `wagtail.api.v3.api`, build the pydantic schemas of every page, snippet,
# image and document model (`register_content_types`, and `registry.register_defaults()` run when
# `wagtail.api.v3.registry` is imported) and add their ninja routers: about half the start-up CPU of
# every process (manage.py commands, the WSGI app; bench/results/startup.md), whether or not it serves
# the API. No setting turns it off. So, while each of those ready() runs, the modules it imports for the API are stand-ins
# that write down what it asks (`register_content_types()`, `api.add_router(prefix, router)`); the
# first real import of `wagtail.api.v3.api` (the URLconf, cms/urls.py; or any code or test that uses the
# API) replays them in the same order, with the real modules, so the API ends up exactly as built
# at start-up. Watch: the ready() of those four apps (wagtail/<app>/apps.py) and wagtail/api/v3/api.py
# in https://github.com/wagtail/wagtail (the order of those calls matters, see
# https://github.com/torchbox/wagtailmedia/issues/286).
API_V3_DEFERRED_APPS = {
    # app config: the modules its ready() imports for API v3, and the names it takes from each
    "wagtail.contrib.redirects.apps.WagtailRedirectsAppConfig": {
        "wagtail.contrib.redirects.api.v3": ("router",),
    },
    "wagtail.snippets.apps.WagtailSnippetsAppConfig": {
        "wagtail.snippets.api.v3": ("register_content_types",),
        "wagtail.snippets.api.v3.router": ("router",),
    },
    "wagtail.documents.apps.WagtailDocsAppConfig": {
        "wagtail.documents.api.v3.registry": ("register_content_types",),
        "wagtail.documents.api.v3.router": ("router",),
    },
    "wagtail.images.apps.WagtailImagesAppConfig": {
        "wagtail.images.api.v3.registry": ("register_content_types",),
        "wagtail.images.api.v3.router": ("router",),
    },
}
API_V3_MODULE = "wagtail.api.v3.api"
_api_v3_pending = []  # ("call", module, name) and ("add_router", prefix, module, name), in ready() order


class _DeferredName:
    """What ready() took from a stand-in module: called later, or passed to add_router."""

    def __init__(self, module, name):
        self.module, self.name = module, name

    def __call__(self):
        _api_v3_pending.append(("call", self.module, self.name))


class _DeferredApi:
    def add_router(self, prefix, router):
        _api_v3_pending.append(("add_router", prefix, router.module, router.name))


def _stand_in(module, names, sys_modules):
    import types

    stand_in = types.ModuleType(module, "Stands in for the real module while an app's ready() runs.")
    for name in names:
        setattr(stand_in, name, _DeferredName(module, name))
    sys_modules[module] = stand_in


def _replay_api_v3(api):
    import importlib

    while _api_v3_pending:
        action = _api_v3_pending.pop(0)
        if action[0] == "call":
            getattr(importlib.import_module(action[1]), action[2])()
        else:
            api.add_router(action[1], getattr(importlib.import_module(action[2]), action[3]))


class _ApiV3Finder:
    """Finds `wagtail.api.v3.api` as usual, and replays the deferred calls once it has run."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if fullname != API_V3_MODULE or not _api_v3_pending:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None:
            return None
        original = spec.loader.exec_module

        def exec_module(module):
            original(module)
            _replay_api_v3(module.api)

        spec.loader.exec_module = exec_module
        return spec


def defer_api_v3():
    """Called before the apps' ready() (pages.apps); a no-op once API v3 is imported."""
    import importlib
    import sys
    import types

    if API_V3_MODULE in sys.modules:
        return
    for dotted, modules in API_V3_DEFERRED_APPS.items():
        module_name, class_name = dotted.rsplit(".", 1)
        config = getattr(importlib.import_module(module_name), class_name)
        original = config.ready
        if getattr(original, "_defers_api_v3", False):
            continue

        def ready(self, _original=original, _modules=modules):
            if API_V3_MODULE in sys.modules:  # already built: nothing left to save
                return _original(self)
            stand_ins = {API_V3_MODULE: None, **dict.fromkeys(_modules)}
            for module in stand_ins:
                if module in sys.modules:
                    return _original(self)
            api_module = types.ModuleType(API_V3_MODULE, "Stands in for the API while an app's ready() runs.")
            api_module.api = _DeferredApi()
            sys.modules[API_V3_MODULE] = api_module
            for module, names in _modules.items():
                _stand_in(module, names, sys.modules)
            try:
                return _original(self)
            finally:
                for module in stand_ins:
                    sys.modules.pop(module, None)

        ready._defers_api_v3 = True
        ready.__wrapped__ = original
        config.ready = ready
    if _ApiV3Finder not in sys.meta_path:
        sys.meta_path.insert(0, _ApiV3Finder)
