"""The images and documents a doc uses: checked before any write, stored once, reused by content.

An image and a document follow one shape: the file is checked by the same rules as an admin
upload (``pages/uploads/``) while the docs are prepared, so a refused file costs only itself (its
alt or link text stays, ``asset_refusals.py``); when a page needs its id, an existing object with
the same content hash is reused, else one is created, and the report counts which.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.compat import set_stored_file
from pages.uploads.checks import check_document_path, check_image_path, message_of

from . import placeholders
from .asset_refusals import without_refused
from .resolver import IMAGE_SUFFIXES
from .safety import PathRefused, contained_file
from .text import humanize_filename


class DocFailure(Exception):
    """What stops one doc (or, for a file, what keeps that file out of it), with its report entry."""

    def __init__(self, code, line, message):
        super().__init__(message)
        self.code = code
        self.line = line


@dataclass
class Asset:
    path: Path
    kind: str  # "image" | "document"
    sha1: str
    size: tuple | None = None  # an image's width and height, read when it was checked
    obj_id: int | None = None


def sha1_of(path):
    digest = hashlib.sha1()  # noqa: S324 - same hash Wagtail stores in file_hash, not for security
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def line_of(node, path):
    """The first line of the node's doc that names the file, else 0."""
    if node is None or node.doc is None:
        return 0
    name = Path(path).name
    for number, text in enumerate(node.doc.parsed.raw.split("\n"), 1):
        if name in text:
            return number
    return 0


def _fields_json(mapped):
    cached = getattr(mapped, "_fields_json", None)
    if cached is None:
        cached = json.dumps(mapped.fields, ensure_ascii=False).replace('\\"', '"')
        mapped._fields_json = cached
    return cached


def paths_used(mapped):
    """The files a mapped doc uses (sorted, each once)."""
    if mapped is None:
        return []
    return sorted({value for kind, value in placeholders.find(mapped.fields) if kind not in placeholders.NOT_FILES})


