"""Plain HTML elements written in MDX: `<img>`, `<figure>`, headings, `<hr>`, `<br>`, `<summary>`
outside `<details>`, `<table>` (kept as text)."""

from __future__ import annotations

from ..inline import asset_src, image_width
from ..text import esc, github_slug, node_text, source_line
from . import register


@register("img")
def img(flow, tag, node, line):
    flow.image_block(asset_src(tag.attrs.get("src"), flow.ctx), str(tag.attrs.get("alt") or ""),
                     str(tag.attrs.get("title") or ""), line, width=image_width(tag.attrs))



@register("figure")
def figure(flow, tag, node, line):
    caption = ""
    rest = []
    for child in node.children:
        if child.type == "jsx" and child.meta["tag"].name.lower() == "figcaption":
            caption = node_text(child).strip()
        else:
            rest.append(child)
    for child in rest:
        if child.type == "jsx" and child.meta["tag"].name.lower() == "img":
            t = child.meta["tag"]
            flow.image_block(asset_src(t.attrs.get("src"), flow.ctx), str(t.attrs.get("alt") or ""), "", source_line(child), caption,
                             width=image_width(t.attrs))
        elif child.type == "paragraph" and child.children and child.children[0].children and \
                child.children[0].children[0].type == "image":
            img = child.children[0].children[0]
            flow.image_block(img.attrs.get("src", ""), img.content, "", source_line(child), caption)
        else:
            flow.node(child)



@register("summary")
def summary(flow, tag, node, line):
    flow.html.append(f"<p><b>{esc(node_text(node).strip())}</b></p>")



@register("h1", "h2", "h3", "h4", "h5", "h6")
def heading(flow, tag, node, line):
    text = node_text(node).strip()
    level = int(tag.name[1])
    flow.heading_block(text, level, str(tag.attrs.get("id") or github_slug(text)), line)



@register("hr")
def rule(flow, tag, node, line):
    flow.html.append("<hr/>")



@register("br")
def line_break(flow, tag, node, line):
    pass



@register("table")
def table(flow, tag, node, line):
    flow.ctx.problem("html_table_as_text", line, "Tableau HTML : importé comme texte, à mettre en forme.")
    flow.html.append(f"<p>{esc(node_text(node).strip())}</p>")


