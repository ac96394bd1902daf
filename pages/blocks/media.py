"""Media blocks: images, documents, videos and embedded players."""

import functools
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.models import Filter
from wagtail.images.shortcuts import get_rendition_or_not_found

from cms.compat import has_prefetched_renditions
from pages.validators import http_url_validator

from . import previews

GROUP_MEDIA = _("Médias")

# Players we embed as an iframe. Anything else is shown as a plain link.
EMBED_HOSTS = {
    "www.youtube.com": "https://www.youtube-nocookie.com/embed/{id}",
    "youtube.com": "https://www.youtube-nocookie.com/embed/{id}",
    "youtu.be": "https://www.youtube-nocookie.com/embed/{id}",
    "www.youtube-nocookie.com": None,
    "player.vimeo.com": None,
    "vimeo.com": "https://player.vimeo.com/video/{id}",
    "www.canva.com": None,
    "view.genial.ly": None,
    "docs.google.com": None,
    "www.google.com": None,
    "h5p.org": None,
}


def embed_allowed(url):
    """True when the address is on a platform we frame: the players above, or a host of
    EMBED_EXTRA_HOSTS (the university's PeerTube, for example) or one of its subdomains."""
    parsed = urlparse(url or "")
    if parsed.scheme not in ("http", "https"):
        return False
    host = (parsed.hostname or "").lower()
    extra_hosts = getattr(settings, "EMBED_EXTRA_HOSTS", ())
    return host in EMBED_HOSTS or any(host == h or host.endswith("." + h) for h in extra_hosts)


def allowed_platforms_text():
    hosts = sorted({h.removeprefix("www.") for h in EMBED_HOSTS} | set(getattr(settings, "EMBED_EXTRA_HOSTS", ())))
    return ", ".join(hosts)


def embed_src(url):
    """The iframe address for a supported player URL, or None when we only link to it."""
    if not embed_allowed(url):
        return None
    parsed = urlparse(url)
    host = parsed.netloc.lower()
    pattern = EMBED_HOSTS.get(host)
    if pattern is None:
        return url
    if host == "youtu.be":
        video_id = parsed.path.strip("/")
    elif "youtube" in host:
        if parsed.path.startswith("/embed/"):
            return url.replace(f"{parsed.scheme}://{parsed.netloc}", "https://www.youtube-nocookie.com", 1)
        video_id = parse_qs(parsed.query).get("v", [""])[0]
    else:
        video_id = parsed.path.strip("/").split("/")[0]
    return pattern.format(id=video_id) if video_id else None


@functools.lru_cache(maxsize=256)
def shared_filter(spec):
    """One Filter per spec for the whole process: a Filter parses its spec (inspecting each
    operation's signature) on first use and keeps the result, which a new Filter per image
    would pay again every time (a third of a rendition look-up)."""
    return Filter(spec=spec)


def rendition_or_not_found(image, spec):
    """`get_rendition_or_not_found(image, spec)`, minus two costs of every look-up.

    Wagtail parses the spec again for each call (see `shared_filter`), and writes a rendition it
    has just read from the cache back to the cache (a pickling, a round trip to Redis), fixed
    upstream in https://github.com/wagtail/wagtail/pull/14541: a rendition found in the cache is
    returned as it is. A miss takes Wagtail's own way (database, else a new rendition, then the
    cache); renditions prefetched with the image are used as Wagtail uses them.
    """
    filter = shared_filter(spec)
    if not has_prefetched_renditions(image):
        rendition_model = image.get_rendition_model()
        cleaned = image.clean_filter_for_svg(filter)
        key = rendition_model.construct_cache_key(image, cleaned.get_cache_key(image), cleaned.spec)
        rendition = rendition_model.cache_backend.get(key)
        if rendition is not None:
            rendition.image = image  # as Wagtail does: the alt text and URL read from this image
            return rendition
    return get_rendition_or_not_found(image, filter)


def image_api_representation(image, alt, spec="max-1200x1200"):
    """URL, size and alt of a rendition, so API clients never resize originals.

    The one shape of an image in the API, page fields included (pages/api/fields.py): `url` and
    `full_url` are both absolute, `alt` is the text written for this use of the image.
    """
    if image is None:
        return None
    rendition = rendition_or_not_found(image, spec)
    return {
        "id": image.pk,
        "title": image.title,
        "url": rendition.full_url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": alt,
    }


ALT_MISSING = _("Décrivez l'image, ou cochez « Image décorative ».")


def require_alt(value, decorative_allowed=True):
    """An image block's alt text is written, unless the image is marked decorative (where allowed)."""
    if decorative_allowed and value.get("decorative"):
        return
    if value.get("image") is not None and not (value.get("alt") or "").strip():
        message = ALT_MISSING if decorative_allowed else _("Décrivez l'image pour qui ne la voit pas.")
        raise StructBlockValidationError(block_errors={"alt": ValidationError(message)})


