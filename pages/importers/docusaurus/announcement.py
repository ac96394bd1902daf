"""The old site's announcement bar (``themeConfig.announcementBar``) → a French site notice.

Run by the writer after the docs, so that in-site links of the bar find the pages the docs became
(through the redirects the import just created). The notice keeps a stable translation key made
from the bar's ``id``: a re-import updates it in place, and an unchanged bar changes nothing.
"""

from __future__ import annotations

import html
import uuid
from html.parser import HTMLParser
from urllib.parse import urlsplit

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale

from pages.live.models import Severity, SiteNotice

from .safety import is_safe_url, refused_url_message

SOURCE = "docusaurus.config (themeConfig.announcementBar)"
INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i"}


class _Message(HTMLParser):
    """The bar's HTML as the notice's rich text: text, bold, italic and links, nothing else."""

    def __init__(self, resolve_link):
        super().__init__(convert_charrefs=True)
        self.resolve_link = resolve_link
        self.out = []
        self.open = []  # closing tags to write, one per start tag kept

    def handle_starttag(self, tag, attrs):
        if tag in INLINE:
            self.out.append(f"<{INLINE[tag]}>")
            self.open.append((tag, f"</{INLINE[tag]}>"))
        elif tag == "a":
            start = self.resolve_link(dict(attrs).get("href") or "")
            self.out.append(start)
            self.open.append((tag, "</a>" if start else ""))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                self.out.append(self.open.pop(index)[1])
                return

    def handle_data(self, data):
        self.out.append(html.escape(data, quote=False))

    def text(self):
        self.out.extend(closing for _tag, closing in reversed(self.open))
        return "".join(self.out).strip()


def import_announcement(site, report, *, dry_run=False):
    """Create or update the notice of ``site.announcement``; report what was (or, in a dry run,
    would be) done. A dry run saves nothing: saving a notice also empties the notices' cache."""
    bar = site.announcement
    if not bar:
        return None

    def resolve_link(href):
        href = href.strip()
        if not is_safe_url(href):
            report.add("url_scheme_refused", SOURCE, 0, refused_url_message(href))
            return ""
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:
            return f'<a href="{html.escape(href)}">'
        path = Redirect.normalise_path(parts.path or "/")
        redirect = Redirect.objects.filter(old_path=path, site__isnull=True, redirect_page__isnull=False).first()
        if redirect is None:
            report.add("link_unresolved", SOURCE, 0,
                       f"Lien « {href[:80]} » de la barre d'annonce sans page importée : le texte est conservé sans lien.")
            return ""
        return f'<a linktype="page" id="{redirect.redirect_page_id}">'

    parser = _Message(resolve_link)
    parser.feed(bar["content"])
    parser.close()
    message = f"<p>{parser.text()}</p>"
    key = uuid.uuid5(uuid.NAMESPACE_URL, f"docusaurus-announcement:{site.url}{site.base_url}{bar['id']}")
    french = Locale.objects.get(language_code="fr")
    notice = SiteNotice.objects.filter(translation_key=key, locale=french).first()
    wanted = {"message": message, "dismissible": bar["closeable"]}
    if notice is not None and all(getattr(notice, name) == value for name, value in wanted.items()):
        return notice
    if notice is None:
        notice = SiteNotice(translation_key=key, locale=french, severity=Severity.INFO, **wanted)
    else:
        for name, value in wanted.items():
            setattr(notice, name, value)
    notice.full_clean()
    if not dry_run:
        notice.save()
    report.add("announcement_imported", SOURCE, 0,
               "Barre d'annonce de l'ancien site importée comme avis du site (menu « Avis du site ») : "
               "vérifiez-la et traduisez-la.", "info")
    return notice
