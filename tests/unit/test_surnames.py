"""Names of people and of their towns: a place name after a middle initial or before a verb of speech is a
surname; before a noun of its people ("a Miami man") it is a place (stream/places/geotag.py)."""

from __future__ import annotations

import pytest

from stream.places.gazetteer import load_gazetteer
from stream.places.geotag import locate
from stream.story import Story


def _countries(body: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), "en").countries}


@pytest.mark.parametrize(
    "body",
    [
        # A first name and a middle initial: Nelson (New Zealand) and its repetition alone.
        "The music was disrupting his peace, Capt. Roy A. Nelson said. Later Nelson told reporters more.",
        # A town's name before "said": McKinney (Texas) is the speaker.
        "The budget will be tight this year, McKinney said on Monday.",
    ],
)
def test_a_surname_is_no_place(body: str) -> None:
    assert _countries(body) == set()


@pytest.mark.parametrize(
    "body",
    [
        # Opening a sentence a word is capitalised anyway; a first name there still makes the name after it a
        # surname: Cosco is Cusco's (Peru) alternate name, Woodrow one of Anchorage's.
        "The mine last operated in 1990, Blair said. Kathy Cosco, spokeswoman for the agency, said the water was safe.",
        "They said the plan was drawn up without them. Patrick Woodrow, of the village, told the minister to act.",
        # The surname repeated alone is the same person's.
        "The mine closed. Kathy Cosco, a spokeswoman, spoke first. Later Cosco visited the site.",
    ],
)
def test_a_first_name_opening_a_sentence_makes_a_surname(body: str) -> None:
    assert _countries(body) == set()


def test_the_first_names_are_names_no_language_uses_as_a_frequent_word() -> None:
    names = load_gazetteer().first_names
    assert {"kathy", "patrick", "isabel", "irakli"} <= names
    # English "may", "said", "long", "young", "will", French "le": words in one language far above the others.
    assert not {"may", "said", "long", "young", "will", "le", "de"} & names


def test_a_word_opening_a_sentence_before_a_place_is_no_first_name() -> None:
    assert _countries("Hotels are full. Unlike Cusco, the capital Lima saw fewer visitors.") == {"PE"}


