"""Text utilities shared by every concern.

``normalize`` cuts text into tokens that keep their character offsets and folds them for matching;
``script`` names the Unicode script of text and splits it into runs of one script.
"""

from stream.text.normalize import Token, TokenStream, fold, tokenize
from stream.text.script import ScriptGroup, script_of, segment

__all__ = ["ScriptGroup", "Token", "TokenStream", "fold", "script_of", "segment", "tokenize"]
