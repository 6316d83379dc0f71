"""Country words used for a language or for Native Americans (stream/places/senses.py, stream/places/geotag.py)."""

from __future__ import annotations

import pytest

from stream.places.geotag import locate
from stream.places.senses import names_a_language, names_a_language_cyrillic, names_native_americans
from stream.story import Story
from stream.text.normalize import TokenStream


def _countries(body: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), "en").countries}


def _at(text: str, word: str) -> tuple[TokenStream, int]:
    ts = TokenStream.of(text)
    return ts, ts.texts.index(word)


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("The ad airs in English and Spanish, where it ran in January.", "spanish", True),
        ("The ad airs in English, French and Spanish.", "french", True),
        ("Spanish-speaking residents were not told.", "spanish", True),
        ("She teaches at a French immersion school.", "french", True),
        ("He spoke Arabic to the guards.", "arabic", True),
        ("The letter was translated into Russian by a clerk.", "russian", True),
        # A noun after it: the country's ("in French custody"), or the sentence broke before it.
        ("The suspect died in French custody.", "french", False),
        ("Investors put money in Spanish banks.", "spanish", False),
        ("Nobody spoke. French troops then crossed the border.", "french", False),
        ("French officials declined to comment.", "french", False),
    ],
)
def test_a_language(text: str, word: str, language: bool) -> None:
    ts, i = _at(text, word)
    assert names_a_language(ts, text, i, i) is language


@pytest.mark.parametrize(
    ("text", "word", "native"),
    [
        ("The culture is similar to that of American Indians, she said.", "indians", True),
        ("The valley was home to Caddo and Atakapa Indians for centuries.", "indians", True),
        ("The Indian reservation lies north of the town.", "indian", True),
        ("Indian troops crossed the line of control.", "indian", False),
        ("The Indian government raised tariffs.", "indian", False),
        ("Many Indians work in the Gulf states.", "indians", False),
    ],
)
def test_native_americans(text: str, word: str, native: bool) -> None:
    ts, i = _at(text, word)
    assert names_native_americans(ts, text, i, i, set()) is native


def test_the_geotagger_leaves_out_such_words() -> None:
    assert _countries("The ad is airing in South Florida in English and Spanish.") == {"US"}
    assert _countries("Underwood said the Maori are similar in history to American Indians.") == {"US"}  # not India
    assert _countries("The suspect, a French national, died in Spanish custody.") == {"FR", "ES"}


@pytest.mark.parametrize(
    ("text", "word", "language"),
    [
        ("Владеет английским и испанским языками.", "испанским", True),
        ("Он не знал в должной мере ни английского, ни испанского языка.", "испанского", True),
        ("Говорит на пяти языках — итальянском, французском, немецком и испанском.", "испанском", True),
        ("Фільм вийшов англійською та іспанською мовами.", "іспанською", True),
        # A noun of something else after it: the country's market, troops, side.
        ("Испанский рынок вырос, сообщил министр.", "испанский", False),
        ("Испанские войска вошли в город. Язык переговоров не изменился.", "испанские", False),
        # A list of languages ended by a full stop before "язык" names no language.
        ("Переговоры вели испанские дипломаты. Языки были разные.", "испанские", False),
    ],
)
def test_a_language_in_russian_and_ukrainian(text: str, word: str, language: bool) -> None:
    ts, i = _at(text, word)
    assert names_a_language_cyrillic(ts, text, i, i) is language


@pytest.mark.parametrize(
    ("lang", "body", "countries"),
    [
        ("ru", "Студенты читали стихи на чувашском, английском, немецком и французском языках.", set()),
        ("ru", "Испанский парламент одобрил закон.", {"ES"}),
        ("uk", "Документ опублікували англійською та французькою мовами.", set()),
    ],
)
def test_the_geotagger_leaves_out_cyrillic_language_adjectives(lang: str, body: str, countries: set[str]) -> None:
    assert {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), lang).countries} == countries
