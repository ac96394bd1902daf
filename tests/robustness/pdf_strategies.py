"""Hypothesis strategies for PDF uploads: sound PDFs of random shape, and the same PDFs with one
hostile part put somewhere a viewer would act on it, written in one of the ways a byte search
misses (escaped names, a compressed object stream, an indirect action type, an incremental update).

Every PDF is built whole with tests/pdf_samples.py (correct cross-reference tables), so a refusal
is about what the file does. Each draw gives ``(content, hostile_fragment or None)``: the fragment
the refusal must contain.
"""

import re

from hypothesis import strategies as st

from tests import pdf_samples

SAFE_LINKS = st.sampled_from([
    b"https://bib.example.org/studios", b"http://bib.example.org/", b"mailto:studio@bib.example.org",
    b"tel:+15145551234", b"HTTPS://BIB.EXAMPLE.ORG/A?b=c&d=e",
])
BAD_LINKS = st.sampled_from([
    b"javascript:app.alert(1)", b" JavaScript:app.alert(1)", b"java\tscript:x", b"file:///etc/passwd",
    b"file://serveur/partage/doc", b"data:text/html,<script>alert(1)</script>", b"vbscript:msgbox",
    b"\\\\\\\\serveur\\\\partage",
])
JS = b"/S /JavaScript /JS (app.alert\\(1\\))"
# What a hostile part is, and the words the refusal must use for it.
ACTIONS = st.sampled_from([
    (b"<< %s >>" % JS, "du JavaScript"),
    (b"<< /Type /Action /S /JavaScript /JS (this.exportDataObject\\({cName: 'a'}\\)) >>", "du JavaScript"),
    (b"<< /S /Launch /F (calc.exe) >>", "lance un programme"),
    (b"<< /S /Launch /Win << /F (cmd.exe) /P (/c calc) >> >>", "lance un programme"),
    (b"<< /S /GoToR /F (\\\\\\\\serveur\\\\partage\\\\a.pdf) /D [0 /Fit] >>", "lance un programme"),
    (b"<< /S /GoToE /T << /R /C /N (a.pdf) >> >>", "un fichier joint"),
])
PLACES = st.sampled_from(["open", "page_aa", "annotation", "field_aa", "names", "orphan", "update"])


def escape_names(data, mask):
    """Write some letters of every name as ``#xx``: the same name for any PDF reader."""
    counter = iter(range(1 << 30))

    def escape(match):
        return b"/" + b"".join(
            b"#%02X" % c if (mask >> (next(counter) % 31)) & 1 and chr(c).isalpha() else bytes([c])
            for c in match.group(1)
        )

    return re.sub(rb"/([A-Za-z]+)", escape, data)


@st.composite
def sound_parts(draw):
    pages = draw(st.integers(1, 4))
    more, annots, catalog = [], [], b""
    first = pdf_samples.next_number(pages)
    for uri in draw(st.lists(SAFE_LINKS, max_size=3)):
        annots.append(first + len(more))
        more.append(b"<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (%s) >> >>" % uri)
    if pages > 1 and draw(st.booleans()):
        annots.append(first + len(more))
        more.append(b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /Dest [5 0 R /Fit] >>")
    fields = []
    for index in range(draw(st.integers(0, 2))):
        fields.append(first + len(more))
        annots.append(first + len(more))
        more.append(b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (champ%d) /Rect [72 600 300 620] /P 3 0 R >>" % index)
    opening = b"[3 0 R /Fit]" if draw(st.booleans()) else None
    if draw(st.booleans()):
        catalog += b"/PageMode /UseOutlines /Lang (fr-CA) "
    return {"pages": pages, "more": more, "annots": annots, "catalog": catalog, "fields": fields, "open": opening}


def _catalog(parts):
    """The catalog's entries, each key once (a key given twice is a test of its own)."""
    catalog = parts["catalog"]
    if parts["fields"]:
        catalog += b"/AcroForm << /Fields [%s] >> " % b" ".join(b"%d 0 R" % n for n in parts["fields"])
    if parts["open"]:
        catalog += b"/OpenAction %s " % parts["open"]
    return catalog


def _assemble(parts, packed, page_aa=b""):
    annots = b"/Annots [%s] " % b" ".join(b"%d 0 R" % n for n in parts["annots"]) if parts["annots"] else b""
    objects = pdf_samples.document_objects(
        catalog_extra=_catalog(parts), page_extra=annots + page_aa, more=parts["more"], pages=parts["pages"]
    )
    return (pdf_samples.build_packed if packed else pdf_samples.build)(objects)


@st.composite
def sound_pdfs(draw):
    return _assemble(draw(sound_parts()), draw(st.booleans())), None


@st.composite
def hostile_pdfs(draw):
    parts = draw(sound_parts())
    packed = draw(st.booleans())
    mask = draw(st.integers(0, (1 << 31) - 1))
    place = draw(PLACES)
    if draw(st.integers(0, 5)) == 0:  # a forbidden link rather than an action
        action, fragment = b"<< /S /URI /URI (%s) >>" % draw(BAD_LINKS), "un lien non autorisé"
        place = draw(st.sampled_from(["open", "annotation", "page_aa"]))
    else:
        action, fragment = draw(ACTIONS)
        if draw(st.booleans()):  # the action type behind a reference: /S 9 0 R
            name = re.search(rb"/S (/\w+)", action).group(1)
            action = action.replace(b"/S " + name, b"/S %d 0 R" % (pdf_samples.next_number(parts["pages"]) + len(parts["more"])), 1)
            parts["more"].append(name)
    action = escape_names(action, mask)
    number = pdf_samples.next_number(parts["pages"]) + len(parts["more"])
    page_aa = b""
    if place == "open":
        parts["open"] = action
    elif place == "page_aa":
        page_aa = b"/AA << /O %s >> " % action
    elif place == "annotation":
        parts["annots"].append(number)
        parts["more"].append(b"<< /Type /Annot /Subtype /Link /Rect [0 0 9 9] /A %s >>" % action)
    elif place == "field_aa":
        parts["annots"].append(number)
        parts["more"].append(b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (piege) /Rect [0 0 9 9] /AA << /K %s >> >>" % action)
        parts["fields"].append(number)
    elif place == "names":
        parts["more"].append(b"<< /Names [(a) %d 0 R] >>" % (number + 1))
        parts["more"].append(action)
        parts["catalog"] += escape_names(b"/Names << /JavaScript %d 0 R >> " % number, mask)
        fragment = "du JavaScript"  # the names tree of scripts is refused whatever it holds
    elif place == "orphan":
        parts["more"].append(action)
    else:  # an incremental update appends a new catalog carrying the action
        base = _assemble(parts, packed=False)
        parts["open"] = action
        catalog = b"<< /Type /Catalog /Pages 2 0 R %s>>" % _catalog(parts)
        return _append_update(base, catalog), fragment
    return _assemble(parts, packed, page_aa), fragment


def _append_update(base, catalog):
    previous = int(re.findall(rb"startxref\s+(\d+)", base)[-1])
    size = int(re.findall(rb"/Size (\d+)", base)[-1])
    update = b"1 0 obj\n%s\nendobj\n" % catalog
    xref = len(base) + len(update)
    update += b"xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n" % len(base)
    update += b"trailer\n<< /Size %d /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (size, previous, xref)
    return base + update
