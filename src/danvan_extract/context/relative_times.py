"""Times told relative to the article's date: "năm ngoái" (the year
before), "năm tới", "tháng trước", "tháng này", "quý trước", "quý
này", "hôm qua", "hôm nay", "sáng nay", "chiều qua" (yesterday afternoon),
"từ đầu tháng (đến nay)", and
"9 tháng năm nay" (the first nine months of the article's year), "năm
học mới", "năm học này" (a school year runs from September to May), and
"9 tháng," opening a report dated in October (:func:`months_so_far`).

FACTS.md reads "năm nay", "năm qua" as the year of the article's date;
the other words a reporter counts from the day he writes on are read the
same way.  A year, month or quarter before or after opens its clause
("Năm ngoái, huyện …", "…; tháng trước, …"): mid-clause "năm trước" is
most often a comparison ("năm sau cao hơn năm trước", "bằng năm
trước").  Without the article's date they state a time no reader can
tell: no period.
"""

from __future__ import annotations

import datetime
from typing import Optional

import regex

from .words import Openers, finditer_at
from ..grammar.pattern_cache import compile_regex

TIMES_OF_DAY = ("sáng", "chiều", "tối", "trưa", "đêm")  # (the times of a day: "sáng nay", "7 giờ tối", "chiều ngày 5/3")
# (the words each form opens with, for the scan's starts)
_OPENING = ("năm", "tháng", "quý", "hôm") + TIMES_OF_DAY + ("từ",)
_RELATIVE = compile_regex(
    r"(?:(?P<first>tháng)\s+năm\s+nay"
    r"|(?P<since>từ\s+đầu\s+tháng)(?:\s+này)?(?:\s+(?:đến|tới)\s+nay)?"
    r"|năm\s+học\s+(?P<school>mới|này)|năm\s+(?P<year>ngoái|trước|tới)|tháng\s+(?P<month>trước|này)"
    r"|quý\s+(?P<quarter>trước|này)"
    r"|hôm\s+(?P<day>qua|nay)|(?:" + "|".join(TIMES_OF_DAY) + r")\s+(?P<today>nay|qua))(?!\w)"
    r"(?!\s+(?:đó|nữa)(?!\w))",  # ("năm trước đó", "năm trước nữa": counted from another time)
    regex.I)
