"""Annotation projection: the first model's topics of English news documents train their translations."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from stream.build.topic_align import read_parallel
from stream.build.topic_model import confident, project, projection_units, read_documents
from stream.text.normalize import TokenStream
from stream.topics.model import load

WAR, SPORT, ECONOMY = "medtop:16000000", "medtop:15000000", "medtop:04000000"

# Three documents (lines 1-3, 4-5, 6-7) in English and in "xx", whose words the labelled corpora never hold.
EN = {
    1: "war broke out in the north",
    2: "the war went on for years",
    3: "troops and war in the north",
    4: "the team won the match",
    5: "a match for the team",
    6: "the bank shares fell",
    7: "bank shares and the market",
}
XX = {
    1: "krieg brach aus im norden",
    2: "der krieg ging weiter",
    3: "soldaten und krieg im norden",
    4: "die mannschaft gewann das spiel",
    # line 5 missing in xx
    6: "die bankaktien fielen",
    7: "bankaktien und der markt",
}
DOCS = {1: "d1", 2: "d1", 3: "d1", 4: "d2", 5: "d2", 6: "d3", 7: "d3"}


def _write(folder: Path) -> tuple[Path, Path]:
    parallel = folder / "ntrex.parallel.tsv"
    lines = [f"{i}\ten\t{t}" for i, t in EN.items()] + [f"{i}\txx\t{t}" for i, t in XX.items()]
    parallel.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents = folder / "ntrex.documents.tsv"
    documents.write_text("".join(f"{i}\t{d}\n" for i, d in DOCS.items()), encoding="utf-8")
    return parallel, documents


def test_units_stay_inside_their_document(tmp_path: Path) -> None:
    parallel, documents = _write(tmp_path)
    units = projection_units(read_parallel(parallel), read_documents(documents), 2)
    assert units["en"] == {
        ("d1", 0): "war broke out in the north the war went on for years",
        ("d1", 1): "troops and war in the north",  # d1's third line is its own unit, not joined to d2's first
        ("d2", 0): "the team won the match a match for the team",
        ("d3", 0): "the bank shares fell bank shares and the market",
    }
    # A line a language lacks is skipped; the unit keeps the lines it has.
    assert units["xx"][("d2", 0)] == "die mannschaft gewann das spiel"
    # One line per unit, and a window longer than every document: the whole story.
    assert len(projection_units(read_parallel(parallel), read_documents(documents), 1)["en"]) == 7
    whole = projection_units(read_parallel(parallel), read_documents(documents), 100)["en"]
    assert sorted(whole) == [("d1", 0), ("d2", 0), ("d3", 0)]
    assert whole[("d1", 0)] == " ".join(EN[i] for i in (1, 2, 3))


def test_lines_of_no_document_are_not_read(tmp_path: Path) -> None:
    parallel, _ = _write(tmp_path)
    units = projection_units(read_parallel(parallel), {"1": "d1", "2": "d1"}, 5)
    assert units["en"] == {("d1", 0): "war broke out in the north the war went on for years"}


def test_only_confident_documents_are_labelled() -> None:
    probabilities = np.array([[0.7, 0.2, 0.1], [0.4, 0.35, 0.25], [0.1, 0.1, 0.8]])
    assert confident(["d1", "d2", "d3"], probabilities, [WAR, SPORT, ECONOMY], 0.6) == {"d1": WAR, "d3": ECONOMY}
    assert confident(["d1", "d2", "d3"], probabilities, [WAR, SPORT, ECONOMY], 0.4) == {"d1": WAR, "d2": WAR, "d3": ECONOMY}
    with pytest.raises(ValueError, match="probability rows"):
        confident(["d1"], probabilities, [WAR, SPORT, ECONOMY], 0.6)


def test_every_unit_of_a_labelled_document_trains_in_every_language(tmp_path: Path) -> None:
    parallel, documents = _write(tmp_path)
    units = projection_units(read_parallel(parallel), read_documents(documents), 2)
    rows = project(units, {"d1": WAR, "d3": ECONOMY}, source="ntrex_projected")
    assert [(r["lang"], r["label"], r["text"]) for r in rows] == [
        ("en", WAR, "war broke out in the north the war went on for years"),
        ("en", WAR, "troops and war in the north"),
        ("en", ECONOMY, "the bank shares fell bank shares and the market"),
        ("xx", WAR, "krieg brach aus im norden der krieg ging weiter"),
        ("xx", WAR, "soldaten und krieg im norden"),
        ("xx", ECONOMY, "die bankaktien fielen bankaktien und der markt"),
    ]
    assert {(r["source"], r["split"]) for r in rows} == {("ntrex_projected", "train")}


def _corpora(tmp_path: Path) -> Path:
    data = tmp_path / "corpora"
    data.mkdir()
    _write(data)
    texts = {WAR: "war in the north", SPORT: "match of the team", ECONOMY: "the bank shares"}
    rows = [  # English only: "xx" is never labelled
        {"text": f"{text} {i}", "lang": "en", "label": code, "source": "n", "split": "train"}
        for i in range(120)
        for code, text in texts.items()
    ]
    (data / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return data


def test_projection_teaches_the_words_of_a_language_no_labelled_story_holds(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from stream.build.topic_model import build

    data = _corpora(tmp_path)
    build(data, tmp_path / "plain.bin.gz", min_weight=0.01, min_kl=0.0)
    projecting = {"project_from": ("ntrex",), "project_window": 2, "project_min_prob": 0.5, "min_weight": 0.01, "min_kl": 0.0}
    header = build(data, tmp_path / "projected.bin.gz", **projecting)
    text = "Krieg im Norden"
    plain = load(tmp_path / "plain.bin.gz")
    assert "wkrieg" not in plain.vocabulary
    projected = load(tmp_path / "projected.bin.gz")
    assert "wkrieg" in projected.vocabulary
    assert projected.predict(TokenStream.of(text), text, threshold=0.5)[0].code == WAR
    found = header["projected"]
    assert found["window"] == 2 and found["min_prob"] == 0.5
    assert found["from"]["ntrex"]["documents"] == 3 and found["from"]["ntrex"]["labelled"] == 3
    assert found["from"]["ntrex"]["labels"] == {ECONOMY: 1, SPORT: 1, WAR: 1}
    assert found["from"]["ntrex"]["rows"] == 4 + 4  # per language: d1 two units, d2 and d3 one each
    assert "ntrex_projected" in header["trained_on"]
    # The same corpora give the same model, byte for byte (gzip's header names the file, so compare its content).
    again = build(data, tmp_path / "again.bin.gz", **projecting)
    assert again["projected"] == header["projected"]
    assert gzip.decompress((tmp_path / "again.bin.gz").read_bytes()) == gzip.decompress(
        (tmp_path / "projected.bin.gz").read_bytes()
    )


def test_a_threshold_no_document_reaches_projects_nothing(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from stream.build.topic_model import build

    data = _corpora(tmp_path)
    header = build(data, tmp_path / "m.bin.gz", project_from=("ntrex",), project_min_prob=1.01, min_weight=0.01, min_kl=0.0)
    assert header["projected"]["from"]["ntrex"]["labelled"] == 0
    assert "ntrex_projected" not in header["trained_on"]
    assert "wkrieg" not in load(tmp_path / "m.bin.gz").vocabulary


def test_the_cli_refuses_projection_without_the_documents_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from stream.build.topic_model import main

    data = _corpora(tmp_path)
    (data / "ntrex.documents.tsv").unlink()
    with pytest.raises(SystemExit):
        main([str(data), "--out", str(tmp_path / "m.bin.gz"), "--translate", "", "--project", "ntrex"])
    assert "ntrex.documents.tsv missing" in capsys.readouterr().err
    assert not (tmp_path / "m.bin.gz").exists()


def test_projection_can_be_limited_to_some_languages(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from stream.build.topic_model import build

    data = _corpora(tmp_path)
    header = build(
        data,
        tmp_path / "m.bin.gz",
        project_from=("ntrex",),
        project_window=2,
        project_languages=frozenset({"xx"}),
        min_weight=0.01,
        min_kl=0.0,
    )
    assert header["projected"]["languages"] == ["xx"]
    assert header["projected"]["from"]["ntrex"]["rows"] == 4 and header["projected"]["from"]["ntrex"]["languages"] == 1
    assert "wkrieg" in load(tmp_path / "m.bin.gz").vocabulary


def test_projected_rows_train_their_own_words_not_the_translated_english_ones() -> None:
    from stream.build.topic_model import _featurise

    row = {"text": "krieg im norden", "lang": "xx", "label": WAR, "source": "n", "split": "train"}
    table = {"krieg": "war"}
    assert "wwar" in _featurise([row], table)[0][0]
    # The same sentence projected into 119 languages would add "war" 119 times over.
    docs, labels, groups = _featurise([{**row, "source": "ntrex_projected"}], table)
    assert "wkrieg" in docs[0] and "wwar" not in docs[0]
    assert labels == [WAR] and groups == [("ntrex_projected", "xx")]
