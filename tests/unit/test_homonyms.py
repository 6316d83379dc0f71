"""Bare town names in a story local to another country (stream/build/homonyms.py, stream/places/geotag.py)."""

from __future__ import annotations

import pytest

from stream.places.geotag import _homonyms, locate
from stream.story import Story


def _countries(body: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="h", headline="", body=body), "en").countries}


def _mentions(body: str) -> dict[str, list[tuple[str, str]]]:
    result = locate(Story(id="h", headline="", body=body), "en")
    return {str(c["iso2"]): [(str(m["text"]), str(m["source"])) for m in c["mentions"]] for c in result.countries}  # type: ignore[index]


def test_the_table_holds_the_towns_the_gazetteer_misses() -> None:
    # Its schema is checked in test_data_files.py; here, the entries the rules below lean on.
    table = _homonyms()
    assert "US" in table["alexandria"] and table["palestine"] == {"US"} and "CA" in table["london"]
    assert "chicago" not in table  # read in the US already, and a town nowhere else: nothing to decide


@pytest.mark.parametrize(
    ("body", "dropped"),
    [
        (
            "Alexandria police charged a man with arson on Tuesday. The fire marshal of Louisiana said the house "
            "on Orchard Street was a total loss.",
            "EG",
        ),
        (
            "The Palestine school board voted to build a new gym. Texas education officials approved the plan last week.",
            "PS",
        ),
        # A capital's name needs a county: local news names one, foreign news seldom does.
        ("Athens city council approved the budget on Monday. Clarke County had asked for cuts.", "GR"),
    ],
)
def test_a_bare_town_name_in_a_story_of_another_countrys_states(body: str, dropped: str) -> None:
    assert _countries(body) == {"US"}, dropped


@pytest.mark.parametrize(
    ("body", "dropped", "kept"),
    [
        # A town's council counts as a state does: the story is local to the council's country.
        (
            "Pupils from an Edmonton school planted a garden. Enfield Council's cabinet member for education praised them.",
            "CA",
            "GB",
        ),
        (
            "The Crescent in Edmonton was replanted. Enfield Borough Council said the works were finished.",
            "CA",
            "GB",
        ),
    ],
)
def test_a_bare_town_name_in_a_story_of_another_countrys_town_council(body: str, dropped: str, kept: str) -> None:
    countries = _countries(body)
    assert dropped not in countries and kept in countries


def test_british_local_news_reads_its_own_towns() -> None:
    # A British telephone number printed for readers, or a Crown Court: Lancaster is Lancashire's, not California's.
    body = "DETECTIVES in Lancaster are looking for a man. Anybody with information should call police on 01524 63333."
    assert _mentions(body) == {"GB": [("Lancaster", "town")]}
    body = "A Lancaster man was jailed at Preston Crown Court on Friday for the attack in Ryelands Park."
    assert "US" not in _mentions(body)


@pytest.mark.parametrize(
    "body",
    [
        # Numbers of other plans: Germany's, Ireland's, Australia's.
        "Police in Lancaster asked callers to ring 0221 1234567 or 02 9876 5432.",
        "Police in Lancaster asked callers to ring 087 123 4567.",
    ],
)
def test_other_telephone_plans_make_no_british_local_news(body: str) -> None:
    assert "US" in _mentions(body)


def test_a_dropped_name_is_a_town_of_the_one_country_that_has_it() -> None:
    # Only the United States has a town called Berlin (homonyms.tsv): the name counts for it, with its offsets.
    body = "A student crashed into a tree in Berlin. Berlin police are investigating; call (860) 828-7080."
    got = _mentions(body)
    assert got == {"US": [("Berlin", "town"), ("Berlin", "town")]}
    # Paris and London are towns of both the United States and Canada, which local news does not tell apart: the
    # country with the larger town (Paris, Texas; London, Ontario).
    assert _mentions("Paris firefighters put out a kitchen fire at 3125 Clarksville St. shortly after 10 p.m.") == {
        "US": [("Paris", "town")]
    }
    assert _mentions("London police say a man was stabbed at the party. Call 519-661-5670 with information.") == {
        "CA": [("London", "town")]
    }


