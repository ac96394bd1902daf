"""This site's `<StudioCard>` (a place: title, location, links, models, booking): consecutive
cards become one card grid, their other links rich text after it, so that no link is lost."""

from __future__ import annotations

from .. import jsx
from ..inline import INLINE_TAGS, Inline
from ..text import esc, source_line
from . import register
from .cards import card


@register("StudioCard", siblings=True)
def studio_cards(flow, tag, nodes, line):
    """StudioCards -> a card grid (title, place, link), then their other links as rich text
    (map, models, booking), so that no link is lost."""
    cards, details = [], []
    for node in nodes:
        tag, line = node.meta["tag"], source_line(node)
        a = tag.attrs
        title = jsx.jsx_text(a.get("title")).strip() or "Lieu"
        text = " ".join(t for t in (jsx.jsx_text(a.get("location")).strip(),
                                    jsx.jsx_text(a.get("description")).strip()) if t)
        item = {"title": title, "description": text}
        if a.get("titleLink"):
            item["link"] = a["titleLink"]
        cards.append(card(flow, item, line))
        html = studio_card_html(flow, tag, line, with_title=False)
        if html:
            details.append(f"<p><b>{esc(title)}</b></p>{html}")
        for child in node.children:
            flow.node(child)
    flow.add("card_grid", {"title": "", "cards": cards})
    if details:
        flow.html.append("".join(details))



def studio_card_html(flow, tag, line, with_title=True):
    a = tag.attrs
    title = jsx.jsx_text(a.get("title")).strip() or "Lieu"
    renderer = Inline(flow.ctx, line)
    parts = []
    if a.get("titleLink") and with_title:
        parts.append(f"<p>{renderer.link(str(a['titleLink']), esc(title))}</p>")
    if a.get("location") and (with_title or _has_link(a["location"])):
        parts.append(f"<p>{jsx_html(flow, a['location'], renderer)}</p>")
    if a.get("description") and with_title:
        parts.append(f"<p>{jsx_html(flow, a['description'], renderer)}</p>")
    if a.get("mapLink"):
        parts.append(f"<p>{renderer.link(str(a['mapLink']), esc(a.get('mapText') or 'Localiser sur Google Maps'))}</p>")
    tags = a.get("tags") or []
    if isinstance(tags, list) and tags:
        parts.append(f"<p>{esc(a.get('tagsLabel') or 'Modèles disponibles')} :</p><ul>")
        for t in tags:
            if isinstance(t, dict):
                label = esc(jsx.jsx_text(t.get("label")))
                parts.append(f"<li>{renderer.link(str(t['href']), label) if t.get('href') else label}</li>")
            else:
                parts.append(f"<li>{esc(jsx.jsx_text(t))}</li>")
        parts.append("</ul>")
    if a.get("reserveLink"):
        parts.append(f"<p>{renderer.link(str(a['reserveLink']), esc(a.get('reserveText') or 'Réserver'))}</p>")
    for link in a.get("secondaryLinks") or []:
        if isinstance(link, dict) and link.get("href"):
            parts.append(f"<p>{renderer.link(str(link['href']), esc(jsx.jsx_text(link.get('label')) or link['href']))}</p>")
    if a.get("beforeReserve"):
        parts.append(f"<p>{jsx_html(flow, a['beforeReserve'], renderer)}</p>")
    return "".join(parts)



def jsx_html(flow, value, renderer):
    if isinstance(value, jsx.JsxNode):
        out = []
        for child in value.children:
            if isinstance(child, jsx.JsxNode):
                inner = jsx_html(flow, child, renderer)
                name = child.name.lower()
                if name == "a" or child.name == "Link":
                    out.append(renderer.link(str(child.attrs.get("href") or child.attrs.get("to") or ""), inner))
                elif name in INLINE_TAGS:
                    out.append(f"<{INLINE_TAGS[name]}>{inner}</{INLINE_TAGS[name]}>")
                elif name == "br":
                    out.append("<br/>")
                else:
                    out.append(inner)
            else:
                out.append(esc(jsx.jsx_text(child)))
        return "".join(out).strip()
    return esc(jsx.jsx_text(value))



def _has_link(value):
    if isinstance(value, jsx.JsxNode):
        return value.name.lower() == "a" or value.name == "Link" or any(_has_link(c) for c in value.children)
    return False


