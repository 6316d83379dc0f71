"""Small towns of local news, read with support in an English story that names no country (issue #17).

The table is built by ``stream.build.gazetteer._local_towns``; the reading is ``stream.places.geotag._local_towns``.
"""

from __future__ import annotations

import pytest

from stream.places.gazetteer import load_gazetteer
from stream.places.geotag import locate
from stream.story import Story


def _towns(body: str, lang: str = "en") -> dict[str, list[str]]:
    result = locate(Story(id="t", headline="", body=body), lang)
    return {
        str(c["iso2"]): [str(m["text"]) for m in c["mentions"] if m["source"] == "town"]  # type: ignore[attr-defined]
        for c in result.countries
    }


def test_the_table_holds_towns_of_one_country_that_are_no_words_or_first_names() -> None:
    towns = load_gazetteer().local_towns
    assert towns["schaumburg"] == "US" and towns["bicester"] == "GB" and towns["pataskala"] == "US"
    # A frequent English word or surname ("Decatur" 3.1, "Jackson"), a first name ("Kyle"), a town's name that another
    # country's town bears too ("Cromwell", New Zealand's as well), and names the gazetteer reads anyway stay out.
    for left_out in ("decatur", "jackson", "kyle", "cromwell", "march", "green", "alexandria", "boston"):
        assert left_out not in towns, left_out


def test_a_name_of_several_words_needs_one_word_that_is_no_frequent_word() -> None:
    towns = load_gazetteer().local_towns
    # "ledge" (Zipf 3.4) would keep a one-word town out; beside "grand" it makes a name no English phrase is.
    assert towns["grand ledge"] == "US" and towns["balch springs"] == "US"
    # Every word frequent: a phrase as often as a place ("Castle Hill", "Red Lion", "Mount Vernon").
    for left_out in ("castle hill", "red lion", "mount vernon", "little canada"):
        assert left_out not in towns, left_out


@pytest.mark.parametrize(
    ("body", "country", "names"),
    [
        (
            "Schaumburg trustees Tuesday approved a site plan for a new store at the intersection of Woodfield and "
            "Martingale roads.",
            "US",
            ["Schaumburg"],
        ),
        ("A water main blew on Monday night, forcing a boil advisory in downtown Pineville.", "US", ["Pineville"]),
        ("By Chad Klimack, Advocate Reporter. PATASKALA -- City officials say the block can be rebuilt.", "US", ["PATASKALA"]),
        (
            "Actress Elizabeth Hurley will open her new boutique at the outlet centre on Thursday, near Bicester.",
            "GB",
            ["Bicester"],
        ),
        ("Chicopee's conservation commission will vote on the land purchase next week.", "US", ["Chicopee"]),
        ("A Hamlin man was charged with drunken driving after the crash, deputies said.", "US", ["Hamlin"]),
        (
            "Grand Ledge firefighters found a small drug lab in a burnt-out flat on the third floor, the chief said.",
            "US",
            ["Grand Ledge"],
        ),
    ],
)
def test_a_small_town_with_support_names_its_country(body: str, country: str, names: list[str]) -> None:
    found = _towns(body)
    assert found == {country: names}
    start = body.index(names[0])
    result = locate(Story(id="t", headline="", body=body), "en")
    assert result.focus_country == country
    (mention,) = [m for c in result.countries for m in c["mentions"]][:1]  # type: ignore[attr-defined]
    assert (mention["start"], mention["end"]) == (start, start + len(names[0]))


@pytest.mark.parametrize(
    "body",
    [
        # A surname after a first name, a name without support, a name in lower case.
        "Neal Beshears had 14 points and Andrew Haney scored 13 in the semifinal on Saturday.",
        # The surname repeated alone is the person's too: no Hinton, Alberta.
        "Geoffrey Hinton, the computer scientist, warned about artificial intelligence. Hinton's remarks drew attention.",
        "Layton said the party would vote against the budget.",
        "The schaumburg trustees met on Tuesday.",
        # Towns of two countries: neither is the story's.
        "Officials in Schaumburg and in Bicester signed a partnership on Monday.",
    ],
)
def test_a_small_town_without_support_of_its_own_names_nothing(body: str) -> None:
    assert _towns(body) == {} or all(not names for names in _towns(body).values())


def test_a_story_that_names_a_country_reads_no_small_town() -> None:
    # The layer is a local paper's last resort: a named country is the story's evidence, a town's namesake is not.
    assert _towns("Talks in Canada ended on Monday, officials in Schaumburg said.") == {"CA": []}


def test_only_english_stories_read_small_towns() -> None:
    # German writes Schaumburg, a district of Lower Saxony, too.
    assert _towns("Der Landkreis plant neue Radwege in Schaumburg, teilte die Verwaltung mit.", "de") == {}
