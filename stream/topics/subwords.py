"""The subword topic model: topic scores per SentencePiece token of a multilingual sentence encoder.

The word model (:mod:`stream.topics.model`) learns a word's topic from labelled news in that word's language, or
from the English word a translation table maps it to; a language seen only in ~800 FLORES sentences keeps most of
its news words unknown. This model brings the one thing that can carry topics across languages without labelled
news in each: an encoder whose space already puts translations together. Google's Universal Sentence Encoder
Multilingual v3 (USEm, 16 languages: ar, de, en, es, fr, it, ja, ko, nl, pl, pt, ru, th, tr, zh, zh-TW) turns text
into SentencePiece tokens, embeds each with its n-gram context, averages them and passes the average through a
small network. Running it on a 2 KB story costs ~30 ms (``stream/build/topic_subwords.py`` records the figures),
a hundred times the topic stage's budget, so the builder makes it static:

* each token's own vector is computed once, as the encoder computes it for a token with no neighbours, and
  projected as the encoder projects the average (its ``cnn_W``): the story's average is then a sum of table rows;
* a logistic regression over that average is trained on the same corpora and hold-out as the word model, and,
  the average being linear in the rows, folded into one score per token and topic.

So a story's topic logits are ``bias + (sum of its tokens' rows + n * base) / sqrt(n)`` over its ``n`` tokens
(with the encoder's start and end tokens): one table lookup per token, and each token's part of a topic's score is
its evidence, with the offsets of its text in the story. The network after the average was measured and left out
(nonlinear, ~150 us per story for no better figure; see the builder). Only stories in the encoder's languages
(:meth:`SubwordModel.reads`) are read: in others its tokens are fragments it was not trained to place, and reading
them lowered those languages' figures.

File format (``data/topic_subwords.bin.gz``, gzip): one JSON header line (format, topics, sizes, provenance),
then the SentencePiece model (``spm_bytes``), the token table (tokens x topics, float16, row-major), the base
row and the biases (float32).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["ARTIFACT", "FORMAT", "MAX_PIECES", "SubwordModel", "SubwordScores", "load", "shipped"]

ARTIFACT = Path(__file__).parent / "data" / "topic_subwords.bin.gz"
FORMAT = 1
#: Tokens read per story (after the start token): the word model reads the headline and lead; a token is about
#: two-thirds of a word, so this reads about as far. The builder trains on the same count.
MAX_PIECES = 256
# Characters tokenised first (see SubwordModel._first_pieces): MAX_PIECES tokens of the bench corpus's stories
# in the encoder's languages take at most ~1,350 (English; Arabic ~930).
_PREFIX_CHARS = 1_500
_MARK = "\u2581"  # SentencePiece's word-start mark
_EVIDENCE = 6
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class SubwordScores:
    """One story's topic logits and the tokens they came from."""

    logits: np.ndarray[Any, Any]  # (topics,) float32
    ids: list[int]  # the story's tokens, without the start and end tokens
    scale: float  # 1 / sqrt(tokens): each token's share of a logit is its row times this
    rows: np.ndarray[Any, Any]  # (tokens + 2, topics) float32: the table's rows of the start token, ids, end token

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True, slots=True)
class SubwordModel:
    topics: tuple[str, ...]
    table: np.ndarray[Any, Any]  # (tokens, topics) float16
    base: np.ndarray[Any, Any]  # (topics,) float32: the encoder's per-token bias, projected
    bias: np.ndarray[Any, Any]  # (topics,) float32
    header: dict[str, Any]
    processor: Any  # sentencepiece.SentencePieceProcessor
    languages: frozenset[str] = frozenset()  # the encoder's languages: only stories in them are read
    lengths: np.ndarray[Any, Any] = field(init=False, repr=False, compare=False)  # each token's normalised length
    marks: np.ndarray[Any, Any] = field(init=False, repr=False, compare=False)  # whether a token starts a word

    _bos: int = field(init=False, repr=False, compare=False)
    _eos: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_bos", self.processor.bos_id())
        object.__setattr__(self, "_eos", self.processor.eos_id())
        pieces = self.processor.id_to_piece(list(range(self.processor.get_piece_size())))
        object.__setattr__(self, "lengths", np.fromiter(map(len, pieces), dtype=np.int32, count=len(pieces)))
        object.__setattr__(self, "marks", np.fromiter((p.startswith(_MARK) for p in pieces), dtype=bool, count=len(pieces)))

    @property
    def relative_cutoff(self) -> float | None:
        """The share of the best topic's probability a further one needs in a story read with the word model
        (None: the word model's own)."""
        value = self.header.get("relative_cutoff")
        return None if value is None else float(value)

    def reads(self, lang: str | None) -> bool:
        """Whether a story in ``lang`` is read (an unknown language is not)."""
        return lang is not None and lang.split("-")[0] in self.languages

    def scores(self, text: str) -> SubwordScores:
        """Topic logits of ``text`` (its first :data:`MAX_PIECES` tokens)."""
        # One call over the text: SentencePiece's own loop is ~100 ns a character, while a call per word (to keep
        # each word's tokens) costs more in calls than it saves, even with every word kept.
        ids = self._first_pieces(text)
        known = [self._bos, *ids, self._eos]
        n = len(known)
        scale = 1.0 / math.sqrt(n)
        rows = self.table.take(known, axis=0).astype(np.float32)
        logits = self.bias + (np.add.reduce(rows, axis=0) + n * self.base) * scale
        return SubwordScores(logits.astype(np.float32, copy=False), ids, scale, rows)

    def _first_pieces(self, text: str) -> list[int]:
        """The first :data:`MAX_PIECES` token ids of ``text``, tokenising only as much of it as they need.

        The encoder's SentencePiece model segments each whitespace-separated chunk on its own, so the tokens of a
        prefix cut at a space are the first tokens of the whole text. A wire story reaches the cap within its
        first ~1,100-1,350 characters (:data:`_PREFIX_CHARS`), so most of a 2,000-character story's tokenising
        would be thrown away; when the prefix holds fewer tokens than the cap, the whole text is read. Checked once
        with a scratch script (ids equal on 28,125 public and bench texts, 2,954 of them longer than the prefix);
        the unit tests move the prefix across the cap's token."""
        if len(text) > _PREFIX_CHARS:
            cut = text.rfind(" ", 0, _PREFIX_CHARS)
            if cut >= _PREFIX_CHARS // 2:  # else little text is spaced (Japanese, Chinese): read it all at once
                ids = self.processor.encode(text[:cut])
                if len(ids) >= MAX_PIECES:
                    del ids[MAX_PIECES:]
                    return ids
        ids = self.processor.encode(text)
        del ids[MAX_PIECES:]
        return ids

    def probabilities(self, text: str) -> np.ndarray[Any, Any]:
        """Softmax over :attr:`topics`."""
        logits = self.scores(text).logits
        exp = np.exp(logits - logits.max())
        result: np.ndarray[Any, Any] = exp / exp.sum()
        return result

    def evidence(
        self, scores: SubwordScores, text: str, k: int, *, weight: float = 1.0, limit: int = _EVIDENCE
    ) -> list[tuple[str, int, int, float]]:
        """The tokens that added most to topic ``k``: (text, start, end, contribution times ``weight``).

        The encoder's SentencePiece model splits at whitespace before it segments, and marks the first token of
        each word: the tokens are walked beside the text's words, and a token is placed in its word by the
        lengths of the word's tokens before it (the mark stands for no character). Where the normaliser changed
        the word's characters (NFKC) and the token's text is not there, it is looked for in the word, and left out
        if not found."""
        ids = scores.ids
        if not ids:
            return []
        contrib = scores.rows[1 : len(ids) + 1, k] * (scores.scale * weight)
        order = (-contrib).argsort()[:limit]
        best = [j for j, value in zip(order.tolist(), contrib[order].tolist(), strict=True) if value > 0]
        if not best:
            return []
        head = np.asarray(ids[: max(best) + 1])
        lengths = self.lengths.take(head)
        starts = self.marks.take(head)
        word = (np.cumsum(starts) - 1).tolist()  # the word each token is in (-1: before the first mark)
        before = np.cumsum(lengths) - lengths  # where each token starts in the normalised text
        word_start = before[starts].tolist()  # ... and each word
        before_l, lengths_l = before.tolist(), lengths.tolist()
        spans = _nth_words(text, sorted({word[j] for j in best if word[j] >= 0}))
        places: dict[int, tuple[int, int]] = {}
        for j in best:
            w = word[j]
            if w not in spans:
                continue
            start, end = spans[w]
            surface = self.processor.id_to_piece(ids[j]).replace(_MARK, " ").strip()
            if not surface:
                continue
            # The word's mark stands for no character: a token starts its word's length before it later.
            found = start - 1 + before_l[j] - word_start[w] + lengths_l[j] - len(surface)
            if text[found : found + len(surface)] != surface:
                found = text.find(surface, start, end)
            if found >= 0:
                places[j] = (found, found + len(surface))
        out = []
        for j in best:
            if j in places:
                s, e = places[j]
                out.append((text[s:e], s, e, round(float(contrib[j]), 4)))
        return out


