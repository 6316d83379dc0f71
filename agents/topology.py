"""Every Kafka topic wirewatch uses, declared once with explicit partition counts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stream.settings import Settings

__all__ = ["TopicSpec", "subscription_names", "topic_specs"]


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int
    role: str
    # Dead letters and alerts are audit trails; keep them longer than the input.
    retention_ms: int = 7 * 24 * 3600 * 1000


def topic_specs(settings: Settings, subscriptions: Iterable[str] = ()) -> list[TopicSpec]:
    """The topics a worker needs: input, enriched, dead letters, one per alert subscription."""
    p, rf = settings.partitions, settings.replication_factor
    specs = [
        TopicSpec(settings.topic_stories, p, rf, "input"),
        TopicSpec(settings.topic_enriched, p, rf, "enriched"),
        TopicSpec(settings.topic_dlq, p, rf, "dead letters", retention_ms=30 * 24 * 3600 * 1000),
    ]
    for name in sorted(set(subscriptions)):
        specs.append(TopicSpec(settings.alert_topic(name), p, rf, f"alerts for {name}", retention_ms=30 * 24 * 3600 * 1000))
    return specs


def subscription_names(settings: Settings) -> list[str]:
    """Names of the configured alert subscriptions (each gets an ``alerts.<name>`` topic)."""
    try:
        from stream.subscription import load_subscriptions
    except ImportError:  # alert routing not installed in this build
        return []
    return [s.name for s in load_subscriptions(settings.subscriptions_file)]
