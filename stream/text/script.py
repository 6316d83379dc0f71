"""Text cleaning and Unicode-script segmentation for language identification.

Statistical detectors are confused by what wire copy carries besides prose
(HTML remnants, URLs, bylines, agency tags) and some of them raise on control
characters, so :func:`clean` removes all of that first. :func:`segment` then
groups the words of the cleaned text by writing system: many languages are
settled by their script alone, and a story quoting another script yields one
group per script, which is how mixed-language shares are measured.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["UNIQUE_SCRIPT_LANGUAGE", "ScriptGroup", "clean", "script_of", "segment"]

# (first code point, last code point, script). Only letters matter here:
# punctuation and digits never reach script_of() because segment() only
# looks at word-initial letters.
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latin"),
    (0x0061, 0x007A, "Latin"),
    (0x00AA, 0x00AA, "Latin"),
    (0x00BA, 0x00BA, "Latin"),
    (0x00C0, 0x02AF, "Latin"),
    (0x02B0, 0x02FF, "Latin"),  # modifier letters such as the Uzbek okina
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0700, 0x074F, "Syriac"),
    (0x0750, 0x077F, "Arabic"),
    (0x0780, 0x07BF, "Thaana"),
    (0x08A0, 0x08FF, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0980, 0x09FF, "Bengali"),
    (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"),
    (0x0B00, 0x0B7F, "Oriya"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"),
    (0x0C80, 0x0CFF, "Kannada"),
    (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"),
    (0x1000, 0x109F, "Myanmar"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, "Hangul"),
    (0x1200, 0x139F, "Ethiopic"),
    (0x1780, 0x17FF, "Khmer"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1C90, 0x1CBF, "Georgian"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0x2C60, 0x2C7F, "Latin"),
    (0x2D00, 0x2D2F, "Georgian"),
    (0x2D80, 0x2DDF, "Ethiopic"),
    (0x2DE0, 0x2DFF, "Cyrillic"),
    (0x3040, 0x30FF, "Kana"),
    (0x3130, 0x318F, "Hangul"),
    (0x31F0, 0x31FF, "Kana"),
    (0x3400, 0x4DBF, "Han"),
    (0x4E00, 0x9FFF, "Han"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0xA720, 0xA7FF, "Latin"),
    (0xA960, 0xA97F, "Hangul"),
    (0xAC00, 0xD7FF, "Hangul"),
    (0xF900, 0xFAFF, "Han"),
    (0xFB00, 0xFB06, "Latin"),
    (0xFB13, 0xFB17, "Armenian"),
    (0xFB1D, 0xFB4F, "Hebrew"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
    (0xFF21, 0xFF3A, "Latin"),
    (0xFF41, 0xFF5A, "Latin"),
    (0xFF66, 0xFF9F, "Kana"),
    (0x20000, 0x3134F, "Han"),
)
_STARTS = [r[0] for r in _RANGES]

# Scripts used by exactly one language that the detector reports. Devanagari,
# Ethiopic and Han are not here: each is shared and needs an engine or a rule.
UNIQUE_SCRIPT_LANGUAGE: dict[str, str] = {
    "Armenian": "hy",
    "Georgian": "ka",
    "Greek": "el",
    "Hangul": "ko",
    "Kana": "ja",
    "Thai": "th",
    "Lao": "lo",
    "Khmer": "km",
    "Myanmar": "my",
    "Tibetan": "bo",
    "Thaana": "dv",
    "Bengali": "bn",
    "Gurmukhi": "pa",
    "Gujarati": "gu",
    "Oriya": "or",
    "Tamil": "ta",
    "Telugu": "te",
    "Kannada": "kn",
    "Malayalam": "ml",
    "Sinhala": "si",
    "Syriac": "syr",
}

# Control, format (bidi marks, zero-width space, BOM), private-use and
# surrogate code points: pycld2 raises on several of them and none carries
# language. ZWNJ/ZWJ (U+200C/D) stay because Persian and Indic words use them.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b\u200e\u200f"
    "\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff\ud800-\udfff\ue000-\uf8ff\ufdd0-\ufdef]"
)
_TAG = re.compile(r"<[^<>]{0,300}>")
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)\S+", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)[@#]\w+")
_AGENCY = re.compile(
    r"\((?:Reuters|AP|AFP|dpa|ANSA|EFE|Xinhua|Anadolu|AA|TASS|ТАСС|Интерфакс|РИА Новости|IRNA|WAFA|SANA"
    r"|Yonhap|Kyodo|Bloomberg|UPI|PTI|ANI|APA|Trend|Armenpress|News\.am)\)",
    re.IGNORECASE,
)
# A byline is a short line that starts with "By", or its equivalent, followed
# by a name; only whole lines are removed so prose starting with "By" survives.
_BYLINE = re.compile(
    r"^[ \t]*(?:by|par|von|por|di|door|av|od|от|автор|بقلم|կողմից)[ \t]+([^\n.!?]{1,60})$",
    re.IGNORECASE | re.MULTILINE,
)
# Lowercase words a byline's names may hold ("John Smith and Jane Doe", "Ursula von der Leyen").
_NAME_JOINERS = frozenset(
    ["and", "und", "et", "y", "e", "i", "и", "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "dos", "del"]
)


def _byline(match: re.Match[str]) -> str:
    """A matched line goes only when what follows the marker reads as names: in a cased script, words starting with
    a capital, or joining names. The markers are everyday prepositions too ("door zijn", "od ponedjeljka", "di
    governo"), and a headline starting with one is kept."""
    cased = [w for w in match.group(1).split() if w[0].lower() != w[0].upper()]
    if cased and (cased[0][0].islower() or any(w[0].islower() and w.lower() not in _NAME_JOINERS for w in cased)):
        return match.group(0)
    return " "


_DIGITS = re.compile(r"[\d_]+")
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0dff"
    "\u0e31-\u0e4e\u0eb1-\u0ecd\u0f18-\u0fbc\u102b-\u103e\u17b4-\u17d3\u200c\u200d\u3099\u309a"
)
_WORD = re.compile(rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}]|['’ʼʻ‘](?=[^\W\d_]))*")


def clean(text: str) -> str:
    """Return ``text`` without markup, links, bylines, digits and control characters, NFC-normalised."""
    if not text:
        return ""
    text = _CONTROL.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
        text = _CONTROL.sub(" ", text)
    if "://" in text or "www." in text.lower():
        text = _URL.sub(" ", text)
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    if "@" in text or "#" in text:
        text = _HANDLE.sub(" ", text)
    if "(" in text:
        text = _AGENCY.sub(" ", text)
    text = _BYLINE.sub(_byline, text)
    text = _DIGITS.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    if _MIXED_CYRILLIC.search(text):
        text = _MIXED_WORD.sub(_to_cyrillic, text)
    return " ".join(text.split())


# Latin letters that look like Cyrillic ones, typed inside Cyrillic words by a keyboard left on Latin (NTREX's
# Serbian file writes "плaн" and "дoбaвљaчa" with Latin a and o): in such a word they are read as the Cyrillic
# letters they stand for, or the word reads as no language at all (Latin i as the Ukrainian і, j as Serbian ј).
_LOOKALIKES = "aceijopxyABCEHIJKMOPTXY"
_LOOKALIKE = str.maketrans(_LOOKALIKES, "асеіјорхуАВСЕНІЈКМОРТХУ")
_MIXED_CYRILLIC = re.compile(r"[\u0400-\u04ff][a-zA-Z]|[a-zA-Z][\u0400-\u04ff]")
# A word with at least one Cyrillic letter and some Latin lookalikes; the substitution keeps the word only when
# its other Latin letters are lookalikes too (a brand such as "Wildберрис" mixes on purpose and stays).
_MIXED_WORD = re.compile(r"\w*[\u0400-\u04ff]\w*")


def _to_cyrillic(match: re.Match[str]) -> str:
    word = match.group()
    latin = [ch for ch in word if "a" <= ch <= "z" or "A" <= ch <= "Z"]
    if not latin or any(ch not in _LOOKALIKES for ch in latin) or len(latin) * 2 > len(word):
        return word
    return word.translate(_LOOKALIKE)


def script_of(char: str) -> str:
    """Unicode script of one letter, "Other" when the detector has no use for it."""
    cp = ord(char)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0 and cp <= _RANGES[i][1]:
        return _RANGES[i][2]
    return "Other"


@dataclass(frozen=True, slots=True)
class ScriptGroup:
    """The words of one script in a text (space-joined) and how many letters they hold."""

    script: str
    text: str
    letters: int


def _letters_outside(script: str) -> re.Pattern[str]:
    ranges = "".join(f"{chr(a)}-{chr(b)}" for a, b, s in _RANGES if s == script)
    return re.compile(f"[^\\W\\d_{ranges}{_MARKS}]")


_OUTSIDE = {s: _letters_outside(s) for s in {r[2] for r in _RANGES}}
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")


def segment(text: str) -> list[ScriptGroup]:
    """Group the words of cleaned ``text`` by script, the group with most letters first.

    Han characters join a Kana group (Japanese) or a Hangul group (Korean
    with hanja) when the text has one, so they are not reported as Chinese.
    """
    first = _FIRST_LETTER.search(text)
    if first is None:
        return []
    script = script_of(first.group())
    outside = _OUTSIDE.get(script)
    if outside is not None and outside.search(text) is None:
        # The common case, one script throughout: no per-word pass needed.
        # Letters approximated as non-space characters: clean() already dropped digits and markup.
        return [ScriptGroup(script, text, len(text) - text.count(" "))]
    by_script: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    cache: dict[str, str] = {}
    for word in _WORD.findall(text):
        initial = word[0]
        script = cache.get(initial) or cache.setdefault(initial, script_of(initial))
        if script == "Other":
            continue
        if script == "Han" and _KANA.search(word):
            script = "Kana"  # Japanese runs kanji and kana together without spaces
        by_script.setdefault(script, []).append(word)
        counts[script] = counts.get(script, 0) + len(word)
    if "Han" in by_script:
        host = "Kana" if "Kana" in by_script else "Hangul" if "Hangul" in by_script else None
        if host is not None:
            by_script[host].extend(by_script.pop("Han"))
            counts[host] += counts.pop("Han")
    groups = [ScriptGroup(s, " ".join(ws), counts[s]) for s, ws in by_script.items()]
    groups.sort(key=lambda g: (-g.letters, g.script))
    return groups
