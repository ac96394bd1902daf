"""Offline translation with PO files: export, translate, import, review."""

import io
import os
import shutil
import subprocess

from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Revision
from wagtail_localize.models import StringTranslation

import polib
import pytest

from pages.blocks import BodyStreamBlock
from pages.translation.po import export_pos, import_po_dir

from .translation_helpers import add_french_guide, every_block_body, po_for, translate_po

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        Revision.objects.count(),
        sorted(StringTranslation.objects.values_list("pk", "data", "updated_at", "has_error")),
    )


@pytest.fixture
def every_block_guide(site_tree, admin_user):
    return add_french_guide(site_tree.sections["creatives"], admin_user, body=every_block_body(site_tree.space_fr))


def _publish_english(page_fr, locale, user):
    english = page_fr.get_translation(locale).specific
    english.latest_revision.publish(user=user)
    english.refresh_from_db()
    return english


def test_the_test_page_uses_every_block_type_of_the_body(every_block_guide):
    used = {child.block_type for child in every_block_guide.body}
    assert used == set(BodyStreamBlock().child_blocks)


def test_export_writes_one_po_file_per_french_page_with_page_id_and_source_url(site_tree, tmp_path):
    paths = export_pos(site_tree.en, tmp_path)
    po = polib.pofile(str(po_for(tmp_path, site_tree.space_fr)))
    assert len(paths) == len({p.name for p in paths})
    assert po.metadata["X-Studiobib-Page-ID"] == str(site_tree.space_fr.pk)
    assert po.metadata["X-Studiobib-Source-URL"].endswith(site_tree.space_fr.url)
    assert po.metadata["Language"] == "en"
    assert ("title", site_tree.space_fr.title, site_tree.space_en.title) in {(e.msgctxt, e.msgid, e.msgstr) for e in po}


def test_round_trip_with_no_edits_changes_nothing(site_tree, every_block_guide, tmp_path):
    export_pos(site_tree.en, tmp_path)
    before = _snapshot()
    results = import_po_dir(tmp_path)
    assert results and all(r.ok for r in results)
    assert sum(r.changed for r in results) == 0
    assert _snapshot() == before


def test_every_block_type_round_trips_segment_by_segment_keeping_lists_links_and_markup(
    site_tree, every_block_guide, admin_user, tmp_path
):
    export_pos(site_tree.en, tmp_path)
    translate_po(po_for(tmp_path, every_block_guide))

    [result] = [r for r in import_po_dir(tmp_path, user=admin_user) if r.changed]
    assert result.ok and result.page.pk == every_block_guide.pk
    english = _publish_english(every_block_guide, site_tree.en, admin_user)

    assert [b.block_type for b in english.body] == [b.block_type for b in every_block_guide.body]
    body = {b.block_type: b.value for b in english.body}
    paragraph = body["paragraph"].source
    assert paragraph.startswith("<ul><li>EN:Premier <b>point</b></li><li>EN:Second point avec ")
    assert f'<a id="{site_tree.space_fr.pk}" linktype="page">un lien</a>' in paragraph
    assert '<a href="https://example.org/guide">lien externe</a>' in paragraph
    assert body["heading"]["text"] == "EN:Avant de commencer"
    assert body["image"]["alt"] == "EN:Une buse vue de près"
    assert body["image"]["caption"] == "EN:La buse chauffante"
    assert body["image"]["image"].pk == every_block_guide.body[2].value["image"].pk
    assert body["callout"]["body"].source == "<p>EN:La buse atteint <b>220 °C</b>.</p>"
    assert [c.source for c in body["table"]["rows"][1]["cells"]] == [
        "<p>EN:Plastique souple</p>", "<p>EN:Deux cent vingt degrés</p>"]
    assert body["steps"]["steps"][0]["image_alt"] == "EN:Le bouton vert allumé"
    assert body["card_grid"]["cards"][0]["title"] == "EN:Le studio"
    assert body["document"]["label"] == "EN:Fiche de sécurité"
    assert body["video"]["transcript"].source == "<p>EN:On voit la machine imprimer.</p>"
    assert body["embed"]["title"] == "EN:Schéma interactif"
    assert body["code"]["code"] == "G28 ; retour à l'origine\nM104 S220", "code is never translated"
    assert body["code"]["caption"] == "EN:Préchauffage"
    assert body["quote"]["quote"] == "EN:Apprendre en faisant."
    assert body["live_data"]["title"] == "EN:Machines libres"
    assert body["live_data"]["parameters"][0]["value"] == "imprimante-1", "live-data parameters stay as they are"
    assert body["details"]["summary"] == "EN:Et si la pièce se décolle ?"
    assert body["details"]["body"][0].value.source == "<p>EN:Nettoyez la buse après usage.</p>"
    assert [tab["label"] for tab in body["tabs"]["tabs"]] == ["EN:Windows", "EN:macOS"]


