"""Which dead letters ``wirewatch replay`` sends back, and where (no broker: the selection and its options)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from agents.replay import ReplaySummary, Selection, parse_since, replay, target_of
from agents.tail import Record
from stream.errors import ConfigError
from stream.settings import Settings


def _dead(offset: int, reason: str, error_class: str, *, source: str | None = "wire.stories", at_ms: int = 1_000_000) -> Record:
    headers: list[tuple[str, bytes]] = [("wirewatch-reason", reason.encode()), ("wirewatch-error-class", error_class.encode())]
    if source is not None:
        headers += [
            ("wirewatch-source-topic", source.encode()),
            ("wirewatch-source-partition", b"2"),
            ("wirewatch-source-offset", b"41"),
        ]
    return Record("wire.dlq", 0, offset, at_ms, f"k{offset}".encode(), b'{"id": "x"}', tuple(headers))


RECORDS = [
    _dead(0, "oversized", "MessageSizeTooLargeError", at_ms=1_000_000),
    _dead(1, "oversized", "OversizedError", at_ms=2_000_000),
    _dead(2, "internal_error", "IndexError", at_ms=3_000_000),
    _dead(3, "router_error", "KeyError", source="wire.enriched", at_ms=4_000_000),
    _dead(4, "oversized", "MessageSizeTooLargeError", source=None, at_ms=5_000_000),  # not written by wirewatch
]


@pytest.mark.parametrize(
    ("selection", "offsets"),
    [
        (Selection(), [0, 1, 2, 3]),
        (Selection(reasons=frozenset({"oversized"})), [0, 1]),
        (Selection(reasons=frozenset({"oversized"}), error_classes=frozenset({"MessageSizeTooLargeError"})), [0]),
        (Selection(reasons=frozenset({"internal_error", "router_error"})), [2, 3]),
        (Selection(source_topics=frozenset({"wire.enriched"})), [3]),
        (Selection(since=2_500.0), [2, 3]),
    ],
)
def test_a_selection_keeps_the_dead_letters_every_set_field_matches(selection: Selection, offsets: list[int]) -> None:
    shown: list[str] = []
    summary = replay(Settings.from_env({}), RECORDS, selection, dry_run=True, show=shown.append)
    assert [int(line.split("@", 1)[1].split(" ", 1)[0]) for line in shown] == offsets
    assert summary.read == 5 and summary.matched == len(offsets) and summary.not_dead_letters == 1
    assert summary.sent == 0  # a dry run sends nothing


def test_each_dead_letter_goes_back_to_its_source_topic_unless_told_otherwise() -> None:
    assert target_of(RECORDS[0], None) == "wire.stories"
    assert target_of(RECORDS[3], None) == "wire.enriched"
    assert target_of(RECORDS[3], "wire.stories.retry") == "wire.stories.retry"
    assert target_of(RECORDS[4], "anywhere") is None  # no source header: never replayed


def test_max_caps_the_dead_letters_replayed_and_the_summary_says_where_they_go() -> None:
    summary = replay(Settings.from_env({}), RECORDS, Selection(), dry_run=True, limit=3)
    assert summary.matched == 3
    assert summary.by_target == {"wire.stories": 3}
    assert summary.line(dry_run=True) == (
        "would replay 3 of 5 dead letters (3 matched, 1 records without wirewatch headers skipped) -> wire.stories 3"
    )


def test_a_dry_run_line_names_the_dead_letter_its_reason_its_source_and_its_target() -> None:
    shown: list[str] = []
    replay(Settings.from_env({}), RECORDS[:1], Selection(), dry_run=True, show=shown.append)
    assert shown == ["wire.dlq[0]@0 oversized MessageSizeTooLargeError key=k0 (wire.stories[2]@41) -> wire.stories"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90m", 10_000.0 - 5400),
        ("6h", 10_000.0 - 21_600),
        ("1.5d", 10_000.0 - 129_600),
        ("30s", 9_970.0),
        ("2026-12-06T10:00Z", datetime(2026, 12, 6, 10, tzinfo=UTC).timestamp()),
        ("2026-12-06T10:00:00+02:00", datetime(2026, 12, 6, 8, tzinfo=UTC).timestamp()),
        ("2026-12-06 10:00", datetime(2026, 12, 6, 10, tzinfo=UTC).timestamp()),  # no zone: UTC
    ],
)
def test_since_takes_a_duration_back_from_now_or_an_iso_time(text: str, expected: float) -> None:
    assert parse_since(text, now=10_000.0) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["yesterday", "6 hours", "-2h", ""])
def test_since_names_what_it_expected_when_it_cannot_read_the_value(text: str) -> None:
    with pytest.raises(ConfigError, match="expected a duration"):
        parse_since(text, now=0.0)


def test_an_empty_summary_says_so() -> None:
    assert ReplaySummary().line(dry_run=False) == "replayed 0 of 0 dead letters (0 matched, failed 0) -> -"


def test_every_command_is_in_the_readme_commands_table() -> None:
    import argparse

    from agents.cli import build_parser

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    [sub] = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    missing = [name for name in sub.choices if f"| `wirewatch {name}" not in table]
    assert missing == []


def test_replay_with_an_unreadable_since_is_a_configuration_error(capsys: pytest.CaptureFixture[str]) -> None:
    from agents.cli import main

    assert main(["replay", "--since", "last week"]) == 2
    assert "--since 'last week': expected a duration" in capsys.readouterr().err
