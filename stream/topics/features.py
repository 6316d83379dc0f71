"""The topic model's features: what the trainer counts and the classifier looks up, with their spans.

The model is linear, so every decision is a sum over features, and each feature
is tied to the characters it came from: the evidence for a model topic is the
list of features that added most to it, with offsets into the story text, just
like a rule's matched terms.

Features come from the folded tokens the pipeline already made (one
:class:`~stream.text.normalize.TokenStream` per story), so the topic model adds
no tokenising of its own:

* ``w`` the word itself;
* ``p`` its first :data:`STEM` letters when it is longer: a crude stem that
  carries the model across inflection (Russian cases, Turkish and Swahili
  affixes, Arabic suffixes) in every language without a stemmer per language;
* ``b`` the word and the next one: "prime minister", "world cup";
* nothing for a number (all digits): it names no topic;
* ``c`` two-letter pieces of tokens in scripts written without spaces (Han,
  Kana, Thai, Lao, Khmer, Myanmar, Tibetan), where a "token" is a whole clause;
* when the model ships a translation table (word, ``~`` + stem or ``^`` + language +
  ``:`` + Snowball stem -> English word, learnt from parallel sentences and a
  dictionary by :mod:`stream.build.topic_align`), a translated token also makes its
  English word's own features, so the weights learnt from news in other languages
  score it too (see :func:`translate`). The Snowball stem needs the story's language.

Only the first :data:`MAX_TOKENS` tokens count: the headline and lead say what a
story is about, and the cost stays bounded on long stories.

Feature strings are looked up in the model's vocabulary (exact keys, see :mod:`stream.topics.packed`), not hashed:
unknown features cost one failed lookup, there are no collisions to explain
away in the evidence, and the vocabulary is small enough (a few hundred
thousand strings) to keep in memory.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import is_

import snowballstemmer

from stream.text.normalize import TokenStream
from stream.topics.packed import get_all

__all__ = [
    "MAX_TOKENS",
    "SNOWBALL",
    "STEM",
    "Feature",
    "any_unspaced",
    "feature_strings",
    "features",
    "is_unspaced",
    "own_features",
    "snowball_stemmer",
    "snowball_unit",
    "translate",
    "translate_all",
    "word_features",
]

MAX_TOKENS = 250
STEM = 5
# Scripts written without spaces between words: a regex token there is a whole phrase.
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)
_MAX_PIECES = 64  # two-letter pieces per unspaced token
#: Languages whose words are also looked up by their Snowball stem (``^`` + language + ``:`` + stem): a dictionary
#: headword is a lemma, and a five-letter prefix misses the inflected forms of short stems (ru "войны", "войне"
#: -> "войн"; tr "savaşta" -> "savaş") or joins unrelated words.
SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "es": "spanish",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nl": "dutch",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
}
_MIN_SNOWBALL = 3  # shorter words (particles, digits) have no stem unit
_MAX_SNOWBALL = 40  # longer "words" are not stemmed (see stream.topics.rules)

# (feature string, first token index, last token index, offset of the piece inside the first token or -1)
Feature = tuple[str, int, int, int]


def is_unspaced(word: str) -> bool:
    """True for a token in a script written without spaces: it yields pieces and pairs with no neighbour."""
    return not word.isascii() and _UNSPACED.search(word) is not None


def any_unspaced(words: list[str]) -> bool:
    """Whether :func:`is_unspaced` holds for any of ``words``, in one scan."""
    return _UNSPACED.search("".join(words)) is not None


def word_features(word: str) -> list[tuple[str, int]]:
    """The features one token makes on its own (all but the word pairs): (feature string, piece offset or -1).

    They depend on the token's text alone, so a caller may compute them once per distinct word.
    """
    if word.isdigit():
        # A number names no topic: trained on, "5000", "1995" and "36" became some of sport's strongest words and
        # called an earnings table ("Shr 31 cts vs 22 cts") sport.
        return []
    if is_unspaced(word):
        out = [("c" + word[k : k + 2], k) for k in range(min(len(word) - 1, _MAX_PIECES))]
        if len(word) <= 4:
            out.append(("w" + word, -1))
        return out
    if len(word) > STEM + 1:
        return [("w" + word, -1), ("p" + word[:STEM], -1)]
    return [("w" + word, -1)]


@functools.cache
def snowball_stemmer(algorithm: str) -> snowballstemmer.stemmer | None:
    """One Snowball stemmer per algorithm, shared by the model's stem units and the rules; None when this
    Snowball lacks it (an older release: that language goes without stem units)."""
    if algorithm not in snowballstemmer.algorithms():
        return None
    stemmer = snowballstemmer.stemmer(algorithm)
    if hasattr(stemmer, "maxCacheSize"):
        # PyStemmer's own cache of 10,000 words makes a word it has not seen cost about twice as much; both
        # callers keep their own cache of words in front of it.
        stemmer.maxCacheSize = 0
    return stemmer


def snowball_unit(word: str, lang: str | None) -> str | None:
    """``^`` + ``lang`` + ``:`` + the word's Snowball stem, or None (no stemmer for ``lang``, a short word, digits)."""
    algorithm = SNOWBALL.get(lang) if lang else None
    if algorithm is None or not _MIN_SNOWBALL <= len(word) <= _MAX_SNOWBALL or word.isdigit():
        return None
    stemmer = snowball_stemmer(algorithm)
    return None if stemmer is None else f"^{lang}:{stemmer.stemWord(word)}"


