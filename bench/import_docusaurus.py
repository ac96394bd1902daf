"""Benchmark of the Docusaurus importer: full import from scratch, then the same source again.

Runs on a fresh SQLite file and, when DATABASE_URL points at PostgreSQL, on a fresh PostgreSQL
database created next to it (``<name>_bench_import``, dropped afterwards). Records seconds,
pages per second, peak memory (Python allocations and process RSS) and SQL queries, and writes
bench/results/import.json and bench/results/import.md.

Then, on another fresh SQLite file, the same two imports as a user runs them,
``manage.py import_docusaurus CORPUS --publish`` in a new process each: wall and CPU time of the whole
command, start-up included, which is what the unchanged re-run's ≤ 10 % target is about.

    python bench/import_docusaurus.py [CORPUS]      # default: ../shared/corpus/techno
"""

import compileall
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "techno"


def run_one(corpus, database_url):
    """Child process: migrate a fresh database, import twice, print one JSON line."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from pages.importers.docusaurus.memo import known_steps
    from pages.importers.docusaurus.plan import build_plan
    from pages.importers.docusaurus.writer import Importer
    from pages.site_setup.skeleton import ensure_skeleton

    devnull = open(os.devnull, "w")  # noqa: SIM115
    call_command("migrate", verbosity=0, stdout=devnull)
    user = get_user_model().objects.create_superuser("bench", "bench@example.org", "bench")
    ensure_skeleton(user)

    def measure(label):
        queries = [0]

        def count(execute, sql, params, many, context):
            queries[0] += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            plan = build_plan(corpus, known_steps=known_steps())  # as the command plans it
            report = Importer(plan, user=user, publish=True).run()
        seconds = time.perf_counter() - start
        counts = report.counts()
        pages = sum(counts.values())
        return {
            "run": label, "seconds": round(seconds, 2), "pages": pages,
            "pages_per_second": round(pages / seconds, 1) if seconds else None,
            "created": counts["created"], "updated": counts["updated"], "unchanged": counts["unchanged"],
            "failed": counts["failed"], "images": report.images, "documents": report.documents,
            "redirects": report.redirects, "queries": queries[0],
            # Process peak RSS so far (the full import runs first, so the re-run shows the same peak).
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "warnings": sum(1 for e in report.entries if e.level != "info"),
        }

    full = measure("full")
    again = measure("unchanged")
    again["ratio_to_full"] = round(again["seconds"] / full["seconds"], 3) if full["seconds"] else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"database": connection.vendor, "runs": [full, again], "peak_rss_mb": round(rss, 1)}))


SETUP_CLI = """
import django
django.setup()
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pages.site_setup.skeleton import ensure_skeleton
call_command("migrate", verbosity=0)
ensure_skeleton(get_user_model().objects.create_superuser("bench", "bench@example.org", "bench"))
"""


def cli_runs(corpus, tmp):
    """`manage.py import_docusaurus` from the command line, twice: wall and CPU, start-up included."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    # manage.py's own settings (development), with the database and media in the scratch folder.
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DATABASE_URL": f"sqlite:///{tmp}/cli.sqlite3",
                "MEDIA_ROOT": f"{tmp}/cli-media"})
    subprocess.run([sys.executable, "-c", SETUP_CLI], cwd=ROOT, env=env, check=True)
    for package in ("cms", "home", "pages"):  # compiled bytecode, as a deployed checkout has it
        compileall.compile_dir(ROOT / package, quiet=1)
    runs = []
    for label in ("full", "unchanged"):
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "manage.py", "import_docusaurus", str(corpus), "--publish"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"manage.py import_docusaurus ({label}) failed")
        runs.append({"run": label, "wall_seconds": round(wall, 2), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2)})
    runs[1]["ratio_to_full"] = round(runs[1]["wall_seconds"] / runs[0]["wall_seconds"], 3)
    return {"database": "sqlite", "settings": "cms.settings.dev", "runs": runs}


def postgres_bench_url(url):
    parsed = urlparse(url)
    name = parsed.path.lstrip("/") + "_bench_import"
    admin = urlunparse(parsed._replace(path="/postgres"))
    return urlunparse(parsed._replace(path="/" + name)), admin, name


