"""A whole import of a small Docusaurus site holding one randomly broken doc.

The broken doc is reported with its file and written nowhere (no page, revision, image or
redirect of it); the good doc beside it is imported as usual.
"""

import shutil
from pathlib import Path

from django.db import transaction

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import MODELS, Importer

from .strategies import mdx_doc

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).resolve().parent.parent / "fixtures" / "docusaurus" / "minisite"
# Each example is a full import: a fraction of the profile's examples.
FEW = settings(max_examples=max(3, settings().max_examples // 10))

BREAKERS = st.sampled_from(
    [
        "",  # not broken at all: it must then be imported
        "\n\n![Plan](/img/casse.png)\n",  # an image that is not one
        "\n\n[Fiche](/pdf/absent.pdf)\n",
        "---\npage_type: space\ncapacity: 100000000000000000000000\n---\n\nTexte.\n",  # fails at write time
        "---\ntitle: " + "T" * 400 + "\n---\n",
        "---\nslug: /\n---\n",
        "---\nslug: " + "/tres-long" * 40 + "\n---\n",
    ]
)


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "redirects": Redirect.objects.count(),
    }


def _small_site(root, fuzz_text):
    shutil.copy(MINISITE / "docusaurus.config.js", root / "docusaurus.config.js")
    shutil.copy(MINISITE / "sidebars.js", root / "sidebars.js")
    (root / "static" / "img").mkdir(parents=True)
    shutil.copy(MINISITE / "static" / "img" / "studio.png", root / "static" / "img" / "studio.png")
    (root / "static" / "img" / "casse.png").write_bytes(b"not an image at all")
    (root / "docs").mkdir()
    (root / "docs" / "bon.md").write_text(
        "---\ntitle: Bon\n---\n\nTexte.\n\n![Le studio](/img/studio.png)\n", encoding="utf-8"
    )
    (root / "docs" / "fuzz.mdx").write_text(fuzz_text, encoding="utf-8")


def _import(root, user):
    with transaction.atomic():  # each example starts from the same database
        before = _counts()
        report = Importer(build_plan(root), user=user).run()
        after = _counts()
        mine = (
            Page.objects.filter(title="Bon").count(),
            sum(
                model.objects.filter(source_path="docs/fuzz.mdx").count()
                for model in MODELS.values()
            ),
        )
        redirects_to_fuzz = Redirect.objects.filter(old_path__contains="/fuzz").count()
        transaction.set_rollback(True)
    return report, before, after, mine, redirects_to_fuzz


@FEW
@given(body=mdx_doc(), breaker=BREAKERS)
@example(
    body="Texte.",
    breaker="---\npage_type: space\ncapacity: 100000000000000000000000\n---\n\nTexte.\n",
)
def test_a_broken_doc_is_reported_and_written_nowhere_while_the_others_are_imported(
    site_tree, admin_user, tmp_path_factory, body, breaker
):
    root = tmp_path_factory.mktemp("site")
    text = breaker + "\n" + body if breaker.startswith("---") else body + breaker
    _small_site(root, text)
    report, before, after, (good, fuzz_pages), redirects_to_fuzz = _import(root, admin_user)

    assert good == 1, "the good doc is imported whatever its neighbour holds"
    failed = [o for o in report.failed if o.source == "docs/fuzz.mdx"]
    assert [o.source for o in report.failed] == [o.source for o in failed], (
        "only the broken doc fails"
    )
    if failed:
        assert failed[0].reason.startswith("docs/fuzz.mdx")
        assert any(
            e.where.startswith("docs/fuzz.mdx") and e.level == "error" for e in report.entries
        )
        assert fuzz_pages == 0 and redirects_to_fuzz == 0
        # What the good doc alone adds: one page, its revision, its image, its old address.
        assert after["pages"] - before["pages"] == 1
        assert after["revisions"] - before["revisions"] == 1
        assert after["images"] - before["images"] <= 1
        assert after["redirects"] - before["redirects"] <= 1
    else:
        assert fuzz_pages == 1
        assert after["pages"] - before["pages"] == 2


def test_a_doc_failing_after_its_page_was_created_leaves_no_empty_page(
    site_tree, admin_user, tmp_path
):
    """Regression: a capacity too large for the database failed at write time and left the
    empty page made for it in the tree (pages/importers/docusaurus/tree.py, Tree.discard_shell)."""
    _small_site(
        tmp_path,
        "---\ntitle: Grand\npage_type: space\ncapacity: 100000000000000000000000\n---\n\nTexte.\n",
    )
    report, before, after, (good, fuzz_pages), _ = _import(tmp_path, admin_user)
    assert [o.source for o in report.failed] == ["docs/fuzz.mdx"]
    assert "capacity" in report.failed[0].reason
    assert good == 1 and fuzz_pages == 0
    assert after["pages"] - before["pages"] == 1
