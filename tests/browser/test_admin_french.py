"""Every admin screen of the translation journey reads in French, dates included.

Logged in as `traduction` and `revision` (French admin language, the default), the test opens the
screens a translator and a reviewer meet and fails on any known English interface word, on an
English month name and on an unrendered template placeholder. The pages' own English content
(English titles, translated segments) is taken out first: it is meant to be English. « Région » is
checked too: Wagtail's French uses it for a language.
"""

import os
import re

from django.urls import reverse

import pytest

from pages.review.workflows import REVIEWERS, TRANSLATORS

from .test_review_journey import ACCOUNTS, log_in

pytestmark = pytest.mark.browser

ENGLISH = re.compile(
    r"\b(Translation|translations?|More actions|Publish(ed)? in|Locales?|Regions?|Save draft|Cancel|Delete|"
    r"Edit(ed)?|Status|Draft|Approve|Request changes|Dashboard|History|Settings|Language|Submit|Review|"
    r"Comments?|Preview|Workflow|Upload|Download|Sync(ed|hronise)?|Machine|Manually|Untranslated|"
    r"Up to date|Waiting|Stop|Start|Convert|Régions?|Pages? (?:in|awaiting)|Your|has been|by \w+ on)\b"
)
MONTHS = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"
)
PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|%\(\w+\)s|\{\w+\}")


def _content_in_english():
    """Texts that are English on purpose: the English pages' titles and the translated segments."""
    from wagtail.models import Page
    from wagtail_localize.models import StringTranslation

    texts = set(Page.objects.filter(locale__language_code="en").values_list("title", flat=True))
    texts |= set(StringTranslation.objects.filter(locale__language_code="en").values_list("data", flat=True))
    return sorted((re.sub(r"<[^>]+>", " ", t).strip() for t in texts if t), key=len, reverse=True)


def _english_in(text, english_content):
    for content in english_content:
        for line in content.split("  "):
            if line.strip():
                text = text.replace(line.strip(), " ")
    found = [f"{m.group(0)} (« {text[max(0, m.start() - 40):m.end() + 40]} »)".replace("\n", " ")
             for m in ENGLISH.finditer(text)]
    found += [m.group(0) for m in MONTHS.finditer(text)]
    found += [m.group(0) for m in PLACEHOLDER.finditer(text)]
    return found


def _screen_text(tab):
    """What a user reads or hears: visible text, plus labels only screen readers get."""
    return tab.evaluate(
        """() => [document.title, document.body.innerText,
                  ...[...document.querySelectorAll('.w-sr-only, .visually-hidden')].map(e => e.textContent),
                  ...[...document.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label')),
                  ...[...document.querySelectorAll('[title]')].map(e => e.getAttribute('title')),
                  ...[...document.querySelectorAll('[placeholder]')].map(e => e.getAttribute('placeholder'))]
                 .join('\\n')"""
    )


@pytest.fixture
def journey(live_site_tree):
    """A translation sent to review: the English space has a workflow in progress."""
    from django.contrib.auth import get_user_model

    tree = live_site_tree
    translator = get_user_model().objects.get(username=ACCOUNTS[TRANSLATORS]["username"])
    space_en = tree.space_en
    space_en.save_revision(user=translator)
    space_en.get_workflow().start(space_en, translator)
    return tree


def _visit(tab, url, wait_for=None):
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    if wait_for:
        tab.wait_for_selector(wait_for)
    return tab


def _check(tab, name, english_content, problems):
    screenshots = os.environ.get("SCREENSHOT_DIR")  # set it to keep a picture of each screen
    if screenshots:
        os.makedirs(screenshots, exist_ok=True)
        tab.screenshot(path=os.path.join(screenshots, f"admin-{name}.png"), full_page=True)
    found = _english_in(_screen_text(tab), english_content)
    if found:
        problems.append(f"{name}: {sorted(set(found))}")


def _signed_in_tab(chromium, base, role):
    tab = chromium.new_context(locale="fr-CA", viewport={"width": 1280, "height": 900}).new_page()
    log_in(tab, base, role)
    return tab


def _check_screens(tab, base, screens, english_content):
    problems = []
    for name, (url, wait_for) in screens.items():
        _visit(tab, base + url, wait_for)
        _check(tab, name, english_content, problems)
    return problems


def test_the_translators_screens_read_in_french(live_server, journey, chromium):
    tree = journey
    base = live_server.url
    tab = _signed_in_tab(chromium, base, TRANSLATORS)
    screens = {
        "dashboard-translator": (reverse("wagtailadmin_home"), None),
        "translation-editor": (reverse("wagtailadmin_pages:edit", args=[tree.space_en.pk]), ".js-translation-editor h3"),
        "translation-status": (reverse("translation_status"), None),
        "explorer-english": (reverse("wagtailadmin_explore", args=[tree.home_en.pk]), None),
        "translate-this-page": (reverse("wagtail_localize:submit_page_translation", args=[tree.guide_fr.pk]), None),
        "history-english": (reverse("wagtailadmin_pages:history", args=[tree.space_en.pk]), None),
    }
    problems = _check_screens(tab, base, screens, _content_in_english())
    assert not problems, "\n".join(problems)


def test_the_reviewers_screens_read_in_french(live_server, journey, chromium):
    tree = journey
    base = live_server.url
    tab = _signed_in_tab(chromium, base, REVIEWERS)
    english_content = _content_in_english()
    screens = {
        "dashboard-reviewer": (reverse("wagtailadmin_home"), None),
        "workflow-report": (reverse("wagtailadmin_reports:workflow"), None),
        "review-translation-editor": (reverse("wagtailadmin_pages:edit", args=[tree.space_en.pk]),
                                      ".js-translation-editor h3"),
        "history-reviewer": (reverse("wagtailadmin_pages:history", args=[tree.space_en.pk]), None),
    }
    problems = _check_screens(tab, base, screens, english_content)

    # The moderation dialog: request changes on the page under review, from the dashboard panel.
    _visit(tab, base + reverse("wagtailadmin_home"))
    tab.locator("td.actions-container .w-dropdown__toggle").first.click()
    tab.locator("[data-workflow-action-url*='/reject/']").first.click()
    tab.wait_for_selector(".modal textarea")
    _check(tab, "request-changes-dialog", english_content, problems)
    assert not problems, "\n".join(problems)
