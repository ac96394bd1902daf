"""The blocks editors compose the home page from, in the order they choose.

Cards link to a page (followed in the reader's language) or to an address; what a card leaves
empty (title, text, image) is taken from the page it links to, so a featured page needs only to
be chosen. Listings (spaces, sections) are read when the page is rendered: a space or section
published later appears without editing the home page.
"""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from pages.blocks import LinkedPageBlock
from pages.blocks.live_services import WorkshopsBlock
from pages.blocks.media import image_api_representation
from pages.blocks.text import INLINE_FEATURES
from pages.live.models import Severity

GROUP_HOME = _("Page d'accueil")
CARD_IMAGE = "fill-640x360"
HERO_IMAGE = "fill-960x540"


def card_image(page):
    """The picture a page shows on a card: a section's card image, a space's or guide's hero.
    An alt text that only repeats the page's title is dropped: the card's title already says it."""
    for image_field, alt_field in (("card_image", "card_image_alt"), ("hero_image", "hero_image_alt")):
        image = getattr(page, image_field, None)
        if image is not None:
            alt = (getattr(page, alt_field, "") or "").strip()
            return image, "" if alt.casefold() == page.title.strip().casefold() else alt
    return None, ""


def page_api(page):
    if page is None:
        return None
    image, alt = card_image(page)
    return {
        "id": page.pk, "title": page.title, "url": page.url, "type": page.specific_class._meta.label,
        "summary": getattr(page, "summary", "") or page.search_description,
        "image": image_api_representation(image, alt, spec=CARD_IMAGE),
    }


def _with_card_images(pages, specs=(CARD_IMAGE,)):
    """Give each page its card picture (and that picture its renditions) from one read of the
    images, instead of one read per page and another per rendition."""
    fields = ("card_image", "hero_image")
    wanted = {getattr(page, f"{field}_id", None) for page in pages for field in fields} - {None}
    if not wanted:
        return pages
    images = get_image_model().objects.filter(pk__in=wanted).prefetch_renditions(*specs).in_bulk()
    for page in pages:
        for field in fields:
            image_id = getattr(page, f"{field}_id", None)
            if image_id in images:
                setattr(page, field, images[image_id])
    return pages


def public_localized(chosen):
    """The chosen pages as the reader sees them, read in one pass for a whole row of cards:
    {chosen page id: its live translation in the reader's language (else itself, as
    `Page.localized` does), or None when that page is not live or not public}."""
    chosen = [page for page in chosen if page is not None]
    if not chosen:
        return {}
    locale = Locale.get_active()
    candidates = list(
        Page.objects.filter(Q(translation_key__in={p.translation_key for p in chosen}, locale=locale)
                            | Q(pk__in=[p.pk for p in chosen]))
        .live().specific().defer_streamfields()
    )
    public = set(Page.objects.filter(pk__in=[c.pk for c in candidates]).public().values_list("pk", flat=True))
    translated = {c.translation_key: c for c in candidates if c.locale_id == locale.pk}
    live = {c.pk: c for c in candidates}
    _with_card_images(candidates)
    shown = {}
    for page in chosen:
        page_shown = translated.get(page.translation_key) or live.get(page.pk)
        shown[page.pk] = page_shown if page_shown is not None and page_shown.pk in public else None
    return shown


def _chosen_images(values, specs):
    """The pictures chosen on a row's cards, with their renditions, from one read."""
    wanted = {v["image"].pk for v in values if v.get("image") is not None}
    if not wanted:
        return {}
    return get_image_model().objects.filter(pk__in=wanted).prefetch_renditions(*specs).in_bulk()


class LinkStructBlock(blocks.StructBlock):
    """A card's destination: a page of the site or an address, exactly one of them."""

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(block_errors={"page": ValidationError(
                _("Choisissez une page du site ou indiquez une adresse, pas les deux."))})
        if value.get("image") and not value.get("page") and not (value.get("title") or "").strip():
            raise StructBlockValidationError(block_errors={"title": ValidationError(
                _("Une carte vers une adresse a besoin d'un titre."))})
        return value

    def card(self, value, shown=None, images=None):
        """What the template and the API show: the link and what it fills from the page.
        `shown` and `images` are what the row read for all its cards at once."""
        if shown is None:
            shown = public_localized([value.get("page")])
        page = shown.get(value["page"].pk) if value.get("page") else None
        if value.get("page") and page is None:
            return None  # the page is not (or no longer) public: no dead card
        image, alt = value.get("image"), value.get("image_alt", "")
        if image is not None and images:
            image = images.get(image.pk, image)
        if image is None and page is not None:
            image, alt = card_image(page)
        return {
            "url": page.url if page else value.get("url"),
            "page": page,
            "title": (value.get("title") or "").strip() or (page.title if page else value.get("url")),
            "text": (value.get("text") or "").strip() or (getattr(page, "summary", "") or page.search_description if page else ""),
            "image": image, "image_alt": alt, "link_text": (value.get("link_text") or "").strip(),
        }

    def get_api_representation(self, value, context=None, shown=None, images=None):
        card = self.card(value, shown, images)
        if card is None:
            return None
        return {
            "title": card["title"], "text": card["text"], "url": card["url"], "link_text": card["link_text"],
            "page": page_api(card["page"]) if card["page"] else None,
            "image": image_api_representation(card["image"], card["image_alt"], spec=CARD_IMAGE),
        }


