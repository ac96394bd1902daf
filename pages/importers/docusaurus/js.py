"""Reading Docusaurus JavaScript and TypeScript files (config, sidebars) without Node.js.

The file is parsed by tree-sitter (the TypeScript grammar for ``.ts``/``.mts``/``.cts``, TSX for
``.tsx``, JavaScript for the rest), so modern syntax is read as written: ``import type``,
``const config: Config = {…}``, ``satisfies``, ``as const``, ``?.``, ``??``, spread, template
literals. The exported value is then evaluated statically, literals only: objects, arrays, strings,
numbers, booleans, template literals without ``${}``, identifiers bound to top-level consts,
``require('x')``/``require.resolve('x')`` and ``path.resolve``/``path.join`` of strings (``__dirname``
being the site root). Anything else becomes a :class:`jsx.Expression` that keeps its source and line,
so that the caller can say what it could not read where it matters.
"""

from __future__ import annotations

import posixpath
import re

import tree_sitter_javascript
import tree_sitter_typescript
from tree_sitter import Language, Parser

from .js_values import Expression

_LANGUAGES = {
    "typescript": Language(tree_sitter_typescript.language_typescript()),
    "tsx": Language(tree_sitter_typescript.language_tsx()),
    "javascript": Language(tree_sitter_javascript.language()),
}
_PARSERS = {}  # one per grammar: building a parser costs more than parsing an attribute
_MAX_DEPTH = 120  # nesting of evaluated values (and const-to-const references) before giving up


class JsError(ValueError):
    def __init__(self, message, line=0):
        super().__init__(message)
        self.line = line


class LineStr(str):
    """A string that remembers the source line it came from."""

    line = 0


def language_for(filename):
    name = str(filename).lower()
    if name.endswith((".ts", ".mts", ".cts")):
        return "typescript"
    if name.endswith(".tsx"):
        return "tsx"
    return "javascript"


def parse(code: bytes, language="javascript"):
    """The tree of ``code``, and the code it was read from (see :func:`_escape_bare_ampersands`)."""
    parser = _PARSERS.get(language)
    if parser is None:
        parser = _PARSERS[language] = Parser(_LANGUAGES[language])
    tree = parser.parse(code)
    if tree.root_node.has_error and language != "typescript":
        tree, code = _escape_bare_ampersands(parser, tree, code)
    return tree, code


_MAX_AMPERSANDS = 200
_REFERENCE = re.compile(rb"&(#([xX][0-9a-fA-F]{1,6}|[0-9]{1,5})|[A-Za-z]{1,30});")


def _escape_bare_ampersands(parser, tree, code):
    """Valid JSX with a bare ``&`` that the JSX grammars reject, read as if it were written ``&amp;``.

    ``<a href="x?a=1&b=2">`` and ``<p>Toi & moi</p>`` are valid JSX, but tree-sitter's JSX grammars
    stop at the ``&``: https://github.com/tree-sitter/tree-sitter-typescript/issues/320 and
    https://github.com/tree-sitter/tree-sitter-javascript/issues/366. Each ``&`` inside the first
    error that is not ``&&`` nor a character reference is tried as ``&amp;`` (the same character for
    JSX; no line moves), and kept when the error goes away or moves further on.
    """
    for _ in range(_MAX_AMPERSANDS):
        error = _first_error_node(tree.root_node)
        if error is None:
            break
        for at in _bare_ampersands(code, error.start_byte, max(error.end_byte, error.start_byte + 1)):
            trial = code[:at] + b"&amp;" + code[at + 1:]
            retried = parser.parse(trial)
            after = _first_error_node(retried.root_node)
            if after is None or after.start_byte > error.start_byte:
                tree, code = retried, trial
                break
        else:
            break
    return tree, code


def _bare_ampersands(code, start, end):
    at = code.find(b"&", start, end)
    while at >= 0:
        if code[at + 1:at + 2] != b"&" and code[at - 1:at] != b"&" and not _REFERENCE.match(code, at):
            yield at
        at = code.find(b"&", at + 1, end)


def _first_error_node(root):
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node
        if node.has_error:
            stack.extend(reversed(node.children))
    return None


