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

The shipped model (:func:`model`) carries the subword model (:mod:`stream.topics.subwords`), trained on the same
stories: for a story in one of its encoder's languages, :meth:`TopicModel.guesses` reports the geometric mean of the
two models' probabilities, and the evidence ranks words and subword tokens together, each side's weight halved as
the mean halves it. A story in which this model knows no word gets no topic, whatever the subword model makes of it.

File format (``data/topic_model.bin.gz``, gzip): one JSON header line (format,
topics, calibration, sources, sizes), then the vocabulary as newline-separated
UTF-8 feature strings, then the weight matrix (vocabulary x topics, float16,
row-major) and the biases (float32); format 2 adds the translation table
(``translations_bytes`` of newline-separated ``unit<TAB>english word`` lines, see
:mod:`stream.build.topic_align`). Format 1 files (no table) still load.
"""

from __future__ import annotations

import copy
import gzip
import json
import math
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, compress
from operator import not_
from pathlib import Path
from typing import Any

import numpy as np

from stream.text.normalize import TokenStream
from stream.topics import subwords as _subwords
from stream.topics.features import (
    MAX_TOKENS,
    STEM,
    any_unspaced,
    is_unspaced,
    own_features,
    snowball_unit,
    translate_all,
    word_features,
)
from stream.topics.packed import PackedMap, get_all, lines, starting

__all__ = [
    "ARTIFACT",
    "FORMAT",
    "RELATIVE_CUTOFF",
    "FeatureIndex",
    "Found",
    "ModelGuess",
    "ModelTopic",
    "TopicModel",
    "load",
    "model",
]

ARTIFACT = Path(__file__).parent / "data" / "topic_model.bin.gz"
FORMAT = 2
_READABLE = (1, 2)
_EVIDENCE = 6  # features reported per topic
#: A topic below this share of the best one's probability is not reported beside it. A softmax over 15 topics
#: spreads an unsure story over several at the 0.18 threshold (an earnings table: economy 0.34, sport 0.31 for
#: "vs", science 0.20), and one news story is mostly about one. Chosen as the threshold was, on the training
#: sources' test splits (``stream/build/topic_model.py`` records the values tried).
RELATIVE_CUTOFF = 0.5
#: Distinct words whose runs are kept, over all languages (two generations, see FeatureIndex._fill), ~167 bytes a
#: word (key, run, dict slot; ``python -m benchmarks.eval_topic --cost-only`` prints its word cache line): ~16 MiB
#: when full. 2**16 was all the budget allowed while the tables were dicts (88 MiB); packed (stream.topics.packed)
#: the loaded models take ~75-82 MiB, so with this cache full ~90-97 MiB of the issue's 100. 2**17 (~21 MiB full)
#: could pass it; 2**18 (~42 MiB) would.
_WORD_CACHE = 3 << 15
_FILTER_MASK = (1 << 20) - 1  # bytes of FeatureIndex's filter of words and stems, less one (see _may_hold)

# A word's run (see FeatureIndex) holds its pair ids, offset so that they cannot be taken for rows
# (below _RIGHT) and the end of a run can be found by value (its left id: at or above _LEFT).
_RIGHT = 1 << 60
_LEFT = 1 << 61
_NO_LEFT = 1 << 62  # a word that starts no pair: every key it makes is above every pair's
_EMPTY = np.zeros(0, dtype=np.int64)
_add = np.add.reduce
_max = np.maximum.reduce


class Found:
    """A story's known features: each vocabulary row once, in the order
    :func:`~stream.topics.features.features` first yields it, and where each came from.

    Where a feature came from is needed only for the few that become evidence, so it is
    worked out on request (:meth:`origin`).
    """

    __slots__ = ("_ends", "_lang", "_places", "_seq", "_texts", "_translations", "_vocabulary", "rows")

    def __init__(
        self,
        rows: np.ndarray[Any, Any],
        seq: list[int],
        places: np.ndarray[Any, Any],
        ends: np.ndarray[Any, Any],
        texts: list[str],
        vocabulary: Mapping[str, int],
        translations: Mapping[str, str],
        lang: str | None = None,
    ) -> None:
        self.rows = rows  # unique rows, first occurrence first
        self._seq = seq  # every occurrence, in order
        self._places = places  # per occurrence: its place in the story's runs (see FeatureIndex)
        self._ends = ends  # per token: the last place of its run
        self._texts = texts
        self._vocabulary = vocabulary
        self._translations = translations
        self._lang = lang

    def __len__(self) -> int:
        return len(self.rows)

    def origin(self, j: int) -> tuple[int, int, int]:
        """(first token, last token, piece offset or -1) of the first occurrence of ``rows[j]``."""
        row = int(self.rows[j])
        place = int(self._places[self._seq.index(row)])
        token = int(self._ends.searchsorted(place))
        if place == self._ends[token] - 1:  # the pair slot of a run: the pair with the token before
            return token - 1, token, -1
        word = self._texts[token]
        # Every own feature of a spaced word spans the whole token (piece -1, see own_features): only an unspaced
        # word's pieces need finding, and making the features again cost a translation and a stem per evidence.
        if not is_unspaced(word):
            return token, token, -1
        # The token's own features in the order they are made: the first with this row is the one kept.
        own = own_features(word, self._translations, self._lang)
        rows = get_all(self._vocabulary, [name for name, _ in own])
        piece = next(p for (_, p), found in zip(own, rows, strict=True) if found == row)
        return token, token, piece

    def entries(self) -> list[tuple[int, int, int, int]]:
        """Every row with its origin: (row, first token, last token, piece)."""
        return [(int(row), *self.origin(j)) for j, row in enumerate(self.rows)]


class FeatureIndex:
    """The vocabulary arranged for looking up a whole story at once, with the same result as
    :func:`~stream.topics.features.features` followed by one dict lookup per feature string.

    A token's own features (word, stem, script pieces) depend on its text alone, so their rows are
    worked out once per distinct word and cached (wire vocabulary is Zipfian), as one run of native
    int64s: ``[id as right word, own rows..., -1, id as left word]``. The -1 is where the story puts
    the row of the pair with the token before, so that joining the runs of a story's tokens lays
    every row out in the order the features occur, and each pair's two ids side by side.

    Word pairs are not spelt out per story: every word that occurs in a pair feature has an id, and
    the pairs are a sorted array of ``left id * 2 * width + right id`` (plus the offsets ``_LEFT``
    and ``_RIGHT``) searched for all adjacent tokens in one call.
    """

    __slots__ = (
        "_bits",
        "_blank",
        "_by_lang",
        "_english",
        "_old",
        "_pair_keys",
        "_pair_rows",
        "_snowball",
        "_translations",
        "_vocabulary",
        "_width",
        "_word_ids",
        "made",
    )

    def __init__(self, vocabulary: Mapping[str, int], translations: Mapping[str, str] | None = None) -> None:
        self._vocabulary = vocabulary
        self._translations = translations or {}
        ids: dict[str, int] = {}
        lefts: list[int] = []
        rights: list[int] = []
        rows: list[int] = []
        for name, row in starting(vocabulary, "b"):
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
        # A right id of ``width`` (no pair) makes a key no pair has; so does a left of _NO_LEFT.
        self._width = width = max(len(ids), 1)
        keys = np.array(lefts, dtype=np.int64) * (2 * width) + np.array(rights, dtype=np.int64) + (_LEFT + _RIGHT)
        order = np.argsort(keys, kind="stable")
        # A sentinel past every key, so that a search never lands past the end.
        self._pair_keys = np.append(keys[order], np.iinfo(np.int64).max)
        self._pair_rows = np.append(np.array(rows, dtype=np.int64)[order], -1)
        # Runs per story language: with Snowball units in the table a word's translation may depend on it. Languages
        # without such units share the None cache.
        self._snowball = frozenset(unit[1 : unit.index(":")] for unit, _ in starting(self._translations, "^"))
        self._by_lang: dict[str | None, dict[str, bytes]] = {None: {}}
        # The generation before (see _fill): its words come back without being made again.
        self._old: dict[str | None, dict[str, bytes]] = {}
        self.made = 0  # words whose runs were made, over the index's life (what a story's new words cost; see _fill)
        self._english: dict[str, tuple[int, ...]] = {}
        # The filter of _entries: every word with an id, a word feature or an entry of its own in the table, and
        # every stem with a stem feature or a ``~`` entry.
        self._bits = _may_hold(
            chain(
                ids,
                (name[1:] for name, _ in starting(vocabulary, "wp")),
                (unit[1:] if unit.startswith("~") else unit for unit, _ in starting(self._translations, "^", but=True)),
            )
        )
        self._blank = array("q", [_RIGHT + width, -1, _NO_LEFT]).tobytes()  # the run of a word with no rows or ids

    def _entry(self, word: str, lang: str | None = None) -> bytes:
        """One word's run: the reference for :meth:`_entries`, and how an unspaced token's is made."""
        vget = self._vocabulary.get
        wid = self._word_ids.get(word, -1)
        if is_unspaced(word):
            names = [name for name, _ in own_features(word, self._translations, lang)]
            own = [row for row in get_all(self._vocabulary, names) if row is not None]
            run = [_RIGHT + self._width, *own, -1, _NO_LEFT]
        else:
            run = [_RIGHT + (self._width if wid < 0 else wid)]
            row = vget("w" + word)
            if row is not None:
                run.append(row)
            english = self._translations.get(word)
            if len(word) > STEM + 1:
                row = vget("p" + word[:STEM])
                if row is not None:
                    run.append(row)
                if english is None:
                    english = self._translations.get("~" + word[:STEM])
            if english is None and lang is not None:
                unit = snowball_unit(word, lang)
                if unit is not None:
                    english = self._translations.get(unit)
            if english is not None:
                run.extend(self._english_rows(english))
            run.append(-1)
            run.append(_NO_LEFT if wid < 0 or word.isdigit() else _LEFT + wid * 2 * self._width)
        return array("q", run).tobytes()

    def _entries(self, words: list[str], lang: str | None = None) -> list[bytes]:
        """The runs of a story's words not seen yet, as :meth:`_entry` makes them one by one.

        A fresh wire story is mostly such words, and most of their cost was the Python calls and branches
        around each lookup: here each lookup is one ``map`` over all the words that need it, and the run
        of a word with no row at all (two in five in the steady benchmark) is a constant.
        """
        if any_unspaced(words):  # rare outside Chinese, Japanese, Thai...: those go one by one
            spaced = [w for w in words if not is_unspaced(w)]
            made = dict(zip(spaced, self._entries(spaced, lang), strict=True))
            return [made.get(w) or self._entry(w, lang) for w in words]
        vocabulary, translations = self._vocabulary, self._translations
        width = self._width
        n = len(words)
        # Most new words are in none of the tables (over half of them on fresh wire stories), and a lookup that fails
        # still reads cold memory: the filter (see _may_hold) sends only the others to the word's three lookups,
        # and only stems it may hold to the stem's two.
        bits, mask = self._bits, _FILTER_MASK
        maybe = [bits[(h := hash(w)) >> 3 & mask] >> (h & 7) & 1 for w in words]
        ids: list[int | None] = [None] * n
        own_word: list[int | None] = [None] * n
        exact: list[str | None] = [None] * n
        known = list(compress(words, maybe))
        # The stems the filter may hold, then one pass per table over the words' and stems' keys together.
        cut_at = [i for i, word in enumerate(words) if len(word) > STEM + 1]
        held = [(i, cut) for i in cut_at if bits[(h := hash(cut := words[i][:STEM])) >> 3 & mask] >> (h & 7) & 1]
        rows = get_all(vocabulary, [*map("w".__add__, known), *("p" + cut for _, cut in held)])
        entries = get_all(translations, [*known, *("~" + cut for _, cut in held)])
        k = len(known)
        for i, wid, row, entry in zip(
            compress(range(n), maybe), map(self._word_ids.get, known), rows[:k], entries[:k], strict=True
        ):
            ids[i], own_word[i], exact[i] = wid, row, entry
        stems: list[int | None] = [None] * n
        by_stem: list[str | None] = [None] * n
        for (i, _), row, entry in zip(held, rows[k:], entries[k:], strict=True):
            stems[i] = row
            if exact[i] is None:
                by_stem[i] = entry
        english = translate_all(words, self._translations, lang, exact=exact, by_stem=by_stem)
        english_rows = self._english_rows
        blank = self._blank
        runs = []
        for word, wid, wrow, prow, eng in zip(words, ids, own_word, stems, english, strict=True):
            if wid is None:
                if wrow is None and prow is None and eng is None:
                    runs.append(blank)
                    continue
                right, left = _RIGHT + width, _NO_LEFT
            else:
                right = _RIGHT + wid
                left = _NO_LEFT if word.isdigit() else _LEFT + wid * 2 * width
            run = [right]
            if wrow is not None:
                run.append(wrow)
            if prow is not None:
                run.append(prow)
            if eng is not None:
                run.extend(english_rows(eng))
            run.append(-1)
            run.append(left)
            runs.append(array("q", run).tobytes())
        return runs

    def _english_rows(self, english: str) -> tuple[int, ...]:
        """Rows of a translation's own features (a table's English words are few: each is worked out once)."""
        rows = self._english.get(english)
        if rows is None:
            names = [name for name, _ in word_features(english)]
            rows = self._english[english] = tuple(row for row in get_all(self._vocabulary, names) if row is not None)
        return rows

    def _fill(self, cache: dict[str, bytes], texts: list[str], looked_up: list[bytes | None], lang: str | None) -> list[bytes]:
        """Every token's run, the words not seen yet (None in ``looked_up``) taken from the generation before or made,
        and cached together.

        Two generations of :data:`_WORD_CACHE` / 2 words each: when the current one is full it becomes the one
        before and the one before is dropped. Clearing every word at once, as the cache first did, made a reading
        worker work out a story's common words again after every clear (about every 1,000 stories); a word read
        since the last turn comes back from the generation before. The bound on words kept is the same.
        """
        missing = list(dict.fromkeys(compress(texts, map(not_, looked_up))))
        old = self._old.get(lang)
        if old:
            came_back = {word: run for word in missing if (run := old.get(word)) is not None}
            new = [word for word in missing if word not in came_back] if came_back else missing
        else:
            came_back, new = {}, missing
        made = dict(zip(new, self._entries(new, lang), strict=True))
        self.made += len(new)
        if sum(map(len, self._by_lang.values())) + len(missing) > _WORD_CACHE // 2:
            self._old, self._by_lang = self._by_lang, {lang: {}}
            fresh = self._by_lang[lang]
            fresh.update(zip(compress(texts, looked_up), filter(None, looked_up), strict=True))  # the story's known words
            cache = fresh
        cache.update(came_back)
        cache.update(made)
        return list(map(cache.__getitem__, texts))

    def found(self, stream: TokenStream, limit: int = MAX_TOKENS, lang: str | None = None) -> Found:
        """The story's known features, each row once, in the order the features occur; ``lang`` (the story's
        language) for the table's Snowball units."""
        if lang not in self._snowball:
            lang = None
        cache = self._by_lang.setdefault(lang, {})
        texts = stream.texts[:limit]
        n = len(texts)
        looked_up = list(map(cache.get, texts))
        try:
            runs: list[bytes] = looked_up  # type: ignore[assignment]  # None fails the join below
            joined = b"".join(runs)
        except TypeError:  # words not seen yet
            joined = b"".join(self._fill(cache, texts, looked_up, lang))
        buf = np.frombuffer(bytearray(joined), dtype=np.int64)
        ends = (buf >= _LEFT).nonzero()[0]
        if n > 1:
            between = ends[:-1]  # the left id of token i - 1, then the right id of token i
            lefts, rights = buf[between], buf[between + 1]
            # Only two words that both have ids can make a pair: about a third of a story's neighbours, and the
            # search of the others (a key no pair has) was most of its cost.
            both = ((lefts < _NO_LEFT) & (rights < _RIGHT + self._width)).nonzero()[0]
            keys = lefts[both] + rights[both]
            pos = self._pair_keys.searchsorted(keys)
            hit = self._pair_keys[pos] == keys
            # The pair slots of tokens 1 .. n-1 that have a pair (the others stay -1, as their runs hold).
            buf[ends[1:][both[hit]] - 1] = self._pair_rows[pos[hit]]
        # Rows are below _RIGHT; pair ids are above it, and an empty pair slot (-1) is as unsigned.
        places = (buf.view(np.uint64) < _RIGHT).nonzero()[0]
        seq = buf[places].tolist()
        unique = dict.fromkeys(seq)
        rows = np.fromiter(unique, dtype=np.int64, count=len(unique)) if unique else _EMPTY
        return Found(rows, seq, places, ends, texts, self._vocabulary, self._translations, lang)


