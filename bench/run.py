"""`make bench`: the site under production settings and gunicorn, loaded with wrk on 127.0.0.1.

For 1,000 then 10,000 published pages (PostgreSQL), it measures a page uncached, the same page
cached, an API listing and an API detail, plus the page's saved HTML served by nginx as the
static baseline. Writes bench/results/latest.json and latest.md.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(
    0, str(Path(__file__).resolve().parent.parent)
)  # run as a script: import the bench package

from bench.server import (
    HOST,
    PY,
    ROOT,
    ensure_free,
    env,
    manage,
    recreate_database,
    start_gunicorn,
    stop,
    wait_for,
)

WORK = ROOT / "bench" / "results" / "tmp"
RESULTS = ROOT / "bench" / "results"
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "18765"))
STATIC_PORT = int(os.environ.get("BENCH_STATIC_PORT", "18766"))
PROXY_PORT = int(os.environ.get("BENCH_PROXY_PORT", "18767"))

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
        capture_output=True,
        text=True,
        check=True,
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


def start_nginx(html):
    root = WORK / "static"
    root.mkdir(parents=True, exist_ok=True)
    (root / "page.html").write_bytes(html)
    conf = WORK / "nginx.conf"
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
    }}
    # The shared cache of docs/deploy.md (CDN or nginx) in front of gunicorn: it keeps what the
    # app marks "public, max-age" and never what it marks private.
    proxy_cache_path {WORK}/proxy_cache levels=1:2 keys_zone=pages:10m max_size=100m;
    server {{
        listen {HOST}:{PROXY_PORT};
        location / {{
            proxy_pass http://{HOST}:{APP_PORT};
            proxy_set_header Host $http_host;
            proxy_cache pages;
            proxy_cache_lock on;
            proxy_cache_use_stale updating;
            add_header X-Proxy-Cache $upstream_cache_status;
        }}
    }}
}}
""")
    for path in (WORK, root):
        path.chmod(0o755)
    (root / "page.html").chmod(0o644)
    process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(WORK)])
    wait_for(f"http://{HOST}:{STATIC_PORT}/page.html")
    return process


def measure(e, pages, args):
    manage(e, "seed_bench_pages", "--pages", str(pages))
    import redis

    redis.Redis.from_url(e["REDIS_URL"]).flushdb()
    ensure_free(STATIC_PORT)
    gunicorn = start_gunicorn(e, args.workers)
    nginx = None
    try:
        base = f"http://{HOST}:{APP_PORT}"
        html = wait_for(f"{base}/fr/espaces/studio-balado/")
        if gunicorn.poll() is not None:
            sys.exit("gunicorn stopped: see its output above.")
        with urllib.request.urlopen(f"{base}/fr/espaces/studio-balado/") as response:
            if response.headers.get("X-Page-Cache") != "hit":
                sys.exit("The page cache does not answer: is this our gunicorn?")
        api = json.loads(wait_for(f"{base}/api/v2/pages/?type=pages.SpacePage&locale=fr&limit=1"))
        space_id = api["items"][0]["id"]
        urls = {
            "page uncached": "/fr/espaces/studio-balado/?uncached=1",  # a query string bypasses the page cache
            "page cached": "/fr/espaces/studio-balado/",
            "api listing": "/api/v2/pages/?locale=fr&limit=20",
            "api detail": f"/api/v2/pages/{space_id}/",
        }
        probe = subprocess.run(
            [PY, "-c", PROBE, json.dumps(urls)],
            cwd=ROOT,
            env=e,
            capture_output=True,
            text=True,
            check=True,
        )
        queries = json.loads(probe.stdout.strip().splitlines()[-1])
        ensure_free(PROXY_PORT)
        shutil.rmtree(WORK / "proxy_cache", ignore_errors=True)
        nginx = start_nginx(html)
        urls["page cached at the edge"] = f"http://{HOST}:{PROXY_PORT}/fr/espaces/studio-balado/"
        queries["page cached at the edge"] = 0
        static = wrk(
            f"http://{HOST}:{STATIC_PORT}/page.html", args.duration, args.connections, args.threads
        )
        rows = [
            {
                "name": "static nginx",
                "pages": pages,
                **static,
                "queries_per_request": 0,
                "ratio_to_static": 1.0,
            }
        ]
        for name, url in urls.items():
            url = url if url.startswith("http") else base + url
            wait_for(url)
            result = wrk(url, args.duration, args.connections, args.threads)
            rows.append(
                {
                    "name": name,
                    "pages": pages,
                    **result,
                    "queries_per_request": queries[name],
                    "ratio_to_static": round(result["req_s"] / static["req_s"], 4),
                }
            )
            print(rows[-1], flush=True)
        return rows
    finally:
        stop(nginx)
        stop(gunicorn)


def markdown(rows, meta):
    lines = [
        "# Benchmark",
        "",
        f"{meta['date']} · {meta['cpus']} CPUs · gunicorn {meta['workers']} workers × 2 threads · "
        f"wrk {meta['threads']} thread(s), {meta['connections']} connections, {meta['duration']} s per scenario · "
        "PostgreSQL + Redis on 127.0.0.1",
        "",
        "| scenario | pages | req/s | p50 (ms) | p99 (ms) | queries/request | ratio to static |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['name']} | {r['pages']:,} | {r['req_s']:,} | {r['p50_ms']} | {r['p99_ms']} | "
        f"{r['queries_per_request']} | {r['ratio_to_static']:.2%} |"
        for r in rows
    ]
    sizes = sorted({r["pages"] for r in rows})
    if len(sizes) == 2:
        small, large = ({r["name"]: r for r in rows if r["pages"] == size} for size in sizes)
        lines += [
            "",
            f"Scaling, {sizes[0]:,} → {sizes[1]:,} pages (the target: no figure worse by more than 20%):",
            "",
            "| scenario | req/s change | p50 change | p99 change |",
            "|---|---:|---:|---:|",
        ]
        for name, row in large.items():
            before = small[name]
            lines.append(
                f"| {name} | {row['req_s'] / before['req_s'] - 1:+.0%} | "
                f"{row['p50_ms'] / before['p50_ms'] - 1:+.0%} | {row['p99_ms'] / before['p99_ms'] - 1:+.0%} |"
            )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/studiobib_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
    )
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")))
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument(
        "--fresh", action="store_true", help="drop and recreate the benchmark database"
    )
    parser.add_argument(
        "--render", action="store_true", help="only rewrite latest.md from latest.json"
    )
    args = parser.parse_args()
    if args.render:
        rows = json.loads((RESULTS / "latest.json").read_text())
        meta = json.loads((RESULTS / "latest.meta.json").read_text())
        (RESULTS / "latest.md").write_text(markdown(rows, meta))
        return
    if not all(shutil.which(tool) for tool in ("wrk", "nginx")):
        sys.exit(
            "wrk and nginx are needed: `make bench` installs them (apt-get install wrk nginx-light)."
        )

    e = env(args.database_url, args.redis_url, APP_PORT)
    WORK.mkdir(parents=True, exist_ok=True)
    if args.fresh:
        recreate_database(args.database_url)
    manage(e, "migrate", "--no-input", "-v0")
    manage(e, "setup_site", "--demo")
    manage(e, "collectstatic", "--no-input", "-v0")
    rows = []
    for pages in sorted(args.pages):
        rows += measure(e, pages, args)
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "threads": args.threads,
        "connections": args.connections,
        "duration": args.duration,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(rows, indent=2) + "\n")
    (RESULTS / "latest.meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(rows, meta))
    print(markdown(rows, meta))


if __name__ == "__main__":
    main()
