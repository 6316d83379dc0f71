"""CLI input errors: one stderr line per bad input naming the file (and line or item), exit 1, and the
rest of the batch still processed. No input makes ``classify`` or ``publish`` print a traceback.

``classify`` runs offline; ``publish`` runs against a fake producer (the broker is not what is tested).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agents import kafka_client
from agents.cli import main
from agents.publish import Input, Unreadable, read_inputs

GOOD_A = {"id": "good-a", "headline": "Earthquake shakes Chile", "body": "A strong earthquake struck northern Chile."}
GOOD_B = {"id": "good-b", "headline": "Talks in Paris", "body": "Ministers met in Paris for ceasefire talks."}
HUGE_INT = "9" * 5000  # beyond Python's 4300-digit limit for int(str)


def _classify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], list[str]]:
    status = main(["classify", "--json", *args])
    out, err = capsys.readouterr()
    return status, [json.loads(line)["id"] for line in out.splitlines()], err.splitlines()


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_huge_integer_fails_its_item_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    batch = f'[{json.dumps(GOOD_A)}, {{"id": "bad", "headline": "x", "urgency": {HUGE_INT}}}, {json.dumps(GOOD_B)}]'
    path = _write(tmp_path / "batch.json", batch)
    status, ids, errors = _classify(capsys, path)
    assert status == 1
    assert ids == ["good-a", "good-b"]
    assert errors == [f"{path}[1]: invalid_format: invalid JSON: an integer longer than 4300 digits"]


def test_an_out_of_range_integer_is_reported_without_printing_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "one.json", f'{{"id": "x", "headline": "h", "urgency": {"9" * 4000}}}')
    status, ids, errors = _classify(capsys, path)
    assert (status, ids) == (1, [])
    assert errors == [f"{path}: invalid_field: field 'urgency' must be between 0 and 9, got an integer of 4000 digits"]


def test_every_kind_of_bad_input_is_one_line_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = _write(tmp_path / "good.json", json.dumps(GOOD_A))
    missing = str(tmp_path / "missing.json")
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    (empty_dir / "notes.md").write_text("not an input suffix")
    empty_array = _write(tmp_path / "empty.json", " [ ]\n")
    blank = _write(tmp_path / "blank.jsonl", "\n  \n")
    lines = _write(
        tmp_path / "mixed.jsonl",
        "\n".join([json.dumps(GOOD_B), "", "{not json", '{"id": "u", "headline": "h", "urgency": "soon"}', ""]),
    )
    status, ids, errors = _classify(capsys, missing, good, str(empty_dir), empty_array, blank, lines)
    assert status == 1
    assert ids == ["good-a", "good-b"]
    assert errors == [
        f"{missing}: no such file or directory",
        f"{empty_dir}: no input files (*.json, *.jsonl, *.ndjson, *.txt, *.xml)",
        f"{empty_array}: no stories (empty array)",
        f"{blank}: no stories (no non-blank lines)",
        f"{lines}:3: invalid_format: invalid JSON at line 1 column 2: Expecting property name enclosed in double quotes",
        f"{lines}:4: invalid_field: field 'urgency' must be an integer 0..9, got string 'soon'",
    ]


def test_json_lines_in_a_json_file_are_named_by_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "day.json", f"{json.dumps(GOOD_A)}\n\n[1, 2\n{json.dumps(GOOD_B)}\n")
    status, ids, errors = _classify(capsys, path)
    assert (status, ids) == (1, ["good-a", "good-b"])
    assert len(errors) == 1 and errors[0].startswith(f"{path}:3: invalid_format: ")


def test_an_unreadable_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = _write(tmp_path / "locked.json", json.dumps(GOOD_B))
    good = _write(tmp_path / "good.json", json.dumps(GOOD_A))
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.json":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    status, ids, errors = _classify(capsys, locked, good)
    assert (status, ids) == (1, ["good-a"])
    assert errors == [f"{locked}: cannot read: Permission denied"]


def test_a_clean_batch_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path / "two.json", json.dumps([GOOD_A, GOOD_B]))
    assert _classify(capsys, path) == (0, ["good-a", "good-b"], [])


def test_read_inputs_names_items_by_index_and_lines_by_number(tmp_path: Path) -> None:
    array = _write(tmp_path / "a.json", json.dumps([GOOD_A, GOOD_B], indent=2))
    lines = _write(tmp_path / "b.json", f"\n{json.dumps(GOOD_A)}\n{json.dumps(GOOD_B)}\n")
    items = list(read_inputs([array, lines], "auto"))
    assert all(isinstance(i, Input) for i in items)
    assert [i.origin for i in items if isinstance(i, Input)] == [f"{array}[0]", f"{array}[1]", f"{lines}:2", f"{lines}:3"]
    assert list(read_inputs([str(tmp_path / "nope")], "auto")) == [
        Unreadable(str(tmp_path / "nope"), "no such file or directory")
    ]


def test_classify_from_stdin_without_a_traceback() -> None:
    batch = f'[{json.dumps(GOOD_A)}, {{"id": 1, "urgency": {HUGE_INT}}}]'.encode()
    result = subprocess.run(
        [sys.executable, "-m", "agents.cli", "classify", "--json", "-", str(Path("/nonexistent/story.json"))],
        input=batch,
        capture_output=True,
        check=False,
    )
    err = result.stderr.decode()
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["good-a"]
    assert err.splitlines() == [
        "<stdin>[1]: invalid_format: invalid JSON: an integer longer than 4300 digits",
        "/nonexistent/story.json: no such file or directory",
    ]
    assert "Traceback" not in err


# -- publish ---------------------------------------------------------------------------------------


class _Sent:
    def get(self, timeout: float) -> None:
        return None


class _FakeProducer:
    def __init__(self) -> None:
        self.sent: list[tuple[bytes | None, bytes]] = []

    def send(self, topic: str, *, key: bytes | None, value: bytes) -> _Sent:
        self.sent.append((key, value))
        return _Sent()

    def flush(self) -> None:
        return None

    def close(self) -> None:
        return None


def test_publish_reports_each_bad_input_and_sends_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = _FakeProducer()

    def producer(*_: Any, **__: Any) -> _FakeProducer:
        return fake

    monkeypatch.setattr(kafka_client, "producer", producer)
    batch = _write(tmp_path / "batch.json", f'[{json.dumps(GOOD_A)}, {{"id": "big", "version": {HUGE_INT}}}]')
    empty = _write(tmp_path / "empty.json", "[]")
    missing = str(tmp_path / "missing.json")
    status = main(["publish", "--quiet", batch, empty, missing])
    out, err = capsys.readouterr()
    assert status == 1
    assert [key for key, _ in fake.sent] == [b"good-a", None]  # the unparseable item still goes, for dead-lettering
    assert err.splitlines() == [
        f"{batch}[1]: invalid_format: invalid JSON: an integer longer than 4300 digits (sent for dead-lettering)",
        f"{empty}: no stories (empty array)",
        f"{missing}: no such file or directory",
    ]
    assert out.startswith("sent 2, failed 0, not parseable locally (sent for dead-lettering) 1, unreadable inputs 2 -> ")


# -- no input makes the CLI raise --------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    ["[", "]", "{", "}", ",", ":", '"id"', '"headline"', '"body"', '"urgency"', '"x"', HUGE_INT, "1e999", "-0", "null", "\n", "<"]
)
_CONTENT = st.one_of(st.binary(max_size=300), st.lists(_FRAGMENTS, max_size=25).map(lambda parts: "".join(parts).encode()))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(files=st.lists(st.tuples(st.sampled_from([".json", ".jsonl", ".txt", ".xml"]), _CONTENT), min_size=1, max_size=3))
def test_no_input_makes_classify_raise(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], files: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("inputs")
    paths = []
    for n, (suffix, content) in enumerate(files):
        path = folder / f"in{n}{suffix}"
        path.write_bytes(content)
        paths.append(str(path))
    status = main(["classify", "--json", *paths])
    out, err = capsys.readouterr()
    assert status in (0, 1)
    for line in err.splitlines():
        assert line.startswith(tuple(paths)), line
    assert (status == 1) == bool(err)
    for line in out.splitlines():
        json.loads(line)


@pytest.mark.parametrize(("content", "kind"), [("42\n", "int"), ("null", "null"), ('"hello"', "str"), ("true", "bool")])
def test_a_file_holding_one_json_scalar_is_refused_not_read_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, kind: str
) -> None:
    good = _write(tmp_path / "good.json", json.dumps(GOOD_A))
    scalar = _write(tmp_path / "scalar.json", content)
    status, ids, errors = _classify(capsys, scalar, good)
    assert (status, ids) == (1, ["good-a"])
    assert errors == [f"{scalar}: invalid_format: top-level JSON must be an object, got {kind}"]
