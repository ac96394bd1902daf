"""Machine translation as a first draft, never published without review.

Two providers, chosen in settings (`WAGTAILLOCALIZE_MACHINE_TRANSLATOR`):
- `GlossaryOfflineTranslator`: deterministic and offline (tests, demos, development). It applies the
  glossary to the French text and marks the rest with a "[EN]" prefix so a reviewer sees at once
  what still needs a human.
- `DeepLGlossaryTranslator`: DeepL through the official `deepl` package, used when
  `DEEPL_AUTH_KEY` is set; the glossary is sent as a DeepL glossary.
"""

import hashlib

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from bs4 import BeautifulSoup, NavigableString

from cms.compat import apply_machine_translation

from .drafts import ensure_translation, save_translation_draft, target_page
from .glossary import apply_glossary, glossary_for
from .permissions import may_translate


def _language(locale_or_code):
    code = getattr(locale_or_code, "language_code", locale_or_code)
    return code.split("-")[0].lower()


class GlossaryOfflineTranslator(BaseMachineTranslator):
    """Offline, deterministic: glossary terms replaced, text kept, "[EN] " prefix added."""

    display_name = _("Traduction automatique hors ligne (glossaire)")

    def translate_html(self, html, entries, prefix):
        soup = BeautifulSoup(html, "html.parser")
        for node in list(soup.find_all(string=True)):
            if isinstance(node, NavigableString):
                node.replace_with(NavigableString(apply_glossary(str(node), entries)))
        return prefix + str(soup)

    def translate(self, source_locale, target_locale, strings):
        from wagtail.models import Locale

        locale = target_locale if isinstance(target_locale, Locale) else Locale.objects.get(language_code=target_locale)
        entries = glossary_for(locale)
        prefix = self.options.get("PREFIX", "[{code}] ").format(code=_language(target_locale).upper())
        return {string: StringValue(self.translate_html(string.data, entries, prefix)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale) != _language(target_locale)


def deepl_glossary_entries(locale):
    """The glossary as DeepL wants it: {French term: fixed translation}."""
    return {entry.source: entry.target for entry in glossary_for(locale)}


class DeepLGlossaryTranslator(BaseMachineTranslator):
    """DeepL (`deepl` package) with our glossary.

    OPTIONS: AUTH_KEY (required), FORMALITY, TARGET_VARIANTS ({"en": "EN-US"}), GLOSSARY_IDS
    ({"en": "<id>"}, to use a glossary managed in DeepL instead of ours), SERVER_URL.
    """

    display_name = "DeepL"

    def client(self):
        import deepl

        return deepl.Translator(self.options["AUTH_KEY"], server_url=self.options.get("SERVER_URL"))

    def target_lang(self, target_locale):
        code = _language(target_locale)
        variants = {"en": "EN-US", "pt": "PT-BR", **self.options.get("TARGET_VARIANTS", {})}
        return variants.get(code, code.upper())

    def glossary(self, client, source_locale, target_locale):
        """A DeepL glossary holding exactly our entries, created once per distinct content."""
        code = _language(target_locale)
        glossary_ids = self.options.get("GLOSSARY_IDS", {})
        if code in glossary_ids:
            return glossary_ids[code]
        from wagtail.models import Locale

        locale = target_locale if isinstance(target_locale, Locale) else Locale.objects.get(language_code=target_locale)
        entries = deepl_glossary_entries(locale)
        if not entries:
            return None
        digest = hashlib.sha256(repr(sorted(entries.items())).encode()).hexdigest()[:16]
        name = f"studiobib-{_language(source_locale)}-{code}-{digest}"
        for glossary in client.list_glossaries():
            if glossary.name == name:
                return glossary.glossary_id
        return client.create_glossary(name, _language(source_locale).upper(), code.upper(), entries).glossary_id

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        if not strings:
            return {}
        client = self.client()
        results = client.translate_text(
            [s.data for s in strings],
            source_lang=_language(source_locale).upper(),
            target_lang=self.target_lang(target_locale),
            tag_handling="xml",
            formality=self.options.get("FORMALITY") or None,
            glossary=self.glossary(client, source_locale, target_locale),
        )
        return {string: StringValue(result.text) for string, result in zip(strings, results, strict=True)}

    def can_translate(self, source_locale, target_locale):
        return _language(source_locale) != _language(target_locale)


def machine_translate_page(page, locale, user):
    """Fill the untranslated segments of a page with machine output and save a draft for review.

    Returns (translation, revision); revision is None when nothing was left to translate.
    Never publishes: the draft goes through the usual review.
    """
    translator = get_machine_translator()
    if translator is None:
        raise ImproperlyConfigured("WAGTAILLOCALIZE_MACHINE_TRANSLATOR is not set")
    if not may_translate(user, page, locale):
        raise PermissionDenied(_("Vous n'avez pas le droit de traduire cette page."))
    translation = ensure_translation(page, locale)
    if target_page(translation) is None:
        save_translation_draft(translation, user=user)  # the target page must exist for the editor's checks
    if not apply_machine_translation(translation.id, user, translator):
        return translation, None
    return translation, save_translation_draft(translation, user=user)
