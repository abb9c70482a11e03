"""What a found time is to its figure: a base ("so với năm 2023") or the time
of what the figure is compared with (``ref``); and a document's effective
date, which opens a period that a later "kể từ ngày ... có hiệu lực"
refers back to.
"""

from __future__ import annotations

import bisect
from typing import Optional

import regex

from ...grammar.pattern_cache import compile_regex
from .values import time, TimeMention
from .starts import word_starts

# "Nghị quyết có hiệu lực kể từ ngày được thông qua (ngày 12/6)"
_EFFECT = compile_regex(r"(?<!\w)(?:có|phát\s+sinh)\s+hiệu\s+lực(?![\p{L}])[^.;\n]{0,60}$", regex.I)
# "Kể từ ngày Nghị quyết này có hiệu lực thi hành, ...": that effective date
_SINCE_EFFECT = compile_regex(r"từ\s+(?:ngày|khi)\s+[^,.;\n\d]{0,60}?có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?!\w)",
                              regex.I)


def effective_dates(text: str, out: list[TimeMention], free, take) -> list[TimeMention]:
    """A date a document takes effect on opens a period without end; a later
    "kể từ ngày ... có hiệu lực" refers back to it."""
    out.sort(key=lambda t: t.start)
    dated = []
    for t in out:
        start, end = t.period or (None, None)
        if t.kind == "time" and start and start == end and len(start) == 10 and _EFFECT.search(
                text, max(0, t.start - 80), t.start):
            t = time(t.start, t.end, (start, None), t.kind)
        dated.append(t)
    opened = [t for t in dated if t.period and t.period[0] and t.period[1] is None and len(t.period[0]) == 10]
    ends = [t.end for t in opened]
    for m in _SINCE_EFFECT.finditer(text):
        i = bisect.bisect_right(ends, m.start()) - 1
        if i >= 0 and word_starts(text, m.start()) and free(m.start(), m.end()):
            take(m.start(), m.end())
            dated.append(time(m.start(), m.end(), opened[i].period))
    return dated


# "so với nhu cầu của giai đoạn 2021-2025": the time of what a figure is
# compared with, not the figure's
_COMPARED = compile_regex(r"(?<![\p{L}])so\s+với\s+[^,;.\n()\d]{3,80}?[\s(]*$", regex.I)


# "so với quý I", "so với tháng 7/2023", "so với 6 tháng đầu năm 2023": the
# time right after "so với" is the base of a change, as "so với năm 2023" is
_BASE_BEFORE = compile_regex(r"(?<![\p{L}])so\s+với\s+(?:cùng\s+kỳ\s+)?$", regex.I)


def compared(text: str, t: TimeMention, low: Optional[str] = None) -> TimeMention:
    """``t`` as a ``base`` when a change is compared with it, as a ``ref``
    when it is the time of what a figure is compared with; ``low``: the
    text lower-cased, if known ("so" is looked for first)."""
    lo = max(0, t.start - 90)
    if t.kind != "time" or (low is not None and low.find("so", lo, t.start) < 0):
        return t
    if t.period and _BASE_BEFORE.search(text, max(0, t.start - 20), t.start):
        return time(t.start, t.end, t.period, "base")
    if not _COMPARED.search(text, lo, t.start):
        return t
    return time(t.start, t.end, t.period, "ref")
