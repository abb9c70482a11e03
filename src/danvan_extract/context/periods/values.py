"""The record of a time expression and what a form's match means as a period.

:class:`TimeMention` (and :func:`time`, the fast way to make one), the
functions that turn a dated form's match into its start and end ("quý
I/2024" → 2024-01..2024-03), the month words and numerals they read, and
:func:`valid`, the test every period found passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional


Y = r"(?P<{}>(?:19|20)\d\d)(?!\d)"
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
WORD_MONTHS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
               "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
# a month written as a capitalized word ("tháng Mười năm 2025", "ngày 2 tháng Chín"): lower case
# "tháng năm" is "months and years"; "Giêng", "Chạp" name lunar months, and so does any month
# after "rằm" ("Rằm tháng Bảy"), which are not converted
MONTH_WORD = r"(?-i:Mười(?:\s+(?:một|Một|hai|Hai))?|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín)(?!\s+âm\s+lịch)"
MONTH_NUMBER = r"(?P<m>[01]?\d|" + MONTH_WORD + ")"
NOT_LUNAR = r"(?<!rằm\s)"


def month_of(m) -> int:
    """The month of a match's ``m`` group, written in digits or as a word."""
    word = m.group("m")
    return int(word) if word.isdigit() else WORD_MONTHS[" ".join(word.lower().split())]


@dataclass(frozen=True)
class TimeMention:
    """A time expression: its span, the period it states (``None`` for
    "no period", e.g. "đến nay"), and its kind: ``time`` (the figure's
    time), ``base`` (a comparison base, "so với năm 2020"), ``ref`` (the
    time of what a figure is compared with), ``duration`` ("3 năm qua",
    no time) or ``null``."""

    start: int
    end: int
    period: Optional[tuple[Optional[str], Optional[str]]]
    kind: str = "time"
    named: bool = False  # a named campaign, holiday or festival with its year ("Tháng Thanh niên 2024")


_new = object.__new__


def time(start: int, end: int, period, kind: str = "time", named: bool = False) -> TimeMention:
    """``TimeMention(...)`` made without the frozen dataclass's ``__init__``
    (one ``object.__setattr__`` per field): the same object, at a fraction
    of the cost."""
    mention = _new(TimeMention)
    mention.__dict__.update(start=start, end=end, period=period, kind=kind, named=named)
    return mention


def _y(m, name="y"):
    return m.group(name)


def month_end(y: str, mo: int) -> str:
    """``y`` and month ``mo`` as "YYYY-MM"."""
    return f"{y}-{mo:02d}"


def first_months(m) -> tuple[str, str]:
    """The first (or last) months of a year: "6 tháng đầu năm 2023" → 2023-01..2023-06."""
    n = m.group("n")  # (None for "nửa đầu năm": half a year)
    n = 6 if n is None else int(n) if n.isdigit() else WORD_MONTHS.get(n.lower(), 6)
    if m.group("quarters"):
        n *= 3  # "hai quý đầu năm 2025": the first 6 months
    y = _y(m)
    if m.group("half") and m.group("half").lower() == "cuối":
        return month_end(y, 13 - n), month_end(y, 12)
    return month_end(y, 1), month_end(y, max(1, min(n, 12)))


def quarter(m) -> tuple[str, str]:
    """A quarter's months: "quý II/2024" → 2024-04..2024-06."""
    q = ROMAN[m.group("q").lower()]
    y = _y(m)
    return month_end(y, 3 * q - 2), month_end(y, 3 * q)


def quarters(m) -> tuple[str, str]:
    """From the first quarter's first month to the last one's last: "quý I - III/2025"."""
    return month_end(_y(m), 3 * ROMAN[m.group("q1").lower()] - 2), quarter(m)[1]


def until_quarter(m) -> tuple[None, str]:
    """An open start and the quarter's last month: "đến hết quý III/2024"."""
    return None, quarter(m)[1]


def date(m) -> tuple[str, str]:
    """A day: "ngày 5/7/2025" → 2025-07-05..2025-07-05."""
    d, mo, y = int(m.group("d")), month_of(m), m.group("y")
    iso = f"{y}-{mo:02d}-{d:02d}"
    return iso, iso


def month(m) -> tuple[str, str]:
    """A month: "tháng 6/2024" → 2024-06..2024-06."""
    iso = month_end(m.group("y"), month_of(m))
    return iso, iso


