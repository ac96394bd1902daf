"""Carousel, interactive image, panorama and hero: alt text required, readable without
JavaScript, in the API with the one image shape, and the viewer library served by us."""

import re

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.models import Image

import pytest

from cms import vendor
from pages.blocks import CarouselBlock, HeroBlock, InteractiveImageBlock, PanoramaBlock
from pages.models import ToolGuidePage

from .translation_helpers import add_french_guide, every_block_body

pytestmark = pytest.mark.django_db

IMAGE_KEYS = {"id", "title", "url", "full_url", "width", "height", "alt"}


def _clean(block, value):
    return block.clean(block.to_python(value))


def _image():
    return Image.objects.order_by("pk").first()


def _rich_guide(site_tree, admin_user):
    body = [b for b in every_block_body(site_tree.space_fr) if b["type"] in ("carousel", "interactive_image", "panorama", "hero")]
    carousel = body[0]["value"]
    carousel["slides"].append({"image": _image().pk, "alt": "La scie à ruban", "decorative": False, "caption": "", "credit": ""})
    return add_french_guide(site_tree.sections["creatives"], admin_user, title="Médias riches", slug="medias-riches", body=body)


def test_a_carousel_photo_without_alt_is_refused_unless_decorative(site_tree):
    block = CarouselBlock()
    slide = {"image": _image().pk, "alt": "", "decorative": False, "caption": "", "credit": ""}
    with pytest.raises(StructBlockValidationError):
        _clean(block, {"title": "Photos", "autoplay": False, "slides": [slide]})
    assert _clean(block, {"title": "Photos", "autoplay": False, "slides": [dict(slide, decorative=True)]})


def test_a_carousel_does_not_move_on_its_own_by_default():
    assert CarouselBlock().child_blocks["autoplay"].get_default() is False


@pytest.mark.parametrize("block_class", [InteractiveImageBlock, PanoramaBlock])
def test_an_interactive_image_or_a_panorama_needs_its_alt(site_tree, block_class):
    block = block_class()
    value = {"image": _image().pk, "alt": "", "caption": ""}
    if block_class is InteractiveImageBlock:
        value["zones"] = [{"label": "Zone", "description": "", "x": 10, "y": 10}]
    with pytest.raises(StructBlockValidationError) as error:
        _clean(block, value)
    assert "alt" in error.value.block_errors


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/x", "data:text/html,x"])
def test_a_hero_link_must_be_an_http_address(url):
    value = {"title": "Titre", "text": "", "image": None, "alt": "", "decorative": False,
             "link_url": url, "link_text": "Lire"}
    with pytest.raises((StructBlockValidationError, Exception)):
        _clean(HeroBlock(), value)


def test_a_hero_link_needs_its_text_and_a_hero_image_its_alt(site_tree):
    base = {"title": "Titre", "text": "", "image": None, "alt": "", "decorative": False, "link_url": "", "link_text": ""}
    with pytest.raises(StructBlockValidationError) as error:
        _clean(HeroBlock(), dict(base, link_url="https://example.org/"))
    assert "link_text" in error.value.block_errors
    with pytest.raises(StructBlockValidationError) as error:
        _clean(HeroBlock(), dict(base, image=_image().pk))
    assert "alt" in error.value.block_errors
    assert _clean(HeroBlock(), dict(base, image=_image().pk, decorative=True, link_url="https://example.org/", link_text="Lire"))


