"""Text utilities shared by every concern: tokens with offsets, folding, script detection."""

__all__: list[str] = []
