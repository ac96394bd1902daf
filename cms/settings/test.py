from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-studiobib"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CORS_ALLOWED_ORIGINS = ["https://portail.example.org"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True

# Uploads made by the tests go to a throwaway folder, never to the project's media/.
import tempfile  # noqa: E402

MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="studiobib-test-media-"))  # noqa: F405

# Tests never call a paid, networked provider.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "pages.translation.machine.GlossaryOfflineTranslator", "OPTIONS": {}}
