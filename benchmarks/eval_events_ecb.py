"""Evaluate event clustering on ECB+ (``make eval-events``): B-cubed precision, recall and F1. Never tuned on.

Run from the repository root::

    python -m benchmarks.eval_events_ecb --extract [--mirrors DIR] [CORPUS]   # build CORPUS once
    python -m benchmarks.eval_events_ecb [CORPUS] [--seed N] [--orders K]

ECB+ (Cybulska and Vossen, LREC 2014; https://github.com/cltl/ecbPlus) is 982 English news documents on
43 topics; each topic has two sub-topics, two different but similar real happenings (say, two
earthquakes): the 480 ECB documents describe one, the 502 added by ECB+ the other. The annotation is
CC BY 3.0 (``LICENSEDATA.TXT``; cite Cybulska and Vossen 2014); the texts remain their publishers'.
cltl/ecbPlus ships them as ``ECB+_LREC2014/ECB+.zip``, a file too large for the plain repository snapshot
this was built from, so they are read from the per-document JSON files that ``ECBplus-prep/parse_ecbplus.py`` of
https://github.com/anastasia-zhukova/Diverse_CDCR_datasets (Zhukova et al., LREC 2022; Apache-2.0 code,
the data stays CC BY 3.0) wrote from the ECB+ XML, at commit 9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a:
``ECBplus-prep/output_data/test_parsing/<topic><ecb|ecbplus>/<topic>_<n><ecb|ecbplus>.json``. They are
not in this repository (licence and size). ``--extract`` reads them from a git dir at that commit
(``--mirrors DIR`` holding ``anastasia-zhukova+Diverse_CDCR_datasets/repo``, else a bare clone in
``~/.cache/wirewatch``) and writes CORPUS, one JSON object a line: ``id`` (the ECB+ file name, e.g.
``10_1ecbplus``), ``topic`` (``10``), ``subtopic`` (``10ecbplus``, the gold event), ``title`` (the first
sentence; for ECB+ documents the first one after the URL and date lines), ``text`` (the rest), ``date``
(``YYYY-MM-DD`` read from the ECB+ date line, or null: never for ECB documents) and ``date_text`` (that
line as given). The texts come tokenised (``free - agent``, ``26, 000``, ``1 : 30``); :func:`detokenize`
undoes only that spacing. Default CORPUS: ``$WIREWATCH_ECB_CORPUS``, else ``~/.cache/wirewatch/ecbplus.jsonl``.

Each document becomes a Story (title as headline, the rest as body, language ``en``);
:meth:`stream.pipeline.Pipeline.enrich` adds language, places and topics; the enriched stories go to a
fresh :class:`stream.events.Clusterer` with its shipped settings. Gold is topic + sub-topic. Rows:
``wirewatch``; ``single`` (every document alone, the floor); ``by topic`` (the gold topics, each the two
sub-topics merged: what a clusterer that finds every topic but confuses its two happenings would get).

Time: ECB+ has no usable timestamps (the ECB half has none; of the ECB+ half, 70 of 502 documents have no
date line or one without a full date), and a topic's two sub-topics are by design different happenings,
mostly years apart (the ECB+ date lines run from 2004 to 2013), so real dates would let the event window
split them by the calendar alone, and the ECB half would have no time at all. Every document is
instead given a time inside one window: :data:`START` plus one minute per document (982 minutes, 16.4 h,
well inside the 48 h window), in an order shuffled with ``random.Random(seed)`` over the documents sorted
by id, seed fixed at :data:`SEED` (``--seed``). So the window never separates anything, both happenings
of a topic arrive interleaved as two similar events breaking in the same days would, and only the
content decides. A single-pass clusterer depends on arrival order; ``--orders K`` also reports the spread
over seeds 0..K-1.

This is an evaluation set we never tune on: no threshold, window, feature or weight of
:mod:`stream.events` (nor the pipeline) may be chosen by looking at these figures; tuning uses the tune
half of the ITN corpus only (:mod:`benchmarks.eval_events`). The run evaluates ``stream.events`` as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.eval_events import bcubed
from stream.build import topic_sources as ts
from stream.build.topic_corpora import GitTree
from stream.events import Clusterer
from stream.pipeline import Pipeline
from stream.settings import Settings
from stream.story import Story, iso_utc

__all__ = ["detokenize", "document", "extract", "load", "main", "parse_date", "schedule"]

REPO = "anastasia-zhukova/Diverse_CDCR_datasets"
COMMIT = "9dfb46284593bdd35d1a5b5c758c9aa71cb43f1a"
LICENCE = (
    "ECB+: CC BY 3.0 (cltl/ecbPlus LICENSEDATA.TXT; the texts remain their publishers'); Diverse_CDCR_datasets code: Apache-2.0"
)
PREFIX = "ECBplus-prep/output_data/test_parsing"
#: ``<topic><kind>/<topic>_<n><kind>.json`` under :data:`PREFIX`.
_PATH = re.compile(r"(\d+)(ecb|ecbplus)/(\d+)_(\d+)(ecb|ecbplus)\.json")
START = 1_704_067_200.0  # 2024-01-01T00:00:00Z: any fixed instant does
STEP = 60.0  # seconds between two documents
SEED = 0
#: Documents expected at COMMIT (480 ECB + 502 ECB+), topics 1-45 without 15 and 17.
DOCUMENTS = 982


# -- extraction ------------------------------------------------------------------------------------

_DETOKENIZE = (
    (re.compile(r"(?<=\w) - (?=\w)"), "-"),  # free - agent, D - Day, 20 - 13
    (re.compile(r"(?<=\w) ([’']) ?(?=(?:s|t|re|ve|ll|d|m)\b)"), r"\1"),  # Charles ’ s, don ' t
    (re.compile(r"(?<=\d) ([:/]) (?=\d)"), r"\1"),  # 1 : 30, 12 / 16 / 08
    (re.compile(r"(?<=\d), (?=\d{3}\b)"), ","),  # 26, 000
    (re.compile(r"\$ (?=\d)"), "$"),  # $ 160 million
    (re.compile(r"\s+"), " "),
)


def detokenize(text: str) -> str:
    """Undo the tokeniser's spacing that ECB+ texts carry (hyphens, clitics, times, dates, thousands, ``$``)."""
    for pattern, repl in _DETOKENIZE:
        text = pattern.sub(repl, text)
    return text.strip()


