"""Writes ``dashboards/wirewatch.json``, the Grafana dashboard for wirewatch workers.

Run ``python deploy/grafana/generate.py`` after editing; a unit test checks that the committed
JSON is exactly what this script prints, and the real-Prometheus integration test runs every
``expr`` below against a live worker. Plain Python on purpose: no generator dependency, and
each panel is one readable call naming its query.

Portable: every panel names the datasource through the ``${datasource}`` variable (no uid), and
``__inputs`` lets Grafana's import dialog pick the Prometheus to use; provisioned (compose), the
variable takes the default Prometheus datasource. Thresholds repeat the alert rules' numbers
(deploy/prometheus/rules.yml) so a panel turns red where an alert would fire.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["build", "main"]

DS = {"type": "prometheus", "uid": "${datasource}"}
SEL = 'job="$job", instance=~"$instance"'
# The alert latency objective of the burn-rate alerts: 99% of alerts sent within 250 ms of publication.
SLO_TARGET = 0.99
SLO_LE = "0.25"
# Broker-side consumer lag: recording rules over KMinion's consumer-group lag (deploy/prometheus).
BROKER_LAG_MESSAGES = "wirewatch:consumer_lag_messages:sum"
BROKER_LAG_SECONDS = "wirewatch:consumer_lag_seconds:max"
Thresholds = list[tuple[float | None, str]]
OUT = Path(__file__).parent / "dashboards" / "wirewatch.json"


def rate(metric: str, by: str = "", extra: str = "") -> str:
    grouping = f"sum by ({by}) " if by else "sum"
    return f"{grouping}(rate({metric}{{{SEL}{extra}}}[$__rate_interval]))"


def quantile(q: float, histogram: str, by: str = "") -> str:
    labels = f"{by}, le" if by else "le"
    return f"histogram_quantile({q}, sum by ({labels}) (rate({histogram}_bucket{{{SEL}}}[$__rate_interval])))"


class Layout:
    """Places panels left to right on Grafana's 24-column grid."""

    def __init__(self) -> None:
        self.panels: list[dict[str, Any]] = []
        self.x = self.y = self.row_height = 0

    def row(self, title: str) -> None:
        self._newline()
        self.panels.append(
            {"type": "row", "title": title, "collapsed": False, "id": len(self.panels) + 1, "panels": [],
             "gridPos": {"h": 1, "w": 24, "x": 0, "y": self.y}}
        )  # fmt: skip
        self.y += 1

    def panel(
        self,
        title: str,
        targets: list[tuple[str, str]],
        *,
        unit: str = "short",
        kind: str = "timeseries",
        width: int = 8,
        height: int = 8,
        description: str = "",
        instant: bool = False,
        thresholds: Thresholds | None = None,
    ) -> None:
        """``thresholds``: (from value, colour) steps, the first from None; drawn as dashed lines on time series."""
        if self.x + width > 24:
            self._newline()
        defaults: dict[str, Any] = {"unit": unit}
        if thresholds:
            defaults["thresholds"] = {"mode": "absolute", "steps": [{"color": c, "value": v} for v, c in thresholds]}
            if kind == "timeseries":
                defaults["custom"] = {"thresholdsStyle": {"mode": "dashed"}}
            else:
                defaults["color"] = {"mode": "thresholds"}
        panel: dict[str, Any] = {
            "id": len(self.panels) + 1,
            "type": kind,
            "title": title,
            "description": description,
            "datasource": DS,
            "gridPos": {"h": height, "w": width, "x": self.x, "y": self.y},
            "fieldConfig": {"defaults": defaults, "overrides": []},
            "options": _options(kind),
            "targets": [
                {"refId": chr(ord("A") + i), "datasource": DS, "expr": expr, "legendFormat": legend,
                 "instant": instant, "range": not instant}
                for i, (expr, legend) in enumerate(targets)
            ],
        }  # fmt: skip
        self.panels.append(panel)
        self.x += width
        self.row_height = max(self.row_height, height)

    def _newline(self) -> None:
        if self.x:
            self.y += self.row_height
        self.x = self.row_height = 0


def _options(kind: str) -> dict[str, Any]:
    if kind == "timeseries":
        return {"legend": {"displayMode": "list", "placement": "bottom"}, "tooltip": {"mode": "multi"}}
    if kind == "bargauge":
        return {"orientation": "horizontal", "displayMode": "basic", "reduceOptions": {"calcs": ["lastNotNull"]}}
    if kind == "stat":
        return {"reduceOptions": {"calcs": ["lastNotNull"]}, "textMode": "value_and_name"}
    return {}


