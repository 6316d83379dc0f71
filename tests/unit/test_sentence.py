"""Where a sentence starts (stream/text/sentence.py), shared by the geotagger and the leaders' matcher."""

from __future__ import annotations

import pytest

from stream.text.sentence import opens_sentence


@pytest.mark.parametrize(
    ("text", "word", "opens"),
    [
        ("Paris was calm.", "Paris", True),
        ("He left. Paris was calm.", "Paris", True),
        ('He left. "Paris is calm," she said.', "Paris", True),
        ("He met Paris Hilton.", "Paris", False),
        # An abbreviated title's full stop ends no sentence.
        ("Killed was Sgt. Daniel Sakai.", "Daniel", False),
        ("He met Dr. Jane Paris.", "Jane", False),
    ],
)
def test_opens_sentence(text: str, word: str, opens: bool) -> None:
    assert opens_sentence(text, text.index(word)) is opens


def test_the_caller_chooses_the_marks_that_end_a_sentence() -> None:
    text = "Voters said: We can win."
    assert not opens_sentence(text, text.index("We"))
    assert opens_sentence(text, text.index("We"), ".!?:\n")
