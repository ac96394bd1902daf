"""Every old URL of the Docusaurus site -> a permanent redirect to the page it became."""

from __future__ import annotations

from wagtail.contrib.redirects.models import Redirect


class Redirects:
    def __init__(self, report):
        self.report = report
        self.index = {}

    def load(self):
        """The existing site-wide redirects, in one query (an unchanged doc needs no other)."""
        self.index = {
            old_path: (page_id, permanent) for old_path, page_id, permanent in
            Redirect.objects.filter(site__isnull=True).values_list("old_path", "redirect_page_id", "is_permanent")}

    def in_place(self, node, page_id):
        """True when every old URL of the node already redirects permanently to the page."""
        for url in node.old_urls:
            path = Redirect.normalise_path(url)
            if path not in ("", "/") and len(path) <= 255 and self.index.get(path) != (page_id, True):
                return False
        return True

    def count_unchanged(self, node):
        self.report.redirects["unchanged"] += sum(1 for url in node.old_urls if Redirect.normalise_path(url) not in ("", "/"))

    def point(self, node, page):
        for url in node.old_urls:
            self._redirect(url, page, node.key)

    def _redirect(self, url, page, source):
        path = Redirect.normalise_path(url)
        if path in ("", "/"):
            self.report.add("redirect_root_skipped", source, 0, "L'ancienne adresse est la racine du site : pas de redirection.", "info")
            return
        if len(path) > 255:
            self.report.add("redirect_too_long", source, 0, f"Ancienne adresse trop longue pour une redirection : {path[:80]}…")
            return
        existing = Redirect.objects.filter(old_path=path, site__isnull=True).first()
        if existing is None:
            Redirect.objects.create(old_path=path, site=None, redirect_page=page, is_permanent=True)
            self.report.redirects["created"] += 1
        elif existing.redirect_page_id != page.pk or not existing.is_permanent:
            existing.redirect_page = page
            existing.redirect_link = ""
            existing.is_permanent = True
            existing.save()
            self.report.redirects["updated"] += 1
        else:
            self.report.redirects["unchanged"] += 1
