"""Learn word translations into English from parallel sentences (build time only).

SIB-200's sentences are FLORES-200: the same ~800 train and dev sentences (same
``index_id``) in every language (:func:`stream.build.topic_corpora.sib200_parallel`,
written by ``make topic-sources`` as ``sib200.parallel.tsv``). FLORES is Wikipedia
prose and lacks news words (ru "переговоры", tr "ateşkes"), so NTREX-128's 1,997
news sentences (newstest2019 in 128 languages, ``ntrex.parallel.tsv``,
:func:`stream.build.topic_corpora.ntrex_parallel`) are pooled with them. A word and its English
translation occur in the same sentences, so for each foreign *unit* (a folded token,
and the first :data:`~stream.topics.features.STEM` letters of a longer one: the stem
the model already uses) the English word with the highest Dice coefficient over
sentences is taken as its translation when the evidence is strong enough.

The topic model adds the English word's features to a story's own for each
translated token (:mod:`stream.topics.features`), so the weights it learns from
English, Spanish or Portuguese news also score a Russian or Turkish story, whose
language it has seen only as FLORES sentences.

The table is one dict for all languages (the model does not know a story's
language): a unit that is also an English word is never translated, and a unit
found in several languages keeps the translation with the best score. "English word" means a word of
the parallel sentences' English side or of the English training news (``english_counts``): FLORES and
NTREX lack most news names and terms, and a table that translated English "bank", "obama" or
"militants" (into "benched", "cognomen", "activists": a Dutch, a Spanish, a Hungarian headword) would
rewrite English stories, the model's best-covered language.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from stream.text.normalize import TokenStream
from stream.topics.features import STEM, is_unspaced, snowball_unit

__all__ = [
    "MIN_COUNT",
    "MIN_DICE",
    "MIN_STEM_SHARE",
    "align",
    "dictionary_table",
    "learn",
    "read_dictionary",
    "read_parallel",
    "units",
]

MIN_COUNT = 2  # sentences a unit and its translation must share
# 0.4 with FLORES alone (0.3: +0.002, a 12 % bigger table); with NTREX pooled 0.3 gained +0.005 on the transfer-dev
# set (SOURCES.md).
MIN_DICE = 0.3
_MIN_LEN = 3  # shorter tokens (articles, particles, digits) are left alone
# A dictionary stem (``~`` + prefix) is translated only when more than this share of the headwords that have it agree:
# the first five letters of unrelated words coincide (ru "перег": переговоры talks, перегрузка overload).
MIN_STEM_SHARE = 0.5


def units(text: str, lang: str | None = None) -> set[str]:
    """The alignable units of a sentence: folded words of 3+ letters (not digits, not unspaced scripts) and,
    for words longer than ``STEM + 1``, their stem marked with a leading ``~``; with ``lang``, also each word's
    Snowball stem unit (:func:`stream.topics.features.snowball_unit`) where the language has a stemmer."""
    out: set[str] = set()
    for word in TokenStream.of(text).texts:
        if len(word) < _MIN_LEN or word.isdigit() or is_unspaced(word):
            continue
        out.add(word)
        if len(word) > STEM + 1:
            out.add("~" + word[:STEM])
        if lang is not None and (unit := snowball_unit(word, lang)) is not None:
            out.add(unit)
    return out


def read_parallel(path: Path, languages: Iterable[str] | None = None) -> dict[str, dict[str, str]]:
    """``{lang: {index_id: text}}`` for English and ``languages`` (``None``: every language) from a
    ``<id>.parallel.tsv``."""
    wanted = None if languages is None else {"en", *languages}
    out: dict[str, dict[str, str]] = defaultdict(dict)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            index, lang, text = line.rstrip("\n").split("\t", 2)
            if wanted is None or lang in wanted:
                out[lang][index] = text
    return dict(out)


def align(
    english: dict[str, set[str]], foreign: dict[str, set[str]], *, min_count: int = MIN_COUNT, min_dice: float = MIN_DICE
) -> dict[str, tuple[str, float]]:
    """Best English word (no stems) per foreign unit by sentence-level Dice: ``{unit: (english word, dice)}``.

    ``english`` and ``foreign`` map sentence ids to their units; only ids in both count.
    """
    ids = sorted(english.keys() & foreign.keys())
    en_count: Counter[str] = Counter()
    fo_count: Counter[str] = Counter()
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    for i in ids:
        en = [w for w in english[i] if not w.startswith(("~", "^"))]
        en_count.update(en)
        fo = foreign[i]
        fo_count.update(fo)
        for f in fo:
            pairs[f].update(en)
    out: dict[str, tuple[str, float]] = {}
    for f, cands in pairs.items():
        if fo_count[f] < min_count:
            continue
        best, score = "", 0.0
        for e, both in cands.items():
            if both < min_count:
                continue
            dice = 2 * both / (fo_count[f] + en_count[e])
            # Ties: the rarer English word (more specific), then the alphabetically first (reproducible).
            if dice > score or (dice == score and best and (en_count[e], e) < (en_count[best], best)):
                best, score = e, dice
        if score >= min_dice:
            out[f] = (best, round(score, 4))
    return out


def read_dictionary(path: Path, languages: Iterable[str] | None = None) -> dict[str, dict[str, set[str]]]:
    """``{lang: {word: {English words}}}`` from a ``<id>.dictionary.tsv`` (``lang<TAB>word<TAB>English word``)."""
    wanted = None if languages is None else set(languages)
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            lang, word, english = line.rstrip("\n").split("\t")
            if wanted is None or lang in wanted:
                out[lang][word].add(english)
    return {lang: dict(words) for lang, words in out.items()}


def _fold(word: str) -> str | None:
    """A dictionary word as the tokeniser folds it, or None when it is not one token."""
    texts = TokenStream.of(word).texts
    return texts[0] if len(texts) == 1 else None


def dictionary_table(
    entries: dict[str, dict[str, set[str]]],
    english_counts: Mapping[str, int],
    *,
    min_stem_share: float = MIN_STEM_SHARE,
    snowball: bool = False,
) -> dict[str, tuple[str, float]]:
    """Translations from a bilingual dictionary: ``{unit: (English word, share)}`` (units as :func:`units`).

    A headword with several senses lists several English words; the one most frequent in ``english_counts``
    (stories of the English training news that hold it) is taken, so that a word is read in its news sense
    (ru "мир": peace and world; tr "savaş": war and warfare). A stem's headwords vote, each for its chosen word,
    and the stem is translated only when more than ``min_stem_share`` of them agree (its share; a word's is 1).
    With ``snowball``, each headword's Snowball stem unit votes the same way (a lemma's inflected forms share it).
    Where languages disagree on a unit, the larger share wins, then the more frequent English word.
    """

    def rank(e: str) -> tuple[int, str]:
        return (-english_counts.get(e, 0), e)

    best: dict[str, tuple[float, int, str]] = {}
    for lang in sorted(entries):
        stems: dict[str, Counter[str]] = defaultdict(Counter)
        words: dict[str, str] = {}
        for headword, translations in sorted(entries[lang].items()):
            word = _fold(headword)
            folded = [e for e in (_fold(t) for t in translations) if e is not None and e.isalpha()]
            if word is None or len(word) < _MIN_LEN or word.isdigit() or is_unspaced(word) or not folded:
                continue
            english = min(folded, key=rank)
            words.setdefault(word, english)  # headwords folding alike ("Krieg", "krieg"): the first in order
            if len(word) > STEM + 1:
                stems["~" + word[:STEM]][english] += 1
            if snowball and (unit := snowball_unit(word, lang)) is not None:
                stems[unit][english] += 1
        found = {w: (e, 1.0) for w, e in words.items()}
        for stem, votes in stems.items():
            english, n = min(votes.items(), key=lambda kv: (-kv[1], rank(kv[0])))
            share = n / sum(votes.values())
            if share > min_stem_share:
                found[stem] = (english, round(share, 4))
        for unit, (english, share) in found.items():
            if unit == english:
                continue
            key = (share, english_counts.get(english, 0), english)
            old = best.get(unit)
            if old is None or key[:2] > old[:2]:
                best[unit] = key
    return {unit: (english, share) for unit, (share, _, english) in sorted(best.items())}


def learn(
    paths: Path | Sequence[Path],
    languages: Iterable[str],
    *,
    min_count: int = MIN_COUNT,
    min_dice: float = MIN_DICE,
    dictionaries: Sequence[Path] = (),
    english_counts: Mapping[str, int] | None = None,
    min_stem_share: float = MIN_STEM_SHARE,
    snowball: bool = False,
) -> dict[str, str]:
    """The merged translation table ``{foreign unit: english word}`` for ``languages`` (see the module docstring).

    Several parallel files pool their sentences (ids are kept apart per file), so a word's evidence is
    counted over all of them: NTREX's news sentences beside FLORES's. With ``snowball`` the languages with a
    Snowball stemmer also align (and take from dictionaries) their words' Snowball stem units. ``dictionaries`` (``<id>.dictionary.tsv``)
    then fill the units the sentences left untranslated (:func:`dictionary_table`, with ``english_counts``):
    a pair learnt from sentences is evidence of use, a dictionary's is not, so it never replaces one.
    No unit that is an English word (of the sentences' English side, or a key of ``english_counts``: the
    English training news) is translated, by either.
    """
    langs = sorted(set(languages) - {"en"})
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for path in [paths] if isinstance(paths, Path) else paths:
        for lang, by_id in read_parallel(path, langs).items():
            texts[lang].update({f"{path.name}:{i}": t for i, t in by_id.items()})
    english = {i: units(t) for i, t in texts.get("en", {}).items()}
    english_words = {w for us in english.values() for w in us} | set(english_counts or ())
    best: dict[str, tuple[float, str]] = {}
    for lang in langs:
        if lang not in texts:
            continue
        foreign = {i: units(t, lang if snowball else None) for i, t in texts[lang].items()}
        for unit, (word, dice) in align(english, foreign, min_count=min_count, min_dice=min_dice).items():
            if unit in english_words or unit == word:
                continue
            old = best.get(unit)
            if old is None or (dice, word) > old:
                best[unit] = (dice, word)
    table = {unit: word for unit, (_, word) in sorted(best.items())}
    for path in dictionaries:
        extra = dictionary_table(
            read_dictionary(path, langs), english_counts or {}, min_stem_share=min_stem_share, snowball=snowball
        )
        for unit, (word, _) in extra.items():
            if unit not in table and unit not in english_words:
                table[unit] = word
    return dict(sorted(table.items()))
