"""Demo content: one published page of each type in French, with its reviewed English translation."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.users.models import UserProfile

from pages.models import MissionPage, SpacePage, ToolGuidePage
from pages.review.workflows import ADMINISTRATORS, EDITORS, REVIEWERS, TRANSLATORS

from .demo_media import demo_document, demo_image
from .skeleton import ensure_live_translation, ensure_skeleton, publish, publish_translation
from .translations import segment_pairs, translate_page

DEMO_ADMIN = {"username": "admin", "password": "studiobib-demo", "email": "admin@example.org"}
# One account per editorial role, for a local demo only (the passwords are public).
DEMO_ACCOUNTS = [
    {"username": "redaction", "password": "redaction-demo", "group": EDITORS,
     "first_name": "Rémi", "last_name": "Rédacteur", "email": "redaction@example.org"},
    {"username": "revision", "password": "revision-demo", "group": REVIEWERS,
     "first_name": "Rachel", "last_name": "Réviseure", "email": "revision@example.org"},
    {"username": "traduction", "password": "traduction-demo", "group": TRANSLATORS,
     "first_name": "Thomas", "last_name": "Traducteur", "email": "traduction@example.org"},
    {"username": "administration", "password": "administration-demo", "group": ADMINISTRATORS,
     "first_name": "Alice", "last_name": "Administratrice", "email": "administration@example.org"},
]


class Bilingual:
    """Collects French → English pairs while the French content is written."""

    def __init__(self):
        self.pairs = {}

    def __call__(self, french, english):
        self.pairs.update(segment_pairs(french, english))
        return french


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _items(*values):
    """A ListBlock value in block format: wagtail-localize extracts segments only from this form."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def demo_admin():
    User = get_user_model()
    user = User.objects.filter(username=DEMO_ADMIN["username"]).first()
    if user is None:
        user = User.objects.create_superuser(**DEMO_ADMIN, first_name="Admin", last_name="Démo")
        # Librarians work in French first, whatever their browser says.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
    return user


def demo_accounts():
    """Create the role accounts once; an existing account keeps its password."""
    User = get_user_model()
    users = {}
    for account in DEMO_ACCOUNTS:
        fields = {k: v for k, v in account.items() if k not in ("password", "group")}
        user = User.objects.filter(username=account["username"]).first()
        if user is None:
            user = User.objects.create_user(password=account["password"], **fields)
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "fr"
            profile.save()
        user.groups.add(Group.objects.get(name=account["group"]))
        users[account["group"]] = user
    return users


def _mission(t, parent):
    return MissionPage(
        title=t("Notre mission", "Our mission"),
        slug=t("mission", "mission"),
        search_description=t("Pourquoi les espaces studio·bib existent et ce qu'ils offrent.",
                              "Why the studio·bib spaces exist and what they offer."),
        statement=t("<p>Offrir à toute la communauté universitaire un accès libre et accompagné aux technologies de création.</p>",
                    "<p>To give the whole university community free, supported access to creative technologies.</p>"),
        objectives=[
            _block("objective", {
                "title": t("Apprendre en faisant", "Learn by doing"),
                "text": t("<p>Des guides pas à pas et des formations courtes.</p>", "<p>Step-by-step guides and short training sessions.</p>"),
                "items": _items(t("Ateliers d'initiation", "Introductory workshops"), t("Accompagnement individuel", "One-to-one help")),
            }),
            _block("objective", {
                "title": t("Ouvrir l'accès", "Open access"),
                "text": t("<p>Des équipements professionnels gratuits pour les projets d'études et de recherche.</p>",
                          "<p>Professional equipment, free of charge, for study and research projects.</p>"),
                "items": _items(),
            }),
        ],
        body=[_block("paragraph", t("<p>Les espaces sont animés par l'équipe des bibliothèques, avec des étudiantes et étudiants formés.</p>",
                                    "<p>The spaces are run by the libraries' team, with trained student staff.</p>"))],
        verified_on=datetime.date.today(),
    )


