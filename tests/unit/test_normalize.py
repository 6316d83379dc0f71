"""``fold``: the matching form every detector compares, fast on long non-Latin text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from stream.text.normalize import _DROP, _UNIFY, fold

# Characters fold drops or unifies, and a few that NFKC or casefold change, mixed into any text.
_SPECIAL = [chr(c) for c in _DROP] + [chr(c) for c in _UNIFY] + ["\u200c", "\u200d", "İ", "ß", "ﬁ", "Ё", "Ǆ"]


def _reference(text: str) -> str:
    """fold as first written, with str.translate: the definition the fast version must keep."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_DROP).translate(_UNIFY)
    return text.replace("\u200c", "").replace("\u200d", "")


@given(st.lists(st.one_of(st.sampled_from(_SPECIAL), st.characters()), max_size=40).map("".join))
def test_fold_equals_its_translate_definition(text: str) -> None:
    assert fold(text) == _reference(text)


def test_fold_examples() -> None:
    assert fold("أحمد إلى مكة") == "احمد الي مكه"
    assert fold("Ёлка\u200cİstanbul’s") == "елкаistanbul's"  # Turkish dotted İ loses its dot
    assert fold("Karabağ") == "karabağ"
    assert fold("ASCII only") == "ascii only"
