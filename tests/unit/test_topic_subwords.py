"""The subword topic model (stream.topics.subwords) and its combination with the word model."""

from __future__ import annotations

import math

import numpy as np
import pytest

from stream.build.topic_subwords import token_vectors
from stream.pipeline import Pipeline
from stream.text.normalize import TokenStream
from stream.topics import subwords
from stream.topics.model import model
from stream.topics.subwords import MAX_PIECES, SubwordModel, shipped

SPORT, DISASTER, ECONOMY = "medtop:15000000", "medtop:03000000", "medtop:04000000"


@pytest.fixture(scope="module")
def sub() -> SubwordModel:
    loaded = shipped()
    assert loaded is not None, "stream/topics/data/topic_subwords.bin.gz is shipped"
    return loaded


def test_logits_are_the_bias_plus_the_scaled_sum_of_the_tokens_rows(sub: SubwordModel) -> None:
    text = "Le parlement adopte la loi de finances après un long débat sur la dette publique."
    scores = sub.scores(text)
    ids = [sub.processor.bos_id(), *sub.processor.encode(text), sub.processor.eos_id()]
    expected = sub.bias + (sub.table[ids].astype(np.float64).sum(axis=0) + len(ids) * sub.base) / math.sqrt(len(ids))
    assert scores.ids == ids[1:-1]
    assert np.allclose(scores.logits, expected, atol=1e-4)
    assert np.array_equal(sub.scores(text).logits, scores.logits)  # deterministic


