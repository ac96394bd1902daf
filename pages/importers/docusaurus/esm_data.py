"""Components a doc defines itself (`export function Outils() {…}`) from data it imports.

No Django here. Such a component's rendering is code of the old site, so it cannot be imported;
but the data it showed often can: a JSON or YAML file holding a list of flat records becomes a
table block. Either way the report says, at warning level, what was and was not kept.
"""

from __future__ import annotations

import json
import re

import yaml

from .text import esc

EXPORT_RE = re.compile(r"\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*|(?:const|let|var)\s+)([A-Z][\w$]*)")
DATA_SUFFIXES = (".json", ".yml", ".yaml")
MAX_DATA_BYTES = 1_000_000
MAX_ROWS = 500


def _esm_code(doc):
    return "\n".join(n.content for n in doc.tree.walk() if n.type == "mdx_esm")


def local_components(ctx):
    """The components the doc's own `export` lines define: name -> their code (kept on the
    mapping context: read once per doc)."""
    cache = getattr(ctx, "local_components", None)
    if cache is None:
        code = _esm_code(ctx.doc)
        matches = list(EXPORT_RE.finditer(code))
        # Each export's own code runs to the next export: the data it names are its own.
        cache = ctx.local_components = {
            m.group(1): code[m.start():matches[i + 1].start() if i + 1 < len(matches) else len(code)]
            for i, m in enumerate(matches)}
    return cache


def _data_used(doc, code):
    """(local name, module) of the data files imported by the doc and named in its export code."""
    for name, module in doc.imports.items():
        if module.lower().endswith(DATA_SUFFIXES) and re.search(rf"\b{re.escape(name)}\b", code):
            yield name, module


def _load(path):
    if path.stat().st_size > MAX_DATA_BYTES:
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        return json.loads(text) if path.suffix.lower() == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError):
        return None


def _records(data):
    """A list of flat records (dicts of scalars) and their columns, or None."""
    if isinstance(data, dict):  # {"outils": [...]}: the one list it holds
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    if not isinstance(data, list) or not data or not all(isinstance(r, dict) for r in data):
        return None
    columns = []
    for record in data:
        for key, value in record.items():
            if isinstance(value, (dict, list)):
                return None
            if key not in columns:
                columns.append(key)
    return data, columns


def local_component(flow, tag, node, line):
    """`<Outils />` where the doc itself exports `Outils`."""
    ctx = flow.ctx
    used = list(_data_used(ctx.doc, local_components(ctx)[tag.name]))
    kept, lost = [], []
    for _name, module in used:
        path = ctx.resolver.file(module, ctx.doc)
        found = _records(_load(path)) if path is not None else None
        if found is None:
            lost.append(module)
            continue
        records, columns = found
        rows = [ctx.item({"cells": [ctx.item(f"<p>{esc(c)}</p>") for c in columns]})]
        for record in records[:MAX_ROWS]:
            cells = [ctx.item(f"<p>{esc(record[c])}</p>" if record.get(c) not in (None, "") else "") for c in columns]
            rows.append(ctx.item({"cells": cells}))
        flow.add("table", {"caption": "", "header_row": True, "header_column": False, "rows": rows})
        cut = f" (les {MAX_ROWS} premières sur {len(records)})" if len(records) > MAX_ROWS else ""
        kept.append(f"{module} : {min(len(records), MAX_ROWS)} entrées en tableau{cut}")
    what = "; ".join(kept) if kept else "rien n'est repris"
    if lost:
        what += f" ; données perdues : {', '.join(lost)}"
    elif not used:
        what += " (aucune donnée importée trouvée)"
    ctx.problem("component_local_unmapped", line,
                f"Composant « <{tag.name}> » défini dans le document (export) : son rendu est du code de l'ancien site, "
                f"non importé ; {what}. À vérifier.")
    flow.children(node)
