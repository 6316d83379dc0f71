"""Outputs the broker refuses, against a real broker: nothing is committed without its output or dead letter.

A record can be handed to the producer and still be refused by the broker (here: larger than the
topic's ``max.message.bytes``, which the producer's own size check does not know). Faust flushes the
producer before it commits, but a refused record fails only its own delivery future: acking on
hand-off would commit the input with no output anywhere. An output refused for its size would be
refused again after any restart, so its input is dead-lettered as ``oversized``; when the dead letter
is refused too, the worker stops with the input uncommitted, and sends it once the limit is raised.
"""

from __future__ import annotations

import json
from pathlib import Path

from kafka.admin import ConfigResource, ConfigResourceType, NewTopic

from agents.deadletter import TRUNCATED_BYTES
from agents.kafka_client import admin
from agents.topology import events_by_key_topic
from stream.settings import Settings
from tests.integration.harness import (
    Worker,
    collect,
    committed_total,
    end_count,
    fresh_env,
    publish_raw,
    read_all,
    run_cli,
    wait_for,
)

STORY = {
    "id": "refused-1",
    "headline": "Armenia and Azerbaijan agree a ceasefire in Karabakh",
    "body": "The foreign ministers met in Moscow and agreed to stop the shelling along the line of contact.",
}
HUGE = b'{"id": "huge", "headline": "h", "body": "' + b"x" * 1_048_420 + b'"}'  # just under the input topic's limit
# Under the input (~250 bytes) and far under its enriched story (several kB): both are refused.
TINY = 128


def _limited(bootstrap: str, tmp_path: Path, *topics: str) -> tuple[Settings, Worker, list[str]]:
    """A worker whose ``topics`` (names relative to its settings) hold records of at most TINY bytes."""
    env = fresh_env(bootstrap, tmp_path / "state")
    settings = Settings.from_env(env)
    names = [events_by_key_topic(settings) if t == "by-key" else getattr(settings, t) for t in topics]
    client = admin(settings)
    try:  # created before the worker, which keeps an existing topic's configuration
        client.create_topics([NewTopic(n, settings.partitions, 1, topic_configs={"max.message.bytes": str(TINY)}) for n in names])
    finally:
        client.close()
    return settings, Worker(env, tmp_path / "worker.log"), names


def _raise_limits(settings: Settings, names: list[str]) -> None:
    client = admin(settings)
    try:
        client.alter_configs(
            [ConfigResource(ConfigResourceType.TOPIC, n, configs={"max.message.bytes": "1048588"}) for n in names]
        )
    finally:
        client.close()


def test_a_story_whose_output_the_broker_refuses_is_dead_lettered_oversized_committed_and_replayed(
    bootstrap: str, tmp_path: Path
) -> None:
    # The ingest agent's output: with events on it goes to the by-key topic, and the events agent writes wire.enriched.
    settings, worker, names = _limited(bootstrap, tmp_path, "by-key")
    worker.start()
    try:
        # Beside it, an input just under the input topic's limit: its dead letter (input plus headers) goes whole
        # to the dead-letter topic the worker made with room for the headers.
        publish_raw(settings, [(b"huge", HUGE), (b"refused-1", json.dumps(STORY).encode())])
        dead = {r.key: r for r in collect(settings, settings.topic_dlq, 2, timeout=60)}
        assert dead[b"huge"].value == HUGE and dead[b"huge"].header("wirewatch-value-truncated") is None
        refused = dead[b"refused-1"]
        assert refused.value == json.dumps(STORY).encode()
        assert refused.header("wirewatch-reason") == "oversized"
        assert refused.header("wirewatch-error-class") == "MessageSizeTooLargeError"
        [source] = [r for r in read_all(settings, [settings.topic_stories]) if r.key == b"refused-1"]
        assert (refused.header("wirewatch-source-partition"), refused.header("wirewatch-source-offset")) == (
            str(source.partition),
            str(source.offset),
        )
        wait_for(lambda: committed_total(settings, settings.topic_stories) == 2, 60, "the inputs' commits")
        assert worker.alive(), worker.log_tail()
        assert worker.metric("wirewatch_dead_letters_total", {"reason": "oversized"}) == 2

        # What the runbook says: raise the topic's limit, then replay the dead letters the broker refused.
        _raise_limits(settings, names)
        done = run_cli(worker.env, "replay", "--reason", "oversized", "--error-class", "MessageSizeTooLargeError")
        assert done.returncode == 0, done.stdout + done.stderr
        assert f"replayed 1 of 2 dead letters (1 matched, failed 0) -> {settings.topic_stories} 1" in done.stdout
        [record] = collect(settings, settings.topic_enriched, 1, timeout=60)
        assert record.key == b"refused-1"
        wait_for(lambda: committed_total(settings, settings.topic_stories) == 3, 60, "the replayed input's commit")
    finally:
        worker.stop()


def test_a_refused_output_whose_dead_letter_is_refused_too_stops_the_worker_uncommitted_until_the_limit_is_raised(
    bootstrap: str, tmp_path: Path
) -> None:
    settings, worker, names = _limited(bootstrap, tmp_path, "by-key", "topic_dlq")
    worker.start()
    try:
        publish_raw(settings, [(b"refused-1", json.dumps(STORY).encode())])
        wait_for(lambda: not worker.alive(), 90, "the worker to stop on the refused dead letter")
        log = worker.log_tail(400)
        assert "was not delivered; crashing the agent" in log, log
        assert worker.stop() != 0, log
        assert committed_total(settings, settings.topic_stories) == 0, "the input was committed without its output"
        assert end_count(settings, names[0]) == 0 and end_count(settings, settings.topic_dlq) == 0

        # The operator raises the limits; the restarted worker reads the story again and it goes through.
        _raise_limits(settings, names)
        worker.start()
        [record] = collect(settings, settings.topic_enriched, 1, timeout=90)
        assert record.key == b"refused-1"
        wait_for(lambda: committed_total(settings, settings.topic_stories) == 1, 60, "the input's commit")
        assert read_all(settings, [settings.topic_dlq]) == []
    finally:
        worker.stop()


def test_an_input_at_the_brokers_size_limit_is_dead_lettered_cut_when_its_topic_has_no_room_and_the_stream_goes_on(
    bootstrap: str, tmp_path: Path
) -> None:
    # Its dead letter is the input plus headers: a dead-letter topic made without room for them (not by the
    # worker) refuses it whole, and it goes again cut to its first bytes (the whole input stays on its source
    # topic). Crashing on it instead would stop the worker on it after every restart.
    env = fresh_env(bootstrap, tmp_path / "state")
    settings = Settings.from_env(env)
    client = admin(settings)
    try:
        client.create_topics([NewTopic(settings.topic_dlq, settings.partitions, 1)])
    finally:
        client.close()
    worker = Worker(env, tmp_path / "worker.log").start()
    try:
        publish_raw(settings, [(b"huge", HUGE), (b"refused-1", json.dumps(STORY).encode())])
        [dead] = collect(settings, settings.topic_dlq, 1, timeout=60)
        assert dead.key == b"huge" and dead.header("wirewatch-reason") == "oversized"
        assert dead.value == HUGE[:TRUNCATED_BYTES] and dead.header("wirewatch-value-truncated") == str(len(HUGE))
        [record] = collect(settings, settings.topic_enriched, 1, timeout=60)
        assert record.key == b"refused-1"
        wait_for(lambda: committed_total(settings, settings.topic_stories) == 2, 60, "both inputs' commits")
        assert worker.alive(), worker.log_tail()
    finally:
        worker.stop()
