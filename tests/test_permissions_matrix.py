"""Who may do what, as a table: each role × each action × each language tree is one test, and each
asserts the real HTTP answer and what changed (or did not) in the database.

Test ids read like the table: ``test_cell[editor-fr-delete-refused]`` (editor = Rédaction,
reviewer = Révision, translator = Traduction, administrator = Administration).
"""

from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import pytest

from pages.models import SpacePage
from pages.review.workflows import ADMINISTRATORS, EDITORS, REVIEWERS, TRANSLATORS
from tests.editorial import space_form

pytestmark = pytest.mark.django_db

ANONYMOUS = "anonyme"
ROLES = [ANONYMOUS, EDITORS, REVIEWERS, TRANSLATORS, ADMINISTRATORS]
# Test ids stay ASCII (pytest escapes the accents of the group names).
ROLE_IDS = {
    ANONYMOUS: "anonymous",
    EDITORS: "editor",
    REVIEWERS: "reviewer",
    TRANSLATORS: "translator",
    ADMINISTRATORS: "administrator",
}
DRAFT_TITLE = "Brouillon pas encore relu"

# action -> role -> trees where it is allowed. "translate": on the French page, ask for its
# translation; on the English page, change one of its translated strings.
ALLOWED = {
    "public draft": {},  # nobody reads an unpublished revision or page at its public address
    "admin preview": {
        EDITORS: "fr",
        REVIEWERS: "fr en",
        TRANSLATORS: "en",
        ADMINISTRATORS: "fr en",
    },
    "edit (GET)": {EDITORS: "fr", REVIEWERS: "fr en", TRANSLATORS: "en", ADMINISTRATORS: "fr en"},
    "edit (POST)": {EDITORS: "fr", REVIEWERS: "fr", ADMINISTRATORS: "fr"},
    "unpublish": {REVIEWERS: "fr en", ADMINISTRATORS: "fr en"},
    "translate": {REVIEWERS: "en", TRANSLATORS: "fr en", ADMINISTRATORS: "fr en"},
    "delete": {REVIEWERS: "fr en", ADMINISTRATORS: "fr en"},
    "API draft": {},  # v2 and v3 never show drafts, whoever asks; the preview endpoint wants a token
    "preview token": {
        EDITORS: "fr",
        REVIEWERS: "fr en",
        TRANSLATORS: "en",
        ADMINISTRATORS: "fr en",
    },
    # Machine pre-translation of the French page: the view itself checks the right to translate
    # (it used to check nothing, and the function below it rights on the French page).
    "machine draft (POST)": {TRANSLATORS: "fr", ADMINISTRATORS: "fr"},
    # A draft of the English page: rights on the English page, never on its French source (an
    # editor could create English drafts through it).
    "save draft (POST)": {REVIEWERS: "en", TRANSLATORS: "en", ADMINISTRATORS: "en"},
}
# The translation actions act on one side only: the French page asked for, the English page written.
ONE_TREE = {"edit (POST)": ["fr"], "machine draft (POST)": ["fr"], "save draft (POST)": ["en"]}
# "edit (POST)" goes through Wagtail's page form, which an English page (edited in the
# wagtail-localize editor) does not use: the "translate" column covers it.
TREES = {action: ONE_TREE.get(action, ["fr", "en"]) for action in ALLOWED}
CELLS = [
    pytest.param(
        role,
        tree,
        action,
        tree in ALLOWED[action].get(role, "").split(),
        id=f"{ROLE_IDS[role]}-{tree}-{action}-{'allowed' if tree in ALLOWED[action].get(role, '').split() else 'refused'}",
    )
    for action in ALLOWED
    for role in ROLES
    for tree in TREES[action]
]


@pytest.fixture
def world(client, site_tree, role_users, admin_user, settings):
    """Each tree's live space with a pending draft, and a never-published page."""
    settings.HEADLESS_PREVIEW_CLIENT_URL = "https://portail.example.org/preview"
    pages = {}
    for tree, space, home in (
        ("fr", site_tree.space_fr, site_tree.home_fr),
        ("en", site_tree.space_en, site_tree.home_en),
    ):
        live_title = space.title
        space.title = DRAFT_TITLE
        space.save_revision(user=admin_user)
        space.refresh_from_db()
        never = SpacePage(title=f"{DRAFT_TITLE} {tree}", slug=f"jamais-publie-{tree}", live=False)
        home.get_children().first().add_child(instance=never)
        never.save_revision(user=admin_user)
        pages[tree] = SimpleNamespace(space=space, live_title=live_title, never=never)
    return SimpleNamespace(client=client, users=role_users, pages=pages, site_tree=site_tree)


def _login(world, role):
    if role != ANONYMOUS:
        world.client.force_login(world.users[role])
    return world.client


def _refused(response):
    """Wagtail answers a refusal with 403, or a redirect (to the login, or to the dashboard with a message)."""
    return response.status_code in (302, 403, 404)