@pytest.mark.parametrize("page_name", ["home_fr", "mission_fr", "space_fr", "guide_fr", "section"])
def test_each_page_type_takes_po_edits_as_a_draft_and_its_live_page_waits_for_review(
    site_tree, admin_user, tmp_path, page_name
):
    page_fr = site_tree.sections["espaces"] if page_name == "section" else getattr(site_tree, page_name)
    english_before = page_fr.get_translation(site_tree.en).specific
    export_pos(site_tree.en, tmp_path)
    path = po_for(tmp_path, page_fr)
    translate_po(path, lambda e: "Reviewed title" if e.msgctxt == "title" else e.msgstr)

    [result] = [r for r in import_po_dir(tmp_path, user=admin_user) if r.changed]
    assert result.path == path and result.changed == 1
    english = page_fr.get_translation(site_tree.en).specific
    assert english.title == english_before.title, "the live English page is unchanged until review"
    assert english.get_latest_revision_as_object().title == "Reviewed title"
    assert english.has_unpublished_changes


def test_import_command_reports_each_file_and_exits_nonzero_when_one_is_rejected(site_tree, admin_user, tmp_path):
    call_command("export_po", "--locale", "en", "--output", str(tmp_path), stdout=io.StringIO())
    good = po_for(tmp_path, site_tree.mission_fr)
    translate_po(good, lambda e: "Our real mission" if e.msgctxt == "title" else e.msgstr)
    bad = po_for(tmp_path, site_tree.space_fr)
    bad.write_text(bad.read_text(encoding="utf-8").replace(f'msgid "{site_tree.space_fr.title}"', 'msgid "Studio disparu"'),
                   encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 9 file"):
        call_command("import_po", str(tmp_path), stdout=out, stderr=err)
    assert f"{bad}:" in err.getvalue() and "Studio disparu" in err.getvalue()
    assert f"{good}: 1 segment(s) updated" in out.getvalue()
    english = site_tree.mission_fr.get_translation(site_tree.en).specific
    assert english.get_latest_revision_as_object().title == "Our real mission"


# Bad files: reported with file and line, nothing of the file applied --------------------------


def _bad_file(site_tree, tmp_path, corrupt):
    """Export the space page, make one good edit and one bad one, return the path and line of the bad one."""
    export_pos(site_tree.en, tmp_path)
    path = po_for(tmp_path, site_tree.space_fr)
    for other in tmp_path.glob("*.po"):
        if other != path:
            other.unlink()
    translate_po(path, lambda e: "Sound studio" if e.msgctxt == "title" else e.msgstr)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = corrupt(lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, line


def _line_of(lines, needle):
    return next(i for i, text in enumerate(lines) if needle in text)


def _assert_rejected_untouched(site_tree, tmp_path, path, line, message):
    before = _snapshot()
    [result] = import_po_dir(tmp_path)
    assert not result.ok
    assert any(p.line == line and str(p.path) == str(path) and message in p.message for p in result.problems), \
        [str(p) for p in result.problems]
    assert _snapshot() == before, "nothing from a rejected file is applied"
    english = site_tree.space_fr.get_translation(site_tree.en).specific
    assert english.get_latest_revision_as_object().title == "Podcast studio"


def test_a_malformed_file_is_rejected_with_its_line(site_tree, tmp_path):
    def corrupt(lines):
        i = _line_of(lines, 'msgstr "One of the four')
        lines[i] = 'msgstr "One of the four microphones is being repaired.'  # unterminated string
        return i + 1

    path, line = _bad_file(site_tree, tmp_path, corrupt)
    _assert_rejected_untouched(site_tree, tmp_path, path, line, "syntaxe invalide")


def test_a_file_for_an_unknown_page_is_rejected(site_tree, tmp_path):
    def corrupt(lines):
        i = _line_of(lines, "X-WagtailLocalize-TranslationID")
        lines[i] = '"X-WagtailLocalize-TranslationID: 00000000-0000-0000-0000-000000000000\\n"'
        return i + 1

    path, line = _bad_file(site_tree, tmp_path, corrupt)
    _assert_rejected_untouched(site_tree, tmp_path, path, line, "page inconnue")


def test_an_unknown_segment_is_rejected_with_its_line(site_tree, tmp_path):
    def corrupt(lines):
        i = _line_of(lines, 'msgid "Lundi au vendredi"')
        lines[i] = 'msgid "Lundi au samedi"'
        return i  # the entry starts at its msgctxt line

    path, line = _bad_file(site_tree, tmp_path, corrupt)
    _assert_rejected_untouched(site_tree, tmp_path, path, line, "segment inconnu")


def test_a_translation_with_a_link_missing_from_the_french_is_rejected(site_tree, tmp_path):
    def corrupt(lines):
        i = _line_of(lines, 'msgstr "Bring an SD card')
        lines[i] = 'msgstr "Bring an <a id=\\"a9\\">SD card</a>."'
        return _line_of(lines, 'msgid "Apportez une carte SD')  # the entry starts at its msgctxt line

    path, line = _bad_file(site_tree, tmp_path, corrupt)
    _assert_rejected_untouched(site_tree, tmp_path, path, line, "traduction invalide")


@pytest.mark.parametrize(("args", "message"), [
    (["export_po", "--locale", "de", "--output", "x"], "Unknown locale 'de'"),
    (["export_po", "--locale", "fr", "--output", "x"], "'fr' is the source language"),
    (["import_po", "/nonexistent-folder"], "not a folder"),
])
def test_commands_explain_bad_arguments(site_tree, args, message):
    with pytest.raises(CommandError, match=message):
        call_command(*args, stdout=io.StringIO())


def test_import_of_an_empty_folder_is_an_error(site_tree, tmp_path):
    with pytest.raises(CommandError, match="no .po file"):
        call_command("import_po", str(tmp_path), stdout=io.StringIO())


def test_identical_strings_in_one_field_give_one_po_entry_that_translates_both(site_tree, admin_user, tmp_path):
    page = add_french_guide(site_tree.sections["creatives"], admin_user,
                            prerequisites="<ul><li>Oui</li><li>Non</li><li>Oui</li></ul>")
    export_pos(site_tree.en, tmp_path)
    path = po_for(tmp_path, page)
    entries = [e for e in polib.pofile(str(path)) if e.msgctxt == "prerequisites"]
    assert [e.msgid for e in entries] == ["Oui", "Non"]
    if shutil.which("msgfmt"):
        checked = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)],  # noqa: S603, S607
                                 capture_output=True, text=True, check=False)
        assert checked.returncode == 0 and "warning" not in checked.stderr, checked.stderr
    translate_po(path, lambda e: {"Oui": "Yes", "Non": "No"}.get(e.msgid, "en-" + e.msgid))
    import_po_dir(tmp_path, user=admin_user)
    english = page.get_translation(site_tree.en).specific.get_latest_revision_as_object()
    assert english.prerequisites == "<ul><li>Yes</li><li>No</li><li>Yes</li></ul>"
