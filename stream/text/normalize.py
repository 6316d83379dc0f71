"""Unicode folding and offset-preserving tokenisation shared by every matcher.

Matchers (places, topic rules, datelines) compare *folded* tokens but report
evidence as character offsets into the *original* text, so tokenisation keeps
each token's original span and folding happens per token.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from operator import add
from typing import NamedTuple

__all__ = [
    "HE_PREFIXES",
    "Token",
    "TokenStream",
    "fold",
    "strip_arabic_clitics",
    "strip_hebrew_prefixes",
    "tokenize",
    "unfolded_ends",
]

# Marks written inside words that matching ignores: Arabic harakat, superscript alef, Quranic marks and the
# tatweel, and Hebrew points (niqqud and cantillation: news writes Hebrew without them, so a pointed word matches
# its plain form). They stay inside tokens (_MARKS) and fold away (_DROP).
_DROPPED_MARKS = [
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
    *range(0x0610, 0x061B),
    0x0640,
    *range(0x0591, 0x05BE),
    0x05BF,
    0x05C1,
    0x05C2,
    0x05C4,
    0x05C5,
    0x05C7,
]
# Those, and the combining dot above that casefold() leaves behind for Turkish "İ".
_DROP = dict.fromkeys([*_DROPPED_MARKS, 0x0307])
# Letter variants that writers use interchangeably; folding them lets one
# gazetteer or lexicon entry match every spelling.
_UNIFY = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",  # Persian yeh
        "ئ": "ي",
        "ة": "ه",
        "ک": "ك",  # Persian keheh
        "ؤ": "و",
        "ۀ": "ه",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ё": "е",
    }
)
# Word characters plus the combining marks that live inside words (Arabic
# harakat, Hebrew points, Indic, Thai, Lao, Tibetan, Myanmar and Khmer vowel signs
# and tone marks, ...): they are not \w, and a token cut at each of them
# split "กรุงเทพ" into "กร" + "งเทพ". Apostrophes split Turkish suffixes off
# ("Karabağ'da" -> "Karabağ", "da"), which is what matching wants.
_MARKS = "".join(map(chr, _DROPPED_MARKS)) + (
    "\u0300-\u036f\u0483-\u0489\u200c\u200d\u0900-\u0dff"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18\u0f19\u0f35\u0f37\u0f39"
    "\u0f3e\u0f3f\u0f71-\u0f84\u0f86\u0f87\u0f8d-\u0fbc\u102b-\u103e\u1056-\u109d\u17b4-\u17d3\u17dd"
)
_TOKEN = re.compile(rf"[^\W_][\w{_MARKS}]*")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")

_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


# The same two tables as regular expressions. str.translate with a dict looks every character up in it,
# and a character that is not there costs a LookupError raised and caught: about 0.1 µs a character of
# non-Latin text, 0.4 ms for a 4.5 kB Russian or Arabic text against 0.04-0.09 ms this way (measured on
# this project's 2-core machine). A character class scans in C and only the matches call back.
_DROP_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_DROP)) + "\u200c\u200d]")
_UNIFY_CHARS = {chr(k): v for k, v in _UNIFY.items()}
_UNIFY_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_UNIFY_CHARS)) + "]")


def _unify(m: re.Match[str]) -> str:
    return _UNIFY_CHARS[m.group()]


def fold(text: str) -> str:
    """Return the matching form of ``text``: NFKC, case-folded, letter variants unified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():  # every character dropped or unified is outside ASCII
        return text
    return _UNIFY_RE.sub(_unify, _DROP_RE.sub("", text))


def strip_arabic_clitics(token: str, min_stem: int = 3) -> list[str]:
    """Candidate stems of a folded Arabic token, longest first, the token itself included.

    Proclitics (و ف ب ل ك) and the article are peeled off only while at least
    ``min_stem`` letters remain, so short names are not eaten.
    """
    out = [token]
    seen = {token}
    for prefix in _AR_PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= min_stem:
            stem = token[len(prefix) :]
            if stem not in seen:
                seen.add(stem)
                out.append(stem)
            # "وبال" / "ولل": one conjunction before article-bearing prefixes.
            for inner in ("ال", "لل"):
                if stem.startswith(inner) and len(stem) - len(inner) >= min_stem:
                    inner_stem = stem[len(inner) :]
                    if inner_stem not in seen:
                        seen.add(inner_stem)
                        out.append(inner_stem)
    return out


def _hebrew_prefix_chains() -> frozenset[str]:
    """The chains of Hebrew one-letter prefixes, in their order: ו "and", ש / כש "that, when", one of
    ב ל כ מ "in, to, as, from", the article ה. Unpointed spelling drops the article after ב ל כ
    (בבית, not בהבית) but keeps it after מ (מהבית); longer chains than three letters are left out."""
    chains = {
        conj + rel + prep + art
        for conj in ("", "ו")
        for rel in ("", "ש", "כש")
        for prep in ("", "ב", "ל", "כ", "מ")
        for art in ("", "ה")
        if not (art and prep in ("ב", "ל", "כ"))
    }
    return frozenset(c for c in chains if 0 < len(c) <= 3)


