"""The `help` front matter -> a shared help box (``pages/help``) at the end of the page.

On this site the theme (``src/theme/DocItem/Content``) shows ``<CardAide variant={frontMatter.help}>``
after every doc that says ``help: crea`` or ``help: info``; the card's titles, texts and links are a
literal object in the component (``const VARIANTS = {info: {title, text, to}, …}``), read here
statically, as the config is. Each kind becomes one French help box, created by the first import
and then the editors' own: a re-import never overwrites it, so a box corrected in the CMS stays
corrected on every page, and translating it once translates it everywhere.
"""

from __future__ import annotations

from wagtail.models import Locale

from pages.help.models import HelpBox

from .js import Evaluator, JsError
from .safety import PathRefused, contained_file
from .text import esc

# Where a Docusaurus site keeps the help card the theme shows (this site's name and layout).
CARD_FILES = ("src/components/CardAide/index.jsx", "src/components/CardAide/index.js",
              "src/components/CardAide.jsx", "src/components/CardAide.js")
SOURCE = "front matter help"


def read_variants(site, roots):
    """name -> {"title", "text", "to"} from the site's help card, else {} (no card, or unreadable)."""
    for name in CARD_FILES:
        try:
            path = contained_file(site.root / name, roots)
        except PathRefused:
            continue
        if path is None:
            continue
        try:
            evaluator = Evaluator(path.read_text(encoding="utf-8"), path.name)
        except (JsError, OSError, UnicodeDecodeError):
            return {}
        for node in evaluator.scope.values():
            if not hasattr(node, "type"):  # an imported name, not a syntax node
                continue
            try:
                value = evaluator.eval(node)
            except (JsError, ValueError, RecursionError):  # computed: not the table we look for
                continue
            entries = {k: v for k, v in value.items() if k != "__line__"} if isinstance(value, dict) else {}
            if entries and all(isinstance(v, dict) and isinstance(v.get("title"), str) for v in entries.values()):
                return {str(k): {f: str(v.get(f) or "") for f in ("title", "text", "to")} for k, v in entries.items()}
    return {}


class HelpBoxes:
    """The help box of each kind, found by its name in the French locale or created once."""

    def __init__(self, site, resolver, page_id, report):
        self.site = site
        self.resolver = resolver
        self.page_id = page_id
        self.report = report
        self.ids = {}
        self._variants = None

    def variants(self):
        if self._variants is None:
            self._variants = read_variants(self.site, self.resolver.roots)
        return self._variants

    def box_id(self, name):
        name = str(name).strip().lower()[:60]
        if name in self.ids:
            return self.ids[name]
        french = Locale.objects.get(language_code="fr")
        box = HelpBox.objects.filter(name=name, locale=french).first()
        if box is None:
            box = self._create(name, french)
        self.ids[name] = box.pk
        return box.pk

    def _create(self, name, locale):
        variant = self.variants().get(name)
        if variant is None:
            box = HelpBox(name=name, locale=locale, title=name.capitalize() or "Aide")
            self.report.add("help_box_unknown", SOURCE, 0,
                            f"Encadré d'aide « help: {name} » : texte introuvable dans le thème de l'ancien site ; "
                            "encadré créé vide, à écrire dans « Encadrés d'aide ».")
        else:
            box = HelpBox(name=name, locale=locale, title=variant["title"][:120],
                          text=f"<p>{esc(variant['text'])}</p>" if variant["text"] else "")
            target = variant["to"]
            key = self.resolver.doc_for_url(target, None) if target.startswith("/") else None
            page_id = self.page_id(key) if key else None
            if page_id:
                box.link_page_id = page_id
            elif target.startswith(("http://", "https://")):
                box.link_url = target
            elif target:
                self.report.add("help_box_link_unresolved", SOURCE, 0,
                                f"Encadré d'aide « {name} » : la page « {target} » n'est pas importée ; encadré créé sans lien.")
            self.report.add("help_box_created", SOURCE, 0,
                            f"Encadré d'aide « {name} » créé (menu « Encadrés d'aide ») : il est placé sur chaque page "
                            f"« help: {name} » ; modifiez-le une fois, et traduisez-le.", "info")
        box.full_clean()
        box.save()
        return box
