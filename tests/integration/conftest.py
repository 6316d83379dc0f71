from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.harness import Worker, fresh_env

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
def bootstrap() -> str:
    if not _reachable(BOOTSTRAP):
        message = f"no Kafka broker answers on {BOOTSTRAP}; start one with `make broker-up`"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: integration tests never skip)")
        pytest.skip(message)
    return BOOTSTRAP


@pytest.fixture
def worker_env(bootstrap: str, tmp_path: Path) -> dict[str, str]:
    return fresh_env(bootstrap, tmp_path / "state")


@pytest.fixture
def worker(worker_env: dict[str, str], tmp_path: Path) -> Iterator[Worker]:
    w = Worker(worker_env, tmp_path / "worker.log").start()
    yield w
    w.stop()