def _nth_words(text: str, wanted: list[int]) -> dict[int, tuple[int, int]]:
    """The spans of the text's whitespace-separated words numbered ``wanted`` (ascending), the others skipped."""
    words = _WORD.finditer(text)
    out: dict[int, tuple[int, int]] = {}
    at = 0
    for n in wanted:
        match = next(islice(words, n - at, None), None)
        if match is None:
            break
        out[n] = match.span()
        at = n + 1
    return out


def load(path: Path = ARTIFACT) -> SubwordModel:
    """Read a file written by :mod:`stream.build.topic_subwords`."""
    import sentencepiece

    with gzip.open(path, "rb") as fh:
        header = json.loads(fh.readline())
        if header.get("format") != FORMAT:
            raise ValueError(f"{path}: subword model format {header.get('format')!r}, expected {FORMAT}")
        spm = fh.read(int(header["spm_bytes"]))
        n, k = int(header["tokens"]), len(header["topics"])
        table = np.frombuffer(fh.read(n * k * 2), dtype="<f2").reshape(n, k)
        base = np.frombuffer(fh.read(k * 4), dtype="<f4").astype(np.float32)
        bias = np.frombuffer(fh.read(k * 4), dtype="<f4").astype(np.float32)
    processor = sentencepiece.SentencePieceProcessor(model_proto=spm)
    if processor.get_piece_size() != n:
        raise ValueError(f"{path}: {n} table rows for {processor.get_piece_size()} SentencePiece tokens")
    return SubwordModel(tuple(header["topics"]), table, base, bias, header, processor, frozenset(header["languages"]))


@cache
def shipped() -> SubwordModel | None:
    """The shipped subword model, loaded once per process; None when its file is absent."""
    return load() if ARTIFACT.exists() else None
