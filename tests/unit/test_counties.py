"""US counties name their state (stream/places/qualifier.py, stream/build/counties.py, stream/places/geotag.py)."""

from __future__ import annotations

import pytest

from stream.places.geotag import _homonyms, locate
from stream.places.qualifier import counties, county_lists
from stream.story import Story


def _located(body: str) -> tuple[dict[str, list[str]], list[str]]:
    result = locate(Story(id="c", headline="", body=body), "en")
    mentions = {str(c["iso2"]): [str(m["text"]) for m in c["mentions"]] for c in result.countries}
    return mentions, [str(p["name"]) for p in result.places]


def test_the_longest_run_of_capitalised_words_that_names_a_county() -> None:
    text = "Jim Ed McDaniel and Laurel County PRIDE. St. Louis County police; Avoyelles Parish; Kiambu County."
    found = [(states, text[a:b], elsewhere) for states, a, b, elsewhere in counties(text)]
    assert found == [
        (("Kentucky",), "Laurel County", False),
        (("Minnesota", "Missouri"), "St. Louis County", False),
        (("Louisiana",), "Avoyelles Parish", False),
    ]


def test_counties_listed_before_the_plural_noun() -> None:
    text = "The metro area - Clarke, Madison, Oconee and Oglethorpe counties - and Barrow and Jackson counties."
    found = [(states[:2], text[a:b], name) for states, a, b, _elsewhere, name in county_lists(text)]
    assert found == [
        (("Alabama", "Georgia"), "Clarke", "Clarke County"),
        (("Alabama", "Arkansas"), "Madison", "Madison County"),
        (("Georgia", "South Carolina"), "Oconee", "Oconee County"),
        (("Georgia",), "Oglethorpe", "Oglethorpe County"),
        (("Georgia",), "Barrow", "Barrow County"),
        (("Alabama", "Arkansas"), "Jackson", "Jackson County"),
    ]
    # No "and", no list: a sentence's capitalised words before "counties" are no counties.
    assert list(county_lists("Officials in Georgia said Clarke counties were spared.")) == []


def test_listed_counties_make_a_capitals_name_a_local_town() -> None:
    # Athens, Georgia: a capital's name needs a county of the other country, and the list names four.
    body = (
        "The unemployment rate for the four metro Athens counties rose in February. The rate for the metro area - "
        "Clarke, Madison, Oconee and Oglethorpe counties - remained below the state's."
    )
    mentions, places = _located(body)
    assert set(mentions) == {"US"} and "Georgia" in places


def test_a_county_of_one_state_names_the_state() -> None:
    mentions, places = _located("Laurel County officials said the landfill will close on Friday.")
    assert mentions == {"US": ["Laurel County"]} and places == ["Kentucky"]
    # Lebanon inside it is no country.
    mentions, places = _located("Lebanon County commissioners approved the budget.")
    assert mentions == {"US": ["Lebanon County"]} and places == ["Pennsylvania"]


def test_a_county_several_states_have_is_the_named_states() -> None:
    mentions, places = _located("St. Louis County police said the suspect fled across Missouri.")
    assert mentions == {"US": ["St. Louis County", "Missouri"]} and places == ["Missouri"]


@pytest.mark.parametrize(
    ("body", "county"),
    [
        # The name inside is another country's place: the Isle of Man's Douglas, Lebanon, England's Lancaster.
        ("Douglas County deputies arrested two men on Friday.", "Douglas County"),
        ("Lancaster County farmers lost their crops to hail.", "Lancaster County"),
        # The capital's name inside is no capital.
        ("The Washington County sheriff said the road was closed.", "Washington County"),
    ],
)
def test_a_county_no_state_is_named_for_is_american_and_nothing_inside_it_counts(body: str, county: str) -> None:
    mentions, places = _located(body)
    assert mentions == {"US": [county]} and places == []


def test_a_county_makes_a_bare_town_name_local() -> None:
    # London, Kentucky (about 8,000 people) is the county seat; the gazetteer knows only England's.
    assert "US" in _homonyms()["london"]
    mentions, _places = _located("London residents can reach the coordinator at the Laurel County PRIDE office.")
    # The story's one local country has a London: the name is its town, and counts for it.
    assert mentions == {"US": ["London", "Laurel County"]}


def test_small_towns_make_a_city_doubtful_but_not_a_country() -> None:
    table = _homonyms()
    assert table["athens"] == {"US"} and "woodlands" in table  # "The Woodlands", Texas
    assert "mexico" not in table and "peru" not in table  # Mexico, Missouri and Peru, Indiana are small
    mentions, _places = _located("Texas officials signed a water agreement with Mexico. Harris County will pay half.")
    assert set(mentions) == {"US", "MX"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # British and Irish county councils bear US counties' names: no US reading without a US state.
        ("Kent County Council will close two libraries, councillors in Maidstone said.", {"GB"}),
        ("Clare County Council in Ireland approved the plan on Monday.", {"IE"}),
        # Beside one of its states the county is American.
        ("Kent County deputies in Michigan arrested two men.", {"US"}),
    ],
)
def test_a_county_named_like_a_british_or_irish_one_needs_its_state(body: str, countries: set[str]) -> None:
    mentions, _places = _located(body)
    assert set(mentions) == countries
