"""The library's palette reads at WCAG AA (4.5:1 for text) in the light and the dark theme, and at
AAA (7:1) with the high-contrast setting: computed from the stylesheet readers actually get."""

import re
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parent.parent / "pages/reading/static/reading/reading.css"

# (text, background) pairs the pages use.
TEXT_PAIRS = [
    ("ink", "paper"), ("ink", "soft"), ("ink", "menu-active"), ("heading", "paper"), ("heading", "soft"),
    ("muted", "paper"), ("muted", "soft"), ("accent", "paper"), ("accent", "soft"), ("accent", "menu-active"),
    ("accent-dark", "paper"), ("button-ink", "button-bg"), ("header-ink", "header-bg"), ("heading", "menu-active"),
    ("ok", "paper"), ("warn", "paper"), ("bad", "paper"), ("ok", "soft"), ("warn", "soft"), ("bad", "soft"),
    ("mark-ink", "mark-bg"), ("paper", "heading"),
]
# Non-text contrast (WCAG 1.4.11): the focus ring against the page and the buttons against the page.
UI_PAIRS = [("button-bg", "paper")]


def _block(css, selector):
    match = re.search(re.escape(selector) + r"\s*\{(.*?)\}", css, re.S)
    assert match, f"{selector} not found in {CSS.name}"
    return match.group(1)


def _palette(block):
    """{name: (light, dark)} from `--name: light-dark(#light, #dark);` declarations."""
    found = re.findall(r"--([\w-]+):\s*light-dark\((#[0-9a-fA-F]{6}),\s*(#[0-9a-fA-F]{6})\)", block)
    return {name: (light, dark) for name, light, dark in found}


def _luminance(hex_colour):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


BASE = _palette(_block(CSS.read_text(), ":root"))
HIGH = {**BASE, **_palette(_block(CSS.read_text(), "html.rs-contrast-high"))}


@pytest.mark.parametrize("theme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_text_colours_reach_aa_in_both_themes(theme, text, background):
    ratio = contrast(BASE[text][theme], BASE[background][theme])
    assert ratio >= 4.5, f"--{text} on --{background}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("text", "background"), TEXT_PAIRS)
def test_high_contrast_reaches_aaa_in_both_themes(theme, text, background):
    ratio = contrast(HIGH[text][theme], HIGH[background][theme])
    assert ratio >= 7, f"high contrast --{text} on --{background}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", [0, 1], ids=["light", "dark"])
@pytest.mark.parametrize(("part", "background"), UI_PAIRS)
def test_buttons_stand_out_from_the_page(theme, part, background):
    assert contrast(BASE[part][theme], BASE[background][theme]) >= 3


def test_the_palette_is_the_librarys():
    """The site's blues and greys (palette.css of the Docusaurus site) are the ones used."""
    assert BASE["heading"][0].upper() == "#0B113A" and BASE["paper"][1].upper() == "#0B113A"  # bleu-700
    assert BASE["accent"][0].upper() == "#00407F"  # bleu-600, the site's link colour
    assert BASE["ink"][0].upper() == "#23292F"  # gris-800
