"""Scans at the positions of their opening words.

A full-text ``finditer`` of a pattern that opens with a case-insensitive
alternation and a look-behind costs the ``regex`` engine a few
milliseconds per article, most of it at positions where no opening word
stands.  :func:`finditer_at` gives the same matches from ``match()`` calls
at the places where an opening word is found with ``str.find`` in the
lower-cased text (:func:`lowered`); :func:`finditer_found`, where a
stdlib ``re`` scan of a pattern's literal words finds one.
:class:`CharClass` answers what a one-character pattern says of a
character, for cheap tests of what must stand around a word.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator, Optional

import regex
from ..grammar.pattern_cache import compile_regex

# The only letters a case-insensitive pattern of Vietnamese letters matches
# whose ``str.lower()`` is not the letter matched (checked over every code
# point): "ſ" matches "s"; "İ" matches "i" but lowers to two characters (a
# lowered text of another length holds it: no scan for it).
_ODD_FOLD = "ſ"
_SPACE = compile_regex(r"\s")


def lowered(text: str, low: Optional[str] = None) -> Optional[str]:
    """``text.lower()`` where opening words can be found in it: same
    offsets, and every letter a case-insensitive pattern takes for a
    Vietnamese letter lowers to that letter; else None (scan in full).
    ``low``: ``text`` lowered already, if the caller has it (lowered
    character by character, for offsets, it keeps its length where an "İ"
    stands: that is looked for then)."""
    if low is None:
        low = text.lower()
        if len(low) != len(text):
            return None
    elif len(low) != len(text) or "İ" in text:
        return None
    return None if _ODD_FOLD in low else low  # ("ſ" lowers to itself)


def may_hold(seg: str, *words: str) -> bool:
    """``seg`` may hold one of ``words`` (lower-case) in any case: a test
    before a case-insensitive pattern that needs one of them."""
    low = lowered(seg)
    if low is None:
        return True
    for w in words:  # (a loop: no generator to set up for the one or two words most callers give)
        if w in low:
            return True
    return False


def holds_letter(text: str, start: int, end: int, letter: str) -> bool:
    """``text[start:end]`` holds ``letter`` (lower-case) in either case: a
    test before a case-insensitive pattern whose every match holds it (a
    letter only its own capital folds to, "ệ" of "tỷ lệ"), without a copy
    of the text."""
    return text.find(letter, start, end) >= 0 or text.find(letter.upper(), start, end) >= 0


def may_end_with(seg: str, words: tuple[str, ...]) -> bool:
    """``seg`` may end with one of ``words`` (lower-case) and white space,
    in any case: a test before a case-insensitive pattern whose every
    match ends so (at ``$``)."""
    low = lowered(seg.rstrip())
    return low is None or low.endswith(words)


class Openers:
    """Where words stand in one text, for scans tried at their opening
    words (each word looked for once per text)."""

    def __init__(self, text: str, low: Optional[str] = None):
        """``low``: ``text`` lowered already (see :func:`lowered`), if known."""
        self.text = text
        self.low = lowered(text, low)
        self._at: dict[str, list[int]] = {}

    def starts(self, words: Iterable[str]) -> Optional[list[int]]:
        """Sorted positions where one of ``words`` (lower-case literals)
        starts, inside a word or not; None when the text must be scanned
        in full."""
        if self.low is None:
            return None
        if isinstance(words, tuple) and len(words) == 1:
            return list(self._positions(words[0]))  # (sorted, no repeats)
        found: set[int] = set()
        for w in words:
            found.update(self._positions(w))
        return sorted(found)

    def starts_before(self, words: Iterable[str], keep: Callable[[str, str, int], bool]) -> Optional[list[int]]:
        """As :meth:`starts`, only where ``keep(text, lowered text, end)``
        holds for the end of the word found (a cheap test of what must
        follow it)."""
        if self.low is None:
            return None
        text, low, found = self.text, self.low, set()
        for w in words:
            n = len(w)
            found.update(p for p in self._positions(w) if keep(text, low, p + n))
        return sorted(found)

    def _positions(self, word: str) -> list[int]:
        at = self._at.get(word)
        if at is None:
            at = self._at[word] = self._find(word)
        return at

    def _find(self, word: str) -> list[int]:
        """Where ``word`` starts: for words of several syllables (or with a
        full stop) whose first one was looked for already ("thị xã" after
        "thị", "tp." after "tp"), among its places; else over the whole
        text."""
        head = word.split(" ", 1)[0].rstrip(".")
        if head != word and head in self._at:
            low = self.low
            return [i for i in self._at[head] if low.startswith(word, i)]
        return _find_all(self.low, word)

    def before(self, positions: list[int], words: Iterable[str]) -> list[int]:
        """Where one of ``words`` (lower-case) starts that ends right before
        one of ``positions`` (found by :meth:`starts`), white space between:
        the openers of "toàn quốc" from its "quốc"."""
        text, low, out, words = self.text, self.low, [], tuple(words)
        for p in positions:
            j = space_before(text, p)
            if low.endswith(words, 0, j):  # (one test for all the words: most places have none)
                out += [j - len(w) for w in words if j >= len(w) and low.startswith(w, j - len(w))]
        return out

    def finditer(self, pattern: regex.Pattern, words: Iterable[str]) -> Iterator[regex.Match]:
        """``pattern.finditer(text)``, for a pattern whose every match opens
        with one of ``words`` (in any case) and none is empty."""
        return finditer_at(pattern, self.text, self.starts(words))


def space_before(text: str, pos: int) -> int:
    """Where the white space that ends at ``pos`` starts (``pos`` if none)."""
    # the common cases first: a word or one space after a word (no letter or digit is white space)
    if pos and text[pos - 1].isalnum():
        return pos
    if pos >= 2 and text[pos - 1] == " " and text[pos - 2].isalnum():
        return pos - 1
    while pos and _SPACE.match(text, pos - 1):
        pos -= 1
    return pos


def _find_all(low: str, word: str) -> list[int]:
    out = []
    i = low.find(word)
    while i >= 0:
        out.append(i)
        i = low.find(word, i + 1)
    return out


def finditer_at(pattern: regex.Pattern, text: str, starts: Optional[list[int]],
                pos: int = 0, endpos: Optional[int] = None) -> Iterator[regex.Match]:
    """The matches ``pattern.finditer(text, pos, endpos)`` gives, tried only
    at ``starts`` (sorted, from ``pos`` on; None: scan in full).  Exact when
    every match of the pattern starts at one of them and none is empty."""
    if starts is None:
        yield from pattern.finditer(text, pos, endpos)
        return
    end = 0
    match = pattern.match
    for s in starts:
        if s < end:
            continue
        m = match(text, s, endpos)
        if m:
            yield m
            end = m.end()


def finditer_found(pattern: regex.Pattern, text: str, finder: re.Pattern) -> Iterator[regex.Match]:
    """The matches ``pattern.finditer(text)`` gives, tried only where
    ``finder`` (a stdlib ``re`` pattern: its scan of literal words is
    several times faster) finds one.  Exact when ``finder`` matches wherever
    a match of ``pattern`` starts (``pattern``'s words without its
    look-arounds) and no match is empty."""
    search, match = finder.search, pattern.match
    pos = 0
    while True:
        found = search(text, pos)
        if found is None:
            return
        m = match(text, found.start())
        if m:
            yield m
            pos = m.end()
        else:
            pos = found.start() + 1


class CharClass(dict):
    """A one-character pattern's answer for each character, remembered:
    ``chars[ch]`` is a dict look-up instead of a ``regex`` call."""

    def __init__(self, pattern: str):
        super().__init__()
        self.pattern = pattern

    def __missing__(self, ch: str) -> bool:
        hit = regex.match(self.pattern, ch, regex.V0) is not None
        if len(self) < _CHARS_KEPT:  # (a hostile text may hold every character)
            self[ch] = hit
        return hit


_CHARS_KEPT = 4096

LETTER = CharClass(r"\p{L}")  # a letter's test, for the loops that look at one character
