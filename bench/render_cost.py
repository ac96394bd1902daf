"""`make bench-render`: what an uncached page or API answer costs, against a stock Wagtail site.

The reference is built here, at bench time: `wagtail start` into bench/results/tmp/stock/ (git-ignored),
on the same Wagtail, with the API v2 router added, migrated into a PostgreSQL database of its own.
Our site is the `make bench` one (demo content plus the seeded pages, 1,000 and 10,000 by default).

Each site is measured in one process with Django's test client, under its production settings, its
pages asked with a query string so that the page cache does not answer: before every request every cache is emptied (cold: the worst case, the first
reader after a publish), then the request's CPU time (`time.process_time`) and its queries are read;
the same request is then measured again with what the first one cached (warm: site root paths,
navigation fragments), as for the next readers after a publish, whose pages are not cached yet. Every scenario is reported as a
ratio to the stock home page measured in the same run. Writes bench/results/render_cost.{json,md}.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the bench package

from bench.server import PY, ROOT, env, recreate_database

RESULTS = ROOT / "bench" / "results"
STOCK = RESULTS / "tmp" / "stock"
WAGTAIL = Path(PY).parent / "wagtail"

# The budget of each scenario, as a multiple of the stock home page's CPU.
BUDGETS = {
    "tool guide page": 2, "space page": 2, "section page": 2,
    "api v2 detail": 2, "api v3 detail": 2, "api v2 listing, 20 pages, fields=*": 3,
}
QUERY_BUDGET = 15

PROBE = textwrap.dedent("""
    import gc, json, statistics, sys, time, django
    django.setup()
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def empty_caches():
        for cache in caches.all():
            cache.clear()

    urls, runs = json.loads(sys.argv[1]), int(sys.argv[2])
    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in urls.items():
        for _ in range(3):  # imports, template loading, compiled regexes: paid once per process
            assert client.get(url).status_code == 200, url
        empty_caches()
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        queries = len(ctx.captured_queries)  # read now: the next request empties the log
        with CaptureQueriesContext(connection) as ctx:
            client.get(url)
        warm_queries = len(ctx.captured_queries)
        cpu, warm = [], []
        for _ in range(runs):
            empty_caches()
            gc.collect()
            start = time.process_time()
            client.get(url)
            cpu.append((time.process_time() - start) * 1000)
            gc.collect()
            start = time.process_time()  # the same again, with what the first request cached
            client.get(url)
            warm.append((time.process_time() - start) * 1000)
        results[name] = {"url": url, "cpu_ms": round(statistics.median(cpu), 2),
                         "cpu_ms_p90": round(sorted(cpu)[int(len(cpu) * 0.9)], 2),
                         "queries": queries, "warm_cpu_ms": round(statistics.median(warm), 2),
                         "warm_queries": warm_queries}
    print(json.dumps(results))
""")

STOCK_SETTINGS = textwrap.dedent("""
    # Written by bench/render_cost.py: the stock project under production settings, on PostgreSQL.
    import os
    import dj_database_url
    from .production import *

    SECRET_KEY = "bench-only"
    ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600)}
    INSTALLED_APPS += ["wagtail.api.v2", "rest_framework"]
    ROOT_URLCONF = "stock.bench_urls"
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WAGTAILAPI_BASE_URL = "http://127.0.0.1"
""")

STOCK_URLS = textwrap.dedent("""
    # Written by bench/render_cost.py: the stock URLs with Wagtail's documented API v2 router.
    from django.urls import path
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet
    from wagtail.documents.api.v2.views import DocumentsAPIViewSet
    from wagtail.images.api.v2.views import ImagesAPIViewSet

    from .urls import urlpatterns as stock_urlpatterns

    api_router = WagtailAPIRouter("wagtailapi")
    api_router.register_endpoint("pages", PagesAPIViewSet)
    api_router.register_endpoint("images", ImagesAPIViewSet)
    api_router.register_endpoint("documents", DocumentsAPIViewSet)
    urlpatterns = [path("api/v2/", api_router.urls), *stock_urlpatterns]
""")


def stock_env(database_url):
    e = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))}
    e.update({"DJANGO_SETTINGS_MODULE": "stock.settings.bench", "DATABASE_URL": database_url})
    return e


def build_stock(database_url, fresh):
    """A `wagtail start` project, migrated; rebuilt from scratch when asked or missing."""
    if fresh or not (STOCK / "manage.py").exists():
        subprocess.run(["rm", "-rf", str(STOCK)], check=True)
        STOCK.mkdir(parents=True)
        subprocess.run([str(WAGTAIL), "start", "stock", str(STOCK)], check=True, capture_output=True)
        (STOCK / "stock" / "settings" / "bench.py").write_text(STOCK_SETTINGS)
        (STOCK / "stock" / "bench_urls.py").write_text(STOCK_URLS)
        recreate_database(database_url)
    e = stock_env(database_url)
    subprocess.run([PY, "manage.py", "migrate", "--no-input", "-v0"], cwd=STOCK, env=e, check=True)
    return e


def probe(cwd, e, urls, runs):
    out = subprocess.run([PY, "-c", PROBE, json.dumps(urls), str(runs)], cwd=cwd, env=e,
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"probe failed in {cwd}:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


OUR_URLS = textwrap.dedent("""
    import json, django
    django.setup()
    from pages.models import SectionPage, SpacePage, ToolGuidePage
    guide = ToolGuidePage.objects.live().filter(locale__language_code="fr").first()
    space = SpacePage.objects.live().get(locale__language_code="fr", slug="studio-balado")
    section = space.get_parent()
    print(json.dumps({
        # A query string keeps the page cache out of the way (as in bench/run.py); the rest of the cache works.
        "tool guide page": guide.url + "?uncached=1", "space page": space.url + "?uncached=1",
        "section page": section.url + "?uncached=1",
        "api v2 detail": f"/api/v2/pages/{guide.pk}/", "api v3 detail": f"/api/v3/pages/{guide.pk}/",
        "api v2 listing, 20 pages, fields=*": "/api/v2/pages/?type=pages.SpacePage&fields=*&limit=20",
    }))
