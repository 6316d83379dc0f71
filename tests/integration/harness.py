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
from collections.abc import Callable
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


#: Tags handed out by :func:`fresh_env` in this session; their topics and groups are deleted at the end.
TAGS: list[str] = []


def fresh_env(bootstrap: str, state_dir: Path, **extra: str) -> dict[str, str]:
    """Environment for a worker/CLI with topic names and group id no other test uses."""
    tag = uuid.uuid4().hex[:10]
    TAGS.append(tag)
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(
        {
            "WIREWATCH_BOOTSTRAP_SERVERS": bootstrap,
            "WIREWATCH_APP_ID": f"ww-test-{tag}",
            "WIREWATCH_TOPIC_STORIES": f"t{tag}.wire.stories",
            "WIREWATCH_TOPIC_ENRICHED": f"t{tag}.wire.enriched",
            "WIREWATCH_TOPIC_DLQ": f"t{tag}.wire.dlq",
            "WIREWATCH_TOPIC_EVENTS": f"t{tag}.wire.events",
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

    # -- fault helpers ------------------------------------------------------------------------

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def kill(self) -> int:
        """SIGKILL: no shutdown, no final commit, no LeaveGroup."""
        return self.stop(signal.SIGKILL)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def children(self) -> list[int]:
        """Pids of the worker's child processes (its detection processes)."""
        # Each thread lists the children it started: the pool may be started from any of them.
        return [int(c) for task in Path(f"/proc/{self.pid}/task").iterdir() for c in (task / "children").read_text().split()]

    def rss_kb(self) -> int:
        """Resident set size of the worker and its detection processes (VmRSS from /proc)."""
        total = 0
        for pid in (self.pid, *self.children()):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return total


def unthrottled_subscriptions(path: Path) -> Path:
    """The shipped per-story subscriptions (no event or spike ones) without throttles or duplicate suppression: which alerts
    exist then depends on each story's content only, not on wall-clock windows or on which of two
    near-duplicates a worker happened to read first, so a fault test can name every alert that must exist."""
    import yaml

    shipped = yaml.safe_load((ROOT / "stream" / "alerts" / "data" / "subscriptions.yaml").read_text(encoding="utf-8"))
    subs = []
    for sub in shipped["subscriptions"]:
        if "event" in sub or "spike" in sub:
            continue
        sub.pop("throttle", None)
        sub["suppress_duplicates"] = False
        subs.append(sub)
    path.write_text(yaml.safe_dump({"subscriptions": subs}, allow_unicode=True), encoding="utf-8")
    return path


def publish_raw(settings: Settings, items: list[tuple[bytes | None, bytes]], topic: str | None = None) -> int:
    """Publish (key, value) pairs with the CLI's idempotent producer; returns how many were acked."""
    from agents.kafka_client import producer

    prod = producer(settings)
    try:
        futures = [prod.send(topic or settings.topic_stories, key=k, value=v) for k, v in items]
        prod.flush(timeout=60)
        for fut in futures:
            fut.get(timeout=60)
        return len(futures)
    finally:
        prod.close()


def end_count(settings: Settings, topic: str) -> int:
    """Records on ``topic`` (sum of log-end offsets; topics here are never compacted)."""
    from kafka import TopicPartition

    from agents.kafka_client import consumer

    cons = consumer(settings, group_id=None, request_timeout_ms=5000)
    try:
        parts = cons.partitions_for_topic(topic) or set()
        return int(sum(cons.end_offsets([TopicPartition(topic, p) for p in parts]).values()))
    finally:
        cons.close()


def wait_for(predicate: Callable[[], bool], timeout: float, what: str, interval: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except Exception:  # a broker being restarted answers with errors for a while
            pass
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


def read_all(settings: Settings, topics: list[str], idle: float = 2.0) -> list[Record]:
    """Every record on ``topics`` from the beginning, until ``idle`` seconds pass without one."""
    return list(tail(settings, topics, from_beginning=True, timeout=idle))


def committed_total(settings: Settings, topic: str) -> int:
    """Sum of the worker group's committed offsets on ``topic`` (0 for partitions never committed)."""
    from kafka import TopicPartition

    from agents.kafka_client import consumer

    cons = consumer(settings, group_id=settings.app_id, enable_auto_commit=False)
    try:
        parts = cons.partitions_for_topic(topic) or set()
        return int(sum(cons.committed(TopicPartition(topic, p)) or 0 for p in parts))
    finally:
        cons.close()


@dataclass
class Reliability:
    """What a fault test saw; ``line()`` is the report each test prints."""

    name: str
    sent: int = 0
    enriched: int = 0  # distinct story ids on wire.enriched
    enriched_records: int = 0
    dead_lettered: int = 0
    alerted: int = 0  # distinct (alert_id, action, story_version)
    alert_records: int = 0
    lost: int = 0
    missing_alerts: int = 0
    unexpected_alerts: int = 0
    detail: str = ""  # which ids were missing or unexpected, for the failure message

    @property
    def duplicates(self) -> int:
        return (self.enriched_records - self.enriched) + (self.alert_records - self.alerted)

    def line(self) -> str:
        return (
            f"RELIABILITY {self.name}: sent={self.sent} enriched={self.enriched} dead_lettered={self.dead_lettered} "
            f"alerted={self.alerted} lost={self.lost} missing_alerts={self.missing_alerts} "
            f"unexpected_alerts={self.unexpected_alerts} duplicates_before_dedup={self.duplicates} "
            f"(enriched records {self.enriched_records}, alert records {self.alert_records})"
        )
