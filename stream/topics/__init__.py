"""Topics: the IPTC Media Topic taxonomy, the editable rule files and the classifier over them."""

__all__: list[str] = []