def public_draft(client, page, never, live_title, **_):
    response = client.get(page.url)
    assert response.status_code == 200 and live_title in response.content.decode()
    assert client.get(never.url).status_code == 404
    return DRAFT_TITLE in response.content.decode()


def admin_preview(client, page, **_):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if response.status_code == 200:
        return DRAFT_TITLE in response.content.decode()
    assert _refused(response), response.status_code
    return False


def edit_get(client, page, **_):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200 or _refused(response), response.status_code
    return response.status_code == 200


def edit_post(client, page, **_):
    revisions = page.revisions.count()
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), space_form("Titre modifié", page.slug)
    )
    changed = page.revisions.count() != revisions
    if changed:
        assert response.status_code == 302
        assert (
            Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title
            == "Titre modifié"
        )
    else:
        assert _refused(response), response.status_code
    return changed


def unpublish(client, page, **_):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    done = not Page.objects.get(pk=page.pk).live
    assert response.status_code in (200, 302, 403)
    return done


def translate(client, page, tree, **_):
    if (
        tree == "fr"
    ):  # the "translate this page" form (English exists already: the form is what is at stake)
        response = client.get(reverse("wagtail_localize:submit_page_translation", args=[page.pk]))
        assert response.status_code == 200 or _refused(response), response.status_code
        return response.status_code == 200
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url,
        encode_multipart(BOUNDARY, {"value": "Changed by the matrix"}),
        content_type=MULTIPART_CONTENT,
    )
    saved = StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=page.locale, data="Changed by the matrix"
    ).exists()
    assert (response.status_code in (200, 201)) is saved, response.status_code
    return saved


def delete(client, page, **_):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    gone = not Page.objects.filter(pk=page.pk).exists()
    if not gone:
        assert _refused(response) or response.status_code == 200, response.status_code
    return gone


def api_draft(client, page, never, **_):
    shown = False
    for url in (f"/api/v2/pages/{never.pk}/", f"/api/v3/pages/{never.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code)
    for url in (f"/api/v2/pages/{page.pk}/", f"/api/v3/pages/{page.pk}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        shown |= response.json()["title"] == DRAFT_TITLE
    response = client.get("/api/v2/page_preview/", {"token": ""})
    assert response.status_code == 403
    return shown


def preview_token(client, page, **_):
    response = client.get(f"/admin/headless-preview/{page.pk}/")
    token = parse_qs(urlsplit(response.get("Location", "")).query).get("token")
    if not token:
        assert _refused(response), response.status_code
        return False
    preview = client.get("/api/v2/page_preview/", {"token": token[0]})
    return preview.status_code == 200 and preview.json()["title"] == DRAFT_TITLE


def machine_draft(client, page, **_):
    english = page.get_translations().get()
    # One sentence left untranslated, so that there is something to pre-translate.
    segment = StringSegment.objects.filter(source__object_id=page.translation_key, context__path="summary").get()
    StringTranslation.objects.filter(translation_of_id=segment.string_id, locale=english.locale).delete()
    revisions = english.revisions.count()
    response = client.post(reverse("translation_machine_draft", args=[page.pk, english.locale.language_code]))
    assert client.get(reverse("translation_machine_draft", args=[page.pk, "en"])).status_code in (302, 405)
    written = english.revisions.count() != revisions
    if not written:
        assert _refused(response), response.status_code
    assert not Page.objects.get(pk=english.pk).specific.title.startswith("[EN]"), "never published"
    return written


def save_draft(client, page, **_):
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)
    revisions = page.revisions.count()
    response = client.post(reverse("translation_save_draft", args=[translation.pk]))
    assert client.get(reverse("translation_save_draft", args=[translation.pk])).status_code in (302, 405)
    written = page.revisions.count() != revisions
    if not written:
        assert _refused(response), response.status_code
    return written


PROBES = {
    "machine draft (POST)": machine_draft,
    "save draft (POST)": save_draft,
    "public draft": public_draft,
    "admin preview": admin_preview,
    "edit (GET)": edit_get,
    "edit (POST)": edit_post,
    "unpublish": unpublish,
    "translate": translate,
    "delete": delete,
    "API draft": api_draft,
    "preview token": preview_token,
}


@pytest.mark.parametrize(("role", "tree", "action", "allowed"), CELLS)
def test_cell(world, role, tree, action, allowed):
    client = _login(world, role)
    state = world.pages[tree]
    assert (
        PROBES[action](
            client, state.space, tree=tree, never=state.never, live_title=state.live_title
        )
        is allowed
    )


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS.get)
def test_the_admin_api_answers_only_people_with_admin_access(world, role):
    response = _login(world, role).get("/admin/api/main/pages/")
    if role == ANONYMOUS:
        assert response.status_code in (302, 401, 403)
        assert b"items" not in response.content
    else:
        assert response.status_code == 200
        assert response.json()["meta"]["total_count"] > 0


