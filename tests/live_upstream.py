"""A local fake of the library's live services, answering in their published formats.

``LiveServices.answers`` maps a path to ``(status, content_type, body)``; ``faults`` maps a path
to a handler that misbehaves on purpose; ``hits`` counts requests per path, ``queries`` keeps
the query strings asked for.
"""

import json
import threading
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class LiveServices(BaseHTTPRequestHandler):
    answers = {}
    faults = {}
    hits = Counter()
    queries = defaultdict(list)
    delay = 0.0  # seconds before every answer (a slow service)

    def do_GET(self):
        parts = urlsplit(self.path)
        LiveServices.hits[parts.path] += 1
        LiveServices.queries[parts.path].append(parts.query)
        if LiveServices.delay:
            time.sleep(LiveServices.delay)
        if parts.path in LiveServices.faults:
            LiveServices.faults[parts.path](self)
            return
        if parts.path not in LiveServices.answers:
            self.send_error(404)
            return
        status, content_type, body = LiveServices.answers[parts.path]
        body = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

    @classmethod
    def reset(cls):
        cls.answers, cls.faults, cls.delay = {}, {}, 0.0
        cls.hits.clear()
        cls.queries.clear()


def start(port=0):
    """The running server and its base URL; ``server.shutdown()`` stops it."""
    LiveServices.reset()
    server = ThreadingHTTPServer(("127.0.0.1", port), LiveServices)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@contextmanager
def running(settings, sources, timeout=0.5):
    """The fake services, with ``settings.LIVE_DATA_SOURCES`` pointing at them (``sources``: name →
    path template on the fake) and the live-data deadline set to ``timeout``."""
    server, base = start()
    settings.LIVE_DATA_TIMEOUT = timeout
    settings.LIVE_DATA_SOURCES = {name: base + path for name, path in sources.items()}
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def hours_event(day, service="soutien-informatique", bib="ss", debut1="09:00", fin1="13:00",
                debut2="14:30", fin2="17:00", sommaire="9h à 13h et 14h30 à 17h"):
    """One entry of the hours API: ``day`` at local midnight, written in UTC (05:00Z in winter)."""
    return {"id": f"{day.isoformat()}-{service}@bib.example", "date": f"{day.isoformat()}T05:00:00.000Z",
            "bibliotheque": bib, "debut1": debut1, "fin1": fin1, "debut2": debut2, "fin2": fin2,
            "service": service, "periode": "regulier", "sommaire": sommaire}


def hours_answer(*events):
    return {"total": len(events), "evenements": list(events),
            "labels": {"bibs": {"ss": "Bibliothèque des lettres et sciences humaines"},
                       "services": {"regulier": "Heures d'ouverture", "soutien-informatique": "Soutien informatique"},
                       "periodes": {"regulier": "Régulier"}}}


FRENCH_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]


def french_date(day):
    """``12 févr. 2026``, as the workshops API writes dates."""
    return f"{day.day} {FRENCH_MONTHS[day.month - 1]} {day.year}"
