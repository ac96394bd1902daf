"""What the mapping of one doc carries along: the doc, the resolver, the report, block ids."""

from __future__ import annotations

import uuid

from .parser import Problem
from .safety import PathRefused, is_safe_url, refused_url_message


class MapContext:
    """The mapping state of one doc; component handlers reach it as ``flow.ctx``."""

    def __init__(self, doc, resolver, page_type, report_file, catalogue_rules=None):
        from .rules import DEFAULT_CATALOGUE_RULES

        self.catalogue_rules = catalogue_rules or DEFAULT_CATALOGUE_RULES
        self.doc = doc
        self.resolver = resolver
        self.page_type = page_type
        self.file = report_file
        self.problems = []
        self.counter = 0
        self.heading = ""  # nearest heading text above the current node
        self.anchors = set()
        self.hero_image = None
        self.documents = []  # document paths linked from the page
        self.line = 0  # source line of the node being mapped
        self.block_lines = {}
        self.refused = set()
        self.guessed_alts = []  # {"alt", "line", "file"} of every alt text the import made up
        self.unnamed_images = 0
        self.category = ("", "")  # a tool guide's (category, why) from the category rules
        self._alts = set()  # sources refused (and reported) by `file`, not to be reported again as missing

    def problem(self, code, line, message, level="warning"):
        self.problems.append(Problem(code, line, message, level))

    def local_file(self, src, line):
        """The resolver's file for ``src``, reporting a path or address it refuses."""
        if isinstance(src, str) and not is_safe_url(src):
            self.refuse(src, line, "url_scheme_refused", refused_url_message(src))
            return None
        try:
            return self.resolver.locate(src, self.doc)
        except PathRefused as refused:
            self.refuse(src, line, PathRefused.code, f"Fichier « {str(src)[:80]} » non lu ({refused}) : son texte est conservé.")
            return None

    def refuse(self, src, line, code, message):
        self.refused.add(str(src))
        self.problem(code, line, message)

    def unique_alt(self, alt):
        """``alt``, or ``alt (2)``, ``alt (3)``… when another image of the page already has it."""
        candidate, n = alt[:240], 1
        while candidate in self._alts:
            n += 1
            candidate = f"{alt[:240]} ({n})"
        self._alts.add(candidate)
        return candidate

    def block(self, block_type, value):
        self.counter += 1
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.doc.path}#{self.counter}"))
        self.block_lines[block_id] = self.line
        return {"type": block_type, "value": value, "id": block_id}

    def item(self, value):
        self.counter += 1
        return {"type": "item", "value": value, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.doc.path}#{self.counter}"))}


