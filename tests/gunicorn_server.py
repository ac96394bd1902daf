"""Run the app under a real gunicorn on the test database, for tests that need a server process."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parent.parent

requires_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL (DATABASE_URL=postgres://…): a server process must reach the test database over TCP",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(base, path):
    """(status, headers, body) of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 - local server
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def database_url(port=None):
    """The test database's URL, through another local port if given (a relay)."""
    db = connection.settings_dict
    host = "127.0.0.1" if port else db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}@{host}:{port or db['PORT'] or 5432}/{db['NAME']}"


@contextlib.contextmanager
def gunicorn(log, threads=4, **environ):
    """gunicorn with one worker and the test settings; yields (base URL, process) once it serves /fr/."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url(),
        "PYTHONUNBUFFERED": "1",
        **environ,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--threads",
        str(threads),
        "--timeout",
        "60",
        "--access-logfile",
        "-",
        "--no-control-socket",
    ]  # gunicorns started side by side would share its path
    with log.open("w") as output:
        process = subprocess.Popen(  # noqa: S603 - our own server, fixed arguments
            command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if get(base, "/fr/")[0] == 200:
                break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("gunicorn did not start:\n" + log.read_text())
    try:
        yield base, process
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
