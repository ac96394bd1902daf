"""`make bench`: the site under production settings and gunicorn, loaded with wrk on 127.0.0.1.

For 1,000 and 10,000 published pages (one PostgreSQL database each), it measures a page
uncached, the same page cached, an API listing and an API detail, plus the page's saved HTML
served by nginx as the static baseline, and a stock `wagtail start` site under the same gunicorn
settings (its home page and an API v2 page detail: the reference of every ratio, built by
bench/render_cost.py). The sites run side by side and every scenario is run
in several rounds alternating between them, so that a slow moment of the machine hits both
sizes alike; the tables give the median of the rounds. Writes bench/results/latest.json and
latest.md.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the bench package

from bench.server import (
    HOST,
    PY,
    ROOT,
    ensure_free,
    env,
    manage,
    recreate_database,
    seed,
    start_gunicorn,
    stop,
    wait_for,
)

WORK = ROOT / "bench" / "results" / "tmp"
RESULTS = ROOT / "bench" / "results"
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "18765"))
STATIC_PORT = int(os.environ.get("BENCH_STATIC_PORT", "18770"))
PROXY_PORT = int(os.environ.get("BENCH_PROXY_PORT", "18775"))
STOCK_PORT = int(os.environ.get("BENCH_STOCK_PORT", "18780"))

PROBE = """
import json, sys, django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for name, url in json.loads(sys.argv[1]).items():
    client.get(url)  # warm: the cached scenario is measured as a reader sees it
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200, url
    counts[name] = len(ctx.captured_queries)
print(json.dumps(counts))
"""


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return round(float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit], 3)


def wrk(url, duration, connections, threads):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)\s*$", out, re.M))
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"{url}: unexpected wrk output\n{out}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{out}")
    return {
        "req_s": round(float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), 1),
        "p50_ms": to_ms(latency["50"]),
        "p99_ms": to_ms(latency["99"]),
    }


def start_nginx(html, app_ports):
    """nginx: the static baseline, and per site the shared cache of docs/deploy.md in front of it."""
    root = WORK / "static"
    root.mkdir(parents=True, exist_ok=True)
    (root / "page.html").write_bytes(html)
    conf = WORK / "nginx.conf"
    # The shared cache (CDN or nginx) keeps what the app marks "public, max-age", never "private".
    proxies = "".join(f"""
    server {{
        listen {HOST}:{PROXY_PORT + index};
        location / {{
            proxy_pass http://{HOST}:{port};
            proxy_set_header Host $http_host;
            proxy_cache pages{index};
            proxy_cache_lock on;
            proxy_cache_use_stale updating;
            add_header X-Proxy-Cache $upstream_cache_status;
        }}
    }}
    proxy_cache_path {WORK}/proxy_cache{index} levels=1:2 keys_zone=pages{index}:10m max_size=100m;""" for index, port in enumerate(app_ports))
    conf.write_text(f"""
