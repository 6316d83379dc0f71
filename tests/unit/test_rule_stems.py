"""benchmarks.rule_stems: the stemmed rule terms whose stem more frequent words of another meaning share."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.rule_stems import stem_company
from stream.topics.features import snowball_stemmer
from stream.topics.rules import load_rules

ZIPF = {"imports": 3.9, "important": 5.4, "import": 4.1, "importer": 2.0, "protest": 4.5, "protests": 4.2}


def _same_stem(target: str) -> Callable[[str], bool]:
    stemmer = snowball_stemmer("english")
    assert stemmer is not None
    stem = stemmer.stemWord(target)
    return lambda word: bool(stemmer.stemWord(word) == stem)


def _terms(*texts: str) -> list[tuple[str, str, float, Callable[[str], bool]]]:
    return [("economy", t, 1.5, _same_stem(t)) for t in texts]


def test_company_is_the_frequent_words_with_the_terms_stem_most_frequent_first() -> None:
    stemmer = snowball_stemmer("english")
    assert stemmer is not None
    found = stem_company(_terms("imports", "protest"), ZIPF, stemmer.stemWord, lambda w: ZIPF.get(w, 0.0))
    by_term = {c.term: c for c in found}
    # "importer" (Zipf 2.0) is far rarer than the term: it rarely reaches a story and is left out.
    assert by_term["imports"].words == (("important", 5.4), ("import", 4.1))
    assert by_term["protest"].words == (("protests", 4.2),)


def test_a_word_the_matcher_refuses_is_no_company() -> None:
    stemmer = snowball_stemmer("english")
    assert stemmer is not None
    terms: list[tuple[str, str, float, Callable[[str], bool]]] = [("economy", "imports", 1.5, lambda w: w != "important")]
    found = stem_company(terms, ZIPF, stemmer.stemWord, lambda w: ZIPF.get(w, 0.0))
    assert [c.words for c in found] == [(("import", 4.1),)]


def test_the_shipped_rules_keep_no_stem_that_important_shares() -> None:
    # The real-file misread this tool was written for: "important" had matched economy's "imports".
    for rule in load_rules():
        for term, _ in rule.terms.get("en", ()):
            assert not (len(term.words) == 1 and term.words[0].matches("important")), (rule.name, term.text)


def test_a_suffix_term_lists_the_frequent_words_it_also_matches() -> None:
    # Turkish "opera" matches "operasyon" (an operation): the start plus up to seven letters.
    zipf = {"opera": 4.2, "operasyon": 4.8, "operası": 3.4, "operasyonlarından": 3.5, "operet": 3.1}.get
    terms: list[tuple[str, str, float, Callable[[str], bool]]] = [
        ("culture", "opera", 2.0, lambda w: w.startswith("opera") and len(w) - 5 <= 7)
    ]
    found = stem_company(
        terms,
        ["opera", "operasyon", "operası", "operasyonlarından", "operet"],
        lambda w: w[:2],
        lambda w: zipf(w, 0.0),
        floor=3.0,
    )
    assert [c.words for c in found] == [(("operasyon", 4.8), ("operası", 3.4))]
