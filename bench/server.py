"""The site under production settings and gunicorn on 127.0.0.1, shared by the benchmarks."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
HOST = "127.0.0.1"


def env(database_url, redis_url, port):
    """Production settings for plain http on 127.0.0.1 (no TLS in front, so no SSL redirect)."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_", "CORS"))}
    e.update(
        {
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": f"{HOST},localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "WAGTAILAPI_BASE_URL": f"http://{HOST}:{port}",
            "GUNICORN_BIND": f"{HOST}:{port}",
            "GUNICORN_ACCESSLOG": "",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
    )
    return e


def manage(e, *args):
    subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=e, check=True)


def seed(e, pages):
    """Bring the benchmark site to `pages` live pages (bench/seed_pages.py)."""
    subprocess.run([PY, "-m", "bench.seed_pages", "--pages", str(pages)], cwd=ROOT, env=e, check=True)


def recreate_database(database_url, template=None):
    """Drop and create the PostgreSQL database named in `database_url` (a copy of `template`'s, if given)."""
    name = database_url.rsplit("/", 1)[1]
    admin = database_url.rsplit("/", 1)[0] + "/postgres"
    create = f'CREATE DATABASE "{name}"'
    if template:
        create += f' TEMPLATE "{template.rsplit("/", 1)[1]}"'
    subprocess.run(
        ["psql", admin, "-c", f'DROP DATABASE IF EXISTS "{name}"', "-c", create],
        check=True,
        capture_output=True,
    )


def ensure_free(port):
    with socket.socket() as probe:
        if probe.connect_ex((HOST, port)) == 0:
            sys.exit(
                f"Port {port} on {HOST} is already in use: set BENCH_APP_PORT / BENCH_STATIC_PORT."
            )


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return r.read()
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout}s")


def start_gunicorn(e, workers):
    port = int(e["GUNICORN_BIND"].rsplit(":", 1)[1])
    ensure_free(port)
    return subprocess.Popen(
        # No control socket: gunicorn puts it at one fixed path, which two servers side by side would share.
        [str(Path(PY).parent / "gunicorn"), "-c", "cms/gunicorn.py", "--workers", str(workers), "--no-control-socket"],
        cwd=ROOT,
        env=e,
    )


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
