"""Input formats: bytes from the wire (ninjs, NewsML-G2, HTML, plain text) into a Story."""

__all__: list[str] = []
