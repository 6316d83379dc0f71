"""Choose the short-text weights of :mod:`stream.language.shorttext` on half A of the dev word set.

Run from the repository root::

    python -m benchmarks.tune_short [--top N] [--grid KNOB=V1,V2 ...]

Grid-searches :class:`stream.language.shorttext.ShortParams` maximising macro accuracy
on half A of ``benchmarks/data/lang/words.tsv`` (see
:func:`benchmarks.eval_lang.split_halves`) and prints, for the best settings,
half B and the held-out items next to it: those two are never used to choose.
The current :data:`stream.language.shorttext.DEFAULT` and the short path switched off
(the previous detector) are printed as references. ``--grid`` searches only the
knobs given, the others kept at their defaults: the n-gram round used
``--grid ngram=1,2,4 cld2_uncovered=1,2,4``. ``--on ntrex`` (or ``both``) maximises the public NTREX tune
words (or the mean of the two) instead; every line also prints the self-written unseen files and the NTREX
test words, which are never maximised.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
from collections import Counter
from dataclasses import replace
from functools import cache, partial
from pathlib import Path

import stream.language.detector as language
from benchmarks.eval_lang import split_halves
from stream.language.engines import Ranking, run_engine
from stream.language.shorttext import DEFAULT, ShortParams, short_scores

__all__ = ["main"]

_DATA = Path(__file__).parent / "data" / "lang"
_GRID = {
    "engine_power": (0.0, 0.5, 1.0),
    "cld2": (0.6, 1.0, 1.5),
    "langid": (0.5, 1.0, 2.0),
    "langdetect": (0.0, 0.25),
    "letters": (0.0, 0.5),
    "prior": (0.0, 0.25, 0.5, 1.0),
    "prior_cap": (0.05, 0.1, 1.0),
    "traditional_ja": (0.0, 0.5, 1.0),
}


def _load(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, text = line.split("\t", 1)
            rows.append((code, text))
    return rows


@cache
def _rank(name: str, text: str) -> Ranking:
    return run_engine(name, text)


def _macro(rows: list[tuple[str, str]]) -> float:
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for code, text in rows:
        seen[code] += 1
        right[code] += language.detect(text).code == code
    return 100 * statistics.mean(right[c] / seen[c] for c in seen)


def _use(params: ShortParams | None) -> None:
    language.short_scores = partial(short_scores, params=params, rank=_rank) if params else short_scores
    language._SHORT_LETTERS = 30 if params else 0  # 0 switches the short path off


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--grid", nargs="+", metavar="KNOB=V1,V2", help="search these knobs only")
    parser.add_argument(
        "--on",
        choices=("a", "ntrex", "both"),
        default="a",
        help="what to maximise: half A of words.tsv (self-written), the public NTREX tune words, or their mean",
    )
    args = parser.parse_args(argv)
    grid = _GRID
    if args.grid:
        grid = {}
        for spec in args.grid:
            knob, _, values = spec.partition("=")
            if knob not in ShortParams.__dataclass_fields__ or not values:
                parser.error(f"--grid {spec}: expected KNOB=V1,V2 with KNOB a field of ShortParams")
            grid[knob] = tuple(float(v) for v in values.split(","))
    words = _load(_DATA / "words.tsv")
    holdout = _load(_DATA / "words_holdout.tsv")
    unseen = [row for name in ("words_unseen2.tsv", "words_unseen3.tsv", "words_unseen4.tsv") for row in _load(_DATA / name)]
    ntrex_tune = _load(_DATA / "words_ntrex_tune.tsv")
    ntrex_test = _load(_DATA / "words_ntrex_test.tsv")  # never maximised: printed for the chosen settings only
    tune, check = split_halves(words)

    def objective() -> float:
        if args.on == "a":
            return _macro(tune)
        if args.on == "ntrex":
            return _macro(ntrex_tune)
        return (_macro(tune) + _macro(ntrex_tune)) / 2

    def report(label: str, params: ShortParams | None) -> None:
        _use(params)
        print(
            f"{label:>9s} A {_macro(tune):5.1f}  B {_macro(check):5.1f}  held-out {_macro(holdout):5.1f}  "
            f"unseen2-4 {_macro(unseen):5.1f}  NTREX tune {_macro(ntrex_tune):5.1f}  NTREX test {_macro(ntrex_test):5.1f}  {params}"
        )

    report("off", None)
    report("default", DEFAULT)
    keys = list(grid)
    scored: list[tuple[float, ShortParams]] = []
    for values in itertools.product(*(grid[k] for k in keys)):
        params = replace(DEFAULT, **dict(zip(keys, values, strict=True)))
        _use(params)
        scored.append((objective(), params))
    # Ties broken towards the smallest change from plain engine voting (fewer tuned knobs doing work).
    scored.sort(key=lambda sp: (-sp[0], sp[1].letters + sp[1].prior + sp[1].traditional_ja + sp[1].langdetect))
    for rank, (_, params) in enumerate(scored[: args.top], 1):
        report(f"best {rank}", params)
    _use(DEFAULT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
