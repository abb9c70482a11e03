"""Where the whole-text scans can start: the positions of the words each
one opens with or goes on with (from the text's :class:`Openers`), and the
cheap character tests they share.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...numbers import SPELLED_START
from ..words import CharClass, Openers, space_before
from ...grammar.pattern_cache import compile_regex
from .forms import COUNT_WORDS
from ..relative_times import TIMES_OF_DAY

def since_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of SINCE_ANCHOR can start: at "qua", "sau", or
    "trải" right before "qua"; none without a "năm" before the work it
    counts years of, which most texts lack (None: scan in full)."""
    years = openers.starts(("năm",))
    if years is None:
        return None
    text = openers.text
    if not any(_WORK_AFTER.match(text, p + 3) for p in years):
        return []
    past, after = _standing(openers, "qua"), _standing(openers, "sau")
    past = [p for p in past if _count_after(text, p + 3)]
    return sorted(set(past + [p for p in after if _count_after(text, p + 3)] + openers.before(past, ("trải",))))


def relative_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of RELATIVE_RE can start: at "năm" or "tháng" with a
    word after it that one of its forms goes on with, or at "trong" right
    before "năm" (None: scan in full)."""
    at = openers.starts_before(("năm", "tháng"), _may_go_on_relative)
    return None if at is None else sorted(set(at + openers.before(openers.starts(("năm",)), ("trong",))))


def progress_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of PROGRESS_RE can start: at "đến" or "tới", or at
    "tính" right before one (None: scan in full)."""
    until = openers.starts(("đến", "tới"))
    return None if until is None else sorted(set(until + openers.before(until, ("tính",))))


# the words after "năm" or "tháng" in the forms of RELATIVE_RE ("năm nay", "tháng vừa qua")
_RELATIVE_NEXT = ("nay", "qua", "vừa", "gần")


def _may_go_on_relative(text: str, low: str, end: int) -> bool:
    while end < len(low) and low[end].isspace():
        end += 1
    return low.startswith(_RELATIVE_NEXT, end)


def _count_after(text: str, pos: int) -> bool:
    """A count (a digit, or a word that is the first of a count's words)
    follows the white space at ``pos``: what SINCE_ANCHOR reads after its word."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    end = pos
    while end < len(text) and text[end].isalpha():
        end += 1
    return pos < len(text) and (text[pos].isdigit() or text[pos:end].lower() in _COUNT_HEADS)


def _standing(openers: Openers, word: str) -> Optional[list[int]]:
    """Where ``word`` starts as a word of its own, no letter right before or
    after it ("qua", not the "qua" of "quan"): the only places the scans
    that open or go on with it past white space can use (None: scan in full)."""
    at = openers.starts((word,))
    if at is None:
        return None
    text, n = openers.text, len(word)
    return [p for p in at if stands(text, p, n)]


def stands(text: str, pos: int, n: int) -> bool:
    """No letter right before or after the ``n`` characters at ``pos``."""
    return not (pos and text[pos - 1].isalpha()) and not text[pos + n:pos + n + 1].isalpha()


def day_range_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of DAY_RANGE_NO_YEAR can start: at "ngày", or at
    "từ" right before it (None: scan in full)."""
    day = openers.starts(("ngày",))
    return None if day is None else sorted(set(day + openers.before(day, ("từ",))))


def null_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of NULL_RE can start, found from the words it ends
    with: "hiện" ("hiện nay"), "mỗi", "hằng", "hàng", "những" before
    "năm", "nhiệm kỳ" and "thời gian" before "qua", "nhiệm kỳ" before "tới"
    and "mới" (None: scan in full)."""
    now = _standing(openers, "hiện")
    if now is None:
        return None
    # (the words before "qua" looked for in one pass: "thời kỳ qua", never a match, is tried too)
    past = openers.before(openers.before(_standing(openers, "qua"), ("kỳ", "gian")), ("nhiệm", "thời"))
    # ("nhiệm kỳ tới", "nhiệm kỳ mới": the coming term, no years)
    coming = openers.before(openers.before(openers.starts(("tới", "mới")), ("kỳ",)), ("nhiệm",))
    return sorted(set(now + openers.before(openers.starts(("năm",)), ("mỗi", "hằng", "hàng", "những")) + past + coming))


def after_day_word_starts(openers: Openers) -> Optional[list[int]]:
    """Where a day without its year that a day word stands right before
    can start: right after "ngày", "sáng", ... (None: scan in full).  The
    others are of no use, and skipping them hides none of these: two
    matches of NO_YEAR never overlap (its look-ahead forbids it)."""
    if openers.low is None:
        return None
    text, digit = openers.text, DIGIT
    # (a match opens with white space and a digit)
    return sorted({q for w in ("ngày", "đến", "tới", "hết") + TIMES_OF_DAY for q in (p + len(w) for p in openers.starts((w,)))
                   if q + 1 < len(text) and digit[text[q + 1]]})


def counts_before(openers: Openers, halves: list[int]) -> Optional[list[int]]:
    """Where a match of MONTHS_NO_YEAR can start: at a count right before
    a "tháng đầu năm" (``halves``: where those start); None: scan in full."""
    if openers.low is None:
        return None
    digits = [j - k for j in (space_before(openers.text, h) for h in halves) for k in (1, 2) if j >= k]
    return sorted(set(digits + openers.before(halves, COUNT_WORDS)))


def word_starts(text: str, pos: int) -> bool:
    """No letter or digit right before ``pos``: a word starts there."""
    return pos == 0 or not text[pos - 1].isalnum()


# what every match of SINCE_ANCHOR holds after its "năm" (a test before the scan)
_WORK_AFTER = compile_regex(r"\s+(?:thực|triển|thi|tổ)", regex.I)
# the first word of each count in words (a test before SINCE_ANCHOR)
_COUNT_HEADS = frozenset(SPELLED_START)
DIGIT = CharClass(r"\d")  # (the engine's digits: str.isdecimal knows fewer)
