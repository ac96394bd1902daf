"""The old site's home page (a React page) becomes the rows of the CMS home page."""

import json
import shutil
from pathlib import Path

from django.conf import settings

import pytest

from home.models import HomePage
from pages.importers.docusaurus.home import read_home
from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.rules import DEFAULT_HOME_RULES, load_home_rules
from pages.importers.docusaurus.site import load_site
from pages.importers.docusaurus.writer import Importer
from pages.models import SectionPage, SpacePage

pytestmark = pytest.mark.django_db

MINISITE = Path(__file__).parent / "fixtures" / "docusaurus" / "minisite"
CORPUS = settings.BASE_DIR.parent / "shared" / "corpus" / "techno"

INDEX = """import React from 'react';
import Accueil from '@site/src/components/Accueil';
export default function Home() {
  return (<Layout title="Accueil"><Accueil /></Layout>);
}
"""

ACCUEIL = """import CardBib from '@site/src/components/CardBib';
import ProchainsAteliers from '@site/src/components/ProchainsAteliers';
const heroes = [
  { title: 'Première visite', description: 'Tout pour commencer.', href: '/docs/intro', image: '/img/studio.png' },
  { title: 'Piège', description: 'Une adresse de script.', href: 'javascript:alert(1)', image: '/img/studio.png' },
  { title: 'Hors du site', description: 'Un chemin qui sort.', href: '/docs/intro', image: '/../../../../etc/x.png' },
];
export default function Accueil() {
  return (
    <>
      <aside className={styles.proxyNotice}>
        <h2>Fermeture estivale</h2>
        <p>Le studio ferme en août. <a href="/docs/intro">Lire la suite</a>.</p>
      </aside>
      <section>
        <CardBib title="Studio balado" href="/docs/espaces/studio-son" moreText="Découvrir le studio" />
        <CardBib title="Nulle part" href="/docs/absente" />
      </section>
      {heroes.map((hero) => (<Link to={hero.href}>{hero.title}</Link>))}
      <ProchainsAteliers />
      <section className={styles.spacesSection}><h2>Nos espaces</h2><p>Pour créer.</p></section>
    </>
  );
}
"""


@pytest.fixture
def site_with_home(tmp_path):
    site = tmp_path / "site"
    shutil.copytree(MINISITE, site)
    (site / "src" / "pages").mkdir(parents=True)
    (site / "src" / "components" / "Accueil").mkdir(parents=True)
    (site / "src" / "pages" / "index.jsx").write_text(INDEX, encoding="utf-8")
    (site / "src" / "components" / "Accueil" / "index.jsx").write_text(ACCUEIL, encoding="utf-8")
    return site


def _import(site, user, **options):
    return Importer(build_plan(site), user=user, publish=True, **options).run()


def test_the_home_source_is_read_in_order_following_the_component_the_page_renders(site_with_home):
    source, rows, problems, _code = read_home(load_site(site_with_home), DEFAULT_HOME_RULES)
    assert source == "src/components/Accueil/index.jsx"
    assert problems == []
    assert [row.kind for row in rows] == ["notice", "featured_cards", "hero_cards", "workshops", "spaces"]
    assert [c["title"] for c in rows[1].value["cards"]] == ["Studio balado", "Nulle part"]
    assert rows[1].value["cards"][0]["link_text"] == "Découvrir le studio"
    assert rows[4].value == {"heading": "Nos espaces", "text": "Pour créer."}



def test_a_typescript_home_with_an_arrow_component_is_read(site_with_home):
    # create-docusaurus's TypeScript template: `src/pages/index.tsx`, types, an arrow component
    # exported by name, and a bare `&` in a link's address.
    (site_with_home / "src" / "pages" / "index.jsx").unlink()
    (site_with_home / "src" / "pages" / "index.tsx").write_text("""import type {ReactNode} from 'react';
import CardBib from '@site/src/components/CardBib';
type Props = {title: string};
const Home = ({title}: Props): ReactNode => (
  <main className={styles.proxyNotice as string}>
    <h2>Horaires d'été</h2>
    <p>Le studio ouvre à 10 h. <a href="https://bib.umontreal.ca/horaires?g=1&p=2">Les horaires</a></p>
  </main>
);
export default Home;
""", encoding="utf-8")
    rules = {**DEFAULT_HOME_RULES, "sources": ["src/pages/index.tsx"]}
    source, rows, problems, _code = read_home(load_site(site_with_home), rules)
    assert source == "src/pages/index.tsx" and problems == []
    assert [(r.kind, r.line) for r in rows] == [("notice", 5)]
    assert rows[0].value == {"title": "Horaires d'été", "message": 'Le studio ouvre à 10 h. <a data-home-href='
                             '"https://bib.umontreal.ca/horaires?g=1&amp;p=2">Les horaires</a>'}

