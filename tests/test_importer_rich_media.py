"""The old site's Pano360, PhotoCarousel, InteractiveImage and HeroDroitAuteur become the CMS's
panorama, carousel, interactive image and hero blocks; none of them is reported unmapped."""

from pathlib import Path

import pytest

from pages.blocks.rich_media import ZoneBlock
from pages.importers.docusaurus.plan import build_plan

from .test_importer_mapper import body, codes, draft_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "techno"
COMPONENTS = ("Pano360", "PhotoCarousel", "InteractiveImage", "HeroDroitAuteur")


def blocks_of(d, block_type):
    return [b["value"] for b in body(d) if b["type"] == block_type]


def _file(value):
    return value["__image__"].rsplit("/", 1)[-1]


def test_a_pano360_becomes_a_panorama_with_its_alt_and_caption():
    d = draft_text(
        "---\ntitle: Visite\n---\nimport Pano360 from '@site/src/components/Pano360';\n\n"
        "<Pano360\n  image=\"./avec-alt.png\"\n  legende=\"Vue en 360° du laboratoire\"\n  title=\"Laboratoire\"\n"
        "  alt=\"Le laboratoire vu du centre\"\n/>\n\n"
        "<Pano360 image=\"./sans-alt.png\" legende=\"L'amphithéâtre\" />\n", name="pano.mdx")
    panoramas = blocks_of(d, "panorama")
    assert [(_file(p["image"]), p["alt"], p["caption"]) for p in panoramas] == [
        ("avec-alt.png", "Le laboratoire vu du centre", "Vue en 360° du laboratoire"),
        ("sans-alt.png", "L'amphithéâtre", "L'amphithéâtre")]
    assert ("image_alt_missing", 13) in codes(d)  # guessed from the caption, and reported for review
    assert not [c for c, _ in codes(d) if c == "component_unmapped"]


def test_a_pano360_outside_the_site_is_refused_and_keeps_its_caption():
    d = draft_text("---\ntitle: X\n---\n\n<Pano360 image=\"../../../../etc/passwd.png\" legende=\"Vue\" alt=\"Vue\" />\n",
                   name="pano-out.mdx")
    assert blocks_of(d, "panorama") == []
    assert "Vue" in blocks_of(d, "paragraph")[0]
    assert not [c for c, _ in codes(d) if c == "component_unmapped"]


def test_a_photo_carousel_with_its_slides_written_in_the_page_becomes_a_carousel():
    d = draft_text(
        "---\ntitle: Studio\n---\nimport PhotoCarousel from '@site/src/components/Carousel';\n\n## Nos balados\n\n"
        "<PhotoCarousel slidesToScroll={2} slides={[\n"
        "  { src: './avec-alt.png', alt: 'Deux animatrices au micro', title: 'Épisode 1' },\n"
        "  { src: './sans-alt.png', title: 'Épisode 2' },\n"
        "]} />\n", name="carousel.mdx")
    (carousel,) = blocks_of(d, "carousel")
    assert carousel["title"] == "Nos balados" and carousel["autoplay"] is False
    slides = [s["value"] for s in carousel["slides"]]
    assert [(_file(s["image"]), s["alt"], s["caption"]) for s in slides] == [
        ("avec-alt.png", "Deux animatrices au micro", "Épisode 1"), ("sans-alt.png", "Épisode 2", "Épisode 2")]
    assert ("carousel_options_dropped", 8) in codes(d)
    assert not [c for c, _ in codes(d) if c == "component_unmapped"]


def test_a_carousel_whose_slides_live_in_the_old_sites_code_is_reported_not_unmapped():
    d = draft_text(
        "---\ntitle: Studio\n---\nimport PhotoCarousel from '@site/src/components/Carousel';\n"
        "import { slides } from '@site/src/data/slides';\n\n<PhotoCarousel slides={slides} />\n", name="carousel-data.mdx")
    assert blocks_of(d, "carousel") == []
    problems = [p for p in d.problems if p.code == "carousel_slides_unreadable"]
    assert problems and "@site/src/data/slides" in problems[0].message
    assert not [c for c, _ in codes(d) if c == "component_unmapped"]