def _space(t, hero, gallery_image, plan):
    return SpacePage(
        title=t("Studio balado", "Podcast studio"),
        slug=t("studio-balado", "podcast-studio"),
        search_description=t("Un studio insonorisé pour enregistrer balados et entrevues.",
                             "A soundproofed studio to record podcasts and interviews."),
        summary=t("Un studio insonorisé pour enregistrer balados et entrevues, jusqu'à quatre voix.",
                  "A soundproofed studio to record podcasts and interviews, up to four voices."),
        hero_image=hero,
        hero_image_alt=t("Quatre micros autour d'une table dans le studio balado.",
                         "Four microphones around a table in the podcast studio."),
        building=t("Pavillon des bibliothèques", "Libraries building"),
        room=t("Local 2045, 2e étage", "Room 2045, 2nd floor"),
        capacity=4,
        access_mode="booking",
        booking_url="https://example.org/reservations/studio-balado",
        opening_hours=[
            _block("hours", {"days": t("Lundi au vendredi", "Monday to Friday"), "hours": t("9 h à 21 h", "9 a.m. to 9 p.m.")}),
            _block("hours", {"days": t("Samedi et dimanche", "Saturday and Sunday"), "hours": t("Fermé", "Closed")}),
        ],
        equipment=[
            _block("item", {"name": t("Console RØDECaster Pro II", "RØDECaster Pro II console"), "quantity": 1, "note": ""}),
            _block("item", {"name": t("Micros dynamiques", "Dynamic microphones"), "quantity": 4,
                            "note": t("avec bras articulés", "with boom arms")}),
        ],
        contact_name=t("Équipe studio·bib", "studio·bib team"),
        contact_email="studio@example.org",
        contact_phone="514 555-0100",
        service_status="partial",
        status_note=t("Un des quatre micros est en réparation.", "One of the four microphones is being repaired."),
        status_since=datetime.date.today() - datetime.timedelta(days=3),
        gallery=[_block("image", {"image": gallery_image.pk, "alt": t("La console de mixage vue de près.", "A close-up of the mixing console."),
                                  "decorative": False, "caption": t("La console RØDECaster.", "The RØDECaster console."), "credit": t("studio·bib", "studio·bib")})],
        body=[
            _block("heading", {"text": t("Avant votre séance", "Before your session"), "level": "h2", "anchor": ""}),
            _block("callout", {"kind": "tip", "title": "",
                               "body": t("<p>Apportez une carte SD ou une clé USB pour repartir avec vos fichiers.</p>",
                                         "<p>Bring an SD card or a USB key to take your files home.</p>")}),
            _block("table", {"caption": t("Formats d'enregistrement", "Recording formats"), "header_row": True, "header_column": False,
                             "rows": [
                                 {"cells": [t("Format", "Format"), t("Usage", "Use")]},
                                 {"cells": [t("WAV", "WAV"), t("Montage professionnel", "Professional editing")]},
                                 {"cells": [t("MP3", "MP3"), t("Partage rapide", "Quick sharing")]},
                             ]}),
            _block("document", {"document": plan.pk, "label": t("Plan du studio (PDF)", "Studio floor plan (PDF)")}),
        ],
        verified_on=datetime.date.today(),
    )


def _guide(t, hero, space):
    return ToolGuidePage(
        title=t("Imprimante 3D Bambu Lab", "Bambu Lab 3D printer"),
        slug=t("imprimante-3d-bambu", "bambu-3d-printer"),
        search_description=t("Imprimer une pièce en 3D, du fichier STL à l'objet.", "Print a 3D part, from STL file to object."),
        summary=t("Imprimer une pièce en 3D, du fichier STL à l'objet fini.", "Print a 3D part, from STL file to finished object."),
        hero_image=hero,
        hero_image_alt=t("Une imprimante 3D en train d'imprimer une pièce orange.", "A 3D printer printing an orange part."),
        category="3d_printing",
        skill_level="beginner",
        duration_minutes=45,
        prerequisites=t("<p>Avoir un modèle au format STL ou 3MF.</p>", "<p>Have a model in STL or 3MF format.</p>"),
        required_training=t("Initiation à l'impression 3D", "Introduction to 3D printing"),
        safety=t("<p>Ne touchez pas la buse : elle atteint 220 °C.</p>", "<p>Do not touch the nozzle: it reaches 220 °C.</p>"),
        protective_equipment=[_block("item", t("Gants résistants à la chaleur", "Heat-resistant gloves"))],
        materials=[_block("item", t("Filament PLA (fourni)", "PLA filament (provided)"))],
        related_spaces=[_block("space", space.pk)],
        steps=[
            _block("step", {"title": t("Préparer le fichier", "Prepare the file"),
                            "text": t("<p>Ouvrez le modèle dans <b>Bambu Studio</b> et choisissez le filament.</p>",
                                      "<p>Open the model in <b>Bambu Studio</b> and choose the filament.</p>"),
                            "image": None, "image_alt": ""}),
            _block("step", {"title": t("Lancer l'impression", "Start the print"),
                            "text": t("<p>Envoyez le fichier à l'imprimante et restez pour la première couche.</p>",
                                      "<p>Send the file to the printer and stay for the first layer.</p>"),
                            "image": None, "image_alt": ""}),
        ],
        specifications=[
            _block("spec", {"label": t("Volume d'impression", "Build volume"), "value": t("256 × 256 × 256 mm", "256 × 256 × 256 mm")}),
            _block("spec", {"label": t("Matériaux", "Materials"), "value": t("PLA, PETG", "PLA, PETG")}),
        ],
        body=[_block("details", {"summary": t("Que faire si l'impression se décolle ?", "What if the print comes loose?"),
                                 "body": [_block("paragraph", t("<p>Nettoyez le plateau à l'alcool isopropylique, puis relancez.</p>",
                                                                "<p>Clean the plate with isopropyl alcohol, then start again.</p>"))]})],
        verified_on=datetime.date.today(),
    )


