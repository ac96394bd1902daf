"""PDFs built at test time, byte by byte: sound ones (one or several pages, links, a fillable form)
and hostile ones (scripts behind escaped names, in compressed object streams, in an incremental
update, attached files, forbidden links…). Each has a correct cross-reference table unless broken
on purpose, so that a refusal is about what the file does, not how it is written."""

import io
import re
import struct
import zlib

CATALOG = 1
PAGES = 2
FIRST_PAGE = 3


def build(objects, header=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", root=CATALOG):
    """A PDF whose object n is ``objects[n - 1]`` (the text between ``obj`` and ``endobj``)."""
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def page(contents_ref, extra=b""):
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> %s>>"
        % (contents_ref, extra)
    )


def text(words):
    return stream(b"BT /F1 18 Tf 72 720 Td (%s) Tj ET" % words)


def document_objects(catalog_extra=b"", page_extra=b"", more=(), pages=1):
    """Catalog, page tree, ``pages`` pages of text, then the objects in ``more`` (numbered after)."""
    page_numbers = [FIRST_PAGE + 2 * i for i in range(pages)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R %s>>" % catalog_extra,
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % n for n in page_numbers), pages),
    ]
    for index, number in enumerate(page_numbers):
        objects.append(page(number + 1, page_extra if index == 0 else b""))
        objects.append(text(b"Page %d" % (index + 1)))
    return objects + list(more)


def document(**parts):
    return build(document_objects(**parts))


def next_number(pages=1):
    """The number the first object of ``more`` gets in ``document``."""
    return FIRST_PAGE + 2 * pages


# --- Sound PDFs -------------------------------------------------------------------------------


def simple():
    return document()


def multi_page(pages=4):
    return document(pages=pages)


def with_link(uri=b"https://bib.example.org/studios"):
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (%s) >> >>" % uri
    return document(page_extra=b"/Annots [%d 0 R] " % next_number(), more=[link])


def with_internal_link():
    """A table of contents entry: go to page 2 (no script, nothing outside the file)."""
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /Dest [5 0 R /Fit] >>"
    return document(page_extra=b"/Annots [%d 0 R] " % next_number(2), more=[link], pages=2)


def fillable_form():
    """A text field and a check box, no script: filled in and printed by the reader."""
    first = next_number()
    fields = [
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (nom) /Rect [72 650 300 670] /P 3 0 R /DA (/Helv 12 Tf 0 g) >>",
        b"<< /Type /Annot /Subtype /Widget /FT /Btn /T (accord) /Rect [72 620 90 638] /P 3 0 R /V /Off /AS /Off >>",
    ]
    refs = b"%d 0 R %d 0 R" % (first, first + 1)
    return document(
        catalog_extra=b"/AcroForm << /Fields [%s] /DA (/Helv 12 Tf 0 g) >> " % refs,
        page_extra=b"/Annots [%s] " % refs,
        more=fields,
    )


def opens_on_first_page():
    """/OpenAction that only shows page 1 fitted: very common, harmless."""
    return document(catalog_extra=b"/OpenAction [3 0 R /Fit] ")


SOUND = {
    "simple": simple,
    "multi_page": multi_page,
    "with_link": with_link,
    "with_mailto_link": lambda: with_link(b"mailto:studio@bib.example.org"),
    "with_internal_link": with_internal_link,
    "fillable_form": fillable_form,
    "opens_on_first_page": opens_on_first_page,
}

# --- Hostile PDFs -----------------------------------------------------------------------------

JS = b"/S /JavaScript /JS (app.alert\\(1\\)) "


def open_action_javascript():
    return document(catalog_extra=b"/OpenAction << %s>> " % JS)


def escaped_name_javascript():
    """``/Java#53cript`` and ``/J#53`` are ``/JavaScript`` and ``/JS`` once the name is decoded."""
    return document(catalog_extra=b"/OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >> ")


def page_additional_action():
    return document(page_extra=b"/AA << /O << %s>> >> " % JS)


def annotation_javascript():
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << %s>> >>" % JS
    return document(page_extra=b"/Annots [%d 0 R] " % next_number(), more=[link])


