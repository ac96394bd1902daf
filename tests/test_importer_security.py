"""A hostile Docusaurus site, built at test time: traversal, absolute paths, symlinks out of docs/ and
static/, script addresses in links, cards, frames, raw HTML, components and images.

It must import with a clear report, with nothing read from outside the site and no script address
anywhere in the database (every revision, StreamField, rich text, document and image) or in the
pages readers get.
"""

import html
import json
import re
from html.parser import HTMLParser

from django.core.management import call_command
from django.utils.encoding import force_str

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

import pytest

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.models import SectionPage
from tests import upload_samples as samples

pytestmark = pytest.mark.django_db

SECRET = "SECRET-HORS-DU-SITE-7f3a"
CONFIG = """const config = {
  title: 'Site piégé', url: 'https://exemple.org', baseUrl: '/',
  presets: [['classic', {docs: {sidebarPath: false}}]],
};
export default config;
"""
INDEX = """---
title: Accueil piégé
image: ../../../outside/secret.png
---

Traversée : [secret](../../../outside/secret.txt) et ![image](../../../outside/secret.png).

Absolu : [passwd](/etc/passwd) et [hors](/../../outside/secret.txt).

Statique : [fuite](/leak.txt), [dossier](/linked/secret.txt) et [caché](/../.env).

Scripts : [clic](javascript:alert(1)), [casse](JaVaScRiPt:alert(2)), [vb](vbscript:msgbox(3)).

Données : [données](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==).

Légitime : ![Plan](/img/ok.png) et [site](https://exemple.org/ok).
"""
TRICKS = """---
title: Astuces
---

<a href="java&#x09;script:alert(5)">tabulation</a> et <a href="&#106;avascript:alert(6)">entité</a>
et <a href="  javascript:alert(7)">espaces</a>.

<CardGrid items={[{title: "Carte piégée", description: "Texte de la carte", link: "javascript:alert(8)"}, {title: "Carte sûre", link: "https://exemple.org/ok"}]} />

<iframe src="javascript:alert(9)" title="Cadre piégé"></iframe>

<iframe src="JAVASCRIPT:alert(10)"></iframe>

<div><a href="javascript:alert(11)">lien brut</a></div>

<Button href="vbscript:alert(12)">Bouton piégé</Button>

<img src="javascript:alert(13)" alt="Image piégée" />

<video src="javascript:alert(14)" title="Vidéo piégée"></video>
"""
RAW_HTML = """---
title: HTML brut
---

<p>Texte brut <a href="javascript:alert(15)">lien brut</a> <img src="data:image/png;base64,AAAA" onerror="alert(16)"></p>

Suite du texte.
"""
COURSE = """---
title: Cours
---

Téléchargez [l'exercice](./exercice.py), [les données](./data.json) et [le programme](./outil.exe).
"""
SCRIPT_RE = re.compile(r"(javascript|vbscript|livescript|data)\s*:", re.IGNORECASE)


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def hostile_site(tmp_path):
    outside = tmp_path / "outside"
    _write(outside / "secret.txt", f"{SECRET}\n")
    (outside / "secret.png").write_bytes(samples.raster(color=(1, 2, 3)))
    _write(outside / "evil.md", f"---\ntitle: Hors du site\n---\n\n{SECRET}\n")
    _write(outside / "dir" / "secret.txt", f"{SECRET}\n")
    _write(outside / "dir" / "page.md", f"---\ntitle: Dossier lié\n---\n\n{SECRET}\n")

    site = tmp_path / "site" / "web"
    _write(site / "docusaurus.config.js", CONFIG)
    _write(site / ".env", f"DJANGO_SECRET_KEY={SECRET}\n")
    _write(site / "docs" / "index.md", INDEX)
    _write(site / "docs" / "astuces.mdx", TRICKS)
    _write(site / "docs" / "brut.md", RAW_HTML)
    _write(site / "docs" / "cours" / "index.md", COURSE)
    _write(site / "docs" / "cours" / "exercice.py", "#!/usr/bin/env python3\nprint('Bonjour')\n")
    _write(site / "docs" / "cours" / "data.json", '{"mesures": [1, 2, 3]}\n')
    (site / "docs" / "cours" / "outil.exe").write_bytes(b"MZ\x90\x00" + b"\x00" * 60)
    (site / "docs" / "evasion.md").symlink_to(outside / "evil.md")
    (site / "docs" / "ailleurs").symlink_to(outside / "dir", target_is_directory=True)
    (site / "static" / "img").mkdir(parents=True)
    (site / "static" / "img" / "ok.png").write_bytes(samples.raster())
    (site / "static" / "leak.txt").symlink_to(outside / "secret.txt")
    (site / "static" / "linked").symlink_to(outside / "dir", target_is_directory=True)
    return site


def _import(site, user, **options):
    return Importer(build_plan(site), user=user, publish=True, **options).run()


def _stored_text():
    """Every text the database keeps for pages, media and redirects, HTML entities decoded."""
    chunks = [json.dumps(r.content, ensure_ascii=False) for r in Revision.objects.all()]
    for page in Page.objects.all().specific():
        for field in page._meta.concrete_fields:
            value = getattr(page, field.attname)
            chunks.append(force_str(value.get_prep_value() if hasattr(value, "get_prep_value") else value))
    for model in (get_document_model(), get_image_model()):
        for obj in model.objects.all():
            chunks.append(f"{obj.title} {obj.file.name}")
            with obj.file.open("rb") as handle:
                chunks.append(handle.read().decode("utf-8", errors="replace"))
    chunks.extend(f"{r.old_path} {r.redirect_link}" for r in Redirect.objects.all())
    text = html.unescape(html.unescape("\n".join(chunks)))
    return re.sub(r"[\t\r\n\x00-\x08]", "", text)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "poster", "data") and value is not None:
                self.urls.append(value)


