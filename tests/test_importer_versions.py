"""Versioned docs: the current version becomes pages, every old version's URL redirects to them."""

import pytest

from pages.importers.docusaurus.plan import build_plan

from .test_importer_site_config import write


@pytest.fixture
def versioned_site(tmp_path):
    write(tmp_path, {
        "docusaurus.config.js": "module.exports = {baseUrl: '/', presets: [['classic', {docs: {}}]]};\n",
        "versions.json": '["2.0", "1.0"]\n',
        "docs/intro.md": "# Introduction\n",
        "docs/guides/montage.md": "---\nslug: /montage-video\n---\n# Montage\n",
        "versioned_docs/version-2.0/intro.md": "# Introduction 2.0\n",
        "versioned_docs/version-2.0/guides/montage.md": "---\nslug: /montage-video\n---\n# Montage 2.0\n",
        "versioned_docs/version-1.0/intro.md": "# Introduction 1.0\n",
        "versioned_docs/version-1.0/guides/ancien.md": "---\nslug: /montage-video/ancien\n---\n# Ancien\n",
        "versioned_docs/version-1.0/disparu.md": "# Disparu\n",
        "versioned_sidebars/version-1.0-sidebars.json": '{"s": ["intro"]}\n',
    })
    return tmp_path


def test_old_versions_are_reported_and_their_urls_kept_by_the_current_pages(versioned_site):
    plan = build_plan(versioned_site)
    assert sorted(plan.docs) == ["guides/montage.md", "intro.md"]  # pages come from docs/ only
    intro = plan.node_for_doc("intro.md")
    montage = plan.node_for_doc("guides/montage.md")
    # docs/ was served under next/, the newest version at the docs root, older ones under their name
    assert intro.old_urls == ["/docs/next/intro", "/docs/intro", "/docs/1.0/intro"]
    assert montage.old_urls == ["/docs/next/montage-video", "/docs/montage-video", "/docs/1.0/montage-video/ancien"]
    entries = {(f, p.code): p for f, p in plan.problems}
    summary = entries[("versioned_docs/version-1.0", "version_redirected")]
    assert "3 documents" in summary.message and "1 vers la plus proche" in summary.message and "1 sans redirection" in summary.message
    assert entries[("versioned_docs/version-1.0/guides/ancien.md", "version_doc_without_current")].level == "warning"
    lost = entries[("versioned_docs/version-1.0/disparu.md", "version_doc_without_current")]
    assert "/docs/1.0/disparu" in lost.message and "pas de redirection" in lost.message
    assert ("versions.json", "version_current_imported") in entries


def test_last_version_current_keeps_the_docs_root_for_the_current_docs(versioned_site):
    (versioned_site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {docs: {lastVersion: 'current', "
        "versions: {'1.0': {path: 'ancienne'}}}}]]};\n", encoding="utf-8")
    (versioned_site / "versions.json").write_text('["current", "2.0", "1.0"]', encoding="utf-8")  # docs/ named too
    plan = build_plan(versioned_site)
    assert "version_missing" not in {p.code for _, p in plan.problems}
    assert plan.node_for_doc("intro.md").old_urls == ["/docs/intro", "/docs/2.0/intro", "/docs/ancienne/intro"]
    assert ("versions.json", "version_current_imported") not in {(f, p.code) for f, p in plan.problems}


@pytest.mark.django_db
def test_every_old_version_url_redirects_to_the_current_page(versioned_site, site_tree, admin_user, client):
    from pages.importers.docusaurus.writer import Importer

    report = Importer(build_plan(versioned_site), user=admin_user, publish=True).run()
    assert report.ok
    for old in ("/docs/intro/", "/docs/1.0/intro/", "/docs/next/intro/"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert client.get(response["Location"]).status_code == 200
    assert client.get("/docs/1.0/disparu/").status_code == 404


def test_without_the_current_version_the_last_version_folder_gives_the_pages(versioned_site):
    (versioned_site / "docusaurus.config.js").write_text(
        "module.exports = {presets: [['classic', {docs: {includeCurrentVersion: false, lastVersion: '2.0'}}]]};\n",
        encoding="utf-8")
    plan = build_plan(versioned_site)
    assert plan.site.docs_path == "versioned_docs/version-2.0"
    assert plan.draft(plan.node_for_doc("intro.md")).title == "Introduction 2.0"
    assert plan.node_for_doc("intro.md").old_urls == ["/docs/intro", "/docs/1.0/intro"]
    assert not [p for _, p in plan.problems if p.code == "version_redirected" and "2.0" in p.message]
