"""The services some tests need beside the database: skipped on a newcomer's machine without
them, a failure in CI (REQUIRE_SERVICES=1), where a missing service must not pass unseen."""

import os

import pytest
import redis

REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def required():
    return os.environ.get("REQUIRE_SERVICES") == "1"


def missing(reason):
    if required():
        pytest.fail(f"{reason}, and REQUIRE_SERVICES=1 says it must be there")
    pytest.skip(reason)


def require_redis():
    try:
        redis.Redis(host=REDIS_HOST, port=REDIS_PORT, socket_connect_timeout=0.5).ping()
    except redis.exceptions.RedisError:
        missing(f"no Redis on {REDIS_HOST}:{REDIS_PORT}")
