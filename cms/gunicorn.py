"""gunicorn settings: `gunicorn -c cms/gunicorn.py`. Every value can be set from the environment."""

import multiprocessing
import os

# The gunicorn config is for production; an explicit DJANGO_SETTINGS_MODULE still wins.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
worker_class = "gthread"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then, so slow leaks never add up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None  # empty: no access log
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """In the master, after the preloaded app and before the first fork: load the URLconf, which
    builds API v3 (its schemas and routers are deferred out of start-up, cms/compat.py), so that
    every worker, new or recycled, starts with them in memory shared with the master instead of
    building them on its first request."""
    if server.cfg.preload_app:
        from django.urls import get_resolver

        patterns = get_resolver().url_patterns
        server.log.info("URLconf loaded before forking the workers (%d patterns)", len(patterns))
