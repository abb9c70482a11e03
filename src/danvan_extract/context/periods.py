"""Time expressions and the period each one states.

"năm 2022" → 2022..2022; "6 tháng đầu năm 2023" → 2023-01..2023-06;
"quý I/2024" → 2024-01..2024-03; "giai đoạn 2016 - 2020" → 2016..2020;
"từ năm 2020 đến nay" → 2020..open; "tính đến ngày 30/6/2023" → open..2023-06-30;
"đến nay", "hiện nay", "hàng năm" → an explicit "no period" (``None``).
Offsets are into the normalized text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any, Collection, Iterator, NamedTuple, Optional

import regex

from ..grammar.lazy import first_use
from ..numbers import SPELLED, SPELLED_SMALL, SPELLED_START, parse_spelled
from .lunar_years import lunar_years
from .relative_times import months_so_far, relative_times
from .spans import SpanMask
from .words import CharClass, Openers, finditer_at, space_before
from ..grammar.pattern_cache import compile_regex

Y = r"(?P<{}>(?:19|20)\d\d)(?!\d)"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_WORD_MONTHS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
                "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}
# a month written as a capitalized word ("tháng Mười năm 2025", "ngày 2 tháng Chín"): lower case
# "tháng năm" is "months and years"; "Giêng", "Chạp" name lunar months, and so does any month
# after "rằm" ("Rằm tháng Bảy"), which are not converted
_MONTH_WORD = r"(?-i:Mười(?:\s+(?:một|Một|hai|Hai))?|Một|Hai|Ba|Tư|Năm|Sáu|Bảy|Tám|Chín)(?!\s+âm\s+lịch)"
_MONTH_NUMBER = r"(?P<m>[01]?\d|" + _MONTH_WORD + ")"
_NOT_LUNAR = r"(?<!rằm\s)"


def _mo(m) -> int:
    """The month of a match's ``m`` group, written in digits or as a word."""
    word = m.group("m")
    return int(word) if word.isdigit() else _WORD_MONTHS[" ".join(word.lower().split())]


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


def _time(start: int, end: int, period, kind: str = "time", named: bool = False) -> TimeMention:
    """``TimeMention(...)`` made without the frozen dataclass's ``__init__``
    (one ``object.__setattr__`` per field): the same object, at a fraction
    of the cost."""
    mention = _new(TimeMention)
    mention.__dict__.update(start=start, end=end, period=period, kind=kind, named=named)
    return mention


def _y(m, name="y"):
    return m.group(name)


def _month_end(y: str, mo: int) -> str:
    return f"{y}-{mo:02d}"


def _first_months(m) -> tuple[str, str]:
    n = m.group("n")  # (None for "nửa đầu năm": half a year)
    n = 6 if n is None else int(n) if n.isdigit() else _WORD_MONTHS.get(n.lower(), 6)
    if m.group("quarters"):
        n *= 3  # "hai quý đầu năm 2025": the first 6 months
    y = _y(m)
    if m.group("half") and m.group("half").lower() == "cuối":
        return _month_end(y, 13 - n), _month_end(y, 12)
    return _month_end(y, 1), _month_end(y, max(1, min(n, 12)))


def _quarter(m) -> tuple[str, str]:
    q = _ROMAN[m.group("q").lower()]
    y = _y(m)
    return _month_end(y, 3 * q - 2), _month_end(y, 3 * q)


def _quarters(m) -> tuple[str, str]:
    return _month_end(_y(m), 3 * _ROMAN[m.group("q1").lower()] - 2), _quarter(m)[1]


def _until_quarter(m) -> tuple[None, str]:
    return None, _quarter(m)[1]


def _date(m) -> tuple[str, str]:
    d, mo, y = int(m.group("d")), _mo(m), m.group("y")
    iso = f"{y}-{mo:02d}-{d:02d}"
    return iso, iso


def _month(m) -> tuple[str, str]:
    iso = _month_end(m.group("y"), _mo(m))
    return iso, iso


def _span(m) -> tuple[str, Optional[str]]:
    return m.group("y"), m.group("y2")


def _until_date(m) -> tuple[None, str]:
    return None, f"{m.group('y')}-{_mo(m):02d}-{int(m.group('d')):02d}"


def _until_month(m) -> tuple[None, str]:
    return None, _month_end(m.group("y"), _mo(m))


def _until_year(m) -> tuple[None, str]:
    return None, (f"{m.group('y')}-12" if m.group("end") else m.group("y"))


def _months_range(m) -> tuple[str, str]:
    return _month_end(m.group("y"), int(m.group("m1"))), _month_end(m.group("y"), int(m.group("m")))


def _months_across(m) -> tuple[str, str]:
    return _month_end(m.group("y1"), int(m.group("m1"))), _month_end(m.group("y"), int(m.group("m")))


def _year_to_month(m) -> tuple[str, str]:
    end = _until_date(m)[1] if m.group("d") else _month_end(m.group("y"), int(m.group("m")))
    return m.group("y1") or m.group("y"), end


def _since(m) -> tuple[str, None]:
    return m.group("y"), None


def _year(m) -> tuple[str, str]:
    y = m.group("y")
    if m.group("edge"):
        edge = m.group("edge").lower()
        mo = 12 if edge == "cuối" else 1
        return _month_end(y, mo), _month_end(y, mo)
    return y, y


# the counts of months a text writes before "tháng đầu năm" besides digits
_COUNT_WORDS = ("sáu", "chín", "hai", "ba", "bốn", "tám", "năm", "bảy", "mười", "mười một", "mười hai")
_COUNT = r"(?P<n>\d{1,2}|" + "|".join(_COUNT_WORDS) + ")"
_DAY_HEAD = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?"  # a date before its year
_DAY = _DAY_HEAD + Y.format("y")
_DAY_WORDS = r"(?P<d>[0-3]?\d)\s+tháng\s+" + _MONTH_NUMBER + r"\s+năm\s+" + Y.format("y")
_MONTH = _NOT_LUNAR + r"tháng\s+" + _MONTH_NUMBER + r"\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y")
_UNTIL = r"(?:(?:tính\s+)?(?:đến|tới)(?:\s+hết|\s+cuối)?|hết|cuối)\s+"
# a clock time before a report's date ("tính đến 17 giờ ngày 10/9/2024", "đến 7h00 sáng ngày"):
# the day is still the end of the period
_CLOCK = r"(?:\d{1,2}\s?(?:giờ|h)(?:\s?\d{1,2}(?:\s?phút)?)?(?:\s+(?:sáng|chiều|tối|trưa|đêm))?,?\s+)?"

def _same_time_before(m) -> tuple[str, str]:
    """A base told relative to the figure's own time: "0" (the start of its
    year), "-1" (a year before), "1m" / "3m" (a month or a quarter before)."""
    if m.group("start"):
        return "0", "0"
    prev = (m.group("prev") or "").lower()
    shift = "1m" if prev == "tháng" else "3m" if prev == "quý" else "-1"
    return shift, shift


# Order matters: longer, more specific forms first; a span taken by one
# form is not read again by a later one.
def _beside_year(m) -> tuple[Optional[str], Optional[str]]:
    y = int(m.group("y"))
    return (None, str(y - 1)) if m.group("side").lower() == "trước" else (str(y + 1), None)


def _open_from_date(m) -> tuple[str, None]:
    return f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}", None


def _open_from_month(m) -> tuple[str, None]:
    return _month_end(m.group("y"), int(m.group("m"))), None


# "từ ngày 1/7/2025" opens a period; "từ ngày 1/7/2025 đến nay" too, but
# "từ ngày 1/7 đến ngày 5/7/2025" is a range
_NOT_UNTIL = r"(?:\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|thời\s+điểm\s+này)(?!\w)|(?!\s{0,3}(?:-|đến|tới|cho\s+đến)))"

