"""Readers and editors on a running site for a bounded time: the client side of the load test.

Readers rotate over pages and API URLs of both languages. Editors log into the real admin (login cookie
and CSRF token, as a browser does), create a page, then save drafts, submit for review and
publish it over and over; a reviewer approves what they submit. Every saved draft carries a
unique token in its summary, so that afterwards `lost_revisions` can check that each save the
admin acknowledged left a revision holding that editor's text.

Nothing here runs without a deadline: every loop stops at `seconds`, every socket has a timeout.
Django must be set up in this process (the admin form data and the check read its models).
"""

import http.client
import json
import queue
import random
import re
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

TIMEOUT = 30
# The admin's refusal of a save on a locked page (French interface, the demo accounts' language).
LOCKED = "verrouillée"
# How often an editor, instead of only saving a draft, also submits for review or publishes.
SUBMIT_EVERY = 4
PUBLISH_EVERY = 6


@dataclass
class Account:
    username: str
    password: str
    # Wagtail locks a page under review for whoever cannot approve it: such an editor waits for
    # the reviewer after submitting, as a person would.
    waits_for_review: bool = False


@dataclass
class Tally:
    """What every client saw, by kind of request. Shared by the threads (one lock)."""

    latencies: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(Counter))
    failures: list = field(default_factory=list)  # connection errors, unexpected answers
    saves: list = field(default_factory=list)  # (page id, token) of every acknowledged save
    counters: Counter = field(default_factory=Counter)
    urls: int = 0  # distinct reader URLs
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind, status, seconds):
        with self.lock:
            self.latencies[kind].append(seconds)
            self.statuses[kind][status] += 1

    def count(self, name, n=1):
        with self.lock:
            self.counters[name] += n

    def fail(self, message):
        with self.lock:
            self.failures.append(message)

    def server_errors(self):
        return sum(
            n for codes in self.statuses.values() for code, n in codes.items() if code >= 500
        )

    def summary(self, seconds):
        kinds = {}
        for kind, values in sorted(self.latencies.items()):
            ordered = sorted(values)
            kinds[kind] = {
                "requests": len(ordered),
                "req_s": round(len(ordered) / seconds, 1),
                "p50_ms": percentile(ordered, 50),
                "p99_ms": percentile(ordered, 99),
                "max_ms": round(ordered[-1] * 1000, 1),
                "statuses": {str(code): n for code, n in sorted(self.statuses[kind].items())},
            }
        return {
            "requests": sum(k["requests"] for k in kinds.values()),
            "server_errors": self.server_errors(),
            "connection_errors": self.counters["connection errors"],
            "kinds": kinds,
            "editors": {
                name: n for name, n in sorted(self.counters.items()) if name != "connection errors"
            },
            "failures": self.failures[:20],
        }


def percentile(ordered, pct):
    """Nearest-rank percentile of sorted seconds, in milliseconds."""
    if not ordered:
        return None
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return round(ordered[rank] * 1000, 1)


class Browser:
    """One keep-alive connection with its cookies, like one browser tab."""

    def __init__(self, host, port, tally):
        self.host, self.port, self.tally = host, port, tally
        self.cookies = {}
        self.connection = None

    def request(self, kind, method, path, form=None, headers=None):
        body = urlencode(form, doseq=True).encode() if form is not None else None
        headers = {"Host": f"{self.host}:{self.port}", **(headers or {})}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        # A kept-alive connection may have been closed by the server between two requests (its
        # keep-alive timeout, a worker recycled): like a browser, open a new one and send again.
        for attempt in (1, 2):
            reused = self.connection is not None
            if not reused:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as error:
                self.connection.close()
                self.connection = None
                if reused and attempt == 1:
                    continue
                self.tally.count("connection errors")
                self.tally.fail(f"{method} {path}: {error!r}")
                return None, b"", {}
            elapsed = time.perf_counter() - started
            break
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        self.tally.record(kind, response.status, elapsed)
        return response.status, content, response.headers

    def close(self):
        if self.connection:
            self.connection.close()


def read(host, port, urls, deadline, tally, offset, min_requests=0):
    """A reader: requests every (kind, path) in turn until the deadline (and at least `min_requests`)."""
    browser = Browser(host, port, tally)
    index = offset
    while time.monotonic() < deadline or index - offset < min_requests:
        kind, path = urls[index % len(urls)]
        browser.request(kind, "GET", path)
        index += 1
    browser.close()


def log_in(browser, account):
    browser.request("admin login", "GET", "/admin/login/")
    status, _, headers = browser.request(
        "admin login",
        "POST",
        "/admin/login/",
        form={
            "csrfmiddlewaretoken": browser.cookies.get("csrftoken", ""),
            "username": account.username,
            "password": account.password,
            "next": "/admin/",
        },
    )
    if status != 302:
        raise RuntimeError(f"{account.username} could not log into the admin (HTTP {status})")


