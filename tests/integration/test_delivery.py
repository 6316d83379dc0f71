"""Outputs the broker refuses, against a real broker: the input stays uncommitted and is sent after a restart.

A record can be handed to the producer and still be refused by the broker (here: larger than the
topic's ``max.message.bytes``, which the producer's own size check does not know). Faust flushes the
producer before it commits, but a refused record fails only its own delivery future: acking on
hand-off would commit the input with no output anywhere.
"""

from __future__ import annotations

import json
from pathlib import Path

from kafka.admin import ConfigResource, ConfigResourceType, NewTopic

from agents.kafka_client import admin
from agents.topology import events_by_key_topic
from stream.settings import Settings
from tests.integration.harness import Worker, collect, committed_total, end_count, fresh_env, publish_raw, wait_for

STORY = {
    "id": "refused-1",
    "headline": "Armenia and Azerbaijan agree a ceasefire in Karabakh",
    "body": "The foreign ministers met in Moscow and agreed to stop the shelling along the line of contact.",
}


def _max_message_bytes(settings: Settings, topic: str, limit: int) -> None:
    client = admin(settings)
    try:
        resource = ConfigResource(ConfigResourceType.TOPIC, topic, configs={"max.message.bytes": str(limit)})
        client.alter_configs([resource])
    finally:
        client.close()


def test_an_output_the_broker_refuses_stops_the_worker_uncommitted_and_goes_out_after_the_restart(
    bootstrap: str, tmp_path: Path
) -> None:
    env = fresh_env(bootstrap, tmp_path / "state")
    settings = Settings.from_env(env)
    by_key = events_by_key_topic(settings)  # the ingest agent's output (the events agent writes wire.enriched)
    client = admin(settings)
    try:  # created before the worker, which keeps an existing topic's configuration
        client.create_topics([NewTopic(by_key, settings.partitions, 1, topic_configs={"max.message.bytes": "256"})])
    finally:
        client.close()
    worker = Worker(env, tmp_path / "worker.log").start()
    try:
        publish_raw(settings, [(b"refused-1", json.dumps(STORY).encode())])
        wait_for(lambda: not worker.alive(), 90, "the worker to stop on the refused output")
        log = worker.log_tail(400)
        assert "were not delivered" in log, log
        assert worker.stop() != 0, log
        assert committed_total(settings, settings.topic_stories) == 0, "the input was committed without its output"
        assert end_count(settings, by_key) == 0 and end_count(settings, settings.topic_enriched) == 0

        # The operator raises the limit; the restarted worker reads the story again.
        _max_message_bytes(settings, by_key, 1_048_588)
        worker.start()
        [record] = collect(settings, settings.topic_enriched, 1, timeout=90)
        assert record.key == b"refused-1"
        wait_for(lambda: committed_total(settings, settings.topic_stories) == 1, 60, "the input's commit")
    finally:
        worker.stop()
