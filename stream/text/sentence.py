"""Where a sentence starts: a word there is capitalised as any word is, so its capital says nothing of a name.

Both the geotagger (a place name, a person's first name) and the leaders' matcher (a party's name capitalised only
by its first word) ask it. A full stop after an abbreviated title ends no sentence: "Sgt. Daniel Sakai".
"""

from __future__ import annotations

import re

__all__ = ["OPENING_REACH", "opens_sentence"]

#: How far back a sentence's end is looked for: past quotation marks and spaces, not across a whole story.
OPENING_REACH = 40
# Abbreviated titles before a name. Searched in the last 7 characters before it (a title is at most four letters, a
# space and its stop).
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"'“‘])(?:Mr|Mrs|Ms|Dr|Prof|Rev|Sgt|Lt|Capt|Cpl|Pvt|Gen|Col|Maj|Adm|Cmdr|Sen|Rep|Gov|Det|Insp|Supt|Atty|Hon)\.$"
)
_QUOTES_AND_SPACES = " \"'«“„‘"


def opens_sentence(text: str, start: int, ends: str = ".!?\n") -> bool:
    """Whether the word at ``start`` opens a sentence: the text starts there, or the last character before it (past
    spaces and opening quotes) is one of ``ends`` and no abbreviated title's full stop."""
    before = text[max(0, start - OPENING_REACH) : start].rstrip(_QUOTES_AND_SPACES)
    if not before:
        return start <= OPENING_REACH
    return before[-1] in ends and not (before[-1] == "." and _TITLE_ABBREVIATION.search(before[-7:]))
