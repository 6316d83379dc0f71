"""Place names that are a person's surname in English: after a middle initial, or before a verb of speech
(stream/places/geotag.py)."""

from __future__ import annotations

import pytest

from stream.places.geotag import locate
from stream.story import Story


def _countries(body: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), "en").countries}


@pytest.mark.parametrize(
    "body",
    [
        # A first name and a middle initial: Nelson (New Zealand) and its repetition alone.
        "The music was disrupting his peace, Capt. Roy A. Nelson said. Later Nelson told reporters more.",
        # A town's name before "said": McKinney (Texas) is the speaker.
        "The budget will be tight this year, McKinney said on Monday.",
    ],
)
def test_a_surname_is_no_place(body: str) -> None:
    assert _countries(body) == set()


@pytest.mark.parametrize(
    ("body", "country"),
    [
        # A compass initial abbreviates the place's first word.
        ("Heavy rain Friday in Bluefield W. Virginia flooded roads.", "US"),
        # A capital speaks as its government.
        ("Moscow said the talks would resume next week.", "RU"),
        # After a preposition the town is the scene, not the speaker.
        ("Police in McKinney said the road was closed.", "US"),
    ],
)
def test_a_place_stays_a_place(body: str, country: str) -> None:
    assert country in _countries(body)
