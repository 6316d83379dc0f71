"""Places: the gazetteer, place mentions with offsets, datelines, regions and the story's focus."""

__all__: list[str] = []
