"""Tabs and collapsible sections: `<Tabs>`/`<TabItem>` (`@theme/Tabs`) and `<details>`/`<summary>`."""

from __future__ import annotations

from ..text import github_slug, node_text, source_line
from . import register

# The body holds tabs and collapsibles, and they hold one more level of them (pages/blocks/body.py);
# deeper ones become a heading and their content.
MAX_NESTING = 2


@register("details")
def details(flow, tag, node, line):
    summary = ""
    rest = []
    for child in node.children:
        if child.type == "jsx" and child.meta["tag"].name.lower() == "summary" and not summary:
            summary = node_text(child).strip()
        else:
            rest.append(child)
    summary = summary or "Détails"
    if flow.nested >= MAX_NESTING:
        flow.ctx.problem("details_nested_flattened", line, f"Section repliable « {summary} » sur plus de deux niveaux d'onglets ou de sections repliables : importée comme titre et contenu.", "info")
        flow.heading_block(summary, 4, github_slug(summary), line)
        for child in rest:
            flow.node(child)
        return
    inner = flow.sub_flow().run(rest)
    flow.add("details", {"summary": summary[:255], "body": inner})



@register("Tabs", "@theme/Tabs")
def tabs(flow, tag, node, line):
    labels = {}
    values = tag.attrs.get("values")
    if isinstance(values, list):
        for v in values:
            if isinstance(v, dict):
                labels[str(v.get("value"))] = str(v.get("label") or v.get("value"))
    tabs = []
    for child in node.children:
        if child.type == "jsx" and child.meta["tag"].name == "TabItem":
            t = child.meta["tag"]
            label = str(t.attrs.get("label") or labels.get(str(t.attrs.get("value"))) or t.attrs.get("value") or "Onglet")
            tabs.append((label, child))
        else:
            tabs.append((None, child))
    if flow.nested >= MAX_NESTING:
        flow.ctx.problem("tabs_nested_flattened", line, "Onglets sur plus de deux niveaux d'onglets ou de sections repliables : chaque onglet importé comme titre suivi de son contenu.", "info")
        for label, child in tabs:
            if label is not None:
                flow.heading_block(label, 4, github_slug(label), source_line(child))
                flow.children(child)
            else:
                flow.node(child)
        return
    values = []
    for label, child in tabs:
        if label is None:
            if child.type not in ("softbreak",):
                flow.node(child)
            continue
        body = flow.sub_flow().run(child.children)
        values.append(flow.ctx.item({"label": label[:255], "body": body}))
    if values:
        flow.add("tabs", {"tabs": values})



@register("TabItem", "@theme/TabItem")
def tab_item(flow, tag, node, line):
    label = str(tag.attrs.get("label") or tag.attrs.get("value") or "")
    flow.ctx.problem("tabitem_outside_tabs", line, f"Onglet « {label} » hors d'un groupe d'onglets : importé comme titre et contenu.")
    flow.heading_block(label, 3, github_slug(label), line)
    flow.children(node)


