"""The report side of a doc's images and files: alt texts, SVG refused, files missing."""

from __future__ import annotations

from pathlib import Path

from .text import humanize_filename


def alt_text(ctx, alt, title, src, line):
    alt = (alt or "").strip()
    if alt:
        return alt
    fill = (title or "").strip() or ctx.heading or humanize_filename(src) or "Image"
    if isinstance(src, Path):
        src = src.name
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


