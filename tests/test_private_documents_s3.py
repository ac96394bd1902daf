"""Documents in object storage stay private: against a real S3-compatible server (moto's server
mode) started here, with the storage production builds from its environment."""

import socket
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

import boto3
import pytest
from moto.server import ThreadedMotoServer

from cms.media_storage import s3_storages
from pages.review.workflows import EDITORS
from tests import pdf_samples, upload_samples

pytestmark = pytest.mark.django_db

BUCKET = "studiobib-media"
KEYS = {"AWS_ACCESS_KEY_ID": "studiobib-test", "AWS_SECRET_ACCESS_KEY": "studiobib-test-secret"}


def _free_port():
    for port in range(8340, 8360):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8340-8359")


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client(
        "s3", endpoint_url=endpoint, region_name="us-east-1",
        aws_access_key_id=KEYS["AWS_ACCESS_KEY_ID"], aws_secret_access_key=KEYS["AWS_SECRET_ACCESS_KEY"],
    ).create_bucket(Bucket=BUCKET)
    yield endpoint
    server.stop()


@pytest.fixture
def bucket_storage(settings, s3_endpoint):
    # Public reads by ACL: moto, like MinIO without policies, has no per-prefix bucket policy.
    environment = {"AWS_STORAGE_BUCKET_NAME": BUCKET, "AWS_S3_ENDPOINT_URL": s3_endpoint,
                   "AWS_S3_REGION_NAME": "us-east-1", "AWS_DEFAULT_ACL": "public-read", **KEYS}
    settings.STORAGES = {**settings.STORAGES, "default": s3_storages(environment)}
    return s3_endpoint


def _anonymous_get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our test server
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Documents internes")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def _upload_as_editor(site_tree, role_users, collection, content):
    client = Client()
    client.force_login(role_users[EDITORS])
    response = client.post(reverse("wagtaildocs:add"), {
        "title": "Procédure interne", "collection": collection.pk, "tags": "",
        "file": SimpleUploadedFile("procedure-interne.pdf", content, content_type="application/pdf"),
    })
    assert response.status_code == 302, response.content.decode()[:1000]
    return get_document_model().objects.get(title="Procédure interne")


def test_a_private_collections_document_is_never_public_in_the_bucket(
    bucket_storage, site_tree, role_users, private_collection, django_user_model
):
    content = pdf_samples.multi_page(2)
    document = _upload_as_editor(site_tree, role_users, private_collection, content)
    name = document.file.name
    # The object exists, under the private prefix, and anonymous reads are refused.
    assert _anonymous_get(f"{bucket_storage}/{BUCKET}/private/{name}")[0] == 403
    # The address a guess would try (where images go) holds nothing.
    assert _anonymous_get(f"{bucket_storage}/{BUCKET}/media/{name}")[0] in (403, 404)
    # The storage's own URL is signed and short-lived, and works while it lives.
    direct = document.file.url
    query = parse_qs(urlsplit(direct).query)
    assert "X-Amz-Signature" in query and query["X-Amz-Expires"] == ["60"]
    assert _anonymous_get(direct) == (200, content)
    # Through the site: an anonymous reader is sent to the login page, a signed-in reader gets the file.
    anonymous = Client().get(document.url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    reader = django_user_model.objects.create_user("lectrice", password="lectrice-mot-de-passe")
    signed_in = Client()
    signed_in.force_login(reader)
    served = signed_in.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == content
    assert served["X-Content-Type-Options"] == "nosniff"


def test_images_stay_public_at_plain_cacheable_addresses(bucket_storage, site_tree):
    image = get_image_model().objects.create(
        title="Studio", file=SimpleUploadedFile("studio.png", upload_samples.raster("PNG"))
    )
    url = image.file.url
    assert "Signature" not in url and f"/{BUCKET}/media/original_images/" in url
    status, body = _anonymous_get(url)
    assert status == 200 and body.startswith(b"\x89PNG")
