"""Docusaurus Markdown/MDX file -> ParsedDoc (front matter, markdown-it syntax tree, line numbers).

No Django here. The Markdown is parsed by markdown-it-py (CommonMark + GFM tables, strikethrough,
autolinks, footnotes) with mdit-py-plugins (front matter, `:::` containers for admonitions,
dollar math when the site enables it) and three MDX rules of our own:

- `mdx_esm`: top-level `import`/`export` statements (kept aside, not content);
- `mdx_jsx`: a JSX element that stands on its own lines. Its children are parsed as Markdown
  with the indentation of the children removed (MDX has no indented code blocks);
- `mdx_jsx_inline`: a JSX/HTML tag inside a paragraph.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin

from . import jsx

ESM_RE = re.compile(r"(import\s*[\w{*'\"]|export\s+(const|let|var|function|default|class|async|\{|\*))")
ADMONITION_RE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*(?:\[(.*)\])?\s*(.*?)\s*$")


@dataclass
class Problem:
    """Something the parser noticed (line is 1-based, in the file)."""

    code: str
    line: int
    message: str
    level: str = "warning"


@dataclass
class ParsedDoc:
    """A doc's text and front matter, read at once; its syntax tree, parsed when first asked for.

    Planning a site needs only the front matter of most docs, and an unchanged re-run needs no
    tree at all (see memo.py): the Markdown is parsed by the first reader of ``tree`` or ``imports``.
    """

    path: str  # relative to the docs folder, with "/" separators
    abs_path: Path
    raw: str
    front_matter: dict
    front_matter_lines: dict  # key -> line
    problems: list = field(default_factory=list)
    content_hash: str = ""
    math: bool = False

    @property
    def stem(self):
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    @cached_property
    def tree(self) -> SyntaxTreeNode:
        return SyntaxTreeNode(self._tokens)

    @cached_property
    def imports(self) -> dict:
        """Local name -> module of the doc's top-level `import` statements."""
        imports = {}
        for token in self._tokens:
            if token.type == "mdx_esm":
                imports.update(_imports_of(token.content))
        return imports

    @cached_property
    def _tokens(self):
        md = _MD_CACHE.get(self.math)
        if md is None:
            md = _MD_CACHE[self.math] = make_markdown(self.math)
        # Front matter given to the rules: JSX attributes may read `frontMatter.x`.
        return md.parse(self.raw, {"front_matter": self.front_matter})


# --- MDX block rules -------------------------------------------------------------------

def _line_of(state, pos):
    return max(0, bisect.bisect_right(state.bMarks, pos, 0, state.lineMax) - 1)


def _esm_rule(state, start_line, end_line, silent):
    if state.blkIndent != 0 or state.parentType != "root" or state.sCount[start_line] != 0:
        return False
    pos = state.bMarks[start_line]
    line = state.src[pos:state.eMarks[start_line]]
    if not ESM_RE.match(line):
        return False
    # A multi-line import (`import {\n a,\n} from '…'`) ends its first line with "{" or ",".
    if line.startswith("import") and " from " not in line and not re.match(r"import\s*['\"]", line) \
            and not line.rstrip().endswith(("{", ",")):
        return False
    if silent:
        return True
    nxt = start_line + 1
    while nxt < end_line and not state.isEmpty(nxt):
        nxt += 1
    token = state.push("mdx_esm", "", 0)
    token.content = state.getLines(start_line, nxt, 0, False)
    token.map = [start_line, nxt]
    state.line = nxt
    return True


def _expression_rule(state, start_line, end_line, silent):
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if pos >= state.eMarks[start_line] or state.src[pos] != "{":
        return False
    end = jsx._skip_braces(state.src, pos)
    if end < 0:
        return False
    last = _line_of(state, end - 1)
    if state.src[end:state.eMarks[last]].strip():
        return False
    if silent:
        return True
    inner = state.src[pos + 1:end - 1].strip()
    token = state.push("mdx_comment" if inner.startswith("/*") and inner.endswith("*/") else "mdx_expression", "", 0)
    token.content = inner
    token.map = [start_line, last + 1]
    state.line = last + 1
    return True


