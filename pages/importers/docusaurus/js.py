"""Reading Docusaurus JavaScript files (config, sidebars) without Node.js.

The file is parsed by esprima and the exported object literal is evaluated statically:
literals, arrays, objects, top-level `const` references, `require()`/`require.resolve()`.
Functions and other computed values become :class:`jsx.Expression` objects.
esprima 4 predates `??` and `?.`; when parsing fails on them, they are replaced by `||` and `.`
in the token stream (meaning is irrelevant for the static values we read) and parsed again.
"""

from __future__ import annotations

import esprima

from .jsx import Expression


class JsError(ValueError):
    def __init__(self, message, line=0):
        super().__init__(message)
        self.line = line


class LineStr(str):
    """A string that remembers the source line it came from."""

    line = 0


def _parse(code):
    options = {"range": True, "loc": True, "jsx": True}
    try:
        return esprima.parseModule(code, options)
    except Exception as first:
        try:
            tokens = esprima.tokenize(code, {"range": True, "tolerant": True})
        except Exception:
            raise JsError(str(first), getattr(first, "lineNumber", 0)) from None
        patched = list(code)
        for a, b in zip(tokens, tokens[1:], strict=False):
            if a.value == "?" and a.range[1] == b.range[0]:
                if b.value == "?":
                    patched[a.range[0]] = "|"
                    patched[b.range[0]] = "|"
                elif b.value == "." or b.value.startswith("."):
                    patched[a.range[0]] = " "
        try:
            return esprima.parseModule("".join(patched), options)
        except Exception:
            raise JsError(str(first), getattr(first, "lineNumber", 0)) from None


class Evaluator:
    def __init__(self, code):
        self.code = code
        self.program = _parse(code)
        self.scope = {}
        self.exported = None
        for stmt in self.program.body:
            self._collect(stmt)

    def _collect(self, stmt):
        t = stmt.type
        if t == "VariableDeclaration":
            for decl in stmt.declarations:
                if decl.id.type == "Identifier" and decl.init is not None:
                    self.scope[decl.id.name] = decl.init
        elif t == "ExportDefaultDeclaration":
            self.exported = stmt.declaration
        elif t == "ExportNamedDeclaration" and stmt.declaration is not None:
            self._collect(stmt.declaration)
        elif t == "ExpressionStatement" and stmt.expression.type == "AssignmentExpression":
            left = stmt.expression.left
            if left.type == "MemberExpression" and self._src(left) in ("module.exports", "exports.default"):
                self.exported = stmt.expression.right
        elif t == "ImportDeclaration":
            for spec in stmt.specifiers:
                self.scope[spec.local.name] = ("import", stmt.source.value)

    def _src(self, node):
        return self.code[node.range[0]:node.range[1]]

    def export(self):
        if self.exported is None:
            raise JsError("no `export default` nor `module.exports` found")
        return self.eval(self.exported)

    def eval(self, node, depth=0):
        if depth > 50:
            return Expression(self._src(node))
        t = node.type
        if t == "Literal":
            if isinstance(node.value, str):
                s = LineStr(node.value)
                s.line = node.loc.start.line
                return s
            return node.value
        if t == "TemplateLiteral":
            if not node.expressions:
                return "".join(q.value.cooked for q in node.quasis)
            return Expression(self._src(node))
        if t == "ArrayExpression":
            out = []
            for e in node.elements:
                if e is None:
                    continue
                if e.type == "SpreadElement":
                    value = self.eval(e.argument, depth + 1)
                    out.extend(value if isinstance(value, list) else [value])
                else:
                    out.append(self.eval(e, depth + 1))
            return out
        if t == "ObjectExpression":
            out = {"__line__": node.loc.start.line}
            for prop in node.properties:
                if prop.type == "SpreadElement":
                    value = self.eval(prop.argument, depth + 1)
                    if isinstance(value, dict):
                        out.update(value)
                    continue
                if prop.type != "Property":
                    continue
                if prop.computed:
                    continue
                key = prop.key.name if prop.key.type == "Identifier" else str(prop.key.value)
                out[key] = self.eval(prop.value, depth + 1)
            return out
        if t == "Identifier":
            if node.name == "undefined":
                return None
            target = self.scope.get(node.name)
            if isinstance(target, tuple):
                return target[1]
            if target is not None:
                return self.eval(target, depth + 1)
            return Expression(node.name)
        if t == "UnaryExpression":
            value = self.eval(node.argument, depth + 1)
            if node.operator == "-" and isinstance(value, (int, float)):
                return -value
            if node.operator == "!" and isinstance(value, (bool, int)):
                return not value
            return Expression(self._src(node))
        if t == "CallExpression":
            callee = self._src(node.callee)
            if callee in ("require", "require.resolve") and node.arguments:
                return self.eval(node.arguments[0], depth + 1)
            return Expression(self._src(node))
        if t == "MemberExpression" and not node.computed and node.property.name == "default":
            return self.eval(node.object, depth + 1)
        if t in ("AwaitExpression",):
            return self.eval(node.argument, depth + 1)
        if t in ("ArrowFunctionExpression", "FunctionExpression"):
            # `async function createConfig() { return {...} }`: read the returned object.
            body = node.body
            if body.type != "BlockStatement":
                return self.eval(body, depth + 1)
            for stmt in body.body:
                if stmt.type == "ReturnStatement" and stmt.argument is not None:
                    return self.eval(stmt.argument, depth + 1)
            return Expression(self._src(node))
        return Expression(self._src(node))


def evaluate_export(code):
    """The static value exported by a JavaScript module (config or sidebars file)."""
    evaluator = Evaluator(code)
    for stmt in evaluator.program.body:
        if stmt.type == "FunctionDeclaration" and evaluator.exported is not None \
                and evaluator.exported.type == "Identifier" and evaluator.exported.name == stmt.id.name:
            evaluator.exported = stmt.body
            for inner in stmt.body.body:
                if inner.type == "ReturnStatement" and inner.argument is not None:
                    return evaluator.eval(inner.argument)
    return evaluator.export()
