"""PO import on mutated files: rejected with file and line and nothing applied, or applied whole.

The three entry points are exercised: `import_po_dir` (what `import_po` calls), the command itself
and the upload in the translation editor.
"""

import io

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client
from django.urls import reverse

from wagtail.models import Revision
from wagtail_localize.models import StringTranslation, TranslationSource

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pages.translation.po import build_po, import_po_dir

pytestmark = pytest.mark.django_db

JUNK_LINES = [
    'msgid "',
    "msgstr",
    'msgctxt "inconnu.0"',
    'msgid_plural "pluriel"',
    'msgstr[0] "un"',
    'msgstr[1] "deux"',
    '"suite sans clé"',
    "#, fuzzy",
    '#~ msgid "obsolète"',
    'msgstr "<script>alert(1)</script>"',
    'msgstr "<a href=\\"javascript:alert(1)\\">x</a>"',
    'msgstr "<b>non fermé"',
    'msgstr "\\x00\\u0000"',
    'msgstr "\\"',
    "\x00",
    'msgid ""\nmsgstr ""',
    '"X-WagtailLocalize-TranslationID: 00000000-0000-0000-0000-000000000000\\n"',
    '"X-WagtailLocalize-TranslationID: pas-un-uuid\\n"',
    '"Language: de\\n"',
    '"Plural-Forms: nplurals=2; plural=(n > 1);\\n"',
]


@st.composite
def mutations(draw):
    return draw(
        st.lists(
            st.tuples(
                st.sampled_from(["delete", "duplicate", "insert", "replace", "truncate_line"]),
                st.integers(0, 10_000),
                st.sampled_from(JUNK_LINES),
            ),
            min_size=1,
            max_size=4,
        )
    )


def _mutate(text, steps):
    lines = text.split("\n")
    for action, index, junk in steps:
        i = index % max(1, len(lines))
        if action == "delete" and lines:
            del lines[i]
        elif action == "duplicate" and lines:
            lines.insert(i, lines[i])
        elif action == "insert":
            lines.insert(i, junk)
        elif action == "replace" and lines:
            lines[i] = junk
        elif action == "truncate_line" and lines:
            lines[i] = lines[i][: len(lines[i]) // 2]
    return "\n".join(lines)


def _snapshot():
    return (
        Revision.objects.count(),
        sorted(StringTranslation.objects.values_list("pk", "data", "updated_at", "has_error")),
    )


def _translation(site_tree):
    return TranslationSource.objects.get_for_instance(site_tree.space_fr).translations.get()


def _good_text(translation):
    po = build_po(translation)
    next(e for e in po if e.msgctxt == "title").msgstr = "Sound studio"
    return str(po)


def _check_import(folder, data):
    path = folder / "studio.en.po"
    path.write_bytes(data)
    before = _snapshot()
    with transaction.atomic():
        [result] = import_po_dir(folder)
        after = _snapshot()
        transaction.set_rollback(True)
    lines = data.count(b"\n") + 1
    if result.ok:
        assert not any("<script" in d for _, d, _, _ in after[1]), "no script reaches the database"
    else:
        assert after == before, "nothing of a rejected file is applied"
        for problem in result.problems:
            assert problem.path == path and 1 <= problem.line <= lines, str(problem)
            assert str(problem).startswith(f"{path}:{problem.line}: ") and problem.message
    return result


@settings(max_examples=max(10, settings().max_examples // 2))
@given(steps=mutations())
@example(steps=[("replace", 0, 'msgid_plural "pluriel"')])
@example(steps=[("insert", 12, 'msgstr "<script>alert(1)</script>"')])
def test_a_mutated_po_file_is_rejected_with_its_line_or_applied_whole(
    site_tree, tmp_path_factory, steps
):
    text = _mutate(_good_text(_translation(site_tree)), steps)
    _check_import(tmp_path_factory.mktemp("po"), text.encode("utf-8"))


@given(data=st.binary(max_size=3000))
def test_random_bytes_as_a_po_file_are_rejected_with_a_line(site_tree, tmp_path_factory, data):
    result = _check_import(tmp_path_factory.mktemp("po"), data)
    assert not result.ok


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("latin-1", errors="replace"),
        lambda text: text.encode("utf-16"),
        lambda text: b"\xff\xfe" + text.encode("utf-8"),
    ],
)
def test_a_file_in_another_encoding_is_rejected_on_line_one(site_tree, tmp_path, encode):
    text = _good_text(_translation(site_tree)).replace("Sound studio", "Studio son été")
    result = _check_import(tmp_path, encode(text))
    assert not result.ok and result.problems[0].line == 1


def test_duplicate_entries_with_different_translations_are_rejected(site_tree, tmp_path):
    text = _good_text(_translation(site_tree))
    block = text[text.index('msgctxt "title"') :]
    block = block[: block.index("\n\n")]
    result = _check_import(
        tmp_path, (text + "\n" + block.replace("Sound studio", "Audio room") + "\n").encode()
    )
    assert not result.ok and "double" in result.problems[0].message


def test_a_huge_file_is_checked_whole_and_rejected_on_its_first_unknown_segment(
    site_tree, tmp_path
):
    text = _good_text(_translation(site_tree))
    extra = "".join(
        f'\nmsgctxt "body.x{i}"\nmsgid "Texte {i}"\nmsgstr "Text {i}"\n' for i in range(5_000)
    )
    result = _check_import(tmp_path, (text + extra).encode())
    assert not result.ok and len(result.problems) == 5_000
    assert "segment inconnu" in result.problems[0].message


def test_the_command_reports_a_bad_file_and_exits_with_an_error(site_tree, tmp_path):
    (tmp_path / "studio.en.po").write_text(
        _mutate(_good_text(_translation(site_tree)), [("insert", 5, 'msgid "')]), encoding="utf-8"
    )
    before, err = _snapshot(), io.StringIO()
    with pytest.raises(CommandError, match="1 of 1 file"):
        call_command("import_po", str(tmp_path), stdout=io.StringIO(), stderr=err)
    assert "studio.en.po:6: " in err.getvalue() and "nothing applied" in err.getvalue()
    assert _snapshot() == before


@settings(max_examples=max(5, settings().max_examples // 4))
@given(steps=mutations())
def test_the_editor_upload_of_a_mutated_file_never_fails_and_changes_nothing_when_rejected(
    admin_user, site_tree, steps
):
    translation = _translation(site_tree)
    text = _mutate(_good_text(translation), steps)
    # A new browser for each example: the messages of an earlier example, never displayed, would
    # otherwise still be waiting in the session and be read as this upload's errors.
    admin_client = Client()
    admin_client.force_login(admin_user)
    with transaction.atomic():
        before = _snapshot()
        response = admin_client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
            {"file": SimpleUploadedFile("studio.po", text.encode())},
        )
        after = _snapshot()
        transaction.set_rollback(True)
    assert response.status_code == 302
    errors = [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    if errors:
        assert after == before
        assert all(e.startswith("studio.po") for e in errors), errors


@pytest.mark.parametrize("separator", ["\x0b", "\x0c", "\x1e", "\x85", "\u2028"])
def test_a_line_separator_other_than_newline_does_not_shift_the_reported_line(
    site_tree, tmp_path, separator
):
    """Regression (found by the `fuzz` profile): lines were counted with splitlines(), so a form
    feed or \\u2028 pushed every later problem down (pages/translation/po.py, _syntax_problems)."""
    text = f'# note{separator}suite\nmsgid "a"\nmsgstr "b\n'
    result = _check_import(tmp_path, text.encode())
    assert sorted(p.line for p in result.problems) == [2, 3]  # msgid without msgstr, broken msgstr
