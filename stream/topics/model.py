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
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from stream.text.normalize import TokenStream
from stream.topics.features import MAX_TOKENS, features

__all__ = ["ARTIFACT", "FORMAT", "ModelTopic", "TopicModel", "load", "model"]

ARTIFACT = Path(__file__).parent / "data" / "topic_model.bin.gz"
FORMAT = 1
_EVIDENCE = 6  # features reported per topic


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
        vocab = self.vocabulary
        seen: set[int] = set()
        found: list[tuple[int, int, int, int]] = []
        for name, first, last, piece in features(stream, MAX_TOKENS):
            row = vocab.get(name)
            if row is not None and row not in seen:
                seen.add(row)
                found.append((row, first, last, piece))
        logits = self.bias.copy()
        if found:
            rows = [f[0] for f in found]
            logits += self.weights[rows].sum(axis=0) / math.sqrt(len(rows))
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum(), found

    def predict(self, stream: TokenStream, text: str, *, threshold: float | None = None) -> list[ModelTopic]:
        """Topics at or above ``threshold`` (default: the model's), best first, with evidence."""
        probs, found = self.probabilities(stream)
        limit = self.threshold if threshold is None else threshold
        out: list[ModelTopic] = []
        if not found:
            return out
        scale = 1.0 / math.sqrt(len(found))
        for k in np.argsort(-probs):
            p = float(probs[k])
            if p < limit:
                break
            contrib = self.weights[[f[0] for f in found], k] * scale
            top = np.argsort(-contrib)[:_EVIDENCE]
            evidence = []
            for j in top:
                weight = float(contrib[j])
                if weight <= 0:
                    break
                _, first, last, piece = found[j]
                start, end = _span(stream, first, last, piece)
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
