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
