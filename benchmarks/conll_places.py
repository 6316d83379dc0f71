"""False countries in agency copy with every name marked: CoNLL-2002 Spanish (EFE, May 2000) and CoNLL-2003 English
(Reuters, August 1996 to August 1997), ``make eval-conll-places``.

The other public place sets are English (LGL, TR-News, WCEP) and Russian (NEREL). CoNLL-2002's Spanish part is
wire copy of the Spanish agency EFE with every person (PER), place (LOC), organisation (ORG) and other name (MISC)
marked, but not linked to any gazetteer, so it measures one thing: whether a country ``locate`` lists comes from a
place at all. Each listed country is judged by its mentions:

* **place**: a mention overlaps a LOC span (what a reader marked as a place named it; which country that place is
  in is not checked, the annotation cannot say);
* **thing**: no LOC, but a mention overlaps an ORG or MISC span ("Velez Sarfield de Argentina", "Real Madrid"):
  a name containing a place, which wirewatch weighs as a weaker signal (issue #17); counted apart, not false;
* **demonym only**: every mention is a demonym; Spanish writes nationalities in lower case and CoNLL leaves them
  unmarked ("la selección paraguaya"), so these are not judged;
* **false**: a mention overlaps a PER span or no span at all (a surname, a word read as a place).

Precision is place / (place + false). Also printed: the share of LOC spans some mention of a listed country
overlaps (a rough coverage figure: most LOC spans are Spanish towns below the gazetteer's 100,000 people).

Articles are cut at EFE's datelines ("Talavera de la Reina ( Toledo ) , 23 may ( EFE ) ."): each sentence that
holds a day, a month abbreviation and "( EFE" opens one. Tokens are joined by single spaces, except before
closing punctuation and after opening brackets, and the dateline is kept as the first line. Halves: SHA-1 of
``<file>:<article number>``, even is dev (rules may be chosen on it), odd is test (never read).

Source: ``conll2002/esp.{train,testa,testb}`` in github.com/ragerri/evaluation-spanish-language-models at
:data:`COMMIT`, a copy of the CoNLL-2002 shared task's Spanish data (Tjong Kim Sang, CoNLL 2002; texts by the EFE
News Agency, distributed for research): read from a mirror (``--mirrors DIR``) or a clone in ``~/.cache/wirewatch``,
never vendored.

    python -m benchmarks.conll_places [--mirrors DIR] [--errors N] [--only es|en]

English (stop 49): CoNLL-2003's English part is Reuters copy (RCV1, not Reuters-21578) with the same four kinds of
names marked, and nationalities marked MISC ("German", "West Indian"), so a demonym there is a thing, not false. Its
copy in github.com/:data:`EN_REPO` at :data:`EN_COMMIT` (``conll2003/eng.{train,testa,testb}``; the data of the shared
task, Tjong Kim Sang and De Meulder 2003, distributed for research; never vendored) has no ``-DOCSTART-`` lines, so
stories are cut at their datelines ("LONDON 1996-08-30": place names and a date alone in a sentence), each story
taking the sentence before its dateline, its headline ("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP ..."); 1,343
stories (the task counts 1,393: a story without a dateline stays with the one before it). Tokens join as the Spanish
ones do, and English clitics ("'s", "n't") join the word before. Halves as above, by ``eng.<file>:<number>``. It is
the public set nearest the independent measurement of issue #17 (English wire stories with datelines).
First reading (89eebdc, before any rule was chosen on it): dev P 0.983 (1,750 place, 31 false), LOC spans found 0.884.
Its dev half's false countries were sports copy's players: "D. Cork" (Cork, Ireland) and "M. Vaughan" (Vaughan,
Ontario) in cricket scorecards, "9. Eddie Irvine (Britain) Ferrari" (Irvine, California), "Pedro Lamy". Then a
capital initial alone before a name makes a person's (``stream.places.geotag._lone_initial_before``; not a compass
initial, "W. Virginia"): dev 0.985 (27 false), test (first read then) 0.990; the Spanish rows, every eval_toponyms dev row and eval_region
unchanged, eval_toponyms' GeoVirus test precision 0.911 -> 0.914. Then a country alone in brackets after a town's
or a province's name picks the reading in that country and drops the others ("Córdoba (Argentina)"; agency sports
copy gives players' countries so: "Bruny Surin (Canada)", "Nicklas Kulti (Sweden)"; a province only after a
capitalised word, so "in Crimea (Russia)" keeps Ukraine): dev 0.989 (20 false), test 0.991 (16); the Spanish dev
row lost two wrong countries that overlapped marked places ("Florencia (Italia)" had been Florencia, Colombia;
"Feira (Portugal)" a Brazilian town), so its LOC spans found 0.672 -> 0.671; every eval_toponyms and eval_region
row unchanged; region_cost locate +3-8 us median (~1 %). Then a capitalised name right after a cricket scorecard's
lower-case "c", "b" or "st" (caught, bowled, stumped) is a player's, and so is its every bare mention in the story
("Saeed Anwar c Croft b Cork 176 ... Cork 14.3-4-45-1"; "in Cork" stays the city): dev 0.992 (15 false), test
0.992 (13); every other row unchanged.
Then the names its missed LOC spans showed the gazetteer lacked (Bosnia, Macedonia, Yugoslavia, S. Korea, NZ, Venice,
Srebrenica, Chernobyl, ...; ``curated.yaml``): English places 1,750 -> 1,762 (dev), LOC spans found 0.884 -> 0.891;
Spanish dev LOC found 0.672. Then football clubs named with their own word before their home ("Real Madrid",
"Deportivo Coruna", "Spartak Moscow", "Red Star Belgrade": ``stream.places.geotag._CLUB_PREFIXES``) are clubs, not
persons called Madrid, whose surname rule had dropped the story's "MADRID" dateline: Spanish dev 0.969 -> 0.970 (831
places), test 0.958 -> 0.959, LOC found 0.672 / 0.678 -> 0.677 / 0.681; English LOC found 0.893 / 0.884; GeoWebNews
test recall 0.926 -> 0.931; every other row unchanged. Then a city's name in the languages CLDR gives it for (its
time-zone exemplar names) is no word of theirs: wordfreq counts Spanish "Londres" (4.6), Italian "Roma" because
their news names the cities so, and "viajaron a Londres" had found nothing (its Spanish dev misses: Londres 8,
París 7, Roma 3); and the Czech Republic's long name (República Checa): Spanish dev 831 -> 848 places (P 0.970), test
1,041 -> 1,061 (0.959), LOC found 0.677 / 0.681 -> 0.684 / 0.687; English unchanged. Then the reader: EFE writes
"Palma, 23 may (EFE).-", which CoNLL's sentence splitter cut in two ("(EFE)." and a sentence "-"), so no dateline of
the Spanish copy had been read as one; the lone dash now joins its dateline (``Corpus.dash_after_dateline``): Spanish
dev 0.970 -> 0.972 (878 places, 25 false), test 0.959 -> 0.962 (1,099, 44), LOC found 0.698 / 0.702. A reading
change, not a geotagger one: figures before it and after it do not compare. Then regions' news names (Bavaria,
Catalonia, Majorca, Sicily, ...): Spanish LOC found 0.698 / 0.702 -> 0.707 / 0.711, precision unchanged.

First reading (stop 39, before any rule was chosen on it): dev P 0.957 (824 place, 37 false), test 0.948 (1031,
56); LOC spans found 0.671 / 0.673. Most false countries are persons (Rodríguez Ibarra, George W. Bush read as
Egypt's Bush, Isabel Salazar, Montserrat Tura, Wanderley Luxemburgo) and Spanish particles before a surname
(Pablo Hermoso de Mendoza, Ronaldo Nazario de Lima).

Then (stream/places/geotag.py) a first name that is a place only with support before a town's name makes both a
person's ("Isabel Salazar", "George Washington"; not a compass word: "South Charleston"): dev 0.960, test 0.950;
LGL test 0.835 -> 0.838 and every other eval_toponyms and eval_region row unchanged or better. Such a first name
before a compass initial makes the initial a middle name ("George W. Bush" had named Egypt's Bush; "Bluefield W.
Virginia" stays Virginia): dev 0.961, test 0.951, every other row unchanged.

Stop 48 (5a4ecf7..): a one-word name after a title of office ("el presidente Bush") and the rules of that stop left
these rows at dev 0.962 (33 false), test 0.951. Then "Salvador" and "Mauricio", Spanish first names before they are
El Salvador's and Mauritius's names, need support (curated ``ambiguous``; "Salvador Samayoa", "José Carlos
Mauricio"): dev 0.969 (26 false), test 0.958 (45 false); LOC spans found unchanged.
"""

