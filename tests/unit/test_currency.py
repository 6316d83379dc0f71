"""One state's money as weak place evidence (issue #17): stream.places.currency and its use in locate."""

from __future__ import annotations

import pytest

from stream.places.currency import find_currencies
from stream.places.geotag import locate
from stream.story import Story
from stream.text.normalize import TokenStream


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A jackpot of at least £2.5m was won.", [("£", "GB")]),
        ("Прибыль банка составила 1,5 трлн рублей.", [("рублей", "RU")]),
        ("Курс рубля снизился.", [("рубля", "RU")]),
        ("The budget is AZN1.2bn, of which 500 AZN per pupil.", [("AZN", "AZ"), ("AZN", "AZ")]),
        ("Tickets cost 500 ₽ or ₹ 20.", [("₽", "RU"), ("₹", "IN")]),
        ("The naira fell again.", [("naira", "NG")]),
        ("Bütçe 5 milyon manat oldu.", [("manat", "AZ")]),
        ("Fares rose to 3,000 drams and 12 lari.", [("drams", "AM"), ("lari", "GE")]),
        ("The fund holds A$3 billion and NZ$40 million.", [("A$", "AU"), ("NZ$", "NZ")]),
    ],
)
def test_money_of_one_state_is_found(text: str, found: list[tuple[str, str]]) -> None:
    marks = find_currencies(text)
    assert [(m.form, m.country) for m in marks] == found
    assert all(text[m.start : m.end] == m.form for m in marks)
    # The tokens, as the geotagger passes them, only spare work.
    assert find_currencies(text, TokenStream.of(text).texts) == marks


def test_a_code_glued_to_its_amount_is_found_through_the_tokens() -> None:
    text = "A tourist tax of IDR150,000 (US$10) takes effect next year."
    assert [(m.form, m.country) for m in find_currencies(text, TokenStream.of(text).texts)] == [("IDR", "ID")]


@pytest.mark.parametrize(
    "text",
    [
        # Several states' money, or another issuer's: the dollar, the euro, Egypt's pound, Belarus's and Turkmenistan's.
        "The deal is worth $150 million, or €140 million.",
        "Tickets cost E£50 at the gate.",
        "Зарплата выросла до 2000 белорусских рублей.",
        "Prices are set in Turkmen manat.",
        # Codes that are words or a company in capitals, and words of another meaning without an amount.
        "ALL 50 STATES VOTE. AMD 7950X review. TOP 10 films.",
        "He had a yen for travel and a dram of whisky.",
    ],
)
def test_money_that_names_no_one_state_is_not(text: str) -> None:
    assert find_currencies(text) == []


def _countries(body: str, lang: str = "en") -> dict[str, list[tuple[str, str | None]]]:
    result = locate(Story(id="c", headline="", body=body), lang)
    return {str(c["iso2"]): [(str(m["text"]), m.get("source")) for m in c["mentions"]] for c in result.countries}


def test_money_names_its_state_in_a_story_that_names_no_country() -> None:
    got = _countries("The winner of the £2.5m jackpot has asked to remain anonymous, the shop owner said.")
    assert got == {"GB": [("£", "currency")]}
    assert locate(Story(id="c", headline="", body="Прибыль банка составила 1,5 трлн рублей."), "ru").focus_country == "RU"


def test_money_adds_nothing_where_the_text_names_a_country() -> None:
    # A British outlet gives an American permit's price in pounds too.
    assert set(_countries("Visitors to Yellowstone in Wyoming need a permit, which costs $150 (£120).")) == {"US"}
