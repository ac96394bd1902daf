"""A Mermaid diagram read as text: what its arrows say, for readers who cannot see the drawing
(and for every reader when it is not drawn). Flowcharts (``graph``/``flowchart``) and sequence
diagrams give one line per arrow; any other kind gives nothing, and the source is shown instead."""

import re

NODE = re.compile(r'([A-Za-z0-9_]+)\s*(?:\[\[|\[\(|\(\(|\[|\(|\{\{|\{|>)\s*"?([^\]\)\}"]*?)"?\s*(?:\]\]|\)\]|\)\)|\]|\)|\}\}|\})')
EDGE = re.compile(r"\s*(?:<?(?:-{2,}|={2,}|-\.+-)>?|<?-\.+->?)\s*(?:\|\s*([^|]*?)\s*\|)?\s*")
TEXT_EDGE = re.compile(r"(?:--|==)\s+([^-=|>][^>]*?)\s+(?:-->|==>|---)")
MESSAGE = re.compile(r"^\s*([^-+:>]+?)\s*-{1,2}>{1,2}[+-]?\s*([^:]+?)\s*:\s*(.*)$")
MAX_LINES = 200


def describe_mermaid(source):
    """One readable line per arrow of the diagram (« Début → Choix (oui) »), or []."""
    lines = [ln.strip() for ln in str(source).replace(";", "\n").splitlines() if ln.strip() and not ln.strip().startswith("%%")]
    if not lines:
        return []
    kind = lines[0].split()[0].lower()
    out = []
    if kind in ("graph", "flowchart"):
        labels = {}
        for statement in lines[1:MAX_LINES]:
            for match in NODE.finditer(statement):
                labels.setdefault(match.group(1), match.group(2).strip() or match.group(1))
        for statement in lines[1:MAX_LINES]:
            plain = NODE.sub(lambda m: m.group(1), statement)
            plain = TEXT_EDGE.sub(r"-->|\1|", plain)  # `A -- non --> B` is `A -->|non| B`
            parts = EDGE.split(plain)
            # [node, edge label, node, edge label, node, …]
            for i in range(0, len(parts) - 2, 2):
                source_id, label, target_id = parts[i].strip(), parts[i + 1], parts[i + 2].strip()
                if not source_id or not target_id:
                    continue
                text = f"{labels.get(source_id, source_id)} → {labels.get(target_id, target_id)}"
                out.append(f"{text} ({label})" if label else text)
    elif kind == "sequencediagram":
        for statement in lines[1:MAX_LINES]:
            match = MESSAGE.match(statement)
            if match:
                out.append(f"{match.group(1)} → {match.group(2)} : {match.group(3)}")
    return out