from __future__ import annotations

import argparse
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from benchmarks import eval_toponyms as et
from stream.build.topic_corpora import GitTree

__all__ = [
    "COMMIT",
    "CORPORA",
    "ENGLISH",
    "EN_COMMIT",
    "EN_FILES",
    "EN_REPO",
    "FILES",
    "REPO",
    "SPANISH",
    "Article",
    "Corpus",
    "Judged",
    "articles",
    "half",
    "judge",
    "main",
    "parse",
]

REPO = "ragerri/evaluation-spanish-language-models"
COMMIT = "1c4579e54ab2bfa16f28c960cee554328c51c318"
FILES = ("conll2002/esp.train", "conll2002/esp.testa", "conll2002/esp.testb")
ATTRIBUTION = (
    f"CoNLL-2002 Spanish (EFE, May 2000; Tjong Kim Sang 2002), as copied in github.com/{REPO} @ {COMMIT[:7]} "
    "(research use; not vendored)"
)
_DATELINE = re.compile(r"\b\d{1,2} (?:ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic) \( EFE")
_NO_SPACE_BEFORE = frozenset([",", ".", ";", ":", ")", "?", "!", "%"])
_NO_SPACE_AFTER = frozenset(["(", "¿", "¡"])
EN_REPO = "NguyenHoangAn0511/Name-entity-recognition-using-BERT"
EN_COMMIT = "f07853e9581e4f7b6a61e96f235a337ba085f769"
EN_FILES = ("conll2003/eng.train", "conll2003/eng.testa", "conll2003/eng.testb")
EN_ATTRIBUTION = (
    f"CoNLL-2003 English (Reuters RCV1, 1996-97; Tjong Kim Sang and De Meulder 2003), as copied in github.com/{EN_REPO} "
    f"@ {EN_COMMIT[:7]} (research use; not vendored)"
)
# A sentence of place names and a date alone: "LONDON 1996-08-30", "SAN JOSE , Costa Rica 1996-08-22".
_EN_DATELINE = re.compile(r"^[A-Z][A-Za-z.'\- ]*(?: , [A-Z][A-Za-z.'\- ]*)? \d{4}-\d{2}-\d{2}$")
_EN_CLITICS = frozenset(["'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"])


