"""What a PDF would do when opened: scripts, programs, attached files, links a reader should not follow.

The file is parsed with pypdf, not searched as bytes: names are decoded (``/Java#53cript`` is
``/JavaScript``), objects packed in compressed object streams are read like any other, and
every object of the file is looked at, reachable from the catalogue or not. pypdf rather than
pikepdf: it is pure Python (no C++ parser between an upload and the server's memory) and caps
what a hostile stream may decompress to. It reads in strict mode: a file it would have to repair
(a key given twice, a damaged cross-reference table, a dictionary cut short) is one a viewer may
read differently from us, so it is refused as unreadable rather than guessed at.

``findings(stream)`` answers with what it found, in the order found; ``checks`` turns the first
one into the editor's message. No Django here.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    IndirectObject,
    StreamObject,
    read_object,
)

# Action types (/S) that run something on the reader's machine, and what they count as.
ACTIONS = {
    "/JavaScript": "javascript",
    "/RichMediaExecute": "javascript",
    "/Launch": "launch",
    "/GoToR": "launch",  # opens another file, possibly on a network share
    "/ImportData": "launch",
    "/GoToE": "embedded_file",  # goes to a PDF embedded in this one
}
LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# The keys on the way to an object that say where in the document it is, first match wins.
PLACES = {
    "/OpenAction": "open",
    "/AA": "automatic",
    "/Annots": "annotation",
    "/AcroForm": "form",
    "/Names": "names",
    "/Outlines": "outline",
}
# pypdf tells about every repair it makes; hostile uploads would fill the log with them.
logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Finding:
    kind: str  # javascript, launch, embedded_file, xfa, link, encrypted, unreadable
    place: str = ""  # a key of PLACES' values, or "" (an object found by number only)
    number: int | None = None  # the indirect object it was found in
    detail: str = ""  # the refused link, for "link"


def _link_scheme(value):
    """The scheme of a link as a viewer would read it: spaces and control characters dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


def _text(value):
    if isinstance(value, ByteStringObject):
        return bytes(value).decode("latin-1")
    return str(value)


def _get(obj, key):
    """A dictionary's value with its reference resolved (``/S 7 0 R`` is as good as ``/S /JavaScript``)."""
    value = obj.get(key)
    return value.get_object() if isinstance(value, IndirectObject) else value


def _inspect(obj, place, number):
    """What this one dictionary does, without following its references."""
    found = []

    def add(kind, detail=""):
        found.append(Finding(kind, place, number, detail))

    action = _get(obj, "/S")
    if action in ACTIONS:
        add(ACTIONS[action])
    if "/JS" in obj or "/JavaScript" in obj:  # a script, or the document's names tree of scripts
        add("javascript")
    if "/EmbeddedFiles" in obj or "/EF" in obj or _get(obj, "/Type") == "/EmbeddedFile":
        add("embedded_file")
    if _get(obj, "/Subtype") == "/FileAttachment":
        add("embedded_file")
    if "/XFA" in obj:
        add("xfa")
    if action == "/URI":
        target = _text(_get(obj, "/URI") or "")
        if _link_scheme(target) not in LINK_SCHEMES:
            add("link", target[:80])
    return found


def _object_stream_members(stream, reader):
    """The objects packed in an object stream, read here whatever the cross-reference table says
    (a viewer that rebuilds a damaged table finds them too)."""
    data = stream.get_data()
    count, first = int(_get(stream, "/N") or 0), int(_get(stream, "/First") or 0)
    header = data[:first].split()
    members = []
    for index in range(min(count, len(header) // 2)):
        buffer = BytesIO(data)
        buffer.seek(first + int(header[2 * index + 1]))
        members.append(read_object(buffer, reader))
    return members


def _walk(reader, findings, visited, start, place, number):
    stack = [(start, place, number)]
    while stack:
        obj, place, number = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in visited:
                continue
            visited.add(key)
            number = obj.idnum
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            findings.extend(_inspect(obj, place, number))
            if isinstance(obj, StreamObject) and _get(obj, "/Type") == "/ObjStm":
                stack.extend((member, place, number) for member in _object_stream_members(obj, reader))
            for name, value in obj.items():
                stack.append((value, place or PLACES.get(name, ""), number))
        elif isinstance(obj, ArrayObject):
            stack.extend((value, place, number) for value in obj)


def _every_object(reader):
    """References to every object the cross-reference tables list, packed ones included."""
    for generation, numbers in reader.xref.items():
        for idnum in numbers:
            yield IndirectObject(idnum, generation, reader)
    for idnum in reader.xref_objStm:
        yield IndirectObject(idnum, 0, reader)


def findings(stream):
    """What the PDF in ``stream`` would do that a document for readers must not, as Findings."""
    stream.seek(0)
    found = []
    try:
        reader = PdfReader(stream, strict=True)
        if reader.is_encrypted:
            try:
                reader.decrypt("")  # opens without a password: its content can be checked
            except (DependencyError, PyPdfError, NotImplementedError):
                return [Finding("encrypted")]
        visited = set()
        # From the trailer first, to say where each thing sits; then whatever is left unreached.
        _walk(reader, found, visited, reader.trailer, "", None)
        for reference in _every_object(reader):
            _walk(reader, found, visited, reference, "", None)
        if "/Root" not in reader.trailer:
            found.append(Finding("unreadable"))
    except FileNotDecryptedError:
        found = [Finding("encrypted")]
    except (PyPdfError, PdfReadError, ValueError, TypeError, KeyError, IndexError, AttributeError,
            AssertionError, OverflowError, RecursionError, MemoryError, UnicodeError, OSError):
        # pypdf raises many kinds of error for damaged data: a PDF we cannot read is one we cannot vouch for.
        found = [Finding("unreadable")]
    finally:
        stream.seek(0)
    return found
