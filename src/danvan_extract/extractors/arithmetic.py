"""A number's reading settled by the text's own arithmetic (FACTS.md,
number conventions).

"Kế hoạch 31.500 triệu đồng ... giải ngân 28,350 triệu đồng, đạt 90% kế
hoạch": read the Vietnamese way, 28,35 million is 0,09% of the plan; read
the English way, 28 350 million is exactly 90% of it, so the English
reading holds.  A figure whose number is written with one comma and three
digits after it ("28,350") is read the English way when the percentage
stated right after it ("đạt 90%") is its share of another figure of the
same kind in its paragraph under the English reading, and of none under
the Vietnamese one.  Candidates are changed in place, after overlaps.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Optional

import regex

from ..grammar.lazy import deferred, settle
from .base.candidates import Candidate
from .base.context import line_around

# The figure's number as written, and a number written "28,350" (one comma,
# three digits after it: a decimal the Vietnamese way, thousands the English way).
_NUMBER = deferred(r"\d[\d.,]*\d|\d")
_COMMA_THOUSANDS = deferred(r"\d{1,3},\d{3}")
# What may stand between the figure and the percentage that states its share.
_STATES_SHARE = deferred(
    r"[\s,;:(–-]*(?:(?:đạt|bằng|chiếm|tương\s+đương|tương\s+ứng|=)\s*)?(?:(?:tỷ|tỉ)\s+lệ\s*)?", regex.IGNORECASE
)
_PERCENT_DIGITS = deferred(r"\d+(?:,(\d+))?")
# Per fact type: the field compared with the other figures, and the fields
# that the English reading multiplies by a thousand.
_COMPARED = {"money": "amount", "area": "hectares"}
_SCALED = {"money": ("value", "amount"), "area": ("value", "hectares")}


def reread_by_arithmetic(text: str, candidates: list[Candidate]) -> None:
    """Read the English way the figures of ``candidates`` (money, area)
    whose stated share of another figure of the text proves it."""
    shares = [c for c in candidates if c.type == "percentage" and c.fields.get("value_max") is None]
    for c in candidates:
        if c.type not in _COMPARED or c.fields.get("value_max") is not None:
            continue
        number = _NUMBER.search(text, c.start, c.end)
        if number is None or not _COMMA_THOUSANDS.fullmatch(number.group()):
            continue
        if c.fields.get("value") == int(number.group().replace(",", "")):
            continue  # read the English way already ("150,000 đồng")
        share = _share_after(text, c, shares)
        if share is None:
            continue
        start, end = line_around(text, c.start)  # the line: a paragraph of the article
        others = [o.fields[_COMPARED[c.type]] for o in candidates if start <= o.start < end and _comparable(c, o)]
        x = c.fields[_COMPARED[c.type]]
        english = _thousand_times(x)
        if any(_is_share(english, y, *share) for y in others) and not any(_is_share(x, y, *share) for y in others):
            for name in _SCALED[c.type]:
                c.fields[name] = _thousand_times(c.fields[name])


def _share_after(text: str, c: Candidate, shares: list[Candidate]) -> Optional[tuple[float, int]]:
    """(percent, its decimals) of the percentage stated right after ``c``
    ("..., đạt 90%"), or None."""
    p = next((p for p in shares if p.start >= c.end), None)  # shares are in text order
    if p is None or not _STATES_SHARE.fullmatch(text, c.end, p.start):
        return None
    digits = _PERCENT_DIGITS.search(text, p.start, p.end)
    return float(p.fields["value"]), len(digits.group(1) or "") if digits else 0


def _comparable(c: Candidate, other: Candidate) -> bool:
    """Another figure of the same kind (and currency) with a value."""
    if other is c or other.type != c.type or other.fields.get(_COMPARED[c.type]) in (None, 0):
        return False
    return c.type != "money" or other.fields.get("currency") == c.fields.get("currency")


def _is_share(part: float, whole: float, percent: float, decimals: int) -> bool:
    """Whether ``part`` is ``percent`` % of ``whole``, to the precision the
    percentage is written with (90% covers 89,5–90,5%)."""
    return abs(100.0 * part / whole - percent) <= 0.5 * 10.0 ** -decimals + 1e-9


def _thousand_times(value):
    """``value`` × 1000 without binary noise (28,35 → 28350.0)."""
    if value is None or isinstance(value, int):
        return None if value is None else value * 1000
    return float(Decimal(repr(value)) * 1000)


settle(globals())
