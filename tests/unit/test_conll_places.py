"""The reader and the judge of the Spanish agency-copy benchmark (benchmarks/conll_places.py), on a file of our own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from benchmarks import conll_places as cp

# CoNLL-2002's format, written for this test: a line before the first dateline, then two stories.
_CONLL = """Texto O
suelto O

Sevilla B-LOC
, O
4 O
jun O
( O
EFE B-ORG
) O
. O

El O
ministro O
Mendoza B-PER
viajó O
a O
Lima B-LOC
( O
Perú B-LOC
) O
. O

Madrid B-LOC
, O
5 O
jun O
( O
EFECOM B-ORG
) O
. O

El O
Real B-ORG
Madrid I-ORG
ganó O
. O
"""


def test_articles_start_at_datelines_and_keep_their_spans() -> None:
    first, second = cp.parse(_CONLL, "esp.test")
    assert first.docid == "esp.test:0" and second.docid == "esp.test:1"
    assert first.text == "Sevilla, 4 jun (EFE).\nEl ministro Mendoza viajó a Lima (Perú)."
    assert [(kind, first.text[a:b]) for kind, a, b in first.spans] == [
        ("LOC", "Sevilla"),
        ("ORG", "EFE"),
        ("PER", "Mendoza"),
        ("LOC", "Lima"),
        ("LOC", "Perú"),
    ]
    assert ("ORG", "Real Madrid") in [(kind, second.text[a:b]) for kind, a, b in second.spans]


def test_a_country_is_judged_by_the_spans_its_mentions_overlap() -> None:
    first, second = cp.parse(_CONLL, "esp.test")

    def mention(text: str, word: str, source: str = "text") -> dict[str, object]:
        start = text.rindex(word)
        return {"text": word, "start": start, "end": start + len(word), "source": source}

    def locator(text: str) -> Iterable[Mapping[str, object]]:
        if "Mendoza" in text:
            return [
                {"iso2": "PE", "mentions": [mention(text, "Lima"), mention(text, "Perú")]},
                {"iso2": "AR", "mentions": [mention(text, "Mendoza")]},  # a surname: false
                {"iso2": "FR", "mentions": [mention(text, "viajó", "demonym")]},  # demonym only: not judged
            ]
        return [{"iso2": "ES", "mentions": [mention(text, "Madrid")]}]  # the club's name: a thing

    j = cp.judge([first, second], locator)
    assert (j.n, j.place, j.false, j.thing, j.demonym) == (2, 1, 1, 1, 1)
    assert j.precision == 0.5
    assert j.false_mentions == {("AR", "Mendoza"): 1}
    assert (j.loc_spans, j.loc_found) == (4, 2)  # Sevilla, Lima, Perú, Madrid; Lima and Perú found


def test_the_halves_are_fixed_by_the_article_id() -> None:
    # Pinned: the split was fixed before the first reading.
    halves = [cp.half(f"esp.train:{i}") for i in range(7)]
    assert halves == ["test", "test", "test", "dev", "dev", "test", "dev"]


# CoNLL-2003's format (English), written for this test: the headline comes before the dateline, and the copy has no
# -DOCSTART- lines.
_CONLL_EN = """SOCCER NN B-NP O
- : O O
CLUB NNP B-NP O
WINS VBZ B-VP O
. . O O

LONDON NNP B-NP B-LOC
1996-08-30 CD I-NP O

Arsenal NNP B-NP B-ORG
's POS B-NP O
coach NN I-NP O
Bruce NNP I-NP B-PER
Rioch NNP I-NP I-PER
was VBD B-VP O
in IN B-PP O
Italy NNP B-NP B-LOC
. . O O

TENNIS NN B-NP O
. . O O

NEW NNP B-NP B-LOC
YORK NNP I-NP I-LOC
1996-08-31 CD I-NP O

German JJ B-NP B-MISC
players NNS I-NP O
won VBD B-VP O
. . O O
"""


def test_english_stories_start_at_the_headline_before_their_dateline() -> None:
    first, second = cp.parse(_CONLL_EN, "eng.test", cp.ENGLISH)
    assert first.docid == "eng.test:0" and second.docid == "eng.test:1"
    assert first.text == "SOCCER - CLUB WINS.\nLONDON 1996-08-30\nArsenal's coach Bruce Rioch was in Italy."
    assert [(kind, first.text[a:b]) for kind, a, b in first.spans] == [
        ("LOC", "LONDON"),
        ("ORG", "Arsenal"),
        ("PER", "Bruce Rioch"),
        ("LOC", "Italy"),
    ]
    assert second.text == "TENNIS.\nNEW YORK 1996-08-31\nGerman players won."
    assert ("MISC", "German") in [(kind, second.text[a:b]) for kind, a, b in second.spans]


def test_a_lone_dash_after_an_efe_dateline_is_the_datelines() -> None:
    # EFE writes "Palma, 23 may (EFE).-"; CoNLL-2002's sentence splitter cut the dash off into a sentence of its own.
    conll = "Palma B-LOC\n, O\n23 O\nmay O\n( O\nEFE B-ORG\n) O\n. O\n\n- O\n\nEl O\nsindicato O\nprotestó O\n. O\n"
    (story,) = cp.parse(conll, "esp.test", cp.SPANISH)
    assert story.text == "Palma, 23 may (EFE). -\nEl sindicato protestó."
    # The English copy has no such dash.
    assert not cp.ENGLISH.dash_after_dateline