def _scheme(url):
    cleaned = re.sub(r"[\x00-\x20]", "", url)
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def test_a_hostile_site_imports_with_a_report_and_nothing_from_outside_or_any_script_address(
        site_tree, role_users, hostile_site, client):
    reviewer = role_users["Révision"]
    documents_before = get_document_model().objects.count()
    report = _import(hostile_site, reviewer)

    # Every doc of the site arrives; nothing failed because of a hostile link or file.
    assert report.failed == [], report.failed
    sources = set(SectionPage.objects.filter(source_path__startswith="docs/").values_list("source_path", flat=True))
    assert {"docs/index.md", "docs/astuces.mdx", "docs/brut.md", "docs/cours/index.md"} <= sources

    # The docs walk did not follow the symlinked doc or folder out of the site, and said so.
    assert not sources & {"docs/evasion.md", "docs/ailleurs/page.md"}
    where = {(e.code, e.where) for e in report.entries}
    assert ("path_outside_site", "docs/evasion.md") in where
    assert ("path_outside_site", "docs/ailleurs") in where

    # Each refused path or address is reported at its line, with a stable code.
    for line in (3, 6, 8, 10):
        assert ("path_outside_site", f"docs/index.md:{line}") in where, line
    for line in (12, 14):
        assert ("url_scheme_refused", f"docs/index.md:{line}") in where, line
    refused_tricks = [e for e in report.entries if e.code == "url_scheme_refused" and e.file == "docs/astuces.mdx"]
    assert len(refused_tricks) >= 9
    assert all(e.line > 0 and e.level == "warning" for e in refused_tricks)
    messages = " ".join(e.message for e in report.entries if e.code == "path_outside_site")
    assert SECRET not in messages

    # A refused download is a warning, the others are ordinary documents; nothing from outside.
    assert ("file_refused", "docs/cours/index.md:5") in where
    titles = set(get_document_model().objects.values_list("title", flat=True))
    assert get_document_model().objects.count() == documents_before + 2
    assert {"Exercice", "Data"} <= titles
    stored = _stored_text()
    assert SECRET not in stored
    found = SCRIPT_RE.findall(stored)
    assert not found, found

    # Readers get every text and no script address, on every imported page.
    texts = {"docs/index.md": ["clic", "casse", "données", "secret", "fuite"],
             "docs/astuces.mdx": ["tabulation", "entité", "Carte piégée", "Texte de la carte", "Cadre piégé",
                                  "lien brut", "Bouton piégé", "Image piégée", "Vidéo piégée"],
             "docs/brut.md": ["Texte brut", "lien brut", "Suite du texte"],
             "docs/cours/index.md": ["l'exercice", "les données", "le programme"]}
    for source, expected in texts.items():
        page = SectionPage.objects.get(source_path=source)
        assert page.live
        response = client.get(page.url)
        assert response.status_code == 200
        body = response.content.decode()
        for text in expected:
            assert html.escape(text, quote=False) in body or text in html.unescape(body), (source, text)
        parser = _Links()
        parser.feed(body)
        bad = [url for url in parser.urls if _scheme(html.unescape(url)) not in ("", "http", "https", "mailto", "tel")]
        assert not bad, (source, bad)
        assert SECRET not in body


def test_code_and_data_files_are_downloads_the_browser_never_runs(site_tree, role_users, hostile_site, client):
    _import(hostile_site, role_users["Révision"])
    for title, content_type in (("Exercice", "text/plain"), ("Data", "application/json")):
        document = get_document_model().objects.get(title=title)
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"].startswith(content_type)
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
    page = SectionPage.objects.get(source_path="docs/cours/index.md")
    body = client.get(page.url).content.decode()
    assert get_document_model().objects.get(title="Exercice").url in body
    assert "le programme" in body and "outil.exe" not in body  # refused: its link text stays, without a link


def test_a_symlinked_category_file_or_sidebar_outside_the_site_is_not_read(site_tree, role_users, tmp_path):
    outside = tmp_path / "outside"
    _write(outside / "cat.yml", f"label: {SECRET}\n")
    _write(outside / "sidebars.js", f"export default {{docs: [{{type: 'doc', id: 'intro', label: '{SECRET}'}}]}};\n")
    site = tmp_path / "site"
    _write(site / "docusaurus.config.js", CONFIG.replace("sidebarPath: false", "sidebarPath: './sidebars.js'"))
    (site / "sidebars.js").symlink_to(outside / "sidebars.js")
    _write(site / "docs" / "intro.md", "---\ntitle: Intro\n---\n\nTexte.\n")
    _write(site / "docs" / "groupe" / "page.md", "---\ntitle: Page\n---\n\nTexte.\n")
    (site / "docs" / "groupe" / "_category_.yml").symlink_to(outside / "cat.yml")
    report = _import(site, role_users["Révision"])
    assert report.failed == []
    assert {e.code for e in report.entries} >= {"path_outside_site"}
    assert not Page.objects.filter(title__contains=SECRET).exists()
    assert SECRET not in json.dumps(report.as_dict(), ensure_ascii=False)


def test_the_command_reports_refusals_and_exits_zero_when_every_doc_imported(site_tree, role_users, hostile_site,
                                                                          tmp_path, capsys):
    report_file = tmp_path / "report.json"
    call_command("import_docusaurus", str(hostile_site), "--publish", "--user", role_users["Révision"].username,
                 "--report", str(report_file))
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert data["summary"]["pages"]["failed"] == 0
    assert data["summary"]["by_code"]["path_outside_site"] >= 6
    assert data["summary"]["by_code"]["url_scheme_refused"] >= 10
    assert "path_outside_site" in capsys.readouterr().out
