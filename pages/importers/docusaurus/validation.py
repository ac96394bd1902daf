"""Imported pages meet the same rules as pages saved in the admin, before anything is saved.

Every StreamField value is cleaned by its own blocks (``StreamBlock.clean``: required values, URL
fields, choosers, the allowed embeds, every nested block), then the page by ``full_clean`` (typed
fields, lengths, slug). The importer's choice, so that one bad value never costs a whole doc:

- a body block its blocks refuse is taken out of the page, with a report entry giving the doc's
  line, the block and what was expected; the rest of the page is imported (the source still holds
  the block, the report says where);
- a refused typed field (capacity, address, e-mail…) fails the doc: nothing of it is saved (the
  writer runs each doc in its own transaction), and the report says which field and why.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from wagtail.blocks.base import get_error_json_data

from .safety import is_script_text, unsafe_urls_in_html


class PageInvalid(Exception):
    def __init__(self, line, message, fields=()):
        super().__init__(message)
        self.line = line
        self.fields = list(fields)  # the refused fields, to find their front matter line


def validate_page(page, block_lines, report):
    """Clean ``page`` in place; ``report(line, message)`` receives every block taken out.
    Raises PageInvalid when a typed field is refused."""
    stream_fields = [f for f in page._meta.get_fields() if hasattr(f, "stream_block")]
    for field in stream_fields:
        _clean_stream(page, field, block_lines, report)
    _refuse_script_urls(page, stream_fields)
    try:
        page.full_clean(exclude=[f.name for f in stream_fields])
    except ValidationError as error:
        errors = sorted(error.message_dict.items())
        details = "; ".join(f"{_label(page, name)} ({name}) : {' '.join(messages)}" for name, messages in errors)
        raise PageInvalid(1, f"Page refusée par les règles du CMS — {details}", [name for name, _m in errors]) from None


def _clean_stream(page, field, block_lines, report):
    value = getattr(page, field.name)
    for _attempt in range(len(value) + 1):
        try:
            setattr(page, field.name, field.stream_block.clean(value))
            return
        except ValidationError as error:
            block_errors = getattr(error, "block_errors", None)
            if not block_errors:  # min/max number of blocks: nothing one block can fix
                messages = " ".join(_messages(get_error_json_data(error)))
                raise PageInvalid(1, f"Champ « {_label(page, field.name)} » refusé : {messages}") from None
            kept = []
            for index, child in enumerate(value):
                if index not in block_errors:
                    kept.append(child)
                    continue
                messages = " ".join(_messages(get_error_json_data(block_errors[index])))
                label = child.block.label or child.block_type
                report(block_lines.get(child.id, 0),
                       f"Bloc « {label} » ({child.block_type}) du champ « {_label(page, field.name)} » refusé par "
                       f"ses règles et retiré de la page : {messages}")
            value = field.stream_block.to_python([
                {"type": child.block_type, "value": child.block.get_prep_value(child.value), "id": child.id}
                for child in kept
            ])


def _refuse_script_urls(page, stream_fields):
    """Last line of defence: the mapper keeps no script address, and no block or rich text may
    carry one whatever produced it (rich text blocks do not check their links)."""
    values = [getattr(page, f.name).get_prep_value() for f in stream_fields]
    values += [getattr(page, f.attname) for f in page._meta.concrete_fields
               if f.get_internal_type() in ("TextField", "CharField") and isinstance(getattr(page, f.attname), str)]
    for text in _strings(values):
        bad = unsafe_urls_in_html(text) or ([text] if is_script_text(text) else [])
        if bad:
            raise PageInvalid(1, f"Adresse refusée dans la page : « {bad[0][:80]} » (acceptées : http, https, mailto, tel "
                                 "et liens du site).")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, (list, tuple)):
        for inner in value:
            yield from _strings(inner)


def _messages(data, path=""):
    """Flatten Wagtail's block error JSON into "where: message" strings."""
    out = [f"{path} : {m}" if path else str(m) for m in data.get("messages", [])]
    nested = data.get("blockErrors")
    if isinstance(nested, dict):
        for key, inner in nested.items():
            out.extend(_messages(inner, f"{path}.{key}" if path else str(key)))
    elif isinstance(nested, list):
        for key, inner in enumerate(nested):
            if inner:
                out.extend(_messages(inner, f"{path}.{key}" if path else str(key)))
    return out


def _label(page, name):
    try:
        return str(page._meta.get_field(name).verbose_name)
    except Exception:  # "__all__" and other non-field keys
        return name
