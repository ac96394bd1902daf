"""Code languages of technical docs, and guessed page types that invent nothing."""

import pytest

from pages.blocks.text import CodeBlock
from pages.importers.docusaurus.mapper import CODE_LANGUAGES
from pages.importers.docusaurus.rules import TOOL_GUIDE

from .test_importer_mapper import body, codes, draft_text
from .test_importer_site_config import write

LANGUAGES = ["java", "tsx", "dockerfile", "toml", "gradle", "kotlin", "go", "rust", "ruby", "php", "diff", "ini",
             "makefile", "csharp", "swift", "r", "matlab", "graphql", "nginx", "protobuf", "ts", "xml", "powershell"]


def test_every_mapped_language_is_a_choice_of_the_code_block():
    choices = {value for value, _label in CodeBlock().child_blocks["language"].field.choices}
    assert set(CODE_LANGUAGES.values()) <= choices


@pytest.mark.parametrize("lang", LANGUAGES)
def test_common_languages_keep_their_name(lang):
    d = draft_text(f"# Code\n\n```{lang} title=\"exemple\"\nx = 1\n```\n")
    (block,) = [b["value"] for b in body(d) if b["type"] == "code"]
    assert block["language"] and block["language"] == CODE_LANGUAGES[lang]
    assert block["caption"] == "exemple"
    assert "code_language_unknown" not in [c for c, _ in codes(d)]


def test_a_guide_gets_no_invented_category_or_level():
    d = draft_text("# Commandes\n\n## 1. Installer\n\nA.\n", TOOL_GUIDE)
    assert (d.fields["category"], d.fields["skill_level"]) == ("", "")
    d = draft_text("---\ntitle: Soudure\ncatégorie: Électronique\nniveau: intermediate\n---\nTexte.\n", TOOL_GUIDE)
    assert (d.fields["category"], d.fields["skill_level"]) == ("electronics", "intermediate")


@pytest.mark.django_db
def test_a_guessed_guide_shows_no_invented_field_and_keeps_its_code(tmp_path, site_tree, admin_user, client):
    from pages.importers.docusaurus.plan import build_plan
    from pages.importers.docusaurus.writer import Importer
    from pages.models import ToolGuidePage

    write(tmp_path, {"docs/commandes.md": "# Commandes\n\nRéférence.\n\n## 1. Installer\n\n```bash\npip install x\n```\n\n"
                                          "## 2. Lancer\n\n```bash\nx --serve\n```\n"})
    report = Importer(build_plan(tmp_path), user=admin_user, publish=True).run()
    assert report.ok
    page = ToolGuidePage.objects.get(source_path="docs/commandes.md")
    assert (page.category, page.skill_level) == ("", "")
    assert [b.block_type for b in page.body] == ["paragraph", "heading", "code", "heading", "code"]
    html = client.get(page.url).content.decode()
    assert "Catégorie" not in html and "Niveau" not in html
    assert "<code>pip install x</code>" in html and 'data-language="bash"' in html


def test_a_category_named_in_french_is_found_whatever_language_is_active():
    from django.utils import translation

    for language in ("fr", "en"):
        with translation.override(language):
            d = draft_text("---\ntitle: Soudure\ncatégorie: Électronique\n---\nTexte.\n", TOOL_GUIDE)
            assert d.fields["category"] == "electronics"
            d = draft_text("---\ntitle: Soudure\ncategory: Electronics\n---\nTexte.\n", TOOL_GUIDE)
            assert d.fields["category"] == "electronics"
