"""Countries found in a language's blurbs against those found in the English blurb of the same event.

Run: ``python -m benchmarks.itn_places [LANG ...] [--corpus PATH]`` (default languages zh ko ja th ru ar).

The place sets of ``make eval-region`` are English (public) or self-written; scripts such as Chinese and
Korean have no labelled place set here. The ITN corpus (see :mod:`benchmarks.eval_events`; CC BY-SA 3.0,
not in this repository) holds Wikipedia "In the news" blurbs of one event in many languages, so the
English blurb's countries, as wirewatch reads them, are a silver label for the others: recall is the
share of the English blurb's countries the other blurb also gives, precision the share of the other
blurb's countries the English one gives. Both are lower bounds of a sort, not accuracies: blurbs of one
event name different countries (a French blurb listing three elections against an English one about
one), and the English reading has its own errors. Printed for every event and for the ``tune`` half alone
(even Wikidata numbers, as :mod:`benchmarks.eval_events` splits them).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from benchmarks.eval_events import default_corpus, load
from stream.places.geotag import locate
from stream.story import Story

__all__ = ["agreement", "blurbs_by_event", "main"]

DEFAULT_LANGS = ("zh", "ko", "ja", "th", "ru", "ar")


def blurbs_by_event(rows: Iterable[Mapping[str, object]]) -> dict[str, dict[str, str]]:
    """Wikidata id -> language -> the event's first blurb in that language."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for row in rows:
        out[str(row["gold"])].setdefault(str(row["lang"]), str(row["text"]))
    return out


def agreement(
    events: Mapping[str, Mapping[str, str]], lang: str, countries: Callable[[str, str], set[str]]
) -> tuple[int, int, int, int]:
    """(events, countries both give, only ``lang``'s blurb, only the English blurb) over the events with both."""
    n = both = only = missed = 0
    for blurbs in events.values():
        if lang in blurbs and "en" in blurbs:
            en, other = countries(blurbs["en"], "en"), countries(blurbs[lang], lang)
            n += 1
            both += len(en & other)
            only += len(other - en)
            missed += len(en - other)
    return n, both, only, missed


def _countries(text: str, lang: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="itn", headline="", body=text), lang).countries}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("langs", nargs="*", default=list(DEFAULT_LANGS))
    parser.add_argument("--corpus", type=Path, default=None, help="ITN corpus.json (default: $WIREWATCH_ITN_CORPUS)")
    args = parser.parse_args(argv)
    path = args.corpus or default_corpus()
    if not path.exists():
        print(f"no ITN corpus at {path} (see benchmarks/eval_events.py)")
        return 1
    events = blurbs_by_event(load(path))
    tune = {qid: b for qid, b in events.items() if int(qid.lstrip("Q")) % 2 == 0}
    print(f"{'lang':5} {'half':5} {'events':>6} {'both':>5} {'only':>5} {'only en':>7} {'recall':>7} {'precision':>9}")
    for lang in args.langs:
        for half, subset in (("all", events), ("tune", tune)):
            n, both, only, missed = agreement(subset, lang, _countries)
            recall = both / (both + missed) if both + missed else 0.0
            precision = both / (both + only) if both + only else 0.0
            print(f"{lang:5} {half:5} {n:6d} {both:5d} {only:5d} {missed:7d} {recall:7.3f} {precision:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
