"""Input formats: the bytes of one wire message into a :class:`~stream.story.Story`.

``parse`` detects the format and enforces the size limits; ``ninjs`` (IPTC ninjs 1.x-3.x JSON),
``newsml`` (NewsML-G2), ``nitf`` (NITF 3.x), ``newsml1`` (NewsML 1.2) and ``html`` read one format
each; ``xmltree`` is what the XML readers share (safe parsing, encodings); ``fields`` coerces the
fields they all share.
"""

from stream.formats.parse import FILE_FORMATS, FORMATS, parse, split_file, story_id

__all__ = ["FILE_FORMATS", "FORMATS", "parse", "split_file", "story_id"]
