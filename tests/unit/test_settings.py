from __future__ import annotations

from pathlib import Path

import pytest

from stream.errors import ConfigError
from stream.settings import Settings


def test_defaults_without_environment() -> None:
    s = Settings.from_env({})
    assert s.bootstrap_servers == "127.0.0.1:9092"
    assert (s.topic_stories, s.topic_enriched, s.topic_dlq) == ("wire.stories", "wire.enriched", "wire.dlq")
    assert s.partitions == 6


def test_environment_is_read_and_converted() -> None:
    s = Settings.from_env(
        {
            "WIREWATCH_BOOTSTRAP_SERVERS": "a:1, b:2",
            "WIREWATCH_PARTITIONS": "12",
            "WIREWATCH_STATE_DIR": "/tmp/ww-state",
            "WIREWATCH_TOPIC_STORIES": "in",
        }
    )
    assert s.bootstrap_list == ["a:1", "b:2"]
    assert s.partitions == 12
    assert s.state_dir == Path("/tmp/ww-state")
    assert s.topic_stories == "in"
    assert s.alert_topic("south-caucasus") == "alerts.south-caucasus"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"WIREWATCH_PARTITIONS": "six"}, "WIREWATCH_PARTITIONS: 'six' is not an integer"),
        ({"WIREWATCH_PARTITIONS": "0"}, "WIREWATCH_PARTITIONS: must be at least 1"),
        ({"WIREWATCH_LOG_LEVEL": "loud"}, "WIREWATCH_LOG_LEVEL: 'loud' is not one of debug, info, warning, error"),
        ({"WIREWATCH_SECURITY_PROTOCOL": "TLS"}, "is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"),
        ({"WIREWATCH_WEB_PORT": "70000"}, "WIREWATCH_WEB_PORT: must be a TCP port"),
    ],
)
def test_invalid_values_name_the_variable_and_the_allowed_values(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env(env)
    assert message in str(info.value)


def test_secrets_are_masked_in_repr_and_listing() -> None:
    s = Settings.from_env({"WIREWATCH_SASL_PASSWORD": "hunter2", "WIREWATCH_SSL_PASSWORD": "k3y"})
    assert "hunter2" not in repr(s) and "k3y" not in repr(s)
    assert s.masked()["WIREWATCH_SASL_PASSWORD"] == "****"
    assert s.sasl_password == "hunter2"


def test_every_setting_is_documented_with_a_wirewatch_variable() -> None:
    rows = Settings.describe()
    names = [env for env, _, _ in rows]
    assert len(names) == len(set(names))
    assert all(env.startswith("WIREWATCH_") and doc for env, _, doc in rows)


def test_readme_documents_every_setting() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    missing = [env for env, _, _ in Settings.describe() if f"`{env}`" not in readme]
    assert not missing, f"README lacks {missing}"
