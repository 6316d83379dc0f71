"""Character n-gram engine for headline-sized text, on lingua's news-trained models.

The four packaged engines are trained for sentences: on one or two words cld2
falls back to English, fastText to the big language of a family, langid and
langdetect are noisy. lingua's method suits a word or two: it scores every
n-gram of orders 1-5 of each word by its probability given the letters before
it, falling back to shorter n-grams where a long one is unseen, sums the
log-probabilities per language and divides by the number of the word's letters
the language knows. This module implements that method on the models
:mod:`stream.build.ngrams` extracts from lingua 1.3.5 (``data/language/ngrams.bin.gz``),
so lingua itself, ~800 MiB resident with all its models, is never loaded. Four target
languages lingua has no model for (Tajik, Pashto, Kurmanji, Uzbek) are counted the same way from
SIB-200's train and dev sentences (:data:`stream.build.ngrams.CORPUS_LANGUAGES`).

At run time each order is a sorted ``array('I')`` of n-gram CRC-32s and a
parallel ``array('H')`` of ``language << 8 | cost``, cost being the negative
natural log-probability in tenths: one binary search finds an n-gram's costs in
every language at once, 6 bytes an entry. A CRC-32 shared by two n-grams of
different languages is harmless (each entry carries its language); an n-gram
missing from a language matching another of its n-grams' CRC happens about once
in 10^4 lookups and shifts one score by one n-gram.

Only text up to :data:`LIMIT` letters is scored (the engine is for short text;
lingua itself switches to trigrams alone beyond 120 characters).
"""

from __future__ import annotations

import gzip
import json
import math
import re
import sys
import zlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

__all__ = ["ARTIFACT", "FORMAT", "LIMIT", "NgramModel", "languages", "load", "model", "ngram_key", "rank"]

ARTIFACT = Path(__file__).parent / "data" / "ngrams.bin.gz"
LIMIT = 120
FORMAT = 2  # version of the file layout stream.build.ngrams writes
_WORD = re.compile(r"[^\W\d_]+")


def ngram_key(ngram: str) -> int:
    """CRC-32 of ``ngram``'s UTF-8 bytes: how the model file and the tables name an n-gram."""
    return zlib.crc32(ngram.encode("utf-8"))


@dataclass(frozen=True, slots=True)
class NgramModel:
    """Languages and, per order 1-5, the sorted keys (see the module docstring)."""

    languages: tuple[str, ...]
    crcs: tuple[array[int], ...]
    values: tuple[array[int], ...]
    source: str

    def costs(self, ngram: str) -> list[tuple[int, int]]:
        """``[(language index, cost in tenths of a nat), ...]`` of ``ngram`` in every language that has it."""
        crcs = self.crcs[len(ngram) - 1]
        values = self.values[len(ngram) - 1]
        crc = ngram_key(ngram)
        i = bisect_left(crcs, crc)
        found: list[tuple[int, int]] = []
        while i < len(crcs) and crcs[i] == crc:
            value = values[i]
            found.append((value >> 8, value & 0xFF))
            i += 1
        return found

    def scores(self, text: str) -> dict[str, float]:
        """lingua's score per language: summed log-probabilities over the number of known letters (< 0)."""
        words = _WORD.findall(text.lower())
        letters = sum(len(w) for w in words)
        if not words or letters > LIMIT:
            return {}
        total = [0.0] * len(self.languages)
        known = [0] * len(self.languages)
        everyone = range(len(self.languages))
        for order in range(1, 6):
            # Sorted: floating-point sums depend on their order, and a set's order changes with PYTHONHASHSEED,
            # which flipped near-ties between runs (the engine alone scored 51.3 or 50.9 on the same words).
            grams = sorted({w[i : i + order] for w in words for i in range(len(w) - order + 1)})
            for gram in grams:
                pending = set(everyone)
                # A language that lacks the n-gram is scored on its longest known prefix, as lingua does.
                for length in range(order, 0, -1):
                    for lang, cost in self.costs(gram[:length]):
                        if lang in pending:
                            pending.discard(lang)
                            total[lang] -= cost / 10.0
                            if order == 1:
                                known[lang] += 1
                    if not pending:
                        break
        return {self.languages[i]: total[i] / known[i] if known[i] else total[i] for i in everyone if total[i] < 0}


def load(path: Path = ARTIFACT) -> NgramModel:
    """Read the model file written by :mod:`stream.build.ngrams`."""
    crcs: list[array[int]] = []
    values: list[array[int]] = []
    with gzip.open(path, "rb") as data:
        header = json.loads(data.readline())
        if header.get("format") != FORMAT:
            raise ValueError(f"{path}: format {header.get('format')}, expected {FORMAT}: rebuild with make ngrams")
        for size in header["sizes"]:
            deltas = array("I")
            deltas.frombytes(data.read(4 * size))
            value = array("H")
            value.frombytes(data.read(2 * size))
            if sys.byteorder != "little":
                deltas.byteswap()
                value.byteswap()
            crcs.append(array("I", accumulate(deltas)))
            values.append(value)
    return NgramModel(tuple(header["languages"]), tuple(crcs), tuple(values), str(header["source"]))


@cache
def model() -> NgramModel:
    """The packaged model, loaded once."""
    return load()


@cache
def languages() -> frozenset[str]:
    """Languages the packaged model scores."""
    return frozenset(model().languages)


def rank(text: str) -> list[tuple[str, float]]:
    """Languages of short ``text`` best first, scores softmax-normalised to sum to 1; ``[]`` beyond the limit."""
    scores = model().scores(text)
    if not scores:
        return []
    best = max(scores.values())
    weights = {code: math.exp(s - best) for code, s in scores.items()}
    total = sum(weights.values())
    return sorted(((c, w / total) for c, w in weights.items()), key=lambda kv: (-kv[1], kv[0]))
