"""What a process imports before doing its job: only what the job needs.

Each case runs in a fresh interpreter and lists the modules it ended with; no timing (the numbers are
in bench/results/startup.md, from `make bench-startup`).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
IMPORTER = "pages.importers.docusaurus"
# What building API v3 imports: the API itself, the registry (pydantic schemas of every model) and
# the routers of each app.
API_V3 = ("wagtail.api.v3.api", "wagtail.api.v3.registry", "wagtail.api.v3.routers",
          "wagtail.images.api.v3.router", "wagtail.contrib.redirects.api.v3")

PROBE = """
import json, sys
from django.core.management import execute_from_command_line
try:
    execute_from_command_line(["manage.py", *json.loads(sys.argv[1])])
except SystemExit:
    pass
sys.stdout.flush()
print("\\nMODULES " + json.dumps(sorted(sys.modules)))
"""


def modules_after(*command):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    result = subprocess.run([sys.executable, "-c", PROBE, json.dumps(command)],  # noqa: S603 - our interpreter
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    line = next((line for line in result.stdout.splitlines() if line.startswith("MODULES ")), None)
    assert line is not None, result.stderr
    return set(json.loads(line[len("MODULES "):]))


def imported(modules, package):
    return any(name == package or name.startswith(package + ".") for name in modules)


def test_a_plain_check_does_not_import_the_importer():
    modules = modules_after("check")
    assert "django.core.checks.urls" in modules  # it did run the checks
    assert not imported(modules, IMPORTER)


@pytest.mark.parametrize("command", [("help",), ("import_docusaurus", "--help"), ("showmigrations", "--help")])
def test_a_command_that_loads_no_urlconf_builds_no_api_v3(command):
    modules = modules_after(*command)
    assert "wagtail.images.apps" in modules  # the apps were set up
    assert [name for name in API_V3 if imported(modules, name)] == []


def test_the_import_commands_help_needs_none_of_the_importer():
    modules = modules_after("import_docusaurus", "--help")
    assert "pages.management.commands.import_docusaurus" in modules
    assert not imported(modules, IMPORTER)


GC_PROBE = """
import gc, runpy, sys
sys.argv = ["manage.py", "help"]
try:
    runpy.run_path("manage.py", run_name="__main__")
except SystemExit:
    pass
print("GC", gc.isenabled(), gc.get_freeze_count() > 0)
"""


@pytest.mark.parametrize("code", [GC_PROBE, "import gc, cms.wsgi; print('GC', gc.isenabled(), gc.get_freeze_count() > 0)"])
def test_the_garbage_collector_runs_again_once_started_and_skips_what_start_up_made(code):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,  # noqa: S603 - our interpreter
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.stdout.split()[-3:] == ["GC", "True", "True"], result.stderr
