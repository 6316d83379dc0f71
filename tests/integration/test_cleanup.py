"""Deleting what a run leaves on the broker: only the topics and groups with the given prefixes go."""

from __future__ import annotations

import uuid

from kafka import KafkaConsumer

from agents.kafka_client import admin, delete_by_prefix, ensure_topics
from agents.topology import TopicSpec
from stream.settings import Settings


def test_delete_by_prefix_removes_only_matching_topics_and_groups(bootstrap: str) -> None:
    settings = Settings.from_env({"WIREWATCH_BOOTSTRAP_SERVERS": bootstrap})
    mine, other = f"cleanup-{uuid.uuid4().hex[:8]}", f"cleanup-{uuid.uuid4().hex[:8]}"
    ensure_topics(settings, [TopicSpec(f"{name}.{i}", 1, 1, "test") for name in (mine, other) for i in range(3)])
    consumer = KafkaConsumer(f"{mine}.0", bootstrap_servers=bootstrap, group_id=f"{mine}-group", consumer_timeout_ms=500)
    consumer.poll(timeout_ms=3000)
    consumer.commit()
    consumer.close()
    try:
        assert delete_by_prefix(settings, [f"{mine}."], groups=False)[0] == 3
        assert delete_by_prefix(settings, [f"{mine}-"], groups=True) == (0, 1)
        client = admin(settings)
        try:
            left = {t for t in client.list_topics() if t.startswith("cleanup-")}
            groups = {g["group_id"] for g in client.list_groups()}
        finally:
            client.close()
        assert not {t for t in left if t.startswith(mine)}
        assert {f"{other}.{i}" for i in range(3)} <= left
        assert f"{mine}-group" not in groups
    finally:
        delete_by_prefix(settings, [f"{other}."])
