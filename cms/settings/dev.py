from .base import *  # noqa: F403

DEBUG = True
# Local development only: never used by production settings.
SECRET_KEY = "dev-only-not-secret-studiobib"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
