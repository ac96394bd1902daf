"""Locales, the default site, a home page per language and the top-level sections. Idempotent."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

from home.models import HomePage
from pages.models import SectionPage
from pages.review.workflows import ensure_editorial_roles

from .translations import segment_pairs, translate_page

HOME = {"title": ("studio·bib", "studio·bib"), "slug": "accueil",
        "intro": ("<p>Les espaces de création et de technologie des bibliothèques : studios, impression 3D, réalité virtuelle, électronique et aide logicielle.</p>",
                  "<p>The libraries' creative and technology spaces: studios, 3D printing, virtual reality, electronics and software help.</p>")}

# (slug, French title, English title, English slug, French intro, English intro)
SECTIONS = [
    ("espaces", "Espaces", "Spaces", "spaces",
     "Studios, laboratoires et salles à réserver ou en accès libre.",
     "Studios, labs and rooms, open access or by booking."),
    ("creatives", "Créatives", "Creative", "creative",
     "Impression 3D, découpe, électronique, textile et réalité virtuelle.",
     "3D printing, cutting, electronics, textile and virtual reality."),
    ("informatique", "Informatique", "Computing", "computing",
     "Ordinateurs, logiciels, impression et accès à distance.",
     "Computers, software, printing and remote access."),
    ("medias", "Médias", "Media", "media",
     "Audio, balado, vidéo et graphisme.",
     "Audio, podcasting, video and graphics."),
    ("a-propos", "À propos", "About", "about",
     "Notre mission, nos services et comment nous joindre.",
     "Our mission, our services and how to reach us."),
]


@dataclass
class Skeleton:
    fr: Locale
    en: Locale
    home_fr: HomePage
    home_en: HomePage
    sections: dict  # slug -> French SectionPage


def ensure_locales():
    return {code: Locale.objects.get_or_create(language_code=code)[0]
            for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def publish(page, user):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def publish_translation(page, user):
    """Publish the draft a translation left: on a live page it exists only as the latest revision."""
    page.get_latest_revision().publish(user=user)
    page.refresh_from_db()
    return page


def _ensure_french_home(fr, user):
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=fr, depth=2).first()
    if home is None:
        # The Wagtail install ships a placeholder "Welcome" page; our home page replaces it.
        for placeholder in root.get_children().filter(content_type__model="page", numchild=0):
            placeholder.delete()
        home = HomePage(title=HOME["title"][0], slug=HOME["slug"], intro=HOME["intro"][0], locale=fr,
                        show_in_menus=False)
        root.add_child(instance=home)
        publish(home, user)
    return home


def ensure_live_translation(page, locale, pairs, user):
    """The live translation of `page`, translated from `pairs` and published when it is not live yet."""
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live:
        return existing.specific
    translate_page(page, locale, pairs, user)
    return publish_translation(page.get_translation(locale).specific, user)


@transaction.atomic
def ensure_skeleton(user=None, *, refresh_roles=True):
    """The two homes, the sections and the roles. ``refresh_roles=False`` (every import run): the
    roles and their tree permissions are granted again only when pages of the skeleton had to be
    made; `setup_site` and the migrations grant them otherwise."""
    pages_before = None if refresh_roles else Page.objects.count()
    locales = ensure_locales()
    fr, en = locales["fr"], locales["en"]
    home_fr = _ensure_french_home(fr, user)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or site.root_page_id != home_fr.pk:
        # The public address comes from settings, so absolute URLs (API, hreflang) point at the real site.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = site or Site(is_default_site=True)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
    site.site_name = "studio·bib"
    site.root_page = home_fr
    site.save()

    home_pairs = {HOME["title"][0]: HOME["title"][1], HOME["slug"]: "home"}
    home_pairs.update(segment_pairs(*HOME["intro"]))
    home_en = ensure_live_translation(home_fr, en, home_pairs, user)

    sections = {}
    for slug, title_fr, title_en, slug_en, intro_fr, intro_en in SECTIONS:
        section = SectionPage.objects.child_of(home_fr).filter(slug=slug).first()
        if section is None:
            section = SectionPage(title=title_fr, slug=slug, intro=f"<p>{intro_fr}</p>", summary=intro_fr,
                                  show_in_menus=True, locale=fr)
            home_fr.add_child(instance=section)
            publish(section, user)
        ensure_live_translation(section, en, {title_fr: title_en, slug: slug_en, intro_fr: intro_en}, user)
        sections[slug] = section
    # Roles and review workflow; the permissions scoped to each tree need both homes.
    if refresh_roles or Page.objects.count() != pages_before:
        ensure_editorial_roles()
    return Skeleton(fr=fr, en=en, home_fr=home_fr, home_en=home_en, sections=sections)
