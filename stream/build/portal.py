"""Wikipedia's "Portal:Current events" as ianrastall/current-events-context stores it: one YAML file a day, a list of
items per section, story-line headings among the events (build time only).

Read the same way by the public place sets (``benchmarks/public_places.py``, whose rules are documented there) and the
news towns table (:mod:`stream.build.news_towns`): the table leaves out the sets' test story lines, so both must tell
a heading from an event, and clean an event, alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

__all__ = ["DAY_FILE", "HEADING_WORDS", "clean", "day_documents", "heading_key", "is_heading"]

#: A heading has at most this many words.
HEADING_WORDS = 15
# Trailing source citations: "... (BBC) (Reuters)".
_CITATION = re.compile(r"(?:\s*\([^()]{1,120}\))+\s*$")
#: A day file's path: its year and date are groups 1 and 2.
DAY_FILE = re.compile(r"^(\d{4})/\d{2}/(\d{4}-\d{2}-\d{2})\.yaml$")


def clean(item: str) -> str:
    """An item with no-break spaces normalised and its trailing source citations stripped."""
    return _CITATION.sub("", " ".join(item.replace("\xa0", " ").split())).strip()


def is_heading(item: str) -> bool:
    """A story-line heading: no trailing citation, at most :data:`HEADING_WORDS` words, no final ``. ! ? : ;``."""
    text = " ".join(item.split())
    if not text or _CITATION.search(text):
        return False
    return len(text.split()) <= HEADING_WORDS and text[-1] not in ".!?:;"


def heading_key(heading: str) -> str:
    """A heading as the splits compare it: whitespace-normalised and case-folded."""
    return " ".join(heading.split()).casefold()


def day_documents(gitdir: Path, commit: str, first_year: int = 0) -> Iterator[tuple[str, object]]:
    """``(path, parsed YAML)`` of every day file of ``gitdir`` at ``commit`` from ``first_year`` on, in path order.
    One day file at the pinned commit is not valid YAML; it is skipped (the portal has thousands more)."""
    from stream.build.topic_corpora import GitTree

    tree = GitTree(gitdir, commit)
    days = [p for p in tree.paths() if (m := DAY_FILE.match(p)) and int(m.group(1)) >= first_year]
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path, body in tree.read_many(days):
        try:
            doc = yaml.load(body, Loader=loader)
        except yaml.YAMLError:
            continue
        yield path, doc