def demo_home_blocks(t, space, guide, mission, picture):
    """The demo home: the rows of the library's current home. Not the next workshops: the demo
    would ask the library's real service on every page view (an imported home has them)."""
    card = {"url": "", "title": "", "text": "", "link_text": "", "image": None, "image_alt": ""}
    return [
        _block("notice", {"severity": "warning", "title": t("Service Proxy : changements à venir", "Proxy service: changes ahead"),
                          "message": t("<p>Le service d'accès hors campus change le 13 juillet.</p>",
                                       "<p>The off-campus access service changes on 13 July.</p>")}),
        _block("featured_cards", {"heading": t("À la une", "Featured"), "cards": _items(
            {**card, "page": space.pk, "link_text": t("Découvrir le studio", "Discover the studio")},
            {**card, "page": guide.pk, "link_text": t("Imprimer vos objets", "Print your objects")},
            {**card, "page": mission.pk},
        )}),
        _block("hero_cards", {"heading": t("Besoin d'aide ?", "Need help?"), "cards": _items(
            {**card, "page": mission.pk, "image": picture.pk,
             "title": t("Problème informatique? Pas de panique!", "Computer trouble? Don't panic!"),
             "text": t("Notre équipe est là pour vous soutenir.", "Our team is here to help.")},
        )}),
        _block("spaces", {"heading": t("Des espaces pour créer, fabriquer et expérimenter",
                                       "Spaces to create, make and experiment"),
                          "text": "", "section": None, "pages": []}),
        _block("section_cards", {"heading": t("Explorer", "Explore"), "pages": []}),
    ]


def _ensure_page(parent, page, user):
    """Add `page` under `parent` unless a page with its slug is already there."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing:
        return existing.specific
    page.locale = parent.locale
    parent.add_child(instance=page)
    return publish(page, user)


@transaction.atomic
def load_demo():
    """Create the demo pages once; a second run finds them and changes nothing."""
    user = demo_admin()
    skeleton = ensure_skeleton(user)
    t = Bilingual()
    hero_space = demo_image("Studio balado", "Studio balado / Podcast studio", (36, 84, 140))
    console = demo_image("Console RØDECaster", "RODECaster", (90, 60, 120))
    hero_printer = demo_image("Imprimante 3D", "Impression 3D / 3D printing", (200, 95, 30))
    plan = demo_document("Plan du studio balado", "Plan du studio balado - Podcast studio floor plan", "plan-studio-balado.pdf")

    mission = _ensure_page(skeleton.sections["a-propos"], _mission(t, skeleton.sections["a-propos"]), user)
    space = _ensure_page(skeleton.sections["espaces"], _space(t, hero_space, console, plan), user)
    guide = _ensure_page(skeleton.sections["creatives"], _guide(t, hero_printer, space), user)
    home = skeleton.home_fr
    if not home.body:
        home.body = demo_home_blocks(t, space, guide, mission, console)
        publish(home, user)
        home.refresh_from_db()
        translate_page(home, skeleton.en, t.pairs, user)
        publish_translation(home.get_translation(skeleton.en).specific, user)

    for page in (mission, space, guide):
        ensure_live_translation(page, skeleton.en, t.pairs, user)
    return {"admin": user, "accounts": demo_accounts(), "pages": [mission, space, guide]}