def _day_range(m) -> tuple[str, str]:
    y, mo = m.group("y"), int(m.group("m"))
    return f"{y}-{mo:02d}-{int(m.group('d')):02d}", f"{y}-{mo:02d}-{int(m.group('d2')):02d}"


_DAY_RANGE = (r"(?:từ\s+(?:ngày\s+)?|ngày\s+)(?P<d>[0-3]?\d)\s{0,3}(?:-|–|đến|tới|và)\s{0,3}(?:ngày\s+)?"
              r"(?P<d2>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)")  # ("từ ngày 8 đến ngày 11/9/2024": the later day's month)

# a named campaign, holiday or festival with its year ("Tháng Thanh niên 2024",
# "Năm Du lịch quốc gia 2023", "Tết Giáp Thìn 2024"): the year it is held
_EVENTS = ("tết", "tháng", "năm", "ngày hội", "lễ hội", "hội thi", "hội diễn", "liên hoan", "festival")
_NAMED_EVENT = (r"(?:" + "|".join(word.replace(" ", r"\s+") for word in _EVENTS) + ")"
                r"\s+(?-i:\p{Lu})\p{L}*(?:\s+\p{L}+){0,3}")
_NAMED_BEFORE = compile_regex(r"(?<!\w)" + _NAMED_EVENT + r"\s+$", regex.I)
_EVENT_ENDS = tuple(word.split()[-1] for word in _EVENTS)  # (the last word of each)
_NAMED_REACH = 60  # where _NAMED_BEFORE is looked for, before a year


def _dates_range(m) -> tuple[str, str]:
    y = m.group("y")
    first = f"{m.group('y1') or y}-{int(m.group('m1')):02d}-{int(m.group('d1')):02d}"
    return first, f"{y}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"


# "từ ngày 1/7 đến ngày 5/7/2025", "từ 28/6/2024 - 2/7/2024": one range of
# days (opening with a digit keeps the scan fast; the words before are
# read apart)
_DATES_RANGE = compile_regex(r"(?P<d1>\d{1,2})[/.-](?P<m1>\d{1,2})(?:[/.-]" + Y.format("y1") + r")?\s{0,3}(?:-|đến|tới)\s{0,3}"
                             r"(?:ngày\s+)?" + _DAY + r"(?!\w)", regex.I)
_RANGE_OPENER = compile_regex(r"(?<!\w)(?:từ\s+(?:ngày\s+)?|ngày\s+)$", regex.I)


class _Form(NamedTuple):
    """A time form: its pattern, the function giving its period and its
    kind; ``needs``: what each match holds, words (lower case,
    alternatives split by "|") or a way years are written (_DATED, _SPAN,
    _LISTED, _CLOSED, _RANGED): a window of the text around its years
    lacking one holds no match."""

    pattern: Any
    fn: Any
    kind: str
    needs: Collection[str] = ()  # a frozenset once compiled
    first: str = r"\s\S"  # what a match's first character can be (inside of a class, case-insensitive)
    # where a match can open: at one of these words (lower case, standing on
    # their own), or at most ``lead`` characters before one of its window's
    # years (-1: never; only the years written the way the form needs, for
    # a form that needs one); none given: anywhere in the window
    opens: tuple[str, ...] = ()
    lead: int = -1
    # every match ends with a year (nothing after it but no letter): the
    # form is matched backwards from the end of each of its window's years
    # instead, of those written the way it needs if it needs one (its
    # pattern so, once compiled)
    backward: Any = None
    # the way of writing years it needs (set once compiled)
    written: Optional[str] = None


