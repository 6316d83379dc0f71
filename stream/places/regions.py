"""Region catalog: UN M49 regions and news regions, loaded from ``regions.yaml``.

The file is user-editable. Every region has a kebab-case ``id`` (a bounded
metrics label), a display ``name``, a ``kind`` (``m49-region``,
``m49-subregion`` or ``news``), member ``countries`` (ISO 3166 alpha-2) and
optionally member ``places`` (curated gazetteer ids such as
``nagorno-karabakh``). A country or place may belong to many regions.

The optional top-level ``home`` mapping (region id -> countries) gives each
country the one region a story focused on it is filed under; these regions
partition the world for the focus (a country is listed at most once), and a
home assignment also makes the country a member of the region. Errors raise
:class:`~stream.errors.ConfigError` naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from stream.errors import ConfigError

__all__ = ["DEFAULT_REGIONS", "KINDS", "Region", "RegionCatalog", "load_regions"]

DEFAULT_REGIONS = Path(__file__).parent / "data" / "regions.yaml"
KINDS = ("m49-region", "m49-subregion", "news")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ISO2 = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True, slots=True)
class Region:
    id: str
    name: str
    kind: str
    countries: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True, slots=True)
class RegionCatalog:
    """Regions by id, with reverse indexes from country and place to region ids."""

    regions: dict[str, Region]
    by_country: dict[str, tuple[str, ...]]
    by_place: dict[str, tuple[str, ...]]
    home: dict[str, str]  # country -> its home (focus) region id
    home_regions: frozenset[str]  # every region that is some country's home

    def __contains__(self, region_id: object) -> bool:
        return region_id in self.regions

    def of_country(self, iso2: str) -> tuple[str, ...]:
        return self.by_country.get(iso2, ())


def _fail(path: Path, field: str, message: str) -> ConfigError:
    return ConfigError(message, file=str(path), field=field)


def _str_list(path: Path, field: str, value: object, pattern: re.Pattern[str], what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _fail(path, field, f"must be a list of {what}")
    for j, item in enumerate(value):
        if not isinstance(item, str) or not pattern.match(item):
            raise _fail(path, f"{field}[{j}]", f"{item!r} is not {what}")
    return list(value)


def _parse(path: Path, data: object) -> RegionCatalog:
    if not isinstance(data, dict) or not isinstance(data.get("regions"), list):
        raise _fail(path, "regions", "top level must be a mapping with a 'regions' list")
    regions: dict[str, Region] = {}
    for i, item in enumerate(data["regions"]):
        where = f"regions[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "must be a mapping")
        unknown = set(item) - {"id", "name", "kind", "countries", "places", "note"}
        if unknown:
            raise _fail(path, f"{where}.{sorted(unknown)[0]}", "unknown field")
        rid = item.get("id")
        if not isinstance(rid, str) or not _ID.match(rid):
            raise _fail(path, f"{where}.id", f"{rid!r} is not a kebab-case id")
        if rid in regions:
            raise _fail(path, f"{where}.id", f"duplicate region id {rid!r}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, f"{where}.name", "must be a non-empty string")
        kind = item.get("kind")
        if kind not in KINDS:
            raise _fail(path, f"{where}.kind", f"{kind!r} is not one of {', '.join(KINDS)}")
        countries = _str_list(path, f"{where}.countries", item.get("countries"), _ISO2, "an ISO 3166 alpha-2 code")
        places = _str_list(path, f"{where}.places", item.get("places"), _ID, "a kebab-case place id")
        if not countries and not places:
            raise _fail(path, f"{where}.countries", "a region needs at least one country or place")
        regions[rid] = Region(rid, name.strip(), kind, frozenset(countries), frozenset(places))
    home = _home(path, data.get("home"), regions)
    for iso, rid in home.items():
        region = regions[rid]
        if iso not in region.countries:
            regions[rid] = Region(region.id, region.name, region.kind, region.countries | {iso}, region.places)
    by_country: dict[str, list[str]] = {}
    by_place: dict[str, list[str]] = {}
    for region in regions.values():
        for c in sorted(region.countries):
            by_country.setdefault(c, []).append(region.id)
        for p in sorted(region.places):
            by_place.setdefault(p, []).append(region.id)
    return RegionCatalog(
        regions=regions,
        by_country={k: tuple(v) for k, v in by_country.items()},
        by_place={k: tuple(v) for k, v in by_place.items()},
        home=home,
        home_regions=frozenset(home.values()),
    )


def _home(path: Path, value: object, regions: dict[str, Region]) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _fail(path, "home", "must be a mapping of region id to a list of countries")
    home: dict[str, str] = {}
    for rid, countries in value.items():
        if rid not in regions:
            raise _fail(path, f"home.{rid}", f"{rid!r} is not a region id defined under 'regions'")
        for iso in _str_list(path, f"home.{rid}", countries, _ISO2, "an ISO 3166 alpha-2 code"):
            if iso in home:
                raise _fail(path, f"home.{rid}", f"{iso} already has home region {home[iso]!r}")
            home[iso] = str(rid)
    return home


@cache
def _load(path: Path) -> RegionCatalog:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read regions file: {exc.strerror}", file=str(path)) from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise ConfigError(f"invalid YAML: {exc}", file=str(path), line=line) from exc
    return _parse(path, data)


def load_regions(path: Path | None = None) -> RegionCatalog:
    """Load and validate a regions file (the shipped one by default); cached per path."""
    return _load(Path(path) if path is not None else DEFAULT_REGIONS)
