"""An unchanged re-run confirms each page from its memo without reading its doc again, and any change
the importer could see (a doc, an image of the same size, a data file, the rules) is seen."""

import io
import json
import os
import shutil
from pathlib import Path

from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest
from PIL import Image

from pages.importers.docusaurus.memo import known_steps, site_fingerprint
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.rules import DEFAULT_RULES, SECTION, Rule
from pages.importers.docusaurus.writer import Importer
from pages.importers.models import ImportMemo
from pages.models import SpacePage

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
STUDIO = "docs/01-espaces/01-studio.md"


@pytest.fixture
def site(tmp_path):
    target = tmp_path / "site"
    shutil.copytree(MINISITE, target)
    return target


def rerun(path, user, **options):
    """What `manage.py import_docusaurus` does: the memos' steps first, then the import."""
    plan = build_plan(path, rules=options.pop("rules", None), known_steps=known_steps())
    importer = Importer(plan, user=user, publish=True, **options)
    return importer, importer.run()


def parsed_docs(importer):
    return sorted(r.rel_path for r in importer.plan.docs.values() if "tree" in r.parsed.__dict__)


def png(color):
    out = io.BytesIO()
    Image.new("RGB", (8, 8), color).save(out, "PNG")
    return out.getvalue()


def test_an_unchanged_rerun_reads_no_doc_again_and_reports_what_a_full_run_reports(site_tree, admin_user, site):
    first, first_report = rerun(site, admin_user)
    assert first_report.ok and first.confirmed == set()
    again, report = rerun(site, admin_user)
    docs = {n.key for n in again.plan.walk() if n.doc is not None}
    assert again.confirmed == docs
    assert parsed_docs(again) == []  # neither planned nor mapped from the Markdown
    assert report.counts()["unchanged"] == first_report.counts()["created"] + first_report.counts()["unchanged"]
    _forced, forced_report = rerun(site, admin_user, force=True)  # --force maps every doc again
    assert _forced.confirmed == set()
    assert [(e.code, e.file, e.line, e.message) for e in report.entries] == \
        [(e.code, e.file, e.line, e.message) for e in forced_report.entries]


def test_a_changed_doc_is_read_and_updated(site_tree, admin_user, site):
    rerun(site, admin_user)
    doc = site / STUDIO
    doc.write_text(doc.read_text(encoding="utf-8").replace("quatre personnes", "six personnes"), encoding="utf-8")
    again, report = rerun(site, admin_user)
    assert [o.source for o in report.updated] == [STUDIO]
    assert "six personnes" in SpacePage.objects.get(source_path=STUDIO).body[0].value.source
    assert again.confirmed == set()  # a changed doc may change the links of every other one


def test_an_image_replaced_by_another_of_the_same_size_is_seen(site_tree, admin_user, site):
    image = site / "static" / "img" / "studio.png"
    image.write_bytes(png((200, 10, 10)))
    rerun(site, admin_user)
    before = SpacePage.objects.get(source_path=STUDIO).hero_image.file_hash
    replacement = next(data for data in (png((r, 10, 10)) for r in range(256)) if len(data) == image.stat().st_size
                       and data != image.read_bytes())
    stat = image.stat()
    image.write_bytes(replacement)
    os.utime(image, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with its old modification time
    again, report = rerun(site, admin_user)
    assert STUDIO in {o.source for o in report.updated}
    assert SpacePage.objects.get(source_path=STUDIO).hero_image.file_hash != before


def test_a_new_sidebar_label_or_data_file_maps_every_doc_again(site_tree, admin_user, site):
    rerun(site, admin_user)
    category = site / "docs" / "01-espaces" / "_category_.json"
    data = json.loads(category.read_text(encoding="utf-8"))
    data["label"] = "Nos espaces"
    category.write_text(json.dumps(data), encoding="utf-8")
    again, _report = rerun(site, admin_user)
    assert again.confirmed == set()


def test_other_rules_map_every_doc_again(site_tree, admin_user, site):
    rerun(site, admin_user)
    again, _report = rerun(site, admin_user, rules=[Rule(SECTION, path="outils/*"), *DEFAULT_RULES])
    assert again.confirmed == set()


def test_a_page_deleted_in_the_cms_is_created_again(site_tree, admin_user, site):
    rerun(site, admin_user)
    studio = SpacePage.objects.get(source_path=STUDIO)
    studio.delete()
    assert not ImportMemo.objects.filter(page_id=studio.pk).exists()
    _again, report = rerun(site, admin_user)
    assert [o.source for o in report.created] == [STUDIO]
    assert SpacePage.objects.filter(source_path=STUDIO).exists()


def test_a_page_imported_again_from_another_copy_is_not_confirmed_by_an_old_memo(site_tree, admin_user, site):
    rerun(site, admin_user)
    studio = SpacePage.objects.get(source_path=STUDIO)
    SpacePage.objects.filter(pk=studio.pk).update(source_hash="0" * 64)  # another run wrote the page since
    again, _report = rerun(site, admin_user)
    assert STUDIO not in again.confirmed


def test_a_dry_run_leaves_no_memo_and_a_failed_doc_gets_none(site_tree, admin_user, site):
    rerun(site, admin_user, dry_run=True)
    assert not ImportMemo.objects.exists()
    (site / "docs" / "casse.md").write_text(
        "---\ntitle: Cassé\npage_type: space\ncapacity: 100000000000000000000000\n---\n\nTexte.\n", encoding="utf-8")
    _importer, report = rerun(site, admin_user)
    assert [o.source for o in report.failed] == ["docs/casse.md"]
    memo_pages = set(ImportMemo.objects.values_list("page_id", flat=True))
    assert memo_pages and not Page.objects.filter(pk__in=memo_pages, title="Cassé").exists()
    again, report = rerun(site, admin_user)
    assert [o.source for o in report.failed] == ["docs/casse.md"]  # still reported, still failing


def test_an_unchanged_rerun_writes_nothing(site_tree, admin_user, site):
    rerun(site, admin_user)
    rerun(site, admin_user)  # the memos written after the first
    revisions, images = Revision.objects.count(), get_image_model().objects.count()
    memos = dict(ImportMemo.objects.values_list("page_id", "updated_at"))
    rerun(site, admin_user)
    assert (Revision.objects.count(), get_image_model().objects.count()) == (revisions, images)
    assert dict(ImportMemo.objects.values_list("page_id", "updated_at")) == memos


def test_the_fingerprint_reads_nothing_through_a_link_leading_out_of_the_site(site_tree, admin_user, site, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("un", encoding="utf-8")
    (site / "static" / "leak.txt").symlink_to(secret)
    plan = build_plan(site)
    before = site_fingerprint(plan)
    secret.write_text("deux", encoding="utf-8")
    assert site_fingerprint(plan) == before
    (site / "static" / "notes.txt").write_text("nouveau", encoding="utf-8")
    assert site_fingerprint(plan) != before


def test_a_doc_in_a_folder_named_like_a_build_folder_still_counts_in_the_fingerprint(site_tree, admin_user, site):
    doc = site / "docs" / "build" / "compiler.md"
    doc.parent.mkdir()
    doc.write_text("---\ntitle: Compiler un projet\n---\n\nTexte.\n", encoding="utf-8")
    _first, report = rerun(site, admin_user)
    assert "docs/build/compiler.md" in {o.source for o in report.created}
    doc.write_text("---\ntitle: Compiler un gros projet\n---\n\nTexte.\n", encoding="utf-8")
    again, _report = rerun(site, admin_user)
    assert again.confirmed == set()  # its new title may change the links of every other doc
