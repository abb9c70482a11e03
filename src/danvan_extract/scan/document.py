"""One document's scans under its time budget: each pattern tried with
``match`` at its anchor positions only, or in full, as ``finditer`` would
find it, under the document's deadline (:class:`DocumentAnchors`)."""

from __future__ import annotations

import time
from typing import Optional

import regex

from ..errors import E_ANCHOR, E_TIMEOUT, ExtractionTimeout, RulesError
from ..grammar.lazy import FirstUse, FirstUseMark
from .alarm import Alarm, AlarmSession, alarm_session
from .budget import StageClock
from .index import AnchorIndex
from .positions import DocumentPositions
from .promises import MAX_MATCH_CHARS, ScanPattern

# With more than one anchor per this many characters, scan in full instead.
_DENSE = 16


def _all_matches(rx: regex.Pattern, text: str) -> list[regex.Match]:
    return list(rx.finditer(text))


class DocumentAnchors(DocumentPositions):
    """The anchor positions of one document, computed lazily, and its
    patterns' matches found at them under the document's time budget."""

    def __init__(self, text: str, lower: str, index: AnchorIndex, budget: float):
        self.text = text
        self.lower = lower
        self.index = index
        self.deadline = time.monotonic() + budget
        self.budget = budget
        self._digits: Optional[list[tuple[int, int]]] = None
        self._lines: Optional[list[int]] = None
        self._words: Optional[dict[str, list[int]]] = None
        self._numbers: Optional[list[regex.Match]] = None
        self._follows: Optional[list[tuple]] = None
        self._openings: Optional[dict[frozenset, list[int]]] = None  # by ``after`` set
        self._merged: dict[int, list[int]] = {}  # by promise key: equal promises share their positions
        self._alarm: Optional[bool] = None  # whether Alarm may run here (asked once per document)
        self._session: Optional[AlarmSession] = None  # the session open then, if any
        self._first_use = FirstUseMark()
        self.spent: dict[str, float] = {}  # seconds of matching per pattern name

    # -- time budget ----------------------------------------------------------
    def remaining(self, name: str) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self.timeout(name)
        return left

    def timeout(self, current: str) -> ExtractionTimeout:
        """The error for a spent budget, naming the pattern that took most of
        it (not merely the one that was running when it ran out)."""
        guilty = max(self.spent, key=self.spent.get, default=current)
        if self.spent.get(guilty, 0.0) <= 0.0:
            guilty = current
        return ExtractionTimeout(E_TIMEOUT.format(rule=guilty, spent=self.spent.get(guilty, 0.0),
                                                  seconds=self.budget))

    def _check(self, pattern: ScanPattern, found: list[regex.Match]) -> None:
        full = list(pattern.regex.finditer(self.text, timeout=self.remaining(pattern.name)))
        got, want = [m.span() for m in found], [m.span() for m in full]
        if got != want:
            at = next((w for g, w in zip(got, want) if g != w), (want + got)[len(min(got, want, key=len))])
            raise RulesError(E_ANCHOR.format(rule=pattern.name, pos=at[0], text=self.text[at[0]:at[0] + 40]))

    # -- scanning -------------------------------------------------------------
    def stage_clock(self, seconds: float) -> StageClock:
        """A clock for a later stage of this document (the context stage):
        the same deadline, moved past the first uses so far."""
        self._discount_compiling()
        return StageClock(self.deadline, seconds)

    def _discount_compiling(self) -> None:
        """Move the deadline by the first-use time (patterns compiled, data
        loaded) since the last look: the rules' cost, not the document's."""
        self.deadline += self._first_use.taken()

    def finditer(self, pattern: ScanPattern) -> list[regex.Match]:
        """Matches of ``pattern`` in the text, as ``finditer`` would give them
        (collected at once, so the time budget covers matching only)."""
        name = pattern.name
        positions = None
        if pattern.at_anchors and not self.index.check:
            positions = self.positions(pattern.anchors)
            if not positions:
                # The anchor scans behind ``positions`` are linear and charged
                # to no pattern; a ``holds`` promise runs a rule's pattern,
                # so it is timed.
                return self.nothing_to_try(name)
        started = time.monotonic()
        try:
            found = self._finditer(pattern, positions, started)
        except TimeoutError:
            self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started
            raise self.timeout(name) from None
        self.spent[name] = self.spent.get(name, 0.0) + time.monotonic() - started
        return found

    def nothing_to_try(self, name: str) -> list[regex.Match]:
        """The matches of pattern ``name`` where it has no position (most
        patterns on most texts): none, the deadline being all there is to
        check (not yet reached, it is not reached once moved by compiling
        either)."""
        now = time.monotonic()
        if now >= self.deadline and self._past_deadline(now):
            raise self.timeout(name)
        return []

    def _past_deadline(self, now: float) -> bool:
        """Whether ``now`` is past the deadline (moved first by the time
        patterns took to compile)."""
        if FirstUse.seconds != self._first_use.seen:  # (a call less per scan)
            self._discount_compiling()
        return now >= self.deadline

    def _finditer(self, pattern: ScanPattern, positions: Optional[list[int]], now: float) -> list[regex.Match]:
        """:meth:`finditer` at ``positions`` (None: not computed yet), the
        clock read at ``now``."""
        text = self.text
        if now >= self.deadline and self._past_deadline(now):
            raise TimeoutError
        if positions is None and not pattern.anywhere:
            positions = self.positions(pattern.anchors)
        if positions is not None and not positions:
            if self.index.check:
                self._check(pattern, [])
            return []
        rx = pattern.regex  # compiled on its first use, before any timer runs
        if FirstUse.seconds != self._first_use.seen:
            self._discount_compiling()
        if positions is None or len(positions) * _DENSE > len(text):
            # no promise, or anchors so dense (a page of blank lines)
            # that one engine pass is cheaper than a call per anchor
            return self.full_scan(rx)
        if not (self._alarm if self._alarm is not None else self._alarm_usable()):
            out = self._at_anchors(pattern, positions, timed=True)
        elif pattern.anchors.line:
            out = self._under_alarm(self._at_anchors, pattern, positions, False)
        else:  # the common case, straight to its loop
            out = self._under_alarm(self._at_anchors_fast, rx.match, positions)
        if self.index.check:
            self._check(pattern, out)
        return out

    def _alarm_usable(self) -> bool:
        """Whether :class:`Alarm` may run here (asked once per document)."""
        if self._alarm is None:
            session = alarm_session()
            self._session = session if session.open else None
            self._alarm = session.open or Alarm.free()
        return self._alarm

    def _under_alarm(self, fn, *args):
        """``fn(*args)`` under :class:`Alarm` (straight to the document's
        open session while it is open)."""
        session = self._session
        if session is not None and session.open:
            return session.run(self.deadline, fn, *args)
        return Alarm.run(self.deadline, fn, *args)

    def full_scan(self, rx: regex.Pattern) -> list[regex.Match]:
        """``rx.finditer`` over the text, stopped at the deadline (by the
        alarm where it may run: the engine's ``timeout`` doubles a scan's
        cost)."""
        if self._alarm_usable():
            return self._under_alarm(_all_matches, rx, self.text)
        return list(rx.finditer(self.text, timeout=self.deadline - time.monotonic()))

    def _at_anchors(self, pattern: ScanPattern, positions: list[int], timed: bool) -> list[regex.Match]:
        """Matches of ``pattern`` tried at ``positions``; with ``timed``, each
        call under the budget left (no alarm runs)."""
        text, match = self.text, pattern.regex.match
        out = []
        last = 0
        deadline, clock = self.deadline, time.monotonic
        by_line = pattern.anchors.line
        for p in positions:
            if p < last:
                continue
            # Bounded look-ahead: the engine would otherwise search the
            # whole rest of the text for a pattern's required character
            # at every anchor, which is quadratic on hostile pages.  (An
            # end past the text is the text's end.)
            end = p + MAX_MATCH_CHARS
            if by_line:
                line_end = text.find("\n", p, end)
                end = line_end if line_end >= 0 else max(end, self.line_end(p))
            if timed:
                # the budget left, for every call: a pattern slow at each
                # of many anchors cannot run past the deadline
                left = deadline - clock()
                if left <= 0:
                    raise TimeoutError
                m = match(text, p, end, timeout=left)
            else:
                m = match(text, p, end)
            if m is not None:
                last = m.end() if m.end() > p else p + 1
                out.append(m)
        return out

    def _at_anchors_fast(self, match, positions: list[int]) -> list[regex.Match]:
        """:meth:`_at_anchors` for the common case (not by line, under the
        alarm): the same calls without the per-anchor tests."""
        text, out, last, width = self.text, [], 0, MAX_MATCH_CHARS
        for p in positions:
            if p >= last:
                m = match(text, p, p + width)
                if m is not None:
                    last = m.end() if m.end() > p else p + 1
                    out.append(m)
        return out