def test_after_import_the_home_carries_the_old_homes_rows_with_links_and_images(site_with_home, role_users, client,
                                                                                 settings):
    settings.LIVE_DATA_SOURCES = {**settings.LIVE_DATA_SOURCES, "workshops": ""}  # no real service asked
    report = _import(site_with_home, role_users["Révision"])

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    kinds = [block.block_type for block in home.body]
    assert kinds == ["notice", "featured_cards", "hero_cards", "workshops", "spaces", "section_cards"]
    featured = home.body[1].value["cards"]
    studio = SpacePage.objects.get(source_path__endswith="01-studio.md")
    assert [card["page"].pk for card in featured] == [studio.pk]  # the card to a missing page is left out
    heroes = home.body[2].value["cards"]
    assert [card["title"] for card in heroes] == ["Première visite"]
    assert heroes[0]["image"] is not None
    notice = home.body[0].value
    assert notice["title"] == "Fermeture estivale" and 'linktype="page"' in notice["message"].source
    entries = {(e.code, e.line) for e in report.entries if e.file == "src/components/Accueil/index.jsx"}
    assert ("url_scheme_refused", 5) in entries
    assert ("path_outside_site", 6) in entries
    assert any(code == "link_unresolved" for code, _line in entries)

    html = client.get("/fr/").content.decode()
    assert f'href="{studio.url}"' in html and "Fermeture estivale" in html
    assert html.count('class="home-card__image"') >= 2  # the featured studio shows its own picture, and in the spaces


def test_an_unchanged_home_is_left_alone_and_an_edited_one_is_kept_as_a_conflict(site_with_home, role_users):
    reviewer = role_users["Révision"]
    _import(site_with_home, reviewer)
    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    revision = home.latest_revision_id
    _import(site_with_home, reviewer)
    assert HomePage.objects.get(pk=home.pk).latest_revision_id == revision

    home.body = json.dumps([])
    home.save_revision(user=reviewer).publish(user=reviewer)
    (site_with_home / "src" / "components" / "Accueil" / "index.jsx").write_text(
        ACCUEIL.replace("Fermeture estivale", "Fermeture d'hiver"), encoding="utf-8")
    report = _import(site_with_home, reviewer)
    assert [block.block_type for block in HomePage.objects.get(pk=home.pk).body] == []
    assert any(e.code == "conflict" and e.file == "src/components/Accueil/index.jsx" for e in report.entries)


def test_an_imported_section_without_a_summary_is_reported(site_with_home, role_users):
    report = _import(site_with_home, role_users["Révision"])
    missing = {e.file for e in report.entries if e.code == "section_summary_missing"}
    without = SectionPage.objects.exclude(source_path="").filter(summary="")
    assert missing == {section.source_path for section in without}
    assert missing  # the minisite's category pages have no description


def test_home_rules_from_a_file_are_checked(tmp_path):
    good = tmp_path / "home.json"
    good.write_text(json.dumps({"featured_components": ["Tuile"], "section_cards": False}), encoding="utf-8")
    rules = load_home_rules(good)
    assert rules["featured_components"] == ["Tuile"] and rules["workshops_components"] == ["ProchainsAteliers"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"featured": ["Tuile"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="featured"):
        load_home_rules(bad)
    bad.write_text(json.dumps({"section_cards": "oui"}), encoding="utf-8")
    with pytest.raises(ValueError, match="section_cards"):
        load_home_rules(bad)


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPUS / "src").is_dir(), reason="Docusaurus corpus not found")
def test_the_library_home_reads_as_the_current_one():
    source, rows, problems, _code = read_home(load_site(CORPUS), DEFAULT_HOME_RULES)
    assert source == "src/components/PageAccueil/index.jsx" and problems == []
    assert [row.kind for row in rows] == ["notice", "featured_cards", "hero_cards", "workshops", "spaces", "hero_cards"]
    assert [c["title"] for c in rows[1].value["cards"]] == [
        "Studios balado", "Impression 3D", "Accès à distance aux logiciels", "Accès hors campus"]
    assert [c["title"] for c in rows[2].value["cards"] + rows[5].value["cards"]] == [
        "Problème informatique? Pas de panique!", "Postes Apportez Votre Appareil", "Postes d’édition", "Réalité virtuelle"]
