"""Scans at the positions of their opening words.

A full-text ``finditer`` of a pattern that opens with a case-insensitive
alternation and a look-behind costs the ``regex`` engine a few
milliseconds per article, most of it at positions where no opening word
stands.  :func:`finditer_at` gives the same matches from ``match()`` calls
at the places where an opening word is found with ``str.find`` in the
lower-cased text (:func:`lowered`).
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional

import regex

# The only letters a case-insensitive pattern of Vietnamese letters matches
# whose ``str.lower()`` is not the letter matched (checked over every code
# point): "ſ" matches "s"; "İ" matches "i" but lowers to two characters.
_ODD_FOLDS = ("ſ", "İ")


def lowered(text: str) -> Optional[str]:
    """``text.lower()`` where opening words can be found in it: same
    offsets, and every letter a case-insensitive pattern takes for a
    Vietnamese letter lowers to that letter; else None (scan in full)."""
    low = text.lower()
    if len(low) != len(text) or any(ch in text for ch in _ODD_FOLDS):
        return None
    return low


def starts_of(low: str, words: Iterable[str]) -> list[int]:
    """Sorted positions in ``low`` where one of ``words`` (lower-case
    literals) starts, at word starts or not."""
    found = set()
    for w in words:
        i = low.find(w)
        while i >= 0:
            found.add(i)
            i = low.find(w, i + 1)
    return sorted(found)


def finditer_at(pattern: regex.Pattern, text: str, starts: Optional[list[int]]) -> Iterator[regex.Match]:
    """The matches ``pattern.finditer(text)`` gives, tried only at
    ``starts`` (sorted; None: scan in full).  Exact when every match of the
    pattern starts at one of them and none is empty."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    match = pattern.match
    for s in starts:
        if s < end:
            continue
        m = match(text, s)
        if m:
            yield m
            end = m.end()
