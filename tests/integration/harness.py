"""Run real wirewatch workers and CLI commands against the real broker, on fresh topic names."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from agents.tail import Record, tail
from stream.settings import Settings

__all__ = ["ROOT", "Worker", "collect", "free_port", "fresh_env", "run_cli"]

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fresh_env(bootstrap: str, state_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for a worker/CLI with topic names and group id no other test uses."""
    tag = uuid.uuid4().hex[:10]
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        {
            "WIREWATCH_BOOTSTRAP_SERVERS": bootstrap,
            "WIREWATCH_APP_ID": f"ww-test-{tag}",
            "WIREWATCH_TOPIC_STORIES": f"t{tag}.wire.stories",
            "WIREWATCH_TOPIC_ENRICHED": f"t{tag}.wire.enriched",
            "WIREWATCH_TOPIC_DLQ": f"t{tag}.wire.dlq",
            "WIREWATCH_ALERT_TOPIC_PREFIX": f"t{tag}.alerts.",
            "WIREWATCH_PARTITIONS": "3",
            "WIREWATCH_STATE_DIR": str(state_dir),
            "WIREWATCH_WEB_PORT": str(free_port()),
            "WIREWATCH_LOG_LEVEL": "info",
        }
    )
    env.update(extra)
    return env


def run_cli(
    env: dict[str, str], *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agents.cli", *args],
        cwd=ROOT,
        env=env,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def collect(settings: Settings, topic: str, count: int, timeout: float = 60) -> list[Record]:
    """Read ``count`` records from the start of ``topic`` or fail after ``timeout`` seconds."""
    records: list[Record] = []
    deadline = time.monotonic() + timeout
    while len(records) < count and time.monotonic() < deadline:
        records = list(tail(settings, topic, from_beginning=True, timeout=2.0, max_records=count))
    if len(records) < count:
        raise AssertionError(f"only {len(records)} of {count} records on {topic} after {timeout}s")
    return records


@dataclass
class Worker:
    """A ``wirewatch worker`` subprocess; ``start``/``stop``/``kill`` may be called repeatedly."""

    env: dict[str, str]
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None
    starts: int = field(default=0)

    @property
    def settings(self) -> Settings:
        return Settings.from_env(self.env)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.env['WIREWATCH_WEB_PORT']}"

    def start(self, timeout: float = 120) -> Worker:
        self.starts += 1
        log = open(self.log_path, "ab")  # noqa: SIM115 - owned by the child
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "agents.cli", "worker"], cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
        )
        log.close()
        self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            if self.get("/readyz")[0] == 200:
                return
            time.sleep(0.3)
        raise AssertionError(f"worker not ready in {timeout}s:\n{self.log_tail()}")

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.base_url + path, timeout=2) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()
        except OSError:
            return 0, ""

    def metric(self, name: str, labels: dict[str, str] | None = None) -> float:
        """One sample from /metrics (0 when absent)."""
        from prometheus_client.parser import text_string_to_metric_families

        status, text = self.get("/metrics")
        assert status == 200, "metrics endpoint down"
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name == name and all(sample.labels.get(k) == v for k, v in (labels or {}).items()):
                    return float(sample.value)
        return 0.0

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        assert self.proc is not None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return int(self.proc.returncode)

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
