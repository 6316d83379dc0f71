"""Near-duplicate fingerprints: a bottom-k MinHash sketch (and a 64-bit SimHash) over normalised shingles.

A syndicated copy, a re-send under a new id or a copy with a new byline is the same text with small
edits. Two stories are near-duplicates when the Jaccard similarity of their shingle sets, estimated
from bottom-64 MinHash sketches (Broder 1997), is at least :data:`NEAR_DUPLICATE_JACCARD` = 0.4.
Measured on the 1,069 dev and held-out stories (benchmarks/data): each with an agency tag and a
credit line added estimates 0.4 or more (the lowest are 40-word stories whose additions are a third
of the text), while the 18,942 pairs of distinct stories of one language estimate at most 0.08.
SimHash is noisy on texts this short (the same copies move it 1 to 22 bits of 64 while distinct
stories come as close as 17 bits), so :func:`simhash` is kept only for callers with long texts.

Shingles are three consecutive units of the folded text (:func:`stream.text.normalize.fold`, then
Latin/Cyrillic/Greek diacritics stripped, so ``Erdoğan`` and ``Erdogan`` agree). A unit is a word in
spaced scripts and a single character in scripts written without spaces (Han, kana, Thai, Lao, Khmer,
Myanmar), so Chinese or Thai copy yields character 3-shingles. Only the first :data:`MAX_UNITS` units
(headline first) are read: that is where copies agree, and it bounds the cost per story.

Hashes come from :func:`hashlib.blake2b` (8-byte digests of each unit, combined per shingle with
splitmix64), never from Python's salted ``hash()``, so a sketch is the same in every process and can
be kept in a changelogged table.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from stream.text.normalize import fold

__all__ = [
    "MAX_UNITS",
    "NEAR_DUPLICATE_JACCARD",
    "SHINGLE",
    "SKETCH_SIZE",
    "DuplicateIndex",
    "fingerprint",
    "hamming",
    "is_near_duplicate",
    "jaccard",
    "shingle_hashes",
    "shingles",
    "simhash",
    "sketch",
    "strip_marks",
    "units",
]

#: Units (words, or characters of unspaced scripts) read per story.
MAX_UNITS = 400
#: Units per shingle.
SHINGLE = 3
#: Hashes kept per sketch.
SKETCH_SIZE = 64
#: Sketches estimating at least this Jaccard similarity are near-duplicates.
NEAR_DUPLICATE_JACCARD = 0.4
#: Smallest hashes of a sketch the index finds it by.
INDEXED = 8
#: A hash shared by more stored stories than this (boilerplate) is not used to find candidates.
MAX_POSTING = 256
# Bits of a sketch's mask (see DuplicateIndex.find): 64 hashes set about 60 of 512 bits (4 fall on a bit
# already set), so two unrelated sketches share about 7 bits, while a pair estimating 0.4 shares at least
# 26 hashes. The low bits: a sketch's hashes are the smallest, so their high bits are all zero.
_MASK_BITS = 511

# Scripts written without spaces between words: each of their characters is a unit.
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
# A character of an unspaced script, or a word of other letters with the marks that live inside words.
_UNIT = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}](?:[^\W{_UNSPACED}]|[\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0dff])*")
_MARKS = re.compile("[\u0300-\u036f]+")


def strip_marks(text: str) -> str:
    """``text`` without combining diacritics on Latin, Greek and Cyrillic letters (``ğ`` → ``g``).

    Only U+0300–U+036F are removed: the combining marks of Indic and other scripts are vowels.
    """
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))


def units(text: str, limit: int = MAX_UNITS) -> list[str]:
    """The first ``limit`` folded, mark-stripped words of ``text``; unspaced scripts give one unit per character."""
    folded = strip_marks(fold(text[: limit * 12]))  # a unit is rarely 12 characters with its space
    return [m.group() for m in itertools.islice(_UNIT.finditer(folded), limit)]


def shingles(seq: Sequence[str], size: int = SHINGLE) -> set[str]:
    """The distinct ``size``-unit shingles of ``seq`` (the whole sequence when it is shorter), as text."""
    if len(seq) <= size:
        return {" ".join(seq)} if seq else set()
    return {" ".join(seq[i : i + size]) for i in range(len(seq) - size + 1)}


@lru_cache(maxsize=1 << 18)
def _unit_hash(unit: str) -> int:
    return int.from_bytes(hashlib.blake2b(unit.encode(), digest_size=8).digest(), "little")


def _u64(x: int) -> np.uint64:
    return np.uint64(x)


_M1, _M2, _K1, _K2 = _u64(0xBF58476D1CE4E5B9), _u64(0x94D049BB133111EB), _u64(0x9E3779B97F4A7C15), _u64(0xC2B2AE3D27D4EB4F)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, elementwise (uint64 arithmetic wraps)."""
    z = (z ^ (z >> _u64(30))) * _M1
    z = (z ^ (z >> _u64(27))) * _M2
    return z ^ (z >> _u64(31))


