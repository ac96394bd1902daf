"""A page with three live parts (hours, workshops, next free slot) under gunicorn: time to first byte.

Runs alone, in a few minutes: PostgreSQL (``BENCH_DATABASE_URL``, dropped and recreated), Redis
(``BENCH_REDIS_URL``), gunicorn on ``BENCH_APP_PORT`` and a fake of the library's services, speaking
their formats, on ``BENCH_UPSTREAM_PORT``. Scenarios, each with the page in the page cache:

- ``no live part``: a page whose only live part is the site notice (no emergency feed configured);
- ``3 live parts, warm``: the services' answers are in the live cache (the usual case);
- ``3 live parts, cold``: ``LIVE_DATA_CACHE_SECONDS=0``, each view asks the three services at once;
- ``3 live parts, one slow``: cold, and the booking service takes 0.3 s (the others do not).

Writes bench/results/live_parts.json and .md.
"""

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.server import HOST, ROOT, env, manage, recreate_database, start_gunicorn, stop, wait_for
from tests import live_upstream
from tests.live_upstream import LiveServices, french_date, hours_answer, hours_event

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/studiobib_bench_live")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
APP_PORT = int(os.environ.get("BENCH_APP_PORT", "8651"))
UPSTREAM_PORT = int(os.environ.get("BENCH_UPSTREAM_PORT", "8650"))
RESULTS = ROOT / "bench" / "results"

ADD_LIVE_PARTS = """
import uuid
from pages.models import ToolGuidePage
page = ToolGuidePage.objects.get(locale__language_code="fr", slug="imprimante-3d-bambu")
def block(kind, **value):
    return {"type": kind, "id": str(uuid.uuid4()), "value": value}
page.body = [
    block("library_hours", title="Soutien", library="ss", service="soutien-informatique", view="week"),
    block("workshops", title="Formations", discipline="informatique-creation-medias", place="", count=4),
    block("next_slot", title="Studio", service="studio-balado-video", booking_url=""),
]
page.save_revision().publish()
print(page.url)
"""


def fake_services(slow_booking):
    server, base = live_upstream.start(UPSTREAM_PORT)
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    LiveServices.answers.update({
        "/horaires": (200, "application/json", hours_answer(*[hours_event(monday + timedelta(days=n)) for n in range(7)])),
        "/formations/discipline/informatique-creation-medias": (200, "application/json", [
            {"date": french_date(today + timedelta(days=n)), "titre": f"Atelier {n}", "typeLocalisation": "en-ligne",
             "lieu": "", "url": "https://bib.example/inscription"} for n in range(1, 9)]),
        "/webhook/api/studio-balado-video": (200, "application/json",
                                             {"next": {"start_local": "2026-12-03T14:00:00"}, "duration_min": 120}),
    })
    if slow_booking:
        def slow(handler):
            time.sleep(0.3)
            body = json.dumps({"next": None}).encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)
        LiveServices.faults["/webhook/api/studio-balado-video"] = slow
    return server, base


def ttfb(path):
    connection = http.client.HTTPConnection(HOST, APP_PORT, timeout=30)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": HOST})
    response = connection.getresponse()  # returns once the status line and headers are in
    first_byte = time.perf_counter() - started
    body = response.read()
    connection.close()
    assert response.status == 200, (path, response.status)
    return first_byte, body


def measure(path, requests, concurrency):
    ttfb(path)  # warm: page cache and live cache filled
    with ThreadPoolExecutor(concurrency) as pool:
        times = sorted(t for t, _body in pool.map(lambda _n: ttfb(path), range(requests)))
    return {"requests": requests, "concurrency": concurrency,
            "ttfb_median_ms": round(statistics.median(times) * 1000, 1),
            "ttfb_p99_ms": round(times[int(len(times) * 0.99) - 1] * 1000, 1)}


def run_scenario(name, path, base_env, live_cache_seconds, slow_booking, args):
    server, base = fake_services(slow_booking)
    e = {**base_env,
         "LIVE_DATA_HOURS_URL": base + "/horaires?bibs={bib}&debut={debut}&fin={fin}&format=json",
         "LIVE_DATA_WORKSHOPS_URL": base + "/formations/discipline/{discipline}",
         "LIVE_DATA_BOOKING_URL": base + "/webhook/api/{service}",
         "LIVE_DATA_CACHE_SECONDS": str(live_cache_seconds),
         # A cache of its own per scenario: nothing cached by the previous one answers for this one.
         "CACHE_KEY_PREFIX": f"bench-live-{time.time_ns()}"}
    process = start_gunicorn(e, args.workers)
    try:
        wait_for(f"http://{HOST}:{APP_PORT}/fr/")
        result = measure(path, args.requests, args.concurrency)
        _t, body = ttfb(path)
        result["upstream_requests"] = sum(LiveServices.hits.values())
        result["placeholders_left"] = body.count(b"live-part:")
        result["shows_workshops"] = b"Atelier 1" in body
        return name, result
    finally:
        stop(process)
        server.shutdown()
        server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    base_env = env(DATABASE_URL, REDIS_URL, APP_PORT)
    recreate_database(DATABASE_URL)
    manage(base_env, "migrate", "--verbosity", "0")
    manage(base_env, "collectstatic", "--no-input", "-v0")
    manage(base_env, "setup_site", "--demo")
    live_path = subprocess.run([sys.executable, "manage.py", "shell", "-c", ADD_LIVE_PARTS], cwd=ROOT, env=base_env,
                               check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    results = dict([
        run_scenario("no live part", "/fr/espaces/studio-balado/", base_env, 60, False, args),
        run_scenario("3 live parts, warm", live_path, base_env, 60, False, args),
        run_scenario("3 live parts, cold", live_path, base_env, 0, False, args),
        run_scenario("3 live parts, one slow (0.3 s)", live_path, base_env, 0, True, args),
    ])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "live_parts.json").write_text(json.dumps(results, indent=2) + "\n")
    lines = ["| scenario | requests | concurrency | TTFB median (ms) | TTFB p99 (ms) | upstream requests |",
             "| --- | --- | --- | --- | --- | --- |"]
    lines += [f"| {name} | {r['requests']} | {r['concurrency']} | {r['ttfb_median_ms']} | {r['ttfb_p99_ms']} | "
              f"{r['upstream_requests']} |" for name, r in results.items()]
    (RESULTS / "live_parts.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    assert all(r["placeholders_left"] == 0 for r in results.values()), results
    assert all(r["shows_workshops"] for name, r in results.items() if name != "no live part"), results


if __name__ == "__main__":
    threading.excepthook = lambda info: None  # the fake services' threads end with the server
    main()
