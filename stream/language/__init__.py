"""Language identification with evidence.

``detector`` is the entry (long text: fastText, CLD2, langid and langdetect; headline-sized text: the
``shorttext`` vote over the ``lexicon``, ``ngrams``, ``affixes`` and ``alphabet`` signals);
``engines`` wraps the third-party engines; ``langcode`` is the table of supported languages.
The data files these read are in ``data/``.
"""

from stream.language.detector import UND, LanguageResult, detect, detect_with_engine, supported_languages, warm_up
from stream.language.langcode import Language, languages

__all__ = ["UND", "Language", "LanguageResult", "detect", "detect_with_engine", "languages", "supported_languages", "warm_up"]
