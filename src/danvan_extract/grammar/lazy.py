"""Module patterns compiled on their first use.

Compiling with the ``regex`` module's parser is most of a cold start, and
a short text meets only some of a module's patterns.  A module writes
``_X = deferred(r"...", flags)`` and calls :func:`settle` on its globals at
its end: on first use the pattern is compiled and takes the deferred
one's place among the module's globals, so the module's own functions
call the compiled pattern directly from then on.
"""

from __future__ import annotations

import regex


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
            compiled = self.compiled = regex.compile(*self.args)
            for namespace, name in self.homes:
                if namespace.get(name) is self:
                    namespace[name] = compiled
        return getattr(compiled, attr)


def deferred(pattern: str, flags: int = 0) -> Deferred:
    """``regex.compile(pattern, flags)``, on first use."""
    return Deferred(pattern, flags)


def settle(namespace: dict) -> None:
    """Let each deferred pattern among a module's globals (its own, or one
    it imported from another module) put its compiled pattern in its place
    there on first use."""
    for name, value in namespace.items():
        if isinstance(value, Deferred):
            value.homes.append((namespace, name))