def build() -> dict[str, Any]:
    g = Layout()
    g.row("Overview")
    g.panel("Workers up", [('sum(up{job="$job"})', "up")], kind="stat", width=4, height=4, thresholds=[(None, "red"), (1, "green")],
            description="Worker processes Prometheus scrapes successfully. Useful workers <= input partitions.")  # fmt: skip
    g.panel("Assigned partitions", [(f"sum by (instance) (wirewatch_assigned_partitions{{{SEL}}})", "{{instance}}")],
            kind="stat", width=8, height=4, description="Partitions each worker consumes (all topics).")  # fmt: skip
    g.panel("Build", [(f"wirewatch_build_info{{{SEL}}}", "{{instance}} {{version}}")], kind="stat", width=12, height=4,
            instant=True, description="wirewatch version per worker (wirewatch_build_info).")  # fmt: skip

    g.row("Objectives and error budget")

    def good(w: str) -> str:
        return f'sum(increase(wirewatch_publish_to_alert_seconds_bucket{{{SEL}, le="{SLO_LE}"}}[{w}]))'

    def total(w: str) -> str:
        return f"sum(increase(wirewatch_publish_to_alert_seconds_count{{{SEL}}}[{w}]))"

    budget = round(1 - SLO_TARGET, 6)
    g.panel("Alerts within 250 ms (30 days)", [(f"{good('30d')} / {total('30d')}", "within 250 ms")],
            kind="stat", unit="percentunit", width=5, height=6, thresholds=[(None, "red"), (SLO_TARGET, "green")],
            description="Service level indicator over 30 days: share of alerts sent within 250 ms of publication. "
                        f"Objective {SLO_TARGET:.0%}.")  # fmt: skip
    g.panel("Alert latency error budget left (30 days)",
            [(f"1 - (1 - {good('30d')} / {total('30d')}) / {budget}", "budget left")],
            kind="stat", unit="percentunit", width=5, height=6, thresholds=[(None, "red"), (0, "orange"), (0.5, "green")],
            description=f"Share of the 30-day error budget ({budget:.0%} of alerts may be slower than 250 ms) not yet spent; "
                        "below 0 the objective is missed.")  # fmt: skip
    g.panel("Alert latency budget burn rate",
            [(f"(1 - {good(w)} / {total(w)}) / {budget}", f"{w} window") for w in ("5m", "1h", "6h")],
            width=6, height=6, thresholds=[(None, "green"), (6, "orange"), (14.4, "red")],
            description="How fast the error budget burns: 1 spends it in exactly 30 days. Orange line 6x and red line 14.4x: "
                        "the slow- and fast-burn alerts (WirewatchAlertLatencyBudgetSlowBurn / FastBurn).")  # fmt: skip
    g.panel("Enriched within 1 s (dashboard range)",
            [(f'sum(increase(wirewatch_publish_to_enriched_seconds_bucket{{{SEL}, le="1.0"}}[$__range])) / '
              f"sum(increase(wirewatch_publish_to_enriched_seconds_count{{{SEL}}}[$__range]))", "within 1 s")],
            kind="stat", unit="percentunit", width=4, height=6, thresholds=[(None, "red"), (0.99, "green")],
            description="Share of enriched stories sent within 1 s of publication over the selected time range.")  # fmt: skip
    g.panel("Processing failures (30 days)",
            [(f'(sum(increase(wirewatch_dead_letters_total{{{SEL}, reason=~"internal_error|router_error|events_error|spikes_error"}}[30d])) or vector(0)) / '
              f"sum(increase(wirewatch_messages_received_total{{{SEL}}}[30d]))", "failed")],
            kind="stat", unit="percentunit", width=4, height=6, thresholds=[(None, "green"), (0.001, "red")],
            description="Share of input that wirewatch itself failed on (dead letters internal_error, router_error, events_error and spikes_error, "
                        "not bad input) over 30 days. Objective: under 0.1%.")  # fmt: skip

    g.row("Throughput")
    g.panel(
        "Throughput in / out",
        [
            (rate("wirewatch_messages_received_total"), "received"),
            (rate("wirewatch_stories_enriched_total"), "enriched"),
            (rate("wirewatch_dead_letters_total"), "dead-lettered"),
        ],
        unit="ops", width=8, description="Messages read from the input topic, enriched stories sent, dead letters sent; per second.",
    )  # fmt: skip
    g.panel("Dead letters by reason", [(rate("wirewatch_dead_letters_total", "reason"), "{{reason}}")], unit="ops", width=8,
            description="Input sent to the dead-letter topic, by reason (invalid_utf8, invalid_format, ...).")  # fmt: skip
    g.panel(
        "Dead-letter ratio by reason",
        [
            (f"{rate('wirewatch_dead_letters_total', 'reason')} / on () group_left () {rate('wirewatch_messages_received_total')}",
             "{{reason}}"),
            (f"{rate('wirewatch_dead_letters_total')} / {rate('wirewatch_messages_received_total')}", "all reasons"),
        ],
        unit="percentunit", width=8, thresholds=[(None, "green"), (0.05, "red")],
        description="Share of input messages dead-lettered, by reason. Red line: WirewatchDeadLetterRateHigh (5%). "
                    "internal_error, router_error, events_error and spikes_error are wirewatch's own failures; the other reasons are bad input.",
    )  # fmt: skip
    g.panel("Stories by language", [(rate("wirewatch_stories_enriched_total", "language"), "{{language}}")], unit="ops",
            description="Enriched stories per second by detected language.")  # fmt: skip
    g.panel("Stories by IPTC topic", [(rate("wirewatch_stories_by_topic_total", "topic"), "{{topic}}")], unit="ops",
            description="Enriched stories per second by IPTC media topic code (a story may have several).")  # fmt: skip
    g.panel("Stories by focus region", [(rate("wirewatch_stories_by_focus_region_total", "region"), "{{region}}")], unit="ops",
            description="Enriched stories per second by the region the story is about.")  # fmt: skip
    g.panel(
        "Top 10 countries (dashboard range)",
        [(f"topk(10, sum by (country) (increase(wirewatch_stories_by_country_total{{{SEL}}}[$__range])))", "{{country}}")],
        kind="bargauge", width=12, instant=True, description="Stories mentioning each country over the selected time range.",
    )  # fmt: skip
    g.panel(
        "Language disagreements with the provider",
        [(rate("wirewatch_language_disagreements_total", "provided, detected"), "{{provided}} -> {{detected}}")],
        unit="ops", width=12, description="Stories whose provider-given language differs from the detected one.",
    )  # fmt: skip

    g.row("Alerts")
    g.panel("Alerts by subscription and tier", [(rate("wirewatch_alerts_total", "subscription, tier"), "{{subscription}} {{tier}}")],
            unit="ops", width=12, description="Alerts sent per second.")  # fmt: skip
    g.panel(
        "Alerts held back",
        [
            (rate("wirewatch_alerts_throttled_total", "subscription"), "throttled {{subscription}}"),
            (rate("wirewatch_alerts_duplicates_total", "subscription"), "duplicate {{subscription}}"),
            (rate("wirewatch_alerts_suppressed_total", "subscription, reason"), "{{reason}} {{subscription}}"),
        ],
        unit="ops", width=12, description="Alerts suppressed by a subscription's throttle, story versions not re-alerted, "
                                          "and near-duplicate stories (syndicated copies) not alerted.",
    )  # fmt: skip

    g.row("Events and spikes")
    g.panel(
        "Events opened and near-duplicates",
        [(rate("wirewatch_events_opened_total"), "events opened"), (rate("wirewatch_event_duplicates_total"), "near-duplicates"),
         (rate("wirewatch_stories_enriched_total"), "stories")],
        unit="ops", width=8,
        description="Per second: stories that opened a new event, stories found to copy a recent story, all enriched stories. "
                    "Stories minus events opened is how much the event view condenses the wire.",
    )  # fmt: skip
    g.panel("Open events", [(f"sum by (instance) (wirewatch_events_active{{{SEL}}})", "{{instance}}")], width=8,
            description="Events with a story within the event window, held by each worker's clusterers (bounded: old events expire).")  # fmt: skip
    g.panel("Events stage and clusterer rebuild p95",
            [(f'histogram_quantile(0.95, sum by (le) (rate(wirewatch_stage_seconds_bucket{{{SEL}, stage="events"}}[$__rate_interval])))',
              "events per story"),
             (quantile(0.95, "wirewatch_event_rebuild_seconds"), "rebuild per partition")],
            unit="s", width=8,
            description="Event-loop time of the events agent per story, and the time to rebuild a partition's clusterer "
                        "from its table after a restart or rebalance.")  # fmt: skip
    g.panel("Spike score by focus region", [(f"max by (region) (wirewatch_spike_score{{{SEL}}})", "{{region}}")], width=12,
            thresholds=[(None, "green"), (3, "yellow"), (5, "orange"), (9, "red")],
            description="-log10 of the Poisson chance of the region's story count in the last hour given its hour-of-day "
                        "baseline. Lines: routine (3), urgent (5), flash (9) spikes.")  # fmt: skip
    g.panel("Spikes by dimension and tier",
            [(f"sum by (dimension, tier) (increase(wirewatch_spikes_total{{{SEL}}}[$__rate_interval]))", "{{dimension}} {{tier}}")],
            width=12, description="Spike keys (regions, countries, topics) reaching each tier.")  # fmt: skip

    g.row("Lag and latency")
    g.panel("Consumer lag per partition", [(f"sum by (topic, partition) (wirewatch_consumer_lag_messages{{{SEL}}})",
            "{{topic}}[{{partition}}]")], width=12, thresholds=[(None, "green"), (1000, "orange")],
            description="Log end offset minus committed offset, as each worker sees its own partitions. "
                        "Orange line: WirewatchConsumerLagGrowing (1000 messages and growing).")  # fmt: skip
    g.panel(
        "Broker-side consumer lag",
        [(f"sum by (topic) ({BROKER_LAG_MESSAGES})", "{{topic}} messages")],
        width=12, thresholds=[(None, "green"), (1000, "orange")],
        description="Consumer group lag as the brokers see it (KMinion, recording rule "
                    f"{BROKER_LAG_MESSAGES}): still measured when every worker is down or rebalancing.",
    )  # fmt: skip
    g.panel(
        "Broker-side lag in time",
        [(f"max by (topic) ({BROKER_LAG_SECONDS})", "{{topic}}")],
        unit="s", width=12, thresholds=[(None, "green"), (60, "orange"), (300, "red")],
        description=f"How far behind the newest message the group's committed offsets are, in seconds ({BROKER_LAG_SECONDS}, "
                    "from KMinion): the delay a story waits before a worker reads it.",
    )  # fmt: skip
    g.panel(
        "Publish to enriched latency",
        [(quantile(q, "wirewatch_publish_to_enriched_seconds"), f"p{round(q * 100)}") for q in (0.5, 0.95, 0.99)],
        unit="s", width=12, thresholds=[(None, "green"), (1, "red")],
        description="From the input message's Kafka timestamp to the enriched story being sent. Red line: WirewatchEnrichLatencyHigh (p99 1 s).",
    )  # fmt: skip
    g.panel(
        "Publish to alert latency",
        [(quantile(q, "wirewatch_publish_to_alert_seconds"), f"p{round(q * 100)}") for q in (0.5, 0.95, 0.99)],
        unit="s", width=12, thresholds=[(None, "green"), (float(SLO_LE), "red")],
        description="From the input message's Kafka timestamp to the alert being sent. Objective: p99 < 250 ms (red line).",
    )  # fmt: skip
    g.panel(
        "Story age at enrichment",
        [(quantile(q, "wirewatch_story_age_seconds"), f"p{round(q * 100)}") for q in (0.5, 0.95)],
        unit="s", width=12, description="From the story's own versioncreated timestamp to enrichment (provider delay included).",
    )  # fmt: skip
    g.panel("Stage time p95", [(quantile(0.95, "wirewatch_stage_seconds", "stage"), "{{stage}}")], unit="s", width=12,
            description="CPU time of each pipeline stage for one story, 95th percentile.")  # fmt: skip
    g.panel(
        "Processing time per message",
        [(quantile(q, "wirewatch_processing_seconds"), f"p{round(q * 100)}") for q in (0.5, 0.99)]
        + [(quantile(0.99, "faust_events_runtime_seconds"), "faust event p99")],
        unit="s", width=12, description="Ingest agent time per input message, and Faust's own event runtime.",
    )  # fmt: skip

    g.row("Worker")
    g.panel("Rebalances", [(f"sum by (instance) (increase(wirewatch_rebalances_total{{{SEL}}}[$__rate_interval]))", "{{instance}}")],
            width=6, description="Consumer group rebalances completed.")  # fmt: skip
    g.panel("Event-loop lag p99", [(quantile(0.99, "wirewatch_event_loop_lag_seconds", "instance"), "{{instance}}")], unit="s",
            width=6, thresholds=[(None, "green"), (0.25, "red")],
            description="How late the event loop runs a timer that is due; high values delay heartbeats. "
                        "Red line: WirewatchEventLoopStalled (250 ms).")  # fmt: skip
    g.panel("CPU", [(f"sum by (instance) (rate(process_cpu_seconds_total{{{SEL}}}[$__rate_interval]))", "{{instance}} event loop"),
                    (f"sum by (instance) (rate(wirewatch_detection_cpu_seconds_total{{{SEL}}}[$__rate_interval]))", "{{instance}} detection")],
            unit="percentunit", width=6,
            description="CPU seconds per second of the worker process and of its detection processes; 1.0 is one full core.")  # fmt: skip
    g.panel("Resident memory", [(f"sum by (instance) (process_resident_memory_bytes{{{SEL}}})", "{{instance}} event loop"),
                                (f"sum by (instance) (wirewatch_detection_resident_memory_bytes{{{SEL}}})", "{{instance}} detection")],
            unit="bytes", width=6, description="Resident set size of each worker process and of its detection processes.")  # fmt: skip

    return {
        # Grafana's import dialog asks for a Prometheus datasource; provisioning ignores these two keys.
        "__inputs": [{"name": "DS_PROMETHEUS", "label": "Prometheus", "description": "Prometheus that scrapes the workers",
                      "type": "datasource", "pluginId": "prometheus", "pluginName": "Prometheus"}],
        "__requires": [
            {"type": "grafana", "id": "grafana", "name": "Grafana", "version": "10.0.0"},
            {"type": "datasource", "id": "prometheus", "name": "Prometheus", "version": "1.0.0"},
            *({"type": "panel", "id": kind, "name": kind, "version": ""} for kind in sorted({p["type"] for p in g.panels} - {"row"})),
        ],
        "uid": "wirewatch",
        "title": "wirewatch",
        "description": "wirewatch workers: throughput, classification mix, alerts, dead letters, lag, latency, resources.",
        "tags": ["wirewatch", "kafka", "faust"],
        "editable": True,
        "graphTooltip": 1,
        "refresh": "30s",
        "schemaVersion": 39,
        "version": 1,
        "time": {"from": "now-6h", "to": "now"},
        "timepicker": {},
        "annotations": {"list": _annotations()},
        "links": [],
        "templating": {"list": [
            {"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus", "regex": "",
             "current": {}, "hide": 0, "refresh": 1, "multi": False, "includeAll": False, "options": []},
            _variable("job", "label_values(wirewatch_build_info, job)", multi=False),
            _variable("instance", 'label_values(wirewatch_build_info{job="$job"}, instance)', multi=True),
        ]},
        "panels": g.panels,
    }  # fmt: skip


