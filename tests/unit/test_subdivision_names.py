"""First-level subdivisions named in the story's language (stream/build/gazetteer.py, pycountry's ISO 3166-2
translations): a Russian story says Калифорния, a German one Kalifornien, a Georgian one იმერეთი."""

from __future__ import annotations

import pytest

from stream.places.geotag import locate
from stream.story import Story


def _countries(body: str, lang: str) -> set[str]:
    return {str(c["iso2"]) for c in locate(Story(id="s", headline="", body=body), lang).countries}


@pytest.mark.parametrize(
    ("lang", "body", "countries"),
    [
        ("ru", "Лесные пожары в Калифорнии уничтожили сотни домов.", {"US"}),
        ("ru", "Губернатор Техаса подписал закон.", {"US"}),
        # The state's whole name, not the Channel Island inside it.
        ("ru", "Компьютеры военной базы в штате Нью-Джерси вышли из строя.", {"US"}),
        ("ru", "Наводнение в Баварии и Ломбардии.", {"DE", "IT"}),
        ("ru", "Бои шли в Шушинском районе.", {"AZ"}),
        # A state named like a smaller foreign town outranks it, declined too (Virginia, Free State).
        ("ru", "В Вирджинии скончался король Руанды в изгнании.", {"US", "RW"}),
        ("uk", "Пожежа в Каліфорнії знищила ліс.", {"US"}),
        ("de", "Das Feuer in Kalifornien wütet seit Tagen.", {"US"}),
        ("fr", "Des orages ont frappé la Bavière.", {"DE"}),
        ("tr", "Kaliforniya'da orman yangını sürüyor.", {"US"}),
        ("ka", "იმერეთში წყალდიდობაა.", {"GE"}),
        # The United Kingdom's nations, which ISO 3166-2 names in English only (curated.yaml).
        ("ru", "В Шотландии и Уэльсе прошли выборы, в Англии их перенесли.", {"GB"}),
        ("fr", "Des tempêtes ont frappé l'Écosse et le pays de Galles.", {"GB"}),
        ("es", "Las elecciones en Irlanda del Norte se celebran en mayo.", {"GB"}),
    ],
)
def test_a_subdivision_named_in_the_story_language_names_its_country(lang: str, body: str, countries: set[str]) -> None:
    assert _countries(body, lang) == countries


@pytest.mark.parametrize(
    ("lang", "body"),
    [
        # A French name of South Sudan's Unity State is the union Unite in English.
        ("en", "Members of Unite voted to strike, Unite said on Monday."),
        # Generic names ("Western", "Central" provinces) are words in Russian.
        ("ru", "Центральный банк снизил ставку, сообщил западный аналитик."),
    ],
)
def test_a_translated_name_that_is_a_word_needs_support(lang: str, body: str) -> None:
    assert _countries(body, lang) == set()
