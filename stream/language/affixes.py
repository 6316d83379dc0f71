"""Word endings, prefixes and function words of languages that have no word-frequency list.

Kazakh, Tajik, Pashto, Belarusian and the other languages without a list in
:mod:`stream.language.lexicon` lose a short headline to the big neighbour the engines
lean to (Kazakh to Russian, Pashto to Persian) whenever the words use only
letters both write. Their grammar still shows: a Kazakh plural ends in
-лар/-лер, a Pashto phrase starts with the particle د. Each such form is a
row of ``data/language/affixes.tsv`` with the reason it separates the
language; :func:`affix_hits` counts the words of a text that show one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["affix_hits"]

_DATA = Path(__file__).parent / "data" / "affixes.tsv"
_WORDS = re.compile(r"[^\W\d_]+")
# An ending or prefix counts only when this many letters are left for the stem: "ау" alone is no Kazakh noun.
_STEM = 2


@dataclass(frozen=True, slots=True)
class _Forms:
    words: frozenset[str]
    suffixes: tuple[str, ...]
    prefixes: tuple[str, ...]
    infixes: tuple[str, ...]

    def shown_by(self, word: str) -> bool:
        if word in self.words or any(part in word for part in self.infixes):
            return True
        fits = [ending for ending in self.suffixes if len(word) >= len(ending) + _STEM]
        if any(word.endswith(ending) for ending in fits):
            return True
        return any(word.startswith(start) for start in self.prefixes if len(word) >= len(start) + _STEM)


@cache
def _table() -> dict[str, _Forms]:
    rows: dict[str, dict[str, list[str]]] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, kind, forms = line.split("\t")
        rows.setdefault(code, {}).setdefault(kind, []).extend(forms.split())
    return {
        code: _Forms(
            frozenset(kinds.get("word", ())),
            tuple(kinds.get("suffix", ())),
            tuple(kinds.get("prefix", ())),
            tuple(kinds.get("infix", ())),
        )
        for code, kinds in rows.items()
    }


def affix_hits(text: str, candidates: frozenset[str]) -> dict[str, int]:
    """Per candidate with forms in the table, how many words of ``text`` show one of them (absent when none)."""
    table = _table()
    wanted = [(code, table[code]) for code in candidates if code in table]
    if not wanted:
        return {}
    tokens = _WORDS.findall(text.lower())
    hits: dict[str, int] = {}
    for code, forms in wanted:
        count = sum(forms.shown_by(token) for token in tokens)
        if count:
            hits[code] = count
    return hits