def form_field_javascript():
    field = (
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (nom) /Rect [72 650 300 670] /P 3 0 R "
        b"/AA << /K << %s>> >> >>" % JS
    )
    ref = b"%d 0 R" % next_number()
    return document(catalog_extra=b"/AcroForm << /Fields [%s] >> " % ref, page_extra=b"/Annots [%s] " % ref, more=[field])


def names_tree_javascript():
    first = next_number()
    return document(
        catalog_extra=b"/Names << /JavaScript %d 0 R >> " % first,
        more=[b"<< /Names [(start) %d 0 R] >>" % (first + 1), b"<< %s>>" % JS],
    )


def launch_action():
    return document(catalog_extra=b"/OpenAction << /S /Launch /F (C:\\\\Windows\\\\System32\\\\calc.exe) >> ")


def embedded_file():
    first = next_number()
    return document(
        catalog_extra=b"/Names << /EmbeddedFiles << /Names [(notes.exe) %d 0 R] >> >> " % first,
        more=[
            b"<< /Type /Filespec /F (notes.exe) /EF << /F %d 0 R >> >>" % (first + 1),
            stream(b"MZ\x90\x00", b"/Type /EmbeddedFile "),
        ],
    )


def file_attachment_annotation():
    annotation = b"<< /Type /Annot /Subtype /FileAttachment /Rect [72 700 90 720] /FS (outil.exe) >>"
    return document(page_extra=b"/Annots [%d 0 R] " % next_number(), more=[annotation])


def xfa_form():
    xfa = stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(1)</script></xdp:xdp>')
    return document(catalog_extra=b"/AcroForm << /Fields [] /XFA %d 0 R >> " % next_number(), more=[xfa])


def javascript_uri():
    return with_link(b"javascript:app.alert(1)")


def disguised_javascript_uri():
    """Upper case, a tab and a leading space: a viewer still reads ``javascript:``."""
    return with_link(b" JavaScr\tipt:app.alert(1)")


def file_uri():
    return with_link(b"file:///C:/Windows/System32/calc.exe")


def indirect_action_type():
    """``/S 7 0 R`` where object 7 is the name ``/JavaScript``."""
    number = next_number()
    return document(catalog_extra=b"/OpenAction << /S %d 0 R /JS (app.alert\\(1\\)) >> " % number, more=[b"/JavaScript"])


def unreferenced_javascript():
    """Reached from nowhere, listed in the table: a viewer rebuilding the file could still find it."""
    return document(more=[b"<< %s>>" % JS])


def build_packed(objects):
    """Like ``build``, but every object that is not a stream goes into one FlateDecode
    ``/Type /ObjStm``, with a cross-reference stream, as PDF 1.5+ writers do."""
    plain = {n: body for n, body in enumerate(objects, start=1) if b"\nstream\n" in body}
    packed = [(n, body) for n, body in enumerate(objects, start=1) if n not in plain]
    header, content = [], b""
    for number, body in packed:
        header.append(b"%d %d" % (number, len(content)))
        content += body + b"\n"
    header = b" ".join(header) + b"\n"
    objstm_number, xref_number = len(objects) + 1, len(objects) + 2
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    plain[objstm_number] = stream(
        zlib.compress(header + content),
        b"/Type /ObjStm /N %d /First %d /Filter /FlateDecode " % (len(packed), len(header)),
    )
    for number, body in plain.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[xref_number] = len(out)
    index = {number: position for position, (number, _body) in enumerate(packed)}
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number in range(1, xref_number + 1):
        if number in offsets:
            rows.append(struct.pack(">BIH", 1, offsets[number], 0))
        else:
            rows.append(struct.pack(">BIH", 2, objstm_number, index[number]))
    table = b"".join(rows)
    out += b"%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n" % (
        xref_number,
        stream(table, b"/Type /XRef /Size %d /W [1 4 2] /Root 1 0 R " % (xref_number + 1)),
        offsets[xref_number],
    )
    return bytes(out)


def object_stream_javascript():
    return build_packed(document_objects(catalog_extra=b"/OpenAction %d 0 R " % next_number(), more=[b"<< %s>>" % JS]))


def object_stream_sound():
    return build_packed(document_objects(catalog_extra=b"/OpenAction [3 0 R /Fit] "))


