"""The stretches of a text around its years where dated forms are tried:
the years found, how each is written (a date, a span, a list, a bracket,
a range of days), the forms whose needs a window meets and where in it
they can open; and the years a listing time names one by one
(:func:`listed_years`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, Optional

import regex

from ..words import CharClass, Openers, finditer_at
from ...grammar.pattern_cache import compile_regex
from .values import TimeMention, Y
from .forms import (CLOSED, DATED, dated_forms, DAY, DAY_HEAD, Form, FORMS, LIST_GAP, LISTED, RANGED, SPAN,
    SPAN_GAP, WAYS)
from .starts import DIGIT, stands

# "từ ngày 1/7 đến ngày 5/7/2025", "từ 28/6/2024 - 2/7/2024": one range of
# days (opening with a digit keeps the scan fast; the words before are
# read apart)
_DATES_RANGE = compile_regex(r"(?P<d1>\d{1,2})[/.-](?P<m1>\d{1,2})(?:[/.-]" + Y.format("y1") + r")?\s{0,3}(?:-|đến|tới)\s{0,3}"
                             r"(?:ngày\s+)?" + DAY + r"(?!\w)", regex.I)
# Every dated form ends within this many characters after its first year
# and starts within this many before it.
_BEFORE, _AFTER = 90, 40


class YearWindows:
    """Stretches of a text around its years, merged: the only places a
    dated form can match (one cheap scan instead of every form over all),
    each with the forms' needs it holds and its years."""

    def __init__(self, text: str, low: Optional[str]):
        """``low``: the text lower-cased (:func:`words.lowered`), or None:
        every word is taken to stand in every window."""
        self.years = _years(text)  # the spans of the text's years
        merged: list[list] = []  # [start, end, its years' starts, {a way years are written: the years so written}]
        for i, (start, end) in enumerate(self.years):
            s, e = max(0, start - _BEFORE), min(len(text), end + _AFTER)
            if merged and s <= merged[-1][1]:
                merged[-1][1] = e
                merged[-1][2].append(start)
                for way in _written_after(text, self.years[i - 1][1], start):
                    merged[-1][3].setdefault(way, []).append(start)
            else:
                merged.append([s, e, [start], {}])
            for way in _written_around(text, merged[-1][0], start, end):
                merged[-1][3].setdefault(way, []).append(start)
        for _, _, years, ways in merged:
            if len(ways.get(LISTED, ())) > 1:
                ways[LISTED] = _list_ends(years, ways[LISTED])
        self.spans = [(s, e) for s, e, *_ in merged]
        # (what each window holds: the forms' words in it and the ways its years are written)
        self._windows = [(s, e, _NEEDS if low is None else _words_in(low[s:e]).union(ways), years, ways)
                         for s, e, years, ways in merged]

    def ranges_of_days(self, text: str) -> Iterator[regex.Match]:
        """The matches of _DATES_RANGE, in the windows with a date that ends
        a range of days."""
        for s, e, held, *_ in self._windows:
            if RANGED in held:
                yield from _DATES_RANGE.finditer(text, s, e)

    def matches(self, openers: Openers) -> Iterator[tuple[Form, regex.Match]]:
        """Each dated form with each of its matches, window by window, in
        the windows holding what it needs, tried where it can open (its
        words looked for in the window only) or backwards from its years'
        ends."""
        for s, e, held, years, ways in self._windows:
            words: dict[str, list[int]] = {}  # where the forms' words stand in the window
            for form in _forms_for(held):
                if form.backward is not None:
                    written = years if form.written is None else ways.get(form.written, ())
                    found = _ending_at(form.backward, openers.text, s, written)
                else:
                    at = None if openers.low is None else _openings(form, openers, (s, e, years, ways), words)
                    found = finditer_at(form.pattern, openers.text, at, s, e)
                for m in found:
                    yield form, m


def _years(text: str) -> list[tuple[int, int]]:
    """The spans of the years in ``text`` ("19" or "20" and two digits, no
    digit around), found from where "19" and "20" stand: a fraction of the
    cost of a pattern's scan."""
    out, n, digit = [], len(text), DIGIT
    for head in ("19", "20"):
        i = text.find(head)
        while i >= 0:
            if (i + 4 <= n and digit[text[i + 2]] and digit[text[i + 3]] and not (i + 4 < n and digit[text[i + 4]])
                    and not (i and digit[text[i - 1]])):
                out.append((i, i + 4))
            i = text.find(head, i + 1)
    out.sort()
    return out


# each form's needs ("a|b": one of the words), the words of each, and all words
_NEEDS = frozenset(words for form in FORMS for words in form.needs)
_NEED_WORDS = [(words, frozenset(words.split("|"))) for words in sorted(_NEEDS - WAYS)]
_WORDS = sorted({w for _, alternatives in _NEED_WORDS for w in alternatives})
_DATE_SEPARATORS = frozenset("/.-")
_SPAN_GAP_RE = compile_regex(SPAN_GAP, regex.I | regex.V0)
_LIST_GAP_RE = compile_regex(LIST_GAP, regex.I | regex.V0)


_LISTED_YEARS = compile_regex(r"(?:các\s+)?năm\s+(?:19|20)\d\d(?:" + LIST_GAP + r"(?:19|20)\d\d)+", regex.I)
_A_YEAR = compile_regex(r"(?:19|20)\d\d")


def listed_years(text: str, t: TimeMention) -> list[str]:
    """The years a time lists one by one ("năm 2022, 2023 và 2024"), in
    order; [] for any other time."""
    if not _LISTED_YEARS.fullmatch(text, t.start, t.end):
        return []
    return _A_YEAR.findall(text, t.start, t.end)