def test_a_province_the_story_may_name_picks_the_home_country() -> None:
    # "Ontario" may be a Californian city until the story decides; it still says which country's Oxford this is.
    got = _mentions(
        "The local reaction to the Ontario budget was mixed. Oxford MPP Ernie Hardeman called it the largest tax "
        "increase in the province's history. It will raise $2.3 billion, he said; the Province of Ontario disagreed."
    )
    assert "US" not in got and ("Oxford", "town") in got["CA"]


def test_a_named_county_or_province_picks_the_home_country_before_the_larger_town() -> None:
    # Hamilton, Ontario is larger than Hamilton, Ohio; the story names Ohio's Butler County.
    got = _mentions(
        "HAMILTON — Hamilton police arrested a man on Main Street, the Butler County sheriff said. Call (513) 785-1300."
    )
    assert "CA" not in got and ("Hamilton", "town") in got["US"]


def test_a_capitals_name_still_needs_a_county_beside_a_council() -> None:
    # Foreign news names a capital beside a town's council: London stays Britain's.
    assert "GB" in _countries("Toronto City Council sent a delegation to London for the trade fair.")


def test_demonyms_name_no_third_country() -> None:
    # The story stays local: its Spanish and French explorers are people, not places of Spain and France.
    countries = _countries(
        "The Neches valley near Athens, in Henderson County, was home to Caddo Indians, then Spanish and French explorers."
    )
    assert "GR" not in countries and {"US", "ES", "FR"} <= countries


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # The country's name is no state: the story is not local to it.
        ("Pope Francis returns to Rome after finishing his trip to Cuba and the United States.", "IT"),
        # A third country: the story is about more than one country's places.
        ("The Texas senator met officials in Paris before flying on to Moscow for talks with Russia.", "FR"),
        # A capital beside a state only: foreign news from an American angle.
        ("The Texas governor flew to Paris for the air show on Monday.", "FR"),
        ("Shares fell in New York and London on Monday as traders sold banks.", "GB"),
        # The foreign country is named by another form too.
        ("Ohio students visited Athens and toured Greece's islands.", "GR"),
    ],
)
def test_a_town_name_stays_where_the_story_is_not_local(body: str, kept: str) -> None:
    assert kept in _countries(body)


@pytest.mark.parametrize(
    ("body", "dropped"),
    [
        # North American local news names its own town bare: a dollar amount and a town's office or institution.
        ("Mansfield council will vote on a $765,000 package for the Municipal Court building on Monday.", "GB"),
        ("The Dublin City Council approved $45,000 for the park. City Manager Terry Foegler said residents will vote.", "IE"),
        ("The Paris school board approved $2 million for a new gym, the county superintendent said.", "FR"),
        # Canada's: a councillor paid in dollars, an Ontario MPP.
        ("Councillor Smith said the $160 million airport plan would make London a transport gateway.", "GB"),
        ("Oxford MPP Ernie Hardeman called the $14 billion deficit the largest in the province's history.", "GB"),
        # A street address as American papers write it.
        ("Darryl Warden, 44, of 2517 Memphis St., Alexandria, was charged with disturbing the peace.", "EG"),
        ("Paris firefighters put out a kitchen fire at 3125 Clarksville St. shortly after 10 p.m. Tuesday.", "FR"),
        # A telephone number of the North American plan, printed for readers to call.
        ("The car hit a tree in Berlin. Witnesses are asked to call Officer Canto at (860) 828-7080.", "DE"),
        ("London police say a man was stabbed at the party. Call 519-661-5670 with information.", "GB"),
        # A councilman or councilmember: American local government's titles, dollars or not.
        ("Councilman Tim Lecklider moved to delay the Dublin appointments until the council met again.", "IE"),
        ("The Athens council heard the budget report, Councilmember Ann Lee said on Wednesday.", "GR"),
        # "neurologist" holds no euro.
        ("A neurologist told the Paris school board its $2 million clinic plan was sound.", "FR"),
    ],
)
def test_a_bare_town_name_in_north_american_local_news(body: str, dropped: str) -> None:
    assert dropped not in _countries(body)


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # A mayor and dollars are international news too: no town office, no local story.
        ("Paris Mayor Anne Hidalgo said the city will spend $1.2 billion on the Olympic village.", "FR"),
        # A city manager paid in euros: Dublin's own council.
        ("Dublin City Council approved a budget of 45,000 euros for the park, the city manager said.", "IE"),
        # A wire story gives euros in dollars too: the dollars make no local story.
        ("The Paris police chief said the city will spend 2 million euros ($2.2 million) on cameras.", "FR"),
        ("Dublin's city manager said the €45,000 ($49,000) park budget was approved.", "IE"),
        ("Thousands marched in Alexandria on Friday, police at 12 Nile Corniche said.", "EG"),
        # Numbers of other plans and lengths are no North American telephone number.
        ("The car hit a tree in Berlin. Call the police on 030 4664-4664 or +44 20 7946 0958.", "DE"),
        ("Police in London logged case 2019-123-4567 and 12-345-6789.", "GB"),
        # Local news does not tell the United States from Canada: neither loses its own towns to the other's.
        ("The Lexington school board approved $2 million for the Swansea school's new gym.", "US"),
    ],
)
def test_a_town_name_stays_outside_north_american_local_news(body: str, kept: str) -> None:
    assert kept in _countries(body)