def incremental_update_javascript():
    """A sound PDF, then an update appended to it that replaces the catalog by one with a script."""
    base = simple()
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    offset = len(base)
    update = b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction << %s>> >>\nendobj\n" % JS
    xref = offset + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n" % offset
    update += b"trailer\n<< /Size 5 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref)
    return base + update


def leading_junk():
    """Viewers look for ``%PDF-`` in the first kilobyte: junk before it hides the file's type."""
    return b"<html><!-- " + b" " * 200 + b"-->\n" + open_action_javascript()


def huge_object_stream(size=120_000_000):
    """An object stream that inflates from ~100 KB to more than pypdf's ceiling."""
    compressed = zlib.compress(b" " * size, 9)
    return document(
        more=[stream(compressed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode ")]
    )


def duplicate_key_javascript():
    """``/OpenAction`` twice: pypdf would keep the first, a viewer may run the second."""
    return document(catalog_extra=b"/OpenAction [3 0 R /Fit] /OpenAction << %s>> " % JS)


def hex_string_javascript_uri():
    """``<6a61…>``: the same string as ``(javascript:…)`` once read."""
    uri = b"<%s>" % b"javascript:app.alert(1)".hex().encode()
    link = b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI %s >> >>" % uri
    return document(page_extra=b"/Annots [%d 0 R] " % next_number(), more=[link])


def bookmark_javascript():
    first = next_number()
    return document(
        catalog_extra=b"/Outlines %d 0 R " % first,
        more=[
            b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count 1 >>" % (first + 1, first + 1),
            b"<< /Title (Sommaire) /Parent %d 0 R /A << %s>> >>" % (first, JS),
        ],
    )


def object_stream_outside_the_table():
    """An object stream whose member no cross-reference entry lists: found by reading the stream."""
    packed = zlib.compress(b"9 0 << %s>>" % JS)
    return document(more=[stream(packed, b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode ")])


def deep_nesting(depth=50_000):
    return document(more=[b"[" * depth + b"]" * depth])


def encrypted(user_password):
    """A one-page PDF with a script in its names tree, encrypted (RC4) by pypdf."""
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_open_action(JavaScript("app.alert(1);"))
    writer.encrypt(user_password=user_password, owner_password="proprietaire", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def broken_cross_reference():
    """Truncated in the middle of an object: nothing a reader could trust."""
    return simple()[:60]


HOSTILE = {
    "open_action_javascript": (open_action_javascript, "du JavaScript"),
    "escaped_name_javascript": (escaped_name_javascript, "du JavaScript"),
    "page_additional_action": (page_additional_action, "du JavaScript"),
    "annotation_javascript": (annotation_javascript, "du JavaScript"),
    "form_field_javascript": (form_field_javascript, "du JavaScript"),
    "names_tree_javascript": (names_tree_javascript, "du JavaScript"),
    "launch_action": (launch_action, "lance un programme"),
    "embedded_file": (embedded_file, "un fichier joint"),
    "file_attachment_annotation": (file_attachment_annotation, "un fichier joint"),
    "xfa_form": (xfa_form, "un formulaire XFA"),
    "javascript_uri": (javascript_uri, "un lien non autorisé"),
    "disguised_javascript_uri": (disguised_javascript_uri, "un lien non autorisé"),
    "file_uri": (file_uri, "un lien non autorisé"),
    "indirect_action_type": (indirect_action_type, "du JavaScript"),
    "unreferenced_javascript": (unreferenced_javascript, "du JavaScript"),
    "object_stream_javascript": (object_stream_javascript, "du JavaScript"),
    "incremental_update_javascript": (incremental_update_javascript, "du JavaScript"),
    "duplicate_key_javascript": (duplicate_key_javascript, "abîmé ou illisible"),
    "hex_string_javascript_uri": (hex_string_javascript_uri, "un lien non autorisé, « javascript:app.alert(1) »"),
    "bookmark_javascript": (bookmark_javascript, "du JavaScript (dans un signet)"),
    "object_stream_outside_the_table": (object_stream_outside_the_table, "du JavaScript"),
    "deep_nesting": (deep_nesting, "abîmé ou illisible"),
    "encrypted_openable_with_script": (lambda: encrypted(""), "du JavaScript"),
    "encrypted_with_password": (lambda: encrypted("secret"), "protégé par un mot de passe"),
    "broken_cross_reference": (broken_cross_reference, "abîmé ou illisible"),
}