def _set_line_start(state, line, pos, indent):
    saved = (line, state.bMarks[line], state.tShift[line], state.sCount[line], state.bsCount[line])
    state.bMarks[line] = pos
    shift = 0
    while pos + shift < state.eMarks[line] and state.src[pos + shift] in " \t":
        shift += 1
    state.tShift[line] = shift
    state.sCount[line] = indent
    state.bsCount[line] = 0
    return saved


def _restore(state, saved):
    line, b, t, s, bs = saved
    state.bMarks[line], state.tShift[line], state.sCount[line], state.bsCount[line] = b, t, s, bs


def _jsx_rule(state, start_line, end_line, silent):
    src = state.src
    pos = state.bMarks[start_line] + state.tShift[start_line]
    if pos >= state.eMarks[start_line] or src[pos] != "<":
        return False
    if src.startswith("<!--", pos):
        return False  # HTML comments are left to html_block
    fm = state.env.get("front_matter")
    tag = jsx.scan_tag(src, pos, fm)
    if tag is None or tag.end > state.eMarks[end_line - 1]:
        return False
    tag_line = _line_of(state, tag.end - 1)
    rest = src[tag.end:state.eMarks[tag_line]]

    if tag.closing:  # a close tag nobody opened
        if rest.strip():
            return False
        if silent:
            return True
        token = state.push("jsx_stray_close", "", 0)
        token.meta = {"tag": tag}
        token.map = [start_line, tag_line + 1]
        state.line = tag_line + 1
        return True

    if tag.is_void:
        if rest.strip():
            return False
        if silent:
            return True
        token = state.push("jsx", "", 0)
        token.meta = {"tag": tag}
        token.map = [start_line, tag_line + 1]
        state.line = tag_line + 1
        return True

    close = jsx.find_close(src, tag.end, state.eMarks[end_line - 1], tag.name)
    if close is None:
        if rest.strip():
            return False
        if silent:
            return True
        token = state.push("jsx", "", 0)
        token.meta = {"tag": tag, "unclosed": True}
        token.map = [start_line, tag_line + 1]
        state.line = tag_line + 1
        return True

    close_line = _line_of(state, close.start)
    after_close = src[close.end:state.eMarks[_line_of(state, close.end - 1)]]
    if close_line == tag_line and after_close.strip():
        return False  # inline element followed by text: part of a paragraph
    if silent:
        return True

    token = state.push("jsx_open", "", 1)
    token.meta = {"tag": tag}
    token.map = [start_line, _line_of(state, close.end - 1) + 1]

    if close_line == tag_line:
        inline = src[tag.end:close.start].strip()
        if inline:
            token = state.push("inline", "", 0)
            token.content = inline
            token.map = [start_line, start_line + 1]
            token.children = []
    else:
        first = tag_line if rest.strip() else tag_line + 1
        before_close = src[state.bMarks[close_line]:close.start]
        last = close_line + 1 if before_close.strip() else close_line
        lines = [ln for ln in range(first, last)
                 if not state.isEmpty(ln) and not (ln == tag_line and rest.strip())]
        indent = min((state.sCount[ln] for ln in lines), default=0)
        saved = []
        if rest.strip():
            saved.append(_set_line_start(state, tag_line, tag.end, indent))
        saved_emark = None
        if before_close.strip():
            saved_emark = (close_line, state.eMarks[close_line])
            state.eMarks[close_line] = close.start
        old = (state.parentType, state.lineMax, state.blkIndent)
        state.parentType = "jsx"
        state.lineMax = last
        state.blkIndent = indent
        state.md.block.tokenize(state, first, last)
        state.parentType, state.lineMax, state.blkIndent = old
        for s in saved:
            _restore(state, s)
        if saved_emark:
            state.eMarks[saved_emark[0]] = saved_emark[1]

    token = state.push("jsx_close", "", -1)
    token.meta = {"tag": close}
    end_line_of_close = _line_of(state, close.end - 1)
    if after_close.strip() and end_line_of_close > start_line:
        _set_line_start(state, end_line_of_close, close.end, state.blkIndent)
        state.line = end_line_of_close
    else:
        state.line = end_line_of_close + 1
    return True


