"""Asking the regex engine only where a pattern can match: a match with a
bounded look-ahead, the last match in a stretch, a test of how a match may
open, and the string tests (the last word of a window, the words a phrase
may end with or must hold) that rule a pattern out before it is tried."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Optional

import regex

from .context import Context


def match_at(pattern: regex.Pattern, text: str, pos: int, window: int) -> Optional[regex.Match]:
    """``pattern.match(text, pos)`` looking at most ``window`` characters ahead.

    Bounding the look-ahead matters: for a pattern with a required word the
    engine first searches the whole rest of the text for it, which turns a
    page with thousands of candidates quadratic.
    """
    return pattern.match(text, pos, pos + window)  # an end past the text is the text's end


def last_match(pattern: regex.Pattern, text: str, start: int, end: int) -> Optional[regex.Match]:
    """The last of the matches ``pattern.finditer(text, start, end)`` gives, or None."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found

# What lets a pattern's match at a position depend on the text before it
# or on where the text ends: a probe of the text that follows cannot tell.
_CONTEXT_READERS = ("(?<", "\\B", "$", "\\Z", "\\z")


def opening_test(pattern: regex.Pattern) -> Optional[Callable[[str], bool]]:
    """A test "can a match of ``pattern`` at a position open with this
    string" (the regex module's partial matching: False only when nothing
    the string could go on with matches), remembered by string; None for a
    pattern that reads what stands before its start or where the text ends
    (a look-behind, ``\\B``, ``$``): the test could not tell there."""
    if any(token in pattern.pattern for token in _CONTEXT_READERS):
        return None
    return lru_cache(maxsize=4096)(lambda head: pattern.match(head, partial=True) is not None)


def search_tail(pattern: regex.Pattern, window: str, longest: int) -> Optional[regex.Match]:
    """``pattern.search(window)`` for a pattern that matches a phrase of at
    most ``longest`` characters and white space up to the window's end
    ("...\\s+$"): tried only where such a match can start."""
    return pattern.search(window, max(0, len(window.rstrip()) - longest))


def may_end_with(ctx: "Context", lo: int, pos: int, ends: Optional[frozenset[str]]) -> bool:
    """False when the last word of ``ctx.text[lo:pos]`` is none of ``ends``
    (phrases' :func:`last_words`): a pattern whose phrase never follows a
    letter and ends the window finds nothing there, and the engine need not
    be asked (most numbers have no qualifier).  True for ``ends`` None."""
    if ends is None:
        return True
    start, end = last_word_span(ctx.text, lo, pos)
    return fold_case(ctx.text[start:end]) in ends


def fold_case(text: str) -> str:
    """``text`` case-folded letter for letter, as the regex module's
    IGNORECASE compares letters (of a letter ``str.casefold`` makes two,
    "İ" → "i̇", the first), so that offsets stay those of ``text``."""
    folded = text.casefold()
    return folded if len(folded) == len(text) else "".join(c.casefold()[0] for c in text)


def last_word_span(text: str, lo: int, pos: int) -> tuple[int, int]:
    """The span of the letters that end ``text[lo:pos]`` once its trailing
    white space is cut (empty when another character ends it)."""
    i = pos
    while i > lo and text[i - 1].isspace():
        i -= 1
    j = i
    while j > lo and text[j - 1].isalpha():
        j -= 1
    return j, i


def last_word(window: str) -> str:
    """The letters that end ``window`` once its trailing white space is cut."""
    start, end = last_word_span(window, 0, len(window))
    return window[start:end]


def last_words(phrases) -> Optional[frozenset[str]]:
    """The case-folded last words of ``phrases`` (:func:`may_end_with`'s
    ``ends``); None when a phrase does not end in a letter."""
    ends = set()
    for phrase in phrases:
        if not phrase or not phrase[-1].isalpha():
            return None
        ends.add(fold_case(last_word(phrase)))
    return frozenset(ends)


def cores(words) -> frozenset[str]:
    """The case-folded ``words`` that hold none of the others: a text that
    holds none of these holds none of ``words``."""
    folded = {fold_case(w) for w in words}
    return frozenset(w for w in folded if not any(o != w and o in w for o in folded))

