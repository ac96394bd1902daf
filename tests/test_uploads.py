"""Images and documents are accepted for what they contain, not for their name, on every way in:
admin upload (single and multiple), API v3 writes and the Docusaurus importer."""

import io
from html import unescape

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

from pages.review.workflows import EDITORS
from pages.uploads.checks import check_document, check_image
from tests import upload_samples as samples

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _french():
    """The messages are checked in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


# name, content, expected message (a fragment) or None when the file is accepted.
IMAGE_CASES = [
    ("photo.png", samples.raster("PNG"), None),
    ("photo.jpg", samples.raster("JPEG"), None),
    ("photo.jpeg", samples.raster("JPEG"), None),
    ("anim.gif", samples.raster("GIF"), None),
    ("photo.webp", samples.raster("WEBP"), None),
    (
        "photo.png",
        samples.raster("JPEG"),
        "« photo.png » n'est pas une image PNG : son contenu est une image JPEG",
    ),
    (
        "photo.jpg",
        samples.raster("PNG"),
        "« photo.jpg » n'est pas une image JPEG : son contenu est une image PNG",
    ),
    ("page.png", samples.HTML, "« page.png » n'est pas une image PNG : son contenu est du HTML"),
    (
        "setup.jpg",
        samples.WINDOWS_EXE,
        "« setup.jpg » n'est pas une image JPEG : son contenu est un programme Windows",
    ),
    ("logo.svg", samples.SVG, "« logo.svg » est une image SVG"),
    ("logo.png", samples.SVG, "« logo.png » est une image SVG"),
    ("bombe.png", samples.png_bomb(), "« bombe.png » a beaucoup trop de pixels"),
    ("grande.png", samples.png_bomb(12_000, 10_000), "« grande.png » a beaucoup trop de pixels"),
    ("polyglotte.gif", samples.gif_polyglot(), "« polyglotte.gif » cache du HTML ou un script"),
    (
        "coupee.png",
        samples.truncated_png(),
        "« coupee.png » est une image PNG abîmée ou incomplète",
    ),
    ("vide.png", b"", "« vide.png » n'est pas une image PNG : son contenu est vide"),
    ("photo.bmp", samples.raster("BMP"), "« photo.bmp » n'a pas une extension acceptée"),
]

DOCUMENT_CASES = [
    ("manuel.pdf", samples.pdf(), None),
    ("fiche.docx", samples.docx(), None),
    ("budget.xlsx", samples.xlsx(), None),
    ("texte.odt", samples.odt(), None),
    ("piece.3mf", samples.three_mf(), None),
    ("piece.stl", samples.binary_stl(), None),
    ("cube.stl", samples.ASCII_STL, None),
    ("cube.obj", samples.OBJ, None),
    ("salles.csv", samples.CSV, None),
    ("lisezmoi.txt", "Bonjour, ça marche.\n".encode(), None),
    ("demo.mp4", samples.MP4, None),
    ("archive.zip", samples.zip_of({"a.txt": b"a"}), None),
    ("x.pdf", samples.HTML, "Le fichier « x.pdf » n'est pas un PDF : son contenu est du HTML."),
    (
        "facture.pdf",
        samples.WINDOWS_EXE,
        "« facture.pdf » n'est pas un PDF : son contenu est un programme Windows",
    ),
    (
        "outil.pdf",
        samples.LINUX_EXE,
        "« outil.pdf » n'est pas un PDF : son contenu est un programme Linux",
    ),
    ("piege.pdf", samples.pdf_with_javascript(), "Le PDF « piege.pdf » contient du JavaScript"),
    (
        "fiche.docx",
        samples.xlsx(),
        "« fiche.docx » n'est pas un document Word (DOCX) : son contenu est un classeur Excel (XLSX)",
    ),
    (
        "fiche.docx",
        samples.zip_of({"a.txt": b"a"}),
        "n'est pas un document Word (DOCX) : son contenu est une archive ZIP",
    ),
    (
        "fiche.docx",
        samples.pdf(),
        "« fiche.docx » n'est pas un document Word (DOCX) : son contenu est un PDF",
    ),
    ("budget.xlsx", b"PK\x03\x04 broken", "« budget.xlsx » est une archive ZIP abîmée"),
    (
        "pilote.zip",
        samples.zip_with_program(),
        "« pilote.zip » contient un programme (« pilote/setup.exe »)",
    ),
    (
        "notes.txt",
        samples.HTML,
        "« notes.txt » n'est pas un fichier texte : son contenu est du HTML",
    ),
    ("salles.csv", samples.WINDOWS_EXE, "« salles.csv » n'est pas un tableau CSV (texte)"),
    (
        "piece.stl",
        samples.raster("PNG"),
        "« piece.stl » n'est pas un modèle 3D STL : son contenu est une image PNG",
    ),
    ("cube.obj", samples.HTML, "« cube.obj » n'est pas un modèle 3D OBJ : son contenu est du HTML"),
    ("demo.mp4", samples.HTML, "« demo.mp4 » n'est pas une vidéo MP4 : son contenu est du HTML"),
    ("vide.pdf", b"", "« vide.pdf » est vide"),
    ("page.html", samples.HTML, "« page.html » n'a pas une extension acceptée"),
    ("logo.svg", samples.SVG, "« logo.svg » n'a pas une extension acceptée"),
    ("setup.exe", samples.WINDOWS_EXE, "« setup.exe » n'a pas une extension acceptée"),
]


def _ids(cases):
    return [
        f"{name}-{'ok' if expected is None else 'refused'}-{index}"
        for index, (name, _c, expected) in enumerate(cases)
    ]


def _outcome(check, name, content):
    try:
        check(name, io.BytesIO(content), len(content))
    except ValidationError as error:
        return " ".join(error.messages)
    return None


@pytest.mark.parametrize(("name", "content", "expected"), IMAGE_CASES, ids=_ids(IMAGE_CASES))
def test_an_image_is_what_its_content_says(name, content, expected):
    message = _outcome(check_image, name, content)
    if expected is None:
        assert message is None
    else:
        assert message is not None and expected in message, message


@pytest.mark.parametrize(("name", "content", "expected"), DOCUMENT_CASES, ids=_ids(DOCUMENT_CASES))
def test_a_document_is_what_its_extension_says(name, content, expected):
    message = _outcome(check_document, name, content)
    if expected is None:
        assert message is None
    else:
        assert message is not None and expected in message, message


def test_size_and_pixel_limits_come_from_the_settings(settings):
    image = samples.raster("PNG", (40, 30))
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1000
    assert "a trop de pixels (40 × 30)" in _outcome(check_image, "x.png", image)
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 100_000_000
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10
    assert "« x.png » est trop lourd" in _outcome(check_image, "x.png", image)
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    assert "« x.pdf » est trop lourd" in _outcome(check_document, "x.pdf", samples.pdf())


def test_pillow_refuses_a_bomb_wherever_it_is_opened():
    """Not only in our forms: renditions and any other code opening the file are stopped too."""
    with pytest.raises(PILImage.DecompressionBombError):
        PILImage.open(io.BytesIO(samples.png_bomb(12_000, 10_000)))  # 120 megapixels, limit 100


# --- the admin and API ways in -----------------------------------------------------------------


@pytest.fixture
def editor_client(client, site_tree, role_users):
    client.force_login(role_users[EDITORS])
    return client


def _root_collection():
    return Collection.get_first_root_node().pk


def test_the_admin_image_form_refuses_a_disguised_file_and_says_why(editor_client):
    Image = get_image_model()
    before = Image.objects.count()
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Plan",
            "collection": _root_collection(),
            "tags": "",
            "file": SimpleUploadedFile(
                "plan.png", samples.raster("JPEG"), content_type="image/png"
            ),
        },
    )
    assert response.status_code == 200
    assert "« plan.png » n'est pas une image PNG : son contenu est une image JPEG" in unescape(
        response.content.decode()
    )
    assert Image.objects.count() == before

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Plan",
            "collection": _root_collection(),
            "tags": "",
            "file": SimpleUploadedFile("plan.png", samples.raster("PNG"), content_type="image/png"),
        },
    )
    assert response.status_code == 302
    assert Image.objects.count() == before + 1


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("bombe.png", samples.png_bomb(), "a beaucoup trop de pixels"),
        ("logo.svg", samples.SVG, "Exportez l'image en PNG"),
        ("polyglotte.gif", samples.gif_polyglot(), "cache du HTML ou un script"),
    ],
)
def test_the_multiple_upload_refuses_bombs_svg_and_polyglots(
    editor_client, name, content, fragment
):
    Image = get_image_model()
    before = Image.objects.count()
    response = editor_client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": _root_collection(),
        },
    )
    data = response.json()
    assert data["success"] is False
    assert f"« {name} »" in data["error_message"] and fragment in data["error_message"]
    assert Image.objects.count() == before


def test_the_admin_document_form_refuses_html_disguised_as_pdf(editor_client):
    Document = get_document_model()
    before = Document.objects.count()
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Facture",
            "collection": _root_collection(),
            "tags": "",
            "file": SimpleUploadedFile("x.pdf", samples.HTML, content_type="application/pdf"),
        },
    )
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert "Le fichier « x.pdf » n'est pas un PDF : son contenu est du HTML." in text
    assert "L'extension de fichier" not in text  # only our message, not Wagtail's on an empty file
    assert Document.objects.count() == before


def test_the_multiple_document_upload_refuses_a_program(editor_client):
    Document = get_document_model()
    before = Document.objects.count()
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("notice.pdf", samples.WINDOWS_EXE),
            "collection": _root_collection(),
        },
    )
    data = response.json()
    assert data["success"] is False
    assert (
        "« notice.pdf » n'est pas un PDF : son contenu est un programme Windows"
        in data["error_message"]
    )
    assert Document.objects.count() == before


def _token(user):
    out = io.StringIO()
    call_command("api_tokens", "create", "--user", user.username, "--name", "uploads", stdout=out)
    return next(word for word in out.getvalue().split() if word.startswith("wagtail_"))


def test_api_v3_image_writes_go_through_the_same_checks(client, site_tree, admin_user):
    Image = get_image_model()
    before = Image.objects.count()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {_token(admin_user)}"}
    data = {"title": "Bombe", "collection_id": _root_collection()}
    response = client.post(
        "/api/v3/images/",
        {"file": SimpleUploadedFile("bombe.png", samples.png_bomb()), **data},
        **headers,
    )
    assert 400 <= response.status_code < 500, response.content
    assert "« bombe.png » a beaucoup trop de pixels" in unescape(response.content.decode())
    assert Image.objects.count() == before
    response = client.post(
        "/api/v3/images/",
        {"file": SimpleUploadedFile("ok.png", samples.raster("PNG")), **data},
        **headers,
    )
    assert response.status_code == 201, response.content
    assert Image.objects.count() == before + 1


def test_documents_are_served_as_downloads_the_browser_may_not_sniff(client, site_tree, admin_user):
    Document = get_document_model()
    served = {}
    for name, content in (("fiche.docx", samples.docx()), ("manuel.pdf", samples.pdf())):
        document = Document(title=name, file=SimpleUploadedFile(name, content))
        document.save()
        served[name] = client.get(document.url)
    docx, pdf = served["fiche.docx"], served["manuel.pdf"]
    assert docx.status_code == pdf.status_code == 200
    assert docx["Content-Disposition"].startswith("attachment")
    assert pdf["Content-Disposition"].startswith("inline")
    for response in (docx, pdf):
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "default-src 'none'"
