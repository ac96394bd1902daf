"""Every page type shows all of its fields to readers, in French and in English."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _get(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_the_space_page_shows_its_practical_facts_in_french(client, site_tree):
    html = _get(client, site_tree.space_fr)
    assert '<html lang="fr">' in html
    assert f"<h1>{site_tree.space_fr.title}</h1>" in html
    assert "Partiellement disponible" in html  # service status, prominent
    assert "Un des quatre micros est en réparation." in html
    assert "Local 2045, 2e étage" in html
    assert "https://example.org/reservations/studio-balado" in html
    assert "Lundi au vendredi" in html
    assert "Console RØDECaster Pro II" in html
    assert "mailto:studio@example.org" in html
    assert 'alt="Quatre micros autour d&#x27;une table dans le studio balado."' in html
    assert "Formats d&#x27;enregistrement" in html  # table caption
    assert 'href="/documents/' in html  # document link


def test_the_space_page_shows_the_same_facts_in_english(client, site_tree):
    html = _get(client, site_tree.space_en)
    assert '<html lang="en">' in html
    assert "<h1>Podcast studio</h1>" in html
    assert "Room 2045, 2nd floor" in html
    assert "Monday to Friday" in html
    assert "One of the four microphones is being repaired." in html
    assert "Bring an SD card or a USB key" in html
    assert "Four microphones around a table" in html
    assert "<th scope=\"col\">Use</th>" in html and "Professional editing" in html  # table cells are translated


def test_the_tool_guide_shows_safety_before_the_steps(client, site_tree):
    html = _get(client, site_tree.guide_fr)
    assert "Ne touchez pas la buse" in html
    assert "Gants résistants à la chaleur" in html
    assert "Initiation à l&#x27;impression 3D" in html
    assert html.index("Ne touchez pas la buse") < html.index("Préparer le fichier")
    assert "256 × 256 × 256 mm" in html
    assert "<summary>Que faire si l&#x27;impression se décolle ?</summary>" in html
    # The related space links to the space in the same language.
    assert f'href="{site_tree.space_fr.url}"' in html


def test_the_english_tool_guide_links_to_the_english_space(client, site_tree):
    html = _get(client, site_tree.guide_en)
    assert "Do not touch the nozzle" in html
    assert f'href="{site_tree.space_en.url}"' in html


def test_the_mission_page_lists_its_objectives(client, site_tree):
    html = _get(client, site_tree.mission_fr)
    assert "Offrir à toute la communauté universitaire" in html
    assert re.search(r"<h3>\s*Apprendre en faisant\s*</h3>", html)
    assert "Accompagnement individuel" in html
    html_en = _get(client, site_tree.mission_en)
    assert "Learn by doing" in html_en and "One-to-one help" in html_en


def test_a_section_lists_its_live_children_as_cards(client, site_tree):
    html = _get(client, site_tree.sections["espaces"])
    assert "Dans cette section" in html
    assert f'href="{site_tree.space_fr.url}"' in html


def test_a_section_does_not_list_a_child_once_it_is_unpublished(client, site_tree):
    site_tree.space_fr.unpublish()
    html = _get(client, site_tree.sections["espaces"])
    assert f'href="{site_tree.space_fr.url}"' not in html


def test_the_home_page_shows_featured_pages_in_the_readers_language(client, site_tree):
    html_fr = _get(client, site_tree.home_fr)
    html_en = _get(client, site_tree.home_en)
    assert f'href="{site_tree.space_fr.url}"' in html_fr
    assert f'href="{site_tree.space_en.url}"' in html_en
    assert f'href="{site_tree.space_fr.url}"' not in html_en
