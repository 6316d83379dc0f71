"""The reader, split and scoring of the public toponym benchmark (benchmarks/eval_toponyms.py), on a file of our own."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from benchmarks import eval_toponyms as et

# LGL's format, written for this test: one toponym with a country, one without (a sea), one in another country.
_XML = b"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="101">
    <title>Flooding closes river road</title>
    <text><![CDATA[Flooding closes river road. Officials in Athens said the Gulf of Mexico storm moved on toward Toronto.]]></text>
    <toponyms>
      <toponym><start>41</start><end>47</end><phrase>Athens</phrase>
        <gaztag geonameid="4180386"><name>Athens</name><country geonameid="6252001">United States</country></gaztag>
      </toponym>
      <toponym><start>57</start><end>71</end><phrase>Gulf of Mexico</phrase>
        <gaztag geonameid="3523271"><name>Gulf of Mexico</name></gaztag>
      </toponym>
      <toponym><start>96</start><end>103</end><phrase>Toronto</phrase>
        <gaztag geonameid="6167865"><name>Toronto</name><country geonameid="6251999">Canada</country></gaztag>
      </toponym>
    </toponyms>
  </article>
  <article docid="102"><text>No place here.</text><toponyms/></article>
</articles>
"""
_IDS = {6252001: "US", 6251999: "CA"}


def test_parse_reads_the_countries_of_the_annotated_toponyms() -> None:
    first, second = et.parse(_XML, "lgl", _IDS)
    assert first.docid == "101" and first.text.startswith("Flooding closes")
    assert first.gold == {"US", "CA"}  # the gulf has no country and is left out
    assert first.phrases == {"US": ("Athens",), "CA": ("Toronto",)}
    assert second.gold == frozenset()


def test_the_halves_are_fixed_by_the_document_id() -> None:
    # Pinned: the split was fixed before the first reading, so a change to it would mix tuned and never-tuned articles.
    assert [et.half(d) for d in ("101", "102", "40450848", "41406650", "1030004", "1040001")] == [
        "test",
        "dev",
        "test",
        "dev",
        "dev",
        "test",
    ]


def test_score_counts_false_and_missed_countries_and_the_relevant_subset() -> None:
    articles = list(et.parse(_XML, "lgl", _IDS))

    def locator(text: str) -> Iterable[Mapping[str, object]]:
        if "Athens" not in text:
            return []
        return [
            {"iso2": "GR", "relevant": True, "mentions": [{"text": "Athens"}]},  # the false reading
            {"iso2": "CA", "relevant": False, "mentions": [{"text": "Toronto"}]},
        ]

    s = et.score(articles, locator)
    assert (s.n, s.tp, s.fp, s.fn) == (2, 1, 1, 1)
    assert (s.rel_tp, s.rel_fp, s.rel_fn) == (0, 1, 2)
    assert s.all == (0.5, 0.5, 0.5)
    assert s.extras == {("GR", "Athens"): 1}
    assert s.misses == {("US", "Athens"): 1}
