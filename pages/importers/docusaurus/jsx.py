"""MDX/JSX pieces: scanning a tag in source text and evaluating attribute expressions.

No Django here. Expressions are parsed by tree-sitter (:mod:`js`) and evaluated only as far as
static data goes: literals, arrays, objects, JSX elements and fragments, `require()`/`useBaseUrl()`
calls and `frontMatter.x`. Anything else is kept as an :class:`Expression` with its source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .js_values import AssetRef, Expression, JsxNode
from .jsx_eval import evaluate_expression, parses_as_expression

__all__ = ["AssetRef", "Expression", "JsxNode", "Tag", "evaluate", "find_close", "jsx_text", "scan_tag", "to_plain"]

VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:$")


@dataclass
class Tag:
    name: str  # "" for a fragment
    attrs: dict
    start: int
    end: int  # position just after ">"
    closing: bool = False
    self_closing: bool = False
    raw: str = ""
    errors: list = field(default_factory=list)

    @property
    def is_component(self):
        return bool(self.name) and (self.name[0].isupper() or "." in self.name)

    @property
    def is_void(self):
        return self.self_closing or self.name.lower() in VOID_ELEMENTS and not self.is_component


def _skip_string(src, pos, quote):
    """Position after the string starting at src[pos] == quote."""
    pos += 1
    n = len(src)
    while pos < n:
        c = src[pos]
        if c == "\\":
            pos += 2
            continue
        if c == quote:
            return pos + 1
        if quote == "`" and c == "$" and src.startswith("${", pos):
            pos = _skip_braces(src, pos + 1)
            if pos < 0:
                return -1
            continue
        pos += 1
    return -1


def _naive_braces(src, pos):
    depth = 0
    n = len(src)
    while pos < n:
        c = src[pos]
        if c in "\"'`":
            pos = _skip_string(src, pos, c)
            if pos < 0:
                return -1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    return -1


def _skip_braces(src, pos, limit=20000):
    """Position after the balanced `{…}` starting at src[pos]. Handles JSX text with quotes."""
    end = _naive_braces(src, pos)
    if end > 0 and (src[pos + 1:end - 1].strip() == "" or src[pos + 1:pos + 3] == "/*" or parses_as_expression(src[pos + 1:end - 1])):
        return end
    # Quotes inside JSX text (« l'entrée ») fool the naive scan: try each closing brace.
    stop = min(len(src), pos + limit)
    close = src.find("}", pos + 1, stop)
    while close >= 0:
        if parses_as_expression(src[pos + 1:close]):
            return close + 1
        close = src.find("}", close + 1, stop)
    return end


def _read_name(src, pos):
    start = pos
    while pos < len(src) and src[pos] in NAME_CHARS:
        pos += 1
    return src[start:pos], pos


def _skip_ws(src, pos):
    while pos < len(src) and src[pos] in " \t\r\n":
        pos += 1
    return pos


def scan_tag(src, pos, front_matter=None):
    """Scan the JSX/HTML tag starting at src[pos] == "<". None when it is not a tag."""
    n = len(src)
    if pos >= n or src[pos] != "<":
        return None
    p = pos + 1
    closing = False
    if p < n and src[p] == "/":
        closing = True
        p += 1
    if p < n and src[p] == ">":
        return Tag("", {}, pos, p + 1, closing=closing, raw=src[pos:p + 1])
    if p >= n or not (src[p].isalpha()):
        return None
    name, p = _read_name(src, p)
    if closing:
        p = _skip_ws(src, p)
        if p < n and src[p] == ">":
            return Tag(name, {}, pos, p + 1, closing=True, raw=src[pos:p + 1])
        return None
    attrs = {}
    errors = []
    while True:
        p = _skip_ws(src, p)
        if p >= n:
            return None
        c = src[p]
        if c == ">":
            end = p + 1
            return Tag(name, attrs, pos, end, raw=src[pos:end], errors=errors)
        if src.startswith("/>", p):
            end = p + 2
            return Tag(name, attrs, pos, end, self_closing=True, raw=src[pos:end], errors=errors)
        if c == "{":  # spread attribute {...props}
            q = _skip_braces(src, p)
            if q < 0:
                return None
            errors.append(("spread", src[p:q]))
            p = q
            continue
        attr, q = _read_name(src, p)
        if not attr:
            return None
        p = _skip_ws(src, q)
        if p < n and src[p] == "=":
            p = _skip_ws(src, p + 1)
            if p >= n:
                return None
            if src[p] in "\"'":
                q = _skip_string(src, p, src[p])
                if q < 0:
                    return None
                attrs[attr] = src[p + 1:q - 1]
                p = q
            elif src[p] == "{":
                q = _skip_braces(src, p)
                if q < 0:
                    return None
                attrs[attr] = evaluate(src[p + 1:q - 1], front_matter)
                p = q
            else:  # unquoted HTML attribute
                q = p
                while q < n and src[q] not in " \t\r\n>":
                    if src.startswith("/>", q):
                        break
                    q += 1
                attrs[attr] = src[p:q]
                p = q
        else:
            attrs[attr] = True


# Matches found while scanning one source, reused for the tags nested inside: without them a page
# of n unclosed `<div>` lines is scanned n times to its end (quadratic; minutes at a few thousand).
_CLOSE_MEMO = {"src": None, "by_name": {}}


def _memo_for(src, name):
    if _CLOSE_MEMO["src"] is not src:
        _CLOSE_MEMO["src"], _CLOSE_MEMO["by_name"] = src, {}
    return _CLOSE_MEMO["by_name"].setdefault(name, {})


def find_close(src, start, stop, name):
    """Start of the `</name>` matching an open tag that ended at `start`, skipping code."""
    memo = _memo_for(src, name)
    known = memo.get(start)
    if known is not None:
        match, scanned_to = known
        if match is not None and match.start < stop:
            return match
        if scanned_to >= stop:
            return None
    # Each open tag met on the way is pushed with the end of its tag, so that the close that pops
    # it is its own match too (None: its line goes on with a code fence, which its own scan
    # would read differently).
    stack = [start]
    depth = 1
    pos = start
    in_fence = None
    while pos < stop:
        line_end = src.find("\n", pos, stop)
        if line_end < 0:
            line_end = stop
        line = src[pos:line_end]
        stripped = line.lstrip()
        if in_fence:
            if stripped.startswith(in_fence) and stripped.strip(in_fence[0]).strip() == "":
                in_fence = None
            pos = line_end + 1
            continue
        if stripped.startswith("```") or stripped.startswith("~~~"):
            in_fence = stripped[:3]
            pos = line_end + 1
            continue
        i = pos
        while i < line_end:
            c = src[i]
            if c == "`":
                j = src.find("`", i + 1, line_end)
                i = line_end if j < 0 else j + 1
                continue
            if c == "<":
                tag = scan_tag(src, i)
                if tag is not None and tag.name == name:
                    if tag.closing:
                        depth -= 1
                        opened = stack.pop()
                        if opened is not None:
                            memo[opened] = (tag, stop)
                        if depth == 0:
                            return tag
                    elif not tag.self_closing:
                        depth += 1
                        eol = src.find("\n", tag.end, stop)
                        rest = src[tag.end:eol if eol >= 0 else stop].lstrip()
                        stack.append(None if rest.startswith(("```", "~~~")) else tag.end)
                    i = tag.end
                    if tag.end > line_end:  # a multi-line tag: continue after it
                        line_end = src.find("\n", tag.end, stop)
                        if line_end < 0:
                            line_end = stop
                    continue
            i += 1
        pos = line_end + 1
    for opened in stack:
        if opened is not None:
            memo[opened] = (None, stop)
    return None


# --- expression evaluation -------------------------------------------------------------

def evaluate(source, front_matter=None):
    """The Python value of a static JS expression, or an Expression keeping its source."""
    return evaluate_expression(source, front_matter)


def jsx_text(value) -> str:
    """Readable text of an attribute value (string, JSX fragment, list…)."""
    if value is None or value is True or value is False:
        return ""
    if isinstance(value, JsxNode):
        return "".join(jsx_text(c) for c in value.children)
    if isinstance(value, list):
        return " ".join(jsx_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(jsx_text(v) for v in value.values())
    return str(value)


def to_plain(value: Any):
    """JSON-friendly copy of an evaluated value (for reports and live-data parameters)."""
    if isinstance(value, (Expression, AssetRef)):
        return str(value)
    if isinstance(value, JsxNode):
        return jsx_text(value)
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value
