"""regions.yaml loading and validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from stream.errors import ConfigError
from stream.places.regions import KINDS, load_regions


def test_shipped_catalog() -> None:
    catalog = load_regions()
    south = catalog.regions["south-caucasus"]
    assert south.countries == {"AM", "AZ", "GE"}
    assert {"nagorno-karabakh", "nakhchivan", "abkhazia", "south-ossetia"} <= south.places
    for rid in (
        "middle-east",
        "levant",
        "gulf",
        "maghreb",
        "sahel",
        "horn-of-africa",
        "balkans",
        "central-asia",
        "eastern-europe",
        "western-asia",
        "africa",
    ):
        assert rid in catalog
    assert "NO" in catalog.regions["northern-europe"].countries  # not YAML's boolean
    assert set(catalog.of_country("AZ")) >= {"south-caucasus", "western-asia", "asia"}
    assert all(r.kind in KINDS for r in catalog.regions.values())


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("regions:\n  - {id: South Caucasus, name: x, kind: news, countries: [AM]}\n", "regions[0].id"),
        ("regions:\n  - {id: a, name: '', kind: news, countries: [AM]}\n", "regions[0].name"),
        ("regions:\n  - {id: a, name: A, kind: continent, countries: [AM]}\n", "regions[0].kind"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM, arm]}\n", "regions[0].countries[1]"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [NO]}\n", "regions[0].countries[0]"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: AM}\n", "regions[0].countries"),
        (
            "regions:\n  - {id: a, name: A, kind: news, countries: [AM]}\n  - {id: a, name: B, kind: news, countries: [AZ]}\n",
            "regions[1].id",
        ),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM], colour: red}\n", "regions[0].colour"),
        ("regions:\n  - {id: a, name: A, kind: news}\n", "regions[0].countries"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM], places: [Karabakh]}\n", "regions[0].places[0]"),
        ("areas: []\n", "regions"),
    ],
)
def test_validation_errors_name_file_and_field(tmp_path: Path, text: str, field: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_regions(path)
    assert info.value.file == str(path)
    assert info.value.field == field
    assert str(path) in str(info.value) and field in str(info.value)


def test_yaml_syntax_error_names_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions:\n  - {id: a, name: [\n")
    with pytest.raises(ConfigError) as info:
        load_regions(path)
    assert info.value.file == str(path) and info.value.line is not None


def test_custom_regions_file_drives_focus(tmp_path: Path) -> None:
    from stream.places.geotag import locate
    from stream.story import Story

    path = _write(tmp_path, "regions:\n  - {id: caucasus-plus, name: Caucasus Plus, kind: news, countries: [AM, AZ, GE, RU]}\n")
    story = Story(id="r", headline="Armenia and Azerbaijan talk", body="Russia mediates.")
    result = locate(story, "en", regions_file=path)
    assert result.focus_region == "caucasus-plus"
    assert [r["id"] for r in result.regions] == ["caucasus-plus"]


def test_home_regions_partition_for_focus() -> None:
    catalog = load_regions()
    assert catalog.home["AZ"] == "south-caucasus"
    assert catalog.home["IL"] == "levant" and catalog.home["IR"] == "middle-east"
    # A home assignment makes the country a member even where M49 differs.
    assert "GB" in catalog.regions["western-europe"].countries
    assert "western-europe" in catalog.of_country("GB")


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM]}\nhome: [AM]\n", "home"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM]}\nhome: {b: [AM]}\n", "home.b"),
        ("regions:\n  - {id: a, name: A, kind: news, countries: [AM]}\nhome: {a: [am]}\n", "home.a[0]"),
        (
            "regions:\n  - {id: a, name: A, kind: news, countries: [AM]}\n"
            "  - {id: b, name: B, kind: news, countries: [AM]}\nhome: {a: [AM], b: [AM]}\n",
            "home.b",
        ),
    ],
)
def test_home_validation(tmp_path: Path, text: str, field: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_regions(path)
    assert info.value.field == field
