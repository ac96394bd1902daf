"""The old site's catalogue components and data files: the catalogue block on the page, one entry
per good row (idempotent, linked to the imported guides), every bad row reported with its line."""

import json
import os
import shutil
from pathlib import Path

from django.conf import settings

import pytest

from pages.catalogues.models import ModelSource, Software
from pages.importers.docusaurus.catalogues import read_rows
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.rules import load_catalogue_rules
from pages.importers.docusaurus.writer import Importer
from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage

from .test_importer_mapper import body, codes, draft_text

CORPUS = Path(os.environ.get("DOCUSAURUS_CORPUS") or settings.BASE_DIR.parent / "shared" / "corpus" / "techno")
DATA = CORPUS / "static" / "data"
MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
HEADER = "nom,categorie,description,libre,telechargement,distance,lien,bibliotheques\n"
MODELS = (SectionPage, SpacePage, ToolGuidePage, MissionPage)
corpus_only = pytest.mark.skipif(not DATA.is_dir(), reason=f"corpus data not found at {DATA}")


@corpus_only
def test_every_program_and_source_of_the_real_files_is_read():
    software = read_rows((DATA / "logiciels.csv").read_bytes(), "software")
    assert software.problems == []
    assert len(software.rows) == 74
    ableton = next(r for r in software.rows if r.key == "ableton-live-suite-12")
    assert ableton.values["category"] == "Création et édition" and ableton.guide == "/informatique/logiciels/ableton"
    acrobat = next(r for r in software.rows if r.values["name"] == "Abbyy FineReader")
    assert acrobat.values["libraries"] == "Lettres et sciences humaines\nHubert-Reeves"
    sources = read_rows((DATA / "modeles3d.csv").read_bytes(), "models3d")  # starts with a BOM
    assert sources.problems == []
    assert len(sources.rows) == 31
    assert sources.rows[0].values == {"name": "Thingiverse", "url": "https://www.thingiverse.com/", "kind": "Dépôt",
                                      "pricing": "free"}


def test_malformed_rows_are_reported_with_their_line_and_what_was_expected():
    data = (HEADER
            + "Gimp,Création,Retouche,Oui,Oui,Non,,Musique\n"
            + "Trop court,Bureautique\n"
            + "Excel,Bureautique,Tableur,Peut-être,Non,Oui,,\n"
            + ",Bureautique,Sans nom,Non,Non,Non,,\n"
            + "gimp,Création,Doublon,Oui,Oui,Non,,\n"
            + '"R\nmultiligne",Sciences,Stats,Oui,Oui,Oui,,\n'
            + "Sans catégorie,,x,Non,Non,Non,,\n").encode()
    result = read_rows(data, "software")
    assert [r.key for r in result.rows] == ["gimp", "r-multiligne"]
    problems = {line: message for line, _code, message in result.problems}
    assert sorted(problems) == [3, 4, 5, 6, 9]
    assert "8 colonnes attendues" in problems[3] and "2 trouvées" in problems[3]
    assert "« libre » : Oui ou Non attendu, « Peut-être » trouvé" in problems[4]
    assert "un nom attendu" in problems[5]
    assert "figure déjà à la ligne 2" in problems[6]
    assert "une catégorie attendue" in problems[9]


@pytest.mark.parametrize(("data", "expected"), [
    (b"\xff\xfe n\x00o\x00m", "UTF-8 attendu"),
    (b"", "Fichier vide"),
    (b"nom,categorie\nGimp,x\n", "manquantes : description, libre"),
    (HEADER.encode() + b"A,b,c,Oui,Oui,Oui,,\x00\n", "caractère nul"),
    (b"x" * 2_000_001, "Mo : non lu"),
])
def test_a_file_that_cannot_be_read_is_reported_not_imported(data, expected):
    result = read_rows(data, "software")
    assert result.rows == []
    assert expected in result.problems[0][2]


def test_a_3d_source_needs_a_web_link_and_a_known_price():
    data = ("Noms,Types,Gratuit/Payant\n[Bon](https://bon.example/),Dépôt,Gratuit\n"
            "[Piège](javascript:alert(1)),Dépôt,Gratuit\nSans lien,Dépôt,Payant\n[Mal fermé(https://x.example/),Dépôt,Payant\n[Cher](https://cher.example/),Marché,Hors de prix\n").encode()
    result = read_rows(data, "models3d")
    assert [(r.key, r.values["url"]) for r in result.rows] == [("bon", "https://bon.example/"), ("sans-lien", "")]
    problems = {line: message for line, _code, message in result.problems}
    assert sorted(problems) == [3, 5, 6]
    assert "adresse http:// ou https:// attendue" in problems[3]
    assert "un lien [Nom](https://…), attendu" in problems[5]
    assert "Gratuit, Payant ou Gratuit/Payant attendu" in problems[6]


def test_the_catalogue_components_become_the_catalogue_block():
    d = draft_text('---\ntitle: Modèles\n---\n\nimport DataTable from "@site/src/components/DataTable";\n\n'
                   '<DataTable src="/data/modeles3d.csv" />\n\n<LogicielCatalogue />\n\n<DataTable src="/data/autre.csv" />\n')
    catalogues = [b["value"] for b in body(d) if b["type"] == "catalogue"]
    assert catalogues == [{"catalogue": "models3d", "title": ""}, {"catalogue": "software", "title": ""}]
    assert "component_unmapped" in [code for code, _line in codes(d)]
    assert not any(code == "component_unmapped" and line in (7, 9) for code, line in codes(d))


