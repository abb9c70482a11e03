"""Which characters of a text are already taken by a mention."""

from __future__ import annotations


class SpanMask:
    """A per-character mask: ``free`` is true when no taken span overlaps,
    ``take`` marks a span (both linear in the span's length)."""

    def __init__(self, size: int):
        self._mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return not any(self._mask[start:end])

    def take(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)