_UNTIL_WORDS = "đến|tới|hết|cuối"
_SEASONS = r"đông\s+xuân|hè\s+thu|thu\s+đông|xuân\s+hè|chiêm\s+xuân|chiêm|mùa|xuân|hè|đông|thu"
# needs no word meets, told by a window's years: a year after a date's
# separator ("1/7/2025", "1.7. 2025"), two years as a span ("2016 - 2020",
# after _SPAN_GAP) or listed ("năm 2019, 2020", after _LIST_GAP), a year
# a bracket closes ("(2023)") or a date that ends a range of days
# ("16 - 18/5/2025", "1/7 đến ngày 5/7/2025", after _RANGED_BEFORE)
_DATED, _SPAN, _LISTED = "<day/month/year>", "<year - year>", "<year, year>"
_CLOSED, _RANGED = "<year)>", "<day - day/month/year>"
_WAYS = frozenset((_DATED, _SPAN, _LISTED, _CLOSED, _RANGED))
# (not across a line: "…, ngày 12/9/2025\nĐến năm 2030, …" is a dateline's year and a target's)
# ("năm học 2024/2025", "niên vụ 2025/2026": a slash between two years joins a school or crop year)
_SPAN_GAP = r"(?:[^\S\n]{0,3}(?:-|(?:đến|tới)(?:\s+hết)?(?:\s+năm)?)[^\S\n]{0,3}|/)"
_LIST_GAP = r"\s*(?:và|,)\s*(?:năm\s+)?"
_FORMS: list[_Form] = [
    # ("so với năm trước", "so với năm học trước": the same span a year before, as "cùng kỳ";
    # "so với đầu năm": the start of the figure's own year, "0")
    # ("so với tháng trước", "so với quý trước": the month or quarter before the figure's, "1m", "3m")
    _Form(r"(?:so\s+với|so)\s+(?:cùng\s+kỳ(?:\s+năm\s+trước)?(?!\s+năm\s+(?:19|20)\d\d)|năm\s+(?:học\s+)?trước"
          r"|(?P<prev>tháng|quý)\s+trước|(?:thời\s+điểm\s+)?(?P<start>đầu\s+năm)(?:\s+nay)?(?!\s+(?:học\s+)?(?:19|20)\d\d))",
          _same_time_before, "base", first=r"s"),
    # "tầm nhìn đến năm 2045": a plan's vision, no figure's time
    _Form(r"tầm\s+nhìn\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+" + Y.format("y"), lambda m: (None, m.group("y")), "ref",
          ("tầm",), first=r"t", backward=True),
    # "so với dự báo (trong) tháng 6/2022": when a forecast was made, no figure's time
    _Form(r"so\s+với\s+(?:(?:các\s+)?dự\s+báo|kế\s+hoạch|dự\s+kiến)(?:\s+(?:đưa\s+ra\s+)?(?:trong|vào|hồi|từ))?\s+"
          r"(?:tháng\s+(?P<m>[01]?\d)\s?[/.-]\s?|năm\s+)" + Y.format("y"), lambda m: (m.group("y"), m.group("y")), "ref",
          ("so",), first=r"s", backward=True),
    _Form(_DAY_RANGE + r"\s?[/.-]\s?" + Y.format("y"), _day_range, "time", ("ngày|từ", _DATED, _RANGED), first=r"tn",
          backward=True),
    # ("từ 1/7/2024, lương cơ sở …": "ngày" is often left out)
    _Form(r"(?:có\s+hiệu\s+lực\s+)?(?:kể\s+)?từ\s+(?:ngày\s+)?" + _DAY + _NOT_UNTIL, _open_from_date, "time",
          ("từ", _DATED), first=r"ckt", opens=("có", "kể", "từ")),
    # "kể từ khi vận hành chính quyền hai cấp (1/7/2025)": since the event the bracket dates
    _Form(r"(?:kể\s+)?từ\s+khi[^().,;:\n\d]{3,80}\(\s*(?:ngày\s+)?" + _DAY + r"\s*\)"
          r"(?:\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|thời\s+điểm\s+này))?", _open_from_date, "time",
          ("từ", _DATED), first=r"kt", opens=("kể", "từ")),
    _Form(r"(?:kể\s+|tính\s+)?từ\s+tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y") + _NOT_UNTIL,
          _open_from_month, "time", ("từ", "tháng"), first=r"kt", opens=("kể", "tính", "từ")),
    # ("từ đầu năm 2024 (đến nay)": from the year's start, as "từ đầu năm đến nay" is)
    _Form(r"(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?năm\s+" + Y.format("y") + _NOT_UNTIL, _since, "time", ("từ", "năm"), first=r"kt",
          opens=("kể", "tính", "từ")),
    # "cao hơn năm 2023 là 0,5%", "nhiều hơn cùng kỳ năm 2023": "hơn" before a year compares with it
    _Form(r"hơn\s+(?:cùng\s+kỳ\s+)?(?:(?P<edge>cuối|đầu)\s+)?năm\s+" + Y.format("y"), _year, "base", ("hơn",),
          first=r"h", backward=True),
    # ("so với cuối năm 2023": the base is the year's end)
    # ("so với năm học 2023 - 2024": from the school year's first year)
    _Form(r"(?:so\s+với|với\s+cùng\s+kỳ|so\s+cùng\s+kỳ)(?:\s+cùng\s+kỳ)?(?:\s+(?P<edge>cuối|đầu))?(?:\s+năm(?:\s+học)?)?\s+"
          + Y.format("y") + r"(?:" + _SPAN_GAP + r"(?:19|20)\d\d(?!\d))?", _year, "base", ("so|với",), first=r"sv",
          backward=True),
    # "từ đầu nhiệm kỳ 2020 - 2025 đến nay": from the term's start, open end
    _Form(r"(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn)\s+" + Y.format("y") + _SPAN_GAP + Y.format("y2")
          + r"\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|thời\s+điểm\s+này)", _since, "time", ("từ", "đến|tới", _SPAN),
          first=r"kt", opens=("kể", "tính", "từ")),
    _Form(r"từ\s+(?:năm\s+)?" + Y.format("y") + r"\s+(?:đến|tới)\s+(?:nay|hiện\s+nay|thời\s+điểm\s+này)", _since, "time",
          ("từ", "đến|tới"), first=r"t", opens=("từ",)),
    _Form(r"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|từ\s+năm|từ|trong\s+(?:những\s+)?năm|các\s+năm|năm|niên\s+độ)?\s{0,3}"
          + Y.format("y") + _SPAN_GAP + Y.format("y2"), _span, "time", (_SPAN,), first=r"gntc\s12", backward=True),
    # "các năm 2022, 2023 và 2024": from the first listed year to the last (each value's own when
    # values are listed after it one by one: the context reads them so)
    _Form(r"(?:các\s+)?năm\s+" + Y.format("y") + r"(?:" + _LIST_GAP + r"(?:19|20)\d\d(?!\d)){0,8}" + _LIST_GAP
          + Y.format("y2") + r"(?!" + _LIST_GAP + r"(?:19|20)\d\d)", _span, "time", ("năm", _LISTED), first=r"cn",
          backward=True),
    # "6 tháng đầu năm 2023", and as reports say it, "9 tháng năm 2023": the first months
    # ("nửa đầu năm 2026", "nửa cuối năm 2025": the first or last 6 months)
    # ("hai quý đầu năm 2025", "3 quý đầu năm 2024": the first quarters, counted in months)
    _Form(r"(?:" + _COUNT + r"\s+(?:tháng|(?P<quarters>quý)(?=\s+(?:đầu|cuối)))\s+(?:(?P<half>đầu|cuối)\s+)?"
          r"|nửa\s+(?P<half>đầu|cuối)\s+)năm\s+" + Y.format("y"),
          _first_months, "time", ("tháng|nửa|quý", "năm"), first=r"\dscbtnmh", backward=True),
    # "quý I và quý II/2026", "(từ) quý II đến quý IV năm 2025", "quý I - III/2025": from the first quarter to the last
    _Form(r"(?:từ\s+)?quý\s+(?P<q1>iv|iii|ii|i|[1-4])\s{0,3}(?:-|–|đến|tới|và)\s{0,3}(?:hết\s+)?(?:quý\s+)?"
          r"(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), _quarters, "time", ("quý",),
          first=r"tq", backward=True),
    # "đến hết quý III/2024": an open start and the quarter's last month
    _Form(_UNTIL + r"quý\s+(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), _until_quarter,
          "time", (_UNTIL_WORDS, "quý"), first=r"tđhc", backward=True),
    _Form(r"quý\s+(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), _quarter, "time", ("quý",),
          first=r"q", backward=True),
    # "từ (đầu) năm 2024 đến tháng 6/2024": from the year to the month
    # ("từ đầu năm (nay) đến ngày 15/11/2025": the year is the end's)
    _Form(r"(?:kể\s+|tính\s+)?từ\s+(?:(?:đầu\s+)?năm\s+" + Y.format("y1") + r"|đầu\s+năm(?:\s+nay)?)"
          + r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?(?:tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y")
          + r"|(?:ngày\s+)?" + _DAY + ")", _year_to_month, "time", ("từ", "năm", "tháng|ngày|đầu"), first=r"kt", backward=True),
    # "từ tháng 9/2023 đến tháng 6/2024": a range of months across years
    _Form(r"(?:kể\s+|tính\s+)?từ\s+tháng\s+(?P<m1>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y1")
          + r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y"),
          _months_across, "time", ("từ", "tháng"), first=r"kt", backward=True),
    # "từ tháng 3 đến tháng 6/2024", "tháng 3 - 6/2024": a range of months of one year
    _Form(r"(?:từ\s+)?tháng\s+(?P<m1>[01]?\d)\s{0,3}(?:-|–|đến|tới|và)\s{0,3}(?:hết\s+)?(?:tháng\s+)?(?P<m>[01]?\d)"
          r"\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y"), _months_range, "time", ("tháng",), first=r"t", backward=True),
    _Form(_UNTIL + _CLOCK + r"(?:ngày\s+)?" + _DAY, _until_date, "time", (_UNTIL_WORDS, _DATED), first=r"tđhc",
          backward=True),
    _Form(_UNTIL + r"(?:ngày\s+)?" + _DAY_WORDS, _until_date, "time", (_UNTIL_WORDS, "tháng"), first=r"tđhc",
          backward=True),
    _Form(_UNTIL + _MONTH, _until_month, "time", (_UNTIL_WORDS, "tháng"), first=r"tđhc", backward=True),
    _Form(r"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?|hết\s+|kết\s+thúc\s+)(?P<end>cuối\s+)?năm\s+" + Y.format("y"),
          _until_year, "time", ("đến|tới|hết|thúc", "năm"), first=r"tđhk", backward=True),
    # "Đến 2030, …": a target's horizon written without "năm", the clause it closes a time
    # (not a range's upper bound: "từ 1.980 đến 2030, …")
    _Form(r"(?<![\d%][^\S\n]{1,3})(?:đến|tới)\s+" + Y.format("y") + r"(?=[^\S\n]*,)", lambda m: (None, m.group("y")), "time", ("đến|tới",),
          first=r"đt", opens=("đến", "tới")),
    _Form(r"(?:ngày\s+)?" + _DAY, _date, "time", (_DATED,), first=r"\dn", backward=True),
    _Form(r"(?:ngày\s+)?" + _DAY_WORDS, _date, "time", ("tháng", "năm"), first=r"\dn", backward=True),
    _Form(_MONTH, _month, "time", ("tháng",), first=r"t", backward=True),
    # "trước năm 2020": up to the year before; "sau năm 2025": from the year after
    _Form(r"(?P<side>trước|sau)\s+năm\s+" + Y.format("y"), _beside_year, "time", ("trước|sau", "năm"), first=r"ts",
          backward=True),
    # ("năm tài chính 2024", "năm ngân sách 2025": a budget's year is the calendar year)
    _Form(r"(?:(?P<edge>cuối|đầu)\s+)?năm\s+(?:học\s+|tài\s+chính\s+|ngân\s+sách\s+)?" + Y.format("y"), _year, "time",
          ("năm",), first=r"cđn", backward=True),
    # (a window's end is the text's end for a look-ahead: the bracket lies in it)
    _Form(r"(?<=[\s(])" + Y.format("y") + r"(?=\s{0,3}\))", lambda m: (m.group("y"), m.group("y")), "time", (_CLOSED,),
          first=r"12", lead=0),
    _Form(r"tết\s+\w+\s+\w+\s+" + Y.format("y"), lambda m: (m.group("y"), m.group("y")), "time", ("tết",), first=r"t",
          opens=("tết",)),
    # a crop season and its year ("vụ Hè Thu 2024", "vụ lúa Xuân 2025"), as "vụ Đông Xuân năm 2024" says it;
    # a crop's year ("niên vụ tôm 2025", "vụ vải 2025")
    _Form(r"(?:niên\s+)?vụ\s+(?:(?:lúa\s+)?(?:" + _SEASONS + r")|\p{L}+(?:\s+\p{L}+)?)\s+" + Y.format("y"),
          lambda m: (m.group("y"), m.group("y")), "time", ("vụ",), first=r"vn", opens=("vụ", "niên")),
]
_PROGRESS = r"(?:tính\s+)?(?:đến|tới)\s+nay|tính\s+đến\s+thời\s+điểm\s+này"
_NULLS = (r"hiện\s+nay|hiện\s+tại|(?<!thực\s)(?<!xuất\s)(?<!thể\s)(?<!phát\s)(?<!biểu\s)(?<!hiển\s)hiện(?=\s+\p{Ll})(?!\s+(?:vật|trạng|tượng|đại|diện|hành|thân)(?![\p{L}]))"
          # ("cây hằng năm", "cây trồng hàng năm": annual crops, a class of plants, no time)
          r"|mỗi\s+năm|(?<!cây\s(?:trồng\s)?)(?:hằng|hàng)\s+năm|nhiệm\s+kỳ\s+qua|những\s+năm\s+qua|thời\s+gian\s+qua")
