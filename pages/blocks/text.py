"""Text blocks: headings, paragraphs, quotes and code."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import BlockGroup

GROUP_TEXT = _("Texte")

INLINE_FEATURES = ["bold", "italic", "link", "document-link", "code", "superscript", "subscript"]
RICH_TEXT_FEATURES = [
    "h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link",
    "image", "code", "superscript", "subscript", "strikethrough", "blockquote", "hr",
]


class WordsOnlySearchMixin:
    """Index what readers read, not the labels of choices (« Titre de section (niveau 2) », « Astuce »)."""

    def get_searchable_content(self, value):
        if not self.search_index:
            return []
        content = []
        for name, block in self.child_blocks.items():
            if isinstance(block, blocks.ChoiceBlock):
                continue
            content.extend(block.get_searchable_content(value.get(name, block.get_default())))
        return content


class HeadingBlock(WordsOnlySearchMixin, blocks.StructBlock):
    text = blocks.CharBlock(label=_("Texte du titre"), help_text=_("Le titre tel que les lecteurs le voient."))
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (niveau 2)")), ("h3", _("Sous-titre (niveau 3)")), ("h4", _("Intertitre (niveau 4)"))],
        default="h2",
        help_text=_("Les niveaux doivent se suivre, sans en sauter : lecteurs d'écran et table des matières en dépendent."),
    )
    anchor = blocks.CharBlock(
        label=_("Ancre"),
        required=False,
        help_text=_("Identifiant de lien (#ancre). Laissez vide pour le déduire du texte."),
    )

    class Meta:
        form_layout = BlockGroup(children=["text", "level"], settings=["anchor"])
        icon = "title"
        label = _("Titre")
        group = GROUP_TEXT
        template = "pages/blocks/heading_block.html"
        description = _("Un titre de section, repris dans la table des matières.")
        preview_value = {"text": "Réserver un studio", "level": "h2"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["anchor_id"] = value.get("anchor") or slugify(value.get("text", ""))
        return context

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        data["anchor"] = value.get("anchor") or slugify(value.get("text", ""))
        return data


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Texte enrichi")
        group = GROUP_TEXT
        template = "pages/blocks/paragraph_block.html"
        description = _("Paragraphes, listes et liens.")
        preview_value = "<p>Le studio est ouvert <b>du lundi au vendredi</b>.</p>"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"), help_text=_("Le texte cité, sans guillemets."))
    attribution = blocks.CharBlock(label=_("Source"), required=False, help_text=_("Qui l'a dit ou écrit."))

    class Meta:
        icon = "openquote"
        label = _("Citation")
        group = GROUP_TEXT
        template = "pages/blocks/quote_block.html"
        description = _("Une citation mise en valeur, avec sa source.")
        preview_value = {"quote": "Apprendre en faisant.", "attribution": "L'équipe studio·bib"}


class CodeTextBlock(blocks.FieldBlock):
    """Code is kept verbatim in every language: not a TextBlock, so it is never a translation segment."""

    def __init__(self, required=True, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            strip=False,
            widget=forms.Textarea(attrs={"rows": 8, "style": "font-family: monospace"}),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "code"


class CodeBlock(WordsOnlySearchMixin, blocks.StructBlock):
    language = blocks.ChoiceBlock(
        label=_("Langage"),
        required=False,
        choices=[
            ("", _("Texte brut")), ("bash", "Shell"), ("python", "Python"), ("cpp", "C / C++ (Arduino)"),
            ("javascript", "JavaScript"), ("html", "HTML"), ("css", "CSS"), ("json", "JSON"),
            ("yaml", "YAML"), ("latex", "LaTeX"), ("math", _("Formule mathématique")),
            ("mermaid", _("Diagramme (Mermaid)")), ("gcode", "G-code"), ("sql", "SQL"),
            # Languages of technical documentation (the names Prism and Docusaurus use).
            ("typescript", "TypeScript"), ("jsx", "JSX"), ("tsx", "TSX"), ("java", "Java"), ("kotlin", "Kotlin"),
            ("groovy", "Groovy (Gradle)"), ("csharp", "C#"), ("go", "Go"), ("rust", "Rust"), ("ruby", "Ruby"),
            ("php", "PHP"), ("swift", "Swift"), ("objectivec", "Objective-C"), ("dart", "Dart"),
            ("scala", "Scala"), ("lua", "Lua"), ("perl", "Perl"), ("haskell", "Haskell"), ("elixir", "Elixir"),
            ("julia", "Julia"), ("r", "R"), ("matlab", "MATLAB"), ("powershell", "PowerShell"),
            ("batch", _("Batch (Windows)")), ("xml", "XML"), ("markdown", "Markdown"), ("graphql", "GraphQL"),
            ("protobuf", "Protocol Buffers"), ("toml", "TOML"), ("ini", _("INI (fichier de configuration)")),
            ("dockerfile", "Dockerfile"), ("makefile", "Makefile"), ("nginx", "nginx"), ("diff", "Diff"),
        ],
        help_text=_("Sert à annoncer le langage aux lecteurs ; le code est affiché tel quel."),
    )
    code = CodeTextBlock(label=_("Code"), help_text=_("Copié tel quel, dans toutes les langues."))
    caption = blocks.CharBlock(label=_("Légende"), required=False, help_text=_("Ce que fait ce code, en une phrase."))

    class Meta:
        form_layout = BlockGroup(children=["code", "caption"], settings=["language"])
        icon = "code"
        label = _("Code")
        group = GROUP_TEXT
        template = "pages/blocks/code_block.html"
        description = _("Un extrait de code ou de commande, affiché en police à chasse fixe.")
        preview_value = {"language": "bash", "code": "ssh etudiant@serveur", "caption": ""}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        if value.get("language") == "mermaid":
            # A diagram is shown as what its arrows say, with its source: readable without
            # JavaScript and by screen readers (pages/blocks/diagrams.py).
            from .diagrams import describe_mermaid

            context["diagram_lines"] = describe_mermaid(value.get("code", ""))
        return context

    def get_api_representation(self, value, context=None):
        data = super().get_api_representation(value, context)
        if value.get("language") == "mermaid":
            from .diagrams import describe_mermaid

            data["text_alternative"] = describe_mermaid(value.get("code", ""))
        return data
