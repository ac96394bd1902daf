"""Production settings come from the environment: PostgreSQL, Redis, object storage, static files."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DJANGO_SECRET_KEY": "k3J9-long-random-production-key-for-tests-only-0123456789abcdefXYZ",
    "DJANGO_ALLOWED_HOSTS": "studio.example.org",
}
PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'db': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'], "
    "'media': s.STORAGES['default'], 'static': s.STORAGES['staticfiles']['BACKEND'], 'cors': s.CORS_ALLOWED_ORIGINS}))"
)


def _run(args, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_", "REDIS", "DATABASE_URL", "CORS"))}
    environment.update(BASE_ENV, **env)
    return subprocess.run(  # noqa: S603 - our own interpreter and project
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_the_environment_selects_postgresql_redis_and_object_storage():
    result = _run(["-c", PROBE], DATABASE_URL="postgres://u:p@db.internal:5432/studiobib", REDIS_URL="redis://cache.internal:6379/0",
                  AWS_STORAGE_BUCKET_NAME="studiobib-media", AWS_S3_ENDPOINT_URL="https://s3.example.org",
                  CORS_ALLOWED_ORIGINS="https://portail.example.org")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["db"] == "django.db.backends.postgresql"
    assert found["cache"] == "pages.delivery.cache_backends.ResilientRedisCache"
    assert found["media"]["BACKEND"] == "cms.media_storage.MediaStorage"
    public, private = found["media"]["OPTIONS"]["public"], found["media"]["OPTIONS"]["private"]
    assert public["bucket_name"] == private["bucket_name"] == "studiobib-media"
    assert public["endpoint_url"] == private["endpoint_url"] == "https://s3.example.org"
    assert (public["location"], public["querystring_auth"]) == ("media", False)
    assert (private["location"], private["default_acl"], private["querystring_auth"]) == ("private", "private", True)
    assert private["querystring_expire"] == 60
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert found["cors"] == ["https://portail.example.org"]


def test_without_a_bucket_media_stay_on_disk_and_the_cache_in_memory():
    result = _run(["-c", PROBE])
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["media"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"


def test_the_full_production_setup_passes_the_deployment_checklist():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                  DATABASE_URL="postgres://u:p@db.internal:5432/studiobib", REDIS_URL="redis://cache.internal:6379/0",
                  AWS_STORAGE_BUCKET_NAME="studiobib-media", CORS_ALLOWED_ORIGINS="https://portail.example.org")
    assert result.returncode == 0, result.stderr + result.stdout


def test_the_gunicorn_config_loads_with_production_defaults():
    result = _run(["-c", "import runpy; c = runpy.run_path('cms/gunicorn.py'); import os; "
                         "print(c['bind'], c['wsgi_app'], os.environ['DJANGO_SETTINGS_MODULE'])"],
                  GUNICORN_BIND="127.0.0.1:8123")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["127.0.0.1:8123", "cms.wsgi:application", "cms.settings.production"]


def test_production_collects_every_static_file_with_hashed_names(tmp_path):
    # The hashed storage follows every url() and sourceMappingURL of a CSS or JS file and refuses a
    # deploy where one is missing (a copied library without its source map, say).
    script = (
        "import sys, django; django.setup(); from django.core.management import call_command; "
        "from django.test.utils import override_settings\n"
        "with override_settings(STATIC_ROOT=sys.argv[1]): call_command('collectstatic', '--no-input', '-v0')"
    )
    result = _run(["-c", script, str(tmp_path)])
    assert result.returncode == 0, result.stderr[-3000:]
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert {"css/site.css", "vendor/photo-sphere-viewer/index.module.js"} <= manifest.keys()
