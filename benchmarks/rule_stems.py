"""Rule terms that also match frequent words of another meaning (``make rule-stems``).

A stemmed term matches every token with its Snowball stem, and Snowball joins words a rule author never meant:
English "imports" and "important", "author" and "authorities", "premiere" and "premier"; French "parlement" and
"parle", "opéra" and "opération"; Spanish "deportación" and "deportes", "misa" and "mis". Real agency copy
found the first of them ("March" the month counted as a protest march in an ANA-MPA release; "earned run
average" as earnings in an AP baseball story).

For every single-word stemmed term of a language's rule sections, this prints the words of the language's
wordfreq list (top :data:`TOP_WORDS`) that have the term's stem and are at most :data:`MARGIN` Zipf below the
term's own word (rarer ones rarely reach a story), most frequent first. In the languages whose terms match a
word and a few added letters (``stream.topics.rules.SUFFIX_ALLOWANCE``: Turkish "kaza" also matches "kazandı", "gösteri" (a
demonstration) "gösteriyor" (shows), "opera" "operasyon"), the same for every suffix or prefix term, over the
words that start as it does, from Zipf :data:`MIN_SUFFIX_ZIPF` (such a term's own word is often rarer than its
inflected forms). A rule author reads the list and writes
the term as exact forms (``"=imports"``) where those words mean something else; each exact form keeps the weight
the stemmed terms gave it (the sum where several stem-equal terms matched it), so the forms meant still score as
before. Forms and inflections of the same word (protest, protests) are the expected company and need nothing.

    python -m benchmarks.rule_stems [--lang en fr ...] [--rules DIR]

wordfreq is the ``gazetteer`` extra (``pip install -e '.[gazetteer]'``), used here as ``make gazetteer`` uses it.
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stream.text.normalize import fold
from stream.topics.rules import STEMMED, SUFFIX_ALLOWANCE, load_rules, stem

__all__ = ["MARGIN", "MIN_SUFFIX_ZIPF", "TOP_WORDS", "Company", "main", "stem_company"]

TOP_WORDS = 60_000
MARGIN = 0.5
MIN_SUFFIX_ZIPF = 3.0


@dataclass(frozen=True, slots=True)
class Company:
    """A stemmed term and the frequent words that share its stem (``(word, Zipf)``, most frequent first)."""

    file: str
    term: str
    weight: float
    zipf: float
    words: tuple[tuple[str, float], ...]


def stem_company(
    terms: Iterable[tuple[str, str, float, Callable[[str], bool]]],
    vocabulary: Iterable[str],
    stem: Callable[[str], str],
    zipf: Callable[[str], float],
    margin: float = MARGIN,
    floor: float | None = None,
) -> list[Company]:
    """For each ``(file, term, weight, matches)``, the words of ``vocabulary`` with the term's ``stem`` (any key
    that every word the term matches shares with it: a Snowball stem, or the first letters for a suffix term)
    that the term ``matches`` (the rule matcher's own test) and whose ``zipf`` is at least the term's minus
    ``margin``, or at least ``floor`` when one is given; terms without such company are left out."""
    by_stem: dict[str, list[str]] = {}
    for word in vocabulary:
        if word.isalpha():
            by_stem.setdefault(stem(word), []).append(word)
    out = []
    for file, term, weight, matches in terms:
        form = fold(term)
        own = zipf(form)
        company = sorted(
            (
                (w, zipf(w))
                for w in by_stem.get(stem(form), ())
                if w != form and matches(w) and zipf(w) >= (own - margin if floor is None else floor)
            ),
            key=lambda pair: -pair[1],
        )
        if company:
            out.append(Company(file, term, weight, own, tuple(company)))
    return out


def _terms(lang: str, rules_dir: Path | None, modes: tuple[str, ...]) -> list[tuple[str, str, float, Callable[[str], bool]]]:
    return [
        (rule.name, term.text, weight, term.words[0].matches)
        for rule in load_rules(rules_dir)
        for term, weight in rule.terms.get(lang, ())
        if len(term.words) == 1 and term.words[0].mode in modes
    ]


def _zipf(word: str, *, lang: str, frequency: Callable[[str, str], float]) -> float:
    return frequency(word, lang)


def _readable(lang: str) -> bool:
    from wordfreq import zipf_frequency

    try:
        zipf_frequency("a", lang)
    except ImportError:  # a tokenizer wordfreq imports only when asked (MeCab for Korean)
        return False
    return True


def _first_letters(word: str) -> str:
    return word[:2]


def main(argv: Sequence[str] | None = None) -> None:
    from wordfreq import available_languages, top_n_list, zipf_frequency  # build-time extra, as stream.build.gazetteer

    # The rule languages matched by stem or by suffix that wordfreq reads here (Korean needs MeCab).
    languages = sorted(lang for lang in (STEMMED | SUFFIX_ALLOWANCE.keys()) & set(available_languages()) if _readable(lang))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang", nargs="+", default=languages, choices=languages)
    parser.add_argument("--rules", type=Path, default=None, help="rules directory (default: the shipped rules)")
    args = parser.parse_args(argv)

    for lang in args.lang:
        # Folded as the matcher folds tokens (stream.text.normalize.fold).
        vocabulary = [fold(word) for word in top_n_list(lang, TOP_WORDS)]
        zipf = functools.partial(_zipf, lang=lang, frequency=zipf_frequency)
        if lang in STEMMED:
            found = stem_company(_terms(lang, args.rules, ("stem",)), vocabulary, functools.partial(stem, lang), zipf)
            kind = "stemmed terms share their stem with words as frequent"
        else:
            terms = _terms(lang, args.rules, ("suffix", "prefix"))
            found = stem_company(terms, vocabulary, _first_letters, zipf, floor=MIN_SUFFIX_ZIPF)
            kind = f"suffix and prefix terms also match words of Zipf {MIN_SUFFIX_ZIPF:g} or more"
        print(f"== {lang}: {len(found)} {kind}")
        for c in found:
            company = ", ".join(f"{w} {z:.1f}" for w, z in c.words[:8])
            print(f"{c.file:<20} {c.term} ({c.weight:g}, Zipf {c.zipf:.1f}): {company}")


if __name__ == "__main__":
    main()