def test_catalogue_rules_are_checked(tmp_path):
    path = tmp_path / "catalogues.json"
    path.write_text(json.dumps({"files": {"/donnees/outils.csv": "software"}}), encoding="utf-8")
    rules = load_catalogue_rules(path)
    assert rules["files"] == {"/donnees/outils.csv": "software"}
    assert rules["components"] == {"LogicielCatalogue": "software"}
    path.write_text(json.dumps({"fichiers": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="clé"):
        load_catalogue_rules(path)
    path.write_text(json.dumps({"files": {"/x.csv": "recettes"}}), encoding="utf-8")
    with pytest.raises(ValueError, match="catalogue"):
        load_catalogue_rules(path)


def _site(tmp_path, software=None, sources=None):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    (site / "static" / "data").mkdir()
    if software is not None:
        (site / "static" / "data" / "logiciels.csv").write_text(software, encoding="utf-8")
    if sources is not None:
        (site / "static" / "data" / "modeles3d.csv").write_text(sources, encoding="utf-8")
    return site


def _entries(report, code):
    return [e for e in report.entries if e.code == code]


SMALL = (HEADER + "Bambu Studio,Impression 3D,Tranchage,Oui,Oui,Non,/docs/materiel/imprimante-3d,Musique;Santé\n"
         + "Excel,Bureautique,Tableur,Non,Non,Oui,/docs/nulle-part,\n"
         + "Piège,Bureautique,x,Non,Non,Non,javascript:alert(1),\n"
         + "Cassé,Bureautique\n")


@pytest.mark.django_db
def test_rows_become_entries_linked_to_the_imported_guides_and_bad_rows_are_reported(site_tree, role_users, tmp_path):
    site = _site(tmp_path, SMALL, "Noms,Types,Gratuit/Payant\n[Thingiverse](https://www.thingiverse.com/),Dépôt,Gratuit\n")
    report = Importer(build_plan(site), user=role_users["Révision"], publish=True).run()
    assert not report.failed
    bambu = Software.objects.get(key="bambu-studio", locale=site_tree.fr)
    assert bambu.live and bambu.free_licence and not bambu.remote_access
    guide = next(m.objects.get(source_path="docs/outils/imprimante.md") for m in MODELS
                 if m.objects.filter(source_path="docs/outils/imprimante.md").exists())
    assert bambu.guide_page_id == guide.pk
    assert bambu.library_list == ["Musique", "Santé"]
    assert Software.objects.get(key="excel").guide_page_id is None
    assert Software.objects.get(key="piege").guide_url == ""
    assert ModelSource.objects.get(key="thingiverse").live
    where = {(e.code, e.where) for e in report.entries}
    assert ("catalogue_row_invalid", "static/data/logiciels.csv:5") in where
    assert ("link_unresolved", "static/data/logiciels.csv:3") in where
    assert ("url_scheme_refused", "static/data/logiciels.csv:4") in where
    assert "3 créé(s)" in _entries(report, "catalogue_imported")[0].message


@pytest.mark.django_db
def test_a_second_import_changes_nothing_and_keeps_what_editors_changed(site_tree, role_users, tmp_path):
    site = _site(tmp_path, SMALL)
    reviewer, editor = role_users["Révision"], role_users["Rédaction"]
    Importer(build_plan(site), user=reviewer, publish=True).run()
    revisions = {e.key: e.revisions.count() for e in Software.objects.all()}
    report = Importer(build_plan(site), user=reviewer, publish=True).run()
    assert {e.key: e.revisions.count() for e in Software.objects.all()} == revisions
    assert "3 inchangé(s)" in _entries(report, "catalogue_imported")[0].message

    excel = Software.objects.get(key="excel")
    excel.description = "Le tableur, revu par l'équipe"
    excel.save_revision(user=editor).publish(user=reviewer)
    (site / "static" / "data" / "logiciels.csv").write_text(SMALL.replace("Tableur", "Tableur 2026"), encoding="utf-8")
    report = Importer(build_plan(site), user=reviewer, publish=True).run()
    assert Software.objects.get(key="excel").description == "Le tableur, revu par l'équipe"
    assert _entries(report, "conflict")


@pytest.mark.django_db
def test_without_publish_new_entries_wait_for_review(site_tree, role_users, tmp_path):
    site = _site(tmp_path, HEADER + "Zotero,Gestion bibliographique,Références,Oui,Oui,Oui,,\n")
    Importer(build_plan(site), user=role_users["Révision"]).run()
    zotero = Software.objects.get(key="zotero")
    assert not zotero.live
    assert zotero.workflow_in_progress


@corpus_only
@pytest.mark.django_db
def test_the_real_software_file_gives_74_entries(site_tree, role_users, tmp_path):
    site = _site(tmp_path)
    shutil.copy(DATA / "logiciels.csv", site / "static" / "data" / "logiciels.csv")
    shutil.copy(DATA / "modeles3d.csv", site / "static" / "data" / "modeles3d.csv")
    report = Importer(build_plan(site), user=role_users["Révision"], publish=True).run()
    assert Software.objects.filter(locale=site_tree.fr, live=True).count() == 74
    assert ModelSource.objects.filter(locale=site_tree.fr, live=True).count() == 31
    assert not _entries(report, "catalogue_row_invalid")