def pg_exec(admin_url, sql):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql)


def main():
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    if not (corpus / "docs").is_dir():
        sys.exit(f"Corpus not found: {corpus}")
    targets = []
    tmp = tempfile.mkdtemp(prefix="bench-import-")
    targets.append(("sqlite", f"sqlite:///{tmp}/bench.sqlite3", None))
    env_url = os.environ.get("DATABASE_URL", "")
    if env_url.startswith(("postgres://", "postgresql://")):
        url, admin, name = postgres_bench_url(env_url)
        pg_exec(admin, f'DROP DATABASE IF EXISTS "{name}"')
        pg_exec(admin, f'CREATE DATABASE "{name}"')
        targets.append(("postgresql", url, (admin, name)))
    results = []
    try:
        for label, url, _cleanup in targets:
            print(f"{label}: importing {corpus} twice…", file=sys.stderr)
            out = subprocess.run([sys.executable, __file__, "--child", str(corpus), url],
                                 capture_output=True, text=True, cwd=ROOT, check=False)
            if out.returncode != 0:
                sys.exit(f"{label} run failed:\n{out.stderr[-3000:]}")
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    finally:
        for _label, _url, cleanup in targets:
            if cleanup:
                pg_exec(cleanup[0], f'DROP DATABASE IF EXISTS "{cleanup[1]}"')
    print("sqlite: manage.py import_docusaurus twice…", file=sys.stderr)
    cli = cli_runs(corpus, tmp)
    data = {
        "corpus": corpus.name,
        "docs": sum(1 for p in (corpus / "docs").rglob("*") if p.suffix in (".md", ".mdx")),
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "results": results,
        "cli": cli,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "import.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (RESULTS / "import.md").write_text(markdown(data), encoding="utf-8")
    print(markdown(data))


def markdown(data):
    lines = [
        "# Docusaurus import benchmark", "",
        f"Corpus `{data['corpus']}`: {data['docs']} docs. Python {data['python']}, {data['cpus']} CPU(s), "
        f"load average at the end {data['load_average']}.", "",
        "| Database | Run | Seconds | Pages | Pages/s | Queries | Peak RSS MB | Created | Unchanged |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for result in data["results"]:
        for run in result["runs"]:
            lines.append(f"| {result['database']} | {run['run']} | {run['seconds']} | {run['pages']} | "
                         f"{run['pages_per_second']} | {run['queries']} | {run['peak_rss_mb']} | "
                         f"{run['created']} | {run['unchanged']} |")
    lines.append("")
    for result in data["results"]:
        full, again = result["runs"]
        lines.append(f"- {result['database']}: unchanged re-run = {again['ratio_to_full']:.1%} of the full import "
                     f"(target ≤ 10 %); "
                     f"{full['images']['created']} images, {full['documents']['created']} documents, "
                     f"{full['redirects']['created']} redirects created.")
    cli = data.get("cli")
    if cli:
        full, again = cli["runs"]
        lines += [
            "", "From the command line, `manage.py import_docusaurus CORPUS --publish` in a new process each time "
            f"({cli['database']}, `{cli['settings']}`), start-up included:", "",
            "| Run | Wall s | CPU s |", "|---|---:|---:|",
            *(f"| {run['run']} | {run['wall_seconds']} | {run['cpu_seconds']} |" for run in cli["runs"]),
            "", f"- unchanged re-run = {again['ratio_to_full']:.1%} of the full import, wall time (target ≤ 10 %); "
            f"{again['cpu_seconds'] / full['cpu_seconds']:.1%} of its CPU time. Wall time counts the other work of "
            "a shared machine too; CPU time does not.",
        ]
    lines += ["", "Produced by `make bench-import` (bench/import_docusaurus.py), tests settings, immediate task backend.",
              "",
              "The Docusaurus production build of the same site, for comparison: see `docusaurus_build.md` "
              "beside this file (measured by bench/docusaurus_build.sh)."]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        run_one(Path(sys.argv[2]), sys.argv[3])
    else:
        main()
