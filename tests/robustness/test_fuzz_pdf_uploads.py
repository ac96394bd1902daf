"""PDF uploads with random shapes: every hostile PDF is refused with its name and what it holds,
every sound one is accepted (the same check as the admin and the importer)."""

import io

from django.core.exceptions import ValidationError
from django.utils import translation

from hypothesis import given
from hypothesis import strategies as st

from pages.uploads.checks import check_document
from tests.robustness.pdf_strategies import hostile_pdfs, sound_pdfs


def _refusal(content):
    try:
        check_document("envoi.pdf", io.BytesIO(content), len(content))
    except ValidationError as error:
        return " ".join(error.messages)
    return None


@given(st.one_of(sound_pdfs(), hostile_pdfs()))
def test_every_hostile_pdf_is_refused_and_every_sound_one_accepted(case):
    content, fragment = case
    with translation.override("fr"):
        message = _refusal(content)
    if fragment is None:
        assert message is None, message
    else:
        assert message is not None, content
        assert "« envoi.pdf »" in message and fragment in message, message