def _jsx_inline_rule(state, silent):
    src = state.src
    pos = state.pos
    if src[pos] != "<" or src.startswith("<!--", pos):
        return False
    tag = jsx.scan_tag(src, pos, state.env.get("front_matter"))
    if tag is None or tag.end > state.posMax:
        return False
    if not silent:
        token = state.push("jsx_inline", "", 0)
        token.meta = {"tag": tag}
        token.content = tag.raw
    state.pos = tag.end
    return True


def _admonition_validate(params, markup):
    return bool(ADMONITION_RE.match(params)) and bool(params.strip())


def make_markdown(math=False):
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.disable("code")  # MDX: indentation never makes a code block
    # markdown-it leaves `[texte](javascript:…)` as literal text, markup and address included. Every
    # link is taken as a link here, and the mapper's resolver (safety.py) refuses the address with a
    # report entry and keeps only the link text.
    md.validateLink = lambda url: True
    front_matter_plugin(md)
    footnote_plugin(md)
    gfm_autolink_plugin(md)
    container_plugin(md, "admonition", validate=_admonition_validate)
    if math:
        dollarmath_plugin(md, allow_space=False, allow_digits=False, double_inline=True)
    alt = {"alt": ["paragraph", "reference", "blockquote", "list"]}
    md.block.ruler.before("html_block", "mdx_esm", _esm_rule, alt)
    md.block.ruler.before("html_block", "mdx_expression", _expression_rule, alt)
    md.block.ruler.before("html_block", "mdx_jsx", _jsx_rule, alt)
    md.inline.ruler.before("html_inline", "mdx_jsx_inline", _jsx_inline_rule)
    _relax_list_indent(md)
    return md


def _relax_list_indent(md):
    """Without indented code, a list indented deeper than its neighbours still ends a paragraph."""
    for rule in md.block.ruler.__rules__:
        if rule.name == "list":
            original = rule.fn

            def list_rule(state, start_line, end_line, silent, _original=original):
                if not silent:
                    return _original(state, start_line, end_line, silent)
                saved = state.listIndent
                state.listIndent = -1
                try:
                    return _original(state, start_line, end_line, silent)
                finally:
                    state.listIndent = saved

            rule.fn = list_rule
    md.block.ruler.__compile__()
    md.block.ruler.at("paragraph", _paragraph_rule)


def _paragraph_rule(state, start_line, end_line, silent):
    """markdown-it's paragraph rule, minus the "indented = lazy continuation" case (no indented code)."""
    next_line = start_line + 1
    terminators = state.md.block.ruler.getRules("paragraph")
    end_line = state.lineMax
    old_parent = state.parentType
    state.parentType = "paragraph"
    while next_line < end_line:
        if state.isEmpty(next_line):
            break
        if state.sCount[next_line] < 0:
            next_line += 1
            continue
        if any(rule(state, next_line, end_line, True) for rule in terminators):
            break
        next_line += 1
    content = state.getLines(start_line, next_line, state.blkIndent, False).strip()
    state.line = next_line
    token = state.push("paragraph_open", "p", 1)
    token.map = [start_line, state.line]
    token = state.push("inline", "", 0)
    token.content = content
    token.map = [start_line, state.line]
    token.children = []
    state.push("paragraph_close", "p", -1)
    state.parentType = old_parent
    return True


def admonition_parts(info):
    """(kind, title) of `:::tip Title` or `:::tip[Title]`."""
    match = ADMONITION_RE.match(info or "")
    if not match:
        return "", ""
    kind, bracket, rest = match.groups()
    title = bracket if bracket is not None else rest
    title = re.sub(r"\s*\{[^}]*\}\s*$", "", title or "")  # `{#id}` or `{.class}` attributes
    return kind.lower(), title.strip()


# --- front matter ----------------------------------------------------------------------