# a day and its month after a range's "-" or "đến", up to a year: what every
# match of _DATES_RANGE and of the range form holds (searched backwards from
# the year: one try where the match must end)
_RANGED_BEFORE = compile_regex(r"(?:-|–|đến|tới|và|,)\s{0,3}(?:ngày\s+)?" + DAY_HEAD + r"\Z",
                               regex.I | regex.V0 | regex.REVERSE)


def _words_in(low: str) -> frozenset[str]:
    """The forms' words that the lower-cased ``low`` holds."""
    return frozenset([w for w in _WORDS if w in low])


@lru_cache(maxsize=1024)  # (windows hold few sets of words)
def _forms_for(held: frozenset[str]) -> tuple[Form, ...]:
    """The dated forms whose needs a window meets that holds ``held``: the
    forms' words it holds and the ways its years are written."""
    has = held.union(words for words, alternatives in _NEED_WORDS if not alternatives.isdisjoint(held))
    return tuple(form for form in dated_forms() if form.needs <= has)


def _list_ends(years: list[int], listed: list[int]) -> list[int]:
    """The ``listed`` years (each a list's next item after the year before
    it in ``years``) that end their list: a listed form ends there, not at
    the items inside ("năm 2022, 2023, 2024")."""
    order = {y: k for k, y in enumerate(years)}
    inside = {y for y, after in zip(listed, listed[1:]) if order[after] == order[y] + 1}
    return [y for y in listed if y not in inside]


def _written_after(text: str, before: int, year: int) -> set[str]:
    """How the year at ``year`` is written after the year that ends at
    ``before``: as a span's end, as a list's next item (what lies between
    them tells)."""
    written = set()
    if _SPAN_GAP_RE.fullmatch(text, before, year):
        written.add(SPAN)
    if _LIST_GAP_RE.fullmatch(text, before, year):
        written.add(LISTED)
    return written


def _written_around(text: str, s: int, start: int, end: int) -> list[str]:
    """How the year from ``start`` to ``end`` is written, from what lies
    right around it (``s``: its window's start): after a date's separator,
    and then at the end of a range of days; before a closing bracket."""
    ways = []
    # (any separator among the two characters before: more than "[/.-]\s?", which is safe)
    if not _DATE_SEPARATORS.isdisjoint(text[max(0, start - 2):start]):
        ways.append(DATED)
        if _RANGED_BEFORE.match(text, s, start):  # (backwards: tried where it must end only)
            ways.append(RANGED)
    if ")" in text[end:end + 4]:  # (what "\s{0,3}\)" can be)
        ways.append(CLOSED)
    return ways


def _openings(form: Form, openers: Openers, window: tuple, words: dict[str, list[int]]) -> Optional[list[int]]:
    """Where ``form`` can open in ``window`` (start, end, its years' starts,
    those of each way years are written): at its words, standing on their own
    (``words``: those of the window found so far) or before a year; None
    when every place must be tried."""
    if not form.opens and form.lead < 0:
        return None
    s, _, years, ways = window
    found = [_standing_in_window(openers.low, w, window, words) for w in form.opens]
    if form.lead >= 0:
        found.append(_before_years(form, openers.text, s, years if form.written is None else ways[form.written]))
    return found[0] if len(found) == 1 else sorted(set().union(*found))  # (each sorted already, no repeats)


def _ending_at(backward: regex.Pattern, text: str, s: int, years: list[int]) -> Iterator[regex.Match]:
    """The matches of a form that ends with a year (``backward``: its
    pattern searching backwards), from ``s`` on, that end with one of
    ``years``: the ones its forward scan finds (a match's start is the
    leftmost one that ends there; one that starts inside the match before,
    by a year they share, is left as that scan leaves it)."""
    n, end = len(text), 0
    for y in years:
        # (no letter after the year: what the pattern's end asks, which a match ending there cannot see)
        if y + 4 < n and _WORD_CHAR[text[y + 4]]:
            continue
        m = backward.match(text, s, y + 4)
        if m and m.start() >= end:
            yield m
            end = m.end()


def _before_years(form: Form, text: str, s: int, years: list[int]) -> list[int]:
    """Where ``form`` can open at most its ``lead`` characters before one of
    ``years`` (from ``s`` on), sorted: where one of its first characters
    opens a word (a lead reaching no year before)."""
    first = _FIRST_CHARS[form.first]
    return [p for y in years for p in range(max(s, y - form.lead), y + 1)
            if first[text[p]] and not (p and _WORD_CHAR[text[p - 1]])]


def _standing_in_window(low: str, word: str, window: tuple, words: dict[str, list[int]]) -> list[int]:
    """:func:`_standing_in` of ``window``, kept in ``words`` (the window's found so far)."""
    at = words.get(word)
    if at is None:
        at = words[word] = _standing_in(low, word, window[0], window[1])
    return at


def _standing_in(low: str, word: str, s: int, e: int) -> list[int]:
    """Where ``word`` starts between ``s`` and ``e`` of the lower-cased
    ``low``, no letter right before or after it."""
    out, n = [], len(word)
    i = low.find(word, s, e)
    while i >= 0:
        if stands(low, i, n):
            out.append(i)
        i = low.find(word, i + 1, e)
    return out


_WORD_CHAR = CharClass(r"\w")
_FIRST_CHARS = {form.first: CharClass(rf"(?i)[{form.first}]") for form in FORMS}
