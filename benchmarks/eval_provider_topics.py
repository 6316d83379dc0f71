"""Topics of real agency copy against the agency's own Media Topics: dpa's NewsML-G2 sample, ``make eval-provider-topics``.

The public topic sets (``benchmarks.eval_topic``) are Wikinews, Wikipedia's current events, FLORES sentences and a few
national news sites: none is what a wire service sends. dpa's NewsML-G2 test data (100 German and English items of
29 June 2017 as the agency delivered them, ``data/20170629-dpa-sample.tar.xz``, in fact an uncompressed tar) carries,
for most items, dpa's own subjects as IPTC Media Topics (``<subject qcode="medtop:..." type="dpatype:dpasubject">``):
what the agency's editors filed the story under. Each item is read with the product's own parser
(:func:`stream.formats.parse.parse`), its provider subjects taken off (else they would be the answer), and classified
as the worker classifies it (rules alone, and rules + model); its gold is the set of top-level Media Topics of its
dpa subjects (every rank), each climbed to its top concept through IPTC's Media Topics vocabulary, and compared at
the coarse level (:data:`stream.topics.taxonomy.COARSE_TOPICS`, diplomacy counted as politics, whose child it is).
Items whose subjects reach no coarse topic (education, environment, lifestyle...) are left out.

It is one day of one agency in one language, and it was read to choose rules (stop 53, below): a dev set, not a
never-tuned one. What it shows is how copy no labelled corpus resembles (fund prices, exchange rates, index tables,
court reports) is read.

Sources, read from a mirror (``--mirrors DIR``) or a bare clone in ``~/.cache/wirewatch`` (never vendored):
github.com/:data:`REPO` at :data:`COMMIT` (a copy of dpa-newslab/newsmlg2-testdata; dpa's test data, no licence
file: read, not redistributed) and IPTC's Media Topics export (:data:`stream.build.subjectcodes.SOURCE`, CC BY 4.0).

    python -m benchmarks.eval_provider_topics [--mirrors DIR] [--errors]

Stop 53, first reading (3c734a3): 73 items, macro-F1 over the seven coarse topics they have, rules alone 0.758,
rules + model 0.713. The misses were fund-price, exchange-rate and index tables read as sport or conflict by the model
(their number columns and "--" cells), "Vertrieb" (sales) read as "Vertriebene" (displaced people), and refugee
compounds with the noun first ("UN-Flüchtlingshilfswerk", "Flüchtlingsschiffe"), which the compound-head reading does
not see. After the German market-data terms (markets and economy; negative in sport, so that the model cannot add
it), "Vertriebene" as its forms and "Flüchtlings*": rules 0.790, rules + model 0.758 (sport precision 0.72 -> 1.00,
economy recall 0.60 -> 0.76); then a sports federation's court is no crime court ("vom DFB-Sportgericht für vier Spiele
gesperrt"): rules 0.793, rules + model 0.761. Every ``eval_topic --no-cost`` row unchanged by both. The model still adds more false topics here
than true ones (disaster, politics): on this copy the rules alone are the better reading.
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import re
import tarfile
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from benchmarks.eval_toponyms import pinned
from stream.build import subjectcodes
from stream.build.topic_corpora import GitTree
from stream.formats.parse import parse
from stream.story import Story
from stream.topics.classifier import classify
from stream.topics.model import TopicModel
from stream.topics.model import model as shipped_model
from stream.topics.taxonomy import load_taxonomy

__all__ = ["COMMIT", "REPO", "Item", "gold_topics", "items", "main", "predicted", "top_concepts"]

REPO = "martinvirtel/newsmlg2-testdata"
COMMIT = "469693aa013a31c69eee9ac33c4551a997cde6d5"
ATTRIBUTION = "dpa NewsML-G2 test data (dpa-newslab/newsmlg2-testdata), read, not redistributed"
TAR = "data/20170629-dpa-sample.tar.xz"
_DPA_SUBJECT = re.compile(r'<subject qcode="(medtop:\d{8})"[^>]*type="dpatype:dpasubject"')


@dataclasses.dataclass(frozen=True)
class Item:
    name: str
    story: Story  # provider subjects taken off
    gold: frozenset[str]  # coarse topics of the item's dpa subjects


def top_concepts(vocabulary: Mapping[str, object]) -> dict[str, str]:
    """``medtop:<code>`` -> the top concept it is under (a top concept maps to itself), from IPTC's export."""
    concepts = vocabulary["conceptSet"]
    assert isinstance(concepts, list)
    broader = {
        str(c["qcode"]): "medtop:" + str(c["broader"][0]).rstrip("/").rsplit("/", 1)[-1] if c.get("broader") else None
        for c in concepts
    }
    tops: dict[str, str] = {}
    for code in broader:
        at, steps = code, 0
        while broader.get(at) and steps < 12:  # the tree is five levels deep; the bound only guards a cycle
            at, steps = broader[at] or at, steps + 1
        tops[code] = at
    return tops


