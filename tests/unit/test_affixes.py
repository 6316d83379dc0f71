from __future__ import annotations

from dataclasses import replace
from functools import partial

import pytest

import stream.language as language
from stream.affixes import affix_hits
from stream.shorttext import DEFAULT, short_scores

ALL = frozenset({"kk", "ru", "ku", "tr", "sw", "id", "en"})


def test_suffix_needs_a_stem() -> None:
    # "лар" alone, or with one letter before it, is no Kazakh plural; "саясаткерлер" is.
    assert affix_hits("лар", ALL) == {}
    assert affix_hits("алар", ALL) == {}
    assert affix_hits("саясаткерлер", ALL) == {"kk": 1}


def test_words_prefixes_and_counts() -> None:
    assert affix_hits("polisi wa", ALL) == {"sw": 1}
    assert affix_hits("mkutano wa", ALL) == {"sw": 2}
    assert affix_hits("ji bajarê", ALL) == {"ku": 1}
    # Whole words only: "wa" inside a word is no linking word.
    assert affix_hits("kawasan", ALL) == {}


def test_only_candidates_count() -> None:
    assert affix_hits("саясаткерлер", frozenset({"ru"})) == {}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("саясаткерлер", "kk"),  # politicians: Kyrgyz without the plural evidence
        ("polisi wa", "sw"),  # Indonesian without the linking word
        ("ji bajarê", "ku"),  # Czech without the particle
        ("rêxistin", "ku"),  # organisation: French without the infinitive-type ending
    ],
)
def test_affix_evidence_decides_short_text(text: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert language.detect(text).code == code
    # The same text without the evidence goes to the neighbour: the test guards the new vote, not the engines.
    monkeypatch.setattr(language, "short_scores", partial(short_scores, params=replace(DEFAULT, affix=1.0)))
    assert language.detect(text).code != code


def test_known_russian_word_stays_russian() -> None:
    # -тер is a Kazakh plural, but a word the Russian list knows well is outweighed by that list.
    assert language.detect("компьютер").code == "ru"
