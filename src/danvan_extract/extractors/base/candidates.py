"""What an extractor proposes: a fact found in the normalized text, and the
field values that carry the spans they were read from.

An extractor is a callable ``extractor(ctx) -> Iterator[Candidate]`` over
the normalized text; the pipeline maps offsets back to the input, orders
candidates and resolves overlaps.  Offsets in a candidate are normalized
offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ...registry import PRIORITIES, UNKNOWN_PRIORITY


@dataclass
class Candidate:
    """A fact found in the normalized text, before offsets are mapped back."""

    type: str
    start: int
    end: int
    rule: str
    fields: dict = field(default_factory=dict)

    @property
    def priority(self) -> int:
        return PRIORITIES.get(self.type, UNKNOWN_PRIORITY)  # lower wins an overlap

    @property
    def field_spans(self) -> dict:
        """The spans of the fields read from the text, parallel to
        :attr:`fields`: ``{"person": [(s, e)], "roles": [[(s, e)], ...]}``
        (a field built from pieces has one span per piece; None for a list
        item read from nowhere)."""
        out: dict = {}
        for name, value in self.fields.items():
            if isinstance(value, Spanned):
                out[name] = list(value.spans)
            elif isinstance(value, list) and any(isinstance(v, Spanned) for v in value):
                out[name] = [list(v.spans) if isinstance(v, Spanned) else None for v in value]
        return out


class Spanned(str):
    """A field value read from the normalized text, with the spans of the
    pieces it was read from; the record takes the value as written from
    the caller's string through these spans (never by searching again)."""

    spans: tuple[tuple[int, int], ...]

    def __new__(cls, value: str, spans) -> "Spanned":
        obj = super().__new__(cls, value)
        obj.spans = tuple(spans)
        return obj

    @classmethod
    def at(cls, text: str, start: int, end: int, value: Optional[str] = None) -> "Spanned":
        """``text[start:end]`` (or ``value`` read there) with its span."""
        return cls(text[start:end] if value is None else value, ((start, end),))

    @classmethod
    def joined(cls, parts: list, sep: str = " ") -> "Spanned":
        """Pieces that are not one stretch, joined by ``sep``."""
        spans = [span for part in parts for span in getattr(part, "spans", ())]
        return cls(sep.join(parts), spans)
