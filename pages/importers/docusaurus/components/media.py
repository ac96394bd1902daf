"""Images and videos given as components: `<Image img={thumbnail}>`, `@theme/IdealImage`,
`@theme/ThemedImage`, `<LiteYouTubeEmbed id="…">`."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from .. import jsx
from . import register

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


def _image_source(value, flow):
    """A path from `img={thumbnail}` (an imported file), `require('./x.png')` or an ideal-image
    object (`{src: {src: …}}`); "" when the value is computed."""
    if isinstance(value, dict):
        inner = value.get("src") if "src" in value else value.get("default")
        return _image_source(inner, flow)
    if isinstance(value, jsx.Expression):
        module = flow.ctx.doc.imports.get(value.source)
        return module or ""
    if isinstance(value, jsx.AssetRef):
        return value.path
    return str(value or "")


@register("Image", "IdealImage", "ThemedImage", "@theme/IdealImage", "@theme/ThemedImage")
def image(flow, tag, node, line):
    attrs = tag.attrs
    value = attrs.get("img", attrs.get("src"))
    sources = attrs.get("sources")
    if value is None and isinstance(sources, dict):  # ThemedImage: the light variant
        value = sources.get("light") or sources.get("dark")
    src = _image_source(value, flow)
    if not src:
        flow.ctx.problem("component_unmapped", line, f"Image « <{tag.name}> » dont la source est calculée "
                                                     f"({jsx.jsx_text(value)[:60]}) : son texte alternatif est conservé.")
        alt = str(attrs.get("alt") or "").strip()
        if alt:
            flow.html.append(f"<p>{escape(alt, quote=False)}</p>")
        return
    flow.image_block(src, str(attrs.get("alt") or ""), str(attrs.get("title") or ""), line)


@register("LiteYouTubeEmbed", "react-lite-youtube-embed")
def lite_youtube(flow, tag, node, line):
    video_id = str(tag.attrs.get("id") or "").strip()
    title = str(tag.attrs.get("title") or "").strip()
    if not YOUTUBE_ID.match(video_id):
        flow.ctx.problem("embed_invalid", line, f"Vidéo YouTube « <{tag.name}> » sans identifiant valable "
                                               f"(« {video_id[:40]} ») : son titre est conservé en texte.")
        if title:
            flow.html.append(f"<p>{escape(title, quote=False)}</p>")
        return
    if tag.attrs.get("playlist") is True:
        url = f"https://www.youtube-nocookie.com/embed/videoseries?list={quote(video_id)}"
    else:
        url = f"https://www.youtube-nocookie.com/embed/{quote(video_id)}"
    if not title:
        title = flow.ctx.heading or "Vidéo"
        flow.ctx.problem("embed_title_missing", line, f"Vidéo « {video_id} » sans titre : remplie avec « {title} ».")
    flow.add("video", {"title": title[:255], "video_file": None, "url": url, "transcript": ""})
