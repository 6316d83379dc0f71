"""Input formats: the bytes of one wire message into a :class:`~stream.story.Story`.

``parse`` detects the format and enforces the size limits; ``ninjs`` (IPTC ninjs JSON), ``newsml``
(NewsML-G2 XML) and ``html`` read one format each; ``fields`` coerces the fields they share.
"""

from stream.formats.parse import FILE_FORMATS, FORMATS, parse, split_file, story_id

__all__ = ["FILE_FORMATS", "FORMATS", "parse", "split_file", "story_id"]
