"""Components that showed a catalogue read from a data file (``<LogicielCatalogue/>``,
``<DataTable src="/data/modeles3d.csv" />``): the catalogue block, whose entries the writer
imports from the same file (``catalogues.py``). Which component or file is which catalogue is
the catalogue rules' (``rules.DEFAULT_CATALOGUE_RULES``, ``--catalogue-rules``)."""

from __future__ import annotations

from . import register


@register("LogicielCatalogue", "DataTable")
def catalogue(flow, tag, node, line):
    rules = flow.ctx.catalogue_rules
    kind = rules["components"].get(tag.name)
    src = tag.attrs.get("src")
    if kind is None and isinstance(src, str):
        kind = rules["files"].get(src.split("?")[0].split("#")[0])
    if kind is None:
        flow.unmapped(tag, node, line)  # another data file: no catalogue holds it
        return
    flow.add("catalogue", {"catalogue": kind, "title": ""})
