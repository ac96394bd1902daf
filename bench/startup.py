"""Start-up cost of the processes the project runs: management commands and the WSGI app.

Each case runs in a fresh interpreter, alternating the cases, RUNS times (default 5); the CPU time
(user + system, from ``os.wait4``) and wall time of each run are recorded and the median reported.
A second pass lists which heavy packages each case leaves imported (``sys.modules``), so a number that
moves can be traced to what got imported. ``--against DIR`` runs the same cases in another checkout
(an earlier commit, say, from ``git worktree add``), alternating with this one so that a busy moment of
the machine weighs on both alike. Writes bench/results/startup.json and startup.md.

    python bench/startup.py [--runs N] [--against DIR [--against-label TEXT]]
"""

import argparse
import compileall
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PY = sys.executable

# What gunicorn imports (cms/gunicorn.py sets production settings): the environment it needs,
# SQLite so that no database server is required (importing the app opens no connection).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DATABASE_URL": "sqlite:///:memory:",
}

CASES = [
    # (name, argv after the interpreter, extra environment)
    ("manage.py check", ["manage.py", "check"], {}),
    ("manage.py help", ["manage.py", "help"], {}),
    ("manage.py import_docusaurus --help", ["manage.py", "import_docusaurus", "--help"], {}),
    ("import cms.wsgi (production settings)", ["-c", "import cms.wsgi"], PRODUCTION_ENV),
]

# Packages a process should import only when it uses them.
WATCHED = {
    "API v3 routers (wagtail.api.v3.api)": "wagtail.api.v3.api",
    "API v3 schemas (wagtail.api.v3.registry)": "wagtail.api.v3.registry",
    "django-ninja": "ninja",
    "pydantic": "pydantic",
    "Docusaurus importer": "pages.importers.docusaurus",
    "tree-sitter": "tree_sitter",
    "Django REST framework": "rest_framework",
    "psycopg": "psycopg",
}

# Runs the case's own code, then prints which watched packages got imported.
PROBE = """
import json, runpy, sys
argv = json.loads(sys.argv[1])
watched = json.loads(sys.argv[2])
sys.argv = argv
try:
    if argv[0] == "-c":
        exec(argv[1], {"__name__": "__main__"})
    else:
        runpy.run_path(argv[0], run_name="__main__")
except SystemExit:
    pass
sys.stdout.flush()
print("\\nPROBE " + json.dumps({label: any(m == name or m.startswith(name + ".") for m in sys.modules)
                               for label, name in watched.items()}))
"""


def environment(extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "AWS_", "REDIS"))}
    env.update(extra)
    return env


