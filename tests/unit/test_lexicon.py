"""The word-frequency lexicon (stream/language/lexicon.py) and its vote on headline-sized text (stream/language/shorttext.py)."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from stream.build.lexicon import MARGIN
from stream.language.detector import detect
from stream.language.lexicon import ARTIFACT, entry_key, fold, lexicon, load, parts, words
from stream.language.shorttext import DEFAULT, ShortParams, lexicon_factors, short_scores


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    body = "# test lexicon\n" + "".join(f"{word}\t{langs}\n" for word, langs in rows)
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    return path


def test_loader_reads_every_language_of_a_word(tmp_path: Path) -> None:
    rows = sorted([("polis", "tr:54 sv:50"), ("regering", "nl:51 da:50"), ("ekonomi", "id:54")], key=lambda r: entry_key(r[0]))
    table = load(_write(tmp_path / "lex.tsv.gz", rows))
    assert table.lookup("polis") == {"tr": 5.4, "sv": 5.0}
    assert table.lookup("Regering") == {"nl": 5.1, "da": 5.0}
    assert table.lookup("ekonomika") == {}
    assert table.languages() == {"tr", "sv", "nl", "da", "id"}
    # The lowest Zipf frequency a list holds is where "absent" starts.
    assert table.cutoffs == {"tr": 5.4, "sv": 5.0, "nl": 5.1, "da": 5.0, "id": 5.4}


def test_loader_sorts_a_file_out_of_key_order(tmp_path: Path) -> None:
    rows = sorted([(f"word{i}", "en:40") for i in range(50)], key=lambda r: -entry_key(r[0]))
    table = load(_write(tmp_path / "lex.tsv.gz", rows))
    assert [e >> 16 for e in table.entries] == sorted(e >> 16 for e in table.entries)
    assert all(table.lookup(f"word{i}") == {"en": 4.0} for i in range(50))


def test_fold_matches_wordfreq_normalisation() -> None:
    assert fold("Straße") == "strasse"
    assert fold("İSTANBUL") == "istanbul"
    assert fold("الْحُكُومَة") == "الحكومة"  # Arabic vowel marks dropped, as in wordfreq's lists
    assert words("cessez-le-feu, 2024") == ["cessez", "le", "feu"]
    assert words("हड़ताल") == ["हड़ताल"]  # Devanagari vowel signs are marks and stay inside the word


def test_shipped_lexicon_is_compact_and_covers_the_listed_languages() -> None:
    assert ARTIFACT.stat().st_size < 5 * 1024 * 1024
    table = lexicon()
    assert 500_000 < len(table.entries) < 800_000
    assert table.entries.itemsize * len(table.entries) < 6.5 * 1024 * 1024
    assert {"ru", "uk", "bg", "mk", "sr", "en", "de", "nl", "sv", "da", "ms", "id", "zh", "ja", "fa", "ur"} <= table.languages()
    # Where wordfreq has no list, a sparse one counted from SIB-200; none for scripts that decide alone.
    sparse = {"az", "kk", "uz", "tg", "ps", "ku", "et", "sw", "be"}
    assert table.sparse == sparse <= table.languages()
    # A sparse list holds a word a full list has only where it counts it far more often: Kazakh text uses
    # "компьютер" too, but it stays Russian's, while Pashto's "او" (and) is Pashto's more than Persian's.
    assert "ru" in table.lookup("компьютер") and not set(table.lookup("компьютер")) & sparse
    shared = table.lookup("او")
    assert shared["ps"] >= shared["fa"] + MARGIN
    assert table.languages().isdisjoint({"el", "ko", "th", "hy", "ka"})
    keys = [e >> 16 for e in table.entries[:1000]]
    assert keys == sorted(keys)  # the file is in key order, so loading needed no sort


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("vluchtelingen", "nl"),
        ("regeringen", "sv"),
        ("поплаве", "sr"),
        ("难民", "zh"),
        ("難民", "ja"),
        ("Verhandlungen", "de"),
        # Ranked 10,000-20,000 in their lists, kept since the list grew to 20,000 words.
        ("fietser", "nl"),
        ("pyöräilijä", "fi"),
        ("rowerem", "pl"),
    ],
)
def test_shipped_lexicon_lists_common_words(word: str, listed: str) -> None:
    assert listed in lexicon().lookup(word)


# Each of these went to a neighbour before the lexicon vote (noted after the word).
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("rechter", "nl"),  # de
        ("valget", "da"),  # no
        ("retssag", "da"),  # fr
        ("desemprego", "pt"),  # it
        ("医院", "zh"),  # ja
        ("vlada", "hr"),  # sl
    ],
)
def test_unambiguous_words_detected(text: str, code: str) -> None:
    assert detect(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("seçkilər", "az"),
        ("hökumət", "az"),
        ("сайлау", "kk"),
        ("hükümet", "tr"),
        ("uchrashuv", "uz"),
        ("serokwezîr", "ku"),
        ("hevdîtin", "ku"),
    ],
)
def test_languages_without_a_list_are_not_penalised(text: str, code: str) -> None:
    assert detect(text).code == code


def test_lexicon_factors_leave_unlisted_languages_near_the_best() -> None:
    votes = {"ru": 0.5, "kk": 0.5, "uk": 0.5}
    factors = lexicon_factors("экономика", frozenset({"ru", "kk", "uk"}), votes, DEFAULT, lexicon())
    # Kazakh has no list: it is neither rewarded nor ruled out, only placed lex_unlisted below the best.
    assert factors["ru"] == 1.0
    assert factors["kk"] == pytest.approx(10 ** -(DEFAULT.lexicon * DEFAULT.lex_unlisted))
    # Ukrainian has a list without the word: it falls further than the unlisted language.
    assert factors["uk"] < factors["kk"]


def test_lexicon_vote_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from stream.language import shorttext

    monkeypatch.setattr(shorttext, "cld2_short", lambda text: ([], False))

    def silent(name: str, text: str) -> list[tuple[str, float]]:
        return [("da", 0.6), ("nl", 0.4)] if name == "fasttext" else []

    off = ShortParams(lexicon=0.0)
    scores, _ = short_scores("vluchtelingen", "Latin", frozenset({"da", "nl", "en"}), params=off, rank=silent)
    assert max(scores, key=scores.__getitem__) == "da"
    scores, _ = short_scores("vluchtelingen", "Latin", frozenset({"da", "nl", "en"}), rank=silent)
    assert max(scores, key=scores.__getitem__) == "nl"


def test_a_word_missing_from_a_sparse_list_is_no_evidence(tmp_path: Path) -> None:
    rows = sorted([("vanaf", "nl:55 da:30"), ("gelek", "xk:48"), ("arbeid", "nl:40 da:45")], key=lambda r: entry_key(r[0]))
    path = tmp_path / "lex.tsv.gz"
    path.write_bytes(gzip.compress(("# sparse: xk\n" + "".join(f"{w}\t{langs}\n" for w, langs in rows)).encode("utf-8")))
    table = load(path)
    assert table.sparse == {"xk"}
    votes = {"nl": 0.4, "da": 0.3, "xk": 0.3}
    factors = lexicon_factors("vanaf", frozenset(votes), votes, DEFAULT, table)
    # da lists words down to Zipf 3.0 and holds this one at 3.0; xk's list is sparse: missing, it is placed as a
    # language without a list would be (lex_unlisted below the best), not below its list's lowest entry.
    assert factors["xk"] == pytest.approx(10 ** -(DEFAULT.lexicon * DEFAULT.lex_unlisted))
    assert factors["da"] == pytest.approx(10 ** -(DEFAULT.lexicon * 2.5))
    # Where the sparse list holds the word, its frequency counts as any list's does.
    assert lexicon_factors("gelek", frozenset(votes), dict(votes), DEFAULT, table)["xk"] == 1.0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Words of languages wordfreq has no list for, which the engines read as a big neighbour's
        # (NTREX tune words: Pashto read as Persian, Tajik as Russian, Kurmanji as Dutch).
        ("وروسته", "ps"),
        ("аммо", "tg"),
        ("divê", "ku"),
        ("sabab", "uz"),
    ],
)
def test_sparse_lists_name_languages_without_wordfreq_lists(text: str, code: str) -> None:
    assert detect(text).code == code


def test_word_no_list_knows_gives_no_evidence() -> None:
    votes = {"az": 0.7, "tr": 0.3}
    assert lexicon_factors("nazirlik", frozenset({"az", "tr"}), votes, DEFAULT, lexicon()) == {}


def test_apostrophe_inside_a_word_keeps_it_whole() -> None:
    assert words("перемир'я, прем’єр") == ["перемир'я", "прем’єр"]
    assert words("'quoted' o'") == ["quoted", "o"]  # quotes around a word are not part of it
    assert fold("прем’єр") == "прем'єр"  # typographic apostrophes fold to the ASCII one wordfreq uses
    assert parts("l’économie") == ["l", "économie"]
    assert parts("économie") == []


def test_shipped_lexicon_holds_apostrophe_words() -> None:
    assert "uk" in lexicon().lookup("прем’єр")
    assert detect("перемир'я").code == "uk"


def test_elided_word_is_looked_up_by_its_pieces() -> None:
    from stream.language.shorttext import _lookup_units

    assert _lookup_units("l'économie", lexicon()) == ["l", "économie"]
    assert _lookup_units("прем'єр", lexicon()) == ["прем'єр"]


def test_build_keeps_apostrophe_words_only_inside() -> None:
    from stream.build.lexicon import _is_word

    assert _is_word("прем'єр", "uk")
    assert not _is_word("'tis", "en")
    assert not _is_word("o'", "en")
    assert not _is_word("x'", "en")
    assert not _is_word("a1", "en")


def test_han_run_is_cut_into_lexicon_words() -> None:
    from stream.language.shorttext import _lookup_units

    table = lexicon()
    assert _lookup_units("经济增长", table) == ["经济", "增长"]
    assert _lookup_units("国会議員", table) == ["国会", "議員"]
    # A run a list holds whole is not cut.
    assert _lookup_units("人口普查", table) == ["人口普查"]
    # Down to single characters, which both lists hold with different frequencies: 停 is far commoner in Chinese.
    assert _lookup_units("停航", table) == ["停", "航"]
    assert detect("停航").code == "zh"


def test_sparse_list_keeps_a_shared_word_only_well_above_the_full_lists() -> None:
    from stream.build.lexicon import sparse_entries

    words = [("ji", 70), ("komputer", 43), ("welat", 50), ("gelek", 0)]
    full = {"ji": 62, "komputer": 45}
    # "ji" counts 0.8 Zipf above the full lists: kept; "komputer" counts lower: the full list's alone;
    # "welat" no full list has; an estimate of 0 or less is no entry.
    assert sparse_entries(words, full, margin=0.5) == [("ji", 70), ("welat", 50)]
    assert sparse_entries(words, full, margin=1.0) == [("welat", 50)]
    assert sparse_entries(words, full, margin=0.0) == [("ji", 70), ("welat", 50)]
    assert sparse_entries([("komputer", 45)], full, margin=0.0) == [("komputer", 45)]


def test_sparse_lists_count_folded_words_and_shrink_their_estimate() -> None:
    from stream.build.lexicon import corpus_words

    lists = corpus_words({"xk": ["Gelek gelek welat, welat", "gelek û 2024"]}, min_count=2, shrink=0.5)
    # The number is no word, nor is the one-letter "û": gelek 3 and welat 2 of the 5 words counted.
    total = 5
    assert lists == {
        "xk": [("gelek", round(10 * (math.log10(3 / total) + 9 - 0.5))), ("welat", round(10 * (math.log10(2 / total) + 9 - 0.5)))]
    }
    assert [w for w, _ in corpus_words({"xk": ["Gelek gelek welat"]}, min_count=1, shrink=0)["xk"]] == ["gelek", "welat"]
