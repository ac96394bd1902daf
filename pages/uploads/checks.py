"""The rules an uploaded image or document must pass, and the messages that explain a refusal.

Every message names the file and says what was expected and what the file really is. The same
functions serve the admin forms, API v3 writes and the Docusaurus importer.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from PIL import Image as PILImage
from PIL import UnidentifiedImageError

from . import pdf, sniff

# What each accepted extension must be, as said to the editor.
EXPECTED = {
    "png": _("une image PNG"),
    "jpg": _("une image JPEG"),
    "jpeg": _("une image JPEG"),
    "gif": _("une image GIF"),
    "webp": _("une image WebP"),
    "avif": _("une image AVIF"),
    "pdf": _("un PDF"),
    "docx": _("un document Word (DOCX)"),
    "xlsx": _("un classeur Excel (XLSX)"),
    "pptx": _("une présentation PowerPoint (PPTX)"),
    "odt": _("un texte OpenDocument (ODT)"),
    "ods": _("un classeur OpenDocument (ODS)"),
    "odp": _("une présentation OpenDocument (ODP)"),
    "rtf": _("un document RTF"),
    "txt": _("un fichier texte"),
    "csv": _("un tableau CSV (texte)"),
    "zip": _("une archive ZIP"),
    "mp4": _("une vidéo MP4"),
    "webm": _("une vidéo WebM"),
    "mp3": _("un son MP3"),
    "wav": _("un son WAV"),
    "stl": _("un modèle 3D STL"),
    "3mf": _("un modèle 3D 3MF"),
    "obj": _("un modèle 3D OBJ"),
}
# What a file really is, from sniff.kind_of / sniff.zip_kind.
ACTUAL = {
    "empty": _("vide"),
    "exe-windows": _("un programme Windows"),
    "exe-linux": _("un programme Linux"),
    "exe-macos": _("un programme macOS"),
    "script": _("un script"),
    "pdf": _("un PDF"),
    "zip": _("une archive ZIP"),
    "rtf": _("un document RTF"),
    "svg": _("une image SVG"),
    "html": _("du HTML"),
    "text": _("du texte"),
    "unknown": _("d'un type inconnu"),
}
PIL_FORMATS = {
    "png": "PNG",
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "gif": "GIF",
    "webp": "WEBP",
    "avif": "AVIF",
}
# Cameras write MPO (a JPEG followed by more pictures): browsers show it as the JPEG it starts with.
SAME_FORMAT = {"MPO": "JPEG"}


def actual_label(kind):
    if kind in ACTUAL:
        return ACTUAL[kind]
    if kind in EXPECTED:  # a ZIP-based office or 3D format
        return EXPECTED[kind]
    family, _sep, name = kind.partition(":")
    if family == "image":
        return _("une image %(format)s") % {"format": name}
    return _("un fichier %(format)s") % {"format": name}


def _mismatch(name, extension, kind):
    return ValidationError(
        _("Le fichier « %(name)s » n'est pas %(expected)s : son contenu est %(actual)s."),
        code="content_mismatch",
        params={
            "name": name,
            "expected": EXPECTED.get(extension) or (
                _("un fichier de code ou de données en texte") if extension in _code_extensions() else extension.upper()
            ),
            "actual": actual_label(kind),
        },
    )


def _extension(name):
    return Path(name).suffix.lower().lstrip(".")


def _check_size(name, size, limit):
    if limit is not None and size > limit:
        raise ValidationError(
            _("Le fichier « %(name)s » est trop lourd (%(size)s) ; le maximum est %(limit)s."),
            code="file_too_large",
            params={"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
        )


def _check_extension(name, extension, allowed):
    if extension not in allowed:
        raise ValidationError(
            _(
                "Le fichier « %(name)s » n'a pas une extension acceptée. Extensions acceptées : %(allowed)s."
            ),
            code="extension_not_allowed",
            params={"name": name, "allowed": ", ".join(sorted(allowed))},
        )


def _head(stream):
    stream.seek(0)
    head = stream.read(sniff.HEAD_SIZE)
    stream.seek(0)
    return head


def max_image_pixels():
    return getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)


def check_image(name, stream, size):
    """Refuse anything but a sound raster image of the format its name says; return (width, height)."""
    extension = _extension(name)
    head = _head(stream)
    kind = sniff.kind_of(head)
    if extension == "svg" or kind == "svg":
        raise ValidationError(
            _(
                "Le fichier « %(name)s » est une image SVG : le SVG n'est pas accepté, car il peut contenir du code. "
                "Exportez l'image en PNG et déposez le PNG."
            ),
            code="svg_refused",
            params={"name": name},
        )
    _check_extension(
        name, extension, set(getattr(settings, "WAGTAILIMAGES_EXTENSIONS", PIL_FORMATS))
    )
    _check_size(name, size, getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))
    if not kind.startswith("image:"):
        raise _mismatch(name, extension, kind)
    try:
        with warnings.catch_warnings():
            # Between half and the whole limit Pillow only warns (see limits.py): the count below decides.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(stream) as image:
                image_format, (width, height) = image.format, image.size
                frames = getattr(image, "n_frames", 1)
    except PILImage.DecompressionBombError:
        raise _too_many_pixels(name, None, None) from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise _mismatch(name, extension, kind) from None
    finally:
        stream.seek(0)
    if SAME_FORMAT.get(image_format, image_format) != PIL_FORMATS.get(extension):
        raise _mismatch(name, extension, "image:" + str(image_format))
    limit = max_image_pixels()
    if limit is not None and width * height > limit:
        raise _too_many_pixels(name, width, height)
    if frames > 1:
        _check_animation(name, width, height, frames)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(stream) as image:
                image.verify()  # reads the whole file: truncated or corrupted data fails here
    except Exception:  # Pillow raises many unrelated types for broken data
        raise ValidationError(
            _(
                "Le fichier « %(name)s » est %(expected)s abîmée ou incomplète ; enregistrez-la de nouveau puis réessayez."
            ),
            code="image_broken",
            params={"name": name, "expected": EXPECTED[extension]},
        ) from None
    finally:
        stream.seek(0)
    hidden = sniff.has_hidden_markup(stream)
    stream.seek(0)
    if hidden:
        raise ValidationError(
            _(
                "Le fichier « %(name)s » cache du HTML ou un script dans ses données d'image : il est refusé. "
                "Enregistrez l'image de nouveau depuis un logiciel de dessin."
            ),
            code="image_hidden_markup",
            params={"name": name},
        )
    return width, height


def _check_animation(name, width, height, frames):
    """An animated GIF or WebP is judged frame by frame (each within the image limit, above) and by
    a budget for the whole animation: frames, and pixels of all frames together."""
    max_frames = getattr(settings, "IMAGE_MAX_ANIMATION_FRAMES", 1000)
    max_pixels = getattr(settings, "IMAGE_MAX_ANIMATION_PIXELS", 1_000_000_000)
    total = width * height * frames
    if frames > max_frames or total > max_pixels:
        raise ValidationError(
            _(
                "L'animation « %(name)s » a %(frames)s images de %(width)s × %(height)s pixels, soit %(total)s "
                "mégapixels en tout ; le maximum est %(max_frames)s images et %(max_total)s mégapixels en tout. "
                "Raccourcissez-la ou réduisez-la avant de la déposer."
            ),
            code="animation_too_large",
            params={"name": name, "frames": frames, "width": width, "height": height,
                    "total": round(total / 1_000_000), "max_frames": max_frames,
                    "max_total": round(max_pixels / 1_000_000)},
        )


def _too_many_pixels(name, width, height):
    limit_mpx = round(max_image_pixels() / 1_000_000)
    if width is None:
        return ValidationError(
            _(
                "L'image « %(name)s » a beaucoup trop de pixels (plus de %(limit)s mégapixels) ; réduisez-la avant de la déposer."
            ),
            code="too_many_pixels",
            params={"name": name, "limit": limit_mpx},
        )
    return ValidationError(
        _(
            "L'image « %(name)s » a trop de pixels (%(width)s × %(height)s) ; le maximum est %(limit)s mégapixels. "
            "Réduisez-la avant de la déposer."
        ),
        code="too_many_pixels",
        params={"name": name, "width": width, "height": height, "limit": limit_mpx},
    )


def check_document(name, stream, size):
    """Refuse a document whose content is not what its extension says (or is a program)."""
    extension = _extension(name)
    _check_extension(name, extension, set(getattr(settings, "WAGTAILDOCS_EXTENSIONS", EXPECTED)))
    _check_size(name, size, getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None))
    head = _head(stream)
    kind = sniff.kind_of(head)
    if kind == "empty":
        raise ValidationError(
            _("Le fichier « %(name)s » est vide."), code="empty", params={"name": name}
        )
    if extension in ("docx", "xlsx", "pptx", "odt", "ods", "odp", "3mf", "zip"):
        _check_zip(name, extension, stream, kind)
    elif extension == "pdf":
        if kind != "pdf":
            raise _mismatch(name, extension, kind)
        _check_pdf_actions(name, stream)
    elif extension in ("txt", "csv"):
        if kind != "text":
            raise _mismatch(name, extension, kind)
    elif extension == "rtf":
        if kind != "rtf":
            raise _mismatch(name, extension, kind)
    elif extension == "stl":
        if not (sniff.is_binary_stl(head, size) or sniff.is_ascii_stl(head)):
            raise _mismatch(name, extension, kind)
    elif extension == "obj":
        if not sniff.is_obj(head):
            raise _mismatch(name, extension, kind)
    elif extension in ("mp4", "webm", "mp3", "wav"):
        if not sniff.media_matches(extension, head):
            raise _mismatch(name, extension, kind)
    elif extension in _code_extensions():
        _check_code(name, extension, stream, kind)
    elif kind in ("exe-windows", "exe-linux", "exe-macos", "script", "html", "svg"):
        # An extension added to the settings without a rule of its own: at least never a program or a page.
        raise _mismatch(name, extension, kind)


def _code_extensions():
    return set(getattr(settings, "DOCUMENT_CODE_EXTENSIONS", ()))


def _check_code(name, extension, stream, kind):
    """A code or data file is text (a script's ``#!`` line included: it is served as text/plain, so
    never run); a notebook or JSON file is valid JSON."""
    if kind not in ("text", "script"):
        raise _mismatch(name, extension, kind)
    if extension in getattr(settings, "DOCUMENT_JSON_EXTENSIONS", ()):
        try:
            json.loads(stream.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise ValidationError(
                _("Le fichier « %(name)s » n'est pas du JSON valide ; enregistrez-le de nouveau puis réessayez."),
                code="json_invalid",
                params={"name": name},
            ) from None
        finally:
            stream.seek(0)


def _check_zip(name, extension, stream, kind):
    if kind != "zip":
        raise _mismatch(name, extension, kind)
    try:
        with zipfile.ZipFile(stream) as archive:
            found = sniff.zip_kind(archive)
            programs = sniff.executable_members(archive)
    except (zipfile.BadZipFile, OSError, KeyError):
        raise ValidationError(
            _("Le fichier « %(name)s » est une archive ZIP abîmée ou incomplète."),
            code="zip_broken",
            params={"name": name},
        ) from None
    finally:
        stream.seek(0)
    if extension != "zip" and found != extension:
        raise _mismatch(name, extension, found)
    if programs:
        raise ValidationError(
            _(
                "L'archive « %(name)s » contient un programme (« %(member)s ») : les programmes ne sont pas acceptés."
            ),
            code="zip_executable",
            params={"name": name, "member": programs[0]},
        )


PDF_FOUND = {
    "javascript": _("du JavaScript"),
    "launch": _("une commande qui lance un programme ou ouvre un autre fichier"),
    "embedded_file": _("un fichier joint"),
    "xfa": _("un formulaire XFA, qui peut exécuter des scripts"),
}
PDF_PLACES = {
    "open": _("à l'ouverture du document"),
    "automatic": _("dans une action automatique (/AA)"),
    "annotation": _("dans une annotation"),
    "form": _("dans un champ de formulaire"),
    "names": _("dans l'arbre des noms du document"),
    "outline": _("dans un signet"),
}


def _pdf_place(finding):
    if finding.place:
        return PDF_PLACES[finding.place]
    return _("dans l'objet %(number)s") % {"number": finding.number}


PDF_REFUSALS = {
    "unreadable": (
        "pdf_unreadable",
        _(
            "Le fichier « %(name)s » est un PDF abîmé ou illisible : son contenu ne peut pas être vérifié, il est donc refusé. "
            "Enregistrez-le de nouveau en PDF puis réessayez."
        ),
    ),
    "encrypted": (
        "pdf_encrypted",
        _(
            "Le PDF « %(name)s » est protégé par un mot de passe : son contenu ne peut pas être vérifié, il est donc refusé. "
            "Déposez-en une version sans protection."
        ),
    ),
    "link": (
        "pdf_link_refused",
        _(
            "Le PDF « %(name)s » contient un lien non autorisé, « %(target)s » (%(place)s) : "
            "seuls les liens http, https, mailto et tel sont acceptés."
        ),
    ),
}
PDF_ACTIVE_CONTENT = _(
    "Le PDF « %(name)s » contient %(found)s (%(place)s) : il est refusé. "
    "Exportez-le de nouveau en PDF simple (PDF/A, par exemple)."
)


def _check_pdf_actions(name, stream):
    """A PDF that runs a script, launches a program, carries files or links outside the web, or
    cannot be read to be sure, is refused (pdf.py says how it is read)."""
    found = pdf.findings(stream)
    if not found:
        return
    finding = found[0]
    params = {"name": name}
    if finding.kind in ("unreadable", "encrypted"):
        code, message = PDF_REFUSALS[finding.kind]
    elif finding.kind == "link":
        code, message = PDF_REFUSALS["link"]
        params.update(target=finding.detail, place=_pdf_place(finding))
    else:
        code, message = "pdf_active_content", PDF_ACTIVE_CONTENT
        params.update(found=PDF_FOUND[finding.kind], place=_pdf_place(finding))
    raise ValidationError(message, code=code, params=params)


def check_image_path(path):
    path = Path(path)
    with open(path, "rb") as stream:
        return check_image(path.name, stream, path.stat().st_size)


def check_document_path(path):
    path = Path(path)
    with open(path, "rb") as stream:
        check_document(path.name, stream, path.stat().st_size)


def message_of(error):
    """The editor-facing sentence(s) of a ValidationError, for reports."""
    return " ".join(str(message) for message in error.messages)
