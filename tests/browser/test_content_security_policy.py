"""The Content-Security-Policy in a real browser: public pages, the admin and the API docs load
and work without a single violation (Chromium reports each blocked script, style or frame)."""

import uuid

import pytest
from playwright.sync_api import expect

from pages.models import ToolGuidePage

from .pages import rich_guide

pytestmark = pytest.mark.browser

# Recorded in every document of the tab (frames included) before any of its scripts runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
});
"""


@pytest.fixture
def watched_tab(chromium):
    """A tab that collects CSP violations from the console and from the DOM event."""
    context = chromium.new_context(locale="fr-CA")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    page.visited = []

    def violations():
        found = list(console)
        for frame in page.frames:
            try:
                found += frame.evaluate("window.__cspViolations || []")
            except Exception:  # noqa: S112 - a cross-origin or detached frame has nothing of ours
                continue
        return found

    def visit(url):
        response = page.goto(url)
        assert response.status < 400, (url, response.status)
        page.wait_for_load_state("networkidle")
        page.visited.append(url)
        assert violations() == [], url

    page.visit, page.violations = visit, violations
    yield page
    context.close()


def _media_guide(tree):
    """A guide with a YouTube video and an allowed embed, to exercise frame-src."""
    section = tree.sections["creatives"]
    guide = ToolGuidePage(
        title="Tutoriels vidéo",
        slug="tutoriels-video",
        locale=section.locale,
        body=[
            {
                "type": "video",
                "id": str(uuid.uuid4()),
                "value": {
                    "title": "Prise en main",
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                },
            },
            {
                "type": "embed",
                "id": str(uuid.uuid4()),
                "value": {
                    "title": "Présentation",
                    "url": "https://player.vimeo.com/video/76979871",
                    "height": 360,
                },
            },
        ],
    )
    section.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def test_public_pages_of_every_type_load_without_any_violation(
    live_server, live_site_tree, watched_tab
):
    base = live_server.url
    tree = live_site_tree
    urls = [
        tree.home_fr.url,
        tree.home_en.url,
        tree.space_fr.url,
        tree.space_en.url,
        tree.guide_fr.url,
        tree.guide_en.url,
        tree.mission_fr.url,
        tree.mission_en.url,
        tree.sections["espaces"].url,
        rich_guide(tree),
        _media_guide(tree).url,
        "/fr/recherche/?q=studio",
        "/en/search/?q=studio",
        "/fr/page-qui-n-existe-pas/",
        "/api/v3/docs/",
    ]
    for url in urls:
        if url == "/fr/page-qui-n-existe-pas/":
            watched_tab.goto(base + url)  # the 404 page
            assert watched_tab.violations() == []
            continue
        watched_tab.visit(base + url)
    # The scripts allowed by the policy did run: tabs are buttons, the players are framed.
    watched_tab.goto(base + "/fr/creatives/decoupeuse-vinyle/")
    assert watched_tab.get_by_role("tab").count() == 2
    watched_tab.goto(base + "/fr/creatives/tutoriels-video/")
    # The YouTube player is framed once the reader agrees to load it.
    watched_tab.get_by_role("button", name="Charger la vidéo (youtube.com dépose des cookies)").click()
    assert (
        watched_tab.locator("iframe[src^='https://www.youtube-nocookie.com/embed/']").count() == 1
    )
    assert watched_tab.violations() == []
    watched_tab.goto(base + "/api/v3/docs/")
    watched_tab.locator(".swagger-ui .info").wait_for()
    assert watched_tab.violations() == []
    print(f"CSP violations = 0 over {len(watched_tab.visited) + 1} public pages")  # noqa: T201


def test_the_admin_works_without_any_violation(live_server, live_site_tree, watched_tab):
    base = live_server.url
    tree = live_site_tree
    watched_tab.visit(f"{base}/admin/login/")
    watched_tab.fill("input[name=username]", "admin")
    watched_tab.fill("input[name=password]", "studiobib-demo")
    watched_tab.click("button[type=submit]")
    watched_tab.wait_for_url(f"{base}/admin/")
    assert watched_tab.violations() == []

    for url in (
        f"/admin/pages/{tree.home_fr.pk}/",
        "/admin/images/multiple/add/",
        "/admin/documents/multiple/add/",
        "/admin/reports/site-history/",
        "/admin/users/",
        "/admin/two-factor/",
        "/admin/account/",
    ):
        watched_tab.visit(base + url)

    # wagtail-localize's translation editor (the English page is a synced translation).
    watched_tab.visit(f"{base}/admin/pages/{tree.space_en.pk}/edit/")
    watched_tab.get_by_text("Podcast studio").first.wait_for()
    assert watched_tab.violations() == []

    # Page editor (last: leaving it would race its editing-session beacon against SQLite):
    # the StreamField offers its blocks, and a new paragraph block opens its editor.
    watched_tab.visit(f"{base}/admin/pages/{tree.space_fr.pk}/edit/")
    blocks_before = watched_tab.locator(
        "[data-contentpath='body'] [data-streamfield-child]"
    ).count()
    watched_tab.locator("[data-contentpath='body'] button[title='Insérer un bloc']").first.click()
    watched_tab.get_by_role("option", name="Texte").first.click()
    # The new block appears a moment after the click (the page already has editors: waiting for one
    # is not waiting for it), so the count is awaited, not read at once.
    expect(watched_tab.locator("[data-contentpath='body'] [data-streamfield-child]")).to_have_count(blocks_before + 1)
    # Page explorer in the sidebar.
    watched_tab.get_by_role("button", name="Pages").first.click()
    watched_tab.locator(".c-page-explorer__item").first.wait_for()
    assert "studio·bib" in watched_tab.locator(".c-page-explorer").inner_text()
    # The live preview panel frames the page.
    assert watched_tab.violations() == []

    print(f"CSP violations = 0 over {len(watched_tab.visited)} admin pages")  # noqa: T201
