"""The topic-corpus extraction: pinned registry, per-source readers and the shared clean/dedup/cap/split, on tiny local repos."""

from __future__ import annotations

import dataclasses
import json
import re
import subprocess
from pathlib import Path

import pytest

from stream.build import topic_corpora as tc
from stream.build import topic_sources as ts
from tests.gitenv import GIT_ENV

ENV = GIT_ENV


def _git(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=ENV, capture_output=True, text=True, check=True).stdout.strip()


def _bare_repo(tmp_path: Path, files: dict[str, str], name: str = "repo") -> tuple[Path, str]:
    """A bare clone of a one-commit repository holding ``files``; returns (git dir, commit)."""
    work = tmp_path / f"{name}-work"
    for path, text in files.items():
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_text(text, encoding="utf-8")
    _git("init", "-q", str(work))
    _git("add", "-A", cwd=work)
    _git("commit", "-q", "-m", "data", cwd=work)
    bare = tmp_path / name
    _git("clone", "-q", "--bare", str(work), str(bare))
    return bare, _git("--git-dir", str(bare), "rev-parse", "HEAD")


def _rows(path: Path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _tsv(*rows: tuple[int, str, str]) -> str:
    return "index_id\tcategory\ttext\n" + "".join(f"{i}\t{cat}\t{text}\n" for i, cat, text in rows)


SIB_FILES = {
    "data/annotated/hau_Latn/train.tsv": _tsv(
        (1, "sports", "Kungiyar ta ci   wasan."), (2, "geography", "Kogin Kwara yana da tsawo.")
    ),
    "data/annotated/hau_Latn/dev.tsv": _tsv(
        (3, "health", "Likitoci sun ba da &amp; shawara."), (1, "sports", "Kungiyar ta ci wasan.")
    ),
    "data/annotated/hau_Latn/test.tsv": _tsv((4, "politics", "Majalisa ta <b>zartar</b> da doka.")),
    "data/annotated/zho_Hant/test.tsv": _tsv((4, "science/technology", "科學家發現了新的行星。")),
    "README.md": "sib-200\n",
}


def test_sib200_maps_labels_languages_and_splits_and_drops_geography(tmp_path: Path) -> None:
    gitdir, commit = _bare_repo(tmp_path, SIB_FILES)
    counts = ts.write_corpus("sib200", tc.sib200(tc.GitTree(gitdir, commit)), tmp_path / "sib200.jsonl")
    rows = _rows(tmp_path / "sib200.jsonl")
    by_text = {r["text"]: r for r in rows}
    assert set(by_text) == {
        "Kungiyar ta ci wasan.",
        "Likitoci sun ba da & shawara.",
        "Majalisa ta zartar da doka.",
        "科學家發現了新的行星。",
    }
    assert by_text["Kungiyar ta ci wasan."] == {
        "text": "Kungiyar ta ci wasan.",
        "lang": "ha",
        "label": "medtop:15000000",
        "source": "sib200",
        "split": "train",
    }
    assert by_text["Likitoci sun ba da & shawara."]["split"] == "train"  # dev is folded into train
    assert by_text["Majalisa ta zartar da doka."]["split"] == "test"
    assert by_text["科學家發現了新的行星。"]["lang"] == "zh_Hant"
    assert by_text["科學家發現了新的行星。"]["label"] == "medtop:13000000"
    assert sum(counts.values()) == 4
    assert [(r["lang"], r["label"]) for r in rows] == sorted((r["lang"], r["label"]) for r in rows)


def test_sib200_parallel_sentences_keep_ids_and_geography_but_never_test(tmp_path: Path) -> None:
    gitdir, commit = _bare_repo(tmp_path, SIB_FILES)
    n = ts.write_parallel(tc.sib200_parallel(tc.GitTree(gitdir, commit)), tmp_path / ts.PARALLEL)
    lines = (tmp_path / ts.PARALLEL).read_text(encoding="utf-8").splitlines()
    assert lines == [
        "1\tha\tKungiyar ta ci wasan.",  # train and dev hold the same sentence: written once, cleaned
        "2\tha\tKogin Kwara yana da tsawo.",  # geography has no topic but is a parallel sentence all the same
        "3\tha\tLikitoci sun ba da & shawara.",
    ]
    assert n == 3


def test_the_cli_writes_the_parallel_sentences_beside_sib200(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mirrors = tmp_path / "mirrors"
    _, commit = _bare_repo(mirrors / "dadelani+sib-200", SIB_FILES)
    monkeypatch.setitem(ts.SOURCES, "sib200", dataclasses.replace(ts.SOURCES["sib200"], commit=commit))
    assert ts.main([str(tmp_path / "out"), "--mirrors", str(mirrors), "--only", "sib200"]) == 0
    assert len((tmp_path / "out" / ts.PARALLEL).read_text(encoding="utf-8").splitlines()) == 3
    assert not list((tmp_path / "out").glob("*.parallel.jsonl"))  # the trainer reads every *.jsonl as labelled rows


NTREX_FILES = {
    "NTREX-128/newstest2019-src.eng.txt": "War broke out.\r\nThe  match ended.\r\n",
    "NTREX-128/newstest2019-ref.deu.txt": "Krieg brach aus.\r\nDas Spiel endete.\r\n",
    "NTREX-128/newstest2019-ref.fra.txt": "La guerre a éclaté.\nLe match est fini.\n",
    "NTREX-128/newstest2019-ref.fra-CA.txt": "La guerre a éclaté, là.\nLa partie est finie.\n",
    "NTREX-128/newstest2019-ref-2.spa.txt": "Estalló la guerra.\nTerminó el partido.\n",
    "NTREX-128/newstest2019-ref.aze-Latn.txt": "Müharibə başladı.\nOyun bitdi.\n",
    "NTREX-128/newstest2019-ref.srp-Cyrl.txt": "Почео је рат.\nУтакмица је завршена.\n",
    "NTREX-128/newstest2019-ref.srp-Latn.txt": "Počeo je rat.\nUtakmica je završena.\n",
    "LANGUAGES.tsv": "deu\tGerman\n",
    "DOCUMENT_IDS.tsv": "bbc.1\nreuters.2\n",
}


def test_ntrex_reads_one_reference_per_language_aligned_by_line(tmp_path: Path) -> None:
    gitdir, commit = _bare_repo(tmp_path, NTREX_FILES)
    n = ts.write_parallel(tc.ntrex_parallel(tc.GitTree(gitdir, commit)), tmp_path / "ntrex.parallel.tsv")
    lines = (tmp_path / "ntrex.parallel.tsv").read_text(encoding="utf-8").splitlines()
    assert lines == [
        "1\taz\tMüharibə başladı.",
        "2\taz\tOyun bitdi.",
        "1\tde\tKrieg brach aus.",
        "2\tde\tDas Spiel endete.",
        "1\ten\tWar broke out.",  # the English original, cleaned (CRLF, double space)
        "2\ten\tThe match ended.",
        "1\tfr\tLa guerre a éclaté.",  # fr-CA, a second reference of the same sentences, is not read
        "2\tfr\tLe match est fini.",
        "1\tsr\tПочео је рат.",  # two scripts of one language: the first file only
        "2\tsr\tУтакмица је завршена.",
    ]
    assert n == 10


def test_ntrex_documents_name_each_line_s_story(tmp_path: Path) -> None:
    gitdir, commit = _bare_repo(tmp_path, NTREX_FILES)
    out = tmp_path / "ntrex.documents.tsv"
    assert ts.write_documents(tc.ntrex_documents(tc.GitTree(gitdir, commit)), out) == 2
    assert out.read_text(encoding="utf-8").splitlines() == ["1\tbbc.1", "2\treuters.2"]
    # Sorted by line number, not as text: line 10 comes after line 9.
    ts.write_documents([("10", "b"), ("9", "a"), ("9", "a")], out)
    assert out.read_text(encoding="utf-8").splitlines() == ["9\ta", "10\tb"]


def test_ntrex_codes_become_the_codes_flores_uses() -> None:
    codes = ("deu", "aze-Latn", "tgk-Cyrl", "fas", "swa", "pus", "ckb-Arab", "fra-CA", "eng-GB", "bem")
    assert [tc.ntrex_lang(c) for c in codes] == ["de", "az", "tg", "fa", "sw", "ps", "ckb_Arab", None, None, "bem"]


def _extract_from_mirror(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], source_id: str, files: dict[str, str]
) -> str:
    """Run the CLI on one source whose repository is a local mirror holding ``files``; returns what it printed."""
    mirrors = tmp_path / "mirrors"
    source = ts.SOURCES[source_id]
    _, commit = _bare_repo(mirrors / source.repo.replace("/", "+"), files)
    monkeypatch.setitem(ts.SOURCES, source_id, dataclasses.replace(source, commit=commit))
    assert ts.main([str(tmp_path / "out"), "--mirrors", str(mirrors), "--only", source_id]) == 0
    return capsys.readouterr().out


def test_a_parallel_only_source_writes_no_labelled_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _extract_from_mirror(tmp_path, monkeypatch, capsys, "ntrex", NTREX_FILES)
    assert "ntrex (MicrosoftTranslator/NTREX@" in out and out.rstrip().endswith(": 10 parallel sentences; 2 documents")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ntrex.documents.tsv", "ntrex.parallel.tsv"]


def test_flores_codes_become_iso_639_1_where_one_exists() -> None:
    assert [tc.flores_lang(c) for c in ("hau_Latn", "arb_Arab", "arb_Latn", "ace_Arab", "zho_Hans")] == [
        "ha",
        "ar",
        "ar_Latn",
        "ace_Arab",
        "zh",
    ]


WCEP_DAY = """\
Date: '2015-03-10'
Source_URI: Portal:Current events/2015 March 10
Intelligence_Payload:
  Armed conflicts and attacks:
  - Sinai insurgency
  - A suicide bomber kills one person and injures 24 in an attack on a police station. (AFP via Yahoo! News) (BBC)
  International relations:
  - The foreign ministers of both countries sign a new border treaty in Geneva.
  Uncategorized:
  - Something happened somewhere today and was reported by many outlets.
  Syrian civil war:
  - Rebels and government forces exchange fire near the northern city again.
"""


def test_wcep_reads_day_files_strips_citations_and_drops_headings(tmp_path: Path) -> None:
    files = {"2015/03/2015-03-10.yaml": WCEP_DAY, "2015/03/notes.yaml": WCEP_DAY, "2015/03/2015-03-11.yaml": ": not yaml : ["}
    gitdir, commit = _bare_repo(tmp_path, files)
    rows = list(tc.wcep_cec_en(tc.GitTree(gitdir, commit)))
    assert rows == [
        ("A suicide bomber kills one person and injures 24 in an attack on a police station.", "en", "medtop:16000000", None),
        ("The foreign ministers of both countries sign a new border treaty in Geneva.", "en", "medtop:20000638", None),
    ]


def test_dedup_cap_and_hash_split_are_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ts, "CAP_PER_GROUP", 3)
    texts = [f"Story number {i} about the match." for i in range(10)]
    raw: list[tc.Row] = [(t, "en", "medtop:15000000", None) for t in texts + texts]  # every text twice
    raw += [("x", "en", "medtop:15000000", None), (None, "en", "medtop:15000000", None), ("Dropped, no label.", "en", None, None)]
    raw += [(t, "fr", "medtop:15000000", "test") for t in texts[:2]]
    ts.write_corpus("s", raw, tmp_path / "a.jsonl")
    ts.write_corpus("s", reversed(raw), tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    rows = _rows(tmp_path / "a.jsonl")
    en = [r for r in rows if r["lang"] == "en"]
    assert len(en) == 3 and len({r["text"] for r in en}) == 3
    assert all(r["split"] == ts.hash_split(r["text"]) for r in en)
    assert [r["split"] for r in rows if r["lang"] == "fr"] == ["test", "test"]  # a source's own split is kept
    assert {ts.hash_split(f"text {i}") for i in range(50)} == {"train", "test"}


def test_clean_strips_markup_and_cuts_long_texts_at_a_word() -> None:
    assert ts.clean(" <p>Tom &amp; Jerry</p>\n\twin ") == "Tom & Jerry win"
    assert ts.clean(None) == ""
    long = ts.clean("word " * 1000)
    assert len(long) <= ts.MAX_CHARS and long.endswith("word")


def test_the_registry_pins_full_commits_and_states_licences() -> None:
    labelled = {"sib200", "antcorpus_jawhara", "sncd_so", "dikgang_tn", "wcep_cec_en", "mewsc16_wikinews"}
    assert set(ts.SOURCES) == labelled | {"ntrex", "omw_wikt"}
    for source_id, source in ts.SOURCES.items():
        assert re.fullmatch(r"[0-9a-f]{40}", source.commit)
        assert re.fullmatch(r"[\w.-]+/[\w.-]+", source.repo)
        assert source.licence.strip()
        assert callable(source.extractor) == (source_id in labelled)
        assert callable(source.parallel) == (source_id in {"sib200", "ntrex"})
        assert callable(source.dictionary) == (source_id == "omw_wikt")


def test_cli_reads_a_mirror_at_the_pinned_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    mirrors = tmp_path / "mirrors"
    gitdir, commit = _bare_repo(mirrors / "dadelani+sib-200", SIB_FILES)
    assert gitdir == mirrors / "dadelani+sib-200" / "repo"
    monkeypatch.setitem(ts.SOURCES, "sib200", dataclasses.replace(ts.SOURCES["sib200"], commit=commit))
    assert ts.main([str(tmp_path / "out"), "--mirrors", str(mirrors), "--only", "sib200"]) == 0
    assert "sib200 (dadelani/sib-200@" in capsys.readouterr().out
    assert len(_rows(tmp_path / "out" / "sib200.jsonl")) == 4


def test_a_missing_commit_or_unreachable_repository_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mirrors = tmp_path / "mirrors"
    _bare_repo(mirrors / "dadelani+sib-200", SIB_FILES)
    with pytest.raises(ts.SourceError, match="pinned commit 593cea88519930f776c1a4a1980b6a35b39dca57 is not in"):
        ts.locate(ts.SOURCES["sib200"], mirrors, cache=tmp_path / "cache")
    monkeypatch.setenv("GIT_ALLOW_PROTOCOL", "file")  # no network: the https clone is refused at once
    with pytest.raises(ts.SourceError, match=r"git clone --bare https://github.com/dsfsi/PuoBERTa failed"):
        ts.locate(ts.SOURCES["dikgang_tn"], mirrors, cache=tmp_path / "cache")


OMW_FILES = {
    "wns/wikt/wn-wikt-eng.tab": "# Wiktionary\teng\thttp://wiktionary.org/\tCC BY-SA\n"
    "00973077-n\teng:lemma\twar\n00973077-n\teng:lemma\twarfare\n13970912-n\teng:lemma\ttruce\n"
    "13970912-n\teng:lemma\tcease-fire\n00962567-n\teng:lemma\tcivil war\n",
    "wns/wikt/wn-wikt-tur.tab": "# Wiktionary\ttur\thttp://wiktionary.org/\tCC BY-SA\n"
    "00973077-n\ttur:lemma\tsavaş\n13970912-n\ttur:lemma\tateşkes\n00962567-n\ttur:lemma\tiç savaş\n"
    "00962567-n\ttur:def\tbir ülkenin içinde savaş\n",
    "wns/wikt/wn-wikt-swa.tab": "00973077-n\tswa:lemma\tvita\n",
    "wns/wikt/wn-wikt-Xbh.tab": "00973077-n\tXbh:lemma\tyuddh\n",  # no ISO 639-1 code: skipped
    "wns/wikt/LICENSE": "CC BY-SA 3.0\n",
}


def test_omw_pairs_single_words_of_one_synset_under_iso_639_1_codes(tmp_path: Path) -> None:
    gitdir, commit = _bare_repo(tmp_path, OMW_FILES)
    out = tmp_path / "omw_wikt.dictionary.tsv"
    assert ts.write_dictionary(tc.omw_wikt_dictionary(tc.GitTree(gitdir, commit)), out) == 6
    # Phrases ("iç savaş", "civil war") and definitions are no single tokens; the macrolanguage file swa is sw.
    assert out.read_text(encoding="utf-8").splitlines() == [
        "sw\tvita\twar",
        "sw\tvita\twarfare",
        "tr\tateşkes\tcease-fire",
        "tr\tateşkes\ttruce",
        "tr\tsavaş\twar",
        "tr\tsavaş\twarfare",
    ]
    only = list(tc.omw_wikt_dictionary(tc.GitTree(gitdir, commit), frozenset({"sw"})))
    assert sorted(only) == [("sw", "vita", "war"), ("sw", "vita", "warfare")]


def test_a_dictionary_source_says_how_many_pairs_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _extract_from_mirror(tmp_path, monkeypatch, capsys, "omw_wikt", OMW_FILES)
    assert out.rstrip().endswith(": 6 dictionary pairs in 2 languages")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["omw_wikt.dictionary.tsv"]