def _may_hold(keys: Iterable[str]) -> bytes:
    """A one-hash Bloom filter of ``keys``: for every key, bit ``hash & 7`` of byte ``hash >> 3 & _FILTER_MASK`` is
    set, so a word whose bit is clear is none of them.

    With some 350,000 keys in 8 Mbit (1 MiB) about one bit in twenty-five is set: a word the tables lack passes for
    one that much of the time. ``hash`` is this process's string hash, which the tokens' own strings keep cached.
    """
    # One key at a time: a set of the sliced keys, or arrays of all their hashes, would leave the process ~10 MiB
    # larger for good (the allocator keeps what they freed).
    flags = bytearray(_FILTER_MASK + 1)
    mask = _FILTER_MASK
    for h in map(hash, keys):
        flags[h >> 3 & mask] |= 1 << (h & 7)
    return bytes(flags)


@dataclass(frozen=True, slots=True)
class ModelTopic:
    """One topic the model predicts, with its probability and the features that voted for it."""

    code: str
    probability: float
    evidence: tuple[tuple[str, int, int, float], ...]  # (surface text, start, end, contribution)


@dataclass(frozen=True, slots=True)
class TopicModel:
    topics: tuple[str, ...]
    #: Feature string -> weight row: a :class:`~stream.topics.packed.PackedMap` as :func:`load` makes it (a dict
    #: takes about three times the memory; builders and tests may pass one).
    vocabulary: Mapping[str, int]
    weights: np.ndarray[Any, Any]  # (features, topics): float16 as the file stores them (load), or float32
    bias: np.ndarray[Any, Any]  # (topics,) float32
    header: dict[str, Any]
    translations: Mapping[str, str] = field(default_factory=dict)  # unit -> English word (stream.build.topic_align)
    #: The subword model whose probabilities combine with this model's (:meth:`guesses`); trained on the same
    #: stories and topics (:mod:`stream.build.topic_subwords`).
    subwords: _subwords.SubwordModel | None = field(default=None, compare=False)
    index: FeatureIndex = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.subwords is not None and self.subwords.topics != self.topics:
            raise ValueError(f"subword model topics {self.subwords.topics} differ from the word model's {self.topics}")
        object.__setattr__(self, "index", FeatureIndex(self.vocabulary, self.translations))

    def with_subwords(self, subwords: _subwords.SubwordModel | None) -> TopicModel:
        """This model combined with ``subwords`` (None: the word model alone).

        The combination shares this model's feature index (its caches included: they depend on the tables alone),
        which took ~0.7 s to build again at every worker and detection process start."""
        if subwords is not None and subwords.topics != self.topics:
            raise ValueError(f"subword model topics {subwords.topics} differ from the word model's {self.topics}")
        combined = copy.copy(self)
        object.__setattr__(combined, "subwords", subwords)
        return combined

    @property
    def threshold(self) -> float:
        """Probability at which a topic is reported when the rules found none (see ``SOURCES.md``)."""
        return float(self.header.get("threshold", 0.5))

    @property
    def threshold_with_rules(self) -> float:
        """Probability at which a topic is added beside topics the rules found: the rules are more precise."""
        return float(self.header.get("threshold_with_rules", self.threshold))

    @property
    def relative_cutoff(self) -> float:
        """Share of the best topic's probability a further topic needs to be reported with it (0: none needed).

        Files written before the cut-off was chosen carry no value and get the chosen one, :data:`RELATIVE_CUTOFF`."""
        return float(self.header.get("relative_cutoff", RELATIVE_CUTOFF))

    def probabilities(
        self, stream: TokenStream, lang: str | None = None
    ) -> tuple[np.ndarray[Any, Any], list[tuple[int, int, int, int]]]:
        """The word model's softmax probabilities per topic and the known features found: (row, first token, last
        token, piece). The subword model is not asked: :meth:`guesses` combines the two."""
        probs, found = self._probabilities(stream, lang=lang)
        return probs, found.entries()

    def _probabilities(
        self, stream: TokenStream, limit: int = MAX_TOKENS, lang: str | None = None
    ) -> tuple[np.ndarray[Any, Any], Found]:
        found = self.index.found(stream, min(limit, MAX_TOKENS), lang)
        rows = found.rows
        # The ufuncs' reduce directly: what .sum() and .max() call, without their Python wrappers.
        logits = self.bias.copy()
        if len(rows):
            # Summed in float32 whatever the stored precision: float16 would round the sum of a long story.
            # take() gathers the same rows as indexing, a third of its cost.
            logits += _add(self.weights.take(rows, axis=0).astype(np.float32, copy=False), axis=0) / math.sqrt(len(rows))
        logits -= _max(logits)
        exp = np.exp(logits)
        return exp / _add(exp), found

    def predict(
        self, stream: TokenStream, text: str, *, threshold: float | None = None, lang: str | None = None
    ) -> list[ModelTopic]:
        """Topics at or above ``threshold`` (default: the model's), best first, with evidence; ``lang`` is the
        story's language (ISO 639-1), which the table's Snowball units need."""
        return [
            ModelTopic(g.code, g.probability, g.evidence()) for g in self.guesses(stream, text, threshold=threshold, lang=lang)
        ]

    def guesses(
        self,
        stream: TokenStream,
        text: str,
        *,
        threshold: float | None = None,
        limit: int = MAX_TOKENS,
        lang: str | None = None,
    ) -> list[ModelGuess]:
        """What :meth:`predict` returns, with each topic's evidence worked out only when asked for.

        ``limit`` caps the tokens read below :data:`~stream.topics.features.MAX_TOKENS` (the classifier's
        :data:`~stream.topics.classifier.BODY_CHARS`).

        The classifier keeps a model topic's evidence only where the rules did not find that branch.
        """
        probs, found = self._probabilities(stream, limit, lang)
        floor = self.threshold if threshold is None else threshold
        out: list[ModelGuess] = []
        sub = None
        relative = self.relative_cutoff
        if not len(found):
            # No word the model knows: no topic, whatever the subword model would make of the text's fragments.
            return out
        if self.subwords is not None and self.subwords.reads(lang):
            # The subword model reads what the word model reads: the whole text, or up to the last token within
            # ``limit`` of a longer one.
            read = min(limit, MAX_TOKENS)
            sub = self.subwords.scores(text if len(stream) <= read else text[: stream.end(read - 1)])
            # The geometric mean of the two models' probabilities: a topic both find likely stays likely, one
            # model's lone confidence is halved (see stream/build/topic_subwords.py for the combinations measured).
            logits = 0.5 * (np.log(np.maximum(probs, 1e-30)) + sub.logits)
            logits -= _max(logits)
            probs = np.exp(logits)
            probs /= _add(probs)
            if self.subwords.relative_cutoff is not None:
                relative = self.subwords.relative_cutoff
        order = (-probs).argsort()
        floor = max(floor, relative * float(probs[order[0]]))
        for k in order:
            p = float(probs[k])
            if p < floor:
                break
            out.append(ModelGuess(self.topics[k], round(p, 4), self, found, stream, text, int(k), sub))
        return out

    def _evidence(
        self, found: Found, stream: TokenStream, text: str, k: int, sub: _subwords.SubwordScores | None = None
    ) -> tuple[tuple[str, int, int, float], ...]:
        """The features that added most to topic ``k``, with their surface text and offsets.

        With the subword model's scores ``sub``, its tokens compete beside the word features, each side's part
        halved as the combination halves it; a word and a token on the same characters add up."""
        weight = 0.5 if sub is not None else 1.0
        contrib = self.weights[found.rows, k].astype(np.float32, copy=False) * (weight / math.sqrt(len(found)))
        evidence: list[list[Any]] = []
        for j in (-contrib).argsort()[:_EVIDENCE]:
            value = float(contrib[j])
            if value <= 0:
                break
            start, end = _span(stream, *found.origin(int(j)))
            evidence.append([text[start:end], start, end, value])
        if sub is not None and self.subwords is not None:
            at = {(e[1], e[2]): e for e in reversed(evidence)}  # a span's first (strongest) word feature
            for surface, start, end, value in self.subwords.evidence(sub, text, k, weight=weight):
                if (start, end) in at:
                    at[(start, end)][3] += value
                else:
                    evidence.append([surface, start, end, value])
            evidence = sorted(evidence, key=lambda e: -e[3])[:_EVIDENCE]
        return tuple((surface, start, end, round(value, 4)) for surface, start, end, value in evidence)