def shingle_hashes(seq: Sequence[str], size: int = SHINGLE) -> np.ndarray:
    """Distinct 64-bit hashes of the ``size``-unit shingles of ``seq``: unit hashes (blake2b) combined in order."""
    if not seq:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter(map(_unit_hash, seq), dtype=np.uint64, count=len(seq))
    if len(seq) < size:
        return _mix(np.array([sum(_unit_hash(u) for u in seq) & (2**64 - 1)], dtype=np.uint64))
    n = len(seq) - size + 1
    acc = h[:n] * _K1
    for i in range(1, size):
        acc = (acc ^ (acc >> _u64(29))) * _K2 + h[i : i + n]
    acc = _mix(acc)
    return np.unique(acc)


def simhash(seq: Sequence[str], size: int = SHINGLE) -> int:
    """The 64-bit SimHash of the distinct shingles of the units ``seq`` (each counts once); 0 for none."""
    hashes = shingle_hashes(seq, size)
    if not hashes.size:
        return 0
    bits = np.unpackbits(hashes.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > hashes.size
    return int(np.packbits(majority, bitorder="little").view("<u8")[0])


def fingerprint(text: str) -> int:
    """The SimHash of a story's text (headline and body): :func:`simhash` of :func:`units`."""
    return simhash(units(text))


def sketch(seq: Sequence[str], k: int = SKETCH_SIZE) -> tuple[int, ...]:
    """The bottom-k MinHash sketch of the units ``seq``: the ``k`` smallest distinct shingle hashes, ascending."""
    return tuple(int(h) for h in shingle_hashes(seq)[:k])  # np.unique sorts


def jaccard(a: Sequence[int], b: Sequence[int], k: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard similarity of two shingle sets from their bottom-k sketches (0.0 if either is empty)."""
    if not a or not b:
        return 0.0
    seen = set(a)
    both = seen.intersection(b)
    if not both:  # nothing shared: no union to sort
        return 0.0
    seen.update(b)
    union = sorted(seen)[:k]
    return sum(1 for h in union if h in both) / len(union)


def is_near_duplicate(a: Sequence[int], b: Sequence[int], threshold: float = NEAR_DUPLICATE_JACCARD) -> bool:
    """Whether two sketches estimate a Jaccard similarity of at least ``threshold``."""
    return jaccard(a, b) >= threshold


def hamming(a: int, b: int) -> int:
    """Bits in which two SimHashes differ."""
    return (a ^ b).bit_count()


def _mask(sk: Sequence[int]) -> int:
    """A 512-bit set of a sketch's hashes: bit ``h & 511`` of each."""
    mask = 0
    for h in sk:
        mask |= 1 << (h & _MASK_BITS)
    return mask


class DuplicateIndex:
    """Recent sketches by story id, found again through any of their :data:`INDEXED` smallest hashes.

    A copy with Jaccard 0.4 shares each of a sketch's smallest hashes with probability about 0.4, so one
    of eight is shared but for 0.6^8 < 2 % of such copies (0.1 % at Jaccard 0.6). Bounded: at most ``max_items`` sketches,
    oldest first out. Plain dicts, so the agent can keep ``items`` (story id -> [sketch, seen at]) in a
    table and rebuild the postings on restore.
    """

    def __init__(self, max_items: int = 200_000, threshold: float = NEAR_DUPLICATE_JACCARD) -> None:
        self.max_items = max_items
        self.threshold = threshold
        self.items: dict[str, tuple[tuple[int, ...], float]] = {}  # insertion order = age
        self._postings: dict[int, set[str]] = {}
        self._masks: dict[str, tuple[int, int]] = {}  # story id -> (_mask of its sketch, its length)
        # The last sketch find() masked and its mask: add() is called with the same sketch right after.
        self._last: tuple[Sequence[int], int] = ((), 0)

    def __len__(self) -> int:
        return len(self.items)

    def find(self, sk: Sequence[int], *, exclude: str | None = None) -> tuple[str, float] | None:
        """The most similar stored story with Jaccard >= threshold (ties: the earliest seen), and the estimate."""
        found: set[str] = set()
        for h in sk[:INDEXED]:
            ids = self._postings.get(h)
            if ids and len(ids) <= MAX_POSTING:
                found |= ids
        best: tuple[float, float, str] | None = None
        if not found:
            return None
        mine = set(sk)
        mask = _mask(sk)
        self._last = (sk, mask)
        lost = len(mine) - mask.bit_count()
        masks = self._masks
        k = SKETCH_SIZE
        threshold = self.threshold
        # The estimate counts shared hashes among the union's k smallest, so it is at most the shared
        # hashes over min(k, union). Shared hashes set the same bits of both masks, and they lose at
        # most as many to two hashes on one bit as the whole sketch does, so the common bits plus
        # those losses bound the shared hashes from above: most candidates (they share one indexed
        # hash with a common phrase) are ruled out by one integer AND, the rest by the sets. Both
        # tests are exact, not heuristics: the union only grows as fewer hashes are shared. The bound is
        # taken for every candidate in one comprehension, bound >= t * min(k, union) as two comparisons
        # (the same test, one call fewer); with the mask taken once for find and add, find went from about
        # 33 to 30 us a story on the bench's wire-length stories.
        m = len(mine)
        whole = threshold * k
        near = [
            sid
            for sid, (other_mask, size) in zip(found, map(masks.__getitem__, found), strict=True)
            if (bound := (mask & other_mask).bit_count() + lost) >= whole or bound >= threshold * (m + size - bound)
        ]
        for sid in near:
            if sid == exclude:
                continue
            other, at = self.items[sid]
            shared = len(mine.intersection(other))
            if shared < threshold * min(k, len(mine) + len(other) - shared):
                continue
            j = jaccard(sk, other)
            if j >= self.threshold and (best is None or (-j, at, sid) < best):
                best = (-j, at, sid)
        return (best[2], -best[0]) if best else None

    def add(self, story_id: str, sk: Sequence[int], seen_at: float) -> None:
        if not sk:
            return
        self.remove(story_id)
        self.items[story_id] = (tuple(sk), seen_at)
        last, mask = self._last
        self._masks[story_id] = (mask if last is sk else _mask(sk), len(sk))
        for h in sk[:INDEXED]:
            self._postings.setdefault(h, set()).add(story_id)
        while len(self.items) > self.max_items:
            self.remove(next(iter(self.items)))

    def remove(self, story_id: str) -> None:
        old = self.items.pop(story_id, None)
        if old is None:
            return
        del self._masks[story_id]
        for h in old[0][:INDEXED]:
            ids = self._postings.get(h)
            if ids is not None:
                ids.discard(story_id)
                if not ids:
                    del self._postings[h]

    def expire(self, before: float) -> int:
        """Drop sketches seen before ``before`` (oldest first, as added); returns how many."""
        old: list[str] = []
        for sid, (_, at) in self.items.items():
            if at >= before:
                break
            old.append(sid)
        for sid in old:
            self.remove(sid)
        return len(old)
