"""Evaluate wirewatch language identification against each engine alone (``make eval-lang``).

Run from the repository root::

    python -m benchmarks.eval_lang [--data DIR] [--no-engines] [--errors]

Prints per-language accuracy on sentences and on single/two-word items for
wirewatch and for every engine alone (langdetect always), macro averages,
throughput on sentences and on ~2,000-character paragraphs with the ratio to
langdetect measured in the same run, per-story latency, and memory.
"""

from __future__ import annotations

import argparse
import functools
import gc
import resource
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from stream.language.detector import detect, supported_languages, warm_up
from stream.language.engines import ENGINES, run_engine

__all__ = ["main", "split_halves"]

_DATA = Path(__file__).parent / "data" / "lang"
_PARAGRAPH = 2000


def _load(path: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, text = line.split("\t", 1)
            rows.append((code, text))
    return rows


def split_halves(rows: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Alternate items of each language: (first, third, ...) to tune on, (second, fourth, ...) to check."""
    seen: Counter[str] = Counter()
    tune: list[tuple[str, str]] = []
    check: list[tuple[str, str]] = []
    for code, text in rows:
        (tune if seen[code] % 2 == 0 else check).append((code, text))
        seen[code] += 1
    return tune, check


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _engine_alone(name: str) -> Callable[[str], str]:
    def run(text: str) -> str:
        ranking = run_engine(name, text)
        return ranking[0][0] if ranking else "und"

    return run


def _stock_langdetect() -> Callable[[str], str]:
    """Stock langdetect (all 55 profiles, seed 0), the baseline the issue measures against."""
    from langdetect import DetectorFactory
    from langdetect import detect as langdetect_detect
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    aliases = {"zh-cn": "zh", "zh-tw": "zh"}

    def run(text: str) -> str:
        try:
            code = langdetect_detect(text)
        except LangDetectException:
            return "und"
        return aliases.get(code, code)

    return run


def _accuracy(predict: Callable[[str], str], rows: list[tuple[str, str]]) -> tuple[dict[str, float], Counter[tuple[str, str]]]:
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    errors: Counter[tuple[str, str]] = Counter()
    for code, text in rows:
        guess = predict(text)
        seen[code] += 1
        if guess == code:
            right[code] += 1
        else:
            errors[(code, guess)] += 1
    return {c: right[c] / seen[c] for c in seen}, errors


def _public_rows() -> list[tuple[str, str]]:
    """(language, text) of the public topic evaluation set, in languages wirewatch identifies."""
    import gzip
    import json

    path = Path(__file__).parent / "data" / "topics" / "eval.jsonl.gz"
    if not path.exists():
        return []
    supported = {code for code, _ in supported_languages()}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [(r["lang"], r["text"]) for r in rows if r["lang"] in supported]


def _paragraphs(rows: list[tuple[str, str]]) -> list[str]:
    by_lang: dict[str, list[str]] = defaultdict(list)
    for code, text in rows:
        by_lang[code].append(text)
    paragraphs = []
    for texts in by_lang.values():
        joined = ""
        i = 0
        while len(joined) < _PARAGRAPH:
            joined += texts[i % len(texts)] + " "
            i += 1
        paragraphs.append(joined[:_PARAGRAPH])
    return paragraphs


def _throughput(predict: Callable[[str], object], texts: list[str], rounds: int = 3) -> tuple[float, float]:
    """(texts per second, median microseconds per text), best of ``rounds`` passes (the machine may be shared)."""
    best_rate, best_median = 0.0, float("inf")
    for _ in range(rounds):
        latencies: list[float] = []
        start = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            predict(text)
            latencies.append(time.perf_counter() - t0)
        rate = len(texts) / (time.perf_counter() - start)
        best_rate = max(best_rate, rate)
        best_median = min(best_median, statistics.median(latencies) * 1e6)
    return best_rate, best_median


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_DATA)
    parser.add_argument("--no-engines", action="store_true", help="measure only wirewatch and langdetect")
    parser.add_argument("--errors", action="store_true", help="list wirewatch's confusions")
    args = parser.parse_args(argv)
    sentences = _load(args.data / "sentences.tsv")
    words = _load(args.data / "words.tsv")
    # Unseen sets: written before the short-text evidence was tuned and never used to tune it.
    unseen = {
        label: _load(args.data / name)
        for label, name in (
            ("held-out words", "words_holdout.tsv"),
            ("unseen2 words", "words_unseen2.tsv"),
            ("unseen3 words", "words_unseen3.tsv"),
            ("unseen4 words", "words_unseen4.tsv"),
        )
        if (args.data / name).exists()
    }
    # Public words and pairs from NTREX-128 news sentences (benchmarks/public_words.py): not written by us; the
    # tune half may be used to choose short-text settings, the test half never is.
    public_words = {
        label: _load(args.data / name)
        for label, name in (("NTREX tune", "words_ntrex_tune.tsv"), ("NTREX test", "words_ntrex_test.tsv"))
        if (args.data / name).exists()
    }
    tune_half, check_half = split_halves(words)

    rss_before = _rss_mib()
    t0 = time.perf_counter()
    warm_up()
    load_s = time.perf_counter() - t0
    gc.collect()
    rss_loaded = _rss_mib()
    peak_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    systems: dict[str, Callable[[str], str]] = {"wirewatch": lambda t: detect(t).code}
    if not args.no_engines:
        for name in ENGINES:
            if name != "langdetect":
                systems[name] = _engine_alone(name)
    systems["langdetect"] = _stock_langdetect()

    results: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    confusions: dict[str, Counter[tuple[str, str]]] = {}
    sentence_errors: dict[str, Counter[tuple[str, str]]] = {}
    splits: dict[str, dict[str, float]] = {}
    wirewatch_words = systems["wirewatch"]
    for name, predict in systems.items():
        sent_acc, sent_err = _accuracy(predict, sentences)
        word_acc, word_err = _accuracy(predict, words)
        results[name] = (sent_acc, word_acc)
        confusions[name] = sent_err + word_err
        sentence_errors[name] = sent_err
        splits[name] = {
            "words A (tune)": statistics.mean(_accuracy(predict, tune_half)[0].values()),
            "words B (check)": statistics.mean(_accuracy(predict, check_half)[0].values()),
        }
        for label, rows in unseen.items():
            acc, err = _accuracy(predict, rows)
            confusions[name] += err
            splits[name][label] = statistics.mean(acc.values())
        # wirewatch's answers on the public words are kept: its NTREX test line below reuses them.
        remembered = functools.cache(predict) if name == "wirewatch" else predict
        for label, rows in public_words.items():
            splits[name][label] = statistics.mean(_accuracy(remembered, rows)[0].values())
        if name == "wirewatch":
            wirewatch_words = remembered

    langs = sorted({c for c, _ in sentences} | {c for c, _ in words})
    header = f"{'lang':5s}" + "".join(f" {n[:10]:>10s}S {n[:10]:>10s}W" for n in systems)
    print(f"Language identification: {len(sentences)} sentences, {len(words)} word items, {len(langs)} languages")
    print("S = sentence accuracy, W = single/two-word accuracy (%)\n")
    print(header)
    for lang in langs:
        cells = ""
        for name in systems:
            s = results[name][0].get(lang)
            w = results[name][1].get(lang)
            cells += f" {'-' if s is None else f'{100 * s:.0f}':>11s} {'-' if w is None else f'{100 * w:.0f}':>11s}"
        print(f"{lang:5s}{cells}")
    print("-" * len(header))
    macro = ""
    for name in systems:
        s_acc, w_acc = results[name]
        macro += f" {100 * statistics.mean(s_acc.values()):11.1f} {100 * statistics.mean(w_acc.values()):11.1f}"
    print(f"{'macro':5s}{macro}")
    print(
        "\nShort-text splits, macro %: words.tsv halves (A: items 1,3,5.. of each language, used to tune "
        "stream/language/shorttext.py; B: items 2,4,6.., not used) and words_holdout/unseen2/unseen3/unseen4.tsv "
        "(written before tuning, never tuned on); NTREX tune/test: public words and pairs from NTREX-128 news "
        "sentences, found in no other language's NTREX text (benchmarks/public_words.py; the test half never tuned on)"
    )
    for split in splits["wirewatch"]:
        print(f"  {split:16s}" + "".join(f" {n[:10]:>10s} {100 * splits[n][split]:5.1f}" for n in systems))
    if "NTREX test" in public_words:
        rows = public_words["NTREX test"]
        detect_code = wirewatch_words
        kinds = {"single words": [r for r in rows if " " not in r[1]], "pairs": [r for r in rows if " " in r[1]]}
        acc = _accuracy(detect_code, rows)[0]
        worst = ", ".join(f"{c} {100 * a:.0f}" for c, a in sorted(acc.items(), key=lambda kv: kv[1])[:6])
        print(
            "  wirewatch on NTREX test: "
            + ", ".join(f"{k} {100 * statistics.mean(_accuracy(detect_code, v)[0].values()):.1f}" for k, v in kinds.items())
            + f"; lowest: {worst}"
        )
    focus = ("hy", "ka", "az", "ar", "ru", "tr")
    ww = results["wirewatch"][0]
    print("\nwirewatch sentences, focus languages: " + ", ".join(f"{c} {100 * ww.get(c, 0):.0f}%" for c in focus))

    # The sentence gap is in close pairs (bs/hr/sr, ms/id, fa/prs...): both directions counted together.
    pairs: Counter[tuple[str, str]] = Counter()
    for (expected, got), n in sentence_errors["wirewatch"].items():
        pairs[(min(expected, got), max(expected, got))] += n
    print("\nwirewatch sentence confusion pairs (either direction), largest first:")
    print("  " + (", ".join(f"{a}~{b}: {n}" for (a, b), n in pairs.most_common(12)) or "none"))

    public = _public_rows()
    if public:
        print(
            f"\nPublic texts, never tuned on ({len(public)} of benchmarks/data/topics/eval.jsonl.gz in supported languages: "
            "SIB-200, Wikinews, WCEP, ANT; sources in benchmarks/data/topics/SOURCES.md), macro % over "
            f"{len({c for c, _ in public})} languages:"
        )
        for name in ("wirewatch", "langdetect"):
            acc, err = _accuracy(systems[name], public)
            worst = ", ".join(f"{c} {100 * a:.0f}" for c, a in sorted(acc.items(), key=lambda kv: kv[1])[:4])
            print(f"  {name:10s} {100 * statistics.mean(acc.values()):5.2f}   lowest: {worst}")

    if args.errors:
        print("\nwirewatch confusions (expected>got: count):")
        print("  " + ", ".join(f"{a}>{b}:{n}" for (a, b), n in confusions["wirewatch"].most_common()))

    paragraphs = _paragraphs(sentences)
    sentence_texts = [t for _, t in sentences]
    print(f"\nThroughput, single core ({len(paragraphs)} paragraphs of {_PARAGRAPH} chars; {len(sentence_texts)} sentences)")
    speed: dict[str, tuple[float, float, float, float]] = {}
    for name in ("wirewatch", "langdetect"):
        predict = systems[name]
        s_rate, s_med = _throughput(predict, sentence_texts)
        p_rate, p_med = _throughput(predict, paragraphs)
        speed[name] = (s_rate, s_med, p_rate, p_med)
        print(
            f"  {name:10s} sentences {s_rate:8.0f}/s (median {s_med:6.0f} us)   "
            f"paragraphs {p_rate:7.0f}/s (median {p_med:6.0f} us)"
        )
    ratio_s = speed["wirewatch"][0] / speed["langdetect"][0]
    ratio_p = speed["wirewatch"][2] / speed["langdetect"][2]
    print(f"  ratio wirewatch/langdetect: sentences {ratio_s:.1f}x, paragraphs {ratio_p:.1f}x")

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nMemory (wirewatch, measured before the baselines load): RSS before load {rss_before:.0f} MiB, "
        f"after load {rss_loaded:.0f} MiB (+{rss_loaded - rss_before:.0f} MiB, {load_s:.2f} s), "
        f"peak {peak_loaded:.0f} MiB; process peak with every baseline loaded {peak:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