def parse_front_matter(text, first_line=2):
    """(data, key lines, problems). Tolerates `key : value`, stray spaces and broken YAML."""
    import yaml  # local import keeps the module importable without PyYAML for docs tooling

    problems = []
    lines = {}
    # split("\n"), not splitlines(): the latter also breaks on \x1c-\x1e, \x85 and \u2028, and
    # every key after such a character was reported one line too far.
    for offset, line in enumerate(text.split("\n")):
        match = re.match(r"^([^\s:#][^:]*?)\s*:", line)
        if match:
            lines.setdefault(match.group(1).strip(), first_line + offset)
    try:
        data = yaml.safe_load(text) if text.strip() else {}
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise yaml.YAMLError("front matter is not a mapping")
        if _expanded_size(data) > FRONT_MATTER_MAX_NODES:
            raise yaml.YAMLError("front matter trop grand une fois ses alias développés (alias récursif ou « bombe » d'alias)")
    except (yaml.YAMLError, ValueError) as exc:  # ValueError: a date such as 2024-02-30 or 0000-01-01
        problems.append(Problem("front_matter_invalid", first_line,
                                f"Front matter YAML invalide, lu ligne par ligne ({str(exc).splitlines()[0]})."))
        data = {}
        for line in text.split("\n"):
            match = re.match(r"^([^\s:#][^:]*?)\s*:\s*(.*)$", line)
            if match:
                value = match.group(2).strip().strip("'\"")
                data[match.group(1).strip()] = {"true": True, "false": False}.get(value.lower(), value)
    clean = {}
    for key, value in data.items():
        clean[str(key).strip()] = value
    return clean, lines, problems


FRONT_MATTER_MAX_NODES = 10_000


def _expanded_size(data, limit=FRONT_MATTER_MAX_NODES):
    """Values in `data` counting each alias use again, stopping past `limit`.

    YAML aliases share one object, so `a: &a [*a]` is a list that holds itself and nine levels
    of nine aliases ("billion laughs") are 9**9 strings to whatever walks or prints the value.
    """
    count, todo = 0, [data]
    while todo and count <= limit:
        value = todo.pop()
        count += 1
        if isinstance(value, dict):
            todo.extend(value.keys())
            todo.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            todo.extend(value)
    return count


def front_matter_value(fm, *names):
    """Value of the first of `names` found in the front matter, ignoring case and spaces."""
    folded = {str(k).strip().lower(): v for k, v in fm.items()}
    for name in names:
        if name in folded and folded[name] not in (None, ""):
            return folded[name]
    return None


# --- entry point -----------------------------------------------------------------------

_MD_CACHE = {}


def parse_file(path: Path, docs_dir: Path, math=False) -> ParsedDoc:
    raw_bytes = path.read_bytes()
    raw = raw_bytes.decode("utf-8-sig", errors="replace")
    return parse_text(raw, path.relative_to(docs_dir).as_posix(), path, math=math,
                      content_hash=hashlib.sha256(raw_bytes).hexdigest())


def read_front_matter(raw):
    """(data, key lines, problems) of the front matter a doc opens with (empty without one)."""
    match = re.match(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)?^---[ \t]*$", raw, re.DOTALL | re.MULTILINE)
    return parse_front_matter(match.group(1)) if match else ({}, {}, [])


def parse_text(raw, rel_path, abs_path=None, math=False, content_hash=""):
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    fm, fm_lines, fm_problems = read_front_matter(raw)
    return ParsedDoc(
        path=rel_path, abs_path=Path(abs_path) if abs_path else Path(rel_path), raw=raw,
        front_matter=fm, front_matter_lines=fm_lines, problems=list(fm_problems),
        content_hash=content_hash or hashlib.sha256(raw.encode()).hexdigest(), math=math,
    )


def _imports_of(code):
    names = {}
    for match in re.finditer(r"import\s+(.*?)\s+from\s+['\"]([^'\"]+)['\"]", code, re.DOTALL):
        spec, module = match.groups()
        spec = spec.strip()
        default, _, rest = spec.partition(",")
        if default.strip().startswith("{"):
            rest, default = default, ""
        if default.strip() and not default.strip().startswith("*"):
            names[default.strip()] = module
        for inner in re.findall(r"\{(.*?)\}", rest, re.DOTALL):
            for part in inner.split(","):
                part = part.strip()
                if part:
                    names[part.split(" as ")[-1].strip()] = module + "#" + part.split(" as ")[0].strip()
    return names


def source_line(node) -> int:
    """1-based line of a syntax tree node (0 when unknown)."""
    while node is not None:
        if node.map:
            return node.map[0] + 1
        if node.type == "inline" or node.parent is None:
            break
        node = node.parent
    return 0