_RELATIVE = r"năm\s+nay|năm\s+qua|trong\s+năm"


def _form(form: _Form) -> _Form:
    # the look-ahead for the first character changes no match: the engine skips faster where none can start
    pattern = rf"(?<!\w)(?=[{form.first}])(?:" + form.pattern + r")(?!\w)"
    written = next((way for way in (_DATED, _SPAN, _LISTED, _CLOSED) if way in form.needs), None)
    # (backwards, a match ends where the search ends: at the year's end; its
    # greedy parts, longer alternatives first, give the leftmost start)
    backward = compile_regex(pattern, regex.I | regex.V0 | regex.REVERSE) if form.backward else None
    return form._replace(pattern=compile_regex(pattern, regex.I | regex.V0), needs=frozenset(form.needs),
                         written=written, backward=backward)


# the first form, "so với cùng kỳ" or "đầu năm", is the only one without a year
_SAME_TIME_BEFORE = _form(_FORMS[0])


@lru_cache(maxsize=1)
@first_use
def _dated_forms() -> list[_Form]:
    """The forms with a year, compiled on the first text with a year (a
    cold start cost)."""
    return [_form(form) for form in _FORMS[1:]]


_NULL_RE = compile_regex(r"(?<!\w)(?:" + _NULLS + r")(?!\w)", regex.I)
_PROGRESS_RE = compile_regex(r"(?<!\w)(?:" + _PROGRESS + r")(?!\w)", regex.I)
# "6 tháng đầu năm" without its year: the year stated last before it
_MONTHS_NO_YEAR = compile_regex(r"(?<!\w)" + _COUNT + r"\s+tháng\s+(?P<half>đầu|cuối)\s+năm"
                                r"(?!\s{0,3}(?:19|20)\d\d)(?!\w)", regex.I)
# what every match of _MONTHS_NO_YEAR holds after its count (where the count is looked for)
_HALF_YEAR = compile_regex(r"tháng\s+(?:đầu|cuối)\s+năm", regex.I)
# "năm nay", "năm qua" (the article's year), and with a count before them
# "3 năm qua", "5 tháng gần đây": a duration without an anchor, no time of
# its own (the figure keeps the span its paragraph states).  Whole-text
# scans open with a literal for the engine's fast search; the word
# boundary before is checked apart.
_RELATIVE_RE = compile_regex(r"(?:" + _RELATIVE + r"|(?:năm|tháng)\s+(?:vừa\s+qua|gần\s+đây)|tháng\s+qua)"
                             r"(?!\s{0,3}(?:19|20)\d\d)(?!\w)", regex.I)
_IS_RELATIVE = compile_regex(_RELATIVE, regex.I)
# (on the same line, and no clock time: "10:05\nNăm nay" counts no years)
_COUNT_BEFORE = compile_regex(rf"(?<![\w:.,/])(?:\d{{1,2}}|{SPELLED_SMALL})[^\S\n]+$", regex.I)


_DAY_RANGE_NO_YEAR = compile_regex(r"(?<!\w)" + _DAY_RANGE + r"(?!\s?[/.-]?\s?\d)", regex.I)
# "ngày 22/12", "Sáng 18/5", "Chiều 18.10": a day without its year (tried
# right after the words a day follows; the words before are read apart)
_NO_YEAR = compile_regex(r"\s(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?!\s?[/.-]?\s?\d)")
# "từ ngày 1/9 đến ngày 31/10", "từ ngày 3/11 đến 9/11": a range of days without a year
# (tried where _NO_YEAR is, after a day word)
_DATES_NO_YEAR = compile_regex(r"\s(?P<d1>\d{1,2})\s?[/.-]\s?(?P<m1>\d{1,2})\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:ngày\s+)?"
                               r"(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?!\s?[/.-]?\s?\d)", regex.I)
_TIMES_OF_DAY = ("sáng", "chiều", "tối", "trưa", "đêm")
# ("tính đến 30/9": a report's cut-off day, "ngày" often left out after "tính đến")
_DAY_WORD_BEFORE = compile_regex(r"(?<!\w)(?:(?P<until>(?:tính\s+)?(?:đến|tới)(?:\s+hết)?\s+" + _CLOCK + r")?"
                                 r"(?:ngày|(?:" + "|".join(_TIMES_OF_DAY) + r")(?:\s+ngày)?)"
                                 r"|(?P<until>tính\s+(?:đến|tới)(?:\s+hết)?))$", regex.I)


def _year_past(y: Optional[str], month: int, published: Optional[str], text: str = "", end: int = -1) -> Optional[str]:
    """The year of a day, month or quarter written without one (``month``:
    its first month) that takes the article's year ``y``: the year before
    when the month lies more than half a year after the article's date (a
    report of 8/1/2026 on "ngày 28/12" or "tháng 12" tells of the December
    just past; a report is written after what it tells), the year after
    when it lies more than half a year before it and its clause (from
    ``end`` in ``text``) speaks of the future ("Ngày 5/1, tỉnh sẽ tổ chức …"
    in a December report)."""
    if not (y and published and published[:4] == y and len(published) >= 7):
        return y
    ahead = month - int(published[5:7])
    if ahead > 6:
        return str(int(y) - 1)
    if ahead < -6 and end >= 0 and _FUTURE_AFTER.match(text, end):
        return str(int(y) + 1)
    return y
