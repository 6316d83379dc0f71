"""Every wirewatch metric, declared once against an injected registry.

Tests pass a fresh ``CollectorRegistry()``; the worker passes the one its
``/metrics`` view serves. Label values are bounded sets (language codes,
ISO country codes, region ids, topic codes, subscription names, reasons),
never story ids or free text.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info, ProcessCollector
from prometheus_client.metrics_core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from prometheus_client.utils import floatToGoString

__all__ = ["LATENCY_BUCKETS", "STAGE_BUCKETS", "DetectionProcesses", "Metrics"]

# Per-stage CPU time: tens of microseconds to a few milliseconds.
STAGE_BUCKETS = (0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1)
# Publish-to-output latency on a healthy worker is tens to hundreds of ms; the
# tail up to a minute shows backlogs.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
# A story's own timestamp can be minutes to hours old when it reaches us.
AGE_BUCKETS = (1.0, 5.0, 15.0, 60.0, 300.0, 900.0, 3600.0, 4 * 3600.0, 24 * 3600.0)
LOOP_BUCKETS = (0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        r = registry
        self.messages_received = Counter("wirewatch_messages_received_total", "Messages read from the input topic.", registry=r)
        self.stories_enriched = Counter(
            "wirewatch_stories_enriched_total", "Stories enriched and published, by detected language.",
            ["language"], registry=r,
        )  # fmt: skip
        self.dead_letters = Counter(
            "wirewatch_dead_letters_total", "Input events sent to the dead-letter topic, by reason.", ["reason"], registry=r
        )
        # Exported at 0 from start: increase() then sees the first detector bug after a restart
        # (alert WirewatchInternalErrors); a series born at 1 would show no increase.
        self.dead_letters.labels("internal_error")
        self.language_disagreements = Counter(
            "wirewatch_language_disagreements_total",
            "Stories whose provider-given language differs from the detected one.",
            ["provided", "detected"],
            registry=r,
        )
        self.stories_by_country = Counter(
            "wirewatch_stories_by_country_total", "Enriched stories by detected country (every mention).",
            ["country"], registry=r,
        )  # fmt: skip
        self.stories_by_focus_region = Counter(
            "wirewatch_stories_by_focus_region_total", "Enriched stories by focus region.", ["region"], registry=r
        )
        self.stories_by_topic = Counter(
            "wirewatch_stories_by_topic_total", "Enriched stories by IPTC media topic.", ["topic"], registry=r
        )
        self.stage_seconds = Histogram(
            "wirewatch_stage_seconds", "CPU time of one pipeline stage for one story.", ["stage"],
            buckets=STAGE_BUCKETS, registry=r,
        )  # fmt: skip
        self.processing_seconds = Histogram(
            "wirewatch_processing_seconds", "Time to process one input message in the ingest agent.",
            buckets=STAGE_BUCKETS, registry=r,
        )  # fmt: skip
        self.publish_to_enriched_seconds = Histogram(
            "wirewatch_publish_to_enriched_seconds",
            "From the input message's Kafka timestamp to the enriched story being sent.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.story_age_seconds = Histogram(
            "wirewatch_story_age_seconds",
            "From the story's own versioncreated timestamp to enrichment (provider delay included).",
            buckets=AGE_BUCKETS,
            registry=r,
        )
        self.alerts = Counter(
            "wirewatch_alerts_total", "Alerts sent, by subscription, tier and action.",
            ["subscription", "tier", "action"], registry=r,
        )  # fmt: skip
        self.alerts_throttled = Counter(
            "wirewatch_alerts_throttled_total", "Alerts held back by a subscription's throttle.", ["subscription"],
            registry=r,
        )  # fmt: skip
        self.alerts_duplicate = Counter(
            "wirewatch_alerts_duplicates_total", "Story versions seen again and not re-alerted.", ["subscription"],
            registry=r,
        )  # fmt: skip
        self.publish_to_alert_seconds = Histogram(
            "wirewatch_publish_to_alert_seconds",
            "From the input message's Kafka timestamp to the alert being sent.",
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.events_active = Gauge(
            "wirewatch_events_active", "Open events held by this worker's clusterers (all its partitions).", registry=r
        )
        self.event_duplicates = Counter(
            "wirewatch_event_duplicates_total", "Stories found to be near-duplicates of a recent story.", registry=r
        )
        self.events_opened = Counter(
            "wirewatch_events_opened_total", "Events opened: stories that joined no open event.", registry=r
        )
        self.event_rebuild_seconds = Histogram(
            "wirewatch_event_rebuild_seconds", "Time to rebuild one partition's clusterer from its table (after a restart or rebalance).",
            buckets=(0.001, 0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60), registry=r,
        )  # fmt: skip
        self.events_enabled = Gauge(
            "wirewatch_events_enabled", "1 when this worker groups stories into events (WIREWATCH_EVENTS=on), else 0.", registry=r
        )
        self.spikes = Counter(
            "wirewatch_spikes_total", "Spike keys reaching a tier (counted when a key's tier changes to it).",
            ["dimension", "tier"], registry=r,
        )  # fmt: skip
        self.spike_score = Gauge(
            "wirewatch_spike_score", "Latest spike score (-log10 Poisson tail) of each focus region's last hour.",
            ["region"], registry=r,
        )  # fmt: skip
        self.alerts_suppressed = Counter(
            "wirewatch_alerts_suppressed_total", "New story alerts not sent, by why (duplicate: a near-duplicate of a recent story).",
            ["subscription", "reason"], registry=r,
        )  # fmt: skip
        self.event_loop_lag_seconds = Histogram(
            "wirewatch_event_loop_lag_seconds", "How late the event loop ran a timer due now.",
            buckets=LOOP_BUCKETS, registry=r,
        )  # fmt: skip
        self.consumer_lag = Gauge(
            "wirewatch_consumer_lag_messages", "Messages behind the log end, per assigned partition.",
            ["topic", "partition"], registry=r,
        )  # fmt: skip
        self.rebalances = Counter("wirewatch_rebalances_total", "Consumer group rebalances seen.", registry=r)
        self.offset_rewinds = Counter(
            "wirewatch_offset_rewinds_total",
            "Offset ranges faust-streaming skipped that were read again (each costs duplicates, never losses).",
            ["topic"], registry=r,
        )  # fmt: skip
        self.assigned_partitions = Gauge(
            "wirewatch_assigned_partitions", "Partitions currently assigned to this worker.", registry=r
        )
        # The worker points ``detection.pids`` at its detection processes once they exist.
        self.detection = DetectionProcesses(tuple)
        r.register(self.detection)
        self.build = Info("wirewatch_build", "wirewatch build information.", registry=r)
        self.build.info({"version": _version()})
        # A fresh registry has no process_* metrics; the dashboard's CPU and memory panels need them.
        if "process_cpu_seconds_total" not in _names(r):
            ProcessCollector(registry=r)
        _rescale_faust_ms(r)


class DetectionProcesses(Collector):
    """CPU and memory of the worker's detection processes, which ``process_*`` does not cover.

    Read from ``/proc`` at scrape time; elsewhere only the process count is reported.
    """

    def __init__(self, pids: Callable[[], Iterable[int]]) -> None:
        self.pids = pids
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

    def collect(self) -> Iterator[Metric]:
        count, cpu, rss = 0, 0.0, 0
        for pid in self.pids():
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
            except (OSError, ValueError, IndexError):
                continue
            # Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
            fields = stat.rsplit(")", 1)[1].split()
            cpu += (int(fields[11]) + int(fields[12])) / self.tick
            rss += pages * self.page
            count += 1
        yield GaugeMetricFamily("wirewatch_detection_processes", "Detection processes running beside the event loop.", count)
        yield CounterMetricFamily("wirewatch_detection_cpu_seconds", "CPU time of the detection processes (user + system).", cpu)
        yield GaugeMetricFamily(
            "wirewatch_detection_resident_memory_bytes", "Resident memory of the detection processes, summed.", rss
        )


def _names(registry: CollectorRegistry) -> set[str]:
    return set(getattr(registry, "_names_to_collectors", {}))


class _MillisecondsAsSeconds(Collector):
    """Re-exposes a millisecond histogram in seconds under a ``_seconds`` name.

    Faust's sensor names its event-runtime histogram ``<prefix>_events_runtime_ms``, which
    ``promtool check metrics`` rejects (abbreviated, non-base unit). The source histogram
    keeps being observed by Faust; only what is scraped changes.
    """

    def __init__(self, source: Collector, old: str, new: str) -> None:
        self.source, self.old, self.new = source, old, new

    def collect(self) -> Iterator[Metric]:
        for family in self.source.collect():
            if family.name != self.old:
                yield family
                continue
            out = Metric(self.new, family.documentation.replace(" in ms", "") + " (seconds)", family.type)
            for sample in family.samples:
                labels = dict(sample.labels)
                value = sample.value
                suffix = sample.name[len(self.old) :]
                if suffix == "_bucket" and labels.get("le") not in (None, "+Inf"):
                    labels["le"] = floatToGoString(float(labels["le"]) / 1000.0)
                elif suffix == "_sum":
                    value = value / 1000.0
                out.add_sample(self.new + suffix, labels, value, sample.timestamp, sample.exemplar)
            yield out


def _rescale_faust_ms(registry: CollectorRegistry) -> None:
    # The registry keeps no public name -> collector map; this one is stable across
    # prometheus-client releases and the lookup is a no-op when Faust's sensor is absent.
    by_name = getattr(registry, "_names_to_collectors", {})
    for old in [n for n in by_name if n.endswith("_events_runtime_ms")]:
        source = by_name.get(old)
        if source is None or isinstance(source, _MillisecondsAsSeconds):
            continue
        registry.unregister(source)
        registry.register(_MillisecondsAsSeconds(source, old, old[: -len("_ms")] + "_seconds"))


def _version() -> str:
    try:
        return metadata.version("wirewatch")
    except metadata.PackageNotFoundError:
        return "unknown"
