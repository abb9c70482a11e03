"""The time budget of one document: what a valid one is, and a clock for
the stages that check it between their steps."""

from __future__ import annotations

import math
import time

from ..errors import E_BUDGET, E_CONTEXT_TIMEOUT, ExtractionTimeout, InputError
from ..grammar.lazy import FirstUseMark

# "No limit" (inf): the regex engine needs a finite time-out; 30 years is none.
NO_LIMIT = 1e9


def time_budget_seconds(value) -> float:
    """``value`` as seconds of pattern matching per document; ``inf`` means no
    limit.  Anything but a positive number (``nan``, ``True``, ``"60"``, 0)
    is an :class:`InputError`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or value <= 0:
        raise InputError(E_BUDGET.format(value=value))
    return min(float(value), NO_LIMIT)


class StageClock:
    """The document's deadline, checked between the steps of a stage written
    in Python (the context stage): a step that runs long on a hostile text
    stops the document at the budget instead of holding a worker."""

    __slots__ = ("deadline", "seconds", "_first_use")

    def __init__(self, deadline: float = math.inf, seconds: float = NO_LIMIT):
        self.deadline = deadline
        self.seconds = seconds
        self._first_use = FirstUseMark()

    def check(self, step: str) -> None:
        """Raise :class:`ExtractionTimeout` naming ``step`` once the deadline
        has passed, the time spent on first uses since the clock was set
        not counted."""
        if time.monotonic() >= self.deadline:
            self.deadline += self._first_use.taken()
            if time.monotonic() >= self.deadline:
                raise ExtractionTimeout(E_CONTEXT_TIMEOUT.format(step=step, seconds=self.seconds))


UNBOUNDED = StageClock()