# ("sẽ", "dự kiến", "sắp": the future, in the clause after a time)
_FUTURE_AFTER = compile_regex(r"[^.;:\n]{0,40}?(?<![\p{L}])(?:sẽ|dự\s+kiến|sắp)(?![\p{L}])", regex.I)


def find_times(text: str, published: Optional[str] = None, openers: Optional[Openers] = None) -> list[TimeMention]:
    """Every time expression in ``text``, sorted by start, not overlapping.
    A date without a year ("ngày 20/7") takes the year of the article's
    date ``published`` (ISO), when known, and a time told from that date
    ("tháng trước") is read from it.  ``openers``: the text's
    :class:`Openers`, if made."""
    year_of_article = published[:4] if published else None
    spans = SpanMask(len(text))
    free = spans.free
    out: list[TimeMention] = []

    # the whole-text scans are tried where their opening words stand
    openers = openers or Openers(text)
    windows = _YearWindows(text, openers.low)
    for m in finditer_at(_SINCE_ANCHOR, text, _since_starts(openers)):
        anchor = _ANCHOR.search(text, m.end(), min(len(text), m.end() + 160))
        gap = text[m.end():anchor.start()] if anchor else ""
        if not anchor or "\n" in gap or "." in gap.replace("/", "").rstrip(". "):
            continue
        n = _count_word(m.group("n"))
        y = anchor.group("y")
        if n is None or not free(m.start(), anchor.end()):
            continue
        start = (f"{y}-{int(anchor.group('m')):02d}-{int(anchor.group('d')):02d}" if anchor.group("d") else y)
        spans.take(m.start(), anchor.end())
        out.append(_time(m.start(), anchor.end(), (start, str(int(y) + n))))
    for m in windows.ranges_of_days(text):
        s = m.start()
        opener = _RANGE_OPENER.search(text, max(0, s - 12), s)
        s = opener.start() if opener else s
        period = _dates_range(m)
        if m.start() and text[m.start() - 1] in "/.-" or not _word_starts(text, m.start()) or not _valid(period):
            continue
        if free(s, m.end()):
            spans.take(s, m.end())
            out.append(_time(s, m.end(), period))
    # (window by window: a match lies in its window, so the forms of one
    # window take their spans apart from the others')
    found = ((_SAME_TIME_BEFORE, m) for m in openers.finditer(_SAME_TIME_BEFORE.pattern, ("so",)))
    for form, m in chain(found, windows.matches(openers)):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1  # at most 3: the pattern bounds leading white space
        if s >= e or not free(s, e):
            continue
        try:
            period = form.fn(m)
        except (ValueError, KeyError):
            continue
        if not _valid(period):
            continue
        spans.take(s, e)
        out.append(_time(s, e, period, form.kind))
    year_before = _years_before(out)
    for m in finditer_at(_DAY_RANGE_NO_YEAR, text, _day_range_starts(openers)):
        d, d2, mo = int(m.group("d")), int(m.group("d2")), int(m.group("m"))
        y = _year_past(year_of_article, mo, published) or year_before(m.start())
        if y and 1 <= d <= d2 <= 31 and 1 <= mo <= 12 and free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(_time(m.start(), m.end(), (f"{y}-{mo:02d}-{d:02d}", f"{y}-{mo:02d}-{d2:02d}")))
    after_day_words = _after_day_words(openers)
    for m in finditer_at(_DATES_NO_YEAR, text, after_day_words):
        word = _DAY_WORD_BEFORE.search(text, max(0, m.start() - 45), m.start())
        y = _year_past(year_of_article, int(m.group("m")), published) or year_before(m.start())
        if word and y and not word.group("until") and free(word.start(), m.end()):
            d1, m1, d, mo = (int(m.group(k)) for k in ("d1", "m1", "d", "m"))
            # (a range across the year's turn, "từ 15/12 đến 15/1": the first day is of the year before)
            first = f"{int(y) - 1 if (m1, d1) > (mo, d) else y}-{m1:02d}-{d1:02d}"
            period = (first, f"{y}-{mo:02d}-{d:02d}")
            if _valid(period):
                spans.take(word.start(), m.end())
                out.append(_time(word.start(), m.end(), period))
    for m in finditer_at(_NO_YEAR, text, after_day_words):
        word = _DAY_WORD_BEFORE.search(text, max(0, m.start() - 45), m.start())
        d, mo = int(m.group("d")), int(m.group("m"))
        y = year_of_article or year_before(m.start())
        if not word or not y or not (1 <= d <= 31 and 1 <= mo <= 12) or not free(word.start(), m.end()):
            continue
        if not word.group("until"):
            y = _year_past(y, mo, published, text, m.end())  # (an end "đến ngày 31/12" is a target's: the year stays)
        iso = f"{y}-{mo:02d}-{d:02d}"
        since = word.group("until") and _SINCE_YEAR_START_BEFORE.search(text, max(0, word.start() - 30), word.start())
        s = since.start() if since and free(since.start(), word.start()) else word.start()
        spans.take(s, m.end())
        out.append(_time(s, m.end(), (f"{y}-01-01" if s < word.start() else None, iso) if word.group("until") else (iso, iso)))
    for start, end in windows.years:
        if not start or text[start - 1] != " " or not free(start, end) or text[max(0, start - 4):start].lower() == "năm ":
            continue  # "năm 2024", "12/2024": no name before the year; a year a time holds already
        if not _may_be_named(text, openers.low, start):
            continue
        named = _NAMED_BEFORE.search(text, max(0, start - _NAMED_REACH), start)
        if named and free(named.start(), end):
            spans.take(named.start(), end)
            out.append(_time(named.start(), end, (text[start:end],) * 2, named=True))
    halves = [m.start() for m in openers.finditer(_HALF_YEAR, ("tháng",))]
    for m in (finditer_at(_MONTHS_NO_YEAR, text, _counts_before(openers, halves)) if halves else ()):
        if not free(m.start(), m.end()):
            continue
        y = year_of_article or year_before(m.start())
        if y:
            n = m.group("n")
            n = int(n) if n.isdigit() else _WORD_MONTHS.get(n.lower(), 6)
            n = max(1, min(n, 12))
            period = ((_month_end(y, 13 - n), _month_end(y, 12)) if m.group("half").lower() == "cuối"
                      else (_month_end(y, 1), _month_end(y, n)))
            spans.take(m.start(), m.end())
            out.append(_time(m.start(), m.end(), period))
    for m in openers.finditer(_NO_YEAR_QUARTER_OR_MONTH, ("quý", "tháng")):
        y = year_of_article or year_before(m.start())
        if y and free(m.start(), m.end()):
            period = _quarter_or_month(m, y)
            if period:
                # "(từ đầu năm) đến hết tháng 10": from the year's start, or an open start, to the month
                until = _UNTIL_NO_YEAR.search(text, max(0, m.start() - 40), m.start())
                past = _year_past(y, int(period[0][5:7]), published, text, m.end()) if not until else y
                if m.group("next") and published and published[:4] == y and int(period[1][5:7]) < int(published[5:7]):
                    past = str(int(y) + 1)  # ("tháng 1 tới" in December: the coming January)
                if past != y:
                    y, period = past, _quarter_or_month(m, past)
                s, e = (until.start() if until and free(until.start(), m.start()) else m.start()), m.end()
                if s < m.start():
                    period = (f"{y}-01" if until.group("since") else None, period[1])
                elif m.group("m"):
                    # "(từ) tháng 3 đến tháng 8": one range of months
                    last = _MONTH_RANGE_TAIL.match(text, m.end())
                    if last and _mo(m) < int(last.group("m")) and free(m.end(), last.end()):
                        period, e = (period[0], _month_end(y, int(last.group("m")))), last.end()
                spans.take(s, e)
                out.append(_time(s, e, period))
    for m in (_SINCE_YEAR_START.finditer(text) if "đầu năm" in text else ()):
        y = year_of_article or year_before(m.start())
        if y and _word_starts(text, m.start()) and free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(_time(m.start(), m.end(), (y, None)))
    for m in openers.finditer(_YEAR_END, ("hết năm", "cuối năm")):
        until = _UNTIL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        y = year_of_article if m.group("nay") else year_of_article or year_before(m.start())
        if not y or not (until or m.group("nay") and m.group("edge").lower() == "cuối"):
            continue  # ("hết năm" alone: "năm" is no year there; "cuối năm" alone: which year's end is not told)
        s = until.start() if until else m.start()
        if free(s, m.end()):
            spans.take(s, m.end())
            out.append(_time(s, m.end(), (None if until else f"{y}-12", f"{y}-12")))
    for s, e, year in lunar_years(text, year_of_article, openers):
        if free(s, e):
            spans.take(s, e)
            out.append(_time(s, e, (year, year), named=True))
    # (the years stated so far, read only when an undated "lũy kế N tháng" asks)
    for s, e, period in months_so_far(text, published, openers, free,
                                      None if published else lambda pos: _years_before(out)(pos)):
        spans.take(s, e)
        out.append(_time(s, e, period))
    for s, e, period in relative_times(text, published, openers, free):
        spans.take(s, e)
        out.append(_time(s, e, period, "time" if period else "null"))
    if "iệu lực" in text or "IỆU LỰC" in text:  # "hiệu lực": a cheap test before the scans
        out = _effective_dates(text, out, free, spans.take)
    progress = False
    for m in finditer_at(_PROGRESS_RE, text, _progress_starts(openers)):
        if free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(_time(m.start(), m.end(), None, "null"))
            progress = True
    for m in finditer_at(_NULL_RE, text, _null_starts(openers)):
        if free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(_time(m.start(), m.end(), None, "null"))
    for m in finditer_at(_RELATIVE_RE, text, _relative_starts(openers)):
        count = _COUNT_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if not _word_starts(text, m.start()) or not free(m.start(), m.end()):
            continue
        if count and free(count.start(), m.start()) and not m.group().lower().startswith("trong"):
            spans.take(count.start(), m.end())
            out.append(_time(count.start(), m.end(), None, "duration"))
        elif _IS_RELATIVE.fullmatch(m.group()):
            if m.group().lower().startswith("trong") and year_before(m.start()) not in (None, year_of_article):
                continue  # "(Cũng) trong năm" after another year stated: that year, which carries on
            spans.take(m.start(), m.end())
            period = (year_of_article, year_of_article) if year_of_article else None
            out.append(_time(m.start(), m.end(), period, "time" if period else "null"))
    if "tháng" in text:
        out += _months_named_again(text, out, free)
    out.sort(key=lambda t: t.start)
    joined = _joined(text, out)
    return [_compared(text, t, openers.low) for t in (_since_until_now(text, joined) if progress else joined)]


