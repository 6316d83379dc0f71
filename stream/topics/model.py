"""The learned topic model: a linear classifier over word, stem, word-pair and script-piece features.

Rules are precise and editable but reach only the languages someone wrote them
for; this model adds recall in every language its training data covers (205 via
SIB-200) and on headline-length text. It is trained offline by
:mod:`stream.build.topic_model` (``make topic-model``) from public labelled
corpora listed in ``benchmarks/data/topics/SOURCES.md``; nothing is downloaded at
run time.

A prediction is a softmax over the model's topics. Because the model is linear,
each topic's score is a sum of feature weights, and the features that added
most are the evidence, with character offsets into the story text (see
:mod:`stream.topics.features`).

File format (``data/topic_model.bin.gz``, gzip): one JSON header line (format,
topics, calibration, sources, sizes), then the vocabulary as newline-separated
UTF-8 feature strings, then the weight matrix (vocabulary x topics, float16,
row-major) and the biases (float32).
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from stream.text.normalize import TokenStream
from stream.topics.features import MAX_TOKENS, is_unspaced, word_features

__all__ = ["ARTIFACT", "FORMAT", "FeatureIndex", "ModelTopic", "TopicModel", "load", "model"]

ARTIFACT = Path(__file__).parent / "data" / "topic_model.bin.gz"
FORMAT = 1
_EVIDENCE = 6  # features reported per topic
_WORD_CACHE = 1 << 16  # distinct words whose vocabulary rows are kept (cleared when full)

# A story's known features in the order :func:`~stream.topics.features.features` yields them, each
# row once (its first occurrence): rows, first token, last token, piece offset (or -1).
_Found = tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]
# Per distinct word, as native int32 bytes so that a story's entries join without a Python loop:
# its own features as (row, piece offset) pairs, and (id as the left word of a pair, id as the
# right word, number of own features); an id of -1: the word starts, or ends, no known pair.
_Entry = tuple[bytes, bytes]
_NONE: _Found = (np.zeros(0, np.int64),) * 4


class FeatureIndex:
    """The vocabulary arranged for looking up a whole story at once, with the same result as
    :func:`~stream.topics.features.features` followed by one dict lookup per feature string.

    A token's own features (word, stem, script pieces) depend on its text alone, so their rows are
    worked out once per distinct word and cached; wire vocabulary is Zipfian. Word pairs are not
    spelt out per story: every word that occurs in a pair feature gets an id, and the pairs are a
    sorted array of ``left id * width + right id`` searched for all adjacent tokens in one call.
    """

    __slots__ = ("_pair_keys", "_pair_rows", "_vocabulary", "_width", "_word_ids", "_words")

    def __init__(self, vocabulary: dict[str, int]) -> None:
        self._vocabulary = vocabulary
        ids: dict[str, int] = {}
        lefts: list[int] = []
        rights: list[int] = []
        rows: list[int] = []
        for name, row in vocabulary.items():
            if not name.startswith("b"):
                continue
            body = name[1:]
            # "b" + left + " " + right: split at every space, so that a folded token that holds a
            # space (NFKC of a ligature) still finds its pair; tokens made by the tokeniser have none.
            at = body.find(" ")
            while at >= 0:
                lefts.append(ids.setdefault(body[:at], len(ids)))
                rights.append(ids.setdefault(body[at + 1 :], len(ids)))
                rows.append(row)
                at = body.find(" ", at + 1)
        self._word_ids = ids
        self._width = max(len(ids), 1)
        keys = np.array(lefts, dtype=np.int64) * self._width + np.array(rights, dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self._pair_keys = keys[order]
        self._pair_rows = np.array(rows, dtype=np.int64)[order]
        self._words: dict[str, _Entry] = {}

    def _entry(self, word: str) -> _Entry:
        vocab = self._vocabulary
        own = [(vocab[name], piece) for name, piece in word_features(word) if name in vocab]
        wid = self._word_ids.get(word, -1)
        unspaced = is_unspaced(word)
        meta = (-1 if unspaced or word.isdigit() else wid, -1 if unspaced else wid, len(own))
        entry = (np.array(own, dtype=np.int32).tobytes(), np.array(meta, dtype=np.int32).tobytes())
        if len(self._words) >= _WORD_CACHE:
            self._words.clear()
        self._words[word] = entry
        return entry

    def found(self, stream: TokenStream, limit: int = MAX_TOKENS) -> _Found:
        """The story's known features, each row once, in the order the features occur."""
        texts = stream.texts[:limit]
        n = len(texts)
        if not n:
            return _NONE
        get = self._words.get
        own_b, meta_b = zip(*[get(w) or self._entry(w) for w in texts], strict=True)
        own = np.frombuffer(b"".join(own_b), dtype=np.int32).reshape(-1, 2).astype(np.int64)
        meta = np.frombuffer(b"".join(meta_b), dtype=np.int32).reshape(n, 3).astype(np.int64)
        rows, pieces = own[:, 0], own[:, 1]
        firsts = np.repeat(np.arange(n, dtype=np.int64), meta[:, 2])
        lasts = firsts
        if n > 1 and len(self._pair_keys):
            left, right = meta[:-1, 0], meta[1:, 1]
            at = np.flatnonzero((left >= 0) & (right >= 0))
            if len(at):
                keys = left[at] * self._width + right[at]
                pos = np.searchsorted(self._pair_keys, keys)
                pos[pos == len(self._pair_keys)] = 0
                hit = self._pair_keys[pos] == keys
                if hit.any():
                    pair_rows = self._pair_rows[pos[hit]]
                    pair_first = at[hit]
                    # A token's own features come before its pair with the token before it.
                    order = np.argsort(np.concatenate((firsts * 2, pair_first * 2 + 3)), kind="stable")
                    rows = np.concatenate((rows, pair_rows))[order]
                    pieces = np.concatenate((pieces, np.full(len(pair_rows), -1, dtype=np.int64)))[order]
                    lasts = np.concatenate((firsts, pair_first + 1))[order]
                    firsts = np.concatenate((firsts, pair_first))[order]
        if not len(rows):
            return _NONE
        _, first_seen = np.unique(rows, return_index=True)
        if len(first_seen) < len(rows):
            keep = np.sort(first_seen)
            return rows[keep], firsts[keep], lasts[keep], pieces[keep]
        return rows, firsts, lasts, pieces