@pytest.mark.parametrize("role", ROLES[1:], ids=ROLE_IDS.get)
def test_publish_buttons_follow_the_permissions(client, site_tree, role_users, role):
    client.force_login(role_users[role])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[site_tree.space_fr.pk]))
    can_publish = "fr" in ALLOWED["unpublish"].get(role, "")
    assert (b'name="action-publish"' in response.content) is can_publish


@pytest.mark.parametrize("role", ROLES[1:], ids=ROLE_IDS.get)
def test_only_administration_manages_users_groups_and_workflows(
    client, site_tree, role_users, role
):
    client.force_login(role_users[role])
    admin_only = [
        reverse("wagtailusers_users:index"),
        reverse("wagtailusers_groups:index"),
        reverse("wagtailadmin_workflows:index"),
        reverse("wagtailsites:index"),
    ]
    statuses = {url: client.get(url).status_code for url in admin_only}
    expected = 200 if role == ADMINISTRATORS else 302
    assert set(statuses.values()) == {expected}, statuses


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS.get)
def test_only_translators_create_an_english_page_through_a_draft(world, role):
    """A translation asked for but not started has no English page: saving a "draft" of it used to
    create that page for anyone who could edit the French one (Rédaction included)."""
    from pages.translation.drafts import ensure_translation

    from .translation_helpers import add_french_guide

    french = add_french_guide(world.site_tree.sections["creatives"], world.users[ADMINISTRATORS])
    translation = ensure_translation(french, world.site_tree.en)
    client = _login(world, role)
    response = client.post(reverse("translation_save_draft", args=[translation.pk]))
    assert _refused(response), response.status_code
    assert french.get_translation_or_none(world.site_tree.en) is None


# --- Second round of attacks (issue 15): uploads, private documents, preview GETs ------------
# action -> roles allowed; one column (these do not depend on the language tree). The probes import
# what they need themselves, so that this block merges apart from the rest of the file.
ROUND_TWO_ALLOWED = {
    "upload sound PDF": {EDITORS, REVIEWERS, ADMINISTRATORS},
    "upload PDF with script": set(),  # refused for everyone, administrators included
    "read private document": {EDITORS, REVIEWERS, TRANSLATORS, ADMINISTRATORS},  # login restriction
    "preview GET saves revision": set(),  # a GET never writes, whoever sends it
}
ROUND_TWO_CELLS = [
    pytest.param(
        role, action, role in allowed,
        id=f"{ROLE_IDS[role]}-{action}-{'allowed' if role in allowed else 'refused'}",
    )
    for action, allowed in ROUND_TWO_ALLOWED.items()
    for role in ROLES
]


def _upload_pdf(client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    before = get_document_model().objects.count()
    response = client.post(reverse("wagtaildocs:add_multiple"), {
        "files[]": SimpleUploadedFile("fiche.pdf", content),
        "collection": Collection.get_first_root_node().pk,
    })
    stored = get_document_model().objects.count() > before
    assert response.status_code == 200 or _refused(response), response.status_code
    return stored


def upload_sound_pdf(client, world):
    from tests import pdf_samples

    return _upload_pdf(client, pdf_samples.fillable_form())


def upload_pdf_with_script(client, world):
    from tests import pdf_samples

    return _upload_pdf(client, pdf_samples.object_stream_javascript())


def read_private_document(client, world):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    from tests import pdf_samples

    collection = Collection.get_first_root_node().add_child(name="Interne")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    document = get_document_model().objects.create(
        title="Interne", collection=collection, file=ContentFile(pdf_samples.simple(), name="interne.pdf")
    )
    response = client.get(document.url)
    if response.status_code == 200:
        return b"".join(response.streaming_content) == pdf_samples.simple()
    assert response.status_code == 302 and "login" in response["Location"], response.status_code
    return False


def preview_get_saves_revision(client, world):
    from wagtail.models import Revision

    page = world.pages["fr"].space
    Revision.page_revisions.filter(object_id=str(page.pk)).delete()
    Page.objects.filter(pk=page.pk).update(latest_revision=None)
    response = client.get(f"/admin/headless-preview/{page.pk}/")
    assert response.status_code in (200, 302, 403), response.status_code
    return Revision.page_revisions.filter(object_id=str(page.pk)).exists()


ROUND_TWO_PROBES = {
    "upload sound PDF": upload_sound_pdf,
    "upload PDF with script": upload_pdf_with_script,
    "read private document": read_private_document,
    "preview GET saves revision": preview_get_saves_revision,
}


@pytest.mark.parametrize(("role", "action", "allowed"), ROUND_TWO_CELLS)
def test_round_two_cell(world, role, action, allowed):
    assert ROUND_TWO_PROBES[action](_login(world, role), world) is allowed
