"""Word-frequency lexicon for headline-sized text: which languages use a word, and how often.

n-gram engines judge a word by its letter sequences, so a word they have never
seen (``vluchtelingen``) or one that looks like a neighbour's (``ministerie``)
goes astray. A frequency list generalises differently: a word that is common in
one language and absent from another's top words is strong evidence, whatever
its letters. :mod:`stream.language.shorttext` uses :func:`lookup` that way.

The data (``data/language/lexicon.tsv.gz``) is built by :mod:`stream.build.lexicon`
from the wordfreq package's lists. At run time it is held as one sorted
``array('Q')``: per (word, language) a 48-bit hash of the word, the language's
index and the word's Zipf frequency in tenths, 8 bytes an entry (~5 MiB for
640,000 entries). Word strings would cost ten times that in a dict; with a
48-bit hash a word missing from the lists matches some other word about once
in 10^9 lookups, far below the noise of the other evidence.
"""

from __future__ import annotations

import gzip
import unicodedata
import zlib
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from stream.text.script import script_of

__all__ = ["ARTIFACT", "Lexicon", "entry_key", "fold", "lexicon", "load", "lookup", "parts", "words"]

ARTIFACT = Path(__file__).parent / "data" / "lexicon.tsv.gz"
_ABJAD = ("Arabic", "Hebrew")
# Apostrophes that join the parts of one word (Ukrainian "прем'єр", English "don't"): wordfreq's lists use ASCII.
_APOSTROPHE = "'"
_APOSTROPHES = str.maketrans({"\u2019": _APOSTROPHE, "\u02bc": _APOSTROPHE})
_JOINERS = frozenset("'\u2019\u02bc")


def entry_key(word: str) -> int:
    """48-bit hash of a folded word: the sort key of the data file and of the in-memory table.

    CRC-32 plus the position-weighted half of Adler-32, both from zlib: hashlib would pull in OpenSSL
    (3.5 MiB resident) for a key that needs no cryptographic strength.
    """
    data = word.encode("utf-8")
    return zlib.crc32(data) << 16 | zlib.adler32(data) >> 16


def fold(word: str) -> str:
    """``word`` normalised as wordfreq normalises its lists: NFC, case-folded, abjad vowel marks removed, one apostrophe."""
    word = unicodedata.normalize("NFC", word).translate(_APOSTROPHES)
    # Turkish dotted capital I: plain casefold() would leave a combining dot behind.
    word = word.replace("İ", "i").casefold()
    if word and script_of(word[0]) in _ABJAD:
        word = "".join(c for c in word if unicodedata.category(c) != "Mn" and c != "\u0640")
    return word


def words(text: str) -> list[str]:
    """Runs of letters and combining marks in ``text`` (Devanagari vowel signs are marks, not letters).

    An apostrophe between two letters stays inside the word: Ukrainian writes it inside words
    (``перемир'я``), and wordfreq's lists keep such words whole.
    """
    found: list[str] = []
    current: list[str] = []
    for i, char in enumerate(text):
        joins = bool(current) and char in _JOINERS and i + 1 < len(text) and unicodedata.category(text[i + 1])[0] == "L"
        if joins or unicodedata.category(char)[0] in "LM":
            current.append(char)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def parts(word: str) -> list[str]:
    """The pieces of an apostrophe word (French ``l'économie``: wordfreq lists ``économie``), else ``[]``."""
    folded = word.translate(_APOSTROPHES)
    if _APOSTROPHE not in folded:
        return []
    return [piece for piece in folded.split(_APOSTROPHE) if piece]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Sorted packed entries ``hash48 << 16 | language index << 8 | Zipf x 10`` and per-language metadata."""

    entries: array[int]
    codes: tuple[str, ...]
    cutoffs: dict[str, float]  # lowest Zipf frequency kept per language: below it a word is "absent"
    sparse: frozenset[str] = frozenset()  # lists counted from a small corpus: a missing word is no evidence

    def lookup(self, word: str) -> dict[str, float]:
        """{code: Zipf frequency} of the languages whose lists hold the folded ``word``."""
        key = entry_key(fold(word)) << 16
        found: dict[str, float] = {}
        entries = self.entries
        i = bisect_left(entries, key)
        while i < len(entries) and entries[i] >> 16 == key >> 16:
            packed = entries[i] & 0xFFFF
            found[self.codes[packed >> 8]] = (packed & 0xFF) / 10
            i += 1
        return found

    def languages(self) -> frozenset[str]:
        return frozenset(self.codes)

    def table(self, code: str) -> dict[int, float]:
        """``{entry_key(word): Zipf}`` of one language's words: for callers that look up many words already
        folded (a dict lookup instead of :meth:`lookup`'s fold and binary search, ten times the cost)."""
        if code not in self.codes:
            return {}
        index = self.codes.index(code)
        return {e >> 16: (e & 0xFF) / 10 for e in self.entries if (e >> 8) & 0xFF == index}

    def full_languages(self) -> frozenset[str]:
        """The languages with a full list (not :attr:`sparse`): there a missing word is evidence against them."""
        return frozenset(self.codes) - self.sparse


def load(path: Path = ARTIFACT) -> Lexicon:
    """Read a lexicon file written by :mod:`stream.build.lexicon`."""
    codes: dict[str, int] = {}
    entries = array("Q")
    append, crc32, adler32 = entries.append, zlib.crc32, zlib.adler32
    last = -1
    ordered = True
    sparse: frozenset[str] = frozenset()
    # Half a million lines at every worker and detection process start: the loop keeps to local names and
    # leaves the per-language minimum to one pass over the array afterwards.
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line[:1] == "#" or not line.strip():
                if line.startswith("# sparse:"):
                    sparse = frozenset(line.split(":", 1)[1].split())
                continue
            word, _, listed = line.rstrip("\n").partition("\t")
            data = word.encode("utf-8")
            key = (crc32(data) << 16 | adler32(data) >> 16) << 16  # entry_key(word) << 16
            if key < last:
                ordered = False
            last = key
            for item in listed.split():
                code, _, zipf = item.partition(":")
                index = codes.get(code)
                if index is None:
                    index = codes[code] = len(codes)
                value = int(zipf)
                append(key | index << 8 | (value if value < 255 else 255))
    lowest = [255] * len(codes)
    for entry in entries:
        index, value = entry >> 8 & 0xFF, entry & 0xFF
        if value < lowest[index]:
            lowest[index] = value
    cutoffs = {code: lowest[index] / 10 for code, index in codes.items()}
    if not ordered:
        # Only a hand-edited file gets here: sorting goes through a temporary list of ints (~10x the array).
        entries = array("Q", sorted(entries))
    return Lexicon(entries, tuple(codes), cutoffs, sparse)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded once."""
    return load()


def lookup(word: str) -> dict[str, float]:
    """{code: Zipf frequency} for ``word`` in the shipped lexicon."""
    return lexicon().lookup(word)
