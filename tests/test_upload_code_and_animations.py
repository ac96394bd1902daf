"""Upload rules shared by the admin and the importer: animated images judged per frame and by a
budget for the whole animation; code and data files accepted as downloads when they are text."""

import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from wagtail.documents import get_document_model

import pytest
from PIL import Image

from pages.uploads.checks import check_document, check_image


def animated_gif(width, height, frames):
    images = [Image.new("RGB", (width, height), ((i * 37) % 256, (i * 91) % 256, (i * 13) % 256)) for i in range(frames)]
    buffer = io.BytesIO()
    images[0].save(buffer, "GIF", save_all=True, append_images=images[1:], duration=40, loop=0)
    return buffer.getvalue()


def check_gif(data, name="anim.gif"):
    return check_image(name, io.BytesIO(data), len(data))


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=500_000, IMAGE_MAX_ANIMATION_PIXELS=2_000_000)
def test_an_animation_is_judged_per_frame_not_as_one_picture_of_all_frames():
    # 10 frames of 400 × 300: 1.2 megapixels in all, above the per-image limit, each frame far below.
    assert check_gif(animated_gif(400, 300, 10)) == (400, 300)


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=500_000, IMAGE_MAX_ANIMATION_PIXELS=1_000_000)
def test_an_animation_over_its_budget_is_refused_with_its_real_figures():
    with pytest.raises(ValidationError) as error:
        check_gif(animated_gif(400, 300, 10))
    message = error.value.messages[0]
    assert error.value.code == "animation_too_large"
    assert "10 images de 400 × 300 pixels" in message and "1 mégapixels en tout" in message


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100_000)
def test_one_frame_too_large_is_refused_with_its_size():
    with pytest.raises(ValidationError) as error:
        check_gif(animated_gif(400, 300, 2))
    assert error.value.code == "too_many_pixels"
    assert "400 × 300" in error.value.messages[0]


@override_settings(IMAGE_MAX_ANIMATION_FRAMES=5)
def test_too_many_frames_is_refused():
    with pytest.raises(ValidationError, match="6 images de 20 × 20"):
        check_gif(animated_gif(20, 20, 6))


@pytest.mark.parametrize("name, content", [
    ("exercice.py", b"#!/usr/bin/env python3\nprint('Bonjour')\n"),
    ("carnet.ipynb", b'{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}'),
    ("mesures.json", b'{"mesures": [1, 2, 3]}'),
    ("sketch.ino", b"void setup() {}\nvoid loop() {}\n"),
    ("script.js", b"console.log('ok');\n"),
    ("piece.gcode", b"G28\nG1 X10 Y10\n"),
])
def test_code_and_data_files_are_accepted_as_text(name, content):
    check_document(name, io.BytesIO(content), len(content))


@pytest.mark.parametrize("name, content, expected", [
    ("exercice.py", b"MZ\x90\x00" + b"\x00" * 60, "un programme Windows"),
    ("script.js", b"<html><script>alert(1)</script></html>", "du HTML"),
    ("mesures.json", b"{pas du json", "JSON valide"),
    ("carnet.ipynb", b"\x00\x01\x02binaire", "code ou de données"),
])
def test_code_files_that_are_not_what_they_say_are_refused(name, content, expected):
    with pytest.raises(ValidationError, match=expected):
        check_document(name, io.BytesIO(content), len(content))


@pytest.mark.django_db
def test_code_files_are_served_as_text_attachments_without_sniffing(client, site_tree):
    document = get_document_model()(title="Exercice", file=SimpleUploadedFile("exercice.js", b"alert(1);\n"))
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
