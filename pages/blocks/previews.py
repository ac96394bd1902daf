"""What the block picker shows beside each block: a sample value, rendered with the site's styles.

Samples that need an image or a document take the newest one of the library (a preview is only
shown to editors, who see the library anyway); on an empty library they go without.
"""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def library_image():
    return get_image_model().objects.order_by("-created_at").first()


def library_document():
    return get_document_model().objects.order_by("-created_at").first()


def image_preview():
    return {"image": library_image(), "alt": "La console de mixage du studio balado",
            "decorative": False, "caption": "Le studio balado", "credit": "studio·bib"}


def document_preview():
    return {"document": library_document(), "label": "Guide de démarrage"}


def steps_preview():
    return {"title": "Pour commencer", "steps": [
        {"title": "Allumer la console", "text": "<p>Le bouton est à l'arrière, à droite.</p>", "image": None, "image_alt": ""},
        {"title": "Brancher le micro", "text": "<p>Utilisez l'entrée 1 (XLR).</p>", "image": None, "image_alt": ""},
    ]}


def card_grid_preview():
    return {"title": "Nos espaces", "cards": [
        {"title": "Studio balado", "text": "Enregistrer un balado ou une voix hors champ.", "page": None,
         "url": "https://www.example.org/studio", "image": library_image()},
        {"title": "Impression 3D", "text": "Imprimer une pièce en PLA.", "page": None,
         "url": "https://www.example.org/3d", "image": None},
    ]}


TABLE_PREVIEW = {"caption": "Tarifs de l'impression 3D", "header_row": True, "header_column": False, "rows": [
    {"cells": ["Matériau", "Prix"]}, {"cells": ["PLA", "0,10 $ / g"]}, {"cells": ["PETG", "0,15 $ / g"]},
]}
VIDEO_PREVIEW = {"title": "Visite du studio", "video_file": None, "url": "https://vimeo.com/76979871",
                 "transcript": "<p>Bienvenue au studio balado.</p>"}
EMBED_PREVIEW = {"url": "https://view.genial.ly/exemple", "title": "Plan des espaces", "height": 320}
LIVE_DATA_PREVIEW = {"source": "equipment_availability", "component": "", "title": "Disponibilité des imprimantes 3D",
                     "parameters": [{"name": "equipement", "value": "imprimante-3d"}]}
HOURS_PREVIEW = {"title": "Soutien informatique", "library": "ss", "service": "soutien-informatique", "view": "today"}
WORKSHOPS_PREVIEW = {"title": "Prochaines formations", "discipline": "informatique-creation-medias", "place": "", "count": 3}
NEXT_SLOT_PREVIEW = {"title": "Studio balado vidéo", "service": "studio-balado-video", "booking_url": ""}
CHAT_PREVIEW = {"title": "Une question ?", "hash": "exemple", "email": ""}
DETAILS_PREVIEW = {"summary": "Puis-je apporter mon propre matériel ?",
                   "body": [("paragraph", "<p>Oui, s'il est en bon état et que vous savez l'utiliser.</p>")]}
TABS_PREVIEW = {"tabs": [
    {"label": "Windows", "body": [("paragraph", "<p>Ouvrez le menu Démarrer.</p>")]},
    {"label": "macOS", "body": [("paragraph", "<p>Ouvrez le Finder.</p>")]},
]}



def carousel_preview():
    image = library_image()
    return {"title": "Photos du studio balado", "autoplay": False, "slides": [
        {"image": image, "alt": "La console de mixage", "decorative": False, "caption": "La console", "credit": ""},
        {"image": image, "alt": "Deux micros face à face", "decorative": False, "caption": "Les micros", "credit": ""},
    ]}


def interactive_image_preview():
    return {"image": library_image(), "alt": "L'interface du logiciel de montage", "caption": "Les zones de l'écran",
            "zones": [{"label": "Médias", "description": "Importer les sons et les images.", "x": 10, "y": 20},
                      {"label": "Montage", "description": "Assembler les plans.", "x": 60, "y": 70}]}


def panorama_preview():
    return {"image": library_image(), "alt": "Vue à 360° du laboratoire de visualisation",
            "caption": "Le laboratoire de visualisation"}


HERO_PREVIEW = {"title": "Droit d'auteur et création", "text": "Protégez vos créations et respectez celles des autres.",
                "image": None, "alt": "", "decorative": False,
                "link_url": "https://www.example.org/droit-auteur", "link_text": "Consulter le guide"}