# "9 tháng năm 2024", "6 tháng đầu năm 2023": the first months of a year, stated
_FIRST_MONTHS = compile_regex(r"(?<![\p{L}\d/.,])(?P<n>\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(?:19|20)\d\d(?!\d)", regex.I)
# "Giá trị sản xuất công nghiệp 9 tháng tăng 12,6%": the same count of months again, with no year
# (a length of time is no such period: "mỗi 3 tháng", "hơn 9 tháng", "sau 6 tháng")
_MONTHS_AGAIN = compile_regex(r"(?<![\p{L}\d/.,])(?<!(?:mỗi|hơn|gần|khoảng|sau|trên|dưới|chừng)\s)(?P<n>\d{1,2})[^\S\n]+tháng(?![\p{L}])(?![^\S\n]+(?:đầu|cuối|năm|qua|tới|nữa|sau|trước|\d))",
                              regex.I)


def _months_named_again(text: str, times: list[TimeMention], free) -> list[TimeMention]:
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
            out.append(_time(m.start(), m.end(), next(iter(periods))))
    return out


# ("năm học 2024-2025 và năm học 2025-2026": the second span's word stands outside its time)
_AND = compile_regex(r"\s{0,3}(?:,\s*)?và\s+(?:trong\s+)?(?:(?:năm\s+học|niên\s+vụ|niên\s+độ)\s+)?", regex.I)
_TO = compile_regex(r"[^\S\n]{0,3}(?:-|–|đến|tới)[^\S\n]+(?:hết[^\S\n]+)?", regex.I)


def _school_years_in_turn(first: tuple, second: tuple) -> bool:
    """Two spans of two years, the second opening in the year the first
    ends ("2024-2025" then "2025-2026"): school or crop years in turn."""
    return len(first[0]) == len(first[1]) == len(second[0]) == 4 and first[0] < first[1] == second[0] < second[1]


def _joined(text: str, times: list[TimeMention]) -> list[TimeMention]:
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
            out[-1] = _time(prev.start, t.end, (prev.period[0], t.period[1]))
            continue
        if (prev is not None and prev.kind == t.kind == "time" and not prev.named and prev.period and t.period
                and all(prev.period) and t.period[0] is None and t.period[1] and prev.period[1] < t.period[1]
                and _BLANK.fullmatch(text, prev.end, t.start) and _TO.match(text, t.start)
                and _SINCE_BEFORE.search(text, max(0, prev.start - 16), prev.start)):
            # ("từ tháng 3/2024 đến quý II/2025": the end read as "đến quý II/2025", an open start)
            out[-1] = _time(prev.start, t.end, (prev.period[0], t.period[1]))
            continue
        out.append(t)
    return out


_SINCE_BEFORE = compile_regex(r"(?<!\w)(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?$", regex.I)
_BLANK = compile_regex(r"[^\S\n]{1,3}")


