"""The layout a newcomer reads: page models know nothing of the features built on them, the packages
import each other in one direction only, and no module grows past what one can read at once."""

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("pages", "home", "cms")

# The models layer: the page types and the blocks of their bodies.
MODELS_LAYER = ("pages.models", "pages.blocks", "home.models", "home.blocks")
# Features built on the models. The body's blocks may use the live services' and the help boxes'
# own blocks (content parts, pages/live/ and pages/help/), never these.
FEATURES = (
    "pages.translation", "pages.review", "pages.feedback", "pages.preview", "pages.delivery",
    "pages.api.v2", "pages.api.v3", "pages.api.translations", "pages.api.routing", "pages.api.count_cache",
    "pages.site_setup", "pages.importers", "pages.backup", "pages.search", "cms",
)
# Below every layer: the one module that touches libraries' private parts (it imports none of ours).
FOUNDATION = ("cms.compat",)
MAX_LINES = 500


def module_name(path, root):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path, root):
    """(imported module, line) for every import of `path`, at module level or inside a function."""
    module = module_name(path, root)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            yield target, node.lineno
            for alias in node.names:  # `from pages import review` imports pages.review
                yield f"{target}.{alias.name}", node.lineno


def source_files(root, sources=SOURCES):
    for source in sources:
        for path in sorted((root / source).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def package_of(module):
    """The package a module belongs to: `pages.<x>`, `cms.<x>`, or `home`."""
    parts = module.split(".")
    if parts[0] == "home" or len(parts) == 1:
        return parts[0]
    if parts[:3] == ["pages", "api", "fields"]:
        return "pages.api.fields"  # the API's field shapes, which the page models use
    return ".".join(parts[:2])


def within(module, prefixes):
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def upward_imports(root, sources=SOURCES):
    """'file:line imports module' for each import from the models layer into a feature package."""
    found = []
    for path in source_files(root, sources):
        if not within(module_name(path, root), MODELS_LAYER):
            continue
        for target, line in imports_of(path, root):
            if within(target, FEATURES) and not within(target, FOUNDATION):
                found.append(f"{path.relative_to(root)}:{line} imports {target}")
    return sorted(set(found))


def package_graph(root, sources=SOURCES):
    graph = defaultdict(set)
    for path in source_files(root, sources):
        source = package_of(module_name(path, root))
        for target, _line in imports_of(path, root):
            if target.split(".")[0] in sources and package_of(target) != source:
                graph[source].add(package_of(target))
    return graph


def cycles(graph):
    """Every elementary cycle's packages (as a sorted tuple), found by depth-first search."""
    found = set()

    def visit(node, trail):
        for successor in graph.get(node, ()):
            if successor in trail:
                found.add(tuple(sorted(trail[trail.index(successor):])))
            elif len(trail) < 12:
                visit(successor, [*trail, successor])

    for start in list(graph):
        visit(start, [start])
    return sorted(found)


def test_the_page_models_import_no_feature_built_on_them():
    assert upward_imports(ROOT) == []


def test_no_two_packages_import_each_other_even_through_others():
    assert cycles(package_graph(ROOT)) == []


def test_the_foundation_imports_nothing_of_ours():
    ours = [f"{module} imports {target}" for module in FOUNDATION
            for target, _line in imports_of(ROOT / (module.replace(".", "/") + ".py"), ROOT)
            if target.split(".")[0] in SOURCES]
    assert ours == []


def test_no_module_is_longer_than_one_can_read_at_once():
    long = [f"{p.relative_to(ROOT)}: {n} lines" for p in source_files(ROOT)
            if (n := len(p.read_text().splitlines())) > MAX_LINES]
    assert long == []


def write(root, path, text):
    target = root / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text)


@pytest.fixture
def tangled_tree(tmp_path):
    """A small tree with the two faults the checks above look for."""
    write(tmp_path, "pages/__init__.py", "")
    write(tmp_path, "pages/models/__init__.py", "")
    write(tmp_path, "pages/models/section.py",
          "def cards():\n    from pages.translation.public import section_children\n")
    write(tmp_path, "pages/translation/__init__.py", "")
    write(tmp_path, "pages/translation/public.py", "from ..review import outcomes\n")
    write(tmp_path, "pages/review/__init__.py", "")
    write(tmp_path, "pages/review/outcomes.py", "from pages import translation\n")
    return tmp_path


def test_an_import_inside_a_model_function_is_found_with_its_file_and_line(tangled_tree):
    assert upward_imports(tangled_tree, ("pages",)) == [
        "pages/models/section.py:2 imports pages.translation.public",
        "pages/models/section.py:2 imports pages.translation.public.section_children",
    ]


def test_two_features_importing_each_other_are_a_cycle(tangled_tree):
    assert ("pages.review", "pages.translation") in cycles(package_graph(tangled_tree, ("pages",)))