def test_a_long_story_is_read_to_its_first_max_pieces_tokens(sub: SubwordModel) -> None:
    text = "Rettungskräfte suchen nach Verschütteten. " * 200
    scores = sub.scores(text)
    assert len(scores) == MAX_PIECES
    assert np.array_equal(scores.logits, sub.scores(text[: len(text) // 2]).logits)


_LONG = {
    "en": "The central bank raised its key rate by half a point on Thursday, citing inflation. ",
    "de": "Rettungskräfte suchten am Donnerstag in den Trümmern nach Verschütteten; die Regierung rief den Notstand aus. ",
    "ru": "Нападающий забил победный гол на последней минуте, и клуб вышел в финал кубка страны. ",
    "ar": "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في جنيف بمشاركة الطرفين. ",
    "ja": "地震の規模はマグニチュード6.8と推定され、 政府は被害の確認を急いでいる。",  # few spaces: read whole
    "zh": "中央银行宣布下调存款准备金率，以支持经济增长。",  # no space at all
}


@pytest.mark.parametrize("lang", sorted(_LONG))
def test_a_long_story_tokenised_from_a_prefix_has_the_whole_texts_first_tokens(
    sub: SubwordModel, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Sentences of different lengths, so that the cut falls at a different place in each.
    text = "\n\n".join(_LONG[lang][: len(_LONG[lang]) - i % 7] for i in range(100))
    whole = sub.processor.encode(text)[:MAX_PIECES]
    assert len(text) > 2000 and sub.scores(text).ids == whole
    for cut in range(1200, 1800, 37):  # stories that end near the prefix's length
        assert sub.scores(text[:cut]).ids == sub.processor.encode(text[:cut])[:MAX_PIECES]
    # Prefixes whose last word falls before, at and after the cap's token: the first tokens never change.
    for prefix in range(500, 1600, 7):
        monkeypatch.setattr(subwords, "_PREFIX_CHARS", prefix)
        assert sub.scores(text).ids == whole, prefix


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Der Stürmer erzielte in der Nachspielzeit das Siegtor, und der Verein steht im Pokalfinale.", SPORT),
        ("Нападающий забил победный гол на последней минуте, и клуб вышел в финал кубка.", SPORT),
        ("Forvet uzatma dakikalarında galibiyet golünü attı ve kulüp kupa finaline yükseldi.", SPORT),
        ("공격수가 추가 시간에 결승골을 넣어 팀이 컵 대회 결승에 진출했다.", SPORT),
        ("Ein Erdbeben der Stärke 6,8 zerstörte Hunderte Häuser; Rettungskräfte suchen nach Verschütteten.", DISASTER),
        ("Die Zentralbank hob den Leitzins an, um die Inflation zu bremsen; die Börse reagierte mit Verlusten.", ECONOMY),
    ],
)
def test_news_in_languages_without_labelled_news_finds_its_topic(sub: SubwordModel, text: str, code: str) -> None:
    # German, Russian and Turkish news are held out of training, Korean has only FLORES sentences: the encoder's
    # space carries the topic from the languages that have news.
    probs = sub.probabilities(text)
    assert sub.topics[int(probs.argmax())] == code


@pytest.mark.parametrize(
    "text",
    [
        "Ceasefire  talks in\n\nGeneva as shelling continues near Stepanakert; ministers call for a truce.",
        "   Землетрясение магнитудой 6,8 разрушило сотни домов,\tспасатели ищут людей под завалами.",
        "軍は夜間に反政府勢力の陣地を砲撃し、戦闘で兵士12人が死亡した。",
        "Forvet  uzatma  dakikalarında galibiyet golünü attı; kulüp kupa finaline yükseldi.",
    ],
)
def test_evidence_is_the_tokens_that_added_most_with_their_offsets(sub: SubwordModel, text: str) -> None:
    scores = sub.scores(text)
    for k in range(len(sub.topics)):
        evidence = sub.evidence(scores, text, k)
        assert len(evidence) <= 6
        weights = [w for *_, w in evidence]
        assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)
        for surface, start, end, _ in evidence:
            assert text[start:end] == surface and surface.strip() == surface


def test_combined_probabilities_are_the_geometric_mean_of_the_two_models() -> None:
    m = model()
    assert m.subwords is not None
    text = "중앙은행이 인플레이션을 잡기 위해 기준금리를 인상했다."
    stream = TokenStream.of(text)
    words, _ = m.probabilities(stream, "ko")
    mean = np.sqrt(words * m.subwords.probabilities(text))
    mean /= mean.sum()
    guesses = m.guesses(stream, text, threshold=0.0, lang="ko")
    # A further topic needs the combination's share of the best one's probability, not the word model's.
    assert m.subwords.relative_cutoff == 0.7 and m.relative_cutoff == 0.5
    cut = m.subwords.relative_cutoff * mean.max()
    assert [g.code for g in guesses] == [m.topics[k] for k in (-mean).argsort() if mean[k] >= cut]
    for g in guesses:
        assert g.probability == pytest.approx(float(mean[m.topics.index(g.code)]), abs=1e-4)


def test_the_combination_finds_what_the_word_model_alone_misses() -> None:
    m = model()
    words = m.with_subwords(None)
    for text, lang, code in [
        ("공격수가 추가 시간에 결승골을 넣어 팀이 컵 대회 결승에 진출했다.", "ko", SPORT),
        ("地震で多くの家屋が倒壊し、救助隊が生存者を捜索している。", "ja", DISASTER),
        ("中央银行宣布加息以抑制通货膨胀，股市应声下跌。", "zh", ECONOMY),
    ]:
        stream = TokenStream.of(text)
        assert code not in [g.code for g in words.predict(stream, text, lang=lang)]
        found = m.predict(stream, text, lang=lang)
        assert found[0].code == code
        # Its evidence holds the subword model's tokens, placed in the text.
        assert found[0].evidence and all(text[s:e] == surface for surface, s, e, _ in found[0].evidence)


def test_stories_outside_the_encoders_languages_are_read_by_the_word_model_alone() -> None:
    m = model()
    words = m.with_subwords(None)
    text = "Mshambuliaji alifunga bao la ushindi dakika za mwisho na klabu imefika fainali ya kombe."
    stream = TokenStream.of(text)
    for lang in ("sw", None):
        assert m.predict(stream, text, lang=lang) == words.predict(stream, text, lang=lang)
    assert m.predict(TokenStream.of("zzqx vvkj"), "zzqx vvkj", lang="en") == []  # no known word: no topic


def test_the_setting_words_turns_the_subword_model_off() -> None:
    assert Pipeline(topic_model="on").model is not None and Pipeline(topic_model="on").model.subwords is not None  # type: ignore[union-attr]
    words = Pipeline(topic_model="words").model
    assert words is not None and words.subwords is None
    assert Pipeline(topic_model="off").model is None


def test_token_vectors_compute_each_token_as_the_encoder_does_with_no_neighbours() -> None:
    # The builder keeps only the token's own rows of each n-gram window's weights; the encoder multiplies the
    # whole window, its other slots zero. Random weights in the encoder's shapes, 34 tokens.
    rng = np.random.default_rng(7)
    weights: dict[str, np.ndarray] = {f"q{i + 1}": rng.integers(0, 64, (2, 512), dtype=np.uint8) for i in range(17)}
    weights.update(scale=rng.random(17, dtype=np.float32) * 0.1, lo=-rng.random(17, dtype=np.float32), eps=np.float32(1e-6))
    for n in (2, 3, 5):
        weights[f"proj{n}"] = rng.normal(0, 0.05, (512, 256)).astype(np.float32)
        weights[f"proj_b{n}"] = rng.normal(0, 0.1, 256).astype(np.float32)
        weights[f"ln_g{n}"], weights[f"ln_b{n}"] = rng.random(256).astype(np.float32), rng.normal(0, 0.1, 256).astype(np.float32)
        weights[f"w1_{n}"] = rng.normal(0, 0.05, (n * 256, 256)).astype(np.float32)
        weights[f"w2_{n}"] = rng.normal(0, 0.05, (n * 256, 256)).astype(np.float32)
        weights[f"b1_{n}"], weights[f"b2_{n}"] = rng.normal(0, 0.1, (2, 256)).astype(np.float32)
    weights.update(ln_g=rng.random(1280).astype(np.float32), ln_b=rng.normal(0, 0.1, 1280).astype(np.float32))
    weights.update(cnn_W=rng.normal(0, 0.05, (1280, 8)).astype(np.float32), cnn_b=rng.normal(0, 0.1, 8).astype(np.float32))
    vectors, base = token_vectors(weights, batch=5)
    assert vectors.shape == (34, 8) and np.array_equal(base, weights["cnn_b"])

    def norm(x: np.ndarray, g: np.ndarray, b: np.ndarray) -> np.ndarray:
        x = x - x.mean()
        return x / np.sqrt((x * x).mean() + 1e-6) * g + b

    for token in (0, 16, 17, 33):
        row = weights[f"q{token % 17 + 1}"][token // 17].astype(np.float32)
        emb = row * weights["scale"][token % 17] + weights["lo"][token % 17]
        orders = ((2, 0), (3, 1), (5, 2))
        # One layer norm over the three branches' projections together, as the encoder's.
        projected = norm(
            emb @ np.concatenate([weights[f"proj{n}"] for n, _ in orders], axis=1)
            + np.concatenate([weights[f"proj_b{n}"] for n, _ in orders]),
            np.concatenate([weights[f"ln_g{n}"] for n, _ in orders]),
            np.concatenate([weights[f"ln_b{n}"] for n, _ in orders]),
        )
        feats = [emb]
        for i, (n, slot) in enumerate(orders):
            x = projected[i * 256 : (i + 1) * 256]
            window = np.zeros(n * 256, dtype=np.float32)
            window[slot * 256 : (slot + 1) * 256] = x
            h = np.maximum(window @ weights[f"w1_{n}"] + weights[f"b1_{n}"], 0) + x
            window = np.zeros(n * 256, dtype=np.float32)
            window[slot * 256 : (slot + 1) * 256] = h
            feats.append(np.maximum(window @ weights[f"w2_{n}"] + weights[f"b2_{n}"], 0) + h)
        expected = norm(np.concatenate(feats), weights["ln_g"], weights["ln_b"]) @ weights["cnn_W"]
        assert np.allclose(vectors[token], expected, atol=1e-4), token


def test_combined_evidence_halves_each_side_and_adds_them_on_one_span() -> None:
    m = model()
    assert m.subwords is not None
    words = m.with_subwords(None)
    text = "Der Stürmer erzielte in der Nachspielzeit das Siegtor, und der Verein steht im Pokalfinale."
    stream = TokenStream.of(text)
    combined = m.predict(stream, text, threshold=0.0, lang="de")[0]
    alone = {t.code: t for t in words.predict(stream, text, threshold=0.0, lang="de")}[combined.code]
    k = m.topics.index(combined.code)
    tokens = m.subwords.evidence(m.subwords.scores(text), text, k)

    def first(entries: tuple[tuple[str, int, int, float], ...] | list[tuple[str, int, int, float]], s: int, e: int) -> float:
        return next((w for _, a, b, w in entries if (a, b) == (s, e)), 0.0)

    assert combined.evidence and any(first(tokens, s, e) for _, s, e, _ in combined.evidence)
    for surface, s, e, value in combined.evidence:
        assert text[s:e] == surface
        assert value == pytest.approx(0.5 * first(alone.evidence, s, e) + 0.5 * first(tokens, s, e), abs=2e-4)