def _annotations() -> list[dict[str, Any]]:
    """Worker starts (restarts and new pods), deploys (a wirewatch version not seen 10 minutes
    earlier) and the Prometheus alerts of the wirewatch rules, on every time series panel."""

    def prometheus(name: str, expr: str, title: str, text: str, color: str, tags: str) -> dict[str, Any]:
        return {"name": name, "datasource": DS, "enable": True, "hide": False, "iconColor": color, "expr": expr, "step": "60s",
                "titleFormat": title, "textFormat": text, "tagKeys": tags, "useValueForTime": False}  # fmt: skip

    return [
        {"name": "Annotations & Alerts", "builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"}, "enable": True,
         "hide": True, "iconColor": "rgba(0, 211, 255, 1)", "type": "dashboard"},
        prometheus("Worker starts", f"(time() - max by (instance) (process_start_time_seconds{{{SEL}}})) < 120",
                   "worker started", "{{instance}}", "blue", "instance"),
        prometheus("Deploys", 'count by (version) (wirewatch_build_info{job="$job"}) '
                   'unless count by (version) (wirewatch_build_info{job="$job"} offset 10m)',
                   "deployed {{version}}", "wirewatch {{version}} first seen", "purple", "version"),
        prometheus("Prometheus alerts", 'ALERTS{alertstate="firing", alertname=~"Wirewatch.*"}',
                   "{{alertname}}", "{{severity}} {{job}} {{instance}}", "red", "alertname,severity"),
    ]  # fmt: skip


def _variable(name: str, query: str, *, multi: bool) -> dict[str, Any]:
    variable: dict[str, Any] = {
        "name": name,
        "label": name,
        "type": "query",
        "datasource": DS,
        "query": {"query": query, "refId": f"{name}-values"},
        "definition": query,
        "refresh": 2,
        "sort": 1,
        "multi": multi,
        "includeAll": multi,
    }
    if multi:
        variable["allValue"] = ".*"
        variable["current"] = {"text": "All", "value": "$__all"}
    return variable


def render() -> str:
    return json.dumps(build(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if args == ["--check"]:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python deploy/grafana/generate.py", file=sys.stderr)
            return 1
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(build()['panels'])} panels and rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