_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_MONTH = r"\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATES = (
    re.compile(_MONTH + r",? " + _DAY + r",? (?P<year>\d{4})\b", re.IGNORECASE),  # December 15th, 2008
    re.compile(r"\b" + _DAY + r",? " + _MONTH + r",? (?P<year>\d{4})\b", re.IGNORECASE),  # 16 December 2008
    re.compile(r"\b(?P<year>\d{4}) ?[-.] ?(?P<month>\d{2}) ?[-.] ?(?P<day>\d{2})\b"),  # 2013 - 09 - 26, 2012.08.08
    re.compile(r"\b(?P<month>\d{1,2}) ?/ ?(?P<day>\d{1,2}) ?/ ?(?P<year>\d{4}|\d{2})\b"),  # 12 / 16 / 08 (US order)
)


def parse_date(text: str | None) -> str | None:
    """The first calendar date in an ECB+ date line as ``YYYY-MM-DD``, or None.

    Month names (``Dec. 19, 2005``, ``16 December 2008``), ISO-like numbers (``2013 - 09 - 26``) and
    slashed numbers, read month first as most of the sources are American unless the first number cannot
    be a month (``14 / 09 / 2013``); two-digit years are 20xx. Years outside 1990-2030 and impossible
    dates are None; a line without a year (``Nov 11 -``) too.
    """
    if not text:
        return None
    found: list[tuple[int, date]] = []
    for pattern in _DATES:
        for m in pattern.finditer(text):
            month = m.group("month")
            mo = int(month) if month.isdigit() else _MONTHS[month.lower()]
            day, year = int(m.group("day")), int(m.group("year"))
            if year < 100:
                year += 2000
            if mo > 12 and day <= 12:
                mo, day = day, mo
            if not 1990 <= year <= 2030:
                continue
            try:
                found.append((m.start(), date(year, mo, day)))
            except ValueError:
                continue
            break  # the first valid match of this pattern
    return min(found)[1].isoformat() if found else None


