"""Every Kafka topic wirewatch uses, declared once with explicit partition counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stream.settings import Settings

__all__ = [
    "DEAD_LETTER_MAX_BYTES",
    "TABLES",
    "TopicSpec",
    "alert_topics",
    "changelog_topic",
    "events_by_key_topic",
    "spike_keys_topic",
    "topic_specs",
]


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int
    role: str
    # Dead letters and alerts are audit trails; keep them longer than the input.
    retention_ms: int = 7 * 24 * 3600 * 1000
    # Table changelogs keep the latest value per key for as long as the key lives (no time retention).
    compact: bool = False
    max_message_bytes: int | None = None  # None: the broker's message.max.bytes


#: ``max.message.bytes`` of the dead-letter topic: Kafka's default limit (1,048,588) plus room for the headers,
#: since a dead letter is its input plus headers and an input may be as large as the input topic allows.
DEAD_LETTER_MAX_BYTES = 1_048_588 + 65_536


#: The worker's Faust tables, and whether each exists only with the events agents (``WIREWATCH_EVENTS=on``).
TABLES: dict[str, bool] = {"alert-state": False, "event-stories": True, "event-alerts": True, "spike-series": True}


def changelog_topic(settings: Settings, table: str) -> str:
    """The changelog topic Faust names for ``table``."""
    return f"{settings.app_id}-{table}-changelog"


def events_by_key_topic(settings: Settings) -> str:
    """The repartition topic of the events agent: enriched stories keyed by their blocking key."""
    return f"{settings.app_id}-events-by-key"


def spike_keys_topic(settings: Settings) -> str:
    """The repartition topic of the spikes agent: one count per spike key (``region:…``) and story."""
    return f"{settings.app_id}-spike-keys"


def topic_specs(settings: Settings, alert_topics: Iterable[str] = ()) -> list[TopicSpec]:
    """The topics a worker needs: input, enriched, dead letters, events (and its repartition topics), alerts, table changelogs."""
    p, rf = settings.partitions, settings.replication_factor
    specs = [
        TopicSpec(settings.topic_stories, p, rf, "input"),
        TopicSpec(settings.topic_enriched, p, rf, "enriched"),
        TopicSpec(
            settings.topic_dlq, p, rf, "dead letters", retention_ms=30 * 24 * 3600 * 1000, max_message_bytes=DEAD_LETTER_MAX_BYTES
        ),
        TopicSpec(events_by_key_topic(settings), p, rf, "enriched stories by blocking key"),
        TopicSpec(spike_keys_topic(settings), p, rf, "story counts by spike key"),
        TopicSpec(settings.topic_events, p, rf, "events"),
    ]
    for name in sorted(set(alert_topics)):
        specs.append(TopicSpec(name, p, rf, "alerts", retention_ms=30 * 24 * 3600 * 1000))
    # Faust would create the changelogs itself, but a consumer that joins while a changelog is brand new
    # can see it with 0 partitions until its next metadata refresh (5 min), and every table write of
    # that table fails meanwhile (PartitionsMismatch): the bench dead-lettered every spike count so.
    for table, events_only in TABLES.items():
        if settings.events == "on" or not events_only:
            specs.append(TopicSpec(changelog_topic(settings, table), p, rf, f"changelog of table {table}", compact=True))
    return specs


def alert_topics(settings: Settings) -> list[str]:
    """The output topic of every configured subscription (``alerts.<name>`` unless overridden)."""
    from stream.alerts.subscription import load_subscriptions

    subs = load_subscriptions(settings.subscriptions_file, regions_file=settings.regions_file)
    return [s.topic_name(settings.alert_topic_prefix) for s in subs]
