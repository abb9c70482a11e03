"""Which characters of a text are already taken by a mention."""

from __future__ import annotations


class SpanMask:
    """A per-character mask: ``free`` is true when no taken span overlaps,
    ``take`` marks a span (both linear in the span's length, in C)."""

    def __init__(self, size: int):
        self._mask = bytearray(size)

    def free(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) < 0

    def take(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)
