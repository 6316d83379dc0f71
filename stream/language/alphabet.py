"""Alphabet and marker-word evidence that separates closely related languages.

Statistical engines confuse neighbours that share most of their n-grams
(Azerbaijani/Turkish, Kazakh/Russian, Serbian/Macedonian, Urdu/Persian,
Malay/Indonesian). Their alphabets, however, differ: a text with "ə" is not
Turkish, one with "ђ" is not Macedonian, one with "ټ" is not Persian. Each
language's alphabet is a data table; a letter outside it multiplies the
language's score down, scaled by how often such letters occur so that a
quoted foreign name does not veto the language of a whole story. Marker
words (frequent function words and spellings) do the same for pairs that
share an alphabet.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from stream.text.script import script_of

__all__ = ["alphabet_factors", "letter_evidence", "marker_factors"]

_DATA = Path(__file__).parent / "data"
_LATIN_BASE = frozenset("abcdefghijklmnopqrstuvwxyz")
# Latin-script languages without their own row accept the common Western accents.
_LATIN_DEFAULT = _LATIN_BASE | frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ")
# Per out-of-alphabet letter (strong) and for rare ones (< 1% of letters, e.g. a quoted name).
_STRONG, _WEAK = 0.1, 0.5
_MARKER_GAIN = 2.5
# Evidence is counted on a prefix: enough letters to be sure, bounded cost on long stories.
_PREFIX = 600
_WORDS = re.compile(r"[^\W\d_]+")
_UZ_APOSTROPHE = re.compile(r"(?<![^\W\d_])[oOgG]['ʻʼ‘’]")


def _rows(name: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in (_DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, _, rest = line.partition("\t")
        rows.append((code.strip(), rest.strip()))
    return rows


@cache
def _alphabets() -> dict[tuple[str, str], frozenset[str]]:
    """(script, code) -> accepted lowercase letters."""
    table: dict[tuple[str, str], frozenset[str]] = {}
    for code, letters in _rows("alphabets.tsv"):
        chars = frozenset(letters)
        script = next((script_of(c) for c in letters if c.isalpha() and script_of(c) != "Latin"), "Latin")
        if script == "Latin":
            chars = _LATIN_BASE | chars
        table[(script, code)] = chars
    return table


@cache
def _markers() -> dict[str, frozenset[str]]:
    return {code: frozenset(words.split()) for code, words in _rows("markers.tsv")}


def alphabet_factors(text: str, script: str, candidates: Iterable[str]) -> dict[str, float]:
    """Multiplier in (0, 1] per candidate: 1 when every letter of ``script`` in ``text`` is in its alphabet."""
    counts = Counter(text[:_PREFIX].lower())
    letters = {c: n for c, n in counts.items() if c.isalpha() and script_of(c) == script}
    total = sum(letters.values()) or 1
    if script == "Latin":
        # Plain a-z is in every Latin alphabet; only the other letters can count against a language.
        letters = {c: n for c, n in letters.items() if c not in _LATIN_BASE}
    table = _alphabets()
    factors: dict[str, float] = {}
    for code in candidates:
        if not letters:
            factors[code] = 1.0
            continue
        alphabet = table.get((script, code))
        if alphabet is None:
            if script != "Latin":
                factors[code] = 1.0
                continue
            alphabet = _LATIN_DEFAULT
        oov = sum(n for c, n in letters.items() if c not in alphabet)
        if oov == 0:
            factors[code] = 1.0
            continue
        base = _STRONG if oov / total >= 0.01 else _WEAK
        factors[code] = base ** min(oov, 6)
    return factors


def letter_evidence(text: str, script: str, candidates: Iterable[str], rare: int = 6) -> dict[str, float]:
    """Positive evidence from letters few alphabets have: each such letter gives 1/n to each of its n holders.

    The engines may not even list the right language for a single word (Latvian
    "vēlēšanas" is not in every engine's top 6), so a letter that only a handful
    of candidate languages write puts those languages on the ballot. Letters
    every candidate writes (a-z, the Russian alphabet) carry no evidence.
    """
    letters = {c for c in text[:_PREFIX].lower() if c.isalpha() and script_of(c) == script}
    if script == "Latin":
        letters -= _LATIN_BASE
    if not letters:
        return {}
    table = _alphabets()
    alphabets: dict[str, frozenset[str]] = {}
    for code in candidates:
        # Only languages with an alphabet of their own: the permissive Latin default would dilute the evidence.
        alphabet = table.get((script, code))
        if alphabet is not None:
            alphabets[code] = alphabet
    evidence: dict[str, float] = {}
    for letter in letters:
        holders = [code for code, alphabet in alphabets.items() if letter in alphabet]
        if 0 < len(holders) <= rare:
            for code in holders:
                evidence[code] = evidence.get(code, 0.0) + 1.0 / len(holders)
    return evidence


def marker_factors(text: str, candidates: Iterable[str]) -> dict[str, float]:
    """Multiplier >= 1 per candidate that has marker words (or, for Uzbek, o'/g' spellings) in ``text``."""
    markers = _markers()
    wanted = [c for c in candidates if c in markers or c == "uz"]
    if not wanted:
        return {}
    words = Counter(_WORDS.findall(text[:_PREFIX].lower()))
    present = words.keys()
    factors: dict[str, float] = {}
    for code in wanted:
        hits = sum(words[w] for w in present & markers.get(code, frozenset()))
        if code == "uz":
            hits += len(_UZ_APOSTROPHE.findall(text))
        if hits:
            factors[code] = _MARKER_GAIN ** min(hits, 4)
    return factors
