"""The page-type rule table: which Wagtail page type each Docusaurus doc becomes.

Rules are tried in order; the first that matches wins. A rule matches on:

- ``path``: a glob over the doc's path in the docs folder, number prefixes removed
  (``espaces/*`` matches ``espaces/studio.md``; ``**`` crosses folders);
- ``front_matter``: a dict of front matter keys and the values they must have (``"*"`` = any value);
- ``index``: True for a folder's index doc (``index.md``, ``README.md``, ``x/x.md``);
- ``has_children``: True when the sidebar gives the doc child pages (a category's doc);
- ``steps``: True when the doc's level-2 headings are numbered steps (1., 2., … or Étape 1, …).

Front matter ``page_type`` (``section``, ``space``, ``tool_guide``, ``mission``) always wins.
The default table fits the library's site; another site passes its own table with
``import_docusaurus --rules rules.json`` (a JSON list of rule objects, same keys plus ``type``).

Page types are named by these short keys; the writer maps them to models. A child whose type
may not sit under its parent's type is turned into one that may (and reported).
"""

from __future__ import annotations

import fnmatch
import json
from dataclasses import dataclass, field
from pathlib import Path

SECTION, SPACE, TOOL_GUIDE, MISSION = "section", "space", "tool_guide", "mission"
PAGE_TYPES = (SECTION, SPACE, TOOL_GUIDE, MISSION)

# Mirrors the models' subpage_types (a test keeps the two in step).
ALLOWED_CHILDREN = {
    "home": {SECTION, MISSION, SPACE, TOOL_GUIDE},
    SECTION: {SECTION, MISSION, SPACE, TOOL_GUIDE},
    SPACE: {SPACE, TOOL_GUIDE, SECTION},
    TOOL_GUIDE: {TOOL_GUIDE},
    MISSION: set(),
}


@dataclass
class Rule:
    type: str
    path: str | None = None
    front_matter: dict = field(default_factory=dict)
    index: bool | None = None
    has_children: bool | None = None
    steps: bool | None = None
    note: str = ""

    def matches(self, doc_path, front_matter, is_index, has_children, steps=False):
        if self.path is not None and not _glob(doc_path, self.path):
            return False
        if self.index is not None and self.index != is_index:
            return False
        if self.has_children is not None and self.has_children != has_children:
            return False
        if self.steps is not None and self.steps != steps:
            return False
        folded = {str(k).strip().lower(): v for k, v in front_matter.items()}
        for key, expected in self.front_matter.items():
            if key.lower() not in folded:
                return False
            if expected != "*" and str(folded[key.lower()]).strip().lower() != str(expected).lower():
                return False
        return True


def _glob(path, pattern):
    # fnmatch's "*" crosses "/", so "espaces/*" must be checked segment by segment.
    if "**" in pattern:
        return fnmatch.fnmatchcase(path, pattern.replace("**", "*"))
    return len(path.split("/")) == len(pattern.split("/")) and fnmatch.fnmatchcase(path, pattern)


DEFAULT_RULES = [
    Rule(SECTION, index=True, note="L'index d'un dossier (index.md, README.md, x/x.md) est une section."),
    Rule(MISSION, path="**mission*", note="La page de mission."),
    Rule(MISSION, front_matter={"id": "mission"}),
    Rule(TOOL_GUIDE, path="*/guide/**", note="Guides d'utilisation d'un espace."),
    Rule(TOOL_GUIDE, path="**/guide*", note="Guides (« guide… »)."),
    Rule(SPACE, path="espaces/**", note="Les espaces."),
    Rule(TOOL_GUIDE, path="**/logiciels/**", note="Guides de logiciels."),
    Rule(TOOL_GUIDE, path="creatives/*/*", note="Guides des outils de création (un sous-dossier par famille)."),
    Rule(TOOL_GUIDE, steps=True, has_children=False, note="Un mode d'emploi en étapes numérotées."),
    Rule(SECTION, has_children=True, note="Un document qui a des sous-pages est une section."),
    Rule(SECTION, note="Par défaut : page de section (page générale avec contenu)."),
]


