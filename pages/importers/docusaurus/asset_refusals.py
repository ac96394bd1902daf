"""A file the upload rules refuse costs its link or image, never the doc. Pure (no Django).

The writer checks every image and document a doc uses with the same rules as an admin upload
(``pages/uploads/``). For a refused one it reports a warning with the reason and calls
``without_refused``, which takes the file out of the doc's mapped fields and keeps what the reader
saw in its place: an image becomes its alt text, a linked file its link text, a document or video
block the paragraph of its label.
"""

from __future__ import annotations

import html
import re

_IMG_RE = re.compile(r'<img data-embedtype="image" data-import-asset="([^"]*)"[^>]*?data-alt="([^"]*)"\s*/>')
_DOC_LINK_RE = re.compile(r'<a data-linktype="document" data-import-asset="([^"]*)">(.*?)</a>', re.DOTALL)
_PLACEHOLDERS = ("__image__", "__document__")


def without_refused(value, refused):
    """``value`` (a doc's mapped fields, or any part of them) without the files in ``refused``
    (a set of paths as the placeholders spell them)."""
    if not refused:
        return value
    if isinstance(value, list):
        return [without_refused(item, refused) for item in value]
    if isinstance(value, str):
        return _strip_html(value, refused)
    if not isinstance(value, dict):
        return value
    if _placeholder(value) in refused:
        return None
    if {"type", "value"} <= value.keys() and isinstance(value["value"], dict):
        replaced = _replaced_block(value, refused)
        if replaced is not None:
            return replaced
    out = {key: without_refused(item, refused) for key, item in value.items()}
    if "hero_image" in value and out["hero_image"] is None:
        out.pop("hero_image")
        out.pop("hero_image_alt", None)
    return out


def _placeholder(value):
    if len(value) == 1:
        (key, inner), = value.items()
        if key in _PLACEHOLDERS and isinstance(inner, str):
            return inner
    return None


def _replaced_block(block, refused):
    """An image, document or video block whose file is refused, as the paragraph of its text."""
    inner = block["value"]
    kinds = {"image": ("image", ("alt", "caption")), "document": ("document", ("label",)),
             "video": ("video_file", ("title",))}
    if block["type"] not in kinds:
        return None
    key, texts = kinds[block["type"]]
    file = inner.get(key)
    if not isinstance(file, dict) or _placeholder(file) not in refused:
        return None
    text = " ".join(str(inner.get(t) or "").strip() for t in texts).strip()
    if block["type"] == "video" and inner.get("url"):
        return dict(block, value=dict(inner, video_file=None))
    return dict(block, type="paragraph", value=f"<p>{html.escape(text, quote=False)}</p>" if text else "")


def _strip_html(text, refused):
    if "data-import-asset" not in text:
        return text
    text = _IMG_RE.sub(lambda m: html.escape(html.unescape(m.group(2)), quote=False)
                       if html.unescape(m.group(1)) in refused or m.group(1) in refused else m.group(0), text)
    return _DOC_LINK_RE.sub(lambda m: m.group(2) if html.unescape(m.group(1)) in refused or m.group(1) in refused
                            else m.group(0), text)