@dataclass(frozen=True)
class Corpus:
    """One CoNLL copy of agency text: where it is, how its stories are cut, and the language ``locate`` reads it in."""

    label: str
    lang: str
    repo: str
    commit: str
    files: tuple[str, ...]
    attribution: str
    # Whether the sentence before a dateline is the story's headline (CoNLL-2003), not the last of the story before.
    headline_before: bool
    dateline: re.Pattern[str]
    attached: frozenset[str] = frozenset()  # tokens written without a space before them, beside _NO_SPACE_BEFORE
    # Whether a sentence of a lone dash after a dateline is the dateline's own: EFE writes "Palma, 23 may (EFE).-", which
    # CoNLL's sentence splitter cut in two.
    dash_after_dateline: bool = False


@dataclass(frozen=True)
class Article:
    """One EFE story: its text and its marked names as (kind, start, end) character spans."""

    docid: str
    text: str
    spans: tuple[tuple[str, int, int], ...]


def half(docid: str) -> str:
    """``dev`` or ``test``: even SHA-1 of the article id is dev."""
    return "test" if int(hashlib.sha1(docid.encode("utf-8")).hexdigest(), 16) % 2 else "dev"


def _sentences(conll: str) -> Iterator[list[tuple[str, str]]]:
    sentence: list[tuple[str, str]] = []
    for line in conll.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            sentence.append((parts[0], parts[-1]))
        elif sentence:
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def _append(
    tokens: list[tuple[str, str]],
    out: list[str],
    at: int,
    spans: list[tuple[str, int, int]],
    attached: frozenset[str] = frozenset(),
) -> int:
    """Write one sentence's tokens from character ``at``; collect its BIO spans. Returns the new end."""
    open_kind, open_start, end = "", -1, at
    previous = ""
    for token, tag in tokens:
        if previous and token not in _NO_SPACE_BEFORE and token not in attached and previous not in _NO_SPACE_AFTER:
            out.append(" ")
            at += 1
        if open_kind and not tag.startswith("I-"):
            spans.append((open_kind, open_start, end))
            open_kind = ""
        if tag.startswith("B-") or (tag.startswith("I-") and not open_kind):
            open_kind, open_start = tag[2:], at
        out.append(token)
        at += len(token)
        end = at
        previous = token
    if open_kind:
        spans.append((open_kind, open_start, end))
    return at


def parse(conll: str, name: str, corpus: Corpus | None = None) -> Iterator[Article]:
    """The articles of one CoNLL file (cut at each dateline; text before the first one is left out)."""
    corpus = corpus or SPANISH
    sentences = list(_sentences(conll))
    if corpus.dash_after_dateline:
        joined: list[list[tuple[str, str]]] = []
        for sentence in sentences:
            if [t for t, _tag in sentence] == ["-"] and joined and corpus.dateline.search(" ".join(t for t, _ in joined[-1])):
                joined[-1] = [*joined[-1], *sentence]
            else:
                joined.append(sentence)
        sentences = joined
    starts = [i for i, sentence in enumerate(sentences) if corpus.dateline.search(" ".join(t for t, _tag in sentence))]
    if corpus.headline_before:
        # The headline before each dateline opens the story, unless it is the dateline before it.
        starts = [i - 1 if i > 0 and (k == 0 or i - 1 > starts[k - 1]) else i for k, i in enumerate(starts)]
    for number, begin in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(sentences)
        out: list[str] = []
        spans: list[tuple[str, int, int]] = []
        at = 0
        for sentence in sentences[begin:end]:
            if out:
                out.append("\n")
                at += 1
            at = _append(sentence, out, at, spans, corpus.attached)
        yield Article(f"{name}:{number}", "".join(out), tuple(spans))


