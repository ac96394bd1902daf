"""The old site's announcement bar (``themeConfig.announcementBar``) → a French site notice.

Run by the writer after the docs, so that in-site links of the bar find the pages the docs became.
The bar's HTML is read as the docs' inline MDX is (``inline.Inline``): its links go through
``Resolver.link`` (only safe schemes, in-site addresses to the doc they name) and become page
links by the writer's page map. The notice keeps a stable translation key made from the bar's
``id``: a re-import updates it in place, and an unchanged bar changes nothing.
"""

from __future__ import annotations

import uuid

from wagtail.models import Locale

from pages.live.models import Severity, SiteNotice

from .context import MapContext
from .inline import Inline
from .parser import parse_text
from .rules import SECTION
from .text import source_line

SOURCE = "docusaurus.config (themeConfig.announcementBar)"
FEATURES = ["bold", "italic", "link"]  # the notice's own (SiteNotice.message)


def _message(site, resolver, resolution, report):
    """The bar's content as the notice's rich text; every problem reported against the config."""
    doc = parse_text(site.announcement["content"], SOURCE, abs_path=site.root / (site.config_file or "docusaurus.config.js"))
    ctx = MapContext(doc, resolver, SECTION, SOURCE)
    parts = []
    for node in doc.tree.walk():
        if node.type == "inline":
            parts.append(Inline(ctx, source_line(node)).render(node.children).strip())
    for problem in ctx.problems:
        report.add(problem.code, SOURCE, 0, problem.message, problem.level)
    return resolution.rich("<p>" + " ".join(p for p in parts if p) + "</p>", FEATURES)


def import_announcement(site, resolver, resolution, report, *, dry_run=False):
    """Create or update the notice of ``site.announcement``; report what was (or, in a dry run,
    would be) done. A dry run saves nothing: saving a notice also empties the notices' cache.
    ``resolution`` is the writer's (``placeholders.Resolution``), holding its page map."""
    bar = site.announcement
    if not bar:
        return None
    message = _message(site, resolver, resolution, report)
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
