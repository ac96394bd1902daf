"""What a file really is, from its bytes. Pure Python: no Django, no database.

``kind_of(head)`` answers with a short code (``"pdf"``, ``"html"``, ``"exe-windows"``, ``"image:PNG"``…)
that ``checks`` turns into a sentence. Names and extensions are never looked at here.
"""

from __future__ import annotations

import re
import zipfile

import filetype

HEAD_SIZE = 64 * 1024

# Markup a browser would run if it ever rendered the file as a page. Checked at the start of text
# files, and anywhere in images (a "polyglot" hides a page inside valid picture data).
HTML_START_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|script|iframe|meta|title|style|a\s|div|p>|table|form|object|embed)",
    re.IGNORECASE | re.DOTALL,
)
SVG_RE = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]",
    re.IGNORECASE | re.DOTALL,
)
# Only tags of six bytes or more: compressed picture data is random, and a shorter pattern would
# turn up by chance in about one large photo in a thousand.
HIDDEN_MARKUP_RE = re.compile(
    rb"<(?:script|html|body|iframe|object|embed)[\s>/]|<\?php|javascript:", re.IGNORECASE
)

# Members of a ZIP archive that would run if a reader opened them.
EXECUTABLE_SUFFIXES = {
    ".exe",
    ".com",
    ".bat",
    ".cmd",
    ".msi",
    ".scr",
    ".pif",
    ".vbs",
    ".vbe",
    ".js",
    ".jse",
    ".wsf",
    ".wsh",
    ".ps1",
    ".psm1",
    ".jar",
    ".apk",
    ".app",
    ".dmg",
    ".pkg",
    ".sh",
    ".dll",
    ".lnk",
    ".hta",
    ".reg",
    ".cpl",
}
# ZIP-based formats: the entry that tells them apart.
OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
THREE_MF_PART = "3d/3dmodel.model"


def kind_of(head: bytes) -> str:
    """A code for what ``head`` (the first bytes of a file) really holds."""
    if not head:
        return "empty"
    if head.startswith(b"MZ"):
        return "exe-windows"
    if head.startswith(b"\x7fELF"):
        return "exe-linux"
    if head[:4] in (
        b"\xfe\xed\xfa\xce",
        b"\xfe\xed\xfa\xcf",
        b"\xce\xfa\xed\xfe",
        b"\xcf\xfa\xed\xfe",
        b"\xca\xfe\xba\xbe",
    ):
        return "exe-macos"
    if head.startswith(b"#!"):
        return "script"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    text = head.lstrip(b"\xef\xbb\xbf")
    if SVG_RE.match(text):
        return "svg"
    if HTML_START_RE.match(text):
        return "html"
    guessed = filetype.guess(head)
    if guessed is not None:
        if guessed.mime.startswith("image/"):
            return "image:" + guessed.extension.upper().replace("JPG", "JPEG")
        if guessed.mime.startswith(("video/", "audio/")):
            return "media:" + guessed.extension.upper()
        return "other:" + guessed.extension.upper()
    if is_text(head):
        return "text"
    return "unknown"


def is_text(head: bytes) -> bool:
    """Readable text: no NUL byte, no control character other than tab, line and page breaks."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            decoded = head.decode("utf-16")
        except UnicodeDecodeError:
            return False
    else:
        if b"\x00" in head:
            return False
        try:
            decoded = head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 3:  # not only a character cut at the end of the sample
                decoded = head.decode("cp1252", errors="replace")
            else:
                decoded = head[: error.start].decode("utf-8")
    return not any(ord(c) < 32 and c not in "\t\n\r\f\v\x1a" for c in decoded)


def zip_kind(archive: zipfile.ZipFile) -> str:
    """Which ZIP-based format an archive is: ``docx``, ``ods``, ``3mf``… or ``zip``."""
    names = {name.lower(): name for name in archive.namelist()}
    for extension, part in OOXML_PARTS.items():
        if part in names and "[content_types].xml" in names:
            return extension
    if "mimetype" in names:
        mimetype = archive.read(names["mimetype"]).strip()
        for extension, expected in ODF_MIMETYPES.items():
            if mimetype == expected:
                return extension
    if THREE_MF_PART in names:
        return "3mf"
    return "zip"


def executable_members(archive: zipfile.ZipFile) -> list[str]:
    return [
        name
        for name in archive.namelist()
        if any(name.lower().endswith(suffix) for suffix in EXECUTABLE_SUFFIXES)
    ]


def is_binary_stl(head: bytes, size: int) -> bool:
    """80-byte header, a triangle count, then 50 bytes per triangle: the size tells."""
    if len(head) < 84:
        return False
    triangles = int.from_bytes(head[80:84], "little")
    return size == 84 + 50 * triangles


def is_ascii_stl(head: bytes) -> bool:
    return head.lstrip().lower().startswith(b"solid") and is_text(head) and b"facet" in head.lower()


OBJ_LINE_RE = re.compile(rb"^(?:v|vt|vn|vp|f|l|p|g|o|s|mtllib|usemtl)\s", re.MULTILINE)


def is_obj(head: bytes) -> bool:
    return (
        is_text(head)
        and OBJ_LINE_RE.search(head) is not None
        and re.search(rb"^v\s", head, re.MULTILINE) is not None
    )


def has_hidden_markup(stream, chunk_size=1 << 20) -> bool:
    """True when page markup or a script appears anywhere in the stream (read in chunks)."""
    overlap = b""
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            return False
        if HIDDEN_MARKUP_RE.search(overlap + chunk):
            return True
        overlap = chunk[-16:]


def media_matches(extension: str, head: bytes) -> bool:
    """Audio and video containers, by their magic numbers."""
    if extension == "mp4":
        return head[4:8] == b"ftyp"
    if extension == "webm":
        return head.startswith(b"\x1a\x45\xdf\xa3") and b"webm" in head[:64]
    if extension == "mp3":
        return head.startswith(b"ID3") or (
            len(head) > 1 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0
        )
    if extension == "wav":
        return head.startswith(b"RIFF") and head[8:12] == b"WAVE"
    return False