def gold_topics(codes: list[str], tops: Mapping[str, str]) -> frozenset[str]:
    """The coarse topics of ``codes`` (Media Topic qcodes), diplomacy counted as politics."""
    taxonomy = load_taxonomy()
    out = set()
    for code in codes:
        top = taxonomy.get(tops.get(code, code))
        if top is not None and top.coarse:
            out.add("politics" if top.coarse == "diplomacy" else top.coarse)
    return frozenset(out)


def items(mirrors: Path | None) -> Iterator[Item]:
    """Every item of the sample with a dpa subject that reaches a coarse topic."""
    iptc = subjectcodes.SOURCE
    vocabulary = json.loads(GitTree(pinned(iptc.repo, iptc.commit, iptc.licence, mirrors), iptc.commit).read(subjectcodes.PATH))
    tops = top_concepts(vocabulary)
    data = GitTree(pinned(REPO, COMMIT, ATTRIBUTION, mirrors), COMMIT).read(TAR)
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            handle = tar.extractfile(member) if member.isfile() and member.name.endswith(".xml") else None
            if handle is None:
                continue
            raw = handle.read()
            gold = gold_topics(_DPA_SUBJECT.findall(raw.decode("utf-8", errors="replace")), tops)
            if gold:
                yield Item(member.name.rsplit(":", 1)[-1], dataclasses.replace(parse(raw), subjects=()), gold)


def predicted(story: Story, model: TopicModel | None) -> frozenset[str]:
    """The coarse topics the topic stage gives ``story``, read in the language its provider names (every item of the
    sample names one), diplomacy counted as politics."""
    lang = (story.language or "de").split("-")[0]
    coarse = classify(story, lang, model=model).coarse()
    return frozenset("politics" if c == "diplomacy" else c for c in coarse)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo git dirs to read instead of cloning")
    parser.add_argument("--errors", action="store_true", help="print each item the combination gets wrong")
    args = parser.parse_args(argv)
    every = list(items(args.mirrors))
    print(f"== topics of dpa's NewsML-G2 sample against dpa's own Media Topics ({len(every)} items; {ATTRIBUTION})")
    model = shipped_model()
    for mode, m in (("rules", None), ("rules + model", model)):
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        for item in every:
            pred = predicted(item.story, m)
            tp.update(pred & item.gold)
            fp.update(pred - item.gold)
            fn.update(item.gold - pred)
            if args.errors and m is not None and pred != item.gold:
                print(f"  {item.name}: gold {sorted(item.gold)} got {sorted(pred)} | {(item.story.headline or '')[:70]}")
        print(f"{mode}:")
        f1s = []
        for topic in sorted(set(tp) | set(fp) | set(fn)):
            p = tp[topic] / (tp[topic] + fp[topic]) if tp[topic] + fp[topic] else 0.0
            r = tp[topic] / (tp[topic] + fn[topic]) if tp[topic] + fn[topic] else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            gold = tp[topic] + fn[topic]
            if gold:
                f1s.append(f1)
                print(f"  {topic:22} gold {gold:3}  P {p:.2f}  R {r:.2f}  F1 {f1:.2f}")
            else:  # a topic no item has: only its false readings to count
                print(f"  {topic:22} gold   0  given to {fp[topic]} item(s)")
        print(f"  macro-F1 {sum(f1s) / len(f1s) if f1s else 0.0:.3f} over the {len(f1s)} topics the items have")


if __name__ == "__main__":
    main()