def csrf(browser):
    return {"csrfmiddlewaretoken": browser.cookies["csrftoken"]}


def hidden_inputs(html, names):
    """The hidden inputs a browser would send back with the edit form (loaded revision…)."""
    found = {}
    for name in names:
        match = re.search(rf'name="{name}" value="([^"]*)"', html)
        if match:
            found[name] = match.group(1)
    return found


def admin_errors(content):
    """The error messages an admin page shows (refused save, locked page…), as plain text."""
    html = content.decode(errors="replace")
    found = re.findall(
        r'<(?:li|p|div)[^>]*class="[^"]*(?:error|critical|warning)[^"]*"[^>]*>(.*?)</(?:li|p|div)>',
        html,
        re.S,
    )
    return [" ".join(re.sub(r"<[^>]+>", " ", text).split())[:200] for text in found][:5]


def edit(host, port, account, parent_id, deadline, tally, reviews, label, min_rounds=0):
    """An editor: creates a page, then edits it until the deadline and for at least `min_rounds`
    rounds (drafts, submit, publish)."""
    from tests.editorial import space_form

    browser = Browser(host, port, tally)
    log_in(browser, account)
    slug = f"charge-{label}-{uuid.uuid4().hex[:8]}"
    title = f"Espace sous charge {label}"
    status, _, headers = browser.request(
        "admin save",
        "POST",
        f"/admin/pages/add/pages/spacepage/{parent_id}/",
        form={**csrf(browser), **space_form(title, slug, summary=f"Création {slug}")},
    )
    match = (
        re.search(r"/admin/pages/(\d+)/edit/", headers.get("Location", ""))
        if status == 302
        else None
    )
    if not match:
        raise RuntimeError(f"{account.username} could not create a page (HTTP {status})")
    page_id = int(match.group(1))
    edit_path = f"/admin/pages/{page_id}/edit/"
    round_ = 0
    while time.monotonic() < deadline or round_ < min_rounds:
        round_ += 1
        status, content, _ = browser.request("admin edit form", "GET", edit_path)
        if status != 200:
            tally.fail(f"{account.username}: edit form answered {status}")
            continue
        loaded = hidden_inputs(
            content.decode(), ("loaded_revision_id", "loaded_revision_created_at")
        )
        token = f"{label}-{round_}-{uuid.uuid4().hex[:10]}"
        action, counter = {}, "drafts"
        if round_ % PUBLISH_EVERY == 0:
            action, counter = {"action-publish": "1"}, "publishes"
        elif round_ % SUBMIT_EVERY == 0:
            action, counter = {"action-submit": "1"}, "submissions"
        form = space_form(
            title, slug, paragraph=f"<p>Texte {token}</p>", summary=f"Résumé {token}", **action
        )
        tally.count(f"{counter} attempted")
        status, content, _ = browser.request(
            "admin save", "POST", edit_path, form={**csrf(browser), **loaded, **form}
        )
        if status == 302:
            tally.count(f"{counter} succeeded")
            with tally.lock:
                tally.saves.append((page_id, token))
            if counter == "submissions":
                reviewed = threading.Event()
                reviews.put((page_id, reviewed))
                if account.waits_for_review and not reviewed.wait(timeout=TIMEOUT):
                    tally.fail(f"{account.username}: no review within {TIMEOUT} s")
        elif status == 200 and any(LOCKED in error for error in admin_errors(content)):
            # Wagtail refused the save and told the editor why; nothing was acknowledged, nothing
            # is lost. Seen briefly right after an approval, while the review lock is lifted.
            tally.count(f"{counter} refused (page locked)")
        elif status is not None:
            tally.fail(
                f"{account.username}: {counter} answered {status} (round {round_}): {admin_errors(content)}"
            )
    browser.close()
    return page_id


def review(host, port, account, deadline, tally, reviews, editors_done):
    """A reviewer: approves each submitted page, through the edit view's workflow action, until
    the deadline and until the editors have stopped and nothing is left to review."""
    browser = Browser(host, port, tally)
    log_in(browser, account)
    while time.monotonic() < deadline or not (editors_done.is_set() and reviews.empty()):
        try:
            page_id, reviewed = reviews.get(timeout=0.5)
        except queue.Empty:
            continue
        try:
            approve(browser, page_id, tally)
        finally:
            reviewed.set()
    browser.close()


def approve(browser, page_id, tally):
    status, content, _ = browser.request("admin edit form", "GET", f"/admin/pages/{page_id}/edit/")
    # The "approve with a comment" button names the task; its dialog posts to the action URL.
    pattern = rf"/admin/pages/workflow/collect_action_data/{page_id}/approve/(\d+)/"
    match = re.search(pattern, content.decode()) if status == 200 else None
    if not match:
        tally.count("approvals skipped (published meanwhile)")
        return
    tally.count("approvals attempted")
    action = f"/admin/pages/workflow/action/{page_id}/approve/{match.group(1)}/"
    status, _, _ = browser.request(
        "admin approve", "POST", action, form={**csrf(browser), "comment": ""}
    )
    if status == 302:
        tally.count("approvals succeeded")