def _dated(headline: str, body: str) -> dict[str, list[dict[str, object]]]:
    result = locate(Story(id="d", headline=headline, body=body), "en")
    return {str(c["iso2"]): list(c["mentions"]) for c in result.countries}  # type: ignore[call-overload]


def test_a_dateline_of_a_town_under_the_gazetteers_floor_names_its_country() -> None:
    found = _dated("Village approves budget", "PATASKALA — The village council approved the budget on Monday.")
    assert list(found) == ["US"] and found["US"][0]["source"] == "dateline"


def test_a_datelines_bare_name_is_read_by_the_homonym_rule() -> None:
    body = "LEBANON (AP) — A pathologist testified in the trial of an Ohio man, the Warren County prosecutor said."
    assert set(_dated("Prosecution rests in trial", body)) == {"US"}
    # A qualifier that names the country the dateline's name lies in is no American state.
    assert set(_dated("Talks resume", "TBILISI, Georgia (AP) — Officials met on Monday.")) == {"GE"}


def test_the_datelines_country_in_brackets_is_no_second_mention() -> None:
    found = _dated("Exode", "GORIS (Arménie), 28 sept 2023 (AFP) - Des réfugiés arrivent par milliers.")
    assert [m["source"] for m in found["AM"]] == ["dateline"]


@pytest.mark.parametrize(
    ("body", "office"),
    [
        # A town under the gazetteer's floor: the offices of American local government name the country.
        ("FALLS VILLAGE — The Board of Selectmen voted to repave Main Street, First Selectman Pat Mechare said.", "Selectmen"),
        ("Sheriff's deputies found the stolen truck near Pineville on Friday.", "Sheriff's deputies"),
        ("Councilwoman Amy Salay asked the school district to delay the vote.", "Councilwoman"),
        # A civil township by its name, in a story that names no country.
        ("Three Readington Township scouts earned the Eagle rank after a summer of trail work.", "Readington Township"),
        ("The Lower Merion Township board voted to widen the bridge.", "Lower Merion Township"),
    ],
)
def test_american_local_offices_name_the_united_states(body: str, office: str) -> None:
    result = locate(Story(id="o", headline="", body=body), "en")
    (country,) = result.countries
    assert country["iso2"] == "US"
    mentions: list[dict[str, object]] = country["mentions"]  # type: ignore[assignment]
    mention = next(m for m in mentions if m["source"] == "office")
    start, end = int(str(mention["start"])), int(str(mention["end"]))
    assert mention["text"] == office and body[start:end] == office


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A place of the United States or Canada is named: the offices add nothing.
        ("The Toronto board of education approved $2 million for the new school.", {"CA"}),
        ("Councilman Tim Lecklider said Ohio roads need work.", {"US"}),
        # Other countries' offices under their own names: a township, a state police, a city manager.
        ("Police in Soweto township said the state police would investigate, the city manager added.", {"ZA"}),
        # A township beside a named country is that country's (Ontario's, South Africa's).
        ("Zorra Township councillors in Ontario approved the budget.", {"CA"}),
        ("Residents of Alexandra Township in Johannesburg marched against power cuts.", {"ZA"}),
    ],
)
def test_offices_add_no_united_states_beside_its_places_or_to_other_countries(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries
