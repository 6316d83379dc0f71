"""Faults against a real broker: nothing published is lost, every expected alert exists once after dedup.

Each test publishes half a slice of the bench corpus (a quarter of it written to match the South Caucasus,
disasters and terrorism subscriptions), injects one fault mid-stream, publishes the other half and
then checks the outputs:

- every story id is on ``wire.enriched`` at least once (at-least-once delivery);
- the alerts, deduplicated by ``(alert_id, action, story_version)``, are exactly the ones the pure
  pipeline predicts for these stories (none missing, none unexpected);
- each test prints a ``RELIABILITY`` line: sent, enriched, dead-lettered, alerted, lost, duplicates.

Subscriptions are the shipped ones without throttles, so which alerts exist depends on content only.
The broker-restart test runs its own second broker (port 19092, state in /tmp/ww-faults) so the shared
one is never stopped.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from agents.topology import alert_topics, events_by_key_topic
from benchmarks.corpus import BenchStory, stories
from stream.alerts.alert import alert_id
from stream.pipeline import Pipeline
from stream.settings import Settings
from tests.integration.harness import (
    Reliability,
    Worker,
    committed_total,
    end_count,
    free_port,
    fresh_env,
    publish_raw,
    read_all,
    unthrottled_subscriptions,
    wait_for,
)

N = 600
FAULT_BROKER_PORT = int(os.environ.get("WIREWATCH_FAULT_BROKER_PORT", "19092"))
FAULT_BROKER_DIR = Path(os.environ.get("WIREWATCH_FAULT_BROKER_DIR", "/tmp/ww-faults"))


def _env(bootstrap: str, tmp: Path) -> dict[str, str]:
    subs = unthrottled_subscriptions(tmp / "subscriptions.yaml")
    # A SIGKILLed member sends no LeaveGroup: the coordinator waits out its session before anyone
    # (a restarted worker, or the surviving one) gets its partitions. Faust's default session is
    # 60 s; Faust reads these two variables itself, and 10 s keeps each test short.
    return fresh_env(
        bootstrap, tmp / "state", WIREWATCH_SUBSCRIPTIONS_FILE=str(subs), WIREWATCH_LOG_LEVEL="info",
        BROKER_SESSION_TIMEOUT="10", BROKER_HEARTBEAT_INTERVAL="1",
    )  # fmt: skip


def _expected_alerts(settings: Settings, items: list[BenchStory]) -> set[tuple[str, str, int]]:
    pipeline = Pipeline(subscriptions_file=settings.subscriptions_file)
    out = set()
    for s in items:
        for a in pipeline.process(s.raw, default_id=s.id).extra["alerts"]:
            out.add((alert_id(s.id, a["subscription"]), a["action"], 1))
    return out


def _publish(settings: Settings, items: list[BenchStory]) -> None:
    assert publish_raw(settings, [(s.id.encode(), s.raw) for s in items]) == len(items)


def _mid_stream(settings: Settings, items: list[BenchStory], fraction: float = 0.25) -> int:
    """Publish the first half of ``items``, wait until ``fraction`` of all of them is enriched.

    Returns the enriched count seen. The second half is published by the caller after the fault,
    so the stream always goes on past it: with everything published up front a fast run could
    finish before the fault (CI saw 1200/1200 enriched at the kill). One consumer polls the end
    offsets: a new client per poll took long enough for hundreds of stories to pass unseen.
    """
    from kafka import TopicPartition

    from agents.kafka_client import consumer

    _publish(settings, items[: len(items) // 2])
    cons = consumer(settings, group_id=None, request_timeout_ms=5000)
    seen = [0]

    def reached() -> bool:
        parts = cons.partitions_for_topic(settings.topic_enriched) or set()
        tps = [TopicPartition(settings.topic_enriched, p) for p in parts]
        seen[0] = int(sum(cons.end_offsets(tps).values()))
        return seen[0] >= len(items) * fraction

    try:
        wait_for(reached, 120, f"{fraction:.0%} of {len(items)} stories enriched", interval=0.05)
    finally:
        cons.close()
    assert seen[0] < len(items) // 2, f"all of the first half was enriched ({seen[0]}) before the fault"
    return seen[0]


def _diagnose(workers: tuple[Worker, ...]) -> None:
    """Print what each live worker says about itself: why it is not making progress."""
    for w in workers:
        if not w.alive():
            print(f"  {w.log_path.name}: not running")
            continue
        try:
            status, body = w.get("/metrics")
        except OSError as exc:
            print(f"  {w.log_path.name}: /metrics failed: {exc}")
            continue
        wanted = ("wirewatch_messages_received_total", "wirewatch_stories_enriched_total", "wirewatch_consumer_lag",
                  "wirewatch_assigned", "wirewatch_alerts_total", "faust_messages_received_total",
                  "faust_active_messages", "faust_total_active_events", "faust_total_rebalances")  # fmt: skip
        lines = [ln for ln in body.splitlines() if ln.startswith(wanted)]
        print(f"  {w.log_path.name} /metrics ({status}):\n    " + "\n    ".join(lines))
        print(f"  {w.log_path.name} /readyz: {w.get('/readyz')[1]}")


def _verify(
    name: str,
    settings: Settings,
    items: list[BenchStory],
    expected: set[tuple[str, str, int]],
    timeout: float,
    workers: tuple[Worker, ...] = (),
) -> Reliability:
    ids = {s.id for s in items}
    rep = Reliability(name, sent=len(items))
    enriched_keys: list[str] = []

    def read_enriched() -> None:
        enriched_keys[:] = [(r.key or b"").decode() for r in read_all(settings, [settings.topic_enriched], idle=1.5)]

    def all_enriched() -> bool:
        if end_count(settings, settings.topic_enriched) < len(ids):
            return False
        read_enriched()
        return ids <= set(enriched_keys)

    try:
        wait_for(all_enriched, timeout, "every story on wire.enriched", interval=1.0)
    except AssertionError:  # reported below with the exact count lost
        _diagnose(workers)
        read_enriched()
    topics = alert_topics(settings)
    alerts: list[tuple[str, str, int]] = []

    def all_alerts() -> bool:
        docs = [orjson.loads(r.value or b"{}") for r in read_all(settings, topics, idle=1.5)]
        alerts[:] = [(d["alert_id"], d["action"], int(d["story_version"])) for d in docs]
        return expected <= set(alerts)

    try:
        wait_for(all_alerts, 30, "every expected alert", interval=1.0)
    except AssertionError:
        _diagnose(workers)
    time.sleep(1.0)  # a late duplicate would show up now
    alerts[:] = [
        (d["alert_id"], d["action"], int(d["story_version"]))
        for d in (orjson.loads(r.value or b"{}") for r in read_all(settings, topics, idle=1.5))
    ]
    rep.enriched_records = len(enriched_keys)
    rep.enriched = len(ids & set(enriched_keys))
    rep.lost = len(ids - set(enriched_keys))
    rep.dead_lettered = end_count(settings, settings.topic_dlq)
    rep.alert_records = len(alerts)
    rep.alerted = len(set(alerts))
    rep.missing_alerts = len(expected - set(alerts))
    rep.unexpected_alerts = len(set(alerts) - expected)
    print(rep.line())
    rep.detail = f"missing {sorted(expected - set(alerts))[:5]} unexpected {sorted(set(alerts) - expected)[:5]}"
    return rep


def _assert_clean(rep: Reliability, *workers: Worker) -> None:
    logs = "".join(f"\n--- {w.log_path.name}\n{w.log_tail(40)}" for w in workers)
    assert rep.lost == 0, rep.line() + logs
    assert rep.missing_alerts == 0 and rep.unexpected_alerts == 0, rep.line() + "\n" + rep.detail
    assert rep.dead_lettered == 0, rep.line()


@pytest.fixture(scope="module")
def corpus() -> list[BenchStory]:
    return list(stories(4 * N, seed=101))


def test_sigkill_mid_stream_then_restart(bootstrap: str, tmp_path: Path, corpus: list[BenchStory]) -> None:
    env = _env(bootstrap, tmp_path)
    worker = Worker(env, tmp_path / "worker.log").start()
    settings = worker.settings
    items = corpus[:N]
    expected = _expected_alerts(settings, items)
    try:
        at_kill = _mid_stream(settings, items)
        detectors = worker.children()  # detection processes (and multiprocessing's resource tracker)
        assert detectors, "the worker runs no detection processes"
        worker.kill()
        _publish(settings, items[N // 2 :])
        # Orphaned detection processes would keep their models in memory forever.
        wait_for(lambda: not any(Path(f"/proc/{pid}").exists() for pid in detectors), 10, "detection processes to exit")
        worker.start()
        rep = _verify("sigkill+restart", settings, items, expected, timeout=120, workers=(worker,))
    finally:
        worker.stop()
    print(f"  killed at {at_kill}/{N} enriched; its {len(detectors)} child processes exited with it")
    _assert_clean(rep, worker)


def test_two_workers_one_killed_the_other_takes_over(bootstrap: str, tmp_path: Path, corpus: list[BenchStory]) -> None:
    env = _env(bootstrap, tmp_path)
    first = Worker(env, tmp_path / "w1.log").start()
    second = Worker({**env, "WIREWATCH_WEB_PORT": str(free_port())}, tmp_path / "w2.log").start()
    settings = first.settings
    items = corpus[N : 2 * N]
    expected = _expected_alerts(settings, items)
    try:
        wait_for(
            lambda: first.metric("wirewatch_assigned_partitions") > 0 and second.metric("wirewatch_assigned_partitions") > 0,
            60, "both workers assigned",
        )  # fmt: skip
        wait_for(lambda: first.get("/readyz")[0] == 200 and second.get("/readyz")[0] == 200, 60, "group settled")
        at_kill = _mid_stream(settings, items)
        second.kill()
        _publish(settings, items[N // 2 :])
        rep = _verify("two-workers-one-killed", settings, items, expected, timeout=150, workers=(first,))
        assert first.alive(), first.log_tail()
        rebalances = first.metric("wirewatch_rebalances_total")
    finally:
        second.stop()
        first.stop()
    print(f"  killed one of two at {at_kill}/{N} enriched; survivor saw {rebalances:.0f} rebalances")
    _assert_clean(rep, first)


def test_sigterm_finishes_in_flight_and_commits(bootstrap: str, tmp_path: Path, corpus: list[BenchStory]) -> None:
    env = _env(bootstrap, tmp_path)
    worker = Worker(env, tmp_path / "worker.log").start()
    settings = worker.settings
    items = corpus[2 * N : 3 * N]
    expected = _expected_alerts(settings, items)
    try:
        at_term = _mid_stream(settings, items)
        t0 = time.monotonic()
        code = worker.stop(signal.SIGTERM, timeout=30)
        stop_s = time.monotonic() - t0
        assert code == 0, f"exit code {code}:\n{worker.log_tail()}"
        # Two hops: ingest (wire.stories -> the events agent's by-key topic), then the events agent
        # (by-key -> wire.enriched). Committed means processed: every committed input of a hop has
        # its output.
        committed_in = committed_total(settings, settings.topic_stories)
        keyed = end_count(settings, events_by_key_topic(settings))
        committed = committed_total(settings, events_by_key_topic(settings))
        before = {(r.partition, r.offset): (r.key or b"").decode() for r in read_all(settings, [settings.topic_enriched])}
        assert len(before) == end_count(settings, settings.topic_enriched), "read fewer records than the topic holds"
        assert committed_in <= keyed, (committed_in, keyed)
        assert committed <= len(before), (committed, len(before))
        _publish(settings, items[N // 2 :])
        worker.start()
        rep = _verify("sigterm+restart", settings, items, expected, timeout=120, workers=(worker,))
        after = {(r.partition, r.offset): (r.key or b"").decode() for r in read_all(settings, [settings.topic_enriched])}
    finally:
        worker.stop()
    # Only what the restarted worker wrote again measures the commit at shutdown; a duplicate
    # written before the SIGTERM (a rebalance inside the first run) is at-least-once, not this.
    seen = set(before.values())
    again = sum(1 for pos, key in after.items() if pos not in before and key in seen)
    print(
        f"  SIGTERM at {at_term}/{N} enriched: exit 0 after {stop_s:.1f}s, committed {committed_in} stories "
        f"and {committed} by-key records, "
        f"enriched at exit {len(before)} ({len(before) - len(seen)} duplicates before the stop), "
        f"re-processed after restart {again}"
    )
    _assert_clean(rep, worker)
    # A graceful stop commits what it processed: at most the uncommitted tail is read again.
    assert again <= len(before) - committed, rep.line()


# -- a broker of our own, stopped and restarted ----------------------------------------------------


@pytest.fixture(scope="module")
def fault_broker(bootstrap: str) -> Iterator[object]:
    from agents.localbroker import LocalBroker

    settings = Settings.from_env({"WIREWATCH_BROKER_PORT": str(FAULT_BROKER_PORT), "WIREWATCH_STATE_DIR": str(FAULT_BROKER_DIR)})
    broker = LocalBroker(settings)
    # Fresh storage each run: the topics of every earlier run stayed in it (2,083 partitions after a few weeks), and
    # loading them made each of this module's two starts ~12 s longer.
    broker.reset()
    broker.start(timeout=120)
    yield broker
    broker.reset()


def test_broker_stopped_and_restarted_mid_stream(fault_broker: object, tmp_path: Path, corpus: list[BenchStory]) -> None:
    from agents.localbroker import LocalBroker

    assert isinstance(fault_broker, LocalBroker)
    env = _env(fault_broker.bootstrap, tmp_path)
    worker = Worker(env, tmp_path / "worker.log").start()
    settings = worker.settings
    items = corpus[3 * N : 4 * N]
    expected = _expected_alerts(settings, items)
    try:
        at_stop = _mid_stream(settings, items)
        fault_broker.stop()
        down_at = time.monotonic()
        time.sleep(5.0)
        alive_while_down = worker.alive()
        fault_broker.start(timeout=120)
        down_s = time.monotonic() - down_at
        _publish(settings, items[N // 2 :])
        rep = _verify("broker-restart", settings, items, expected, timeout=150, workers=(worker,))
        alive_after = worker.alive()
        log = worker.log_tail(400)
    finally:
        worker.stop()
    print(
        f"  broker down {down_s:.1f}s at {at_stop}/{N} enriched; worker alive while down {alive_while_down}, after {alive_after}"
    )
    assert alive_after, f"the worker exited after the broker restart:\n{log}"
    _assert_clean(rep, worker)
