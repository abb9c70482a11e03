"""The document's deadline as a SIGALRM timer around a pattern's runs
(:class:`Alarm`), and one handler and timer for all the runs of a document
(:class:`AlarmSession`, one per thread: :func:`alarm_session`)."""

from __future__ import annotations

import signal
import threading
import time
from typing import Optional

try:  # the C functions under ``signal``, without its enum conversions (a fifth of a microsecond each)
    import _signal as _sig
except ImportError:  # pragma: no cover - another Python implementation
    _sig = signal


def _on_alarm(signum, frame):
    raise TimeoutError


class Alarm:
    """The document's deadline as one SIGALRM timer around a pattern's calls
    at its anchors.  The regex engine checks for signals while it matches,
    so the timer stops a runaway match as the ``timeout`` argument would,
    without its cost on every call (three times a plain ``match``).  Used
    only where it disturbs nothing: the main thread (signals are delivered
    there), SIGALRM with its default handler and no timer running."""

    usable = hasattr(signal, "setitimer")

    @classmethod
    def free(cls) -> bool:
        # (asked once per document: the C functions, without enum conversions)
        return (cls.usable and threading.get_ident() == threading.main_thread().ident
                and _sig.getsignal(_sig.SIGALRM) == _sig.SIG_DFL
                and _sig.getitimer(_sig.ITIMER_REAL)[0] == 0.0)

    @staticmethod
    def run(deadline: float, fn, *args):
        """``fn(*args)``, raising TimeoutError once ``deadline`` (monotonic)
        has passed: under the open :class:`AlarmSession`, else under a
        handler and timer of its own."""
        session = alarm_session()
        if session.open:
            return session.run(deadline, fn, *args)
        previous = _sig.signal(_sig.SIGALRM, _on_alarm)
        try:
            _sig.setitimer(_sig.ITIMER_REAL, max(deadline - time.monotonic(), 1e-6))  # 0 would disarm it
            return fn(*args)
        finally:
            # nested, so that an alarm arriving right here still restores the handler
            try:
                _sig.setitimer(_sig.ITIMER_REAL, 0)
            finally:
                _sig.signal(_sig.SIGALRM, previous)


class AlarmSession:
    """One SIGALRM handler and timer for all the pattern runs of a document
    (four system calls per pattern otherwise).  The timer is set to the
    deadline, again only when the deadline moves; an alarm raises
    TimeoutError inside a pattern run only (between runs, the next run
    finds its deadline passed).  Opens only where :class:`Alarm` is free
    (so in the main thread only; one per thread: :func:`alarm_session`);
    handler and timer are gone once the ``with`` block is left."""

    def __init__(self):
        self.open = False
        self._depth = 0
        self._running = False
        self._armed: Optional[float] = None
        self._rang = False
        self._previous = None

    def __enter__(self) -> "AlarmSession":
        self._depth += 1
        if self._depth == 1 and Alarm.free():
            self._previous = _sig.signal(_sig.SIGALRM, self._on_alarm)
            self._armed, self._running, self._rang, self.open = None, False, False, True
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self.open:
            self.open = False
            try:
                _sig.setitimer(_sig.ITIMER_REAL, 0)
            finally:
                _sig.signal(_sig.SIGALRM, self._previous)

    def _on_alarm(self, signum, frame):
        if self._running:
            raise TimeoutError
        self._rang = True  # between runs: the next run of this deadline stops at once

    def run(self, deadline: float, fn, *args):
        """``fn(*args)``, raising TimeoutError once ``deadline`` has passed."""
        if deadline != self._armed:
            self._armed, self._rang = deadline, False
            _sig.setitimer(_sig.ITIMER_REAL, max(deadline - time.monotonic(), 1e-6))
        elif self._rang or time.monotonic() >= deadline:
            # the alarm rang between runs: no timer is left to stop this one
            raise TimeoutError
        self._running = True
        try:
            return fn(*args)
        finally:
            self._running = False


# Each thread's session.  (A plain object in a ``threading.local`` rather
# than a ``threading.local`` itself: its attributes, read on every pattern
# run, are then plain attributes.)
_SESSIONS = threading.local()


def alarm_session() -> AlarmSession:
    """This thread's :class:`AlarmSession`, to open around one document."""
    try:
        return _SESSIONS.session
    except AttributeError:
        session = _SESSIONS.session = AlarmSession()
        return session