def load_rules(path):
    """A rule table from a JSON file (a list of objects with the Rule fields)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rules = []
    for item in data:
        if item.get("type") not in PAGE_TYPES:
            raise ValueError(f"{path}: type de page inconnu {item.get('type')!r} (attendu : {', '.join(PAGE_TYPES)})")
        rules.append(Rule(**{k: v for k, v in item.items() if k in Rule.__dataclass_fields__}))
    return rules


def choose_rule(rules, doc_path, front_matter, is_index, has_children, steps=False):
    """(type, the rule that chose it, or None when the front matter's `page_type` did)."""
    folded = {str(k).strip().lower(): v for k, v in front_matter.items()}
    explicit = str(folded.get("page_type") or "").strip().lower()
    if explicit in PAGE_TYPES:
        return explicit, None
    for rule in rules:
        if rule.matches(doc_path, front_matter, is_index, has_children, steps):
            return rule.type, rule
    return SECTION, None


def choose_type(rules, doc_path, front_matter, is_index, has_children, steps=False):
    return choose_rule(rules, doc_path, front_matter, is_index, has_children, steps)[0]


def describe(rules, rule):
    """« règle 9 (steps=True, has_children=False) : Un mode d'emploi en étapes numérotées. »"""
    criteria = [f"{name}={getattr(rule, name)!r}" for name in ("path", "index", "has_children", "steps")
                if getattr(rule, name) is not None]
    criteria += [f"front_matter.{k}={v!r}" for k, v in rule.front_matter.items()]
    number = next((i for i, r in enumerate(rules, 1) if r is rule), 0)
    return f"règle {number} ({', '.join(criteria) or 'toujours'})" + (f" : {rule.note}" if rule.note else "")


def is_content_guess(rule):
    """A rule that judges by what the doc says (numbered headings), not by where it sits."""
    return rule is not None and rule.steps is not None and rule.path is None and not rule.front_matter


def fit_under(parent_type, child_type):
    """The type the child gets under that parent (its own when allowed)."""
    allowed = ALLOWED_CHILDREN.get(parent_type, set(PAGE_TYPES))
    if child_type in allowed:
        return child_type
    for candidate in (SECTION, TOOL_GUIDE, SPACE):
        if candidate in allowed:
            return candidate
    return None


# --- the home page ---------------------------------------------------------------------------
# Where the site's home is written and which of its components become which home-page row.
# Another site passes its own with ``import_docusaurus --home-rules home.json`` (a JSON object
# with any of these keys; the others keep their default).
DEFAULT_HOME_RULES = {
    # The first file found is read; a page that only renders a component of src/components/ is followed.
    "sources": ["src/pages/index.js", "src/pages/index.jsx", "src/pages/index.tsx", "src/pages/index.ts",
                "src/components/PageAccueil/index.jsx"],
    # Components shown as featured cards (attributes title, href/to/link, description/text, image, moreText).
    "featured_components": ["CardBib", "CardImage", "CardMedia", "Card"],
    # Components that show the next workshops.
    "workshops_components": ["ProchainsAteliers"],
    # An element whose class names contain one of these words is a notice (its heading and text).
    "notice_classes": ["notice", "avis", "alert"],
    # An element whose class names contain one of these words introduces the spaces (heading, text).
    "spaces_classes": ["spaces", "espaces"],
    # `list.map(...)` of objects with a title, a link and an image: a row of hero cards.
    "hero_cards_from_lists": True,
    # Close the home with a card per section (their summary and image).
    "section_cards": True,
    "section_cards_heading": "Explorer",
}


def load_home_rules(path):
    """The home rules of a JSON file merged over the defaults; unknown keys are an error."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: un objet JSON est attendu (clés : {', '.join(DEFAULT_HOME_RULES)})")
    unknown = sorted(set(data) - set(DEFAULT_HOME_RULES))
    if unknown:
        raise ValueError(f"{path}: clé(s) inconnue(s) {', '.join(unknown)} (attendu : {', '.join(DEFAULT_HOME_RULES)})")
    for key, value in data.items():
        if type(value) is not type(DEFAULT_HOME_RULES[key]):
            raise ValueError(f"{path}: « {key} » doit être du même type que sa valeur par défaut "
                             f"({type(DEFAULT_HOME_RULES[key]).__name__})")
    return {**DEFAULT_HOME_RULES, **data}


# --- the catalogues ---------------------------------------------------------------------------
# Which MDX components and data files of the old site are a catalogue (pages/catalogues): the
# component becomes the catalogue block, each data file's rows its entries. Another site passes its
# own with ``import_docusaurus --catalogue-rules catalogues.json`` (any of these keys).
SOFTWARE, MODELS_3D = "software", "models3d"
DEFAULT_CATALOGUE_RULES = {
    # Component -> the catalogue it showed (it read its data file itself).
    "components": {"LogicielCatalogue": SOFTWARE},
    # Data file, as the old site served it (``<DataTable src="/data/modeles3d.csv" />``) -> catalogue.
    "files": {"/data/logiciels.csv": SOFTWARE, "/data/modeles3d.csv": MODELS_3D},
}
CATALOGUES = (SOFTWARE, MODELS_3D)


def load_catalogue_rules(path):
    """The catalogue rules of a JSON file merged over the defaults; unknown keys or catalogues are an error."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: un objet JSON est attendu (clés : {', '.join(DEFAULT_CATALOGUE_RULES)})")
    unknown = sorted(set(data) - set(DEFAULT_CATALOGUE_RULES))
    if unknown:
        raise ValueError(f"{path}: clé(s) inconnue(s) {', '.join(unknown)} (attendu : {', '.join(DEFAULT_CATALOGUE_RULES)})")
    for key, value in data.items():
        if not isinstance(value, dict) or not all(isinstance(k, str) and v in CATALOGUES for k, v in value.items()):
            raise ValueError(f"{path}: « {key} » doit associer des noms à un catalogue ({', '.join(CATALOGUES)})")
    return {**DEFAULT_CATALOGUE_RULES, **data}
