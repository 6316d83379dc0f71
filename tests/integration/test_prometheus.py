"""A real Prometheus scrapes a real worker; every dashboard query and alert rule runs against it.

Also: ``promtool check metrics`` on the worker's scrape, ``promtool check rules`` and
``promtool test rules`` on deploy/prometheus, and the worker's /healthz and /readyz.
Prometheus comes from Debian's ``prometheus`` package; with CI=true a missing binary is
installed (as root) or the test fails, it never skips.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml
from kafka import KafkaProducer

from tests.integration.harness import ROOT, Worker, free_port, fresh_env

DASHBOARD = ROOT / "deploy" / "grafana" / "dashboards" / "wirewatch.json"
RULES = ROOT / "deploy" / "prometheus" / "rules.yml"
RULES_TESTS = sorted((ROOT / "deploy" / "prometheus" / "tests").glob("*.test.yml"))
JOB = "wirewatch"

# What Grafana would substitute; the scrape interval here is 1 s, so a 1 m rate window holds
# plenty of samples, and $__range stands for a short dashboard time range.
GRAFANA_VARIABLES = {
    "__rate_interval": "1m",
    "__interval": "1s",
    "__range": "5m",
    "job": JOB,
    "instance": ".*",
}

# Dashboard queries ("panel title [refId]") that may legitimately return nothing (or only NaN)
# after this test's traffic, with the reason. Every other query must return at least one real number.
MAY_BE_EMPTY = {
    "Alerts held back [A]": "throttling needs more alerts than a subscription allows per minute; this test sends a few",
    "Broker-side consumer lag [A]": "recording rule over kafka_exporter's metrics; this test's Prometheus scrapes only the worker",
    "Broker-side lag in time [A]": "recording rule over kafka_exporter's metrics; this test's Prometheus scrapes only the worker",
    "Spikes by dimension and tier [A]": "a spike needs 3+ stories about one key within an hour, more than this test's "
    "mixed dozen; tests/integration/test_events_e2e.py makes one",
}

# Each alert rule's expression against this test's traffic: "fires" (must return data),
# "quiet" (must return nothing) or "either" (timing-dependent), with the reason.
RULE_EXPECTATIONS: dict[str, tuple[str, str]] = {
    "wirewatch:consumer_partition_lag_messages:max": ("quiet", "no KMinion here (promtool tests it on its series)"),
    "wirewatch:consumer_lag_messages:sum": ("quiet", "no KMinion here"),
    "wirewatch:consumer_consumed_messages:rate5m": ("quiet", "no KMinion here"),
    "wirewatch:consumer_lag_seconds:max": ("quiet", "no KMinion here"),
    "WirewatchConsumerLagGrowing": ("quiet", "no KMinion here"),
    "WirewatchLagExporterDown": ("fires", "no KMinion is scraped in this test"),
    "WirewatchWorkerLagGrowing": ("quiet", "a dozen stories never make the lag exceed 1000"),
    "WirewatchAllWorkersDown": ("quiet", "the worker is up for the whole test"),
    "WirewatchWorkerDown": ("quiet", "the worker is up for the whole test"),
    "WirewatchPipelineStalled": ("quiet", "the test's stories are enriched"),
    "WirewatchEventsStalled": ("quiet", "the events agent passes the test's stories on"),
    "WirewatchSubscriptionSilent": ("quiet", "no subscription sent 120 alerts in the last day"),
    "WirewatchNoInput": ("quiet", "the test publishes stories within the 15 minute window"),
    "WirewatchInternalErrors": ("quiet", "malformed input is never an internal error"),
    "WirewatchDeadLetterRateHigh": ("fires", "a third of the test's input is malformed and dead-lettered"),
    "WirewatchAlertLatencyBudgetFastBurn": ("either", "the first alert may wait for lazily loaded detectors"),
    "WirewatchAlertLatencyBudgetSlowBurn": ("either", "the first alert may wait for lazily loaded detectors"),
    "WirewatchEnrichLatencyHigh": ("either", "the first stories may wait for lazily loaded detectors"),
    "WirewatchEventLoopStalled": ("either", "loading detectors on the first story blocks the event loop"),
}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def good_stories(batch: int) -> list[dict[str, Any]]:
    """Stories that exercise every labelled metric: languages, topics, countries, regions, alerts,
    and one whose provider-given language is wrong."""
    return [
        {"id": f"prom-{batch}-quake", "language": "de", "versioncreated": _now(),
         "headline": "Strong earthquake shakes northern Chile",
         "body": "A magnitude 6.9 earthquake struck off the coast of northern Chile, damaging houses in Antofagasta "
                 "and cutting power to thousands of homes, emergency officials said."},
        {"id": f"prom-{batch}-budget", "versioncreated": _now(),
         "headline": "Le Parlement adopte le budget de l'an prochain",
         "body": "Les députés ont voté mardi à Paris le projet de budget après de longs débats sur les impôts "
                 "et les dépenses publiques."},
        {"id": f"prom-{batch}-talks", "versioncreated": _now(),
         "headline": "Armenian and Azerbaijani ministers resume peace talks",
         "body": "The foreign ministers of Armenia and Azerbaijan met in Tbilisi to discuss a ceasefire along "
                 "their border and the return of displaced families."},
        {"id": f"prom-{batch}-rates", "versioncreated": _now(),
         "headline": "Banco central mantém juros",
         "body": "O banco central do Brasil manteve a taxa básica de juros nesta quarta-feira em Brasília, "
                 "citando a inflação ainda elevada."},
    ]  # fmt: skip


BAD = [
    b'{"id": "prom-bad-json", "headline": "cut off',
    b"\xc3\x28 not utf-8 \xff",
]


def _binary(name: str) -> str | None:
    return shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)


@pytest.fixture(scope="module")
def binaries() -> tuple[str, str]:
    ci = os.environ.get("CI", "").lower() == "true"
    prometheus, promtool = _binary("prometheus"), _binary("promtool")
    if (prometheus is None or promtool is None) and ci and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], env=env, check=False, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-q", "prometheus"], env=env, check=False, capture_output=True, timeout=600)
        prometheus, promtool = _binary("prometheus"), _binary("promtool")
    if prometheus is None or promtool is None:
        message = "prometheus/promtool not found; install Debian's package: apt-get install -y prometheus"
        if ci:
            pytest.fail(message + " (CI=true: this test never skips)")
        pytest.skip(message)
    return prometheus, promtool


@dataclass
class Prometheus:
    url: str
    proc: subprocess.Popen[bytes]
    log_path: Path

    def api(self, path: str, **params: str) -> Any:
        query = ("?" + urllib.parse.urlencode(params)) if params else ""
        try:
            with urllib.request.urlopen(f"{self.url}/api/v1/{path}{query}", timeout=10) as resp:
                body = json.load(resp)
        except urllib.error.HTTPError as exc:
            body = json.loads(exc.read() or b"{}")
        return body

    def query(self, expr: str) -> list[dict[str, Any]]:
        body = self.api("query", query=expr)
        if body.get("status") != "success":
            raise AssertionError(f"query failed: {body.get('errorType')}: {body.get('error')}\n  {expr}")
        result: list[dict[str, Any]] = body["data"]["result"]
        return result

    def wait_for(self, expr: str, predicate: Any, timeout: float = 30) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        result: list[dict[str, Any]] = []
        while time.monotonic() < deadline:
            result = self.query(expr)
            if predicate(result):
                return result
            time.sleep(0.5)
        raise AssertionError(f"timed out waiting on {expr}: last result {result}\n{self.log_tail()}")

    def log_tail(self) -> str:
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-30:])


@pytest.fixture(scope="module")
def worker(bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Worker]:
    tmp = tmp_path_factory.mktemp("prom-worker")
    w = Worker(fresh_env(bootstrap, tmp / "state"), tmp / "worker.log").start()
    yield w
    w.stop()


@pytest.fixture(scope="module")
def prometheus(binaries: tuple[str, str], worker: Worker, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Prometheus]:
    tmp = tmp_path_factory.mktemp("prometheus")
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s", "scrape_timeout": "1s"},
        "rule_files": [str(RULES)],
        "scrape_configs": [{"job_name": JOB, "static_configs": [{"targets": [f"127.0.0.1:{worker.env['WIREWATCH_WEB_PORT']}"]}]}],
    }
    (tmp / "prometheus.yml").write_text(yaml.safe_dump(config))
    port = free_port()
    log_path = tmp / "prometheus.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [binaries[0], f"--config.file={tmp / 'prometheus.yml'}", f"--storage.tsdb.path={tmp / 'data'}",
             f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"],
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    prom = Prometheus(f"http://127.0.0.1:{port}", proc, log_path)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise AssertionError(f"prometheus exited with {proc.returncode}:\n{prom.log_tail()}")
            try:
                with urllib.request.urlopen(f"{prom.url}/-/ready", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(f"prometheus not ready in 30s:\n{prom.log_tail()}")
            time.sleep(0.3)
        yield prom
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def traffic(worker: Worker, prometheus: Prometheus) -> int:
    """Publishes two batches a few scrapes apart, so counters born in batch one rise in batch two."""
    prometheus.wait_for(f'up{{job="{JOB}"}} == 1', lambda r: len(r) == 1)
    settings = worker.settings
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap_list)
    sent = 0
    for batch in (1, 2):
        for story in good_stories(batch):
            producer.send(settings.topic_stories, key=story["id"].encode(), value=json.dumps(story, ensure_ascii=False).encode())
            sent += 1
        for raw in BAD:
            producer.send(settings.topic_stories, value=raw)
            sent += 1
        if batch == 2:
            # The same story version again: the router counts it as a duplicate instead of re-alerting.
            again = good_stories(1)[0]
            producer.send(settings.topic_stories, key=again["id"].encode(), value=json.dumps(again, ensure_ascii=False).encode())
            sent += 1
        producer.flush()
        expected = sent
        prometheus.wait_for(
            f'sum(wirewatch_messages_received_total{{job="{JOB}"}})',
            lambda r, n=expected: bool(r) and float(r[0]["value"][1]) >= n,
        )
        time.sleep(3)  # a few more scrapes after the batch is in
    producer.close()
    # Enrichment and alerts finish after the receive counter moves; wait until they are scraped too.
    prometheus.wait_for(
        f'sum(wirewatch_stories_enriched_total{{job="{JOB}"}}) + sum(wirewatch_dead_letters_total{{job="{JOB}"}})',
        lambda r: bool(r) and float(r[0]["value"][1]) >= sent,
    )
    time.sleep(3)
    return sent


def substitute(expr: str) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if name not in GRAFANA_VARIABLES:
            raise AssertionError(f"unknown Grafana variable ${name} in {expr}")
        return GRAFANA_VARIABLES[name]

    return re.sub(r"\$\{(\w+)\}|\$(\w+)", one, expr)


def dashboard_targets() -> list[tuple[str, str, str]]:
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    out = []
    for panel in doc["panels"]:
        for target in panel.get("targets", ()):
            out.append((panel["title"], target["refId"], target["expr"]))
    return out


def dashboard_annotations() -> list[tuple[str, str]]:
    doc = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return [(a["name"], a["expr"]) for a in doc["annotations"]["list"] if "expr" in a]


def rule_exprs() -> list[tuple[str, str]]:
    doc = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return [(rule.get("alert") or rule["record"], rule["expr"]) for group in doc["groups"] for rule in group["rules"]]


def has_number(result: list[dict[str, Any]]) -> bool:
    return any(not math.isnan(float(series["value"][1])) for series in result)


# -- promtool, no worker needed ----------------------------------------------------------------------


def test_promtool_checks_and_unit_tests_the_rules(binaries: tuple[str, str]) -> None:
    promtool = binaries[1]
    check = subprocess.run([promtool, "check", "rules", str(RULES)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    assert len(RULES_TESTS) >= 4
    unit = subprocess.run(
        [promtool, "test", "rules", *map(str, RULES_TESTS)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert unit.returncode == 0, unit.stdout + unit.stderr
    assert unit.stdout.count("SUCCESS") == len(RULES_TESTS), unit.stdout


def test_promtool_checks_the_compose_prometheus_config(binaries: tuple[str, str], tmp_path: Path) -> None:
    # The compose file mounts rules.yml at /etc/prometheus/rules.yml; point at the real file here.
    config = yaml.safe_load((ROOT / "deploy" / "prometheus" / "prometheus.yml").read_text(encoding="utf-8"))
    config["rule_files"] = [str(RULES)]
    (tmp_path / "prometheus.yml").write_text(yaml.safe_dump(config))
    check = subprocess.run(
        [binaries[1], "check", "config", str(tmp_path / "prometheus.yml")], capture_output=True, text=True, timeout=60
    )
    assert check.returncode == 0, check.stdout + check.stderr


# -- a live worker ---------------------------------------------------------------------------------


def test_health_endpoints(worker: Worker) -> None:
    status, body = worker.get("/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"
    status, body = worker.get("/readyz")
    facts = json.loads(body)
    assert status == 200, facts
    assert facts["status"] == "ready" and facts["started"] is True
    assert facts["assigned_partitions"] >= 1 and facts["tables_recovered"] is True and facts["rebalancing"] is False


def test_promtool_accepts_the_worker_scrape(binaries: tuple[str, str], worker: Worker, traffic: int) -> None:
    status, text = worker.get("/metrics")
    assert status == 200
    lint = subprocess.run([binaries[1], "check", "metrics"], input=text, capture_output=True, text=True, timeout=60)
    assert lint.returncode == 0 and not lint.stdout.strip(), lint.stdout + lint.stderr
    for needed in ("wirewatch_consumer_lag_messages{", "process_cpu_seconds_total ", "faust_events_runtime_seconds_count "):
        assert needed in text, f"{needed} missing from the scrape"
    assert "password" not in text.lower()


def test_every_dashboard_query_runs_and_has_data(prometheus: Prometheus, traffic: int) -> None:
    targets = dashboard_targets()
    keys = {f"{title} [{ref}]" for title, ref, _ in targets}
    assert set(MAY_BE_EMPTY) <= keys, f"stale MAY_BE_EMPTY entries: {set(MAY_BE_EMPTY) - keys}"
    errors, empty = [], []
    for title, ref, expr in targets:
        try:
            result = prometheus.query(substitute(expr))
        except AssertionError as exc:
            errors.append(f"{title} [{ref}]: {exc}")
            continue
        if f"{title} [{ref}]" not in MAY_BE_EMPTY and not has_number(result):
            empty.append(f"{title} [{ref}]: {substitute(expr)} -> {result}")
    assert not errors, "\n".join(errors)
    assert not empty, "panels without data:\n" + "\n".join(empty)


def test_every_rule_expression_runs_as_expected(prometheus: Prometheus, traffic: int) -> None:
    rules = rule_exprs()
    assert {name for name, _ in rules} == set(RULE_EXPECTATIONS), "RULE_EXPECTATIONS must classify every rule"
    problems = []
    for name, expr in rules:
        expectation, reason = RULE_EXPECTATIONS[name]
        try:
            result = prometheus.query(expr)
        except AssertionError as exc:
            problems.append(f"{name}: {exc}")
            continue
        if expectation == "fires" and not result:
            problems.append(f"{name} should return data ({reason}) but returned nothing")
        if expectation == "quiet" and result:
            problems.append(f"{name} should return nothing ({reason}) but returned {result}")
    assert not problems, "\n".join(problems)
    # Prometheus itself evaluates the loaded rule file every second: no evaluation errors.
    groups = prometheus.api("rules")["data"]["groups"]
    loaded = {rule["name"]: rule for group in groups for rule in group["rules"]}
    assert set(loaded) == set(RULE_EXPECTATIONS)
    assert all(rule["health"] != "err" for rule in loaded.values()), {n: r.get("lastError") for n, r in loaded.items()}


def test_the_scrape_target_is_healthy(prometheus: Prometheus, traffic: int) -> None:
    targets = prometheus.api("targets")["data"]["activeTargets"]
    assert [t["health"] for t in targets if t["labels"]["job"] == JOB] == ["up"], targets


def test_every_dashboard_annotation_query_runs(prometheus: Prometheus, traffic: int) -> None:
    # Annotations mark events (starts, deploys, firing alerts): valid PromQL, data only when one happened.
    annotations = dashboard_annotations()
    assert annotations
    errors = []
    for name, expr in annotations:
        try:
            prometheus.query(substitute(expr))
        except AssertionError as exc:
            errors.append(f"{name}: {exc}")
    assert not errors, "\n".join(errors)
    # This Prometheus has never seen the worker's version before: a deploy.
    expr = dict(annotations)["Deploys"]
    assert prometheus.query(substitute(expr)), f"the Deploys annotation found no event: {expr}"