# a count of months before "tháng năm nay" ("9 tháng năm nay", "Sáu tháng năm nay")
_COUNT_BEFORE = compile_regex(r"(?<![\w:.,/])(?P<n>\d{1,2}|sáu|chín|ba|bốn|tám|bảy|mười|mười một)\s+$", regex.I)
_WORD_COUNTS = {"ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11}
# what a year, month or quarter told so opens: the text's or a line's start, a clause's punctuation,
# a spaced dash (a dateline's "LÂM ĐỒNG, 5/9/2024 - Sáng nay, …"), and "trong" / "cũng trong" /
# "riêng" right before it
_CLAUSE_OPEN = compile_regex(r"(?:^|[\n.,;:!?(]\s*|\s[-–—]\s*|[\n.,;:!?(]?\s*(?:cũng\s+)?(?:trong|riêng)\s+)$", regex.I)


def _article_day(published: Optional[str]) -> Optional[datetime.date]:
    try:
        return datetime.date.fromisoformat(published) if published and len(published) == 10 else None
    except ValueError:
        return None


def month_shifted(year: int, month: int, shift: int) -> str:
    """The month ``shift`` months after ``year``-``month`` (before, when
    negative), as "YYYY-MM"."""
    n = year * 12 + month - 1 + shift
    return f"{n // 12}-{n % 12 + 1:02d}"


def _months(day: datetime.date, shift: int) -> str:
    return month_shifted(day.year, day.month, shift)


def _period(m, day: datetime.date, count: Optional[str]) -> Optional[tuple[Optional[str], Optional[str]]]:
    word = (m.group("year") or m.group("month") or m.group("quarter") or m.group("day") or m.group("today")
            or "").lower()
    if m.group("first"):
        n = int(count) if count.isdigit() else _WORD_COUNTS[count.lower()]
        return (f"{day.year}-01", f"{day.year}-{min(max(n, 1), 12):02d}")
    if m.group("school"):
        # a school year opens in September: "năm học mới" is the one that opens in the article's
        # year, "năm học này" the one the article's date lies in
        first = day.year if m.group("school").lower() == "mới" or day.month >= 8 else day.year - 1
        return (str(first), str(first + 1))
    if m.group("since"):
        return (_months(day, 0), None)
    if m.group("year"):
        y = str(day.year + (1 if word == "tới" else -1))
        return (y, y)
    if m.group("month"):
        month = _months(day, -1 if word == "trước" else 0)
        return (month, month)
    if m.group("quarter"):
        first = (day.month - 1) // 3 * 3 - (3 if word == "trước" else 0)
        return (_months(day, first - day.month + 1), _months(day, first - day.month + 3))
    iso = (day - datetime.timedelta(days=1 if word == "qua" else 0)).isoformat()
    return (iso, iso)


def relative_times(text: str, published: Optional[str], openers: Openers, free):
    """(start, end, period) of each time in ``text`` told relative to the
    article's date ``published`` (ISO), where ``free(start, end)``; the
    period is None when the article has no date."""
    day = _article_day(published)
    for m in finditer_at(_RELATIVE, text, openers.starts(_OPENING)):
        s = m.start()
        if s and text[s - 1].isalnum():
            continue
        count = None
        if m.group("first"):
            found = _COUNT_BEFORE.search(text, max(0, s - 10), s)
            if not found:
                continue  # ("tháng năm nay" without a count: no form of its own)
            count, s = found.group("n"), found.start()
        elif not m.group("since") and not _CLAUSE_OPEN.search(text, max(0, s - 20), s):
            continue  # ("bằng 110% năm trước", "thành quả của ngày hôm nay": no time of a figure)
        if not free(s, m.end()):
            continue
        yield s, m.end(), (_period(m, day, count) if day else None)


# "9 tháng, toàn tỉnh thu …", "Lũy kế 8 tháng, …": in a report dated in the month
# after those months or in the last of them, the year's first months, as "9 tháng năm nay"
# ("Sau 8 tháng thi công", "trong 3 tháng" of a December article: durations, no period)
# ("Tính chung 9 tháng," sums from the year's start as "lũy kế" does; "Hết 9 tháng,": when they end)
_LEAD = compile_regex(r"(?:^|[\n.;:!?(]\s*|,\s+)(?:(?:trong|(?P<sum>lũy\s+kế|tính\s+chung)|kết\s+quả|hết)\s+)?$",
                      regex.I)
# ("Chín tháng qua, …": in such a report the months past are the year's)
_COMMA_AFTER = compile_regex(r"(?:[^\S\n]+(?:vừa[^\S\n]+)?qua)?[^\S\n]*,", regex.I)


# "Xuất khẩu 9 tháng đạt 3 tỷ USD": the months a report's total is stated for, before its verb
# (not a duration: "sau 8 tháng đạt", "trong vòng 3 tháng đạt")
_STATED_AFTER = compile_regex(r"[^\S\n]+(?:ước[^\S\n]+)?đạt(?![\p{L}])", regex.I)
_DURATION_BEFORE = compile_regex(r"(?<![\p{L}])(?:sau|vòng|mất|gần|hơn|khoảng|được|trên|dưới|trong|qua|hết)\s+$", regex.I)


def months_so_far(text: str, published: Optional[str], openers: Openers, free, year_before=None):
    """(start, end, period) of each "N tháng," opening a clause of a report
    dated in month N or N + 1, and of each "N tháng" right before the verb
    that states a total ("Xuất khẩu 9 tháng đạt …"): January to month N of
    the article's year.  Without a date, "Lũy kế N tháng" (a sum from the
    year's start) takes the year stated last before it (``year_before``)."""
    day = _article_day(published)
    if not day and year_before is None:
        return
    for p in openers.starts(("tháng",)) or ():
        if text[p + 5:p + 6].isalnum():
            continue
        stated = _STATED_AFTER.match(text, p + 5)
        if not (stated or _COMMA_AFTER.match(text, p + 5) or text.find("kế", max(0, p - 14), p) >= 0):
            continue  # (the cheap tests first: a comma or "đạt" after it, or "lũy kế" before it)
        count = _COUNT_BEFORE.search(text, max(0, p - 10), p)
        lead = _LEAD.search(text, max(0, count.start() - 20), count.start()) if count else None
        if stated and count and not lead and not _DURATION_BEFORE.search(text, max(0, count.start() - 10), count.start()):
            lead = stated  # (after the total's noun: "Kim ngạch xuất khẩu 9 tháng đạt")
        elif not lead or not (lead.group("sum") or stated or _COMMA_AFTER.match(text, p + 5)):
            continue  # ("Lũy kế 10 tháng đạt …": a sum from the year's start, a comma or not)
        word = count.group("n")
        n = int(word) if word.isdigit() else _WORD_COUNTS[word.lower()]
        if not day:
            y = year_before(count.start()) if lead is not stated and lead.group("sum") else None
            if y and 2 <= n <= 12 and free(count.start(), p + 5):
                yield count.start(), p + 5, (f"{y}-01", f"{y}-{n:02d}")
            continue
        if 2 <= n <= 11 and n in (day.month, day.month - 1) and free(count.start(), p + 5):
            yield count.start(), p + 5, (f"{day.year}-01", f"{day.year}-{n:02d}")
