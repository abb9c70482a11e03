"""The time budget of one document: what a valid one is."""

from __future__ import annotations

import math

from ..errors import E_BUDGET, InputError

# "No limit" (inf): the regex engine needs a finite time-out; 30 years is none.
NO_LIMIT = 1e9


def time_budget_seconds(value) -> float:
    """``value`` as seconds of pattern matching per document; ``inf`` means no
    limit.  Anything but a positive number (``nan``, ``True``, ``"60"``, 0)
    is an :class:`InputError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or value <= 0:
        raise InputError(E_BUDGET.format(value=value))
    return min(float(value), NO_LIMIT)