@pytest.mark.parametrize(
    ("body", "country"),
    [
        # A compass initial abbreviates the place's first word.
        ("Heavy rain Friday in Bluefield W. Virginia flooded roads.", "US"),
        # A capital speaks as its government.
        ("Moscow said the talks would resume next week.", "RU"),
        # After a preposition the town is the scene, not the speaker.
        ("Police in McKinney said the road was closed.", "US"),
    ],
)
def test_a_place_stays_a_place(body: str, country: str) -> None:
    assert country in _countries(body)


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A town's people named by it: the name is a place, as after "in" (Miami is also a frequent English word).
        ("A Miami man was sentenced on Friday.", {"US"}),
        ("Police said a Reading man was arrested.", {"GB"}),
        # A sentence's first word is capitalised anyway; a lower-case word is no name.
        ("Young men protested outside the court.", set()),
        ("He is a family man, his lawyer said.", set()),
    ],
)
def test_a_name_before_a_noun_of_its_people_is_a_place(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A part of the place named before it is no first name: the name stays a place.
        ("Storms hit homes across Northeast Ohio on Monday.", {"US"}),
        ("Flooding swept Southwest Florida and Central Texas.", {"US"}),
        ("Crime fell in Midtown Atlanta last year.", {"US"}),
        ("Farmers in Downstate Illinois lost their crops.", {"US"}),
        ("Historians wrote of Occupied Crimea.", {"UA"}),
        # The part's word is itself no place there: Indonesia's Metro.
        ("Metro Vancouver officials want more medicines returned to pharmacies.", {"CA"}),
    ],
)
def test_a_part_of_a_place_before_its_name(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Between a title and a surname even a country's sure name is a first name.
        ("Health Minister Salvador Illa said the campaign would begin on December 27.", set()),
        ("Foreign Minister Israel Katz said the talks had failed in Cairo.", {"EG"}),
        # The title's country named after the person stays.
        ("Prime Minister Benjamin Netanyahu of Israel said the talks had failed.", {"IL"}),
    ],
)
def test_a_country_name_between_a_title_and_a_surname_is_a_first_name(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


def test_an_abbreviated_title_ends_no_sentence() -> None:
    # "Sgt." before the first name: "Daniel Sakai" is a person, not Japan's Sakai, and so is "Sakai" repeated.
    body = "Killed were Sgt. Ervin Romans, 43, and Sgt. Daniel Sakai, 35. Romans, Sakai and the parolee died later."
    assert _countries(body) == set()


@pytest.mark.parametrize(
    ("lang", "body", "countries"),
    [
        # A first name that is a place only with support, then a town's name: both are the person's.
        ("es", "La diputada socialista Isabel Salazar presentó la propuesta. Salazar insistió en ella.", set()),
        ("en", "The first president, George Washington, issued a proclamation.", set()),
        # Such a first name before a compass initial: the initial is a middle name ("George W. Bush", not Bush,
        # Egypt), and so is the surname repeated.
        ("es", "El candidato de EEUU, George W. Bush, se sumó hoy. Bush reafirmó su oposición.", {"US"}),
        ("en", "Sheikh Hamad bin Jassim met the king in Doha. Hamad said the talks went well.", {"QA"}),
        # After "Abdul", "Abdel" ("servant of") the name is God's, in a person's name: no Turkish town Hamid.
        ("en", "In Cairo, keeper Ramzi Saleh replaced the error-prone Amir Abdul-Hamid.", {"EG"}),
        ("ru", "В Каире выступил Абдель Азиз.", {"EG"}),
        # Turkish "ABD" (the United States) in capitals is no "Abd": the name after it stays a place.
        ("tr", "ABD-Meksika sınırında gerginlik arttı.", {"US", "MX"}),
        ("tr", "ABD Irak'a yeni asker gönderdi.", {"US", "IQ"}),
        # A name after a kinship noun is a relative's; "Mother Russia", capitalised, is the country.
        ("en", "According to Polk's son, Trent, the Detroit company employs 60 people.", {"US"}),
        ("en", "Her daughter Paris moved to Lyon last year.", {"FR"}),
        ("en", "Poets still sing of Mother Russia.", {"RU"}),
        # A name after a monarch's title is the monarch's: no Elizabeth, New Jersey, no Rania, Iraq.
        ("en", "Queen Elizabeth opened parliament in London.", {"GB"}),
        ("en", "Queen Rania spoke at the forum in Amman.", {"JO"}),
        # A sure country's name stays; so does a title's place whole ("Prince Edward Island").
        ("en", "King Charles visited Kenya.", {"KE"}),
        ("en", "Prince Edward Island voters go to the polls.", {"CA"}),
        # English only: Spanish "son" is "are", French "son" "his".
        ("es", "Las ciudades más afectadas son Madrid y Barcelona.", {"ES"}),
        ("fr", "Il a quitté son Liban natal en 1990 pour Paris.", {"LB", "FR"}),
        # A compass word before a place is part of the place's name, no first name.
        ("en", "Storms hit South Charleston and East Texas overnight.", {"US"}),
        # After a preposition each is a place.
        ("es", "El tren viaja de Madrid a Lima.", {"ES", "PE"}),
    ],
)
def test_a_person_named_by_two_places(lang: str, body: str, countries: set[str]) -> None:
    assert {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), lang).countries} == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # "New" before a name the gazetteer does not know whole: an American namesake, not London or England.
        ("Ever since New London Police Chief Tom Cipolli made a public appeal, residents asked why.", set()),
        # An American reading of the name stays; a known "New" place is read whole (New England, the American region,
        # since stop 53); a headline's "New" is an adjective.
        ("Snow is expected across New England on Friday.", {"US"}),
        ("The crash happened near New Milford on Route 7, Connecticut police said.", {"US"}),
        ("He flew to New Delhi and then to London.", {"IN", "GB"}),
        ("New Paris attacks feared as police search for suspects.", {"FR"}),
    ],
)
def test_a_name_after_new(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # An American town's institutions: every bare mention of the name in the story is the town.
        ("Tuition to Paris High School was more than expected. Paris students will pay more.", set()),
        ("Paris PD: the gang initiation text is a rumor, Paris police said.", set()),
        # Read whole as "Alexandria City", the American town keeps its own reading; the bare name follows it.
        ("The gap in the Alexandria City Public Schools came up first. Alexandria voters will decide.", {"US"}),
        # A country's name where English would put its adjective: the American town.
        ("A new plea agreement is discussed for Elizabeth Fairfield, a Lebanon woman accused of murder.", set()),
        # Texas's independent school districts: no Palestine, and a school district is American local government.
        ("Palestine Independent School District coordinator Craig Harris will speak to parents.", {"US"}),
        # Foreign news keeps its countries.
        ("Israeli jets struck targets in Lebanon, a Lebanese official said.", {"LB", "IL"}),
        ("Students at a Paris school protested against the reform, French media said.", {"FR"}),
    ],
)
def test_an_american_namesake(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A church or a hospital the saint named, not the place bearing the saint's name (Vũng Tàu's old "St. James",
        # Newfoundland's St. John's).
        ("She is co-pastor of St. James United Methodist Church, where the service was held.", set()),
        ("Kim Day, president of St. John's Health System, said bad debts rose.", set()),
        # The place itself, and a school named after it.
        ("The ferry reached St. John's on Monday after the storm.", {"CA"}),
        ("He studied at St. Petersburg University for two years.", {"RU"}),
        # A church's dedication to two saints; the city after another one's name stays a city.
        ("The blast hit the church of St. Peter and St. Paul beside the cathedral in Cairo.", {"EG"}),
        ("The Twins flew from Minneapolis to St. Paul on Monday.", {"US"}),
    ],
)
def test_a_saints_church_or_hospital(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A place's airport named after a person: the capitalised words after the name end in a facility's noun.
        ("A Boeing 737 crashed taking off from Tehran Imam Khomeini International Airport, killing 176.", {"IR"}),
        ("Flights left Paris Charles de Gaulle Airport late on Friday.", {"FR"}),
        # A person's name stays one.
        ("Paris Hilton arrived at the party on Friday.", set()),
    ],
)
def test_a_facility_named_after_a_person(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A region named with a compass word needs support: American speech has its own Northland and Southland.
        ("He works the overnight shift at a Northland packing facility near the river.", set()),
        # With New Zealand named, it is New Zealand's region.
        ("Floods closed roads across Northland, New Zealand's police said.", {"NZ"}),
    ],
)
def test_a_compass_land_needs_support(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("body", "country"),
    [
        # An office named after its state, with no article before it, is no person called "Illinois Department".
        ("Roselle police received grant money from Illinois Department of Transportation.", "US"),
        ("Officers from Texas Department of Public Safety closed the highway.", "US"),
        ("Funding came from Ontario Ministry of Health, officials said.", "CA"),
    ],
)
def test_an_office_named_after_a_place_is_no_person(body: str, country: str) -> None:
    assert _countries(body) == {country}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # Agency sports copy writes players with one initial: Vaughan (Ontario) and Cork (Ireland) are surnames.
        ("At Headingley: Yorkshire 305-5 (C. White 66 not out, M. Vaughan 57) v Lancashire.", {"GB"}),
        ("To bat: R. Croft, D. Cork, A. Mullally.", set()),
        # A compass initial abbreviates the place's first word; a dotted abbreviation's last letter is no initial.
        ("Flooding closed roads in W. Virginia on Monday.", {"US"}),
        ("The U.K. Paris office will close.", {"GB", "FR"}),
        # A run of initials is a person's too ("J.M. Barrie": no town of Ontario), where a compass run is a quarter.
        ("The ballet is based on the book by J.M. Barrie, the company said.", set()),
        ("Fire damaged a S.E. Paris apartment.", {"FR"}),
        ("Flights from Washington D.C. Paris hub resumed.", {"US", "FR"}),
    ],
)
def test_a_lone_initial_before_a_name_makes_a_person(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries


@pytest.mark.parametrize(
    ("lang", "body", "countries"),
    [
        # Agency sports copy gives a player's country in brackets: Surin (a Thai city and province) and Kulti (India)
        # are surnames there.
        ("en", "8. Bruny Surin (Canada) 10.30, 9. Nicklas Kulti (Sweden) 10.41", {"CA", "SE"}),
        # A town's country in brackets picks its reading, and another country's town of that name is none.
        ("en", "Floods hit Córdoba (Argentina) on Monday.", {"AR"}),
        ("es", "Los ministros llegaron hoy a Florencia (Italia) para la cumbre.", {"IT"}),
        # A province after a lower-case word keeps its own country beside the bracket's.
        ("en", "Tensions in Crimea (Russia) rose.", {"UA", "RU"}),
    ],
)
def test_a_country_in_brackets_after_a_town_says_which_it_is(lang: str, body: str, countries: set[str]) -> None:
    assert {str(c["iso2"]) for c in locate(Story(id="b", headline="", body=body), lang).countries} == countries


def test_a_name_after_crickets_caught_or_bowled_is_a_players() -> None:
    # Cork (Ireland) bowled and caught; the surname repeated alone is the player's, "in Cork" the city.
    body = (
        "Pakistan first innings: Saeed Anwar c Croft b Cork 176, Aamir Sohail c Cork b Croft 46. "
        "Bowling: Croft 29-6-64-1, Cork 14.3-4-45-1."
    )
    assert _countries(body) == {"PK"}
    assert _countries(body + " Rain in Cork stopped the Irish match.") == {"PK", "IE"}


@pytest.mark.parametrize(
    ("body", "countries"),
    [
        # A club's word before its home city: no person called Madrid, so the dateline stays the city's.
        ("MADRID 1996-08-30\nDeportivo Coruna will be without Mauro Silva for the game with Real Madrid.", {"ES"}),
        ("Red Star Belgrade beat Spartak Moscow 2-1 on Wednesday.", {"RS", "RU"}),
        # The club is its home's evidence on its own, weighed as a club's.
        ("Real Madrid win the Champions League.", {"ES"}),
    ],
)
def test_a_club_named_after_its_city_is_no_person(body: str, countries: set[str]) -> None:
    assert _countries(body) == countries