def _since_until_now(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """"từ (đầu) tháng 10 đến nay", "từ ngày 1/10/2025 đến nay": a time
    opened by "từ" and closed by "đến nay" is a period from its start, open
    end (as "từ năm 2020 đến nay" is), not the null of "đến nay"."""
    out: list[TimeMention] = []
    for t in times:
        prev = out[-1] if out else None
        if (prev is not None and t.kind == "null" and prev.kind == "time" and prev.period and prev.period[0]
                and prev.period[1] and _BLANK.fullmatch(text, prev.end, t.start)
                and _PROGRESS_RE.fullmatch(text, t.start, t.end)):
            since = _SINCE_BEFORE.search(text, max(0, prev.start - 16), prev.start)
            if since is not None:
                out[-1] = _time(since.start(), t.end, (prev.period[0], None))
                continue
        out.append(t)
    return out


def _may_be_named(text: str, low: Optional[str], start: int) -> bool:
    """A cheap test before _NAMED_BEFORE at the year at ``start``: a letter
    ends the word before it, and one of the last five words before it ends
    as a name's event word does (``low``: the text lower-cased, or None)."""
    j = space_before(text, start)
    if not (j and text[j - 1].isalpha()):
        return False
    # (an event word, then at most four words of the name)
    return low is None or any(word.endswith(_EVENT_ENDS)
                              for word in low[max(0, start - _NAMED_REACH):j].rsplit(None, 5)[-5:])


def _since_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _SINCE_ANCHOR can start: at "qua", "sau", or
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


def _relative_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _RELATIVE_RE can start: at "năm" or "tháng" with a
    word after it that one of its forms goes on with, or at "trong" right
    before "năm" (None: scan in full)."""
    at = openers.starts_before(("năm", "tháng"), _may_go_on_relative)
    return None if at is None else sorted(set(at + openers.before(openers.starts(("năm",)), ("trong",))))


def _progress_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _PROGRESS_RE can start: at "đến" or "tới", or at
    "tính" right before one (None: scan in full)."""
    until = openers.starts(("đến", "tới"))
    return None if until is None else sorted(set(until + openers.before(until, ("tính",))))


# the words after "năm" or "tháng" in the forms of _RELATIVE_RE ("năm nay", "tháng vừa qua")
_RELATIVE_NEXT = ("nay", "qua", "vừa", "gần")


def _may_go_on_relative(text: str, low: str, end: int) -> bool:
    while end < len(low) and low[end].isspace():
        end += 1
    return low.startswith(_RELATIVE_NEXT, end)


def _count_after(text: str, pos: int) -> bool:
    """A count (a digit, or a word that is the first of a count's words)
    follows the white space at ``pos``: what _SINCE_ANCHOR reads after its word."""
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
    return [p for p in at if _stands(text, p, n)]


def _stands(text: str, pos: int, n: int) -> bool:
    """No letter right before or after the ``n`` characters at ``pos``."""
    return not (pos and text[pos - 1].isalpha()) and not text[pos + n:pos + n + 1].isalpha()


def _day_range_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _DAY_RANGE_NO_YEAR can start: at "ngày", or at
    "từ" right before it (None: scan in full)."""
    day = openers.starts(("ngày",))
    return None if day is None else sorted(set(day + openers.before(day, ("từ",))))


def _null_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _NULL_RE can start, found from the words it ends
    with: "hiện" ("hiện nay"), "mỗi", "hằng", "hàng", "những" before
    "năm", "nhiệm kỳ" and "thời gian" before "qua" (None: scan in full)."""
    now = _standing(openers, "hiện")
    if now is None:
        return None
    # (the words before "qua" looked for in one pass: "thời kỳ qua", never a match, is tried too)
    past = openers.before(openers.before(_standing(openers, "qua"), ("kỳ", "gian")), ("nhiệm", "thời"))
    return sorted(set(now + openers.before(openers.starts(("năm",)), ("mỗi", "hằng", "hàng", "những")) + past))


def _after_day_words(openers: Openers) -> Optional[list[int]]:
    """Where a day without its year that a day word stands right before
    can start: right after "ngày", "sáng", ... (None: scan in full).  The
    others are of no use, and skipping them hides none of these: two
    matches of _NO_YEAR never overlap (its look-ahead forbids it)."""
    if openers.low is None:
        return None
    text, digit = openers.text, _DIGIT
    # (a match opens with white space and a digit)
    return sorted({q for w in ("ngày", "đến", "tới", "hết") + _TIMES_OF_DAY for q in (p + len(w) for p in openers.starts((w,)))
                   if q + 1 < len(text) and digit[text[q + 1]]})


def _counts_before(openers: Openers, halves: list[int]) -> Optional[list[int]]:
    """Where a match of _MONTHS_NO_YEAR can start: at a count right before
    a "tháng đầu năm" (``halves``: where those start); None: scan in full."""
    if openers.low is None:
        return None
    digits = [j - k for j in (space_before(openers.text, h) for h in halves) for k in (1, 2) if j >= k]
    return sorted(set(digits + openers.before(halves, _COUNT_WORDS)))


def _word_starts(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _years_before(out: list[TimeMention]):
    """A function giving the year of the dated time stated last before a
    position (a day without its year takes it when the article has no date)."""
    dated = sorted((t.start, t.period[1][:4]) for t in out if t.kind == "time" and t.period and t.period[1])
    starts = [s for s, _ in dated]

    def year_before(pos: int) -> Optional[str]:
        i = bisect.bisect_left(starts, pos) - 1
        return dated[i][1] if i >= 0 else None
    return year_before


# "từ đầu năm đến nay": from the start of the article's year, open end
# "quý I", "quý II năm nay", "tháng 3 vừa qua" without a year: the
# article's year (FACTS.md: a date without a year), else the year stated last
# ("5 tháng 3" is a day's date, "tháng 3/2024" has its year)
_NO_YEAR_QUARTER_OR_MONTH = compile_regex(
    r"(?<![\p{L}\d])(?<!\d )(?:quý\s+(?P<q>iv|iii|ii|i|[1-4])|(?<!rằm\s|mạng\s)tháng\s+(?P<m>1[0-2]|0?[1-9]|" + _MONTH_WORD + r"))(?:\s+(?:vừa\s+qua|này|năm\s+nay|(?P<next>(?:sắp\s+)?tới)))?"
    r"(?!\s?[/.-]\s?\d|\s+năm\s+(?:19|20)\d\d|\s+năm\s+trước|\w)", regex.I)


def _quarter_or_month(m, y: str) -> Optional[tuple[str, str]]:
    """The period of a _NO_YEAR_QUARTER_OR_MONTH match in year ``y``."""
    if m.group("q"):
        q = _ROMAN[m.group("q").lower()]
        return _month_end(y, 3 * q - 2), _month_end(y, 3 * q)
    month = _month_end(y, _mo(m))
    return month, month


# "đến hết năm", "đến cuối năm (nay)", "từ nay đến cuối năm": an open start and the end of the
# article's year (else of the year stated last); "cuối năm nay" alone: the year's last month
_YEAR_END = compile_regex(r"(?P<edge>hết|cuối)\s+năm(?P<nay>\s+nay)?(?!\s{0,3}(?:nay|học|tài|ngân|(?:19|20)\d\d))(?!\w)",
                          regex.I)
_UNTIL_BEFORE = compile_regex(r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)|từ\s+(?:nay|bây\s+giờ)\s+(?:đến|tới))\s+$", regex.I)
# before a month or a quarter without its year: "đến (hết)", "từ đầu năm (nay) đến (hết)"
_UNTIL_NO_YEAR = compile_regex(r"(?<!\w)(?:(?P<since>(?:kể\s+|tính\s+)?từ\s+đầu\s+năm(?:\s+nay)?\s{0,3}(?:-|–|đến|tới))"
                               r"|(?:tính\s+)?(?:đến|tới)|hết)(?:\s+hết)?\s+(?:cuối\s+)?$", regex.I)
# "tháng 3 đến (hết) tháng 8" without a year: the range's last month, after the first
_MONTH_RANGE_TAIL = compile_regex(r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?tháng\s+(?P<m>1[0-2]|0?[1-9])"
                                  r"(?!\s?[/.-]\s?\d|\s+năm\s+(?:19|20)\d\d|\w)", regex.I)
# before "đến ngày 31/8" without its year: "từ đầu năm (nay)" opens the range
_SINCE_YEAR_START_BEFORE = compile_regex(r"(?<!\w)(?:kể\s+|tính\s+)?từ\s+đầu\s+năm(?:\s+nay)?\s+$", regex.I)
_SINCE_YEAR_START = compile_regex(r"từ\s+đầu\s+năm(?:\s+(?:đến|tới)\s+nay)?"
                                  r"(?!\s{0,3}(?:nay|học|(?:19|20)\d\d))(?!\w)", regex.I)
# "Nghị quyết có hiệu lực kể từ ngày được thông qua (ngày 12/6)"
_EFFECT = compile_regex(r"(?<!\w)(?:có|phát\s+sinh)\s+hiệu\s+lực(?![\p{L}])[^.;\n]{0,60}$", regex.I)
# "Kể từ ngày Nghị quyết này có hiệu lực thi hành, ...": that effective date
_SINCE_EFFECT = compile_regex(r"từ\s+(?:ngày|khi)\s+[^,.;\n\d]{0,60}?có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?!\w)",
                              regex.I)


def _effective_dates(text: str, out: list[TimeMention], free, take) -> list[TimeMention]:
    """A date a document takes effect on opens a period without end; a later
    "kể từ ngày ... có hiệu lực" refers back to it."""
    out.sort(key=lambda t: t.start)
    dated = []
    for t in out:
        start, end = t.period or (None, None)
        if t.kind == "time" and start and start == end and len(start) == 10 and _EFFECT.search(
                text, max(0, t.start - 80), t.start):
            t = _time(t.start, t.end, (start, None), t.kind)
        dated.append(t)
    opened = [t for t in dated if t.period and t.period[0] and t.period[1] is None and len(t.period[0]) == 10]
    ends = [t.end for t in opened]
    for m in _SINCE_EFFECT.finditer(text):
        i = bisect.bisect_right(ends, m.start()) - 1
        if i >= 0 and _word_starts(text, m.start()) and free(m.start(), m.end()):
            take(m.start(), m.end())
            dated.append(_time(m.start(), m.end(), opened[i].period))
    return dated


# "so với nhu cầu của giai đoạn 2021-2025": the time of what a figure is
# compared with, not the figure's
_COMPARED = compile_regex(r"(?<![\p{L}])so\s+với\s+[^,;.\n()\d]{3,80}?[\s(]*$", regex.I)


# "so với quý I", "so với tháng 7/2023", "so với 6 tháng đầu năm 2023": the
# time right after "so với" is the base of a change, as "so với năm 2023" is
_BASE_BEFORE = compile_regex(r"(?<![\p{L}])so\s+với\s+(?:cùng\s+kỳ\s+)?$", regex.I)


def _compared(text: str, t: TimeMention, low: Optional[str] = None) -> TimeMention:
    """``t`` as a ``base`` when a change is compared with it, as a ``ref``
    when it is the time of what a figure is compared with; ``low``: the
    text lower-cased, if known ("so" is looked for first)."""
    lo = max(0, t.start - 90)
    if t.kind != "time" or (low is not None and low.find("so", lo, t.start) < 0):
        return t
    if t.period and _BASE_BEFORE.search(text, max(0, t.start - 20), t.start):
        return _time(t.start, t.end, t.period, "base")
    if not _COMPARED.search(text, lo, t.start):
        return t
    return _time(t.start, t.end, t.period, "ref")


# "Qua 10 năm thực hiện Chỉ thị số 40-CT/TW ngày 22/11/2014": from that date
# to ten years on.
_SINCE_ANCHOR = compile_regex(rf"(?<![\p{{L}}])(?:qua|sau|trải\s+qua)\s+(?P<n>\d{{1,2}}|{SPELLED})\s+năm\s+"
                              r"(?:thực\s+hiện|triển\s+khai|thi\s+hành|tổ\s+chức\s+thực\s+hiện)", regex.I)
_ANCHOR = compile_regex(r"(?:ngày\s+(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?|năm\s+)(?P<y>(?:19|20)\d\d)(?!\d)",
                        regex.I)
# what every match of _SINCE_ANCHOR holds after its "năm" (a test before the scan)
_WORK_AFTER = compile_regex(r"\s+(?:thực|triển|thi|tổ)", regex.I)
# the first word of each count in words (a test before _SINCE_ANCHOR)
_COUNT_HEADS = frozenset(SPELLED_START)
_MAX_YEARS = 100


def _count_word(word: str) -> Optional[int]:
    n = int(word) if word.isdigit() else parse_spelled(word)
    return n if n <= _MAX_YEARS else None  # ("qua ba triệu năm ..." dates no work)
# Every dated form ends within this many characters after its first year
# and starts within this many before it.
_BEFORE, _AFTER = 90, 40


class _YearWindows:
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
            if len(ways.get(_LISTED, ())) > 1:
                ways[_LISTED] = _list_ends(years, ways[_LISTED])
        self.spans = [(s, e) for s, e, *_ in merged]
        # (what each window holds: the forms' words in it and the ways its years are written)
        self._windows = [(s, e, _NEEDS if low is None else _words_in(low[s:e]).union(ways), years, ways)
                         for s, e, years, ways in merged]

    def ranges_of_days(self, text: str) -> Iterator[regex.Match]:
        """The matches of _DATES_RANGE, in the windows with a date that ends
        a range of days."""
        for s, e, held, *_ in self._windows:
            if _RANGED in held:
                yield from _DATES_RANGE.finditer(text, s, e)

    def matches(self, openers: Openers) -> Iterator[tuple[_Form, regex.Match]]:
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
    out, n, digit = [], len(text), _DIGIT
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
_NEEDS = frozenset(words for form in _FORMS for words in form.needs)
_NEED_WORDS = [(words, frozenset(words.split("|"))) for words in sorted(_NEEDS - _WAYS)]
_WORDS = sorted({w for _, alternatives in _NEED_WORDS for w in alternatives})
_DATE_SEPARATORS = frozenset("/.-")
_SPAN_GAP_RE = compile_regex(_SPAN_GAP, regex.I | regex.V0)
_LIST_GAP_RE = compile_regex(_LIST_GAP, regex.I | regex.V0)


_LISTED_YEARS = compile_regex(r"(?:các\s+)?năm\s+(?:19|20)\d\d(?:" + _LIST_GAP + r"(?:19|20)\d\d)+", regex.I)
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
_RANGED_BEFORE = compile_regex(r"(?:-|đến|tới|và)\s{0,3}(?:ngày\s+)?" + _DAY_HEAD + r"\Z",
                               regex.I | regex.V0 | regex.REVERSE)


def _words_in(low: str) -> frozenset[str]:
    """The forms' words that the lower-cased ``low`` holds."""
    return frozenset([w for w in _WORDS if w in low])


@lru_cache(maxsize=1024)  # (windows hold few sets of words)
def _forms_for(held: frozenset[str]) -> tuple[_Form, ...]:
    """The dated forms whose needs a window meets that holds ``held``: the
    forms' words it holds and the ways its years are written."""
    has = held.union(words for words, alternatives in _NEED_WORDS if not alternatives.isdisjoint(held))
    return tuple(form for form in _dated_forms() if form.needs <= has)


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
        written.add(_SPAN)
    if _LIST_GAP_RE.fullmatch(text, before, year):
        written.add(_LISTED)
    return written


def _written_around(text: str, s: int, start: int, end: int) -> list[str]:
    """How the year from ``start`` to ``end`` is written, from what lies
    right around it (``s``: its window's start): after a date's separator,
    and then at the end of a range of days; before a closing bracket."""
    ways = []
    # (any separator among the two characters before: more than "[/.-]\s?", which is safe)
    if not _DATE_SEPARATORS.isdisjoint(text[max(0, start - 2):start]):
        ways.append(_DATED)
        if _RANGED_BEFORE.match(text, s, start):  # (backwards: tried where it must end only)
            ways.append(_RANGED)
    if ")" in text[end:end + 4]:  # (what "\s{0,3}\)" can be)
        ways.append(_CLOSED)
    return ways


def _openings(form: _Form, openers: Openers, window: tuple, words: dict[str, list[int]]) -> Optional[list[int]]:
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


def _before_years(form: _Form, text: str, s: int, years: list[int]) -> list[int]:
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
        if _stands(low, i, n):
            out.append(i)
        i = low.find(word, i + 1, e)
    return out


_WORD_CHAR = CharClass(r"\w")
_DIGIT = CharClass(r"\d")  # (the engine's digits: str.isdecimal knows fewer)
_FIRST_CHARS = {form.first: CharClass(rf"(?i)[{form.first}]") for form in _FORMS}


@lru_cache(maxsize=4096)  # (a text states few periods, many times)
def _valid(period) -> bool:
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