def document(path: str, raw: dict[str, Any]) -> dict[str, Any] | None:
    """The corpus row of one ``parse_ecbplus.py`` JSON file at ``path`` (relative to :data:`PREFIX`), or None."""
    m = _PATH.fullmatch(path)
    if m is None or m.group(1) != m.group(3) or m.group(2) != m.group(5):
        return None
    topic, kind = m.group(1), m.group(2)
    title = detokenize(raw.get("title") or "")
    text = detokenize(raw.get("text") or "")
    if not title and not text:
        return None
    date_text = " ".join((raw.get("date_publish") or "").split()) or None
    return {
        "id": f"{topic}_{m.group(4)}{kind}",
        "topic": topic,
        "subtopic": f"{topic}{kind}",
        "title": title,
        "text": text,
        "date": parse_date(date_text),
        "date_text": date_text,
    }


def documents(tree: GitTree) -> Iterator[dict[str, Any]]:
    """Every ECB+ document under :data:`PREFIX` of ``tree``, sorted by topic, sub-topic and number."""
    paths = [p for p in tree.paths(PREFIX) if _PATH.fullmatch(p.removeprefix(PREFIX + "/"))]
    rows = []
    for path, blob in tree.read_many(paths):
        row = document(path.removeprefix(PREFIX + "/"), json.loads(blob))
        if row is not None:
            rows.append(row)
    rows.sort(key=lambda r: (int(r["topic"]), r["subtopic"], int(re.sub(r"\D", "", r["id"].split("_")[1]))))
    yield from rows


def extract(gitdir: Path, out: Path, commit: str = COMMIT) -> Counter[str]:
    """Write ``out`` (JSON lines) from ``gitdir`` at ``commit``; documents per sub-topic kind (``ecb``, ``ecbplus``)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for row in documents(GitTree(gitdir, commit)):
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            counts[row["subtopic"].removeprefix(row["topic"])] += 1
            counts["dated"] += row["date"] is not None
    return counts


# -- evaluation ------------------------------------------------------------------------------------


def default_corpus() -> Path:
    env = os.environ.get("WIREWATCH_ECB_CORPUS")
    return Path(env) if env else Path.home() / ".cache" / "wirewatch" / "ecbplus.jsonl"


def load(path: Path) -> list[dict[str, Any]]:
    """The corpus rows, sorted by id."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["id"])


def schedule(rows: list[dict[str, Any]], seed: int) -> list[tuple[float, dict[str, Any]]]:
    """``(time, row)`` in arrival order: ``rows`` sorted by id, shuffled with ``seed``, :data:`STEP` apart from :data:`START`."""
    order = sorted(rows, key=lambda r: r["id"])
    random.Random(seed).shuffle(order)
    return [(START + i * STEP, r) for i, r in enumerate(order)]


def enrich(rows: list[dict[str, Any]]) -> None:
    """Add ``enriched`` (the pipeline's dict) to every row; the story time is set per order in :func:`cluster`."""
    pipeline = Pipeline(topic_model=Settings.from_env().topic_model)  # WIREWATCH_TOPIC_MODEL=words: the word model alone
    for r in rows:
        story = Story(id=r["id"], headline=r["title"], body=r["text"], language="en")
        r["enriched"] = pipeline.enrich(story, received_at=START).to_dict()


def cluster(rows: list[dict[str, Any]], seed: int) -> dict[str, str]:
    """Story id -> event id from a fresh clusterer fed ``rows`` in the order and at the times of ``seed``."""
    clusterer = Clusterer()
    predicted: dict[str, str] = {}
    for t, r in schedule(rows, seed):
        # enrich() does not read the time, so stamping it here is the same as on the Story
        enriched = {**r["enriched"], "versioncreated": iso_utc(t), "received_at": iso_utc(t)}
        predicted[r["id"]] = clusterer.add(enriched, now=t).event_id
    return predicted


