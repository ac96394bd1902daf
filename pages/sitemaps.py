"""sitemap.xml with the pages of every language, each listing its translations as alternates."""

from django.conf import settings
from django.db.models import Q
from django.utils.functional import cached_property

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    """Wagtail's sitemap covers the site root (the French tree) only; this one adds every translation of it."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).live()
        in_trees = Q()
        for home in homes:
            in_trees |= Q(path__startswith=home.path)
        if not in_trees:
            return Page.objects.none()
        return (
            Page.objects.filter(in_trees).live().public().select_related("locale")
            .order_by("path").defer_streamfields().specific()
        )

    @cached_property
    def _translations(self):
        """translation_key → {language code: full URL}, over every page of the sitemap."""
        table = {}
        for page in self.items():
            url = page.get_full_url(self.request)
            if url:
                table.setdefault(page.translation_key, {})[page.locale.language_code] = url
        return table

    @cached_property
    def _key_of_location(self):
        return {url: key for key, languages in self._translations.items() for url in languages.values()}

    def get_urls(self, page=1, site=None, protocol=None):
        # Wagtail's entries (from each page's get_sitemap_urls) carry no item, only its address:
        # the alternates are found by that address.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url_info in urls:
            url_info["alternates"] = self._alternates(self._key_of_location.get(url_info["location"]))
        return urls

    def _alternates(self, translation_key):
        languages = self._translations.get(translation_key, {})
        if len(languages) < 2:
            return []
        alternates = [{"lang_code": code, "location": languages[code]}
                      for code, _name in settings.LANGUAGES if code in languages]
        if settings.LANGUAGE_CODE in languages:
            alternates.append({"lang_code": "x-default", "location": languages[settings.LANGUAGE_CODE]})
        return alternates
