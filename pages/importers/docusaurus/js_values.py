"""What the static reading of JavaScript gives back when a value is more than a literal.

No parsing here: :mod:`js` (tree-sitter) builds these, :mod:`jsx` and the component handlers read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Expression:
    """A JavaScript expression the importer cannot evaluate statically."""

    source: str
    line: int = field(default=0, compare=False)  # where it was written, when known

    def __str__(self):
        return self.source


@dataclass
class AssetRef:
    """A path given through `require()`, `useBaseUrl()` or `import x from './file.png'`."""

    path: str

    def __str__(self):
        return self.path


@dataclass
class JsxNode:
    """A JSX element found inside an attribute value (`location={<>…</>}`)."""

    name: str  # "" for a fragment
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # str | JsxNode | Expression