@dataclass(frozen=True, slots=True)
class ModelGuess:
    """A topic the model predicts (:meth:`TopicModel.guesses`); :meth:`evidence` as in :class:`ModelTopic`."""

    code: str
    probability: float
    _model: TopicModel
    _found: Found
    _stream: TokenStream
    _text: str
    _k: int
    _sub: _subwords.SubwordScores | None = None

    def evidence(self) -> tuple[tuple[str, int, int, float], ...]:
        return self._model._evidence(self._found, self._stream, self._text, self._k, self._sub)


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
        if header.get("format") not in _READABLE:
            raise ValueError(f"{path}: topic model format {header.get('format')!r}, expected one of {_READABLE}")
        n, k = int(header["features"]), len(header["topics"])
        vocab_bytes = fh.read(int(header["vocabulary_bytes"]))
        # Kept in the file's float16 (half the memory of float32: ~8 MiB of the budget); the rows a story
        # selects are widened before they are summed, so the results are those of a float32 copy.
        weights = np.frombuffer(fh.read(n * k * 2), dtype="<f2").reshape(n, k)
        bias = np.frombuffer(fh.read(k * 4), dtype="<f4").astype(np.float32)
        table = fh.read(int(header.get("translations_bytes", 0)))
    vocabulary: PackedMap[int] = PackedMap(vocab_bytes + b"\n")
    if len(vocabulary) != n:
        raise ValueError(f"{path}: {len(vocabulary)} vocabulary entries for {n} weight rows")
    translations: Mapping[str, str] = {}
    if table:
        # A table maps ~10^5 units onto a few thousand English words: each word once, the units as codes into them.
        # Read a line at a time (see stream.topics.packed.lines): lists of every unit left the process larger.
        units, codes, hashes = bytearray(), array("i"), array("q")
        code: dict[str, int] = {}
        for line in lines(table):
            unit, word = line.split("\t", 1)
            units += unit.encode("utf-8") + b"\n"
            codes.append(code.setdefault(word, len(code)))
            hashes.append(hash(unit))
        translations = PackedMap(bytes(units), np.frombuffer(codes, np.int32), list(code), np.frombuffer(hashes, np.int64))
    if len(translations) != int(header.get("translations", 0)):
        raise ValueError(f"{path}: {len(translations)} translations, header says {header.get('translations', 0)}")
    return TopicModel(tuple(header["topics"]), vocabulary, weights, bias, header, translations)


@cache
def model() -> TopicModel:
    """The shipped model with the shipped subword model, loaded once per process."""
    return load().with_subwords(_subwords.shipped())
