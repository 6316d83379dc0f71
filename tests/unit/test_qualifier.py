"""A place name qualified by its state or province (stream/places/qualifier.py and its use in locate)."""

from __future__ import annotations

import pytest

from stream.places.geotag import locate
from stream.places.qualifier import US_STATES, state_abbreviation, state_adjectives
from stream.story import Story


def _read(body: str) -> tuple[set[str], str | None]:
    result = locate(Story(id="q", headline="", body=body), "en")
    return {str(c["iso2"]) for c in result.countries}, result.focus_country


def test_state_abbreviation_after_a_name() -> None:
    text = "Officials in Lebanon, Pa., and Hurricane, W.Va. met in Albany, NY (AP) with a man from Paris, France."
    assert state_abbreviation(text, text.index(", Pa.")) == ("Pennsylvania", text.index("Pa."), text.index("Pa.") + 3)
    assert state_abbreviation(text, text.index(", W.Va."))[0] == "West Virginia"  # type: ignore[index]
    assert state_abbreviation(text, text.index(", NY"))[0] == "New York"  # type: ignore[index]
    assert state_abbreviation(text, text.index(", France")) is None
    assert state_abbreviation("a town, Inc. said", 6) is None  # an abbreviation that is no state
    assert state_abbreviation("Paris, IND", 5) is None  # a postal code is a whole word
    assert len(set(US_STATES.values())) == 51  # fifty states and the District


@pytest.mark.parametrize(
    ("body", "countries", "focus"),
    [
        # AP datelines of American towns named after foreign capitals: the story is not Greek or Serbian.
        ("ATHENS, Ga. (AP) — The university said on Monday that enrolment had fallen.", {"US"}, "US"),
        ("BELGRADE, Minn. -- A woman was found dead after a house fire, officials said.", {"US"}, "US"),
        ("KANSAS CITY, Kan. (AP) -- Police said a man was arrested.", {"US"}, "US"),  # "Kan" no Chinese town
        ("PARIS, Texas (AP) — A fire destroyed the old courthouse.", {"US"}, "US"),
        ("LONDON, Ontario (CP) -- The city council voted to raise fares.", {"CA"}, "CA"),
        # In the text.
        ("A fire in Paris, Texas, killed two people on Sunday.", {"US"}, "US"),
        ("Officials in Lebanon, Pa., said the bridge will reopen.", {"US"}, "US"),
        ("The mayor of London, Ontario, resigned after the vote.", {"CA"}, "CA"),
        ("A man from Dublin, Ohio, was charged with fraud.", {"US"}, "US"),
    ],
)
def test_a_qualified_name_is_a_place_of_the_qualifiers_country(body: str, countries: set[str], focus: str) -> None:
    assert _read(body) == (countries, focus)


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        ("France, Germany and Italy agreed on the budget.", {"FR", "DE", "IT"}),  # a country is no qualifier
        ("Talks in Moscow, Georgia and Ukraine ended without a deal.", {"RU", "GE", "UA"}),  # Georgia is a country too
        ("He flew to Paris, France, for the talks.", {"FR"}),
        ("The Houston, Texas, police said.", {"US"}),  # the name is in the qualifier's country already
    ],
)
def test_lists_and_same_country_qualifiers_are_unchanged(body: str, countries: set[str]) -> None:
    assert _read(body)[0] == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        ("MELVILLE, Sask. (CP) -- A fire destroyed the grain elevator.", {"CA"}),
        ("A polar bear was seen near Churchill, Man., on Monday.", {"CA"}),
        ("Police in London, Ont., arrested two men.", {"CA"}),  # not the British capital
        # A town the gazetteer does not know: the abbreviation names its state all the same.
        ("A man of Cross City, Fla., was charged with theft.", {"US"}),
        ("Kathy Smith, Republican, said the vote was fair.", set()),  # no abbreviation, no state
    ],
)
def test_a_canadian_province_abbreviation_qualifies_the_name(body: str, countries: set[str]) -> None:
    assert _read(body)[0] == countries


def test_state_abbreviations_used_as_adjectives() -> None:
    text = (
        'Fla. economist casts doubt. The N.Y. governor, "Calif. wildfire" spreads. Mass. transit. Miss. Jones, Tampa, Fla. now.'
    )
    found = [(name, text[a:b], comma) for name, a, b, comma in state_adjectives(text)]
    # Not "Mass." nor "Miss.": words and titles when capitalised.
    assert found == [
        ("Florida", "Fla.", -1),
        ("New York", "N.Y.", -1),
        ("California", "Calif.", -1),
        ("Florida", "Fla.", -1),
    ]


def test_a_headline_state_adjective_names_the_state() -> None:
    story = Story(id="q", headline="", body="Fla. economist casts doubt on casino jobs, saying the figures are too high.")
    assert [c["iso2"] for c in locate(story, "en").countries] == ["US"]
