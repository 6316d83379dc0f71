"""Text hygiene for wire story fields: HTML reduced to text, control characters out, NFC.

Every text field of a parsed story goes through :func:`clean_text` (plain
fields) or :func:`html_to_text` (markup), so detectors downstream see one
canonical form: NFC, ``\\n`` line ends, no control characters except ``\\n``
and ``\\t``, no zero-width or bidi controls, paragraphs separated by one blank line.
"""

from __future__ import annotations

import html as _stdhtml
import re
import unicodedata
from html.parser import HTMLParser

__all__ = [
    "ParagraphSink",
    "clean_text",
    "has_text",
    "html_to_text",
    "looks_like_html",
    "one_line",
    "strip_invisible",
    "text_or_html",
]

# Elements whose boundaries are paragraph breaks. <br> is included on purpose:
# wire HTML uses it between paragraphs far more often than inside one.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "ol", "p",
        "pre", "section", "table", "tbody", "td", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Content of these is never reader-visible text.
# An HTML5 <header> holds what the item carries in fields of its own (headline, dateline time, keyword list: dpa puts
# its slugline keywords there), not story text.
SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "head", "title", "header"})

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
# C0/C1 controls except \t and \n, and lone surrogates (JSON "\ud800" escapes produce them).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"\s+")
# Only complete entities are decoded in plain fields, so "AT&T" or "R&D" stay intact.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_HTMLISH = re.compile(
    r"</?(?:p|br|div|li|ul|ol|span|a|b|i|u|em|strong|h[1-6]|script|style|table|tr|td|blockquote|figure|img|hr)"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
# A "<" that does not open a complete tag, end tag, declaration or processing
# instruction is text. Escaping those before html.parser sees them keeps it
# linear: on unterminated constructs ("<a<a<a...") it rescans its buffer.
_STRAY_LT = re.compile(r"<(?![A-Za-z][^<>]*>|/[A-Za-z][^<>]*>|![A-Za-z\[][^<>]*>|\?[^<>]*>)")
# Zero-width and bidi controls, word joiners, invisible operators, BOM and soft hyphen: invisible, and
# inside a word they hide it from every matcher ("K\u200babul"). ZWNJ and ZWJ (U+200C/U+200D) stay:
# they are spelling in Persian, Kurdish and Indic scripts ("می\u200cخواهم") and join emoji.
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+")
# Visible text is anything but whitespace and invisible format marks (bidi, zero width, BOM).
_VISIBLE = re.compile(r"[^\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _nfc(text: str) -> str:
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def strip_invisible(text: str) -> str:
    """``text`` without zero-width, bidi-control and soft-hyphen characters (ZWNJ and ZWJ kept)."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def clean_text(text: str, *, entities: bool = True) -> str:
    """Canonical form of a plain text field: ``\\n`` line ends, no controls, NFC, trimmed.

    Zero-width and bidi controls are removed here, before any offset is taken, so that
    every evidence offset is true to the text wirewatch outputs. Runs of blank lines
    collapse to one blank line (the paragraph separator).
    """
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _NEWLINES.sub("\n", text)
    text = strip_invisible(_CONTROL.sub("", text))
    if entities and "&" in text:
        text = _ENTITY.sub(lambda m: _stdhtml.unescape(m.group(0)), text)
        text = strip_invisible(_CONTROL.sub("", text))  # "&#1;" decodes to a control character
    if " \n" in text or "\t\n" in text or "\u00a0\n" in text:
        # Per line, not a regex: "[ \t]+\n" rescans long space runs with no newline quadratically.
        text = "\n".join(line.rstrip(" \t\u00a0") for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text)
    return _nfc(text.strip())


def one_line(text: str) -> str:
    """A headline is one line: every whitespace run, newlines included, becomes one space."""
    return " ".join(text.split())


def has_text(text: str) -> bool:
    """True when ``text`` holds at least one visible character."""
    return _VISIBLE.search(text) is not None


def looks_like_html(text: str) -> bool:
    """True when a field declared as plain text carries common HTML markup."""
    return "<" in text and _HTMLISH.search(text) is not None


class ParagraphSink:
    """Collects inline text and paragraph breaks; whitespace inside a paragraph collapses."""

    __slots__ = ("_current", "_paragraphs")

    def __init__(self) -> None:
        self._paragraphs: list[str] = []
        self._current: list[str] = []

    def add(self, text: str) -> None:
        if text:
            self._current.append(text)

    def brk(self) -> None:
        if self._current:
            para = " ".join(_SPACES.split(strip_invisible("".join(self._current)))).strip()
            self._current.clear()
            if para:
                self._paragraphs.append(para)

    def result(self) -> str:
        self.brk()
        return "\n\n".join(self._paragraphs)


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sink = ParagraphSink()
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self._skip_depth += 1
        elif tag in BLOCK_TAGS:
            self.sink.brk()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/> and <script/> open nothing, so they must not change the skip depth.
        if tag in BLOCK_TAGS:
            self.sink.brk()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in BLOCK_TAGS:
            self.sink.brk()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.sink.add(data)


def _defuse(markup: str) -> str:
    """Comments removed and stray ``<`` escaped, so html.parser only meets complete constructs."""
    if "<!--" in markup:
        parts: list[str] = []
        position = 0
        while (start := markup.find("<!--", position)) >= 0:
            end = markup.find("-->", start + 4)
            parts.append(markup[position:start])
            if end < 0:
                position = len(markup)  # an unterminated comment hides the rest, as in a browser
                break
            position = end + 3
        parts.append(markup[position:])
        markup = "".join(parts)
    return _STRAY_LT.sub("&lt;", markup)


def html_to_text(markup: str) -> str:
    """Reader-visible text of an HTML fragment, one blank line between paragraphs.

    Entities are decoded, ``<script>``/``<style>`` content dropped, and
    ``<p>``, ``<br>``, ``<div>``, ``<li>`` (and other blocks) end a paragraph.
    """
    if "\r" in markup:
        markup = _NEWLINES.sub("\n", markup)
    reducer = _Reducer()
    reducer.feed(_defuse(markup))
    reducer.close()
    return clean_text(reducer.sink.result(), entities=False)


def text_or_html(text: str) -> str:
    """Clean a field declared as text, reducing it as HTML when it carries markup."""
    return html_to_text(text) if looks_like_html(text) else clean_text(text)
