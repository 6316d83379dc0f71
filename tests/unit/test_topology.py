from __future__ import annotations

from agents.topology import topic_specs
from stream.settings import Settings


def test_topics_have_explicit_partitions_and_follow_settings() -> None:
    s = Settings.from_env({"WIREWATCH_PARTITIONS": "4", "WIREWATCH_TOPIC_DLQ": "dead"})
    specs = {t.name: t for t in topic_specs(s, ["alerts.south-caucasus", "alerts.terrorism"])}
    assert set(specs) == {
        "wire.stories",
        "wire.enriched",
        "dead",
        "wire.events",
        "wirewatch-events-by-key",
        "wirewatch-spike-keys",
        "alerts.south-caucasus",
        "alerts.terrorism",
    }
    assert {t.partitions for t in specs.values()} == {4}
    assert specs["dead"].retention_ms > specs["wire.stories"].retention_ms