@dataclass
class Judged:
    """Pooled judgements of one half; ``false_mentions`` counts (country, text) of false countries' mentions."""

    n: int = 0
    place: int = 0
    thing: int = 0
    demonym: int = 0
    false: int = 0
    loc_spans: int = 0
    loc_found: int = 0
    false_mentions: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def precision(self) -> float:
        return self.place / (self.place + self.false) if self.place + self.false else 1.0


Locator = Callable[[str], Iterable[Mapping[str, object]]]


def _overlaps(start: int, end: int, spans: Iterable[tuple[str, int, int]], kinds: frozenset[str]) -> bool:
    return any(kind in kinds and a < end and start < b for kind, a, b in spans)


def judge(articles: Iterable[Article], locator: Locator) -> Judged:
    """Judge every country ``locator`` lists for each article by its mentions (see the module)."""
    out = Judged()
    for article in articles:
        out.n += 1
        found: list[tuple[int, int]] = []
        for country in locator(article.text):
            mentions = et._mentions(country)
            where = [
                (start, end)
                for m in mentions
                if isinstance(start := m.get("start"), int) and isinstance(end := m.get("end"), int)
            ]
            found.extend(where)
            if any(_overlaps(a, b, article.spans, frozenset(["LOC"])) for a, b in where):
                out.place += 1
            elif any(_overlaps(a, b, article.spans, frozenset(["ORG", "MISC"])) for a, b in where):
                out.thing += 1
            elif all(m.get("source") == "demonym" for m in mentions):
                out.demonym += 1
            else:
                out.false += 1
                for m in mentions:
                    out.false_mentions[str(country["iso2"]), str(m.get("text"))] += 1
        locs = [(a, b) for kind, a, b in article.spans if kind == "LOC"]
        out.loc_spans += len(locs)
        out.loc_found += sum(1 for a, b in locs if any(x < b and a < y for x, y in found))
    return out


SPANISH = Corpus("Spanish", "es", REPO, COMMIT, FILES, ATTRIBUTION, False, _DATELINE, dash_after_dateline=True)
ENGLISH = Corpus("English", "en", EN_REPO, EN_COMMIT, EN_FILES, EN_ATTRIBUTION, True, _EN_DATELINE, _EN_CLITICS)
CORPORA = {"es": SPANISH, "en": ENGLISH}


def articles(git: Path, corpus: Corpus | None = None) -> list[Article]:
    """Every article of the corpus's three files at its commit (Spanish by default)."""
    corpus = corpus or SPANISH
    tree = GitTree(git, corpus.commit)
    return [a for path in corpus.files for a in parse(tree.text(path), path.rsplit("/", 1)[-1], corpus)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mirrors", type=Path, help="folder of <owner>+<name>/repo git dirs to read instead of cloning")
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent false countries (dev only)")
    parser.add_argument("--only", choices=sorted(CORPORA), help="one copy only")
    args = parser.parse_args(argv)
    for key, corpus in CORPORA.items():
        if args.only and key != args.only:
            continue
        every = articles(et.pinned(corpus.repo, corpus.commit, corpus.attribution, args.mirrors), corpus)
        print(f"== false countries in {corpus.label} agency copy: {corpus.attribution}")
        print(f"{'half':6}{'n':>6}{'place':>7}{'false':>7}{'thing':>7}{'demonym':>9}{'P':>7}   LOC spans found")
        dev = Judged()
        for part in ("dev", "test"):
            j = judge((a for a in every if half(a.docid) == part), partial(et._located, lang=corpus.lang))
            share = j.loc_found / j.loc_spans if j.loc_spans else 0.0
            print(f"{part:6}{j.n:>6}{j.place:>7}{j.false:>7}{j.thing:>7}{j.demonym:>9}{j.precision:>7.3f}   {share:.3f}")
            if part == "dev":
                dev = j
        if args.errors:
            print("\ndev: false countries (country, the text that named it)")
            for (iso, text), n in dev.false_mentions.most_common(args.errors):
                print(f"  {n:4d}  {iso}  {text}")


if __name__ == "__main__":
    main()