def span(m) -> tuple[str, Optional[str]]:
    """From the first year to the second: "giai đoạn 2016 - 2020"."""
    return m.group("y"), m.group("y2")


def until_date(m) -> tuple[None, str]:
    """An open start and a day: "tính đến ngày 30/6/2023"."""
    return None, f"{m.group('y')}-{month_of(m):02d}-{int(m.group('d')):02d}"


def until_month(m) -> tuple[None, str]:
    """An open start and a month: "đến tháng 6/2024"."""
    return None, month_end(m.group("y"), month_of(m))


def until_year(m) -> tuple[None, str]:
    """An open start and a year (its last month after "cuối"): "đến năm 2025"."""
    return None, (f"{m.group('y')}-12" if m.group("end") else m.group("y"))


def months_range(m) -> tuple[str, str]:
    """A range of months of one year: "tháng 3 - 6/2024"."""
    return month_end(m.group("y"), int(m.group("m1"))), month_end(m.group("y"), int(m.group("m")))


def months_across(m) -> tuple[str, str]:
    """A range of months across years: "từ tháng 9/2023 đến tháng 6/2024"."""
    return month_end(m.group("y1"), int(m.group("m1"))), month_end(m.group("y"), int(m.group("m")))


def year_to_month(m) -> tuple[str, str]:
    """From a year (else the end's) to a month or a day: "từ năm 2024 đến tháng 6/2024"."""
    end = until_date(m)[1] if m.group("d") else month_end(m.group("y"), int(m.group("m")))
    return m.group("y1") or m.group("y"), end


def since(m) -> tuple[str, None]:
    """From a year, open end: "từ năm 2020 đến nay"."""
    return m.group("y"), None


def year(m) -> tuple[str, str]:
    """A year, or its first or last month after "đầu" or "cuối": "năm 2022", "cuối năm 2023"."""
    y = m.group("y")
    if m.group("edge"):
        edge = m.group("edge").lower()
        mo = 12 if edge == "cuối" else 1
        return month_end(y, mo), month_end(y, mo)
    return y, y


def same_time_before(m) -> tuple[str, str]:
    """A base told relative to the figure's own time: "0" (the start of its
    year), "-1" (a year before), "1m" / "3m" (a month or a quarter before)."""
    if m.group("start"):
        return "0", "0"
    prev = (m.group("prev") or "").lower()
    shift = "1m" if prev == "tháng" else "3m" if prev == "quý" else "-1"
    return shift, shift


def beside_year(m) -> tuple[Optional[str], Optional[str]]:
    """Up to the year before ("trước năm 2020") or from the year after ("sau năm 2025")."""
    y = int(m.group("y"))
    return (None, str(y - 1)) if m.group("side").lower() == "trước" else (str(y + 1), None)


def open_from_date(m) -> tuple[str, None]:
    """From a day, open end: "từ ngày 1/7/2025"."""
    return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}", None


def open_from_month(m) -> tuple[str, None]:
    """From a month, open end: "từ tháng 3/2024"."""
    return month_end(m.group("y"), int(m.group("m"))), None


def day_range(m) -> tuple[str, str]:
    """A range of days of one month: "từ ngày 8 đến ngày 11/9/2024"."""
    y, mo = m.group("y"), int(m.group("m"))
    return f"{y}-{mo:02d}-{int(m.group('d')):02d}", f"{y}-{mo:02d}-{int(m.group('d2')):02d}"


def dates_range(m) -> tuple[str, str]:
    """A range of days, each with its month: "từ 28/6/2024 - 2/7/2024"."""
    y = m.group("y")
    first = f"{m.group('y1') or y}-{int(m.group('m1')):02d}-{int(m.group('d1')):02d}"
    return first, f"{y}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


@lru_cache(maxsize=4096)  # (a text states few periods, many times)
def valid(period) -> bool:
    """Months in 1..12, days in 1..31, and a start no later than its end."""
    for end in period:
        if end is None:
            continue
        parts = end.split("-")
        if len(parts) >= 2 and not 1 <= int(parts[1]) <= 12:
            return False
        if len(parts) == 3 and not 1 <= int(parts[2]) <= 31:
            return False
    start, end = period
    # (ends of one precision compare as written: "2024-06" after "2024-03" is no range)
    return not (start and end and (start[:4] > end[:4] or (len(start) == len(end) and start > end)))
