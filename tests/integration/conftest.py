from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.harness import TAGS, Worker, fresh_env

BOOTSTRAP = os.environ.get("WIREWATCH_TEST_BOOTSTRAP", "127.0.0.1:9092")


def _reachable(bootstrap: str) -> bool:
    from agents.localbroker import _metadata_ok

    try:
        return _metadata_ok(bootstrap)
    except Exception:
        return False


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/integration/" in str(item.fspath):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def bootstrap() -> Iterator[str]:
    if not _reachable(BOOTSTRAP):
        message = f"no Kafka broker answers on {BOOTSTRAP}; start one with `make broker-up`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: integration tests never skip)")
        pytest.skip(message)
    yield BOOTSTRAP
    from agents.kafka_client import delete_by_prefix
    from stream.settings import Settings

    # Every test got fresh topic names and a fresh group (fresh_env): delete them all.
    prefixes = [p for tag in TAGS for p in (f"t{tag}.", f"ww-test-{tag}")]
    try:
        topics, groups = delete_by_prefix(Settings.from_env({"WIREWATCH_BOOTSTRAP_SERVERS": BOOTSTRAP}), prefixes, groups=True)
    except Exception as exc:  # cleanup must not turn a green run red; the broker still works without it
        print(f"\ncould not delete this run's test topics: {exc!r}", file=sys.stderr)
    else:
        print(f"\ndeleted {topics} test topics and {groups} consumer groups of this run")


@pytest.fixture
def worker_env(bootstrap: str, tmp_path: Path) -> dict[str, str]:
    return fresh_env(bootstrap, tmp_path / "state")


@pytest.fixture
def worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Worker]:
    w = Worker(worker_env, tmp_path / "worker.log").start()
    yield w
    w.stop()
