"""The old site's announcement bar becomes a French site notice, shown on every page."""

import shutil
from pathlib import Path

from wagtail.contrib.redirects.models import Redirect

import pytest

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.live.models import SiteNotice

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"


def _with_bar(site, content, closeable="true"):
    config = site / "docusaurus.config.js"
    text = (MINISITE / "docusaurus.config.js").read_text(encoding="utf-8")
    bar = (f"  themeConfig: {{ announcementBar: {{ id: 'nouveau-studio', content: {content!r}, "
           f"backgroundColor: '#fff4e5', isCloseable: {closeable} }} }},\n")
    config.write_text(text.replace("const config = {\n", "const config = {\n" + bar, 1), encoding="utf-8")


def _import(site, user, **options):
    return Importer(build_plan(site), user=user, publish=True, **options).run()


def test_the_announcement_bar_becomes_one_french_notice_with_working_links(site_tree, role_users, tmp_path, client):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    reviewer = role_users["Révision"]
    _import(site, reviewer)
    intro = Redirect.objects.filter(redirect_page__slug="intro").first()
    assert intro is not None
    _with_bar(site, "🎥 <b>Nouveau</b> : le studio vidéo. "
                    f'<a href="{intro.old_path}/">En savoir plus</a> · '
                    '<a href="JaVaScRiPt:alert(1)">piège</a> · <a href="https://exemple.org/x">ailleurs</a>')

    report = _import(site, reviewer)

    notice = SiteNotice.objects.get()
    assert notice.locale.language_code == "fr" and notice.dismissible
    assert f'<a id="{intro.redirect_page_id}" linktype="page">En savoir plus</a>' in notice.message
    assert '<a href="https://exemple.org/x">ailleurs</a>' in notice.message
    assert "piège" in notice.message and "javascript" not in notice.message.lower()
    codes = [(e.code, e.file) for e in report.entries]
    assert ("url_scheme_refused", "docusaurus.config (themeConfig.announcementBar)") in codes
    assert "announcement_imported" in [code for code, _ in codes]
    page = client.get(site_tree.home_fr.url)
    assert "le studio vidéo" in page.content.decode()

    # Unchanged: nothing new; changed: the same notice, updated in place.
    again = _import(site, reviewer)
    assert "announcement_imported" not in [e.code for e in again.entries]
    _with_bar(site, "Fermé le 24 décembre.", closeable="false")
    _import(site, reviewer)
    notice = SiteNotice.objects.get()
    assert notice.message == "<p>Fermé le 24 décembre.</p>" and not notice.dismissible


def test_a_dry_run_reports_the_bar_and_saves_no_notice(site_tree, role_users, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    _with_bar(site, "Nouveau studio.")
    report = _import(site, role_users["Révision"], dry_run=True)
    assert "announcement_imported" in [e.code for e in report.entries]
    assert not SiteNotice.objects.exists()
