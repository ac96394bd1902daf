"""French where Wagtail and wagtail-localize have none or a wrong one (the browser test covers the screens)."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation

from wagtail_localize.models import StringTranslation

import pytest

from pages.review.workflows import TRANSLATORS

pytestmark = pytest.mark.django_db


def test_the_editors_publish_button_keeps_its_space_before_the_language(client, role_users):
    client.force_login(role_users[TRANSLATORS])
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    assert '"Publish in ": "Publier en "' in catalogue


@pytest.mark.parametrize(("language", "expected"), [("fr", "Traduit manuellement le 1 décembre 2026"),
                                                    ("en", "Translated manually on Dec. 1, 2026")])
def test_the_translated_on_date_is_in_the_readers_language(language, expected):
    stamp = timezone.make_aware(datetime.datetime(2026, 12, 1, 12, 0))
    string = StringTranslation(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, updated_at=stamp)
    with translation.override(language):
        assert string.get_comment() == expected


def test_languages_are_called_languages_not_regions():
    with translation.override("fr"):
        assert translation.gettext("Locales") == "Langues"
        assert translation.gettext("Locale") == "Langue"
        assert translation.gettext("Current page status:") == "Statut actuel de la page :"
