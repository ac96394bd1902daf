"""Docusaurus's own `<CodeBlock language="sh" title="…">…</CodeBlock>` (`@theme/CodeBlock`)."""

from __future__ import annotations

import re

from ..code_languages import CODE_LANGUAGES
from ..text import node_text
from . import register


def _source(node):
    """The code as written: text children, or a `{`template literal`}` / `{"string"}` child."""
    parts = []
    for child in node.children:
        if child.type == "mdx_expression":
            literal = re.fullmatch(r"\s*(`|\"|')(.*)\1\s*", child.content, re.S)
            parts.append(literal.group(2) if literal else child.content)
        else:
            parts.append(node_text(child))
    return "\n".join(p for p in parts if p).strip("\n")


@register("CodeBlock", "@theme/CodeBlock")
def code_block(flow, tag, node, line):
    lang = str(tag.attrs.get("language") or "").strip().lower()
    title = str(tag.attrs.get("title") or "").strip()
    mapped = CODE_LANGUAGES.get(lang)
    if mapped is None:
        flow.ctx.problem("code_language_unknown", line, f"Langage de code « {lang} » absent de la liste : "
                                                        "importé en texte brut, nom gardé en légende.", "info")
        title, mapped = title or lang, ""
    flow.add("code", {"language": mapped, "code": _source(node), "caption": title[:255]})