class FeaturedCardBlock(LinkStructBlock):
    page = LinkedPageBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse"), required=False, help_text=_("Une adresse hors du site (https://…)."))
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Vide : le titre de la page."))
    text = blocks.TextBlock(label=_("Texte"), required=False, help_text=_("Vide : le résumé de la page."))
    link_text = blocks.CharBlock(label=_("Texte du lien"), required=False, help_text=_("Par exemple : « Découvrir les studios »."))
    image = ImageChooserBlock(label=_("Image"), required=False, help_text=_("Vide : l'image de la page."))
    image_alt = blocks.CharBlock(
        label=_("Texte alternatif"), required=False,
        help_text=_("Décrit l'image ; laissez vide si elle ne fait qu'illustrer le titre de la carte."),
    )

    class Meta:
        icon = "pick"
        label = _("Carte mise en avant")
        form_layout = BlockGroup(
            children=["page", "url", "title", "text"],
            settings=[BlockGroup(["image", "image_alt", "link_text"], heading=_("Image et lien"))],
        )


class CardRowBlock(blocks.StructBlock):
    """A heading and cards; a card whose page is not public is left out of the page and the API."""

    image_specs = (CARD_IMAGE,)

    def _row(self, value):
        values = list(value.get("cards") or [])
        return values, public_localized([v.get("page") for v in values]), _chosen_images(values, self.image_specs)

    def cards(self, value):
        card_block = self.child_blocks["cards"].child_block
        values, shown, images = self._row(value)
        return [card for card in (card_block.card(v, shown, images) for v in values) if card is not None]

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["cards"] = self.cards(value)
        return context

    def get_api_representation(self, value, context=None):
        card_block = self.child_blocks["cards"].child_block
        values, shown, images = self._row(value)
        cards = (card_block.get_api_representation(v, context, shown, images) for v in values)
        return {"heading": value.get("heading", ""), "cards": [card for card in cards if card is not None]}


class FeaturedCardsBlock(CardRowBlock):
    heading = blocks.CharBlock(label=_("Titre de la rangée"), required=False, help_text=_("Par exemple : « À la une »."))
    cards = blocks.ListBlock(FeaturedCardBlock(), label=_("Cartes"), min_num=1, max_num=8)

    class Meta:
        icon = "pick"
        label = _("Cartes mises en avant")
        group = GROUP_HOME
        template = "home/blocks/featured_cards.html"
        description = _("Une rangée de cartes avec image vers des pages du site ou des adresses.")
        preview_value = {"heading": "À la une", "cards": [
            {"url": "https://bib.umontreal.ca/", "title": "Studios balado", "text": "Enregistrez vos balados.",
             "link_text": "Découvrir les studios"},
            {"url": "https://bib.umontreal.ca/", "title": "Impression 3D", "text": "Imprimez vos objets."},
        ]}
        form_layout = ["heading", "cards"]


class HeroCardBlock(LinkStructBlock):
    image = ImageChooserBlock(label=_("Image"))
    image_alt = blocks.CharBlock(
        label=_("Texte alternatif"), required=False,
        help_text=_("Décrit l'image ; laissez vide si elle ne fait qu'illustrer le titre."),
    )
    title = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Vide : le titre de la page."))
    text = blocks.TextBlock(label=_("Texte"), required=False, help_text=_("Une phrase."))
    page = LinkedPageBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Ou adresse"), required=False)

    class Meta:
        icon = "image"
        label = _("Carte vedette")
        form_layout = BlockGroup(
            children=["title", "text", "page", "url"],
            settings=[BlockGroup(["image", "image_alt"], heading=_("Image"))],
        )


class HeroCardsBlock(CardRowBlock):
    image_specs = (HERO_IMAGE, CARD_IMAGE)
    heading = blocks.CharBlock(label=_("Titre de la rangée"), required=False)
    cards = blocks.ListBlock(HeroCardBlock(), label=_("Cartes"), min_num=1, max_num=6)

    class Meta:
        icon = "image"
        label = _("Cartes vedettes")
        group = GROUP_HOME
        template = "home/blocks/hero_cards.html"
        description = _("De grandes cartes illustrées : une image, un titre, une phrase et un lien.")
        preview_value = {"heading": "", "cards": [
            {"url": "https://bib.umontreal.ca/", "title": "Problème informatique? Pas de panique!",
             "text": "Notre équipe est là pour vous soutenir."},
        ]}
        form_layout = ["heading", "cards"]


class HomeNoticeBlock(blocks.StructBlock):
    severity = blocks.ChoiceBlock(label=_("Importance"), choices=Severity.choices, default=Severity.INFO)
    title = blocks.CharBlock(label=_("Titre"), help_text=_("Par exemple : « Service Proxy : changements à venir »."))
    message = blocks.RichTextBlock(label=_("Message"), features=INLINE_FEATURES)

    class Meta:
        icon = "warning"
        label = _("Avis")
        group = GROUP_HOME
        template = "home/blocks/notice.html"
        description = _(
            "Un avis en évidence sur l'accueil seulement ; pour un avis en tête de toutes les pages, "
            "utilisez les avis du site."
        )
        preview_value = {"severity": "warning", "title": "Service Proxy : changements à venir",
                         "message": "<p>Le service évolue le 13 juillet.</p>"}
        form_layout = BlockGroup(children=["title", "message"], settings=["severity"])

    def get_api_representation(self, value, context=None):
        return {"severity": value.get("severity"), "title": value.get("title"),
                "message": value["message"].source if value.get("message") else ""}


class PageListingBlock(blocks.StructBlock):
    """Cards of pages read at render time: the chosen ones, or the default listing."""

    image_field = "card_image"

    def default_pages(self, value, locale):
        raise NotImplementedError

    def pages(self, value, locale):
        shown = public_localized(value.get("pages") or [])
        chosen = [shown[p.pk] for p in value.get("pages") or [] if p is not None and shown.get(p.pk) is not None]
        return chosen or self.default_pages(value, locale)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        locale = page.locale if page is not None else None
        context["cards"] = [{"page": p, "image": card_image(p)[0], "image_alt": card_image(p)[1]}
                            for p in self.pages(value, locale)]
        return context

    def get_api_representation(self, value, context=None):
        locale = None
        page = (context or {}).get("page")
        if page is not None:
            locale = page.locale
        return {"heading": value.get("heading"), "text": value.get("text", ""),
                "pages": [page_api(p) for p in self.pages(value, locale)]}


def _listing(queryset, image_field):
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
    return list(queryset.live().public().specific().defer_streamfields()
                .prefetch_related(Prefetch(image_field, queryset=images)))


class SpacesBlock(PageListingBlock):
    heading = blocks.CharBlock(label=_("Titre"), required=False,
                               help_text=_("Par exemple : « Des espaces pour créer, fabriquer et expérimenter »."))
    text = blocks.TextBlock(label=_("Texte"), required=False)
    section = blocks.PageChooserBlock(
        label=_("Section des espaces"), required=False, page_type="pages.SectionPage",
        help_text=_("Vide : tous les espaces publiés du site."),
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="pages.SpacePage"), label=_("Ou ces espaces, dans cet ordre"),
        required=False, default=[],
    )

    class Meta:
        icon = "home"
        label = _("Espaces en images")
        group = GROUP_HOME
        template = "home/blocks/spaces.html"
        description = _("Les espaces avec leur photo : ceux d'une section, ou ceux que vous choisissez.")
        preview_value = {"heading": "Des espaces pour créer, fabriquer et expérimenter", "text": "", "pages": []}
        form_layout = BlockGroup(children=["heading", "text"], settings=["section", "pages"])

    def default_pages(self, value, locale):
        from pages.models import SpacePage

        section = value.get("section")
        if section is not None:
            section = section.localized
            return _listing(section.get_children().type(SpacePage), "hero_image")
        spaces = Page.objects.type(SpacePage)
        if locale is not None:
            spaces = spaces.filter(locale=locale)
        return _listing(spaces.order_by("path"), "hero_image")


