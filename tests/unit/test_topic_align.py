"""Word translations learnt from parallel sentences, and their use as features by the topic model."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from stream.build import topic_align
from stream.text.normalize import TokenStream
from stream.topics.features import feature_strings, own_features, translate
from stream.topics.model import FeatureIndex, TopicModel, load

# Six parallel "sentences": the foreign words follow their English ones, the function words are everywhere.
EN = [
    "the election was held today",
    "the election results were late",
    "war broke out in the north",
    "the war ended after years",
    "the team won the match",
    "the match was held today",
]
XX = [
    "zu wahlena warn heute",
    "zu wahlenb resultat spät",
    "krieg zu norden",
    "krieg endete zu jahre",
    "mannschaft gewann spiel",
    "spiel warn heute",
]


def _parallel(tmp_path: Path) -> Path:
    path = tmp_path / "sib200.parallel.tsv"
    lines = [f"{i}\ten\t{t}" for i, t in enumerate(EN)] + [f"{i}\txx\t{t}" for i, t in enumerate(XX)]
    lines.append("0\tyy\tkrieg krieg")  # another language: read only when asked for
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_units_are_words_and_stems_of_long_words() -> None:
    # Short tokens, digits and clauses of unspaced scripts are not units; "wahlen" is too short for a stem.
    assert topic_align.units("Die Wahlen 2024 in 国家队 ab") == {"die", "wahlen"}
    assert topic_align.units("Wahlergebnisse") == {"wahlergebnisse", "~wahle"}


def test_align_takes_the_english_word_sharing_the_most_sentences(tmp_path: Path) -> None:
    table = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=2, min_dice=0.5)
    assert table["krieg"] == "war"
    assert table["spiel"] == "match"
    assert table["~wahle"] == "election"  # wahlena / wahlenb share only their stem
    assert "wahlena" not in table  # seen once: too little evidence
    assert "heute" in table and table["heute"] in {"held", "today"}
    assert "zu" not in table  # too short to translate


def test_units_that_are_english_words_are_not_translated(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    lines = ["1\ten\tthe war", "2\ten\tthe war", "3\ten\tthe end", "1\txx\tthe krieg", "2\txx\tthe krieg", "3\txx\tthe ende"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert topic_align.learn(path, ["xx"], min_count=2, min_dice=0.5) == {"krieg": "war"}


def test_dice_threshold_and_count_threshold_drop_weak_pairs(tmp_path: Path) -> None:
    loose = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=1, min_dice=0.1)
    strict = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=2, min_dice=0.9)
    assert set(strict) < set(loose)
    assert strict["krieg"] == "war" and strict["spiel"] == "match"
    assert "wahlena" in loose and "wahlena" not in strict


def test_several_parallel_files_pool_their_evidence_without_mixing_their_ids(tmp_path: Path) -> None:
    flores, news = tmp_path / "sib200.parallel.tsv", tmp_path / "ntrex.parallel.tsv"
    # "verhandlungen" meets "talks" once in each file: too little evidence in either alone.
    flores.write_text("1\ten\tthe talks\n2\ten\tthe lake\n1\txx\tverhandlungen\n2\txx\tsee\n", encoding="utf-8")
    # Ids restart in the second file: its sentence 1 is not FLORES sentence 1 ("see" must not meet "talks").
    news.write_text("1\ten\tthe talks failed\n2\ten\tthe lake\n1\txx\tverhandlungen\n2\txx\tsee\n", encoding="utf-8")
    assert topic_align.learn(flores, ["xx"], min_count=2, min_dice=0.5) == {}
    assert topic_align.learn([flores, news], ["xx"], min_count=2, min_dice=0.5) == {
        "verhandlungen": "talks",
        "~verha": "talks",
        "see": "lake",
    }


def test_translate_prefers_the_word_then_its_stem() -> None:
    table = {"krieg": "war", "~wahle": "election", "wahlen": "vote"}
    assert translate("krieg", table) == "war"
    assert translate("wahlen", table) == "vote"
    assert translate("wahlergebnis", table) == "election"
    assert translate("wahl", table) is None
    assert own_features("krieges", {"krieges": "war"}) == [("wkrieges", -1), ("pkrieg", -1), ("wwar", -1)]
    assert feature_strings(TokenStream.of("krieg heute"), translations=table) == {"wkrieg", "wheute", "wwar", "bkrieg heute"}


def _toy_model(tmp_path: Path, translations: dict[str, str]) -> TopicModel:
    """A two-topic model whose only known feature is the English word "war"."""
    vocab = ["wwar", "wmatch"]
    weights = np.array([[2.0, -2.0], [-2.0, 2.0]], dtype="<f2")
    table = "\n".join(f"{u}\t{e}" for u, e in sorted(translations.items())).encode()
    header = {
        "format": 2,
        "topics": ["medtop:16000000", "medtop:15000000"],
        "features": 2,
        "vocabulary_bytes": len("\n".join(vocab).encode()),
        "translations": len(translations),
        "translations_bytes": len(table),
    }
    path = tmp_path / "toy.bin.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(json.dumps(header).encode() + b"\n" + "\n".join(vocab).encode())
        fh.write(weights.tobytes() + np.zeros(2, dtype="<f4").tobytes() + table)
    return load(path)


def test_a_translated_word_scores_like_its_english_word_with_evidence_on_the_foreign_text(tmp_path: Path) -> None:
    m = _toy_model(tmp_path, {"krieg": "war", "~spiel": "match"})
    assert m.translations == {"krieg": "war", "~spiel": "match"}
    english, _ = m.probabilities(TokenStream.of("war"))
    foreign, found = m.probabilities(TokenStream.of("der krieg"))
    assert np.allclose(english, foreign) and english[0] > 0.9
    assert found == [(0, 1, 1, -1)]  # the row of "wwar", found at the token "krieg"
    text = "Das Spielende"
    (top,) = m.predict(TokenStream.of(text), text, threshold=0.5)
    assert top.code == "medtop:15000000"
    assert top.evidence[0][:3] == ("Spielende", 4, 13)


def test_without_a_table_foreign_words_find_nothing(tmp_path: Path) -> None:
    m = _toy_model(tmp_path, {})
    assert m.probabilities(TokenStream.of("der krieg"))[1] == []
    assert FeatureIndex(m.vocabulary).found(TokenStream.of("krieg")).rows.tolist() == []


def test_a_table_that_disagrees_with_its_header_is_refused(tmp_path: Path) -> None:
    _toy_model(tmp_path, {"krieg": "war"})
    path = tmp_path / "toy.bin.gz"
    raw = gzip.decompress(path.read_bytes()).replace(b'"translations": 1', b'"translations": 2')
    path.write_bytes(gzip.compress(raw))
    with pytest.raises(ValueError, match="translations"):
        load(path)


def test_source_weights_scale_a_source_before_classes_are_balanced() -> None:
    from stream.build.topic_model import _weights

    labels = ["a", "a", "b", "b"]
    groups = [("news", "en"), ("sib200", "en"), ("news", "en"), ("sib200", "en")]
    even = _weights(labels, groups)
    news = _weights(labels, groups, {"news": 3.0})
    assert np.allclose(even, 1.0)
    assert np.allclose(news[0] / news[1], 3.0) and np.allclose(news[2] / news[3], 3.0)
    assert np.isclose(news.mean(), 1.0)


def _train_toy(tmp_path: Path, dictionary: str | None = None) -> tuple[dict[str, object], TopicModel]:
    """A three-topic model trained on English rows, with the toy parallel sentences' table (and ``dictionary``)."""
    pytest.importorskip("sklearn")
    from stream.build.topic_model import build

    data = tmp_path / "corpora"
    data.mkdir()
    (data / "sib200.parallel.tsv").write_text(_parallel(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    if dictionary is not None:
        (data / "omw_wikt.dictionary.tsv").write_text(dictionary, encoding="utf-8")
    texts = {"medtop:16000000": "war in the north", "medtop:15000000": "match of the team", "medtop:04000000": "the bank shares"}
    rows = [  # three topics: with two, scikit-learn fits one weight column
        {"text": f"{text} {i}", "lang": "en", "label": code, "source": "n", "split": "train"}
        for i in range(120)
        for code, text in texts.items()
    ]
    (data / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "m.bin.gz"
    header = build(
        data,
        out,
        translate_languages=frozenset({"xx"}),
        translate_from=("sib200",),
        min_count=2,
        min_dice=0.5,
        min_weight=0.01,
        dictionaries=() if dictionary is None else ("omw_wikt",),
    )
    return header, load(out)


def test_a_model_trained_with_translations_ships_only_the_ones_it_can_use(tmp_path: Path) -> None:
    header, m = _train_toy(tmp_path)
    assert header["translations"] == len(m.translations) > 0
    assert header["translation_sources"] == ["sib200"]
    assert m.translations["krieg"] == "war" and m.translations["spiel"] == "match"
    assert "~wahle" not in m.translations  # "election" is no feature of this model
    text = "Krieg im Norden"
    assert m.predict(TokenStream.of(text), text, threshold=0.5)[0].code == "medtop:16000000"


def test_the_cli_refuses_a_missing_parallel_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from stream.build.topic_model import TRANSLATE_FROM, main

    assert TRANSLATE_FROM == ("sib200", "ntrex")
    (tmp_path / "sib200.parallel.tsv").write_text(_parallel(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--out", str(tmp_path / "m.bin.gz")])
    assert "ntrex.parallel.tsv missing" in capsys.readouterr().err
    assert not (tmp_path / "m.bin.gz").exists()


def test_dropped_groups_leave_training_but_not_the_evaluation_file(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from stream.build.topic_model import build, write_evalset

    data = tmp_path / "corpora"
    data.mkdir()
    texts = {
        "medtop:16000000": "war in the north",
        "medtop:15000000": "match of the team",
        "medtop:04000000": "the bank shares",
        "medtop:11000000": "the party and the vote",
    }
    rows = [
        {"text": f"{text} {i}", "lang": lang, "label": code, "source": "n", "split": "test" if i == 0 else "train"}
        for i in range(120)
        for code, text in texts.items()
        for lang in ("en", "xx")
    ]
    (data / "n.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    drop = frozenset({"n:en:medtop:11000000", "n:xx:medtop:11000000"})
    header = build(data, tmp_path / "m.bin.gz", drop=drop, min_weight=0.01)
    assert header["dropped"] == sorted(drop)
    assert header["training_stories"] == 3 * 2 * 119
    assert "medtop:11000000" not in header["topics"]  # none of its stories trained
    assert write_evalset(data, tmp_path / "eval.jsonl.gz", hold_out=frozenset()) == 4 * 2  # the test split, all labels


def test_a_word_that_follows_its_language_not_the_topic_is_uninformative() -> None:
    pytest.importorskip("scipy")
    from stream.build.topic_model import uninformative

    # German is trained only as "science" and "health" sentences (like FLORES): "der" is in all of them, so it
    # votes for those two in any German story unless it is dropped. "impfung" is health within German, and
    # "goal" is sport within English news where "the" is in every story whatever its topic.
    docs: list[set[str]] = []
    labels: list[str] = []
    groups: list[tuple[str, str]] = []
    for i in range(60):
        docs.append({"wder", "wimpfung"} if i % 2 else {"wder", "wlabor"})
        labels.append("health" if i % 2 else "science")
        groups.append(("sib200", "de"))
        docs.append({"wthe", "wgoal"} if i % 3 == 0 else {"wthe", "wbank"})
        labels.append("sport" if i % 3 == 0 else "economy")
        groups.append(("news", "en"))
    vocab = {f: i for i, f in enumerate(sorted({f for d in docs for f in d}))}
    weights = np.ones(len(docs))
    noise = uninformative(docs, labels, groups, vocab, weights, min_df=20, min_kl=0.1)
    assert noise == {"wder", "wthe"}
    # Below min_df a feature is left to the regression, however it is distributed.
    assert uninformative(docs, labels, groups, vocab, weights, min_df=61, min_kl=0.1) == set()
    # A threshold of 0 keeps everything: no divergence is below it.
    assert uninformative(docs, labels, groups, vocab, weights, min_df=20, min_kl=0.0) == set()


def _dictionary(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "omw_wikt.dictionary.tsv"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_dictionary_takes_the_news_sense_and_translates_stems_its_headwords_agree_on(tmp_path: Path) -> None:
    path = _dictionary(
        tmp_path,
        [
            "xx\tmirr\tworld",
            "xx\tmirr\tpeace",  # two senses: the one more frequent in English news wins
            "xx\tverhandlung\ttalks",
            "xx\tverhandlungen\ttalks",
            "xx\tverhaftung\tarrest",  # shares the stem "verha": 2 of 3 headwords agree
            "xx\tgerichtshof\tcourt",
            "xx\tgerichtet\tdirected",  # the stem "geric" split 1 / 1: no majority
            "xx\tkrieg\twar",
            "xx\tgrosse krieg\twar",  # not one token
            "yy\tkrieg\tstrife",  # another language reads the unit too: the more frequent English word wins
            "xx\tzu\tto",  # too short
        ],
    )
    entries = topic_align.read_dictionary(path)
    assert entries["xx"]["mirr"] == {"world", "peace"}
    assert topic_align.read_dictionary(path, ["yy"]) == {"yy": {"krieg": {"strife"}}}
    counts = {"peace": 40, "world": 10, "talks": 30, "arrest": 20, "war": 50, "strife": 2}
    table = topic_align.dictionary_table(entries, counts)
    assert table["mirr"] == ("peace", 1.0)
    assert table["krieg"] == ("war", 1.0)
    assert table["~verha"] == ("talks", 0.6667)
    assert "~geric" not in table and table["gerichtshof"] == ("court", 1.0)
    assert "zu" not in table and "grosse" not in table
    assert topic_align.dictionary_table(entries, counts, min_stem_share=0.7).get("~verha") is None


def test_a_dictionary_fills_only_what_the_sentences_left_untranslated(tmp_path: Path) -> None:
    path = _dictionary(tmp_path, ["xx\tkrieg\tstrife", "xx\tfrieden\tpeace", "xx\tthe\tthe", "xx\tnorth\tnorden"])
    table = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=2, min_dice=0.5, dictionaries=[path])
    assert table["krieg"] == "war"  # learnt from sentences: kept
    assert table["frieden"] == "peace"  # the dictionary's
    assert "the" not in table and "north" not in table  # English words of the sentences are never translated
    assert list(table) == sorted(table)


def test_words_of_the_english_training_news_are_translated_by_neither_table(tmp_path: Path) -> None:
    # "bank" is a Dutch headword (bench) and "spiel" a sentence pair; both are also words of English news
    # here, where a translation would rewrite English stories.
    path = _dictionary(tmp_path, ["xx\tbank\tbench", "xx\tfrieden\tpeace"])
    news = {"bank": 3, "spiel": 1, "peace": 9}
    table = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=2, min_dice=0.5, dictionaries=[path], english_counts=news)
    assert "bank" not in table and "spiel" not in table
    assert table["frieden"] == "peace" and table["krieg"] == "war"
    without = topic_align.learn(_parallel(tmp_path), ["xx"], min_count=2, min_dice=0.5, dictionaries=[path])
    assert without["bank"] == "bench" and without["spiel"] == "match"


def test_english_counts_are_stories_of_english_rows_that_hold_a_word() -> None:
    from stream.build.topic_model import english_counts

    rows = [
        {"text": "Peace talks, peace deal", "lang": "en"},
        {"text": "World peace", "lang": "en"},
        {"text": "peace peace", "lang": "fr"},  # not English: not counted
    ]
    counts = english_counts(rows)
    assert counts["peace"] == 2 and counts["world"] == 1 and counts["talks"] == 1


def test_the_cli_refuses_a_missing_dictionary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from stream.build.topic_model import main

    for name in ("sib200", "ntrex"):
        (tmp_path / f"{name}.parallel.tsv").write_text(_parallel(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SystemExit):
        main([str(tmp_path), "--out", str(tmp_path / "m.bin.gz"), "--translate-dictionary", "omw_wikt"])
    assert "omw_wikt.dictionary.tsv missing" in capsys.readouterr().err
    assert not (tmp_path / "m.bin.gz").exists()


def test_a_model_trained_with_a_dictionary_reads_its_words_as_english(tmp_path: Path) -> None:
    # "schlacht" is in no parallel sentence; "krieg" is, and the sentences' pair stands.
    dictionary = "xx\tkrieg\tstrife\nxx\tschlacht\twar\nxx\tschlacht\tbattle\n"
    header, m = _train_toy(tmp_path, dictionary)
    assert header["translation_dictionaries"] == ["omw_wikt"]
    # "war" is in 120 English stories, "battle" in none: the news sense.
    assert m.translations["schlacht"] == "war" and m.translations["krieg"] == "war"
    text = "Schlacht im Norden"
    assert m.predict(TokenStream.of(text), text, threshold=0.5)[0].code == "medtop:16000000"


def test_a_snowball_unit_translates_the_inflected_forms_of_a_headword(tmp_path: Path) -> None:
    from stream.topics.features import snowball_unit

    assert snowball_unit("войнах", "ru") == snowball_unit("войны", "ru") == "^ru:войн"
    assert snowball_unit("savaşta", "tr") == snowball_unit("savaş", "tr") == "^tr:savaş"
    assert snowball_unit("войнах", "xx") is None and snowball_unit("войнах", None) is None
    assert snowball_unit("12345", "ru") is None and snowball_unit("на", "ru") is None
    entries = topic_align.read_dictionary(_dictionary(tmp_path, ["ru\tвойна\twar", "ru\tвойны\twar", "ru\tвойти\tenter"]))
    plain = topic_align.dictionary_table(entries, {"war": 5})
    table = topic_align.dictionary_table(entries, {"war": 5}, snowball=True)
    assert "^ru:войн" not in plain and table["^ru:войн"] == ("war", 1.0)
    m = _toy_model(tmp_path, {u: e for u, (e, _) in table.items()})
    english, _ = m.probabilities(TokenStream.of("war"))
    # The locative plural is in no entry as a word or a five-letter prefix; its Snowball stem is, with the story's language.
    assert np.allclose(m.probabilities(TokenStream.of("войнах"), "ru")[0], english)
    assert m.probabilities(TokenStream.of("войнах"))[1] == []
    text = "В войнах"
    (topic,) = m.predict(TokenStream.of(text), text, threshold=0.5, lang="ru")
    assert topic.code == "medtop:16000000" and topic.evidence[0][:3] == ("войнах", 2, 8)


def test_a_language_whose_stemmer_this_snowball_lacks_goes_without_stem_units(monkeypatch: pytest.MonkeyPatch) -> None:
    from stream.topics import features

    features.snowball_stemmer.cache_clear()
    monkeypatch.setattr(features.snowballstemmer, "algorithms", lambda: ["russian"])
    try:
        assert features.snowball_unit("wojnach", "pl") is None
        assert features.snowball_unit("войнах", "ru") == "^ru:войн"
    finally:
        features.snowball_stemmer.cache_clear()
