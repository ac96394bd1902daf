"""Machine translation gives a first draft that applies the glossary and waits for review."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation
from wagtail_localize.strings import StringValue

import pytest

from pages.site_setup.skeleton import publish
from pages.translation.machine import (
    DeepLGlossaryTranslator,
    GlossaryOfflineTranslator,
    machine_translate_page,
)
from pages.translation.models import GlossaryTerm
from pages.translation.status import Detail, Status, translation_state

from .translation_helpers import add_french_guide, block

pytestmark = pytest.mark.django_db


@pytest.fixture
def glossary(site_tree):
    GlossaryTerm.objects.create(source_term="imprimante 3D", target_locale=site_tree.en, target_term="3D printer",
                                note="Jamais « 3D imprimer ».")
    GlossaryTerm.objects.create(source_term="buse", target_locale=site_tree.en, target_term="nozzle")
    GlossaryTerm.objects.create(source_term="imprimante", target_locale=site_tree.en, target_term="printer")


def test_the_configured_translator_is_the_offline_glossary_translator():
    assert isinstance(get_machine_translator(), GlossaryOfflineTranslator)


def test_offline_translator_applies_the_glossary_longest_term_first_and_keeps_markup(site_tree, glossary):
    translator = GlossaryOfflineTranslator({})
    source = StringValue('Nettoyez la <b>buse</b> de l\'imprimante 3D, puis de l\'<a id="a1">imprimante</a>.')
    [result] = translator.translate(site_tree.fr, site_tree.en, [source]).values()
    assert result.data == '[EN] Nettoyez la <b>nozzle</b> de l\'3D printer, puis de l\'<a id="a1">printer</a>.'


def test_offline_translator_is_deterministic_and_keeps_capitals(site_tree, glossary):
    translator = GlossaryOfflineTranslator({})
    strings = [StringValue("Buse bouchée")]
    first = translator.translate(site_tree.fr, site_tree.en, strings)
    second = translator.translate(site_tree.fr, site_tree.en, strings)
    assert first[strings[0]].data == second[strings[0]].data == "[EN] Nozzle bouchée"


def test_machine_translation_of_a_new_page_is_a_draft_never_published(site_tree, admin_user, glossary):
    page = add_french_guide(site_tree.sections["creatives"], admin_user, title="Imprimante 3D résine",
                            slug="imprimante-resine", summary="Une imprimante 3D à résine et sa buse.")
    translation, revision = machine_translate_page(page, site_tree.en, admin_user)
    english = page.get_translation(site_tree.en).specific
    assert not english.live
    assert revision.object_id == str(english.pk)
    assert english.get_latest_revision_as_object().summary == "[EN] Une 3D printer à résine et sa nozzle."
    machine = StringTranslation.objects.filter(context__object_id=translation.source.object_id, locale=site_tree.en)
    assert set(machine.values_list("translation_type", flat=True)) == {"machine"}
    state = translation_state(page, site_tree.en)
    assert (state.status, state.detail) == (Status.IN_PROGRESS, Detail.NOT_PUBLISHED)


def test_machine_translation_of_a_live_page_leaves_the_reviewed_text_online(site_tree, admin_user, glossary):
    guide = site_tree.guide_fr
    guide.body = list(guide.body.raw_data) + [block("paragraph", "<p>Videz la buse avant de partir.</p>")]
    publish(guide, admin_user)
    from pages.translation.drafts import ensure_translation
    from pages.translation.po import sync_source

    sync_source(ensure_translation(guide, site_tree.en))
    _translation, revision = machine_translate_page(guide, site_tree.en, admin_user)

    english = guide.get_translation(site_tree.en).specific
    assert english.live and english.has_unpublished_changes
    assert "Videz" not in str(english.body) and "nozzle" not in str(english.body), "the live page is unchanged"
    draft = english.get_latest_revision_as_object()
    assert draft.body[-1].value.source == "<p>[EN] Videz la nozzle avant de partir.</p>"
    assert draft.summary == english.summary, "segments already translated by a person are kept"
    assert revision.pk == english.latest_revision_id


def test_machine_translation_needs_edit_permission(site_tree, admin_user, glossary):
    visitor = get_user_model().objects.create_user("visiteur", password="x")
    page = add_french_guide(site_tree.sections["creatives"], admin_user)
    with pytest.raises(PermissionDenied):
        machine_translate_page(page, site_tree.en, visitor)
    assert page.get_translation_or_none(site_tree.en) is None


def test_deepl_translator_sends_our_glossary_and_a_regional_english(site_tree, glossary):
    translator = DeepLGlossaryTranslator({"AUTH_KEY": "unused:fx"})
    assert translator.target_lang(site_tree.en) == "EN-US"
    assert translator.can_translate(site_tree.fr, site_tree.en)
    assert not translator.can_translate(site_tree.fr, Locale(language_code="fr"))
    from pages.translation.machine import deepl_glossary_entries

    assert deepl_glossary_entries(site_tree.en) == {
        "imprimante 3D": "3D printer", "imprimante": "printer", "buse": "nozzle"}
