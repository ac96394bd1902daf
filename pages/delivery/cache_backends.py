"""A Redis cache that degrades to "no cache" instead of failing requests when Redis is away."""

import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

from cms.compat import reused_redis_client

logger = logging.getLogger(__name__)

_MISSING = object()


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django builds a new redis.Redis (and its ~170 response callbacks) for every cache call;
    a client per connection pool is thread-safe and can be kept for the life of the process."""

    def get_client(self, key=None, *, write=False):
        return reused_redis_client(self, write)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, where a Redis error means a cache miss (reads) or a no-op (writes).

    After an error Redis is left alone for ``RETRY_AFTER`` seconds (OPTIONS, default 5), so an
    outage costs one failed connection per process every few seconds, not one per request.
    """

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._down_until = 0.0

    def _guard(self, method, default, *args, **kwargs):
        if time.monotonic() < self._down_until:
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except RedisError as exc:
            self._down_until = time.monotonic() + self.retry_after
            logger.warning("Cache unavailable, serving without it for %ss: %s", self.retry_after, exc)
            return default

    def get(self, key, default=None, version=None):
        return self._guard("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guard("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guard("has_key", False, key, version)

    def add(self, key, value, timeout=_MISSING, version=None):
        if timeout is _MISSING:
            return self._guard("add", False, key, value, version=version)
        return self._guard("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=_MISSING, version=None):
        if timeout is _MISSING:
            return self._guard("set", None, key, value, version=version)
        return self._guard("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=_MISSING, version=None):
        if timeout is _MISSING:
            return self._guard("set_many", list(data), data, version=version)
        return self._guard("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=_MISSING, version=None):
        if timeout is _MISSING:
            return self._guard("touch", False, key, version=version)
        return self._guard("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guard("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guard("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guard("incr", None, key, delta, version)

    def clear(self):
        return self._guard("clear", False)
