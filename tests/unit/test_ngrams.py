"""The character n-gram engine for short text (stream/language/ngrams.py) and its model file (stream/build/ngrams.py)."""

from __future__ import annotations

import gzip
import json
import math
from array import array
from pathlib import Path

import pytest

from stream.build.ngrams import write
from stream.language import ngrams
from stream.language.engines import run_engine
from stream.language.ngrams import LIMIT, load, model, ngram_key, rank


def _toy(tmp_path: Path) -> Path:
    """Two languages over the letters a, b: "xa" likes a, "xb" likes b."""
    probs = {
        0: {"a": 0.9, "b": 0.1},  # language 0 = "xa": unigrams
        1: {"a": 0.1, "b": 0.9},
    }
    bigrams = {0: {"ab": 0.5, "aa": 0.5}, 1: {"ba": 0.5, "bb": 0.5}}
    tables: list[array[int]] = []
    for order in range(1, 6):
        keys = []
        source = probs if order == 1 else bigrams if order == 2 else {}
        for lang, table in source.items():
            for gram, p in table.items():
                keys.append(ngram_key(gram) << 16 | lang << 8 | round(-10 * math.log(p)))
        tables.append(array("Q", sorted(keys)))
    path = tmp_path / "toy.bin.gz"
    write(["xa", "xb"], tables, path, "test")
    return path


def test_round_trip_and_costs(tmp_path: Path) -> None:
    toy = load(_toy(tmp_path))
    assert toy.languages == ("xa", "xb") and toy.source == "test"
    assert sorted(toy.costs("a")) == [(0, round(-10 * math.log(0.9))), (1, round(-10 * math.log(0.1)))]
    assert toy.costs("ab") == [(0, round(-10 * math.log(0.5)))]
    assert toy.costs("zz") == []


def test_scores_follow_lingua(tmp_path: Path) -> None:
    toy = load(_toy(tmp_path))
    scores = toy.scores("aab")
    # Costs in tenths: -10 ln 0.9 = 1, -10 ln 0.1 = 23, -10 ln 0.5 = 7. Each distinct n-gram counts once.
    # xa: unigrams a, b (1 + 23); bigrams aa, ab (7 + 7); the trigram aab falls back to its prefix aa (7);
    # divided by the two letters it knows.
    assert scores["xa"] == pytest.approx(-(1 + 23 + 7 + 7 + 7) / 10 / 2)
    # xb knows no bigram of the text: aa, ab and aab all fall back to the unigram a (23 each).
    assert scores["xb"] == pytest.approx(-(23 + 1 + 23 + 23 + 23) / 10 / 2)
    assert toy.scores("12 ---") == {}
    assert toy.scores("a" * (LIMIT + 1)) == {}


def test_format_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "old.bin.gz"
    path.write_bytes(gzip.compress(json.dumps({"format": 1, "sizes": [], "languages": [], "source": ""}).encode() + b"\n"))
    with pytest.raises(ValueError, match="rebuild with make ngrams"):
        load(path)


def test_packaged_model_covers_the_languages_without_a_word_list() -> None:
    languages = set(model().languages)
    assert {"az", "be", "et", "kk", "sw", "mk", "sr", "ms", "id"} <= languages
    # Scripts that settle the language alone, and Han (left to the lexicon), are not in it.
    assert not {"hy", "ka", "el", "he", "th", "ko", "zh", "ja"} & languages
    assert "lingua-language-detector 1.3.5" in model().source


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("цэнтральны банк", "be"),  # fastText: Russian
        ("бежанцы", "be"),
        ("mahakama", "sw"),
        ("dövlət", "az"),
        ("hükümet", "tr"),
        ("полиција", "mk"),  # fastText and cld2: Serbian
    ],
)
def test_ranks_headline_words(text: str, code: str) -> None:
    ranking = rank(text)
    assert ranking[0][0] == code
    assert sum(score for _, score in ranking) == pytest.approx(1.0)


def test_is_an_engine_of_the_short_vote() -> None:
    assert run_engine("ngram", "dövlət")[0][0] == "az"
    assert run_engine("ngram", "word " * 40) == []
    # Languages lingua has no model for are counted from SIB-200's sentences (stream.build.ngrams.CORPUS_LANGUAGES).
    assert {"ku", "ps", "tg", "uz"} <= ngrams.languages()
    assert run_engine("ngram", "ژغورونه")[0][0] == "ps"


def test_corpus_ngrams_count_as_lingua_does() -> None:
    from fractions import Fraction

    from stream.build.ngrams import corpus_ngrams

    unigrams, bigrams, trigrams, quadrigrams, fivegrams = corpus_ngrams(["Gelek gelek, 2024 welat", "gel"], min_count=2)
    # Words only, lowercased: 18 letters, 3 of them g; 4 of the 6 e's are followed by l; "gel" follows every "ge",
    # "gele" 2 of the 3 "gel"; "wel" is seen once, below min_count (which spares unigrams and bigrams).
    assert unigrams["g"] == Fraction(3, 18)
    assert bigrams["el"] == Fraction(4, 6) and bigrams["ek"] == Fraction(2, 6)
    assert trigrams["gel"] == Fraction(3, 3) and "wel" not in trigrams
    assert quadrigrams["gele"] == Fraction(2, 3)
    assert fivegrams["gelek"] == Fraction(2, 2)


def test_scores_do_not_depend_on_the_hash_seed() -> None:
    import subprocess
    import sys

    code = (
        "from stream.language.ngrams import model\n"
        "for w in ('ceasefire talks', 'перемирие', 'ateşkes', 'usitishaji vita', 'tsagaita wuta', 'zawieszenie broni'):\n"
        "    print(sorted(model().scores(w).items()))\n"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code], env={"PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outs) == 1
