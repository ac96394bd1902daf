"""Demo images and documents, drawn on the fly so the repository carries no binary files."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents.models import Document
from wagtail.images.models import Image

from PIL import Image as PILImage
from PIL import ImageDraw


def _png(label, colour, size=(1200, 675)):
    canvas = PILImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(canvas)
    for offset in range(0, size[0], 60):
        draw.line([(offset, 0), (offset - size[1], size[1])], fill=tuple(min(255, c + 25) for c in colour), width=18)
    draw.rectangle([40, size[1] - 140, size[0] - 40, size[1] - 40], fill=(255, 255, 255))
    draw.text((70, size[1] - 105), label, fill=(20, 20, 20), font_size=48)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    return buffer.getvalue()


def demo_image(title, label, colour):
    """The image titled `title`, created once."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = _png(label, colour)
    name = hashlib.sha1(data).hexdigest()[:12]  # noqa: S324 - a file name, not security
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(data), name=f"demo-{name}.png"))


def _pdf(text):
    """A one-page PDF saying `text` (plain ASCII), enough for a real download."""
    stream = f"BT /F1 24 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def demo_document(title, text, filename):
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    return Document.objects.create(title=title, file=ContentFile(_pdf(text), name=filename))
