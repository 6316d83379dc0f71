"""The ECB+ evaluation's helpers (benchmarks/eval_events_ecb.py): detokenising, date lines, document rows,
extraction from a git dir, the seeded arrival order. Hand-written fixtures, no corpus text."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from benchmarks import eval_events_ecb as ecb
from tests.gitenv import GIT_ENV

ENV = GIT_ENV


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("A well - known  town", "A well-known town"),
        ("the mayor ’ s office and they don ' t care", "the mayor’s office and they don't care"),
        ("at 4 : 15 on 3 / 9 / 2021", "at 4:15 on 3/9/2021"),
        ("some 12, 500 people paid $ 30 each", "some 12,500 people paid $30 each"),
        ("a list: 3, 45 and 6", "a list: 3, 45 and 6"),  # not a thousands group
        ("end of one - - start of another", "end of one - - start of another"),  # a dash, not a hyphen
        ("  padded\ttext \n", "padded text"),
    ],
)
def test_detokenize_undoes_only_tokeniser_spacing(given: str, expected: str) -> None:
    assert ecb.detokenize(given) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("March 3rd, 2021, 7 : 35 am", "2021-03-03"),
        ("Posted : Oct. 9, 2019 at 1 : 00 PM", "2019-10-09"),
        ("SATURDAY, JANUARY 4, 2020", "2020-01-04"),
        ("Last Updated : Friday, 14 February 2020, 10 : 39 GMT", "2020-02-14"),
        ("27 AUGUST, 2018", "2018-08-27"),
        ("Released 2019 - 06 - 30 05 : 08 GMT", "2019-06-30"),
        ("Published : 2017.05.06 09 : 01 AM", "2017-05-06"),
        ("7 / 4 / 19 5 : 00 PM ET", "2019-07-04"),  # month first, two-digit year
        ("Updated 13 : 26 25 / 11 / 2016", "2016-11-25"),  # 25 cannot be a month
        ("UPDATED 02 / 05 / 2015 ... first seen 01 / 05 / 2015", "2015-02-05"),  # the first date
        ("In 2008, the town paid 10 / 1 / 61 prices", None),  # 2061: out of range
        ("Mumbai, Jun 11 -", None),  # no year
        ("February 30, 2020", None),  # no such day
        ("Decided 5, 2020", None),  # a word that starts like a month
        ("", None),
        (None, None),
    ],
)
def test_parse_date_reads_the_first_calendar_date(line: str | None, expected: str | None) -> None:
    assert ecb.parse_date(line) == expected


def test_document_row_from_path_and_json() -> None:
    raw = {
        "title": "A quake hits the coast.",
        "text": "Rescuers search the rubble of 1, 200 homes.",
        "date_publish": "May 2, 2013  \t",
    }
    row = ecb.document("7ecbplus/7_12ecbplus.json", raw)
    assert row == {
        "id": "7_12ecbplus",
        "topic": "7",
        "subtopic": "7ecbplus",
        "title": "A quake hits the coast.",
        "text": "Rescuers search the rubble of 1,200 homes.",
        "date": "2013-05-02",
        "date_text": "May 2, 2013",
    }
    ecb_row = ecb.document("7ecb/7_3ecb.json", {"title": "Another quake.", "text": None, "date_publish": None})
    assert ecb_row is not None
    assert (ecb_row["subtopic"], ecb_row["text"], ecb_row["date"], ecb_row["date_text"]) == ("7ecb", "", None, None)


@pytest.mark.parametrize(
    "path",
    [
        "7ecb/8_3ecb.json",  # topic folder and file disagree
        "7ecb/7_3ecbplus.json",  # kind disagrees
        "7ecb/annotation/original/7ecb.conll",
        "7ecb/7_3ecb.txt",
    ],
)
def test_document_rejects_other_paths(path: str) -> None:
    assert ecb.document(path, {"title": "T.", "text": "Body."}) is None


def test_document_without_any_text_is_dropped() -> None:
    assert ecb.document("7ecb/7_3ecb.json", {"title": "", "text": "  "}) is None


def _git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=True).stdout.strip()


def test_extract_writes_every_document_of_the_pinned_tree_in_order(tmp_path: Path) -> None:
    work = tmp_path / "work"
    base = work / ecb.PREFIX
    docs = {
        "2ecb/2_1ecb.json": {"title": "Storm floods a valley.", "text": "Water rose overnight."},
        "2ecbplus/2_10ecbplus.json": {
            "title": "Storm floods a port.",
            "text": "Ships were lost.",
            "date_publish": "June 1, 2012",
        },
        "2ecbplus/2_9ecbplus.json": {"title": "Port closed.", "text": "", "date_publish": "Jun 2"},
        "10ecb/10_1ecb.json": {"title": "A player signs.", "text": "The deal is long."},
    }
    for rel, raw in docs.items():
        (base / rel).parent.mkdir(parents=True, exist_ok=True)
        (base / rel).write_text(json.dumps(raw), encoding="utf-8")
    (base / "2ecb" / "annotation").mkdir()
    (base / "2ecb" / "annotation" / "2ecb.conll").write_text("#begin document\n", encoding="utf-8")
    _git("init", "-q", str(work))
    _git("add", "-A", cwd=work)
    _git("commit", "-q", "-m", "data", cwd=work)
    bare = tmp_path / "repo"
    _git("clone", "-q", "--bare", str(work), str(bare))
    commit = _git("--git-dir", str(bare), "rev-parse", "HEAD")

    out = tmp_path / "out" / "ecbplus.jsonl"
    counts = ecb.extract(bare, out, commit=commit)
    rows = ecb.load(out)
    written = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == ["2_1ecb", "2_9ecbplus", "2_10ecbplus", "10_1ecb"]  # topic, sub-topic, number
    assert (counts["ecb"], counts["ecbplus"], counts["dated"]) == (2, 2, 1)
    by_id = {r["id"]: r for r in rows}
    assert by_id["2_10ecbplus"]["date"] == "2012-06-01"
    assert by_id["2_9ecbplus"]["date"] is None and by_id["2_9ecbplus"]["date_text"] == "Jun 2"


def test_schedule_is_seeded_inside_one_window_and_independent_of_input_order() -> None:
    rows = [{"id": f"d{i:02d}"} for i in range(30)]
    first = ecb.schedule(rows, seed=3)
    again = ecb.schedule(list(reversed(rows)), seed=3)
    assert [r["id"] for _, r in first] == [r["id"] for _, r in again]
    assert [r["id"] for _, r in first] != [r["id"] for _, r in ecb.schedule(rows, seed=4)]
    assert sorted(r["id"] for _, r in first) == [r["id"] for r in rows]
    times = [t for t, _ in first]
    assert times == sorted(times) and times[0] == ecb.START and times[-1] - times[0] < 48 * 3600


def test_confusion_counts_mixed_events() -> None:
    rows = [
        {"id": "a", "topic": "1", "subtopic": "1ecb"},
        {"id": "b", "topic": "1", "subtopic": "1ecbplus"},
        {"id": "c", "topic": "1", "subtopic": "1ecb"},
        {"id": "d", "topic": "2", "subtopic": "2ecb"},
        {"id": "e", "topic": "2", "subtopic": "2ecb"},
        {"id": "f", "topic": "3", "subtopic": "3ecb"},
    ]
    # event x mixes topic 1's two sub-topics, y mixes two topics, z is one sub-topic;
    predicted = {"a": "x", "b": "x", "c": "y", "d": "z", "e": "z", "f": "y"}
    assert ecb.confusion(predicted, rows) == (3, 1, 1)
