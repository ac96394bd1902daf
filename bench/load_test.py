"""`make loadtest`: readers and editors at once on the site under production settings, gunicorn and
PostgreSQL on 127.0.0.1, for a bounded time (LOAD_SECONDS, 60 by default).

Builds a fresh database (migrate, demo site, seeded pages), then runs bench/loadgen.py: readers on
pages and API of both languages while editors save, submit and publish through the real admin and a
reviewer approves. Afterwards every acknowledged save must have left its revision. Writes
bench/results/load.json and load.md; exits non-zero on any server error, connection error or lost
revision.
"""

import argparse
import json
import os
import sys
import time

from bench import loadgen
from bench.server import (
    HOST,
    ROOT,
    env,
    manage,
    recreate_database,
    seed,
    start_gunicorn,
    stop,
    wait_for,
)

RESULTS = ROOT / "bench" / "results"
PORT = int(os.environ.get("LOAD_APP_PORT", "18785"))


def markdown(data):
    s, meta = data["summary"], data["meta"]
    lines = [
        "# Load test",
        "",
        f"{meta['date']} · {meta['cpus']} CPUs · {meta['seconds']} s · gunicorn {meta['workers']} workers × 2 threads · "
        f"PostgreSQL + Redis on 127.0.0.1 · {meta['readers']} readers, {meta['editors']} editors, 1 reviewer · "
        f"{meta['live_pages']} live pages, {meta['urls']} reader URLs (both languages) · "
        f"load average before the run (1, 5, 15 min): {meta.get('load_average_before')}",
        "",
        f"**{s['requests']:,} requests, {s['server_errors']} server errors (5xx), {s['connection_errors']} connection "
        f"errors, {data['lost_revisions']} lost revisions** (of {data['saves']} acknowledged saves).",
        "",
        "| kind | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | statuses |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for kind, k in s["kinds"].items():
        statuses = ", ".join(f"{code}: {n:,}" for code, n in k["statuses"].items())
        lines.append(
            f"| {kind} | {k['requests']:,} | {k['req_s']} | {k['p50_ms']} | {k['p99_ms']} | "
            f"{k['max_ms']} | {statuses} |"
        )
    lines += ["", "| editors and reviewer | count |", "|---|---:|"]
    lines += [f"| {name} | {n:,} |" for name, n in s["editors"].items()]
    lines += [
        "",
        "Latencies are measured by the Python clients on the same 2 cores as the server, so they include "
        "the clients' own waiting. Produced by `make loadtest` (bench/load_test.py).",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/studiobib_load"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/15")
    )
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", "60")))
    parser.add_argument("--readers", type=int, default=int(os.environ.get("LOAD_READERS", "6")))
    parser.add_argument("--editors", type=int, default=int(os.environ.get("LOAD_EDITORS", "2")))
    parser.add_argument(
        "--pages", type=int, default=300, help="live pages to seed besides the demo site"
    )
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    args = parser.parse_args()

    e = env(args.database_url, args.redis_url, PORT)
    recreate_database(args.database_url)
    manage(e, "migrate", "--no-input", "-v0")
    manage(e, "setup_site", "--demo")
    manage(e, "collectstatic", "--no-input", "-v0")
    seed(e, args.pages)
    import redis

    redis.Redis.from_url(args.redis_url).flushdb()

    # This process reads the same database afterwards, to check the revisions.
    os.environ.update(e)
    import django

    django.setup()
    from pages.models import SectionPage

    parent_id = SectionPage.objects.get(locale__language_code="fr", slug="espaces").pk
    editors, reviewer = loadgen.demo_clients(args.editors)
    load_before = [
        round(x, 2) for x in os.getloadavg()
    ]  # the machine may be shared: say how busy it was
    gunicorn = start_gunicorn(e, args.workers)
    try:
        wait_for(f"http://{HOST}:{PORT}/fr/")
        print(f"Loading http://{HOST}:{PORT}/ for {args.seconds} s…", flush=True)
        tally = loadgen.run(HOST, PORT, args.seconds, args.readers, editors, reviewer, parent_id)
    finally:
        stop(gunicorn)
    lost = loadgen.lost_revisions(tally.saves)

    from wagtail.models import Page

    data = {
        "meta": {
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "cpus": os.cpu_count(),
            "seconds": args.seconds,
            "workers": args.workers,
            "readers": args.readers,
            "editors": args.editors,
            "live_pages": Page.objects.live().count(),
            "urls": tally.urls,
            "load_average_before": load_before,
        },
        "summary": tally.summary(args.seconds),
        "saves": len(tally.saves),
        "lost_revisions": len(lost),
        "lost_tokens": lost[:20],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "load.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    (RESULTS / "load.md").write_text(markdown(data))
    print(markdown(data))
    problems = data["summary"]["server_errors"] + data["summary"]["connection_errors"] + len(lost)
    if problems or tally.counters["clients that failed"] or not tally.saves:
        sys.exit(
            f"Load test failed: {json.dumps(data['summary']['failures'], ensure_ascii=False)[:2000]}"
        )


if __name__ == "__main__":
    main()
