"""Find the dateline that opens wire copy and return the place it names.

Wire stories open the body (or, with no headline, the text) with the place of
filing, in any script and often in capitals, followed by an optional date and
agency and a dash::

    BAKU, Oct 8 (Reuters) -        MOSCOW —              موسكو -
    ANKARA (AA) -                  Bakü (AA) -           PARIS (AFP) -
    ЕРЕВАН, 8 окт — РИА Новости.   MOSCOW, Oct. 8 /TASS/.   BEIJING, Oct. 8 (Xinhua) --

The regex only proposes a span; the caller accepts it only if the span is a
known place, so an opening like "Officials said - ..." is never a dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from stream.story import Story

__all__ = ["Dateline", "find_dateline"]

_WORD = r"[^\W\d_][^\W\d_'’.]*"
_DATELINE = re.compile(
    rf"""
    (?P<place>{_WORD}(?:[ \-]{_WORD}){{0,3}}?)   # one to four words
    (?:\s*/\s*{_WORD}(?:\s{_WORD})?)?            # a second city: BAKU/MOSCOW
    (?:[ \t]*\((?P<country>[^()\n]{{1,30}})\)(?=[,،]))?  # AFP's "GORIS (Arménie), 28 sept"
    [ \t]*
    (?:[,،][ \t]*(?P<date>[^\n,،()/—–\-]{{1,30}}?)[ \t]*)?  # date: "Oct 8", "8 окт", Arabic comma "باكو، ١٣ مارس"
    (?:[(/](?P<agency>[^)/\n]{{1,40}})[)/][ \t]*)?     # (Reuters) or /TASS/
    # The dash; TASS uses "MOSCOW." and "/TASS/.". A hyphen between letters joins a
    # name ("САНКТ-ПЕТЕРБУРГ."), so it is no dash there.
    (?:[—–]|-{{1,2}}(?![^\W\d_])|:|(?<=/)\.|\.(?=[ \t]))
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place span of a dateline, as offsets into ``story.text``."""

    text: str
    start: int
    end: int
    agency: str | None


def find_dateline(story: Story) -> Dateline | None:
    """The dateline place of ``story``, if its body (or text) opens with one."""
    text = story.text
    offset = story.body_offset
    if offset >= len(text):
        offset = 0
    # Skip leading blank space but stay on the first line of the body.
    while offset < len(text) and text[offset] in " \t\r\n\u00a0":
        offset += 1
    m = _DATELINE.match(text, offset, min(len(text), offset + 120))
    if m is None:
        return None
    place = m.group("place")
    # A bare "Word -" opening without date or agency must look like a dateline:
    # written in capitals, or in a script without case (Arabic, Georgian...).
    bare = m.group("date") is None and m.group("agency") is None
    if bare and place != place.upper() and any(ch.isupper() for ch in place):
        return None
    # "MOSCOW. The ..." only in capitals: a full stop ends ordinary sentences too.
    if bare and m.group(0).endswith(".") and not any(ch.isupper() for ch in place):
        return None
    return Dateline(place, m.start("place"), m.end("place"), m.group("agency"))
