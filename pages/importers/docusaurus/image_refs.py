"""The report side of a doc's images and files: alt texts, SVG refused, files missing."""

from __future__ import annotations

import re
from pathlib import Path

from .text import humanize_filename

# File names that say nothing of the picture: camera and screenshot defaults, numbers, hashes.
MEANINGLESS_NAME = re.compile(
    r"^(?:img|image|dsc|dscn|dcim|pxl|photo|capture|screenshot|screen shot|capture d.?écran|untitled|sans titre)?"
    r"[\s\d._-]*(?:(?:at|à)\s[\d.\s]+)?$|^[0-9a-f]{8,}$", re.IGNORECASE)


def described_by_name(src):
    """The file's name as words, when it names what the picture shows ("Plateau de la Bambu"),
    else "" ("IMG 2345", "Capture d'écran 2024-03-01", "a1b2c3d4")."""
    name = humanize_filename(src)
    letters = sum(c.isalpha() for c in name)
    if letters < 4 or MEANINGLESS_NAME.match(name.strip()):
        return ""
    return name


def alt_text(ctx, alt, title, src, line, caption=""):
    """The image's own alt; else one guessed from what describes it (its title, its caption, a
    meaningful file name), never from the heading above (six screenshots under one heading would
    all read the same), unique on the page, and reported for review."""
    alt = (alt or "").strip()
    if alt:
        return alt
    fill = (title or "").strip() or (caption or "").strip() or described_by_name(src)
    if not fill:
        ctx.unnamed_images += 1
        fill = f"Image {ctx.unnamed_images} sans description"
    fill = ctx.unique_alt(fill)
    if isinstance(src, Path):
        src = src.name
    ctx.guessed_alts.append({"alt": fill, "line": line, "file": Path(str(src)).name})
    ctx.problem("image_alt_missing", line, f"Image « {src} » sans texte alternatif : rempli avec « {fill} » (à revoir).")
    return fill


def svg_refused(ctx, path, line):
    """SVG can carry scripts, so the CMS takes none: the reader keeps the alt text or the link text,
    the report says which file to export as PNG."""
    if path is None or Path(path).suffix.lower() != ".svg":
        return False
    ctx.problem("image_svg_refused", line, f"Image SVG « {Path(path).name} » non importée (le SVG peut contenir du code) : "
                                           "son texte est conservé ; exportez-la en PNG et ajoutez-la dans le CMS.")
    return True


def missing(ctx, src, line):
    if str(src) in ctx.refused:  # already reported as outside the site or a refused address
        return
    if "://" in str(src):
        ctx.problem("image_external", line, f"Image externe « {src} » non importée : son texte alternatif est conservé.")
    else:
        ctx.problem("file_missing", line, f"Fichier introuvable : « {src} » ; le texte alternatif est conservé.")


