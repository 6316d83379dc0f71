"""Build the IPTC Subject NewsCodes -> Media Topics table behind :mod:`stream.topics.subjectcodes`.

Run ``python -m stream.build.subjectcodes [--mirrors DIR]`` (``make subjectcodes``); it writes
``stream/topics/data/subjectcodes.tsv``. Agencies still tag stories with the older IPTC Subject NewsCodes
(ANA-MPA ``subj:09003000``, AFP and ANSA in NewsML 1.2, NTB's NITF ``refnum``, STT's ``sttsubj:``), which
the classifier can only use once each code says which Media Topic it is.

Source (pinned in :data:`SOURCE`, located as :func:`stream.build.topic_sources.locate` does): IPTC's
Media Topics vocabulary as IPTC exports it (``cptall-en-GB.json``, release 2025-10-09, CC BY 4.0,
IPTC - https://iptc.org), vendored unchanged in ``omeralperguzel/GDELT-IPTC-Mapper`` (MIT). Each Media
Topic concept there links the Subject Code it came from with ``exactMatch``, ``closeMatch`` or
``broadMatch`` (the subject code is broader than the concept); IPTC publishes no table in the other
direction, so this script reads those links backwards, in this order (the first rule that gives a code
decides it):

1. ``top``: a top-level subject code ``NN000000`` is Media Topic ``NN000000``: IPTC kept the same 17
   top-level terms (the vocabulary's own note, and its ``hasTopConcept`` list); two of them (society,
   conflict) carry only ``broadMatch`` links to narrower concepts;
2. ``exact`` / ``close``: the live (not retired) concepts that name the code as their exact, else close, match;
3. ``replaced``: the code's only exact or close match is a retired concept whose change note names one live
   concept to use instead ("Retired. Use medtop:20001368 residential real estate instead.");
   ``retired``: one whose note names none, or several ("... or medtop:20001361 cyber warfare"): its
   nearest live ``broader`` concept (retired political parties and movements: government);
4. ``broad``: the code is only the broader match of live concepts: their lowest common ancestor, which
   covers all of them (inflation and deflation: economic trends and indicators); none when they share none.

Codes the vocabulary never names (a provider's own detail codes, ``sttsubj:11010992``) are not listed:
the classifier falls back to the parent subject code at run time. Each row also carries the Media Topic's
English label and its ``broader`` chain, so a topic outside ``taxonomy.yaml`` still has a label, a parent
and a coarse routing family.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from stream.build import topic_corpora as tc
from stream.build import topic_sources as ts

__all__ = ["DEFAULT_OUT", "MATCHES", "SOURCE", "build_rows", "main", "render"]

SOURCE = ts.Source(
    "omeralperguzel/GDELT-IPTC-Mapper",
    "fde636f01b339d85f9f35b3a565ec00eacb09166",
    "the file is IPTC's Media Topics export, CC BY 4.0, IPTC - International Press Telecommunications Council "
    "(https://iptc.org), unchanged; the repository is MIT",
    None,
)
PATH = "data/cptall-en-GB.json"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "topics" / "data" / "subjectcodes.tsv"

_MEDTOP = "http://cv.iptc.org/newscodes/mediatopic/"
_SUBJ = "http://cv.iptc.org/newscodes/subjectcode/"
#: How a row's subject code reaches its Media Topic, strongest first (see the module docstring).
MATCHES = ("top", "exact", "close", "replaced", "retired", "broad")
_NAMED = re.compile(r"medtop:([0-9]{8})")
_RELATIONS = {"exactMatch": "exact", "closeMatch": "close", "broadMatch": "broad"}


def _number(uri_or_qcode: str) -> str:
    """``medtop:20000509`` or its URI -> ``20000509``."""
    return uri_or_qcode.rstrip("/").rsplit("/", 1)[-1].removeprefix("medtop:")


class _Vocabulary:
    """The concepts of one export: labels, broader links, retired flags."""

    def __init__(self, data: Mapping[str, object]) -> None:
        concepts = data["conceptSet"]
        assert isinstance(concepts, list)
        self.concepts: dict[str, dict[str, object]] = {_number(str(c["qcode"])): c for c in concepts}
        self.top = {_number(str(u)) for u in data["hasTopConcept"]}  # type: ignore[attr-defined]
        self.release = str(data.get("dateReleased", ""))

    def live(self, code: str) -> bool:
        return code in self.concepts and not self.concepts[code].get("retired")

    def label(self, code: str) -> str:
        labels = self.concepts[code]["prefLabel"]
        assert isinstance(labels, dict)
        return str(labels.get("en-GB") or next(iter(labels.values())))

    def broader(self, code: str) -> str | None:
        links = self.concepts[code].get("broader") or []
        assert isinstance(links, list)
        return _number(str(links[0])) if links else None

    def ancestors(self, code: str) -> list[str]:
        out: list[str] = []
        up = self.broader(code)
        while up is not None and up not in out and up in self.concepts:
            out.append(up)
            up = self.broader(up)
        return out

    def nearest_live(self, code: str) -> str | None:
        """``code`` if live, else its nearest live broader concept."""
        return next((c for c in (code, *self.ancestors(code)) if self.live(c)), None)

    def successor(self, code: str) -> tuple[str, str] | None:
        """The live concept that replaces retired ``code`` and how: the one its change note names ("replaced"),
        else its nearest live broader concept ("retired")."""
        notes = self.concepts[code].get("changeNote") or {}
        note = str(notes.get("en-GB", "")) if isinstance(notes, dict) else str(notes)
        named = set(_NAMED.findall(note))
        if len(named) == 1 and self.live(next(iter(named))):
            return named.pop(), "replaced"
        heir = self.nearest_live(code)
        return (heir, "retired") if heir is not None else None

    def common_ancestor(self, codes: Iterable[str]) -> str | None:
        """The lowest concept that is each of ``codes`` or an ancestor of it."""
        chains = [[c, *self.ancestors(c)] for c in codes]
        shared = set(chains[0]).intersection(*chains[1:])
        return next((c for c in chains[0] if c in shared), None)


def build_rows(data: Mapping[str, object]) -> list[tuple[str, str, str, str, str]]:
    """``(subject code, media topic, match, label, broader chain)`` rows, sorted; see the module docstring."""
    vocab = _Vocabulary(data)
    links: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for code, concept in vocab.concepts.items():
        for key, relation in _RELATIONS.items():
            for uri in concept.get(key) or []:  # type: ignore[attr-defined]
                if str(uri).startswith(_SUBJ):
                    links[_number(str(uri))][relation].append(code)
    mapped: dict[str, list[tuple[str, str]]] = {}  # subject -> [(topic, match)]
    for subject in sorted(set(links) | vocab.top):
        by_relation = links.get(subject, {})
        if subject in vocab.top:
            mapped[subject] = [(subject, "top")]
            continue
        for relation in ("exact", "close"):
            live = [c for c in by_relation.get(relation, []) if vocab.live(c)]
            if live:
                mapped[subject] = [(c, relation) for c in live]
                break
        else:
            retired = [c for rel in ("exact", "close") for c in by_relation.get(rel, [])]
            heirs = [h for h in map(vocab.successor, retired) if h is not None]
            narrower = [c for c in by_relation.get("broad", []) if vocab.live(c)]
            if heirs:
                mapped[subject] = heirs
            elif narrower:
                common = vocab.common_ancestor(narrower)
                if common is not None:
                    mapped[subject] = [(common, "broad")]
    rows = {
        (subject, topic, match, vocab.label(topic), " ".join(vocab.ancestors(topic)))
        for subject, topics in mapped.items()
        for topic, match in topics
    }
    return sorted(rows)


def render(rows: Iterable[tuple[str, str, str, str, str]], release: str) -> str:
    """The TSV file: a header saying where it comes from, then one row per subject code and topic."""
    head = [
        "# IPTC Subject NewsCodes (subj:) -> IPTC Media Topics (medtop:), read by stream/topics/subjectcodes.py.",
        "# Built by `make subjectcodes` (python -m stream.build.subjectcodes); do not edit by hand.",
        f"# Source: {SOURCE.repo}@{SOURCE.commit} {PATH}: IPTC Media Topics, release {release}.",
        "# Licence: CC BY 4.0, IPTC - International Press Telecommunications Council (https://iptc.org).",
        "# match: top (same top-level term), exact / close (the topic's exactMatch / closeMatch), replaced (the",
        "# exact match was retired and its change note names this topic instead), retired (likewise, its nearest",
        "# live broader topic), broad (lowest common ancestor of the topics whose broadMatch the code is).",
        "# broader: the topic's broader chain, parent first, up to its top-level topic.",
        "subject\tmedtop\tmatch\tlabel\tbroader",
    ]
    return "\n".join([*head, *("\t".join(row) for row in rows)]) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo bare git dirs")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    tree = tc.GitTree(ts.locate(SOURCE, args.mirrors), SOURCE.commit)
    data = json.loads(tree.read(PATH))
    rows = build_rows(data)
    args.out.write_text(render(rows, str(data.get("dateReleased", ""))), encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for _, _, match, _, _ in rows:
        counts[match] += 1
    subjects = len({row[0] for row in rows})
    print(f"{args.out}: {subjects} subject codes, {len(rows)} rows ({', '.join(f'{m} {counts[m]}' for m in MATCHES)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
