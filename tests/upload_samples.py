"""Real files built at test time: sound images and documents, and the hostile ones (bombs,
polyglots, programs and pages under a harmless name). Nothing binary is committed."""

import io
import struct
import zipfile
import zlib

from PIL import Image

from tests import pdf_samples


def raster(fmt="PNG", size=(40, 30), color=(200, 40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, fmt)
    return buffer.getvalue()


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(width=20_000, height=20_000):
    """A PNG of a few KB that claims width × height pixels (1 bit each), all zero."""
    row = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def gif_polyglot():
    """A valid GIF with a page hidden in a comment: some browsers would run it as HTML."""
    gif = raster("GIF")
    comment = b"<script>alert(document.cookie)</script>"
    extension = b"\x21\xfe" + bytes([len(comment)]) + comment + b"\x00"
    return gif[:-1] + extension + gif[-1:]


def truncated_png():
    return raster("PNG", (200, 200))[:-60]


SVG = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert(1)</script><rect width="10" height="10"/></svg>'
)
HTML = b"<!DOCTYPE html>\n<html><body><script>fetch('/admin/')</script></body></html>\n"
WINDOWS_EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 50
    + b"This program cannot be run in DOS mode"
)
LINUX_EXE = b"\x7fELF\x02\x01\x01" + b"\x00" * 60


def pdf():
    """A sound one-page PDF (more sound and hostile PDFs in pdf_samples)."""
    return pdf_samples.simple()


def pdf_with_javascript():
    return pdf_samples.open_action_javascript()


def zip_of(entries, stored_first=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if stored_first:
            archive.writestr(zipfile.ZipInfo(stored_first[0]), stored_first[1])
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


CONTENT_TYPES = b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def docx():
    return zip_of({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:document/>"})


def xlsx():
    return zip_of({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": b"<workbook/>"})


def odt():
    return zip_of(
        {"content.xml": b"<office:document-content/>"},
        stored_first=("mimetype", b"application/vnd.oasis.opendocument.text"),
    )


def three_mf():
    return zip_of({"[Content_Types].xml": CONTENT_TYPES, "3D/3dmodel.model": b"<model/>"})


def zip_with_program():
    return zip_of({"lisezmoi.txt": b"Installez le pilote.", "pilote/setup.exe": WINDOWS_EXE})


def binary_stl(triangles=2):
    return (
        b"solid but binary".ljust(80, b" ")
        + struct.pack("<I", triangles)
        + b"\x00" * 50 * triangles
    )


ASCII_STL = b"solid cube\n  facet normal 0 0 1\n    outer loop\n      vertex 0 0 0\n    endloop\n  endfacet\nendsolid cube\n"
OBJ = b"# cube\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"
CSV = "nom;salle;capacité\nStudio balado;B-2240;4\n".encode("cp1252")
MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
