"""Media in S3-compatible object storage: images public, documents private.

Images and renditions are public files under ``AWS_LOCATION`` (``media/``), at plain URLs a CDN
may cache for a year. Documents are not: any of them may sit in a login-restricted collection,
so every document is stored under ``AWS_PRIVATE_LOCATION`` (``private/``, or in its own bucket,
``AWS_PRIVATE_BUCKET_NAME``) with a private ACL, is read by Django only when Wagtail's
collection restrictions allow (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), and its storage URL,
should any code ask for one, is signed and lives ``AWS_PRIVATE_URL_SECONDS`` seconds.

``MediaStorage`` routes each name to one of two django-storages backends by the folder Wagtail
gives it (``documents/`` for documents, ``original_images/`` and ``images/`` for images).
"""

from django.core.files.storage import Storage
from django.utils.deconstruct import deconstructible

PRIVATE_FOLDERS = ("documents/",)


def s3_storages(environ):
    """The ``STORAGES["default"]`` entry for the bucket the environment names."""
    common = {
        "bucket_name": environ["AWS_STORAGE_BUCKET_NAME"],
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "access_key": environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    public = {
        **common,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
        "location": environ.get("AWS_LOCATION", "media"),
        "querystring_auth": False,  # public media URLs, cacheable by the CDN
        # None: the bucket policy makes AWS_LOCATION public (docs/deploy.md); "public-read" where
        # the provider has no policies, only ACLs.
        "default_acl": environ.get("AWS_DEFAULT_ACL") or None,
        "object_parameters": {"CacheControl": "public, max-age=31536000"},
    }
    private = {
        **common,
        "bucket_name": environ.get("AWS_PRIVATE_BUCKET_NAME") or common["bucket_name"],
        "custom_domain": None,  # a CDN would cache what only some readers may see
        "location": environ.get("AWS_PRIVATE_LOCATION", "private"),
        "querystring_auth": True,
        "querystring_expire": int(environ.get("AWS_PRIVATE_URL_SECONDS", "60")),
        "signature_version": "s3v4",  # the expiry is part of what is signed
        # Buckets that refuse ACLs ("bucket owner enforced") take AWS_PRIVATE_ACL= (empty).
        "default_acl": environ.get("AWS_PRIVATE_ACL", "private") or None,
        "object_parameters": {"CacheControl": "private, no-store"},
    }
    return {"BACKEND": "cms.media_storage.MediaStorage", "OPTIONS": {"public": public, "private": private}}


@deconstructible
class MediaStorage(Storage):
    def __init__(self, public=None, private=None):
        from storages.backends.s3 import S3Storage

        self.public = S3Storage(**(public or {}))
        self.private = S3Storage(**(private or {}))

    def backend(self, name):
        name = str(name).replace("\\", "/").lstrip("/")
        return self.private if name.startswith(PRIVATE_FOLDERS) else self.public

    def _open(self, name, mode="rb"):
        return self.backend(name).open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend(name).save(name, content, max_length=max_length)

    def get_available_name(self, name, max_length=None):
        return self.backend(name).get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend(filename).generate_filename(filename)

    def delete(self, name):
        self.backend(name).delete(name)

    def exists(self, name):
        return self.backend(name).exists(name)

    def size(self, name):
        return self.backend(name).size(name)

    def url(self, name):
        return self.backend(name).url(name)

    def listdir(self, path):
        return self.backend(path.rstrip("/") + "/").listdir(path)

    def get_modified_time(self, name):
        return self.backend(name).get_modified_time(name)

    def get_created_time(self, name):
        return self.backend(name).get_created_time(name)