def test_without_javascript_each_block_reads_as_plain_html(client, site_tree, admin_user):
    page = _rich_guide(site_tree, admin_user)
    html = client.get(page.url).content.decode()
    # Carousel: every photo, as a list of figures with their alt; no button before the script runs.
    carousel = html[html.index('data-carousel'):html.index('</section>', html.index('data-carousel'))]
    assert carousel.count("<figure") == 3
    assert 'alt="L&#x27;établi en bois"' in carousel and 'alt=""' in carousel
    assert 'data-label-status="Photo {current} sur {total}"' in carousel
    assert 'data-autoplay="false"' in carousel
    # Interactive image: the zones as a list under the image; their buttons appear with the script.
    assert re.search(r'<ol class="interactive-image__zones"[^>]*>\s*<li id="[^"]+"><strong>Bouton d&#x27;arrêt</strong> : '
                     r"Arrête la machine tout de suite.</li>", html)
    assert re.search(r'<button type="button" class="interactive-image__spot" hidden[^>]*data-x="12.5"', html)
    # Panorama: a still figure with its alt and caption; the viewer comes from our static files.
    assert re.search(r'<img class="panorama__still" [^>]*alt="Vue à 360° de l&#x27;atelier"', html)
    assert "<figcaption>L&#x27;atelier vu du centre</figcaption>" in html
    assert 'data-viewer-module="/static/vendor/photo-sphere-viewer/index.module.js"' in html
    # Hero: a titled section and a link.
    assert re.search(r'<h2 class="hero-block__title" id="[^"]+">Droit d&#x27;auteur et création</h2>', html)
    assert '<a class="button hero-block__link" href="https://example.org/droit-auteur">Consulter le guide</a>' in html


def test_an_english_page_gets_english_controls():
    with translation.override("en"):
        rendered = render_to_string("pages/blocks/carousel_block.html",
                                    {"value": {"title": "Photos", "autoplay": False, "slides": []}, "uid": "c1"})
    assert 'data-label-previous="Previous photo"' in rendered
    assert 'data-label-status="Photo {current} of {total}"' in rendered


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_the_api_gives_each_block_with_the_one_image_shape(client, site_tree, admin_user, version):
    page = _rich_guide(site_tree, admin_user)
    data = client.get(f"/api/{version}/pages/{page.pk}/").json()
    body = {b["type"]: b["value"] for b in data["body"]}
    slides = body["carousel"]["slides"]
    assert [s["image"]["alt"] for s in slides] == ["L'établi en bois", "", "La scie à ruban"]
    assert slides[1]["decorative"] is True and body["carousel"]["autoplay"] is False
    assert body["interactive_image"]["zones"] == [
        {"label": "Bouton d'arrêt", "description": "Arrête la machine tout de suite.", "x": 12.5, "y": 40.0}]
    assert body["panorama"]["image"]["alt"] == "Vue à 360° de l'atelier"
    assert body["panorama"]["caption"] == "L'atelier vu du centre"
    assert body["hero"]["link"] == {"url": "https://example.org/droit-auteur", "text": "Consulter le guide"}
    for image in [s["image"] for s in slides] + [body["interactive_image"]["image"], body["panorama"]["image"],
                                                 body["panorama"]["panorama"]]:
        assert set(image) == IMAGE_KEYS


def test_the_install_step_copies_the_viewer_and_points_its_three_import_at_our_copy(tmp_path):
    modules = tmp_path / "node_modules"
    for source in vendor.FILES:
        (modules / source).parent.mkdir(parents=True, exist_ok=True)
        (modules / source).write_text('import { A } from "three";\n' if source.endswith("index.module.js") else "x")
    out = vendor.copy(modules, tmp_path / "vendor")
    text = (out / "photo-sphere-viewer/index.module.js").read_text()
    assert 'from "../three/three.module.min.js"' in text and 'from "three"' not in text


def test_the_viewer_files_are_served_from_our_own_static_files():
    if not (vendor.VENDOR / "photo-sphere-viewer").is_dir():
        pytest.skip("`make install` has not copied the viewer library")
    for path in ("vendor/photo-sphere-viewer/index.module.js", "vendor/photo-sphere-viewer/index.css",
                 "vendor/three/three.module.min.js", "vendor/three/three.core.min.js", "js/panorama.js", "js/carousel.js"):
        assert finders.find(path), path


def test_the_page_with_every_rich_block_is_a_guide_page(site_tree, admin_user):
    page = _rich_guide(site_tree, admin_user)
    assert isinstance(page.specific, ToolGuidePage)
    assert [b.block_type for b in page.specific.body] == ["carousel", "interactive_image", "panorama", "hero"]
