"""Coverage-guided fuzz targets (atheris/libFuzzer) for the parsers that need no database.

    python bench/fuzz/harnesses.py TARGET [libFuzzer options, e.g. -runs=20000 -max_total_time=120]

TARGET is one of: markdown (parser + mapper of a Docusaurus doc), front_matter, po_syntax (the
line checks and polib parse run before a PO file touches the database). Any exception that
escapes is a crash: libFuzzer prints the input and exits non-zero.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

import atheris  # noqa: E402

django.setup()

with atheris.instrument_imports(include=["pages", "markdown_it", "mdit_py_plugins", "polib"]):
    import polib

    from pages.importers.docusaurus.mapper import Resolver, map_doc
    from pages.importers.docusaurus.parser import parse_front_matter, parse_text
    from pages.importers.docusaurus.rules import PAGE_TYPES
    from pages.importers.docusaurus.site import SiteConfig, doc_info
    from pages.translation.po import _syntax_problems

CONSTRUCTS = ROOT / "tests" / "fixtures" / "docusaurus" / "constructs"
RESOLVER = Resolver(SiteConfig(root=CONSTRUCTS, docs_path=".", route_base_path="/"), {})


def markdown(data):
    fdp = atheris.FuzzedDataProvider(data)
    page_type = PAGE_TYPES[fdp.ConsumeIntInRange(0, len(PAGE_TYPES) - 1)]
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    doc = parse_text(text, "fuzz.mdx", CONSTRUCTS / "fuzz.mdx")
    doc_info("fuzz.mdx", doc.front_matter)
    last = doc.raw.count("\n") + 1
    draft = map_doc(doc, RESOLVER, page_type, "fuzz")
    for problem in doc.problems + draft.problems:
        if not 0 <= problem.line <= last:
            raise AssertionError(
                f"{problem.code} points at line {problem.line} of a {last}-line file"
            )


def front_matter(data):
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    values, lines, problems = parse_front_matter(text)
    if not isinstance(values, dict) or any(p.line != 2 for p in problems):
        raise AssertionError("front matter: not a mapping, or a problem off its first line")


def po_syntax(data):
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    if _syntax_problems(Path("fuzz.po"), text):
        return
    try:
        polib.pofile(text, wrapwidth=200)
    except (OSError, ValueError):
        return  # parse_po_file turns these into a rejection with a line


TARGETS = {"markdown": markdown, "front_matter": front_matter, "po_syntax": po_syntax}

if __name__ == "__main__":
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
