"""Invalid values are refused in the admin, with a French message on the field."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest

from pages.models import SpacePage

pytestmark = pytest.mark.django_db


def _space_form(**overrides):
    data = {
        "title": "Nouveau studio",
        "slug": "nouveau-studio",
        "summary": "Un studio.",
        "capacity": "4",
        "access_mode": "booking",
        "booking_url": "https://example.org/reserver",
        "service_status": "in_service",
        "review_interval_days": "365",
        "opening_hours": streamfield([]),
        "equipment": streamfield([]),
        "gallery": streamfield([]),
        "body": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def _add(client, parent, data):
    client.force_login(parent._admin)
    return client.post(f"/admin/pages/add/pages/spacepage/{parent.pk}/", data)


@pytest.fixture
def espaces(site_tree, admin_user):
    section = site_tree.sections["espaces"]
    section._admin = admin_user
    return section


def test_a_valid_space_is_saved(client, espaces):
    response = _add(client, espaces, _space_form())
    assert response.status_code == 302
    assert SpacePage.objects.filter(slug="nouveau-studio").exists()


def test_a_negative_capacity_is_refused_with_a_french_message(client, espaces):
    response = _add(client, espaces, _space_form(capacity="-3"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "capacity" in errors
    assert "supérieure ou égale à 0" in str(errors["capacity"])
    assert not SpacePage.objects.filter(slug="nouveau-studio").exists()


def test_a_booking_url_that_is_not_http_is_refused(client, espaces):
    response = _add(client, espaces, _space_form(booking_url="ftp://example.org/reserver"))
    assert response.status_code == 200
    assert "commence par http:// ou https://" in str(response.context["form"].errors["booking_url"])


def test_an_image_without_alt_text_is_refused_unless_decorative(client, espaces):
    from wagtail.images.models import Image

    image = Image.objects.first()
    body = streamfield([("image", {"image": image.pk, "alt": "", "decorative": "", "caption": "", "credit": ""})])
    response = _add(client, espaces, _space_form(body=body))
    assert response.status_code == 200
    body_errors = response.context["form"].errors["body"].as_data()[0]
    assert "Décrivez l'image, ou cochez « Image décorative »." in str(body_errors.block_errors[0].block_errors["alt"])
    assert not SpacePage.objects.filter(slug="nouveau-studio").exists()

    body = streamfield([("image", {"image": image.pk, "alt": "", "decorative": "on", "caption": "", "credit": ""})])
    response = _add(client, espaces, _space_form(body=body))
    assert response.status_code == 302


def test_a_hero_image_needs_its_alt_text(client, espaces):
    from wagtail.images.models import Image

    image = Image.objects.first()
    response = _add(client, espaces, _space_form(hero_image=str(image.pk), hero_image_alt=""))
    assert response.status_code == 200
    assert response.context["form"].errors["hero_image_alt"] == ["Décrivez l'image principale pour qui ne la voit pas."]
