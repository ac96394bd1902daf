"""Card grids: `<CardGrid items={[{title, description, link, image}, …]} />`."""

from __future__ import annotations

from .. import jsx
from ..image_refs import missing, svg_refused
from ..inline import asset_src
from . import register


@register("CardGrid")
def card_grid(flow, tag, node, line):
    items = tag.attrs.get("items") or tag.attrs.get("cards") or []
    if not isinstance(items, list):
        flow.unmapped(tag, node, line)
        return
    cards = []
    for item in items:
        if not isinstance(item, dict):
            continue
        cards.append(card(flow, item, line))
    flow.add("card_grid", {"title": str(tag.attrs.get("title") or "")[:255], "cards": cards})
    flow.children(node)



def card(flow, item, line):
    ctx = flow.ctx
    title = jsx.jsx_text(item.get("title") or item.get("label") or "").strip() or "Carte"
    text = jsx.jsx_text(item.get("description") or item.get("text") or "").strip()
    link = item.get("link") or item.get("href") or item.get("to") or ""
    value = {"title": title[:255], "text": text, "page": None, "url": "", "image": None}
    if link:
        target = ctx.resolver.link(str(link), ctx.doc)
        if target.kind == "page":
            value["page"] = {"__page__": target.value}
        elif target.kind == "external":
            value["url"] = target.value
        elif target.kind == "refused":
            ctx.problem(target.code, line, f"Carte « {title} » : {target.reason}")
        elif target.kind in ("document", "image"):
            value["text"] = (text + f" ({link})").strip()
            ctx.problem("card_link_file", line, f"Carte « {title} » liée au fichier « {link} » : adresse gardée dans le texte.")
        else:
            ctx.problem("link_unresolved", line, f"Carte « {title} » : lien « {link} » sans cible, carte importée sans lien.")
    image = item.get("image") or item.get("img")
    if image:
        found = ctx.local_file(asset_src(image, ctx), line)
        if svg_refused(ctx, found, line):
            pass
        elif found is not None:
            value["image"] = {"__image__": str(found)}
        else:
            missing(ctx, asset_src(image, ctx), line)
    extra = {k: jsx.to_plain(v) for k, v in item.items() if k not in (
        "title", "label", "description", "text", "link", "href", "to", "image", "img", "__line__")}
    if extra:
        ctx.problem("card_props_dropped", line, f"Carte « {title} » : propriétés d'affichage non reprises ({', '.join(sorted(extra))}).", "info")
    return ctx.item(value)


