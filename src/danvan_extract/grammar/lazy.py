"""Module patterns compiled on their first use.

Compiling with the ``regex`` module's parser is most of a cold start, and
a short text meets only some of a module's patterns.  A module writes
``_X = deferred(r"...", flags)`` and calls :func:`settle` on its globals at
its end: on first use the pattern is compiled and takes the deferred
one's place among the module's globals, so the module's own functions
call the compiled pattern directly from then on.
"""

from __future__ import annotations

import functools
import threading
import time

from .pattern_cache import compile_regex


class FirstUse:
    """Seconds this process spent on work done once, on first use: compiling
    patterns, loading the gazetteer, importing the context stage.  A
    document's time budget does not count them: they are the rules' cost,
    not the document's."""

    seconds = 0.0


class FirstUseMark:
    """The first-use time one deadline has seen so far: a deadline moves by
    what was spent on first uses since it last looked."""

    __slots__ = ("seen",)

    def __init__(self):
        self.seen = FirstUse.seconds

    def taken(self) -> float:
        """First-use seconds since the last look (looking now)."""
        taken = FirstUse.seconds - self.seen
        self.seen += taken
        return taken


# per thread, whether a first_use function is under way (only the outermost
# call counts; another thread's first use is its own)
_UNDER_WAY = threading.local()


def first_use(fn):
    """Decorate a function whose calls build something once (a pattern, an
    index, a module): their time is :class:`FirstUse` time."""
    @functools.wraps(fn)
    def timed(*args, **kwargs):
        if getattr(_UNDER_WAY, "active", False):
            return fn(*args, **kwargs)
        _UNDER_WAY.active = True
        started = time.monotonic()
        try:
            return fn(*args, **kwargs)
        finally:
            _UNDER_WAY.active = False
            FirstUse.seconds += time.monotonic() - started
    return timed


# regex.compile (kept between processes), its time counted as first use
compile_pattern = first_use(compile_regex)


class Deferred:
    """A pattern and its flags, compiled when an attribute is first asked for."""

    __slots__ = ("args", "compiled", "homes")

    def __init__(self, pattern: str, flags: int = 0):
        self.args = (pattern, flags)
        self.compiled = None
        self.homes: list[tuple[dict, str]] = []  # (a module's globals, the name it has there)

    def __getattr__(self, attr: str):
        # only called for the pattern's own attributes (match, search, ...)
        compiled = self.compiled
        if compiled is None:
            pattern, flags = self.args
            # (a pattern built from the rules' word lists is given as a function, called on first use too)
            compiled = self.compiled = compile_pattern(pattern() if callable(pattern) else pattern, flags)
            for namespace, name in self.homes:
                if namespace.get(name) is self:
                    namespace[name] = compiled
        return getattr(compiled, attr)


def deferred(pattern, flags: int = 0) -> Deferred:
    """``regex.compile(pattern, flags)``, on first use; ``pattern`` is a
    string, or a function that returns one (called then)."""
    return Deferred(pattern, flags)


def settle(namespace: dict) -> None:
    """Let each deferred pattern among a module's globals (its own, or one
    it imported from another module) put its compiled pattern in its place
    there on first use."""
    for name, value in namespace.items():
        if isinstance(value, Deferred):
            value.homes.append((namespace, name))
