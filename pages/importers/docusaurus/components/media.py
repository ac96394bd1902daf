"""Images, videos and frames: `<Image img={thumbnail}>`, `@theme/IdealImage`, `@theme/ThemedImage`,
`<LiteYouTubeEmbed id="…">`, and the HTML `<iframe>` and `<video>`."""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote, urlparse

from .. import jsx
from ..image_refs import missing
from ..inline import asset_src
from ..safety import is_script_text, refused_url_message
from ..text import esc, humanize_filename
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
    if not title or is_player_default(title):
        title = player_title("YouTube", flow.ctx.heading)
        flow.ctx.problem("embed_title_missing", line, f"Vidéo « {video_id} » sans titre : remplie avec « {title} ».")
    flow.add("video", {"title": title[:255], "video_file": None, "url": url, "transcript": ""})


VIDEO_HOSTS = ("youtube.com", "youtube-nocookie.com", "youtu.be", "vimeo.com", "dailymotion.com")
PLAYER_NAMES = {"youtube": "YouTube", "youtu.be": "YouTube", "vimeo": "Vimeo", "dailymotion": "Dailymotion"}
# The titles players and embed snippets write by default ("YouTube video player", "Vimeo embed"):
# they name no video and read English on a French page.
PLAYER_DEFAULT = re.compile(r"^[\s_-]*(?:(?:youtube|vimeo|dailymotion)[\s_-]*)?(?:video[\s_-]*)?"
                            r"(?:player|embed|iframe|video)?[\s_-]*\d*\s*$", re.IGNORECASE)


def is_player_default(title):
    return bool(PLAYER_DEFAULT.match(title))


def player_name(host):
    return next((name for key, name in PLAYER_NAMES.items() if key in host), "")


def player_title(name, heading):
    """« Lecteur vidéo YouTube : <the section's title> », in the page's language (French)."""
    label = f"Lecteur vidéo {name}".strip() if name else "Lecteur vidéo"
    return f"{label} : {heading}" if heading else label


@register("iframe")
def iframe(flow, tag, node, line):
    src = str(tag.attrs.get("src") or "")
    title = str(tag.attrs.get("title") or "").strip()
    try:
        host = urlparse(src).netloc.lower()
    except ValueError:  # "Invalid IPv6 URL": reported below as an invalid address
        host, src = "", src.partition("://")[2]
    if not src.startswith(("http://", "https://")):
        if is_script_text(src):
            flow.ctx.problem("url_scheme_refused", line, refused_url_message(src))
            src = ""
        else:
            flow.ctx.problem("embed_invalid", line, f"Cadre intégré sans adresse http(s) : « {src} » conservé en texte.")
        if title or src:
            flow.html.append(f"<p>{esc(title or src)}</p>")
        return
    is_video = any(host == h or host.endswith("." + h) for h in VIDEO_HOSTS) or "/videos/embed/" in src
    if not title or is_player_default(title):
        # A player's default title names no video: the video is named by its section, in French.
        if is_video:
            fill = player_title(player_name(host), flow.ctx.heading)
        else:
            fill = flow.ctx.heading or "Contenu intégré"
        flow.ctx.problem("embed_title_missing", line, f"Cadre intégré « {src} » sans titre parlant : rempli avec « {fill} ».",
                         "info" if title else "warning")
        title = fill
    if is_video:
        flow.add("video", {"title": title[:255], "video_file": None, "url": src, "transcript": ""})
    else:
        height = tag.attrs.get("height")
        try:
            height = max(100, min(2000, int(str(height).rstrip("px"))))
        except (TypeError, ValueError):
            height = None
        flow.add("embed", {"url": src, "title": title[:255], "height": height})




@register("video")
def video(flow, tag, node, line):
    src = tag.attrs.get("src")
    if not src:
        for child in node.children:
            if child.type == "jsx" and child.meta["tag"].name.lower() == "source":
                src = child.meta["tag"].attrs.get("src")
    src = asset_src(src, flow.ctx)
    if is_script_text(src):
        flow.ctx.problem("url_scheme_refused", line, refused_url_message(src))
        flow.html.append(f"<p>{esc(tag.attrs.get('title') or flow.ctx.heading or 'Vidéo')}</p>")
        return
    title = str(tag.attrs.get("title") or flow.ctx.heading or humanize_filename(src) or "Vidéo")
    if src.startswith(("http://", "https://")):
        flow.add("video", {"title": title[:255], "video_file": None, "url": src, "transcript": ""})
        return
    found = flow.ctx.local_file(src, line)
    if found is None:
        missing(flow.ctx, src, line)
        flow.html.append(f"<p>{esc(title)}</p>")
        return
    flow.add("video", {"title": title[:255], "video_file": {"__document__": str(found)}, "url": "", "transcript": ""})