worker_processes 1;
daemon off;
pid {WORK}/nginx.pid;
error_log {WORK}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {WORK}/client_body;
    proxy_temp_path {WORK}/proxy; fastcgi_temp_path {WORK}/fastcgi; uwsgi_temp_path {WORK}/uwsgi; scgi_temp_path {WORK}/scgi;
    server {{
        listen {HOST}:{STATIC_PORT};
        root {root};
        location / {{ default_type text/html; }}
    }}{proxies}
}}
""")
    for path in (WORK, root):
        path.chmod(0o755)
    (root / "page.html").chmod(0o644)
    for index in range(len(app_ports)):
        ensure_free(PROXY_PORT + index)
        shutil.rmtree(WORK / f"proxy_cache{index}", ignore_errors=True)
    process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(WORK)])
    wait_for(f"http://{HOST}:{STATIC_PORT}/page.html")
    return process


def database_url(base, pages):
    return f"{base}_{pages}"


def prepare(args, sizes):
    """One database per size; the larger ones start as copies of the smaller, then grow."""
    previous = None
    for index, pages in enumerate(sizes):
        url = database_url(args.database_url, pages)
        e = env(url, redis_db(args.redis_url, index), APP_PORT + index)
        if args.fresh:
            recreate_database(url, template=previous)
        if previous is None or not args.fresh:
            manage(e, "migrate", "--no-input", "-v0")
            manage(e, "setup_site", "--demo")
        seed(e, pages)
        previous = url
    manage(e, "collectstatic", "--no-input", "-v0")


def redis_db(url, index):
    base, db = url.rsplit("/", 1)
    return f"{base}/{int(db) + index}"


class Site:
    """One size of the site under gunicorn, with the URLs of its scenarios."""

    def __init__(self, args, index, pages):
        self.pages = pages
        self.port = APP_PORT + index
        self.proxy_port = PROXY_PORT + index
        self.env = env(database_url(args.database_url, pages), redis_db(args.redis_url, index), self.port)
        self.args = args
        self.process = None

    def start(self):
        import redis

        redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        self.process = start_gunicorn(self.env, self.args.workers)
        base = f"http://{HOST}:{self.port}"
        self.html = wait_for(f"{base}/fr/espaces/studio-balado/")
        if self.process.poll() is not None:
            sys.exit("gunicorn stopped: see its output above.")
        with urllib.request.urlopen(f"{base}/fr/espaces/studio-balado/") as response:
            if response.headers.get("X-Page-Cache") != "hit":
                sys.exit("The page cache does not answer: is this our gunicorn?")
        api = json.loads(wait_for(f"{base}/api/v2/pages/?type=pages.SpacePage&locale=fr&limit=1"))
        space_id = api["items"][0]["id"]
        paths = {
            "page uncached": "/fr/espaces/studio-balado/?uncached=1",  # a query string bypasses the page cache
            "page cached": "/fr/espaces/studio-balado/",
            "api listing": "/api/v2/pages/?locale=fr&limit=20",
            "api detail": f"/api/v2/pages/{space_id}/",
        }
        probe = subprocess.run([PY, "-c", PROBE, json.dumps(paths)], cwd=ROOT, env=self.env,
                               capture_output=True, text=True, check=True)
        self.queries = json.loads(probe.stdout.strip().splitlines()[-1])
        self.urls = {name: base + path for name, path in paths.items()}
        self.urls["page cached at the edge"] = f"http://{HOST}:{self.proxy_port}/fr/espaces/studio-balado/"
        self.urls["static nginx"] = f"http://{HOST}:{STATIC_PORT}/page.html"
        self.queries.update({"page cached at the edge": 0, "static nginx": 0})

    def stop(self):
        stop(self.process)


class StockSite:
    """A stock `wagtail start` project (same Wagtail, its own PostgreSQL database) under the same
    gunicorn settings: the reference every scenario is compared with."""

    pages = "stock"

    def __init__(self, args):
        self.args = args
        self.process = None

    def start(self):
        from bench.render_cost import STOCK, build_stock

        e = build_stock(f"{self.args.database_url}_stock", fresh=self.args.fresh)
        e.update({"GUNICORN_BIND": f"{HOST}:{STOCK_PORT}", "GUNICORN_ACCESSLOG": "", "DJANGO_LOG_LEVEL": "ERROR"})
        ensure_free(STOCK_PORT)
        self.process = subprocess.Popen(
            [str(Path(PY).parent / "gunicorn"), "-c", str(ROOT / "cms" / "gunicorn.py"), "--workers",
             str(self.args.workers), "--no-control-socket", "stock.wsgi:application"], cwd=STOCK, env=e)
        base = f"http://{HOST}:{STOCK_PORT}"
        wait_for(f"{base}/")
        paths = {"stock home page": "/", "stock api v2 detail": "/api/v2/pages/3/"}
        probe = subprocess.run([PY, "-c", PROBE, json.dumps(paths)], cwd=STOCK, env=e,
                               capture_output=True, text=True, check=True)
        self.queries = json.loads(probe.stdout.strip().splitlines()[-1])
        self.urls = {name: base + path for name, path in paths.items()}

    def stop(self):
        stop(self.process)


SCENARIOS = ["static nginx", "page uncached", "page cached", "api listing", "api detail", "page cached at the edge"]
STOCK_SCENARIOS = ["stock home page", "stock api v2 detail"]


def run_rounds(sites, args):
    """Every scenario, `rounds` times, alternating sizes; the median of each (size, scenario)."""
    runs = {}
    for name in SCENARIOS + STOCK_SCENARIOS:
        for _round in range(args.rounds):
            for site in sites:
                if name not in site.urls:
                    continue
                wait_for(site.urls[name])
                result = wrk(site.urls[name], args.duration, args.connections, args.threads)
                runs.setdefault((site.pages, name), []).append(result)
                print(site.pages, name, result, flush=True)
    rows = []
    static = statistics.median(r["req_s"] for r in runs[(sites[0].pages, "static nginx")])
    stock = runs.get(("stock", "stock home page"))
    stock_home = statistics.median(r["req_s"] for r in stock) if stock else None
    for site in sites:
        for name in SCENARIOS + STOCK_SCENARIOS:
            if (site.pages, name) not in runs:
                continue
            results = runs[(site.pages, name)]
            req_s = [r["req_s"] for r in results]
            rows.append({
                "name": name, "pages": site.pages,
                "req_s": round(statistics.median(req_s), 1),
                "p50_ms": round(statistics.median(r["p50_ms"] for r in results), 3),
                "p99_ms": round(statistics.median(r["p99_ms"] for r in results), 3),
                "queries_per_request": site.queries[name],
                "ratio_to_static": round(statistics.median(req_s) / static, 4),
                # How many times a stock Wagtail home page's time one request takes (1 / throughput ratio).
                "cost_vs_stock_home": round(stock_home / statistics.median(req_s), 2) if stock_home else None,
                "req_s_runs": req_s,
            })
    return rows


def markdown(rows, meta):
    lines = [
        "# Benchmark", "",
        f"{meta['date']} · {meta['cpus']} CPUs · gunicorn {meta['workers']} workers × 2 threads · "
        f"wrk {meta['threads']} thread(s), {meta['connections']} connections, {meta['duration']} s per run · "
        f"median of {meta.get('rounds', 1)} rounds alternating the sizes · PostgreSQL + Redis on 127.0.0.1", "",
        "| scenario | pages | req/s | p50 (ms) | p99 (ms) | queries/request | ratio to static | "
        "× stock home (time per request) | req/s of each round |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    lines += [f"| {r['name']} | {r['pages'] if isinstance(r['pages'], str) else format(r['pages'], ',')} | "
              f"{r['req_s']:,} | {r['p50_ms']} | {r['p99_ms']} | "
              f"{r['queries_per_request']} | {r['ratio_to_static']:.2%} | "
              f"{'' if r.get('cost_vs_stock_home') is None else r['cost_vs_stock_home']} | "
              f"{' · '.join(f'{v:,.0f}' for v in r.get('req_s_runs', [r['req_s']]))} |" for r in rows]
    sizes = sorted({r["pages"] for r in rows if isinstance(r["pages"], int)})
    if len(sizes) == 2:
        small, large = ({r["name"]: r for r in rows if r["pages"] == size} for size in sizes)
        lines += ["", f"Scaling, {sizes[0]:,} → {sizes[1]:,} pages (the target: no figure worse by more than 20%):", "",
                  "| scenario | req/s change | p50 change | p99 change |", "|---|---:|---:|---:|"]
        def change(after, before):
            return f"{after / before - 1:+.0%}" if before else "n/a"

        for name, row in large.items():
            before = small[name]
            lines.append(f"| {name} | {change(row['req_s'], before['req_s'])} | "
                         f"{change(row['p50_ms'], before['p50_ms'])} | {change(row['p99_ms'], before['p99_ms'])} |")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/studiobib_bench"),
        help="base URL: one database per size is made by adding _<pages> to its name")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7"),
                        help="the first size uses this database number, the next ones the following numbers")
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "3")))
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the benchmark databases")
    parser.add_argument("--render", action="store_true", help="only rewrite latest.md from latest.json")
    args = parser.parse_args()
    if args.render:
        rows = json.loads((RESULTS / "latest.json").read_text())
        meta = json.loads((RESULTS / "latest.meta.json").read_text())
        (RESULTS / "latest.md").write_text(markdown(rows, meta))
        return
    if not all(shutil.which(tool) for tool in ("wrk", "nginx")):
        sys.exit("wrk and nginx are needed: `make bench` installs them (apt-get install wrk nginx-light).")

    sizes = sorted(args.pages)
    WORK.mkdir(parents=True, exist_ok=True)
    prepare(args, sizes)
    sites = [Site(args, index, pages) for index, pages in enumerate(sizes)] + [StockSite(args)]
    nginx = None
    try:
        for site in sites:
            site.start()
        ensure_free(STATIC_PORT)
        nginx = start_nginx(sites[0].html, [site.port for site in sites if isinstance(site, Site)])
        rows = run_rounds(sites, args)
    finally:
        stop(nginx)
        for site in sites:
            site.stop()
    meta = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
            "workers": args.workers, "threads": args.threads, "connections": args.connections,
            "duration": args.duration, "rounds": args.rounds}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(rows, indent=2) + "\n")
    (RESULTS / "latest.meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(rows, meta))
    print(markdown(rows, meta))


if __name__ == "__main__":
    main()
