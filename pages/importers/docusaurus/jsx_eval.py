"""Static values of the JavaScript written in MDX attributes and page components, JSX included.

The same tree-sitter reading as the config files (:mod:`js`), with the rules of MDX on top:
``require()``/``useBaseUrl()``/``withBaseUrl()`` give an :class:`AssetRef`, ``frontMatter.x`` the
doc's front matter, JSX elements and fragments a :class:`JsxNode`. Identifiers, functions, conditions
and template literals with ``${}`` stay :class:`Expression` with their source: an attribute's value
is never guessed. The JavaScript grammar reads JSX; ``.tsx`` components use TypeScript's.
"""

from __future__ import annotations

import html

from .js import Evaluator, JsError, parse
from .js_values import AssetRef, Expression, JsxNode

ASSET_CALLS = ("require", "useBaseUrl", "withBaseUrl")
ELEMENTS = ("jsx_element", "jsx_self_closing_element")
FRAGMENT_NAMES = ("", "Fragment", "React.Fragment")


class JsxEvaluator(Evaluator):
    """Reads one module (a page component) or one expression (``expression=True``)."""

    def __init__(self, code, filename="component.jsx", front_matter=None, expression=False):
        self.front_matter = front_matter or {}
        # An attribute's expression is wrapped in parentheses: its lines are not the doc's.
        self.expression = expression
        super().__init__(f"({code})" if expression else code, filename)

    def _unknown(self, node):
        return Expression(self._src(node), 0 if self.expression else node.start_point.row + 1)

    def line(self, node):
        return node.start_point.row + 1

    # --- values MDX reads differently from a config -------------------------------------------
    def _eval_string(self, node, depth, scope):
        if node.parent is not None and node.parent.type == "jsx_attribute":  # title="a &amp; b"
            return html.unescape(self._src(node)[1:-1])
        return str(super()._eval_string(node, depth, scope))

    def _eval_identifier(self, node, depth, scope):
        return None if self._src(node) == "undefined" else self._unknown(node)

    def _eval_object(self, node, depth, scope):
        out = {}
        for prop in node.named_children:
            if prop.type == "pair":
                key = prop.child_by_field_name("key")
                name = str(self.eval(key, depth, scope)) if key.type in ("string", "number") else self._src(key)
                out[name] = self.eval(prop.child_by_field_name("value"), depth, scope)
            elif prop.type == "shorthand_property_identifier":
                out[self._src(prop)] = self._unknown(prop)
            elif prop.type == "method_definition":
                name = prop.child_by_field_name("name")
                out[self._src(name)] = self._unknown(prop)
            elif prop.type != "comment":  # {...rest}
                out.setdefault("...", []).append(self._unknown(prop))
        return out

    def _eval_array(self, node, depth, scope):
        return [self._unknown(e) if e.type == "spread_element" else self.eval(e, depth, scope)
                for e in node.named_children if e.type != "comment"]

    def _eval_member_expression(self, node, depth, scope):
        obj, prop = node.child_by_field_name("object"), node.child_by_field_name("property")
        key = self._src(prop)
        if obj.type == "identifier" and self._src(obj) == "frontMatter" and key in self.front_matter:
            return self.front_matter[key]
        if key == "default":  # require('./x.png').default
            inner = self.eval(obj, depth, scope)
            if isinstance(inner, AssetRef):
                return inner
        return self._unknown(node)

    def _eval_call_expression(self, node, depth, scope):
        callee = self._src(node.child_by_field_name("function"))
        arguments = node.child_by_field_name("arguments")
        args = [a for a in (arguments.named_children if arguments is not None else []) if a.type != "comment"]
        if callee in ASSET_CALLS and args:
            value = self.eval(args[0], depth, scope)
            if isinstance(value, (str, AssetRef)):
                return AssetRef(str(value))
        return self._unknown(node)

    def _not_static(self, node, depth, scope):
        return self._unknown(node)

    _eval_arrow_function = _eval_function_expression = _eval_function = _not_static
    _eval_await_expression = _not_static

    # --- JSX --------------------------------------------------------------------------------------
    def _eval_jsx_expression(self, node, depth, scope):
        inner = [c for c in node.named_children if c.type != "comment"]
        return self.eval(inner[0], depth, scope) if inner else None

    def _eval_jsx_element(self, node, depth, scope):
        name = element_name(self, node)
        result = JsxNode("" if name in FRAGMENT_NAMES else name, self.attributes(node, depth, scope))
        for child in self.children(node):
            if isinstance(child, str):
                result.children.append(child)
            elif child.type == "jsx_expression":
                if not [c for c in child.named_children if c.type != "comment"]:
                    continue  # {/* a comment */} or {}
                value = self.eval(child, depth, scope)
                result.children.append(value if isinstance(value, (JsxNode, Expression)) else str(value))
            else:
                result.children.append(self.eval(child, depth, scope))
        return result

    _eval_jsx_self_closing_element = _eval_jsx_element

    def attributes(self, element, depth=0, scope=None):
        """``{name: value}`` of an element's attributes; a spread ``{...props}`` is left out."""
        tag = element.child_by_field_name("open_tag") if element.type == "jsx_element" else element
        attrs = {}
        for attr in tag.children_by_field_name("attribute"):
            if attr.type != "jsx_attribute":
                continue
            parts = attr.named_children
            key = self._src(parts[0])
            attrs[key] = self.eval(parts[1], depth, scope) if len(parts) > 1 else True
        return attrs

    def children(self, element):
        """An element's children: JSX text as a string (its character references read), nodes otherwise."""
        if element.type != "jsx_element":
            return []
        open_tag, close_tag = element.child_by_field_name("open_tag"), element.child_by_field_name("close_tag")
        out, cursor = [], open_tag.end_byte
        stop = close_tag.start_byte if close_tag is not None else element.end_byte
        for child in element.named_children:
            if child.type in ("jsx_text", "html_character_reference", "comment") or child in (open_tag, close_tag):
                continue
            if child.start_byte > cursor:
                out.append(html.unescape(self.code[cursor:child.start_byte].decode("utf-8", "replace")))
            out.append(child)
            cursor = child.end_byte
        if stop > cursor:
            out.append(html.unescape(self.code[cursor:stop].decode("utf-8", "replace")))
        return out


def element_name(reader, element):
    """``"Card"``, ``"Foo.Bar"``, ``"a:b"``; ``""`` for a fragment."""
    tag = element.child_by_field_name("open_tag") if element.type == "jsx_element" else element
    name = tag.child_by_field_name("name")
    return reader._src(name).replace(" ", "") if name is not None else ""


def evaluate_expression(source, front_matter=None):
    """The Python value of a static JS expression, or an Expression keeping its source."""
    text = source.strip()
    if not text or text.startswith("/*") and text.endswith("*/"):
        return Expression(text)
    try:
        reader = JsxEvaluator(text, front_matter=front_matter, expression=True)
    except JsError:
        return Expression(text)
    statements = [s for s in reader.tree.root_node.named_children if s.type != "comment"]
    if len(statements) != 1 or statements[0].type != "expression_statement":
        return Expression(text)
    return reader.eval(statements[0].named_children[0])


def parses_as_expression(text):
    """True when ``text`` is one whole JavaScript expression (JSX allowed)."""
    tree, _ = parse(f"({text})".encode())
    return not tree.root_node.has_error
