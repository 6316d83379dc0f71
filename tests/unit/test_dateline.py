"""Datelines in several languages and scripts."""

from __future__ import annotations

import pytest

from stream.places.dateline import find_dateline
from stream.places.geotag import locate
from stream.story import Story


@pytest.mark.parametrize(
    ("body", "place", "iso"),
    [
        ("BAKU, Oct 8 (Reuters) - Officials said talks would resume.", "BAKU", "AZ"),
        ("MOSCOW — The ministry said on Tuesday.", "MOSCOW", "RU"),
        ("موسكو - قالت الوزارة إن المحادثات ستستأنف.", "موسكو", "RU"),
        ("ANKARA (AA) - Bakanlık açıklama yaptı.", "ANKARA", "TR"),
        ("ЕРЕВАН, 8 окт — РИА Новости. Министерство сообщило.", "ЕРЕВАН", "AM"),
        ("Bakü (AA) - Bakanlık açıklama yaptı.", "Bakü", "AZ"),
        ("PARIS (AFP) - Le ministère a indiqué.", "PARIS", "FR"),
        ("TBILISI, Oct. 8 /TASS/. The government said.", "TBILISI", "GE"),
        ("МОСКВА. Патриарх совершил богослужение.", "МОСКВА", "RU"),
        # A hyphen inside a name is not the dateline dash.
        ("НИЖНИЙ НОВГОРОД. Завод выпустил новую партию автобусов.", "НИЖНИЙ НОВГОРОД", "RU"),
        ("САНКТ-ПЕТЕРБУРГ. Мост развели на час позже обычного.", "САНКТ-ПЕТЕРБУРГ", "RU"),
        # Arabic-script comma before the date.
        ("تهران، ۲ مهر (ایرنا) - وزارت نیرو اعلام کرد.", "تهران", "IR"),
        ("القاهرة، 5 مايو (رويترز) - قالت الوزارة إن الميناء مفتوح.", "القاهرة", "EG"),
        # AFP names the country of a small place in brackets.
        ("GYUMRI (Arménie), 3 mai (AFP) - Le maire a annoncé des travaux.", "GYUMRI", "AM"),
    ],
)
def test_dateline(body: str, place: str, iso: str) -> None:
    story = Story(id="d", headline="Talks", body=body)
    dl = find_dateline(story)
    assert dl is not None and dl.text == place
    assert story.text[dl.start : dl.end] == place
    result = locate(story)
    assert result.focus_country == iso
    assert result.countries[0]["mentions"][0]["source"] == "dateline"  # type: ignore[index]


def test_ordinary_opening_is_not_a_dateline() -> None:
    assert find_dateline(Story(id="d", headline="x", body="Officials said - nothing more.")) is None
    assert find_dateline(Story(id="d", headline="x", body="Paris. It was a long day.")) is None


def test_dateline_supports_ambiguous_name() -> None:
    story = Story(id="d", headline="Talks", body="AMMAN, Oct 8 (Reuters) - Jordan said the border stays open.")
    result = locate(story, "en")
    assert result.countries[0]["iso2"] == "JO"
    assert len(result.countries[0]["mentions"]) == 2  # type: ignore[arg-type]
