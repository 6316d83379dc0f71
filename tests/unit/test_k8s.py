"""Kubernetes manifests (deploy/k8s), rendered by kustomize as `kubectl apply -k` would, then
checked against the Kubernetes API schemas (kubernetes-validate) and against each other.

The render needs `kubectl` (it bundles kustomize) or `kustomize`; with CI=true a missing binary
fails, it never skips. Custom resources (KEDA, Prometheus Operator) have no bundled schema and
are checked field by field.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from stream.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
README = ROOT / "deploy" / "README.md"
KUBERNETES_VERSION = "1.30.0"  # the oldest release still in upstream support when this was written
SETTINGS_ENV = {f.metadata["env"] for f in Settings.__dataclass_fields__.values()}
CUSTOM = {"ScaledObject", "TriggerAuthentication", "ServiceMonitor", "PrometheusRule"}
POD_LABELS = {"app.kubernetes.io/name": "wirewatch", "app.kubernetes.io/component": "worker"}


def _kustomize_command(path: Path) -> list[str]:
    if kubectl := shutil.which("kubectl"):
        return [kubectl, "kustomize", str(path)]
    if kustomize := shutil.which("kustomize"):
        return [kustomize, "build", str(path)]
    message = "neither kubectl nor kustomize is installed; kubectl bundles kustomize"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message + " (CI=true: this test never skips)")
    pytest.skip(message)


def _render(path: Path = K8S) -> list[dict[str, Any]]:
    done = subprocess.run(_kustomize_command(path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return [d for d in yaml.safe_load_all(done.stdout) if d]


@cache
def _rendered() -> tuple[dict[str, Any], ...]:
    return tuple(_render())


def _one(kind: str, name: str | None = None) -> dict[str, Any]:
    """The one resource of ``kind`` named ``name``; without a name, the worker's own (KMinion has one of each too)."""
    if name is None and kind in ("Deployment", "Service", "ServiceMonitor", "NetworkPolicy"):
        name = "wirewatch"
    found = [d for d in _rendered() if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


def _env() -> dict[str, str]:
    return _one("ConfigMap", _container()["envFrom"][0]["configMapRef"]["name"])["data"]


def _container() -> dict[str, Any]:
    (container,) = _one("Deployment")["spec"]["template"]["spec"]["containers"]
    return container


def _bootstrap_ports(env: dict[str, str]) -> set[int]:
    return {int(server.rsplit(":", 1)[1]) for server in env["WIREWATCH_BOOTSTRAP_SERVERS"].split(",")}


def test_every_rendered_object_is_valid_for_the_kubernetes_api() -> None:
    objs = _rendered()
    kinds = {d["kind"] for d in objs}
    assert {"Namespace", "Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy"} <= kinds
    assert kinds >= CUSTOM
    for doc in objs:
        if doc["kind"] in CUSTOM:
            continue
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{doc['kind']} {doc['metadata']['name']}: {exc.message} at {'/'.join(map(str, exc.path))}")
        if doc["kind"] != "Namespace":
            assert doc["metadata"]["namespace"] == "wirewatch", doc["metadata"]["name"]
    names = [(d["kind"], d["metadata"]["name"]) for d in objs]
    assert len(names) == len(set(names))


def test_no_secret_is_rendered_so_apply_never_overwrites_the_credentials() -> None:
    assert not [d for d in _rendered() if d["kind"] == "Secret"], "a rendered Secret would overwrite the real one on apply"
    secret_keys = {"WIREWATCH_SASL_USERNAME", "WIREWATCH_SASL_PASSWORD"}
    refs = {(e["valueFrom"]["secretKeyRef"]["name"], e["valueFrom"]["secretKeyRef"]["key"]) for e in _container()["env"]}
    assert {e["name"] for e in _container()["env"]} == secret_keys
    assert refs == {("wirewatch-kafka", key) for key in secret_keys}
    auth = _one("TriggerAuthentication")["spec"]["secretTargetRef"]
    assert {(r["parameter"], r["name"], r["key"]) for r in auth} == {
        ("username", "wirewatch-kafka", "WIREWATCH_SASL_USERNAME"),
        ("password", "wirewatch-kafka", "WIREWATCH_SASL_PASSWORD"),
    }
    # The README creates the Secret itself, idempotently, before applying the manifests.
    steps = README.read_text(encoding="utf-8").split("## Running on Kubernetes")[1].split("\n## ")[0]
    create = steps.index("create secret generic wirewatch-kafka")
    assert "--dry-run=client -o yaml | kubectl apply -f -" in steps[create : create + 400]
    assert create < steps.index("kubectl apply -k deploy/k8s")
    assert "set-me" not in steps and "secret.yaml" not in steps
    assert not any("PASSWORD" in key for key in _env()), "secrets belong in the Secret, not the ConfigMap"


def test_settings_and_subscriptions_come_from_generated_configmaps(tmp_path: Path) -> None:
    from stream.alerts.subscription import load_subscriptions

    env = _env()
    unknown = {k for k in env if k.startswith("WIREWATCH_")} - SETTINGS_ENV
    assert not unknown, f"wirewatch.env sets variables that stream.settings.Settings does not read: {sorted(unknown)}"
    Settings.from_env(env)
    assert set(env) <= SETTINGS_ENV
    container, deploy = _container(), _one("Deployment")
    assert env["WIREWATCH_WEB_HOST"] == "0.0.0.0"
    assert {p["name"]: p["containerPort"] for p in container["ports"]}["metrics"] == int(env["WIREWATCH_WEB_PORT"])
    mounts = {m["name"]: m["mountPath"] for m in container["volumeMounts"]}
    assert mounts["state"] == env["WIREWATCH_STATE_DIR"]
    config_volume = next(v for v in deploy["spec"]["template"]["spec"]["volumes"] if v["name"] == "config")
    config = _one("ConfigMap", config_volume["configMap"]["name"])
    subs_path = Path(env["WIREWATCH_SUBSCRIPTIONS_FILE"])
    assert str(subs_path.parent) == mounts["config"] and subs_path.name in config["data"]
    path = tmp_path / "subscriptions.yaml"
    path.write_text(config["data"][subs_path.name], encoding="utf-8")
    assert len(load_subscriptions(path)) >= 1
    # Generated names carry a content hash that the Deployment follows: an edit rolls the pods.
    for name in (container["envFrom"][0]["configMapRef"]["name"], config["metadata"]["name"]):
        assert re.fullmatch(r"wirewatch-(env|config)-[a-z0-9]{10}", name), name


def test_editing_the_settings_renames_the_configmap_and_so_rolls_the_pods(tmp_path: Path) -> None:
    copy = tmp_path / "deploy"
    shutil.copytree(ROOT / "deploy", copy, ignore=shutil.ignore_patterns("__pycache__", "dashboards"))
    env_file = copy / "k8s" / "wirewatch.env"
    env_file.write_text(env_file.read_text().replace("WIREWATCH_LOG_LEVEL=info", "WIREWATCH_LOG_LEVEL=debug"))
    edited = _render(copy / "k8s")
    (deploy,) = [d for d in edited if d["kind"] == "Deployment" and d["metadata"]["name"] == "wirewatch"]
    (container,) = deploy["spec"]["template"]["spec"]["containers"]
    before = _container()["envFrom"][0]["configMapRef"]["name"]
    after = container["envFrom"][0]["configMapRef"]["name"]
    assert before != after and after in {d["metadata"]["name"] for d in edited if d["kind"] == "ConfigMap"}


def test_deployment_probes_security_and_spread() -> None:
    deploy = _one("Deployment")
    spec, container = deploy["spec"]["template"]["spec"], _container()
    assert spec["terminationGracePeriodSeconds"] >= 30 and spec["securityContext"]["runAsNonRoot"] is True
    assert container["args"] == ["worker"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    pod_labels = deploy["spec"]["template"]["metadata"]["labels"]
    assert POD_LABELS.items() <= pod_labels.items()
    assert deploy["spec"]["selector"]["matchLabels"] == POD_LABELS
    spread = {c["topologyKey"]: c for c in spec["topologySpreadConstraints"]}
    assert {"topology.kubernetes.io/zone", "kubernetes.io/hostname"} <= set(spread)
    for constraint in spread.values():
        assert constraint["labelSelector"]["matchLabels"].items() <= pod_labels.items()
    # Replicas beyond the partition count idle; the manifest says so.
    assert "partition" in (K8S / "deployment.yaml").read_text().split("apiVersion")[0].lower()
    source = yaml.safe_load((K8S / "deployment.yaml").read_text())
    assert source["spec"]["replicas"] <= int(_env()["WIREWATCH_PARTITIONS"])
    annotations = deploy["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true" and annotations["prometheus.io/port"] == _env()["WIREWATCH_WEB_PORT"]


def test_pod_disruption_budget_takes_one_worker_at_a_time() -> None:
    pdb = _one("PodDisruptionBudget")
    assert pdb["spec"]["selector"]["matchLabels"] == POD_LABELS
    assert pdb["spec"].get("maxUnavailable") == 1


def test_keda_scales_on_consumer_lag_up_to_the_partition_count() -> None:
    scaled, env = _one("ScaledObject"), _env()
    assert scaled["apiVersion"] == "keda.sh/v1alpha1"
    assert scaled["spec"]["scaleTargetRef"]["name"] == _one("Deployment")["metadata"]["name"]
    assert 1 <= scaled["spec"]["minReplicaCount"] <= scaled["spec"]["maxReplicaCount"]
    assert scaled["spec"]["maxReplicaCount"] == int(env["WIREWATCH_PARTITIONS"]), "more replicas than partitions idle"
    assert "replicas" not in _one("Deployment")["spec"], "the ScaledObject owns the replica count"
    (trigger,) = scaled["spec"]["triggers"]
    meta = trigger["metadata"]
    assert trigger["type"] == "kafka"
    assert meta["bootstrapServers"] == env["WIREWATCH_BOOTSTRAP_SERVERS"]
    assert meta["consumerGroup"] == env["WIREWATCH_APP_ID"] and meta["topic"] == env["WIREWATCH_TOPIC_STORIES"]
    assert int(meta["lagThreshold"]) > 0 and meta.get("allowIdleConsumers", "false") == "false"
    protocol = env["WIREWATCH_SECURITY_PROTOCOL"]
    assert meta.get("tls", "disable") == ("enable" if "SSL" in protocol else "disable")
    if protocol.startswith("SASL"):
        assert meta["sasl"] == env["WIREWATCH_SASL_MECHANISM"].lower().replace("-", "_").replace("scram_sha_", "scram_sha")
    assert trigger["authenticationRef"]["name"] == _one("TriggerAuthentication")["metadata"]["name"]
    for policy in ("scaleUp", "scaleDown"):
        rules = scaled["spec"]["advanced"]["horizontalPodAutoscalerConfig"]["behavior"][policy]["policies"]
        assert all(r["type"] == "Pods" and r["value"] == 1 for r in rules), "one rebalance at a time"


def test_network_policy_admits_scrapes_only_and_reaches_kafka_and_dns() -> None:
    policy, env = _one("NetworkPolicy")["spec"], _env()
    assert policy["podSelector"]["matchLabels"] == POD_LABELS
    assert sorted(policy["policyTypes"]) == ["Egress", "Ingress"]
    (ingress,) = policy["ingress"]
    assert ingress["from"], "an empty 'from' admits everyone"
    assert [p["port"] for p in ingress["ports"]] == ["metrics"]
    egress_ports = set()
    for rule in policy["egress"]:
        assert rule.get("to"), "an empty 'to' allows every destination"
        egress_ports |= {(p["port"], p["protocol"]) for p in rule["ports"]}
    assert {(port, "TCP") for port in _bootstrap_ports(env)} | {(53, "UDP"), (53, "TCP")} == egress_ports


def test_monitoring_resources_match_the_service_and_the_rule_files() -> None:
    service, monitor = _one("Service"), _one("ServiceMonitor")
    assert service["spec"]["selector"].items() <= _one("Deployment")["spec"]["template"]["metadata"]["labels"].items()
    assert service["spec"]["ports"][0]["name"] == "metrics"
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert monitor["spec"]["endpoints"][0]["port"] == "metrics" and monitor["spec"]["endpoints"][0]["path"] == "/metrics"
    # The job label the rules expect is the Service's name.
    assert service["metadata"]["name"] == "wirewatch"

    # Loaded from its path: deploy/grafana has a generate.py too.
    spec = importlib.util.spec_from_file_location("k8s_generate", K8S / "generate.py")
    assert spec and spec.loader
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    committed = (K8S / "monitoring" / "prometheusrule.yaml").read_text(encoding="utf-8")
    assert committed == generate.render(), "prometheusrule.yaml is stale: run python deploy/k8s/generate.py"
    rule = _one("PrometheusRule")
    groups = [g for path in generate.rule_files() for g in yaml.safe_load(path.read_text(encoding="utf-8"))["groups"]]
    assert rule["spec"]["groups"] == groups and groups
    assert rule["apiVersion"] == "monitoring.coreos.com/v1"


def test_kminion_exports_the_broker_side_lag_the_rules_read() -> None:
    deployment, service, monitor = _one("Deployment", "kminion"), _one("Service", "kminion"), _one("ServiceMonitor", "kminion")
    # The lag rules select job="kminion"; with the Operator the job label is the Service name.
    rules = (ROOT / "deploy" / "prometheus" / "rules.yml").read_text(encoding="utf-8")
    assert 'job="kminion"' in rules and service["metadata"]["name"] == "kminion"
    assert monitor["spec"]["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert service["spec"]["selector"].items() <= deployment["spec"]["template"]["metadata"]["labels"].items()
    env = {e["name"]: e for e in deployment["spec"]["template"]["spec"]["containers"][0]["env"]}
    # Same brokers, mechanism and Secret as the workers, so the exporter sees the workers' cluster.
    worker_env = _env()
    assert env["KAFKA_BROKERS"]["value"] == worker_env["WIREWATCH_BOOTSTRAP_SERVERS"]
    assert env["KAFKA_SASL_MECHANISM"]["value"] == worker_env["WIREWATCH_SASL_MECHANISM"]
    assert env["KAFKA_SASL_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == "wirewatch-kafka"
    assert env["MINION_CONSUMERGROUPS_ALLOWEDGROUPS"]["value"] == worker_env.get("WIREWATCH_APP_ID", "wirewatch")
    policy = _one("NetworkPolicy", "kminion")
    assert policy["spec"]["policyTypes"] == ["Ingress", "Egress"]


@pytest.mark.parametrize("path", sorted(K8S.rglob("*.yaml")), ids=lambda p: str(p.relative_to(K8S)))
def test_yaml_files_parse(path: Path) -> None:
    assert [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d]
