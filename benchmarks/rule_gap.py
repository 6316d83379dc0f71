"""Where a language's topic rules fall behind the English ones, on parallel news (``make rule-gap``).

NTREX-128 translates newstest2019's 1,997 English news sentences into 128 languages, line for line. The
English rule sections are the most worked-on, so on each line the topics the English rules find are a
reference for what another language's rules should find on the translation of that line:

* ``recall``: of the (line, topic) pairs the English rules find, the share the other language's rules find
  on the aligned line;
* ``extra``: topics the other language's rules find where the English ones do not, often a stem or suffix
  matching an unrelated word (Russian корь and Корея, Turkish kaza and kazandı).

With ``--misses LANG`` it prints, for that language, each missed (line, topic) with the English terms that
matched beside the aligned sentence (``--extras LANG``: each extra topic with the terms that matched): what a
rule author reads to find the words a section lacks. The German, Russian, Turkish rounds of issue #13 were
written this way, and at stop 53 the Hausa and Swahili terms (tune half, recall of the English rule topics: ha
0.366 -> 0.517, sw 0.672 -> 0.725; test half, read after: ha 0.516 -> 0.579, sw 0.596 -> 0.636; the English reference
gained a sport line in each half with that stop's sport terms).

Lines 1-998 are the ``tune`` half (:data:`benchmarks.public_words.TUNE_LINES`), the only one rule words may be
chosen from; ``--half test`` prints lines 999-1,997 for a measurement nobody tunes on (the same halves as the
public language-ID word sets). Only rule topics count (``source == "rules"``); the model is not asked.

    python -m benchmarks.rule_gap [--mirrors DIR] [--lang xx ...] [--half tune|test] [--misses LANG | --extras LANG]
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.public_words import LANGUAGES as NTREX_CODES
from benchmarks.public_words import TUNE_LINES, ntrex_gitdir, read_ntrex
from stream.story import Story
from stream.topics.classifier import classify
from stream.topics.rules import LANGUAGES as RULE_LANGUAGES

__all__ = ["CODES", "Gap", "gap", "main", "rule_topics"]

#: NTREX-128's code of each rule language it translates into: the language-ID set's, and Hausa, which has rules but
#: is no language-ID language.
CODES: dict[str, str] = {**NTREX_CODES, "ha": "hau"}


def rule_topics(text: str, lang: str) -> dict[str, list[str]]:
    """The codes the rules find in ``text`` read as ``lang``, each with the surface text of its evidence."""
    story = Story(id="gap", headline="", body=text)
    return {
        t.code: list(dict.fromkeys(story.text[e.start : e.end] for e in t.evidence))
        for t in classify(story, lang).topics
        if t.source == "rules"
    }


@dataclass
class Gap:
    """The comparison of one language's rule topics with the English ones over aligned lines."""

    lang: str
    english: Counter[str] = field(default_factory=Counter)  # topic -> lines English finds it on
    found: Counter[str] = field(default_factory=Counter)  # ... and the other language finds it there too
    extra: Counter[str] = field(default_factory=Counter)  # topic -> lines only the other language finds it on
    misses: list[tuple[int, str, list[str], str]] = field(default_factory=list)  # line, topic, English terms, text
    extras: list[tuple[int, str, list[str], str]] = field(default_factory=list)  # line, topic, its terms, text

    @property
    def recall(self) -> float:
        total = sum(self.english.values())
        return sum(self.found.values()) / total if total else 1.0


def gap(english: Sequence[str], other: Sequence[str], lang: str, *, first_line: int = 1) -> Gap:
    """Compare the rule topics of aligned lines (``english[i]`` translates to ``other[i]``)."""
    out = Gap(lang)
    for i, (en_line, line) in enumerate(zip(english, other, strict=True), start=first_line):
        reference = rule_topics(en_line, "en")
        mine = rule_topics(line, lang)
        for code, terms in reference.items():
            out.english[code] += 1
            if code in mine:
                out.found[code] += 1
            else:
                out.misses.append((i, code, terms, line))
        for code, terms in mine.items():
            if code not in reference:
                out.extra[code] += 1
                out.extras.append((i, code, terms, line))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    parser.add_argument("--lang", nargs="*", help="wirewatch codes (default: every rule language NTREX has)")
    parser.add_argument("--half", choices=("tune", "test"), default="tune")
    parser.add_argument("--misses", metavar="LANG", help="list that language's missed (line, topic) pairs")
    parser.add_argument("--extras", metavar="LANG", help="list that language's extra (line, topic) pairs")
    args = parser.parse_args(argv)
    wanted = args.lang or sorted(lang for lang in RULE_LANGUAGES if lang in CODES and lang != "en")
    texts = read_ntrex(ntrex_gitdir(args.mirrors), CODES)
    start, stop = (0, TUNE_LINES) if args.half == "tune" else (TUNE_LINES, None)
    english = texts["en"][start:stop]
    print(f"rule topics against the English rules on NTREX-128 lines of the {args.half} half ({len(english)} lines)")
    print(f"{'lang':6}{'recall':>8}{'extra':>7}   topics the English rules find on most lines: found / English")
    for lang in wanted:
        result = gap(english, texts[lang][start:stop], lang, first_line=start + 1)
        top = ", ".join(f"{code.split(':')[1]} {result.found[code]}/{n}" for code, n in result.english.most_common(6))
        print(f"{lang:6}{result.recall:8.3f}{sum(result.extra.values()):7d}   {top}")
        for flag, rows in ((args.misses, result.misses), (args.extras, result.extras)):
            if flag == lang:
                for i, code, terms, line in rows:
                    print(f"  line {i} {code} [{', '.join(terms)}]: {line}")


if __name__ == "__main__":
    main()
