"""Alert tiers: ``flash`` / ``urgent`` / ``routine``.

Mapping (first rule that applies wins):

1. Provider urgency (IPTC NewsCodes urgency, 1 = most urgent): 1 -> flash; 2-3 -> urgent
   (agencies send FLASH at priority 1 and ALERT/URGENT at 2-3).
2. A flash/urgent marker opening the headline, in the story's language ("FLASH", "BREAKING",
   "URGENT", "عاجل", "СРОЧНО", "SON DAKİKA", "ՇՏԱՊ", "ეხლახანს"...): FLASH -> flash, the rest -> urgent.
3. The classifier: a severe topic (act of terror, armed conflict, coup, massacre, disaster)
   with score >= 0.8 -> urgent.
4. Otherwise routine (urgency 4-9 or none).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["SEVERE_TOPICS", "TIERS", "tier_of"]

TIERS = ("flash", "urgent", "routine")
SEVERE_TOPICS = frozenset(
    {
        "medtop:20000053",  # act of terror
        "medtop:20000055",  # terrorist bombings
        "medtop:20000056",  # armed conflict
        "medtop:20000062",  # war
        "medtop:20000070",  # coup d'etat
        "medtop:20000071",  # massacre
        "medtop:20000148",  # disaster
    }
)
_FLASH = re.compile(r"^\s*(?:FLASH|ФЛЭШ)\b", re.UNICODE)
_URGENT = re.compile(
    r"^\s*(?:BREAKING|URGENT|ALERT|EILMELDUNG|URGENTE|ÚLTIMA HORA|عاجل|فوری|СРОЧНО|ТЕРМІНОВО|TERMINOVO|SON DAKİKA|"
    r"SON DAKIKA|TƏCİLİ|ՇՏԱՊ|სასწრაფოდ|ეხლახანს)\b",
    re.UNICODE,
)


def tier_of(urgency: int | None, headline: str, topics: Iterable[Mapping[str, Any]]) -> tuple[str, str]:
    """The tier and a one-line reason, for the alert's evidence."""
    if urgency is not None and 1 <= urgency <= 3:
        return ("flash" if urgency == 1 else "urgent"), f"provider urgency {urgency}"
    if _FLASH.match(headline):
        return "flash", "headline marked FLASH"
    marker = _URGENT.match(headline.upper()) or _URGENT.match(headline)
    if marker:
        return "urgent", f"headline marked {marker.group().strip()}"
    for topic in topics:
        if topic.get("code") in SEVERE_TOPICS and float(topic.get("score", 0)) >= 0.8:
            return "urgent", f"classifier: {topic.get('label')} {float(topic['score']):.2f}"
    reason = f"provider urgency {urgency}" if urgency is not None else "no urgency signal"
    return "routine", reason