def reader_urls(host, port, tally, per_locale=100):
    """Pages (HTML and API detail) of both languages, from the API listing, plus a few listings."""
    browser = Browser(host, port, tally)
    urls = [
        ("api listing", "/api/v2/pages/?locale=fr&limit=20"),
        ("api listing", "/api/v2/pages/?locale=en&limit=20"),
        ("api listing", "/api/v2/pages/?type=pages.SpacePage&locale=fr&fields=*&limit=10"),
        ("api listing", "/api/v2/pages/?type=pages.ToolGuidePage&locale=en&fields=*"),
        ("api listing", "/api/v2/images/"),
    ]
    for locale in ("fr", "en"):
        offset = 0
        while offset < per_locale:
            status, content, _ = browser.request(
                "setup", "GET", f"/api/v2/pages/?locale={locale}&limit=20&offset={offset}"
            )
            items = json.loads(content)["items"] if status == 200 else []
            if not items:
                break
            for item in items:
                urls.append(("page", urlsplit(item["meta"]["html_url"]).path))
                urls.append(("api detail", f"/api/v2/pages/{item['id']}/"))
            offset += len(items)
    browser.close()
    tally.latencies.pop("setup", None)
    tally.statuses.pop("setup", None)
    # Mix kinds (the same order on every run), so that each reader mixes pages and API calls.
    random.Random(0).shuffle(urls)
    return urls


def run(host, port, seconds, readers, editors, reviewer, parent_id, min_rounds=0):
    """Load the site for `seconds`; returns the tally (summary, acknowledged saves).

    `min_rounds`: each editor saves at least that many times, each reader makes at least that many
    requests, whatever the time (so a short run on a slow machine still edits and reads).
    """
    tally = Tally()
    urls = reader_urls(host, port, tally)
    tally.urls = len(urls)
    reviews, editors_done = queue.Queue(), threading.Event()
    deadline = time.monotonic() + seconds

    def start(target, *args):
        thread = threading.Thread(target=_guard, args=(tally, target, *args), daemon=True)
        thread.start()
        return thread

    reading = [
        start(read, host, port, urls, deadline, tally, i * 7919, min_rounds) for i in range(readers)
    ]
    editing = [
        start(edit, host, port, account, parent_id, deadline, tally, reviews, f"e{i}", min_rounds)
        for i, account in enumerate(editors)
    ]
    reviewing = (
        [start(review, host, port, reviewer, deadline, tally, reviews, editors_done)]
        if reviewer
        else []
    )
    # Bounded: a client stuck past its deadline and its guaranteed rounds (each a form and a
    # save, each at most TIMEOUT) is left behind (daemon thread) and the run reported.
    limit = time.monotonic() + seconds + (min_rounds + 2) * 2 * TIMEOUT
    for thread in editing:
        thread.join(timeout=max(0, limit - time.monotonic()))
    editors_done.set()
    for thread in reading + reviewing:
        thread.join(timeout=max(0, limit - time.monotonic()))
    if any(thread.is_alive() for thread in reading + editing + reviewing):
        tally.fail("some clients were still running after the time limit")
        tally.count("clients that failed")
    return tally


def _guard(tally, target, *args):
    """A client that cannot start (refused login…) is a failure of the run, not a silent thread death."""
    try:
        target(*args)
    except Exception as error:  # reported in the results: the run fails
        tally.fail(f"{target.__name__}: {error!r}")
        tally.count("clients that failed")


def lost_revisions(saves):
    """Tokens of acknowledged saves that no revision of their page holds."""
    from wagtail.models import Page, Revision

    by_page = defaultdict(set)
    for page_id, token in saves:
        by_page[page_id].add(token)
    lost = []
    for page_id, tokens in by_page.items():
        stored = set()
        for summary in Revision.objects.for_instance(Page.objects.get(pk=page_id)).values_list(
            "content__summary", flat=True
        ):
            stored.add((summary or "").removeprefix("Résumé "))
        lost += sorted(tokens - stored)
    return lost


def demo_clients(editors):
    """`editors` demo accounts that may publish (they keep editing pages under review), and the reviewer."""
    from pages.site_setup.demo import DEMO_ACCOUNTS, DEMO_ADMIN

    accounts = {
        a["username"]: Account(a["username"], a["password"]) for a in [DEMO_ADMIN, *DEMO_ACCOUNTS]
    }
    publishers = [accounts["admin"], accounts["administration"]]
    return [publishers[i % len(publishers)] for i in range(editors)], accounts["revision"]
