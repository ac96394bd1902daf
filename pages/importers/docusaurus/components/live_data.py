"""Components that showed readers live data from a library service, as a live-data block."""

from __future__ import annotations

from .. import jsx
from . import register

# Component name → the live-data block's source.
SOURCES = {"Disponibilite": "equipment_availability", "PostesDisponibles": "available_computers"}


@register(*SOURCES)
def live_data(flow, tag, node, line):
    params = []
    for key, value in tag.attrs.items():
        if key in ("className", "style"):
            continue
        plain = jsx.to_plain(value)
        text = str(plain if not isinstance(plain, (list, dict)) else plain)
        params.append(flow.ctx.item({"name": key[:255], "value": text[:255]}))
    title = str(tag.attrs.get("label") or tag.attrs.get("title") or "")
    flow.add("live_data", {"source": SOURCES[tag.name], "component": tag.name, "title": title[:255], "parameters": params})
