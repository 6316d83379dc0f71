"""Places: which countries, places and regions a story names, and which it is about.

``gazetteer`` loads the place names; ``geotag`` finds mentions with character offsets (``geomorph``
knows the inflections, ``dateline`` the story's dateline); ``focus`` scores what the story is about;
``regions`` maps countries to the regions alerts use. Data in ``data/`` (``curated.yaml`` is read
only by the gazetteer builder in :mod:`stream.build.gazetteer`).
"""

from stream.places.dateline import Dateline, find_dateline
from stream.places.gazetteer import Gazetteer, Place, load_gazetteer
from stream.places.geotag import GeoResult, Mention, locate
from stream.places.regions import DEFAULT_REGIONS, Region, RegionCatalog, load_regions

__all__ = [
    "DEFAULT_REGIONS",
    "Dateline",
    "Gazetteer",
    "GeoResult",
    "Mention",
    "Place",
    "Region",
    "RegionCatalog",
    "find_dateline",
    "load_gazetteer",
    "load_regions",
    "locate",
]