def timed(root, argv, extra):
    """CPU (user + system) and wall seconds of one fresh interpreter running argv."""
    start = time.perf_counter()
    proc = subprocess.Popen([PY, *argv], cwd=root, env=environment(extra),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if proc.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return usage.ru_utime + usage.ru_stime, wall


def imported(root, argv, extra):
    code = ["-c", PROBE, json.dumps(argv if argv[0] == "-c" else [str(root / argv[0]), *argv[1:]]), json.dumps(WATCHED)]
    out = subprocess.run([PY, *code], cwd=root, env=environment(extra), capture_output=True, text=True, check=False)
    line = next((line for line in out.stdout.splitlines() if line.startswith("PROBE ")), None)
    if line is None:
        sys.exit(f"probe of {' '.join(argv)} failed:\n{out.stderr[-3000:]}")
    return [label for label, present in json.loads(line[len("PROBE "):]).items() if present]


def compile_project(root):
    """The project's bytecode, as a deployed process finds it: with PYTHONDONTWRITEBYTECODE set (many
    containers set it) and no __pycache__, every start would compile some 180 modules again."""
    for package in ("cms", "home", "pages"):
        compileall.compile_dir(root / package, quiet=1)


def measure(projects, runs):
    """projects: [(label, root)]; every case of every project once per round."""
    samples = {(label, name): {"cpu": [], "wall": []} for label, _root in projects for name, _argv, _env in CASES}
    for _ in range(runs):
        for name, argv, extra in CASES:
            for label, root in projects:
                cpu, wall = timed(root, argv, extra)
                samples[label, name]["cpu"].append(round(cpu, 3))
                samples[label, name]["wall"].append(round(wall, 3))
    return [
        {
            "project": label,
            "case": name,
            "cpu_median": round(statistics.median(samples[label, name]["cpu"]), 2),
            "wall_median": round(statistics.median(samples[label, name]["wall"]), 2),
            "cpu_runs": samples[label, name]["cpu"],
            "wall_runs": samples[label, name]["wall"],
            "imports": imported(root, argv, extra),
        }
        for name, argv, extra in CASES
        for label, root in projects
    ]


def markdown(data):
    lines = [
        "# Start-up of the project's processes", "",
        f"{data['date']}. Python {data['python']}, {data['cpus']} CPU(s) shared with other work, "
        f"load average before {data['load_before']} and after {data['load_after']}. Median of {data['runs']} runs "
        "of a fresh interpreter each, the cases (and checkouts) alternating; CPU is user + system of the process.", "",
        "| process | checkout | CPU (s) | wall (s) | CPU of each run (s) | watched packages imported |",
        "|---|---|---:|---:|---|---|",
    ]
    for case in data["results"]:
        runs = " · ".join(f"{x:.2f}" for x in case["cpu_runs"])
        lines.append(f"| `{case['case']}` | {case['project']} | {case['cpu_median']:.2f} | {case['wall_median']:.2f} | "
                     f"{runs} | {', '.join(case['imports']) or '—'} |")
    lines += [
        "",
        "`manage.py` uses the development settings (its default); the WSGI case the production settings gunicorn "
        "sets (cms/gunicorn.py), on SQLite, without opening a connection. The last column lists the watched "
        "packages found in `sys.modules` at the end. The project's bytecode is compiled first (`compileall`), "
        "as in a deployed checkout.",
        "",
        "Since 9f9ffb7 start-up builds no API v3 in the apps' `ready()` (cms/compat.py, `defer_api_v3`) and runs "
        "with the garbage collector paused (cms/startup.py). What is left and why:",
        "",
        "- `manage.py check` loads the URLconf (its URL checks), and with it API v3: its schemas and routers "
        "are no longer built in the apps' `ready()` (cms/compat.py, `defer_api_v3`), but when "
        "`wagtail.api.v3.api` is first imported, which `cms/urls.py` does. gunicorn loads the URLconf in "
        "the master before forking (`when_ready` in cms/gunicorn.py), so workers do not build it on their "
        "first request.",
        "- django-ninja and pydantic are imported by the `ninja` app itself (INSTALLED_APPS, for the Swagger UI "
        "static files); Django imports every installed app's package.",
        "- Django REST framework, and through `rest_framework.compat` `django.contrib.postgres` and psycopg, "
        "are imported by the page models' `APIField(serializer=…)` (pages/api/fields.py), even on SQLite.",
        "",
        "Produced by `make bench-startup` (bench/startup.py).",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--label", default="this checkout", help="Name of this checkout in the table")
    parser.add_argument("--against", type=Path, help="Another checkout to measure alongside (same interpreter)")
    parser.add_argument("--against-label", default="before", help="Its name in the table")
    parser.add_argument("--output", default="startup", help="Base name of the result files in bench/results/")
    args = parser.parse_args()
    projects = [(args.label, ROOT)]
    if args.against:
        if not (args.against / "manage.py").is_file():
            sys.exit(f"No manage.py in {args.against}")
        projects.insert(0, (args.against_label, args.against.resolve()))
    for _label, root in projects:
        compile_project(root)
    load_before = [round(x, 2) for x in os.getloadavg()]
    results = measure(projects, args.runs)
    data = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "runs": args.runs, "load_before": load_before, "load_after": [round(x, 2) for x in os.getloadavg()],
        "results": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.output}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / f"{args.output}.md").write_text(markdown(data), encoding="utf-8")
    print(markdown(data))


if __name__ == "__main__":
    main()