""")


def our_env(database_url):
    # No Redis: the cache is the process's own memory, emptied before every cold request.
    return env(database_url, "", 8460)


def prepare_ours(database_base, sizes, fresh):
    from bench.run import prepare

    prepare(SimpleNamespace(database_url=database_base, redis_url="redis://127.0.0.1:6379/0", fresh=fresh), sizes)


def markdown(report):
    meta = report["meta"]
    lines = [
        "# Render cost against a stock Wagtail site", "",
        f"{meta['date']} · {meta['cpus']} CPUs, **shared with other work while measuring** · Wagtail "
        f"{meta['wagtail']} · PostgreSQL · median CPU of {meta['runs']} requests per scenario, every cache "
        "emptied before each request (Django test client, production settings, one process per site).", "",
        f"Reference: the stock `wagtail start` home page, {report['stock']['stock home page']['cpu_ms']} ms CPU, "
        f"{report['stock']['stock home page']['queries']} queries; its API v2 page detail "
        f"{report['stock']['stock api v2 detail']['cpu_ms']} ms, {report['stock']['stock api v2 detail']['queries']} queries.", "",
        "| scenario | pages | cold CPU (ms) | p90 (ms) | queries | × stock home | warm CPU (ms) | warm queries "
        "| warm × stock home | budget | met (cold) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|",
    ]
    for name, row in report["stock"].items():
        lines.append(f"| {name} | stock | {row['cpu_ms']} | {row['cpu_ms_p90']} | {row['queries']} | "
                     f"{row['ratio']:.2f} | {row['warm_cpu_ms']} | {row['warm_queries']} | {row['warm_ratio']:.2f} | | |")
    for pages, rows in report["ours"].items():
        for name, row in rows.items():
            met = row["ratio"] <= BUDGETS[name] and row["queries"] <= QUERY_BUDGET
            lines.append(f"| {name} | {int(pages):,} | {row['cpu_ms']} | {row['cpu_ms_p90']} | {row['queries']} | "
                         f"{row['ratio']:.2f} | {row['warm_cpu_ms']} | {row['warm_queries']} | {row['warm_ratio']:.2f} | "
                         f"≤ {BUDGETS[name]} × and ≤ {QUERY_BUDGET} queries | "
                         f"{'yes' if met else 'no'} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/studiobib_bench"),
        help="base URL: our site uses _<pages> added to its name, the stock site _stock")
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RENDER_RUNS", "40")))
    parser.add_argument("--fresh", action="store_true", help="rebuild the stock site and our databases")
    parser.add_argument("--skip-prepare", action="store_true", help="use our databases as they are")
    parser.add_argument("--render", action="store_true", help="only rewrite render_cost.md from render_cost.json")
    args = parser.parse_args()
    if args.render:
        report = json.loads((RESULTS / "render_cost.json").read_text())
        (RESULTS / "render_cost.md").write_text(markdown(report))
        return
    sizes = sorted(args.pages)
    stock_e = build_stock(f"{args.database_url}_stock", args.fresh)
    if not args.skip_prepare:
        prepare_ours(args.database_url, sizes, args.fresh)
    ours = {}
    stock_runs = []
    for pages in sizes:
        # The reference is measured again beside each size, so that a busy moment weighs on both.
        stock_runs.append(probe(STOCK, stock_e, {"stock home page": "/", "stock api v2 detail": "/api/v2/pages/3/"},
                                args.runs))
        e = our_env(f"{args.database_url}_{pages}")
        urls = json.loads(subprocess.run([PY, "-c", OUR_URLS], cwd=ROOT, env=e, capture_output=True,
                                         text=True, check=True).stdout.strip().splitlines()[-1])
        ours[pages] = probe(ROOT, e, urls, args.runs)
        reference = stock_runs[-1]["stock home page"]
        for row in ours[pages].values():
            row["ratio"] = round(row["cpu_ms"] / reference["cpu_ms"], 2)
            row["warm_ratio"] = round(row["warm_cpu_ms"] / reference["warm_cpu_ms"], 2)
    stock = {name: dict(stock_runs[0][name], **{key: round(statistics.median(r[name][key] for r in stock_runs), 2)
                                                for key in ("cpu_ms", "cpu_ms_p90", "warm_cpu_ms")})
             for name in stock_runs[0]}
    for row in stock.values():
        row["ratio"] = round(row["cpu_ms"] / stock["stock home page"]["cpu_ms"], 2)
        row["warm_ratio"] = round(row["warm_cpu_ms"] / stock["stock home page"]["warm_cpu_ms"], 2)
    import wagtail

    report = {"meta": {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
                       "runs": args.runs, "wagtail": wagtail.__version__},
              "stock": stock, "stock_per_size": dict(zip(map(str, sizes), stock_runs, strict=True)),
              "ours": {str(k): v for k, v in ours.items()}}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "render_cost.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / "render_cost.md").write_text(markdown(report))
    print(markdown(report))
    failed = [(pages, name) for pages, rows in ours.items() for name, row in rows.items()
              if row["ratio"] > BUDGETS[name] or row["queries"] > QUERY_BUDGET]
    if failed:
        print("Over budget:", ", ".join(f"{name} ({pages:,} pages)" for pages, name in failed))


if __name__ == "__main__":
    main()