def translate(word: str, translations: Mapping[str, str], lang: str | None = None) -> str | None:
    """The English word a token translates to: the table's entry for the word, else for ``~`` + its stem, else
    (with the story's ``lang``) for its Snowball stem unit (:func:`snowball_unit`)."""
    found = translations.get(word)
    if found is None and len(word) > STEM + 1:
        found = translations.get("~" + word[:STEM])
    if found is None and lang is not None:
        unit = snowball_unit(word, lang)
        if unit is not None:
            found = translations.get(unit)
    return found


def translate_all(
    words: list[str],
    translations: Mapping[str, str],
    lang: str | None = None,
    *,
    exact: Sequence[str | None] | None = None,
    by_stem: Sequence[str | None] | None = None,
) -> list[str | None]:
    """:func:`translate` of every word, with each step's lookups made for all words that still need them: a
    story's new words cost one ``map`` per step instead of several Python calls each.

    A caller that has looked up some steps already passes what the table holds per word: ``exact`` for the word,
    ``by_stem`` for ``~`` + its stem (needed only where ``exact`` is None)."""
    found = get_all(translations, words) if exact is None else list(exact)
    missing = compress(range(len(found)), map(is_, found, repeat(None)))
    if by_stem is not None:
        for i in missing:
            found[i] = by_stem[i]
    else:
        cut = [i for i in missing if len(words[i]) > STEM + 1]
        for i, english in zip(cut, get_all(translations, ["~" + words[i][:STEM] for i in cut]), strict=True):
            found[i] = english
    algorithm = SNOWBALL.get(lang) if lang else None
    stemmer = snowball_stemmer(algorithm) if algorithm is not None else None
    if stemmer is not None:
        todo = [
            i
            for i in compress(range(len(found)), map(is_, found, repeat(None)))
            if _MIN_SNOWBALL <= len(words[i]) <= _MAX_SNOWBALL and not words[i].isdigit()
        ]
        stems = stemmer.stemWords([words[i] for i in todo])
        for i, english in zip(todo, get_all(translations, list(map(f"^{lang}:".__add__, stems))), strict=True):
            found[i] = english
    return found


def own_features(word: str, translations: Mapping[str, str] | None = None, lang: str | None = None) -> list[tuple[str, int]]:
    """:func:`word_features`, then those of the word's translation (piece offset -1: they span the whole token)."""
    out = word_features(word)
    english = translate(word, translations, lang) if translations else None
    if english is not None:
        out = out + [(name, -1) for name, _ in word_features(english)]
    return out


def features(
    stream: TokenStream, limit: int = MAX_TOKENS, translations: Mapping[str, str] | None = None, lang: str | None = None
) -> Iterator[Feature]:
    """Every feature of a story's first ``limit`` tokens, with the tokens it spans.

    Duplicates are yielded as they occur; the model counts presence, not frequency.
    Per token: its own features (:func:`own_features`: :func:`word_features` and those of its
    translation), then the pair with the token before, when neither is unspaced. A token of
    digits makes no feature and no pair (:func:`word_features`).
    """
    texts = stream.texts
    count = min(len(texts), limit)
    previous: str | None = None
    for i in range(count):
        word = texts[i]
        for name, piece in own_features(word, translations, lang):
            yield name, i, i, piece
        if is_unspaced(word):
            previous = None
            continue
        if word.isdigit():
            previous = None
            continue
        if previous is not None:
            yield "b" + previous + " " + word, i - 1, i, -1
        previous = word


def feature_strings(
    stream: TokenStream, limit: int = MAX_TOKENS, translations: Mapping[str, str] | None = None, lang: str | None = None
) -> set[str]:
    """The distinct feature strings of a story (what the trainer counts)."""
    return {f[0] for f in features(stream, limit, translations, lang)}
