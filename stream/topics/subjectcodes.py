"""IPTC Subject NewsCodes (``subj:``) as Media Topics, so an agency's older subject codes count as its topics.

``data/subjectcodes.tsv`` (built by ``make subjectcodes`` from IPTC's Media Topics vocabulary, CC BY 4.0;
how each code is matched is in :mod:`stream.build.subjectcodes`) maps every subject code the vocabulary
links to the Media Topic it became. A code not in the table (a retired one, or a provider's own detail
code such as STT's ``11010992`` for one Finnish party) takes its parent's topic: ``NNMMMDDD`` falls back
to ``NNMMM000``, then to the top level ``NN000000``.

Only schemes known to carry IPTC subject code numbers are read: ``subj`` (and the subjectcode URI) and STT's
``sttsubj``, whose numbers and names are IPTC's (``sttsubj:11011000`` Pakolaiset, refugees) with STT's own
9xx details below them. Another provider's 8-digit scheme may number something else entirely.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import NamedTuple

from stream.errors import ConfigError

__all__ = [
    "DEFAULT_TABLE",
    "SUBJECT_SCHEMES",
    "SubjectTopic",
    "load_table",
    "mapped_topic",
    "subject_number",
    "subject_topics",
]

DEFAULT_TABLE = Path(__file__).parent / "data" / "subjectcodes.tsv"
#: Qcode schemes whose codes are IPTC subject code numbers.
SUBJECT_SCHEMES = ("subj", "sttsubj")
_QCODE = re.compile(r"^(?:(?:" + "|".join(SUBJECT_SCHEMES) + r"):|https?://cv\.iptc\.org/newscodes/subjectcode/)([0-9]{8})/?$")
_COLUMNS = ("subject", "medtop", "match", "label", "broader")


class SubjectTopic(NamedTuple):
    """The Media Topic a provider's subject code stands for."""

    code: str  # "medtop:20000509"
    label: str  # IPTC's English label
    ancestors: tuple[str, ...]  # broader chain, parent first, up to the top-level topic
    match: str  # how the table's row was matched (stream.build.subjectcodes.MATCHES)
    via: str  # the subject code whose row was used: the provider's code, or a parent of it ("subj:11010000")

    @property
    def parent(self) -> str | None:
        return self.ancestors[0] if self.ancestors else None


def subject_number(code: str) -> str | None:
    """The 8-digit IPTC subject number of a ``subj:``/``sttsubj:`` qcode or subjectcode URI, else None."""
    match = _QCODE.match(code.strip())
    return match.group(1) if match else None


@functools.lru_cache(maxsize=4)
def load_table(path: Path = DEFAULT_TABLE) -> dict[str, tuple[SubjectTopic, ...]]:
    """Subject number -> its topics, from the shipped TSV (``via`` is the number itself)."""
    table: dict[str, list[SubjectTopic]] = {}
    header_seen = False
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != _COLUMNS:
                raise ConfigError(f"expected the header {'/'.join(_COLUMNS)}", file=str(path), line=lineno)
            header_seen = True
            continue
        if len(cells) != len(_COLUMNS):
            raise ConfigError(f"expected {len(_COLUMNS)} tab-separated cells, got {len(cells)}", file=str(path), line=lineno)
        subject, medtop, match, label, broader = cells
        topic = SubjectTopic("medtop:" + medtop, label, tuple("medtop:" + c for c in broader.split()), match, "subj:" + subject)
        table.setdefault(subject, []).append(topic)
    return {number: tuple(topics) for number, topics in table.items()}


def subject_topics(code: str, table: dict[str, tuple[SubjectTopic, ...]] | None = None) -> tuple[SubjectTopic, ...]:
    """The Media Topics of a provider subject code: its own row, else its parent's, else its top level's.

    Empty for a code in no subject scheme, or whose whole line (top level included) the table lacks.
    """
    number = subject_number(code)
    if number is None:
        return ()
    rows = load_table() if table is None else table
    for candidate in dict.fromkeys((number, number[:5] + "000", number[:2] + "000000")):
        if candidate in rows:
            return rows[candidate]
    return ()


@functools.lru_cache(maxsize=4)
def _by_topic(path: Path = DEFAULT_TABLE) -> dict[str, SubjectTopic]:
    return {t.code: t for topics in load_table(path).values() for t in topics}


def mapped_topic(code: str) -> SubjectTopic | None:
    """A row of the table whose topic is ``code`` (``medtop:…``): its IPTC label and broader chain, for a
    provider topic outside ``taxonomy.yaml``. None when no subject code maps to ``code``."""
    return _by_topic().get(code)