@dataclass(frozen=True, slots=True)
class ModelTopic:
    """One topic the model predicts, with its probability and the features that voted for it."""

    code: str
    probability: float
    evidence: tuple[tuple[str, int, int, float], ...]  # (surface text, start, end, contribution)


@dataclass(frozen=True, slots=True)
class TopicModel:
    topics: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray[Any, Any]  # (features, topics) float32
    bias: np.ndarray[Any, Any]  # (topics,) float32
    header: dict[str, Any]
    index: FeatureIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", FeatureIndex(self.vocabulary))

    @property
    def threshold(self) -> float:
        """Probability at which a topic is reported when the rules found none (see ``SOURCES.md``)."""
        return float(self.header.get("threshold", 0.5))

    @property
    def threshold_with_rules(self) -> float:
        """Probability at which a topic is added beside topics the rules found: the rules are more precise."""
        return float(self.header.get("threshold_with_rules", self.threshold))

    def probabilities(self, stream: TokenStream) -> tuple[np.ndarray[Any, Any], list[tuple[int, int, int, int]]]:
        """Softmax probabilities per topic and the known features found: (row, first token, last token, piece)."""
        probs, (rows, firsts, lasts, pieces) = self._probabilities(stream)
        return probs, list(zip(rows.tolist(), firsts.tolist(), lasts.tolist(), pieces.tolist(), strict=True))

    def _probabilities(self, stream: TokenStream) -> tuple[np.ndarray[Any, Any], _Found]:
        found = self.index.found(stream, MAX_TOKENS)
        rows = found[0]
        logits = self.bias.copy()
        if len(rows):
            logits += self.weights[rows].sum(axis=0) / math.sqrt(len(rows))
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum(), found

    def predict(self, stream: TokenStream, text: str, *, threshold: float | None = None) -> list[ModelTopic]:
        """Topics at or above ``threshold`` (default: the model's), best first, with evidence."""
        probs, (rows, firsts, lasts, pieces) = self._probabilities(stream)
        limit = self.threshold if threshold is None else threshold
        out: list[ModelTopic] = []
        if not len(rows):
            return out
        scale = 1.0 / math.sqrt(len(rows))
        for k in np.argsort(-probs):
            p = float(probs[k])
            if p < limit:
                break
            contrib = self.weights[rows, k] * scale
            top = np.argsort(-contrib)[:_EVIDENCE]
            evidence = []
            for j in top:
                weight = float(contrib[j])
                if weight <= 0:
                    break
                start, end = _span(stream, int(firsts[j]), int(lasts[j]), int(pieces[j]))
                evidence.append((text[start:end], start, end, round(weight, 4)))
            out.append(ModelTopic(self.topics[k], round(p, 4), tuple(evidence)))
        return out


def _span(stream: TokenStream, first: int, last: int, piece: int) -> tuple[int, int]:
    start, end = stream.start(first), stream.end(last)
    if piece >= 0 and end - start == len(stream.texts[first]):
        # A two-letter piece of an unspaced token; folding kept the length, so offsets map one to one.
        return start + piece, start + piece + 2
    return start, end


def load(path: Path = ARTIFACT) -> TopicModel:
    """Read a model file written by :mod:`stream.build.topic_model`."""
    with gzip.open(path, "rb") as fh:
        header = json.loads(fh.readline())
        if header.get("format") != FORMAT:
            raise ValueError(f"{path}: topic model format {header.get('format')!r}, expected {FORMAT}")
        n, k = int(header["features"]), len(header["topics"])
        vocab_bytes = fh.read(int(header["vocabulary_bytes"]))
        weights = np.frombuffer(fh.read(n * k * 2), dtype="<f2").reshape(n, k).astype(np.float32)
        bias = np.frombuffer(fh.read(k * 4), dtype="<f4").astype(np.float32)
    words = vocab_bytes.decode("utf-8").split("\n")
    if len(words) != n:
        raise ValueError(f"{path}: {len(words)} vocabulary entries for {n} weight rows")
    return TopicModel(tuple(header["topics"]), {w: i for i, w in enumerate(words)}, weights, bias, header)


@cache
def model() -> TopicModel:
    """The shipped model, loaded once per process."""
    return load()
