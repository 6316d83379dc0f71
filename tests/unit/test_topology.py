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
        "wirewatch-alert-state-changelog",
        "wirewatch-event-stories-changelog",
        "wirewatch-event-alerts-changelog",
        "wirewatch-spike-series-changelog",
    }
    assert {t.partitions for t in specs.values()} == {4}
    assert {name for name, t in specs.items() if t.compact} == {name for name in specs if name.endswith("-changelog")}
    assert specs["dead"].retention_ms > specs["wire.stories"].retention_ms


def test_events_off_needs_only_the_alert_state_changelog() -> None:
    s = Settings.from_env({"WIREWATCH_EVENTS": "off"})
    changelogs = [t.name for t in topic_specs(s) if t.compact]
    assert changelogs == ["wirewatch-alert-state-changelog"]


def test_every_table_of_the_app_has_its_changelog_declared() -> None:
    """Each ``app.Table`` the agents create is in TABLES, so its changelog exists before the worker joins."""
    import re
    from pathlib import Path

    from agents.topology import TABLES

    root = Path(__file__).resolve().parents[2] / "agents"
    created = {name for path in root.glob("*.py") for name in re.findall(r'app\.Table\(\s*"([^"]+)"', path.read_text())}
    assert created == set(TABLES)


def test_the_dead_letter_topic_takes_an_input_as_large_as_kafka_takes_plus_its_headers() -> None:
    # A dead letter is its input plus headers: the topic and the worker's producer must take more than the input's limit.
    from prometheus_client import CollectorRegistry

    from agents.app import create_app
    from agents.topology import DEAD_LETTER_MAX_BYTES

    s = Settings.from_env({})
    [dlq] = [t for t in topic_specs(s) if t.name == s.topic_dlq]
    assert dlq.max_message_bytes == DEAD_LETTER_MAX_BYTES >= 1_048_588 + 16_384
    assert {t.max_message_bytes for t in topic_specs(s) if t.name != s.topic_dlq} == {None}
    assert create_app(s, registry=CollectorRegistry()).conf.producer_max_request_size >= DEAD_LETTER_MAX_BYTES
