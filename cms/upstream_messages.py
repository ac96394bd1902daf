"""French for interface strings of Wagtail and wagtail-localize that their catalogues lack or get wrong.

Django reads the project's catalogue (LOCALE_PATHS) before the apps' ones, so an msgid listed here
with its French replaces the library's French. Listing them with gettext_noop keeps them in the
catalogue across `makemessages --no-obsolete`; `check_messages --fill-source` writes the French
below into the French catalogue (the msgid itself stays the English of the library).
"""



def gettext_noop(message):
    """Django's gettext_noop without Django's settings (check_messages runs without them);
    makemessages extracts its argument all the same."""
    return message


FRENCH = {
    # wagtail-localize says « Régions » where it means languages (submit form, reports, locales).
    gettext_noop("Locales"): "Langues",
    gettext_noop("{} locales"): "{} langues",
    gettext_noop("This locale cannot be synced into itself."): "Cette langue ne peut pas être synchronisée avec elle-même.",
    gettext_noop("Synchronise content from another locale"): "Synchroniser le contenu d’une autre langue",
    # Wagtail 8's French: « Région » for a language, the English word « Status ».
    gettext_noop("Locale"): "Langue",
    gettext_noop("Locale: "): "Langue : ",
    gettext_noop("Status: "): "Statut : ",
    gettext_noop("Current page status:"): "Statut actuel de la page :",
    gettext_noop("Locking status"): "Statut de verrouillage",
    # Left in English by Wagtail 8's French (report titles and columns).
    gettext_noop("Workflow"): "Circuit de révision",
    gettext_noop("Workflows"): "Circuits de révision",
    # Untranslated in wagtail-localize 1.14.5.
    gettext_noop("Published '{object}' in {locale} with missing translations - see below."):
        "« {object} » publiée en {locale}, avec des traductions manquantes : voir ci-dessous.",
    gettext_noop("Cannot import PO file that was created for a different translation."):
        "Impossible d’importer un fichier PO créé pour une autre traduction.",
    # Untranslated in Wagtail 8.0: the title of a block's preview in the block picker.
    gettext_noop("Preview for %(block_label)s (%(block_type)s)"): "Aperçu : %(block_label)s (%(block_type)s)",
}