def _first_error(node):
    """The first syntax error of the tree: (line, what tree-sitter saw there)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.is_error or current.is_missing:
            text = current.text.decode("utf-8", "replace").strip().splitlines()
            seen = f"« {text[0][:40]} »" if text and not current.is_missing else f"« {current.type} » manquant"
            return current.start_point.row + 1, seen
        if current.has_error:
            stack.extend(reversed(current.children))
    return 0, ""


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|.)", re.S)


def _unescape(text):
    def one(match):
        seq = match.group(1)
        if seq[0] in "ux" and len(seq) > 1:
            return chr(int(seq.strip("ux{}"), 16))
        if seq in ("\n", "\r\n", "\u2028", "\u2029"):
            return ""  # a line continuation
        return _ESCAPES.get(seq, seq)

    return _ESCAPE_RE.sub(one, text)


class Evaluator:
    def __init__(self, code, filename="docusaurus.config.js"):
        self.code = code.encode("utf-8")
        self.tree, self.code = parse(self.code, language_for(filename))
        root = self.tree.root_node
        if root.has_error:
            line, seen = _first_error(root)
            raise JsError(f"syntaxe non reconnue ligne {line} : {seen}", line)
        self.scope = {}
        self.exported = None
        self._collect_all(root, self.scope)

    # --- statements ----------------------------------------------------------------
    def _collect_all(self, block, scope):
        for stmt in block.named_children:
            self._collect(stmt, scope)

    def _collect(self, stmt, scope):
        t = stmt.type
        if t in ("lexical_declaration", "variable_declaration"):
            for decl in stmt.named_children:
                name, value = decl.child_by_field_name("name"), decl.child_by_field_name("value")
                if decl.type == "variable_declarator" and name is not None and name.type == "identifier" and value is not None:
                    scope[self._src(name)] = value
        elif t in ("function_declaration", "generator_function_declaration"):
            name = stmt.child_by_field_name("name")
            if name is not None:
                scope[self._src(name)] = stmt
        elif t == "export_statement":
            declaration = stmt.child_by_field_name("declaration")
            value = stmt.child_by_field_name("value")
            is_default = any(c.type == "default" for c in stmt.children)
            if declaration is not None:
                self._collect(declaration, scope)
                if is_default:
                    self.exported = declaration
            elif value is not None and is_default:
                self.exported = value
        elif t == "expression_statement":
            expr = stmt.named_children[0] if stmt.named_children else None
            if expr is not None and expr.type == "assignment_expression":
                left = expr.child_by_field_name("left")
                if self._src(left).replace(" ", "") in ("module.exports", "exports.default"):
                    self.exported = expr.child_by_field_name("right")
        elif t == "import_statement":
            source = stmt.child_by_field_name("source")
            module = self.eval(source) if source is not None else ""
            for ident in import_names(stmt):
                scope[self._src(ident)] = ("import", str(module))

    def _src(self, node):
        return self.code[node.start_byte:node.end_byte].decode("utf-8", "replace")

    def _unknown(self, node):
        return Expression(self._src(node), node.start_point.row + 1)

    def export(self):
        if self.exported is None:
            raise JsError("ni `export default` ni `module.exports` trouvé")
        return self.eval(self.exported)

    # --- expressions ---------------------------------------------------------------
    def eval(self, node, depth=0, scope=None):
        scope = self.scope if scope is None else scope
        if depth > _MAX_DEPTH:
            return self._unknown(node)
        method = getattr(self, "_eval_" + node.type, None)
        if method is None:
            return self._unknown(node)
        return method(node, depth + 1, scope)

    def _line(self, node):
        return node.start_point.row + 1

    def _eval_string(self, node, depth, scope):
        parts = []
        for child in node.named_children:
            text = self._src(child)
            parts.append(_unescape(text) if child.type == "escape_sequence" else text)
        value = LineStr("".join(parts))
        value.line = self._line(node)
        return value

    def _eval_template_string(self, node, depth, scope):
        if any(c.type == "template_substitution" for c in node.named_children):
            return self._unknown(node)
        return self._eval_string(node, depth, scope)

    def _eval_number(self, node, depth, scope):
        text = self._src(node).replace("_", "")
        try:
            if text.lower().startswith(("0x", "0o", "0b")):
                return int(text, 0)
            value = float(text.rstrip("n"))
        except ValueError:
            return self._unknown(node)
        return int(value) if value.is_integer() and not re.search(r"[.eE]", text) else value

    def _eval_true(self, node, depth, scope):
        return True

    def _eval_false(self, node, depth, scope):
        return False

    def _eval_null(self, node, depth, scope):
        return None

    _eval_undefined = _eval_null

    def _eval_array(self, node, depth, scope):
        out = []
        for element in node.named_children:
            if element.type == "comment":
                continue
            if element.type == "spread_element":
                value = self.eval(element.named_children[0], depth, scope)
                out.extend(value if isinstance(value, list) else [value])
            else:
                out.append(self.eval(element, depth, scope))
        return out

    def _eval_object(self, node, depth, scope):
        out = {"__line__": self._line(node)}
        for prop in node.named_children:
            if prop.type == "spread_element":
                value = self.eval(prop.named_children[0], depth, scope)
                if isinstance(value, dict):
                    out.update({k: v for k, v in value.items() if k != "__line__"})
            elif prop.type == "pair":
                key = prop.child_by_field_name("key")
                if key.type == "computed_property_name":
                    continue
                name = str(self.eval(key, depth, scope)) if key.type in ("string", "number") else self._src(key)
                out[name] = self.eval(prop.child_by_field_name("value"), depth, scope)
            elif prop.type == "shorthand_property_identifier":
                out[self._src(prop)] = self._eval_identifier(prop, depth, scope)
            elif prop.type == "method_definition":
                name = prop.child_by_field_name("name")
                if name is not None:
                    out[self._src(name)] = self._unknown(prop)
        return out

    def _eval_identifier(self, node, depth, scope):
        name = self._src(node)
        if name == "undefined":
            return None
        if name == "__dirname":
            return LineStr(".")
        target = scope.get(name, self.scope.get(name))
        if isinstance(target, tuple):
            return target[1]
        if target is not None:
            return self.eval(target, depth, scope)
        return self._unknown(node)

    def _eval_parenthesized_expression(self, node, depth, scope):
        inner = [c for c in node.named_children if c.type != "comment"]
        return self.eval(inner[-1], depth, scope) if inner else self._unknown(node)

    def _typed(self, node, depth, scope):
        # `x as const`, `x satisfies Config`, `x!`, `<Config>x`: the value is the expression's.
        inner = [c for c in node.named_children if not c.type.endswith("type") and "type_" not in c.type
                 and c.type not in ("type_identifier", "generic_type", "predefined_type", "comment")]
        return self.eval(inner[0], depth, scope) if inner else self._unknown(node)

    _eval_as_expression = _eval_satisfies_expression = _eval_non_null_expression = _typed
    _eval_type_assertion = _typed

    def _eval_await_expression(self, node, depth, scope):
        return self.eval(node.named_children[0], depth, scope)

    def _eval_unary_expression(self, node, depth, scope):
        operator = self._src(node.child_by_field_name("operator"))
        value = self.eval(node.child_by_field_name("argument"), depth, scope)
        if operator == "-" and isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
        if operator == "!" and isinstance(value, (bool, int)) and not isinstance(value, Expression):
            return not value
        return self._unknown(node)

    def _eval_member_expression(self, node, depth, scope):
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        if prop is not None and self._src(prop) == "default":  # require('./x.png').default
            return self.eval(obj, depth, scope)
        return self._unknown(node)

    def _eval_call_expression(self, node, depth, scope):
        callee = self._src(node.child_by_field_name("function")).replace(" ", "")
        arguments = node.child_by_field_name("arguments")
        args = [a for a in (arguments.named_children if arguments is not None else []) if a.type != "comment"]
        if callee in ("require", "require.resolve") and args:
            return self.eval(args[0], depth, scope)
        if callee in ("path.resolve", "path.join", "resolve", "join") and args:
            values = [self.eval(a, depth, scope) for a in args]
            if all(isinstance(v, str) for v in values):
                joined = posixpath.normpath(posixpath.join(*values))
                value = LineStr(joined)
                value.line = self._line(node)
                return value
        return self._unknown(node)

    def _function_result(self, node, depth, scope):
        # `async function createConfig() { const config = {...}; return config; }`
        body = node.child_by_field_name("body")
        if body is None:
            return self._unknown(node)
        if body.type != "statement_block":
            return self.eval(body, depth, scope)
        local = dict(scope)
        for stmt in body.named_children:
            if stmt.type == "return_statement":
                value = [c for c in stmt.named_children if c.type != "comment"]
                return self.eval(value[0], depth, local) if value else None
            self._collect_local(stmt, local)
        return self._unknown(node)

    def _collect_local(self, stmt, scope):
        if stmt.type in ("lexical_declaration", "variable_declaration", "function_declaration"):
            self._collect(stmt, scope)

    _eval_arrow_function = _eval_function_expression = _eval_function = _function_result
    _eval_function_declaration = _function_result


def import_names(stmt):
    """The local names an import statement binds (default, named, namespace)."""
    for clause in stmt.named_children:
        if clause.type != "import_clause":
            continue
        for part in clause.named_children:
            if part.type == "identifier":
                yield part
            elif part.type == "namespace_import":
                yield from (c for c in part.named_children if c.type == "identifier")
            elif part.type == "named_imports":
                for spec in part.named_children:
                    alias = spec.child_by_field_name("alias") or spec.child_by_field_name("name")
                    if alias is not None:
                        yield alias


def evaluate_export(code, filename="docusaurus.config.js"):
    """The static value exported by a JavaScript or TypeScript module (config or sidebars file)."""
    return Evaluator(code, filename).export()
