"""Helpers for the translation tests: a French page using every body block, PO edits."""

import uuid
from pathlib import Path

from wagtail.documents.models import Document
from wagtail.images.models import Image

import polib

from pages.help.models import HelpBox
from pages.models import ToolGuidePage
from pages.site_setup.skeleton import publish


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def every_block_body(link_page):
    """One block of each BodyStreamBlock type, with lists, links and markup inside."""
    image = Image.objects.order_by("pk").first()
    document = Document.objects.order_by("pk").first()
    paragraph = (
        '<ul><li>Premier <b>point</b></li><li>Second point avec '
        f'<a linktype="page" id="{link_page.pk}">un lien</a></li></ul>'
        '<p>Texte en <i>italique</i> et <a href="https://example.org/guide">lien externe</a>.</p>'
    )
    inner = [block("paragraph", "<p>Nettoyez la buse après usage.</p>")]
    help_box, _created = HelpBox.objects.get_or_create(
        name="aide-test", locale=link_page.locale,
        defaults={"title": "Besoin d'aide ?", "text": "<p>Écrivez-nous.</p>"})
    return [
        block("heading", {"text": "Avant de commencer", "level": "h2", "anchor": ""}),
        block("paragraph", paragraph),
        block("image", {"image": image.pk, "alt": "Une buse vue de près", "decorative": False,
                        "caption": "La buse chauffante", "credit": "Atelier"}),
        block("callout", {"kind": "warning", "title": "Chaleur", "body": "<p>La buse atteint <b>220 °C</b>.</p>"}),
        block("table", {"caption": "Réglages", "header_row": True, "header_column": False, "rows": [
            {"cells": ["<p>Matériau</p>", "<p>Température</p>"]},
            {"cells": ["<p>Plastique souple</p>", "<p>Deux cent vingt degrés</p>"]},
        ]}),
        block("steps", {"title": "Pour commencer", "steps": [
            {"title": "Allumer la machine", "text": "<p>Appuyez sur le bouton vert.</p>",
             "image": image.pk, "image_alt": "Le bouton vert allumé"},
        ]}),
        block("card_grid", {"title": "À voir aussi", "cards": [
            {"title": "Le studio", "text": "Un lieu pour enregistrer.", "page": link_page.pk, "url": "", "image": None},
        ]}),
        block("document", {"document": document.pk, "label": "Fiche de sécurité"}),
        block("video", {"title": "Démonstration filmée", "video_file": None, "url": "https://vimeo.com/123456",
                        "transcript": "<p>On voit la machine imprimer.</p>"}),
        block("embed", {"url": "https://view.genial.ly/abc", "title": "Schéma interactif", "height": 480}),
        block("code", {"language": "gcode", "code": "G28 ; retour à l'origine\nM104 S220", "caption": "Préchauffage"}),
        block("quote", {"quote": "Apprendre en faisant.", "attribution": "L'équipe"}),
        block("live_data", {"source": "equipment_availability", "component": "Disponibilite",
                            "title": "Machines libres", "parameters": [{"name": "salle", "value": "imprimante-1"}]}),
        block("library_hours", {"title": "Soutien informatique", "library": "ss", "service": "soutien-informatique",
                                "view": "week"}),
        block("workshops", {"title": "Prochaines formations", "discipline": "informatique-creation-medias",
                            "place": "Carrefour", "count": 4}),
        block("next_slot", {"title": "Studio balado vidéo", "service": "studio-balado-video", "booking_url": ""}),
        block("chat", {"title": "Une question ?", "hash": "2cdfcaf0f2e776291e8bfc9296e8b757", "email": ""}),
        block("details", {"summary": "Et si la pièce se décolle ?", "body": inner}),
        block("tabs", {"tabs": [
            {"label": "Windows", "body": [block("paragraph", "<p>Ouvrez le logiciel depuis le menu Démarrer.</p>")]},
            {"label": "macOS", "body": [block("paragraph", "<p>Ouvrez le logiciel depuis le Launchpad.</p>")]},
        ]}),
        block("help_box", help_box.pk),
        block("catalogue", {"catalogue": "software", "title": "Logiciels installés"}),
        block("carousel", {"title": "Photos de l'atelier", "autoplay": False, "slides": [
            {"image": image.pk, "alt": "L'établi en bois", "decorative": False, "caption": "L'établi", "credit": "Atelier"},
            {"image": image.pk, "alt": "", "decorative": True, "caption": "", "credit": ""},
        ]}),
        block("interactive_image", {"image": image.pk, "alt": "Le panneau de commande", "caption": "Les commandes",
                                    "zones": [{"label": "Bouton d'arrêt", "description": "Arrête la machine tout de suite.",
                                               "x": "12.5", "y": "40"}]}),
        block("panorama", {"image": image.pk, "alt": "Vue à 360° de l'atelier", "caption": "L'atelier vu du centre"}),
        block("hero", {"title": "Droit d'auteur et création", "text": "Protégez vos créations.", "image": None,
                       "alt": "", "decorative": False, "link_url": "https://example.org/droit-auteur",
                       "link_text": "Consulter le guide"}),
    ]


def add_french_guide(parent, user, *, title="Découpeuse laser", slug="decoupeuse-laser", body=None, **fields):
    """A published French tool guide under `parent`."""
    page = ToolGuidePage(title=title, slug=slug, locale=parent.locale, summary=fields.pop("summary", "Découper du bois."),
                         body=body or [], **fields)
    parent.add_child(instance=page)
    return publish(page, user)


def po_for(directory, page):
    """The exported PO file of a French page in `directory`."""
    matches = list(Path(directory).glob(f"{page.pk}-*.po"))
    assert len(matches) == 1, matches
    return matches[0]


def english(entry):
    """A recognisable translation that keeps the markup: "EN:" before the text, "en-" before slugs."""
    return ("en-" if entry.msgctxt == "slug" else "EN:") + entry.msgid


def translate_po(path, transform=english):
    """Fill every msgstr of a PO file (as a translator would) and save it."""
    po = polib.pofile(str(path), wrapwidth=200)
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = transform(entry)
    po.save(str(path))
    return po
