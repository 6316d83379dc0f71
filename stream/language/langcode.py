"""Language codes: the supported-language table and normalisation of provider tags.

Wire providers tag stories as "AR", "ar-SA", "en_GB", "ara", "arb" or even
"Arabic"; :func:`normalize_code` maps all of these to wirewatch's code
(ISO 639-1 where one exists, else ISO 639-3) or ``None`` when the tag names
no language.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import NamedTuple

__all__ = ["Language", "languages", "languages_for_script", "normalize_code", "same_language"]

_TABLE = Path(__file__).parent / "data" / "languages.tsv"

# Retired or individual-language codes that providers still send, mapped to
# the code the detector reports (macrolanguages fold into their main member).
_LEGACY = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "jw": "jv",
    "mo": "ro",
    "nb": "no",
    "nn": "no",
    "nob": "no",
    "nno": "no",
    "arb": "ar",
    "arz": "ar",
    "apc": "ar",
    "ary": "ar",
    "cmn": "zh",
    "yue": "zh",
    "pes": "fa",
    "prs": "fa",
    "zsm": "ms",
    "kmr": "ku",
    "uzn": "uz",
    "azj": "az",
    "ekk": "et",
    "lvs": "lv",
    "swh": "sw",
    "khk": "mn",
    "pbu": "ps",
    "pbt": "ps",
    "fil": "tl",
    "sh": "sr",
    "hbs": "sr",
}
# Detector codes that count as agreeing with a provider's broader tag.
_EQUIVALENT = {frozenset({"ku", "ckb"})}
_SPLIT = re.compile(r"[-_.@\s]+")


class Language(NamedTuple):
    """One row of the supported-language table."""

    code: str
    name: str
    scripts: tuple[str, ...]


@cache
def languages() -> tuple[Language, ...]:
    """Every language the detector can report, sorted by code."""
    rows: list[Language] = []
    for line in _TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, name, scripts = line.split("\t")
        rows.append(Language(code, name, tuple(scripts.split(","))))
    return tuple(sorted(rows, key=lambda r: r.code))


@cache
def languages_for_script(script: str) -> frozenset[str]:
    return frozenset(lang.code for lang in languages() if script in lang.scripts)


@cache
def _by_name() -> dict[str, str]:
    table = {lang.name.casefold(): lang.code for lang in languages()}
    for lang in languages():
        table.setdefault(lang.name.split(" (")[0].casefold(), lang.code)
    return table


@cache
def normalize_code(tag: str | None) -> str | None:
    """Wirewatch code for a provider language tag, ``None`` when it names no language."""
    if not tag or not isinstance(tag, str):
        return None
    text = tag.strip()
    if not text:
        return None
    named = _by_name().get(text.casefold())
    if named:
        return named
    primary = _SPLIT.split(text)[0].casefold()
    if primary in _LEGACY:
        return _LEGACY[primary]
    if len(primary) == 2 and primary.isascii() and primary.isalpha():
        return primary
    if len(primary) == 3 and primary.isascii() and primary.isalpha():
        return _from_alpha3(primary)
    return None


def _from_alpha3(code: str) -> str | None:
    import pycountry

    lang = pycountry.languages.get(alpha_3=code)
    if lang is None:
        # ISO 639-2/B codes such as "ger", "fre", "arm", "geo", "per".
        try:
            lang = pycountry.languages.lookup(code)
        except LookupError:
            return None
    alpha2 = getattr(lang, "alpha_2", None)
    return str(alpha2) if alpha2 else code


def same_language(detected: str, provider: str) -> bool:
    """True when the detected code and the provider's normalised code name the same language."""
    return detected == provider or frozenset({detected, provider}) in _EQUIVALENT
