"""Language identification: long-text engines, the short-text vote and the data they read."""

__all__: list[str] = []