#: What Hebrew writes on the word before it: its conjunction, relative particle, prepositions and article, in
#: the chains the grammar allows (:func:`_hebrew_prefix_chains`: ו, ה, ב, מה, ושב, כש...).
HE_PREFIXES = _hebrew_prefix_chains()


def strip_hebrew_prefixes(token: str, min_stem: int = 2) -> list[str]:
    """Candidate stems of a folded Hebrew token, the token itself first: each prefix chain of
    :data:`HE_PREFIXES` it starts with peeled off while at least ``min_stem`` letters remain."""
    return [token, *(token[i:] for i in range(1, 4) if len(token) - i >= min_stem and token[:i] in HE_PREFIXES)]


def unfolded_ends(run: str, folded: str) -> list[int] | None:
    """Per character of the original ``run``: the length of its folded form (``folded``) up to and including it.

    Where folding changed a token's length (NFKC writes Thai ำ as ํ + า, a half-width katakana as its full form),
    this maps a match inside the folded token back to original offsets: the match's first and last folded
    characters are in the original characters ``bisect_right(ends, i)``. Each original character is folded alone;
    None when that does not rebuild ``folded`` (a composition across characters), and the caller keeps the token's
    whole span."""
    pieces = [fold(char) for char in run]
    if "".join(pieces) != folded:
        return None
    return list(accumulate(map(len, pieces)))


class Token(NamedTuple):
    """A folded token and its span in the original text."""

    text: str
    start: int
    end: int


# News vocabulary is Zipfian: a bounded cache of folded words removes almost
# all NFKC/casefold work from the per-story path.
_fold_word = lru_cache(maxsize=1 << 18)(fold)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into folded tokens, keeping original character offsets."""
    fw = _fold_word
    new = tuple.__new__  # skips NamedTuple's keyword-handling __new__: ~2x faster per token
    return [new(Token, (fw(m.group()), *m.span())) for m in _TOKEN.finditer(text)]


class TokenStream:
    """Folded tokens joined by single spaces, for one automaton pass over a story.

    ``joined`` is what an Aho-Corasick automaton scans; ``starts`` maps a
    position in ``joined`` back to the token index so that a match can be
    checked for whole-token boundaries and reported with original offsets.
    ``raw`` holds the tokens as written and ``begins``/``ends`` their offsets in the original text.
    Tokens are held as parallel lists rather than :class:`Token` objects:
    building one object per token was the costliest part of tokenising.
    """

    __slots__ = ("_unfolded", "begins", "ends", "joined", "raw", "starts", "texts")

    def __init__(self, text: str) -> None:
        # One split in C gives the tokens and the text between them, and running sums of their lengths give
        # every offset: no match object per token (a 2,000-character story has ~300 tokens; 12% of tokenising).
        parts = _TOKEN_SPLIT.split(text)
        self.raw = raw = parts[1::2]
        edges = list(accumulate(map(len, parts), initial=0))
        self.begins: list[int] = edges[1:-1:2]
        self.ends: list[int] = edges[2::2]
        self.texts = texts = list(map(_fold_word, raw))  # folded tokens
        self.joined = " ".join(texts)
        # Token i starts after the i earlier tokens and their i separating spaces.
        self.starts = list(map(add, accumulate(map(len, texts), initial=0), range(len(texts))))
        del self.starts[len(texts) :]
        self._unfolded: dict[int, list[int] | None] = {}  # see inner_span

    @classmethod
    def of(cls, text: str) -> TokenStream:
        return cls(text)

    def start(self, index: int) -> int:
        """Original character offset where token ``index`` starts."""
        return self.begins[index]

    def end(self, index: int) -> int:
        """Original character offset where token ``index`` ends."""
        return self.ends[index]

    def __len__(self) -> int:
        return len(self.texts)

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The tokens as :class:`Token` objects (for callers that want them; matchers use the lists)."""
        return tuple(map(Token, self.texts, self.begins, self.ends))

    def token_index(self, pos: int) -> int:
        """Index of the token that contains position ``pos`` of ``joined``."""
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def inner_span(self, index: int, pos: int, width: int) -> tuple[int, int]:
        """Original offsets of the ``width`` folded characters at ``pos`` inside token ``index``: a name or term
        inside a run of a script written without spaces, which is one token.

        Where folding changed the token's length (Thai ำ folds to two characters), each original character's
        folded length maps the characters back (:func:`unfolded_ends`, worked out once per token); where even
        that fails, the token's whole span."""
        start, end = self.begins[index], self.ends[index]
        if end - start == len(self.texts[index]):
            return start + pos, start + pos + width
        if index not in self._unfolded:
            self._unfolded[index] = unfolded_ends(self.raw[index], self.texts[index])
        ends = self._unfolded[index]
        if ends is None:
            return start, end
        return start + bisect_right(ends, pos), start + bisect_right(ends, pos + width - 1) + 1

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original character offsets covering tokens ``first``..``last`` inclusive."""
        return self.begins[first], self.ends[last]
