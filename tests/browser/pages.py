"""A guide that uses every interactive block, for the browser journeys."""

import uuid

from pages.models import ToolGuidePage


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _paragraph(text):
    return _block("paragraph", f"<p>{text}</p>")


def rich_guide(tree):
    """Créatives > « Découpeuse vinyle » (headings, tabs, collapsible, live data) > « Entretien »."""
    section = tree.sections["creatives"]
    guide = ToolGuidePage(
        title="Découpeuse vinyle", slug="decoupeuse-vinyle", locale=section.locale,
        summary="Découper des autocollants et du flex textile.",
        body=[
            _block("heading", {"text": "Installer le logiciel", "level": "h2", "anchor": ""}),
            _block("tabs", {"tabs": [
                {"label": "Windows", "body": [_paragraph("Téléchargez l'installateur Windows.")]},
                {"label": "macOS", "body": [_paragraph("Ouvrez le fichier .dmg et glissez l'application.")]},
            ]}),
            _block("heading", {"text": "Disponibilité", "level": "h2", "anchor": "dispo"}),
            _block("live_data", {"source": "equipment_availability", "component": "Disponibilite",
                                 "title": "Découpeuse au comptoir", "parameters": [{"name": "oclc", "value": "123"}]}),
            _block("heading", {"text": "Dépannage", "level": "h3", "anchor": ""}),
            _block("details", {"summary": "La lame ne coupe pas", "body": [_paragraph("Augmentez la pression de 10 g.")]}),
        ],
    )
    section.add_child(instance=guide)
    guide.save_revision().publish()
    child = ToolGuidePage(title="Entretien de la découpeuse", slug="entretien", locale=section.locale)
    guide.add_child(instance=child)
    child.save_revision().publish()
    return "/fr/creatives/decoupeuse-vinyle/"
