"""The region stage's cost against an earlier commit, measured by alternating processes on the same stories.

Usage: ``python -m benchmarks.region_cost --against 0788559 [--rounds 2]``. The earlier commit's tree is
unpacked with ``git archive`` into a temporary folder (its own code and gazetteer), and each round runs one
process per tree, this checkout's first. Both read the dev and held-out stories of *this* checkout
(``benchmarks/data/devset`` and ``heldout``), each cut or padded to ~2,000 characters as
:func:`benchmarks.eval_region._timing` does, and print per story the best of five runs' median and p95:

* ``tokens + locate``: :func:`stream.places.geotag.locate` given the story alone, so it tokenises too (the
  figure ``make eval-region`` prints);
* ``locate``: given the story's :class:`~stream.text.normalize.TokenStream`, as the pipeline calls it (its
  ``region`` timing; the tokens are the ``tokenize`` timing, shared with the topic stage).
* ``tokens``: :meth:`~stream.text.normalize.TokenStream.of` alone;
* ``walk``: the gazetteer automaton's bare walk over the story's joined tokens after a space (as ``locate`` walks
  them since Latin and Cyrillic keys start with one), every match taken and dropped
  (the part of ``locate`` that ``stream.text.automaton`` orders the root for), and how many matches the walk
  reports per story (the matches ``locate`` unpacks);
* with ``--by-language``, the locate and walk medians per story language.

The machine is shared: only figures of one run compare, and two rounds show how far they move. With
``--together`` both trees run at the same time, each pinned to one of two CPUs (``taskset``) and swapping CPUs every
round, so that a noisy spell of the machine falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

__all__ = ["MEASURE", "main"]

_ROOT = Path(__file__).resolve().parent.parent

#: Run in each tree (argv: the tree, the data folders); prints one line of figures.
MEASURE = r"""
import gc, os, statistics, sys, time
root = sys.argv[1]
sys.path.insert(0, root)
os.chdir(root)
import orjson
import stream
assert stream.__file__.startswith(root), stream.__file__
from pathlib import Path
from stream.places.gazetteer import load_gazetteer
from stream.places.geotag import locate
from stream.story import Story
from stream.text.normalize import TokenStream
rows = []
for folder in sys.argv[2:]:
    for path in sorted(Path(folder).glob("*.jsonl")):
        rows.extend(orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip())
by_language = os.environ.get("REGION_COST_BY_LANGUAGE") == "1"
samples = []
for row in rows:
    body = str(row.get("body") or "")
    while body and len(body) < 2000:
        body = body + "\n\n" + body
    story = Story(id="b", headline=str(row.get("headline") or ""), body=body[:2000])
    samples.append((story, str(row.get("language") or "") or None))
locate(Story(id="w", headline="", body="Paris"), "en")
automaton = load_gazetteer().automaton
both, alone, tok, walk, matches = [], [], [], [], []
per_lang = {}
gc.disable()
for story, lang in samples:
    best_both = best_alone = best_tok = best_walk = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        tokens = TokenStream.of(story.text)
        t1 = time.perf_counter()
        locate(story, lang, tokens=tokens)
        t2 = time.perf_counter()
        found = 0
        for _match in automaton.iter(" " + tokens.joined):
            found += 1
        t3 = time.perf_counter()
        best_both, best_alone = min(best_both, t2 - t0), min(best_alone, t2 - t1)
        best_tok, best_walk = min(best_tok, t1 - t0), min(best_walk, t3 - t2)
    both.append(best_both * 1e6)
    alone.append(best_alone * 1e6)
    tok.append(best_tok * 1e6)
    walk.append(best_walk * 1e6)
    matches.append(found)
    per_lang.setdefault(lang, ([], []))
    per_lang[lang][0].append(best_alone * 1e6)
    per_lang[lang][1].append(best_walk * 1e6)
def cell(times):
    times.sort()
    return f"{statistics.median(times):4.0f} / {times[int(len(times) * 0.95)]:4.0f}"
print(
    f"{len(samples)} stories  tokens + locate {cell(both)} us  locate {cell(alone)} us  tokens {cell(tok)} us"
    f"  walk {cell(walk)} us (median / p95)  {statistics.mean(matches):.0f} automaton matches a story"
)
if by_language:
    print("    locate / walk median by language: " + ", ".join(
        f"{lang} {statistics.median(a):.0f} / {statistics.median(w):.0f}" for lang, (a, w) in sorted(per_lang.items(), key=str)
    ))
"""


def _unpack(commit: str, into: Path) -> None:
    archive = subprocess.run(["git", "-C", str(_ROOT), "archive", commit], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="the earlier commit (any git revision)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--by-language", action="store_true", help="also the locate and walk medians per story language")
    parser.add_argument(
        "--data", type=Path, action="append", help="folder of story .jsonl files (repeatable; default dev + held-out)"
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="run both trees at once, each pinned to its own CPU (taskset), swapping CPUs every round",
    )
    args = parser.parse_args(argv)
    folders = args.data or [_ROOT / "benchmarks" / "data" / name for name in ("devset", "heldout")]
    data = [str(folder.resolve()) for folder in folders]
    with tempfile.TemporaryDirectory(prefix="wirewatch-region-cost-") as tmp:
        earlier = Path(tmp)
        _unpack(args.against, earlier)
        env = {**os.environ, "REGION_COST_BY_LANGUAGE": "1" if args.by_language else "0"}
        for round_no in range(1, args.rounds + 1):
            if args.together:
                trees = (("this checkout", _ROOT), (args.against, earlier))
                cpus = (0, 1) if round_no % 2 else (1, 0)
                procs = [
                    subprocess.Popen(
                        ["taskset", "-c", str(cpu), sys.executable, "-c", MEASURE, str(root), *data],
                        stdout=subprocess.PIPE,
                        text=True,
                        env=env,
                    )
                    for cpu, (_label, root) in zip(cpus, trees, strict=True)
                ]
                for cpu, (label, _root), proc in zip(cpus, trees, procs, strict=True):
                    out, _ = proc.communicate()
                    if proc.returncode:
                        raise subprocess.CalledProcessError(proc.returncode, proc.args)
                    print(f"round {round_no}  {label:>14} (cpu {cpu}): {out.strip()}", flush=True)
                continue
            for label, root in (("this checkout", _ROOT), (args.against, earlier)):
                out = subprocess.run(
                    [sys.executable, "-c", MEASURE, str(root), *data],
                    check=True,
                    capture_output=True,
                    text=True,
                    env={**os.environ, "REGION_COST_BY_LANGUAGE": "1" if args.by_language else "0"},
                ).stdout.strip()
                print(f"round {round_no}  {label:>14}: {out}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