class AssetStore:
    """Every file of one import run: path -> Asset, and the refused ones with their report entry."""

    def __init__(self, roots, report):
        self.roots = roots
        self.report = report
        self.assets = {}  # path -> Asset
        self.refused = {}  # path -> (code, message): files the upload rules refuse
        self._image_hashes = None
        self._document_hashes = None

    # --- before any write ----------------------------------------------------------------
    def read(self, node, mapped):
        """Check every file the doc uses; a refused one is a warning and leaves the doc (its alt or
        link text stays, see asset_refusals.py)."""
        refused = set()
        for kind, value in placeholders.find(mapped.fields):
            if kind in placeholders.NOT_FILES:
                continue
            if value in self.refused:
                refused.add(value)
                continue
            if value in self.assets:
                continue
            try:
                self.assets[value] = self._checked(node, mapped, kind, value)
            except DocFailure as failure:
                self.refused[value] = (failure.code, str(failure))
                refused.add(value)
        for value in sorted(refused):
            code, message = self.refused[value]
            self.report.add(code, node.key, line_of(node, value), message)
        if refused:
            mapped.fields = without_refused(mapped.fields, refused)
            mapped._fields_json = None

    def _checked(self, node, mapped, kind, value):
        path = Path(value)
        try:  # the mapper only gives files inside the site; checked again before any read
            if contained_file(path, self.roots) is None:
                raise DocFailure("file_unreadable", 0, f"Fichier « {path.name} » introuvable.")
        except PathRefused as refused:
            raise DocFailure(PathRefused.code, 0, f"Fichier non lu : {refused}.") from None
        is_image = kind == "__image__" or (kind == "__asset__" and path.suffix.lower() in IMAGE_SUFFIXES
                                           and f'data-embedtype="image" data-import-asset="{value}"' in _fields_json(mapped))
        try:
            sha1 = sha1_of(path)
        except OSError as exc:
            raise DocFailure("file_unreadable", 0, f"Fichier illisible « {path.name} » : {exc}") from None
        asset = Asset(path, "image" if is_image else "document", sha1)
        if is_image and sha1 not in self._known_image_hashes():
            asset.size = self._image_size(node, path)  # also refuses a broken file before any write
        elif not is_image and sha1 not in self._known_document_hashes():
            # A stored document passed these checks when it was stored, as a known image did: an
            # unchanged re-run does not parse every PDF again.
            self._check_document(node, path)
        return asset

    def _known_image_hashes(self):
        if self._image_hashes is None:
            self._image_hashes = set(get_image_model().objects.exclude(file_hash="").values_list("file_hash", flat=True))
        return self._image_hashes

    def _known_document_hashes(self):
        if self._document_hashes is None:
            self._document_hashes = set(
                get_document_model().objects.exclude(file_hash="").values_list("file_hash", flat=True))
        return self._document_hashes

    def _image_size(self, node, path):
        """Width and height, once the file has passed the same content checks as an admin upload."""
        try:
            return check_image_path(path)
        except ValidationError as error:
            raise DocFailure("image_refused", line_of(node, path),
                             f"{message_of(error)} Son texte alternatif est gardé à sa place.") from None
        except OSError as exc:
            raise DocFailure("image_unreadable", line_of(node, path),
                             f"Image illisible « {path.name} » ({exc.__class__.__name__}) : son texte alternatif est gardé "
                             "à sa place ; corrigez ou retirez le fichier.") from None

    def _check_document(self, node, path):
        try:
            check_document_path(path)
        except ValidationError as error:
            raise DocFailure("file_refused", line_of(node, path),
                             f"{message_of(error)} Le texte du lien est gardé, sans lien.") from None

    # --- when a page needs the object -----------------------------------------------------
    def kind_of(self, path):
        return self.assets[path].kind if path in self.assets else "document"

    def object_id(self, path, kind):
        """The id of the image or document holding this file: reused by content hash, else created."""
        asset = self.assets.get(path)
        if asset is None:
            asset = self.assets[path] = Asset(Path(path), kind, sha1_of(path))
        if kind == "image" and asset.kind != "image":  # a file linked as a document and shown as an image
            asset = self.assets.setdefault(path + "#image", Asset(asset.path, "image", asset.sha1, asset.size))
        if asset.obj_id is not None:
            return asset.obj_id
        is_image = asset.kind == "image"
        model = get_image_model() if is_image else get_document_model()
        counts = self.report.images if is_image else self.report.documents
        existing = model.objects.filter(file_hash=asset.sha1).order_by("pk").first()
        if existing is not None:
            asset.obj_id = existing.pk
            counts["reused"] += 1
            return asset.obj_id
        extra = {}
        if is_image:
            width, height = asset.size or self._image_size(None, asset.path)
            extra = {"width": width, "height": height}
        obj = model(title=humanize_filename(asset.path)[:255] or asset.path.name,
                    file_size=asset.path.stat().st_size, file_hash=asset.sha1, **extra)
        # The file is stored first and set by name past the field descriptor: assigning it would
        # make Wagtail decode the whole image (hundreds of MB for a panorama) to read a size
        # we already have from the header.
        field = model._meta.get_field("file")
        with open(asset.path, "rb") as handle:
            stored = field.storage.save(field.generate_filename(obj, asset.path.name), File(handle))
        set_stored_file(obj, field, stored)
        obj.save()
        asset.obj_id = obj.pk
        counts["created"] += 1
        return asset.obj_id

    def forget_rolled_back(self):
        """After a doc's transaction was rolled back, objects it created are gone: create them again
        when another doc needs them."""
        for asset in self.assets.values():
            if asset.obj_id is None:
                continue
            model = get_image_model() if asset.kind == "image" else get_document_model()
            if not model.objects.filter(pk=asset.obj_id).exists():
                asset.obj_id = None
