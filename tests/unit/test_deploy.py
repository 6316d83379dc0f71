"""Deployment files, checked without a container engine or Grafana: compose, Kubernetes,
Dockerfile, Grafana dashboard and provisioning, Prometheus config and rule metric names."""

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
K8S = DEPLOY / "k8s"
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


def _k8s() -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for path in sorted(K8S.glob("*.yaml")):
        for doc in _yaml_docs(path):
            out[(doc["kind"], doc["metadata"]["name"] if "metadata" in doc else path.name)] = doc
    return out


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


# -- Kubernetes ----------------------------------------------------------------------------------------


def test_k8s_manifests_parse_and_reference_each_other() -> None:
    objs = _k8s()
    kinds = {kind for kind, _ in objs}
    assert {"Deployment", "Service", "ServiceMonitor", "ConfigMap", "Secret"} <= kinds
    kustomization = objs[("Kustomization", "kustomization.yaml")]
    assert sorted(kustomization["resources"]) == sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")

    deploy = objs[("Deployment", "wirewatch")]
    spec = deploy["spec"]["template"]["spec"]
    assert spec["terminationGracePeriodSeconds"] >= 30
    assert spec["securityContext"]["runAsNonRoot"] is True
    (container,) = spec["containers"]
    port_names = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
        assert container[probe]["httpGet"]["port"] in port_names
    assert container["args"] == ["worker"]

    env_cm = objs[("ConfigMap", container["envFrom"][0]["configMapRef"]["name"])]
    _check_env(env_cm["data"], "k8s ConfigMap")
    assert port_names["metrics"] == int(env_cm["data"]["WIREWATCH_WEB_PORT"])
    assert env_cm["data"]["WIREWATCH_WEB_HOST"] == "0.0.0.0"
    # Replicas beyond the partition count would idle; the manifest says so and stays within it.
    assert deploy["spec"]["replicas"] <= int(env_cm["data"]["WIREWATCH_PARTITIONS"])
    assert "partition" in (K8S / "deployment.yaml").read_text().split("apiVersion")[0].lower()

    secret = objs[("Secret", "wirewatch-kafka")]
    secret_keys = set(secret.get("stringData", {})) | set(secret.get("data", {}))
    for item in container["env"]:
        assert item["name"] in SETTINGS_ENV
        ref = item["valueFrom"]["secretKeyRef"]
        assert ref["name"] == "wirewatch-kafka" and ref["key"] in secret_keys
    assert {"WIREWATCH_SASL_USERNAME", "WIREWATCH_SASL_PASSWORD"} <= {i["name"] for i in container["env"]}
    assert not any("PASSWORD" in k for k in env_cm["data"]), "secrets belong in the Secret, not the ConfigMap"

    pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert deploy["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    service = objs[("Service", "wirewatch")]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert service["spec"]["ports"][0]["name"] == "metrics"
    monitor = objs[("ServiceMonitor", "wirewatch")]
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert monitor["spec"]["endpoints"][0]["port"] == "metrics" and monitor["spec"]["endpoints"][0]["path"] == "/metrics"
    annotations = deploy["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true" and int(annotations["prometheus.io/port"]) == port_names["metrics"]

    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    config_volume = next(v for v in spec["volumes"] if v["name"] == "config")
    config_cm = objs[("ConfigMap", config_volume["configMap"]["name"])]
    subs_path = Path(env_cm["data"]["WIREWATCH_SUBSCRIPTIONS_FILE"])
    assert str(subs_path.parent) == mounts["config"] and subs_path.name in config_cm["data"]
    assert mounts["state"] == env_cm["data"]["WIREWATCH_STATE_DIR"]


def test_k8s_subscriptions_configmap_is_valid(tmp_path: Path) -> None:
    from stream.alerts.subscription import load_subscriptions

    config_cm = _k8s()[("ConfigMap", "wirewatch-config")]
    path = tmp_path / "subscriptions.yaml"
    path.write_text(config_cm["data"]["subscriptions.yaml"], encoding="utf-8")
    assert len(load_subscriptions(path)) >= 1


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


# -- Grafana -------------------------------------------------------------------------------------------


def _datasource_uids() -> set[str]:
    uids = set()
    for path in DATASOURCES.glob("*.yml"):
        for ds in yaml.safe_load(path.read_text(encoding="utf-8"))["datasources"]:
            uids.add(ds["uid"])
    return uids


def test_dashboard_is_generated_and_structurally_valid() -> None:
    sys.path.insert(0, str(DEPLOY / "grafana"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    text = DASHBOARD.read_text(encoding="utf-8")
    assert text == generate.render(), "dashboard JSON is stale: run python deploy/grafana/generate.py"
    doc = json.loads(text)
    uids = _datasource_uids()
    assert doc["uid"] and doc["title"] and isinstance(doc["schemaVersion"], int)
    ids = [p["id"] for p in doc["panels"]]
    assert len(ids) == len(set(ids))
    panels = [p for p in doc["panels"] if p["type"] != "row"]
    assert len(panels) >= 15
    for panel in panels:
        assert panel["datasource"]["uid"] in uids, panel["title"]
        assert panel["targets"], panel["title"]
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24 and grid["h"] > 0
        for target in panel["targets"]:
            assert target["expr"].strip(), f"{panel['title']} {target['refId']} has no expr"
            assert target["datasource"]["uid"] in uids
            assert target["expr"].count("(") == target["expr"].count(")")
    for variable in doc["templating"]["list"]:
        assert variable["datasource"]["uid"] in uids
    titles = " ".join(p["title"].lower() for p in panels)
    for needed in ("throughput", "language", "topic", "region", "countr", "alerts", "dead letter", "lag", "latency",
                   "stage", "rebalance", "event-loop", "cpu", "memory", "build"):  # fmt: skip
        assert needed in titles, f"no panel about {needed}"


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


@pytest.mark.parametrize(
    "path", [PROM_CONFIG, RULES, *RULES_TESTS, ALERTMANAGER, COMPOSE, *sorted(K8S.glob("*.yaml"))], ids=lambda p: p.name
)
def test_yaml_files_parse(path: Path) -> None:
    assert _yaml_docs(path)
