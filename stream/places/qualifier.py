"""A place name qualified by its state or province: "ATHENS, Ga. (AP)", "Paris, Texas", "London, Ontario".

English news names a town outside the capital cities' fame with its state after a comma, and AP's
datelines do so in the stylebook's abbreviations ("BELGRADE, Minn. --", "KANSAS CITY, Kan. (AP)"). Many
American and Canadian towns bear the names of foreign capitals and countries (Athens, Paris, Alexandria,
Lebanon, Palestine, London, Dublin), so without the qualifier the gazetteer reads the foreign place, and
the story is filed under Greece. The qualifier decides: the name is a place of the qualifier's country.

Only two kinds of qualifier count, both specific to this use:

* an abbreviation of a US state, AP's ("Ga.", "Minn.", "W.Va.", "N.Y.") or the postal code in capitals
  ("GA"), or of a Canadian province, the Canadian Press's ("Sask.", "Man.", "P.E.I."), right after "<name>, ";
* the full name of a first-level division of a country whose press writes so (:data:`QUALIFYING`): the
  United States, Canada, Australia, the United Kingdom ("Paris, Texas", "London, Ontario", "Perth,
  Scotland"), itself read in the story as that division and as no country ("Georgia" is both: "Moscow,
  Georgia and Ukraine" is a list).

A country's name is no qualifier: "France, Germany and Italy" lists countries.

Two more American signs of a state are read here: an AP abbreviation used as a headline's adjective ("Fla. economist
casts doubt": :func:`state_adjectives`), and a US county ("Laurel County", "Avoyelles Parish": :func:`counties`, the
table built by :mod:`stream.build.counties`), which local news names where a wire story names the state.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

__all__ = [
    "COUNTY_NOUNS",
    "PROVINCES",
    "QUALIFYING",
    "US_STATES",
    "abbreviations",
    "counties",
    "county_lists",
    "state_abbreviation",
    "state_adjectives",
]

#: Countries whose first-level divisions qualify a place name before them.
QUALIFYING = frozenset({"US", "CA", "AU", "GB"})

_AP = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota", "Tenn.": "Tennessee",
    "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "District of Columbia",
}  # fmt: skip
_POSTAL = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "District of Columbia",
}  # fmt: skip
#: AP abbreviation or postal code -> the state's name (the gazetteer's form of it).
US_STATES: dict[str, str] = _AP | _POSTAL

#: The Canadian Press's abbreviations of provinces ("MELVILLE, Sask.", "Churchill, Man.") -> the province's name.
#: Not "Que.": the gazetteer has Quebec the city, not the province.
PROVINCES: dict[str, str] = {
    "Ont.": "Ontario", "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan",
    "Man.": "Manitoba", "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "Nfld.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
}  # fmt: skip
_ABBREVIATIONS = US_STATES | PROVINCES

# ", Ga." / ", W.Va." / ", N.Y." / ", P.E.I." / ", GA" right after the name; a postal code is a whole word in capitals.
_AFTER = re.compile(r",[ \t]*([A-Z]\.[A-Z]\.[A-Z]\.|[A-Z]\.[A-Z][a-z]?\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}(?![^\W_]))")


def state_abbreviation(text: str, end: int) -> tuple[str, int, int] | None:
    """The US state or Canadian province an abbreviation right after ``text[:end]`` names: (its name, its start, its
    end), or None."""
    m = _AFTER.match(text, end, end + 12)
    if m is None:
        return None
    state = _ABBREVIATIONS.get(m.group(1))
    return (state, m.start(1), m.end(1)) if state is not None else None


def abbreviations(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Every state or province abbreviation after a capitalised word and a comma ("Cross City, Fla."): (its
    name, its start, its end, the comma's offset)."""
    for m in _AFTER.finditer(text):
        name = _ABBREVIATIONS.get(m.group(1))
        comma = m.start()
        word = comma
        while word > 0 and (text[word - 1].isalpha() or text[word - 1] in ".'’-"):
            word -= 1
        if name is not None and word < comma and text[word].isupper():
            yield name, m.start(1), m.end(1), comma


# AP abbreviations that are no English word, title or name when capitalised: not "Ga.", "Ill.", "Ind.", "La.",
# "Mass.", "Miss.", "Mo.", "Pa.", "Wash.", "Del.", "Me.".
_ADJECTIVAL = frozenset(
    [
        *("Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Fla.", "Kan.", "Kans.", "Ky.", "Md.", "Mich."),
        *("Minn.", "Mont.", "Neb.", "Nebr.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla."),
        *("Ore.", "R.I.", "S.C.", "S.D.", "Tenn.", "Tex.", "Vt.", "W.Va.", "Wis.", "Wyo."),
    ]
)
# A full stop before a lower-case word, where one of them ends ("Fla. economist"): the stop is found first and the
# abbreviation read back from it (an alternation of the abbreviations, or a look-behind, was tried at every position
# of the text: 23 to 60 us a story).
_STOP_BEFORE_LOWER = re.compile(r"\.(?= [a-z])")
_OPENERS = frozenset(" \t\n\"'“‘(")
_ADJECTIVE_SIZES = sorted({len(a) for a in _ADJECTIVAL})