def test_an_interactive_image_keeps_each_zone_as_a_label_a_description_and_its_centre():
    d = draft_text(
        "---\ntitle: Resolve\n---\nimport InteractiveImage from '@site/src/components/InteractiveImage';\n\n"
        "<InteractiveImage\n  image=\"./avec-alt.png\"\n  alt=\"L'interface de Resolve\"\n  zones={[\n"
        "    { id: \"media\", label: \"1. Média – Importer sons, images, vidéos\", top: \"0%\", left: \"0%\", width: \"14%\", height: \"100%\" },\n"
        "    { id: \"pm\", label: \"- Le gestionnaire de projet : affiché au lancement.\", top: \"10%\", left: \"26%\", width: \"74%\", height: \"80%\" },\n"
        "  ]}\n/>\n", name="interactive.mdx")
    (image,) = blocks_of(d, "interactive_image")
    assert image["alt"] == "L'interface de Resolve" and _file(image["image"]) == "avec-alt.png"
    assert [z["value"] for z in image["zones"]] == [
        {"label": "Média", "description": "Importer sons, images, vidéos", "x": "7.0", "y": "50.0"},
        {"label": "Le gestionnaire de projet", "description": "affiché au lancement.", "x": "63.0", "y": "50.0"}]


def test_zone_positions_with_many_decimals_are_accepted_by_the_block():
    d = draft_text(
        "---\ntitle: Resolve\n---\n\n<InteractiveImage image=\"./avec-alt.png\" alt=\"Barre\" zones={[\n"
        "  { label: \"1. Média\", top: \"0%\", left: \"0%\", width: \"14.28%\", height: \"100%\" },\n"
        "  { label: \"7. Exportation\", top: \"0%\", left: \"90%\", width: \"14.28%\", height: \"100%\" },\n]} />\n",
        name="zones.mdx")
    (image,) = blocks_of(d, "interactive_image")
    zones = [z["value"] for z in image["zones"]]
    assert [(z["x"], z["y"]) for z in zones] == [("7.14", "50.0"), ("97.14", "50.0")]
    block = ZoneBlock()
    for zone in zones:
        block.clean(block.to_python(zone))
    assert not [c for c, _ in codes(d) if c == "component_unmapped"]


def test_hero_droit_auteur_becomes_a_hero_with_its_guide_link():
    d = draft_text("---\ntitle: Projets\n---\nimport HeroDroitAuteur from '@site/src/components/HeroDroitAuteur';\n\n"
                   "<HeroDroitAuteur />\n", name="hero.mdx")
    (hero,) = blocks_of(d, "hero")
    assert hero["title"] == "Droit d'auteur et création"
    assert hero["link_url"].startswith("https://boite-outils.bib.umontreal.ca/") and hero["link_text"] == "Consulter le guide"


@pytest.mark.skipif(not (CORPUS / "docs").is_dir(), reason="Docusaurus corpus not found")
def test_no_rich_media_component_of_the_corpus_is_reported_unmapped():
    plan = build_plan(CORPUS)
    seen, unmapped, types = set(), [], set()
    for node in plan.nodes.values():
        if node.doc is None:
            continue
        text = (CORPUS / "docs" / node.doc.rel_path).read_text(encoding="utf-8")
        seen.update(c for c in COMPONENTS if f"<{c}" in text)
        draft = plan.draft(node)
        unmapped += [p.message for p in draft.problems if p.code == "component_unmapped" and any(c in p.message for c in COMPONENTS)]
        types.update(b["type"] for b in draft.fields.get("body") or [])
    assert unmapped == []
    assert {"panorama", "interactive_image", "hero"} <= types
