"""CI sets REQUIRE_SERVICES=1: a test that needs a missing service then fails instead of skipping."""

import pytest

from tests import services


def test_a_missing_service_skips_on_a_newcomers_machine(monkeypatch):
    monkeypatch.delenv("REQUIRE_SERVICES", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Redis"):
        services.missing("no Redis on 127.0.0.1:6379")


def test_a_missing_service_fails_in_ci(monkeypatch):
    monkeypatch.setenv("REQUIRE_SERVICES", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_SERVICES=1"):
        services.missing("no Redis on 127.0.0.1:6379")


def test_redis_out_of_reach_is_a_missing_service(monkeypatch):
    monkeypatch.setenv("REQUIRE_SERVICES", "1")
    monkeypatch.setattr(services, "REDIS_PORT", 1)  # nothing listens on port 1
    with pytest.raises(pytest.fail.Exception, match="no Redis on 127.0.0.1:1"):
        services.require_redis()
