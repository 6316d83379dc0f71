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
found in several languages keeps the translation with the best score.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from stream.text.normalize import TokenStream
from stream.topics.features import STEM, is_unspaced

__all__ = ["MIN_COUNT", "MIN_DICE", "align", "learn", "read_parallel", "units"]

MIN_COUNT = 2  # sentences a unit and its translation must share
# 0.4 with FLORES alone (0.3: +0.002, a 12 % bigger table); with NTREX pooled 0.3 gained +0.005 on the transfer-dev
# set (SOURCES.md).
MIN_DICE = 0.3
_MIN_LEN = 3  # shorter tokens (articles, particles, digits) are left alone


def units(text: str) -> set[str]:
    """The alignable units of a sentence: folded words of 3+ letters (not digits, not unspaced scripts) and,
    for words longer than ``STEM + 1``, their stem marked with a leading ``~``."""
    out: set[str] = set()
    for word in TokenStream.of(text).texts:
        if len(word) < _MIN_LEN or word.isdigit() or is_unspaced(word):
            continue
        out.add(word)
        if len(word) > STEM + 1:
            out.add("~" + word[:STEM])
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
        en = [w for w in english[i] if not w.startswith("~")]
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


def learn(
    paths: Path | Sequence[Path], languages: Iterable[str], *, min_count: int = MIN_COUNT, min_dice: float = MIN_DICE
) -> dict[str, str]:
    """The merged translation table ``{foreign unit: english word}`` for ``languages`` (see the module docstring).

    Several parallel files pool their sentences (ids are kept apart per file), so a word's evidence is
    counted over all of them: NTREX's news sentences beside FLORES's.
    """
    langs = sorted(set(languages) - {"en"})
    texts: dict[str, dict[str, str]] = defaultdict(dict)
    for path in [paths] if isinstance(paths, Path) else paths:
        for lang, by_id in read_parallel(path, langs).items():
            texts[lang].update({f"{path.name}:{i}": t for i, t in by_id.items()})
    english = {i: units(t) for i, t in texts.get("en", {}).items()}
    english_words = {w for us in english.values() for w in us}
    best: dict[str, tuple[float, str]] = {}
    for lang in langs:
        if lang not in texts:
            continue
        foreign = {i: units(t) for i, t in texts[lang].items()}
        for unit, (word, dice) in align(english, foreign, min_count=min_count, min_dice=min_dice).items():
            if unit in english_words or unit == word:
                continue
            old = best.get(unit)
            if old is None or (dice, word) > old:
                best[unit] = (dice, word)
    return {unit: word for unit, (_, word) in sorted(best.items())}