class SectionCardsBlock(PageListingBlock):
    heading = blocks.CharBlock(label=_("Titre"), required=False, help_text=_("Par exemple : « Explorer »."))
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="pages.SectionPage"), label=_("Sections, dans cet ordre"),
        required=False, default=[], help_text=_("Vide : les sections du menu, dans l'ordre du site."),
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Cartes des sections")
        group = GROUP_HOME
        template = "home/blocks/section_cards.html"
        description = _("Une carte par section, avec son résumé et son image.")
        preview_value = {"heading": "Explorer", "pages": []}
        form_layout = ["heading", "pages"]

    def default_pages(self, value, locale):
        from pages.models import SectionPage

        from .models import HomePage

        home = HomePage.objects.filter(depth=2, locale=locale).first() if locale else HomePage.objects.filter(depth=2).first()
        if home is None:
            return []
        return _listing(home.get_children().in_menu().type(SectionPage), "card_image")


class HomeWorkshopsBlock(WorkshopsBlock):
    """The live workshops box, as the body offers it, in the home page's own group."""

    class Meta:
        group = GROUP_HOME
        preview_value = {"title": "Prochaines formations", "discipline": "informatique-creation-medias", "count": 4}
        form_layout = BlockGroup(children=["title", "count"], settings=["discipline", "place"])


class HomeStreamBlock(blocks.StreamBlock):
    featured_cards = FeaturedCardsBlock()
    hero_cards = HeroCardsBlock()
    workshops = HomeWorkshopsBlock()
    spaces = SpacesBlock()
    section_cards = SectionCardsBlock()
    notice = HomeNoticeBlock()

    class Meta:
        block_counts = {"notice": {"max_num": 3}}