def written_alt(value):
    """The alt text the page and the API give: none for a decorative image."""
    return "" if value.get("decorative") else value.get("alt", "")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        required=False,
        help_text=_("Décrit l'image pour qui ne la voit pas. Obligatoire, sauf pour une image décorative."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Image décorative"),
        required=False,
        help_text=_("Cochez seulement si l'image n'apporte aucune information (les lecteurs d'écran l'ignoreront)."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, help_text=_("Affichée sous l'image."))
    credit = blocks.CharBlock(label=_("Crédit"), required=False, help_text=_("Auteur ou source de l'image."))
    width = blocks.IntegerBlock(
        label=_("Largeur maximale"),
        required=False,
        min_value=16,
        max_value=2400,
        help_text=_("En pixels. Laissez vide pour toute la largeur du texte ; sur un petit écran, l'image rétrécit."),
    )

    class Meta:
        form_layout = BlockGroup(children=["image", "alt", "caption"], settings=["decorative", "credit", "width"])
        preview_value = staticmethod(previews.image_preview)
        icon = "image"
        label = _("Image")
        group = GROUP_MEDIA
        template = "pages/blocks/image_block.html"
        description = _("Une image avec texte alternatif, légende et crédit.")

    def clean(self, value):
        value = super().clean(value)
        require_alt(value)
        return value

    def rendition_spec(self, value):
        width = value.get("width")
        return f"max-{width}x2400" if width and width < 1200 else "max-1200x1200"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A source file lost from storage shows as a broken image, as Wagtail's {% image %} tag does,
        # rather than a 500 for the whole page.
        image = value.get("image")
        context["rendition"] = rendition_or_not_found(image, self.rendition_spec(value)) if image else None
        return context

    def get_api_representation(self, value, context=None):
        return {
            "image": image_api_representation(value.get("image"), written_alt(value), self.rendition_spec(value)),
            "decorative": bool(value.get("decorative")),
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
            "max_width": value.get("width") or None,
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Intitulé du lien"),
        required=False,
        help_text=_("Texte du lien ; par défaut, le titre du document."),
    )

    class Meta:
        preview_value = staticmethod(previews.document_preview)
        icon = "doc-full"
        label = _("Document à télécharger")
        group = GROUP_MEDIA
        template = "pages/blocks/document_link_block.html"
        description = _("Un lien vers un PDF ou un autre fichier, avec son format et sa taille.")

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        if document is None:
            return {"document": None, "label": value.get("label", "")}
        return {
            "document": {
                "id": document.pk,
                "title": document.title,
                "url": document.url,
                "file_extension": document.file_extension,
                "file_size": document.get_file_size(),
            },
            "label": value.get("label") or document.title,
        }


def _clean_http_url(value):
    """The URL of a block must be http(s) (the same rule, and message, as the booking URL field)
    and point to a platform we accept to frame."""
    if value.get("url"):
        try:
            http_url_validator(value["url"])
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"url": error}) from None
        if not embed_allowed(value["url"]):
            error = ValidationError(
                _("« %(host)s » n'est pas une plateforme acceptée. Plateformes acceptées : %(platforms)s."),
                code="embed_not_allowed",
                params={"host": urlparse(value["url"]).hostname or value["url"], "platforms": allowed_platforms_text()},
            )
            raise StructBlockValidationError(block_errors={"url": error})


class FramedAddressMixin:
    """Video and embed: an http(s) address on a platform we frame, played through `embed_src`."""

    def clean(self, value):
        value = super().clean(value)
        _clean_http_url(value)
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed_src"] = embed_src(value.get("url"))
        return context


class VideoBlock(FramedAddressMixin, blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de la vidéo"), help_text=_("Annoncé aux lecteurs d'écran et affiché au-dessus du lecteur."))
    video_file = DocumentChooserBlock(
        label=_("Fichier vidéo"), required=False, help_text=_("Un fichier MP4 ou WebM de la médiathèque.")
    )
    url = blocks.URLBlock(
        label=_("Adresse de la vidéo en ligne"),
        required=False,
        help_text=_("YouTube, Vimeo ou une plateforme de l'université, si la vidéo n'est pas un fichier."),
    )
    transcript = blocks.RichTextBlock(
        label=_("Transcription"),
        required=False,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Le contenu de la vidéo en texte, pour l'accessibilité."),
    )

    class Meta:
        preview_value = previews.VIDEO_PREVIEW
        icon = "media"
        label = _("Vidéo")
        group = GROUP_MEDIA
        template = "pages/blocks/video_block.html"
        description = _("Une vidéo : fichier de la médiathèque ou adresse d'une plateforme.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video_file") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choisissez un fichier vidéo ou saisissez son adresse."))}
            )
        return value

    def get_api_representation(self, value, context=None):
        video_file = value.get("video_file")
        return {
            "title": value.get("title", ""),
            "file_url": video_file.url if video_file else None,
            "url": value.get("url") or None,
            "embed_url": embed_src(value.get("url")),
            "transcript": value["transcript"].source if value.get("transcript") else "",
        }


class EmbedBlock(FramedAddressMixin, blocks.StructBlock):
    """An external page shown in a frame (form, slideshow, map). No oEmbed call at render time."""

    url = blocks.URLBlock(label=_("Adresse"), help_text=_("L'adresse de la page à intégrer (http ou https)."))
    title = blocks.CharBlock(
        label=_("Titre du cadre"), help_text=_("Décrit le contenu intégré pour les lecteurs d'écran.")
    )
    height = blocks.IntegerBlock(
        label=_("Hauteur (pixels)"), required=False, min_value=100, max_value=2000,
        help_text=_("Par défaut : 480 pixels."),
    )

    class Meta:
        form_layout = BlockGroup(children=["url", "title"], settings=["height"])
        preview_value = previews.EMBED_PREVIEW
        icon = "globe"
        label = _("Contenu intégré")
        group = GROUP_MEDIA
        template = "pages/blocks/embed_block.html"
        description = _("Un contenu externe (diaporama, formulaire, carte) affiché dans la page.")

    def get_api_representation(self, value, context=None):
        return {
            "url": value.get("url"),
            "title": value.get("title", ""),
            "height": value.get("height") or 480,
            "embed_url": embed_src(value.get("url")),
        }