def state_adjectives(text: str) -> Iterator[tuple[str, int, int, int]]:
    """Every AP state abbreviation used as an adjective, as headlines do ("Fla. economist", "Calif. wildfire"): (the
    state's name, its start, its end, -1), as :func:`abbreviations` gives them (no comma). It starts the text or
    follows a space, a quote or a parenthesis."""
    for m in _STOP_BEFORE_LOWER.finditer(text):
        end = m.end()
        for size in _ADJECTIVE_SIZES:
            start = end - size
            if start >= 0 and text[start:end] in _ADJECTIVAL and (start == 0 or text[start - 1] in _OPENERS):
                yield _AP[text[start:end]], start, end, -1
                break


#: The nouns that end a US county's name: County, and Louisiana's Parish and Alaska's Borough.
COUNTY_NOUNS = ("County", "Parish", "Borough")
_COUNTIES_FILE = Path(__file__).parent / "data" / "counties.tsv"
# Up to three capitalised words before the noun ("Prince George's County", "St. Louis County", "DeKalb County").
_WORD = re.compile(r"\S+")
_COUNTY = re.compile(r"((?:[A-Z][\w'’.-]*[ \t]+){1,4})(County|Parish|Borough)(?![^\W_])")
# Counties listed before the plural noun: "Clarke, Madison, Oconee and Oglethorpe counties", "Barrow and Jackson
# counties". Each item is up to three capitalised words; the list needs "and" (or "&") before its last item.
_ITEM = r"[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}"
_COUNTY_LIST = re.compile(
    rf"({_ITEM}(?:,[ \t]+{_ITEM})*,?[ \t]+(?:and|&)[ \t]+{_ITEM})[ \t]+(counties|parishes|Counties|Parishes)(?![^\W_])"
)
_LIST_ITEM = re.compile(_ITEM)
_PLURALS = {"counties": "County", "parishes": "Parish"}


@cache
def _counties() -> dict[str, tuple[tuple[str, ...], bool]]:
    """County name -> (the states that have one of that name, whether a British or an Irish subdivision bears its
    name: ``python -m stream.build.counties``)."""
    table: dict[str, tuple[tuple[str, ...], bool]] = {}
    for line in _COUNTIES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, states, elsewhere = line.split("\t")
            table[name] = (tuple(states.split(",")), bool(elsewhere))
    return table


def counties(text: str) -> Iterator[tuple[tuple[str, ...], int, int, bool]]:
    """Every US county named in ``text`` ("Laurel County", "Avoyelles Parish"): (the states that have a county of
    that name, its start, its end, whether the name is a British or an Irish county's too: "Kent County"). The longest
    run of capitalised words before the noun that names a county wins: "and Laurel County" is Laurel County."""
    for m in _COUNTY.finditer(text):
        named = _county_named(m.group(1), m.group(2))
        if named is not None:
            found, at, _name = named
            yield found[0], m.start(1) + at, m.end(2), found[1]


def _county_named(run: str, noun: str) -> tuple[tuple[tuple[str, ...], bool], int, str] | None:
    """The county a run of capitalised words and a county noun name: the longest tail of the run that does
    ("and Laurel" + "County" is Laurel County), with that tail's offset in ``run`` and the county's name."""
    table = _counties()
    for word in _WORD.finditer(run):
        name = " ".join([*run[word.start() :].split(), noun])
        found = table.get(name)
        if found is not None:
            return found, word.start(), name
    return None


def county_lists(text: str) -> Iterator[tuple[tuple[str, ...], int, int, bool, str]]:
    """Every US county named in a list before the plural noun ("Clarke, Madison, Oconee and Oglethorpe counties"):
    as :func:`counties`, over the item's own span, and the county's name ("Clarke County") last. Local papers list
    their area's counties so where a wire story names the state. An item no county bears is skipped; its longest
    tail that is a county's name counts ("The Barrow" is Barrow)."""
    for m in _COUNTY_LIST.finditer(text):
        noun = _PLURALS[m.group(2).lower()]
        for item in _LIST_ITEM.finditer(m.group(1)):
            named = _county_named(item.group(), noun)
            if named is not None:
                found, at, name = named
                yield found[0], m.start(1) + item.start() + at, m.start(1) + item.end(), found[1], name
