"""Times read together once found: "9 tháng" named again after "9 tháng
năm 2024", two times joined by "và" or a range into one period, and a
time opened by "từ" and closed by "đến nay".
"""

from __future__ import annotations

import regex

from ...grammar.pattern_cache import compile_regex
from .values import time, TimeMention
from .undated import PROGRESS_RE

# "9 tháng năm 2024", "6 tháng đầu năm 2023": the first months of a year, stated
_FIRST_MONTHS = compile_regex(r"(?<![\p{L}\d/.,])(?P<n>\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(?:19|20)\d\d(?!\d)", regex.I)
# "Giá trị sản xuất công nghiệp 9 tháng tăng 12,6%": the same count of months again, with no year
# (a length of time is no such period: "mỗi 3 tháng", "hơn 9 tháng", "sau 6 tháng")
_MONTHS_AGAIN = compile_regex(r"(?<![\p{L}\d/.,])(?<!(?:mỗi|hơn|gần|khoảng|sau|trên|dưới|chừng)\s)(?P<n>\d{1,2})[^\S\n]+tháng(?![\p{L}])(?![^\S\n]+(?:đầu|cuối|năm|qua|tới|nữa|sau|trước|\d))",
                              regex.I)


def months_named_again(text: str, times: list[TimeMention], free) -> list[TimeMention]:
    """"9 tháng" alone in a text that states "9 tháng (đầu) năm 2024": the
    same first months of that year, named again (a report's short way);
    only when the text states those months of one year only."""
    stated = {}
    for t in times:
        m = _FIRST_MONTHS.match(text, t.start, t.end) if t.kind == "time" and t.period else None
        if m is not None:
            stated.setdefault(int(m.group("n")), set()).add(t.period)
    out = []
    if not stated:
        return out
    for m in _MONTHS_AGAIN.finditer(text):
        periods = stated.get(int(m.group("n")))
        if periods and len(periods) == 1 and free(m.start(), m.end()):
            out.append(time(m.start(), m.end(), next(iter(periods))))
    return out


# ("năm học 2024-2025 và năm học 2025-2026": the second span's word stands outside its time)
_AND = compile_regex(r"\s{0,3}(?:,\s*)?và\s+(?:trong\s+)?(?:(?:năm\s+học|niên\s+vụ|niên\s+độ)\s+)?", regex.I)
_TO = compile_regex(r"[^\S\n]{0,3}(?:-|–|đến|tới)[^\S\n]+(?:hết[^\S\n]+)?", regex.I)


def _school_years_in_turn(first: tuple, second: tuple) -> bool:
    """Two spans of two years, the second opening in the year the first
    ends ("2024-2025" then "2025-2026"): school or crop years in turn."""
    return len(first[0]) == len(first[1]) == len(second[0]) == 4 and first[0] < first[1] == second[0] < second[1]


def join_times(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """"năm 2023 và 6 tháng đầu năm 2024": two times joined by "và", the
    later after the earlier, are one period from the first's start to the
    second's end (what figures stated for both hold for); so are "từ năm
    2023 đến 6 tháng đầu năm 2025" (a range whose ends are times)."""
    out: list[TimeMention] = []
    for t in times:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == t.kind == "time" and not prev.named and not t.named
                and prev.period and t.period and all(prev.period) and all(t.period)
                and (prev.period[1] < t.period[0] or _school_years_in_turn(prev.period, t.period))
                and (_AND.fullmatch(text, prev.end, t.start)
                     or _TO.fullmatch(text, prev.end, t.start)
                     and (_SINCE_BEFORE.search(text, max(0, prev.start - 16), prev.start)
                          or text.startswith(("từ", "Từ"), prev.start)))):
            out[-1] = time(prev.start, t.end, (prev.period[0], t.period[1]))
            continue
        if (prev is not None and prev.kind == t.kind == "time" and not prev.named and prev.period and t.period
                and all(prev.period) and t.period[0] is None and t.period[1] and prev.period[1] < t.period[1]
                and _BLANK.fullmatch(text, prev.end, t.start) and _TO.match(text, t.start)
                and _SINCE_BEFORE.search(text, max(0, prev.start - 16), prev.start)):
            # ("từ tháng 3/2024 đến quý II/2025": the end read as "đến quý II/2025", an open start)
            out[-1] = time(prev.start, t.end, (prev.period[0], t.period[1]))
            continue
        out.append(t)
    return out


_SINCE_BEFORE = compile_regex(r"(?<!\w)(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?$", regex.I)
_BLANK = compile_regex(r"[^\S\n]{1,3}")


def since_until_now(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """"từ (đầu) tháng 10 đến nay", "từ ngày 1/10/2025 đến nay": a time
    opened by "từ" and closed by "đến nay" is a period from its start, open
    end (as "từ năm 2020 đến nay" is), not the null of "đến nay"."""
    out: list[TimeMention] = []
    for t in times:
        prev = out[-1] if out else None
        if (prev is not None and t.kind == "null" and prev.kind == "time" and prev.period and prev.period[0]
                and prev.period[1] and _BLANK.fullmatch(text, prev.end, t.start)
                and PROGRESS_RE.fullmatch(text, t.start, t.end)):
            since = _SINCE_BEFORE.search(text, max(0, prev.start - 16), prev.start)
            if since is not None:
                out[-1] = time(since.start(), t.end, (prev.period[0], None))
                continue
        out.append(t)
    return out
