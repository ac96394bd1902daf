"""PDF uploads are read by structure, not searched as bytes: scripts, programs, attached files and
forbidden links are refused wherever and however they are written, in the admin and the importer;
ordinary PDFs (several pages, links, fillable forms) are accepted."""

import io
import shutil
from html import unescape

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Collection

import pytest

from pages.importers.docusaurus.plan import build_plan
from pages.importers.docusaurus.writer import Importer
from pages.review.workflows import EDITORS
from pages.site_setup.demo_media import _pdf as demo_pdf
from pages.uploads.checks import check_document
from tests import pdf_samples
from tests.test_allowed_markup import MINISITE, imported


@pytest.fixture(autouse=True)
def _french():
    with translation.override("fr"):
        yield


def _refusal(name, content):
    try:
        check_document(name, io.BytesIO(content), len(content))
    except ValidationError as error:
        return " ".join(error.messages)
    return None


@pytest.mark.parametrize("kind", sorted(pdf_samples.SOUND))
def test_an_ordinary_pdf_is_accepted(kind):
    assert _refusal("guide.pdf", pdf_samples.SOUND[kind]()) is None


def test_the_demo_pdf_and_a_pdf_written_with_object_streams_are_accepted():
    assert _refusal("plan.pdf", demo_pdf("Plan du studio")) is None
    assert _refusal("guide.pdf", pdf_samples.object_stream_sound()) is None


@pytest.mark.parametrize("kind", sorted(pdf_samples.HOSTILE))
def test_a_hostile_pdf_is_refused_with_a_message_naming_the_file_and_what_it_holds(kind):
    build, fragment = pdf_samples.HOSTILE[kind]
    message = _refusal("notice.pdf", build())
    assert message is not None, kind
    assert "« notice.pdf »" in message and fragment in message, message


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("escaped_name_javascript", "contient du JavaScript (à l'ouverture du document) : il est refusé."),
        ("annotation_javascript", "contient du JavaScript (dans une annotation)"),
        ("form_field_javascript", "contient du JavaScript (dans un champ de formulaire)"),
        ("page_additional_action", "contient du JavaScript (dans une action automatique (/AA))"),
        ("names_tree_javascript", "contient du JavaScript (dans l'arbre des noms du document)"),
        ("unreferenced_javascript", "contient du JavaScript (dans l'objet 5)"),
        ("javascript_uri", "un lien non autorisé, « javascript:app.alert(1) » (dans une annotation) : "
                           "seuls les liens http, https, mailto et tel sont acceptés."),
    ],
)
def test_the_message_says_where_the_script_or_link_sits(kind, expected):
    message = _refusal("notice.pdf", pdf_samples.HOSTILE[kind][0]())
    assert expected in message, message


def test_a_script_packed_in_a_compressed_object_stream_is_found():
    data = pdf_samples.object_stream_javascript()
    assert b"JavaScript" not in data  # nothing a byte search could see
    assert "contient du JavaScript" in _refusal("notice.pdf", data)


def test_a_pdf_behind_a_junk_header_is_not_taken_for_a_pdf():
    message = _refusal("notice.pdf", pdf_samples.leading_junk())
    assert "« notice.pdf » n'est pas un PDF : son contenu est du HTML" in message


def test_an_object_stream_inflating_past_the_ceiling_is_refused_as_unreadable():
    message = _refusal("notice.pdf", pdf_samples.huge_object_stream())
    assert "« notice.pdf » est un PDF abîmé ou illisible" in message


def test_the_english_admin_reads_the_refusal_in_english():
    with translation.override("en"):
        message = _refusal("notice.pdf", pdf_samples.escaped_name_javascript())
    assert message == (
        "The PDF “notice.pdf” contains JavaScript (when the document opens): it is refused. "
        "Export it again as a plain PDF (PDF/A, for example)."
    )


@pytest.fixture
def editor_client(client, site_tree, role_users):
    client.force_login(role_users[EDITORS])
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["escaped_name_javascript", "object_stream_javascript"])
def test_the_admin_refuses_what_got_through_before_and_stores_nothing(editor_client, kind):
    Document = get_document_model()
    before = Document.objects.count()
    response = editor_client.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("horaires.pdf", pdf_samples.HOSTILE[kind][0]()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    data = response.json()
    assert data["success"] is False
    assert "Le PDF « horaires.pdf » contient du JavaScript" in unescape(data["error_message"])
    assert Document.objects.count() == before


@pytest.mark.django_db
def test_the_admin_accepts_a_fillable_form(editor_client):
    Document = get_document_model()
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Formulaire de réservation",
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "file": SimpleUploadedFile("reservation.pdf", pdf_samples.fillable_form()),
        },
    )
    assert response.status_code == 302, unescape(response.content.decode())[:1500]
    assert Document.objects.filter(title="Formulaire de réservation").exists()


@pytest.mark.django_db
def test_the_importer_refuses_a_hostile_pdf_with_file_and_line(tmp_path, site_tree, admin_user):
    root = tmp_path / "site"
    (root / "docs" / "files").mkdir(parents=True)
    shutil.copy(MINISITE / "docusaurus.config.js", root)
    shutil.copy(MINISITE / "sidebars.js", root)
    (root / "docs" / "reglement.md").write_text(
        "---\ntitle: Règlement\n---\n\nTexte.\n\nLe [règlement](./files/reglement.pdf).\n", encoding="utf-8"
    )
    (root / "docs" / "files" / "reglement.pdf").write_bytes(pdf_samples.object_stream_javascript())
    (root / "docs" / "guide.md").write_text(
        "---\ntitle: Guide\n---\n\nLe [guide](./files/guide.pdf).\n", encoding="utf-8"
    )
    (root / "docs" / "files" / "guide.pdf").write_bytes(pdf_samples.with_link())
    report = Importer(build_plan(root), user=admin_user, publish=True).run()
    assert not [e for e in report.entries if e.level == "error"]
    # A refused file costs only the file: the doc imports, the link keeps its text.
    entry = next(e for e in report.entries if e.file == "docs/reglement.md" and e.code == "file_refused")
    assert entry.level == "warning" and entry.line == 7
    assert "Le PDF « reglement.pdf » contient du JavaScript" in entry.message
    reglement = imported("docs/reglement.md")
    assert reglement.live and "règlement" in str(reglement.body)
    assert imported("docs/guide.md").live
    assert not get_document_model().objects.filter(file__contains="reglement").exists()