def confusion(predicted: dict[str, str], rows: list[dict[str, Any]]) -> tuple[int, int, int]:
    """(events of two or more documents, of them holding both sub-topics of one topic, holding two topics)."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        members[predicted[r["id"]]].append(r)
    multi = [rs for rs in members.values() if len(rs) > 1]
    both = sum(
        1 for rs in multi if any(len({r["subtopic"] for r in rs if r["topic"] == t}) > 1 for t in {r["topic"] for r in rs})
    )
    topics = sum(1 for rs in multi if len({r["topic"] for r in rs}) > 1)
    return len(multi), both, topics


def _run(args: argparse.Namespace) -> int:
    path: Path = args.corpus or default_corpus()
    if not path.is_file():
        print(
            f"eval-events-ecb: no ECB+ corpus at {path}. Build it with\n"
            f"  python -m benchmarks.eval_events_ecb --extract [--mirrors DIR] {path}\n"
            "or pass its path (or set WIREWATCH_ECB_CORPUS).",
            file=sys.stderr,
        )
        return 2
    rows = load(path)
    t0 = time.perf_counter()
    enrich(rows)
    enrich_s = time.perf_counter() - t0
    gold = {r["id"]: r["subtopic"] for r in rows}
    by_topic = {r["id"]: r["topic"] for r in rows}
    kinds = Counter(r["subtopic"].removeprefix(r["topic"]) for r in rows)
    print(
        f"{path}: {len(rows)} documents ({kinds['ecb']} ECB, {kinds['ecbplus']} ECB+), {len(set(by_topic.values()))} topics, "
        f"{len(set(gold.values()))} gold events (enriched in {enrich_s:.1f} s)"
    )
    print(
        f"times: one window, {STEP:.0f} s apart from {iso_utc(START)} in an order shuffled with seed {args.seed}; "
        "never tuned on (see the docstring)"
    )
    predicted = cluster(rows, args.seed)
    print(f"\n{'row':<12}{'events':>8}{'P':>8}{'R':>8}{'F1':>8}")
    for name, pred in (("wirewatch", predicted), ("single", {}), ("by topic", by_topic)):
        p, r, f = bcubed(pred, gold)
        n = len(set(pred.values())) if pred else len(gold)
        print(f"{name:<12}{n:>8}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    multi, both, topics = confusion(predicted, rows)
    tp, tr, tf = bcubed(predicted, by_topic)
    print(
        f"\nwirewatch events of 2+ documents: {multi}; holding both sub-topics of a topic: {both}; "
        f"holding more than one topic: {topics}"
    )
    print(f"wirewatch against the topics as gold (sub-topics merged): P {tp:.3f} R {tr:.3f} F1 {tf:.3f}")
    if args.orders > 1:
        scores = [bcubed(cluster(rows, s), gold) for s in range(args.orders)]
        f1s = [s[2] for s in scores]
        print(
            f"over {args.orders} orders (seeds 0..{args.orders - 1}): F1 mean {statistics.mean(f1s):.3f} "
            f"(sd {statistics.pstdev(f1s):.3f}, min {min(f1s):.3f}, max {max(f1s):.3f}); "
            f"P mean {statistics.mean(s[0] for s in scores):.3f}, R mean {statistics.mean(s[1] for s in scores):.3f}"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval_events_ecb", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=None, help="ecbplus.jsonl (default: see above)")
    parser.add_argument("--extract", action="store_true", help=f"write CORPUS from {REPO}@{COMMIT[:12]} and stop")
    parser.add_argument(
        "--mirrors", type=Path, help="with --extract: folder of <owner>+<name>/repo git dirs to read instead of cloning"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the arrival order")
    parser.add_argument("--orders", type=int, default=10, help="also report the F1 spread over this many orders (1: off)")
    args = parser.parse_args(argv)
    if not args.extract:
        return _run(args)
    out: Path = args.corpus or default_corpus()
    source = ts.Source(REPO, COMMIT, LICENCE, extractor=lambda tree: iter(()))  # located only
    try:
        gitdir = ts.locate(source, args.mirrors)
    except ts.SourceError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    counts = extract(gitdir, out)
    total = counts["ecb"] + counts["ecbplus"]
    print(
        f"{out}: {total} documents ({counts['ecb']} ECB, {counts['ecbplus']} ECB+; {counts['dated']} with a date) "
        f"from {REPO}@{COMMIT} ({LICENCE})"
    )
    if total != DOCUMENTS:
        print(f"warning: expected {DOCUMENTS} documents", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
