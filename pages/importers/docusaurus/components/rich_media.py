"""The old site's rich media: `<Pano360 image="…" legende="…" alt="…">`, `<PhotoCarousel slides={[…]}>`,
`<InteractiveImage image="…" zones={[…]}>` and `<HeroDroitAuteur />`.

Images go through the same rules as every other image (paths inside the site only, no SVG, an
alt text taken from the component or guessed from its caption and reported for review).
"""

from __future__ import annotations

import re

from .. import jsx
from ..image_refs import alt_text, missing, svg_refused
from ..inline import asset_src
from ..text import esc
from . import register

PERCENT = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*%?\s*$")
LIST_MARK = re.compile(r"^\s*(?:[-–•*]|\d+[.)])\s+")
LABEL_SPLIT = re.compile(r"\s+[:–—-]\s+")


def _text(value):
    return jsx.jsx_text(value).strip() if not isinstance(value, str) else value.strip()


def _image(flow, src, line):
    """The placeholder of a safe local image, or None (reported) when it cannot be imported."""
    src = asset_src(src, flow.ctx) if src is not None else ""
    if not src:
        return None
    found = flow.ctx.local_file(src, line)
    if found is None:
        missing(flow.ctx, src, line)
        return None
    if svg_refused(flow.ctx, found, line):
        return None
    return {"__image__": str(found)}


def _fallback(flow, *texts):
    text = next((t for t in texts if t), "")
    if text:
        flow.html.append(f"<p>{esc(text)}</p>")


@register("Pano360", "@site/src/components/Pano360")
def pano360(flow, tag, node, line):
    attrs = tag.attrs
    caption = _text(attrs.get("legende") or attrs.get("caption") or "")
    src = asset_src(attrs.get("image") or attrs.get("src"), flow.ctx)
    image = _image(flow, src, line)
    alt = alt_text(flow.ctx, _text(attrs.get("alt") or ""), _text(attrs.get("title") or ""), src, line, caption)
    if image is None:
        _fallback(flow, caption, alt)
        return
    flow.add("panorama", {"image": image, "alt": alt[:255], "caption": caption[:255]})


@register("PhotoCarousel", "@site/src/components/Carousel")
def photo_carousel(flow, tag, node, line):
    slides = tag.attrs.get("slides")
    title = _text(tag.attrs.get("ariaLabel") or "") or flow.ctx.heading or "Galerie de photos"
    if not isinstance(slides, list):
        source = flow.ctx.doc.imports.get(getattr(slides, "source", ""), "") or jsx.jsx_text(slides)
        flow.ctx.problem("carousel_slides_unreadable", line,
                         f"Carrousel « {title} » : ses photos viennent de « {str(source)[:80]} », du code de l'ancien "
                         "site qui n'est pas importé ; ajoutez-les dans le bloc « Carrousel de photos ».")
        return
    items = []
    for slide in slides:
        if not isinstance(slide, dict):
            continue
        caption = _text(slide.get("title") or slide.get("caption") or slide.get("legende") or "")
        src = asset_src(slide.get("src") or slide.get("image") or slide.get("img"), flow.ctx)
        image = _image(flow, src, line)
        if image is None:
            continue
        alt = alt_text(flow.ctx, _text(slide.get("alt") or ""), "", src, line, caption)
        items.append(flow.ctx.item({"image": image, "alt": alt[:255], "decorative": False,
                                    "caption": caption[:255], "credit": _text(slide.get("credit") or "")[:255]}))
    if not items:
        flow.ctx.problem("carousel_empty", line, f"Carrousel « {title} » sans photo importable : ignoré.")
        return
    if tag.attrs.get("options") or tag.attrs.get("slidesToScroll"):
        flow.ctx.problem("carousel_options_dropped", line, f"Carrousel « {title} » : options d'affichage non reprises "
                                                           "(une photo à la fois, sans défilement automatique).", "info")
    flow.add("carousel", {"title": title[:255], "autoplay": False, "slides": items})


def _percent(value):
    match = PERCENT.match(str(value or ""))
    return float(match.group(1)) if match else None


def _zone(zone):
    """Label and description from the old one-line label ("1. Média – Importer…"), and the centre
    of the old rectangle (top/left/width/height in %) as the zone's point."""
    text = LIST_MARK.sub("", _text(zone.get("label") or zone.get("title") or "")).strip()
    label, description = (LABEL_SPLIT.split(text, maxsplit=1) + [""])[:2]
    description = _text(zone.get("description") or "") or description
    left, top = _percent(zone.get("left", zone.get("x"))), _percent(zone.get("top", zone.get("y")))
    width, height = _percent(zone.get("width")) or 0, _percent(zone.get("height")) or 0
    x = min(100.0, max(0.0, (left or 0) + width / 2))
    y = min(100.0, max(0.0, (top or 0) + height / 2))
    # As text: the block's DecimalBlock (2 decimals) refuses a float's binary expansion (7.14 → 7.1399…).
    return {"label": label.strip()[:255] or "Zone", "description": description.strip(),
            "x": str(round(x, 2)), "y": str(round(y, 2))}


@register("InteractiveImage", "@site/src/components/InteractiveImage")
def interactive_image(flow, tag, node, line):
    attrs = tag.attrs
    zones = [z for z in attrs.get("zones") or [] if isinstance(z, dict)] if isinstance(attrs.get("zones"), list) else []
    caption = _text(attrs.get("caption") or attrs.get("legende") or "")
    src = asset_src(attrs.get("image") or attrs.get("src"), flow.ctx)
    image = _image(flow, src, line)
    alt = alt_text(flow.ctx, _text(attrs.get("alt") or ""), _text(attrs.get("title") or ""), src, line, caption)
    values = [_zone(z) for z in zones]
    if image is None or not values:
        if image is not None:
            flow.ctx.problem("interactive_image_no_zone", line, f"Image interactive « {alt} » sans zone lisible : importée comme image.")
            flow.add("image", {"image": image, "alt": alt[:255], "decorative": False, "caption": caption[:255], "credit": ""})
            return
        if values:
            flow.html.append("<ul>" + "".join(f"<li><b>{esc(v['label'])}</b> {esc(v['description'])}</li>" for v in values) + "</ul>")
        return
    flow.add("interactive_image", {"image": image, "alt": alt[:255], "caption": caption[:255],
                                   "zones": [flow.ctx.item(v) for v in values]})


# <HeroDroitAuteur /> takes no props: its title, text and link are written in the old site's code.
DROIT_AUTEUR = {"title": "Droit d'auteur et création", "text": "Protégez vos créations et respectez celles des autres.",
                "image": None, "alt": "", "decorative": False,
                "link_url": "https://boite-outils.bib.umontreal.ca/c.php?g=740213&p=5341650",
                "link_text": "Consulter le guide"}


@register("HeroDroitAuteur", "@site/src/components/HeroDroitAuteur")
def hero_droit_auteur(flow, tag, node, line):
    flow.add("hero", dict(DROIT_AUTEUR))
