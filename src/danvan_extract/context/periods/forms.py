"""The table of dated forms: each pattern, the period it states, its kind
and what a window must hold for it to match (:class:`Form`, ``FORMS``),
with the pattern pieces they share and their compiling
(:func:`dated_forms`, ``SAME_TIME_BEFORE``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Collection, NamedTuple, Optional

import regex

from ...grammar.lazy import first_use
from ...grammar.pattern_cache import compile_regex
from ..relative_times import TIMES_OF_DAY
from .values import (beside_year, date, day_range, first_months, month, MONTH_NUMBER, months_across,
    months_range, NOT_LUNAR, open_from_date, open_from_month, quarter, quarters, same_time_before, since,
    span, until_date, until_month, until_quarter, until_year, Y, year, year_to_month)

# the counts of months a text writes before "tháng đầu năm" besides digits
COUNT_WORDS = ("sáu", "chín", "hai", "ba", "bốn", "tám", "năm", "bảy", "mười", "mười một", "mười hai")
COUNT = r"(?P<n>\d{1,2}|" + "|".join(COUNT_WORDS) + ")"
DAY_HEAD = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?"  # a date before its year
DAY = DAY_HEAD + Y.format("y")
_DAY_WORDS = r"(?P<d>[0-3]?\d)\s+tháng\s+" + MONTH_NUMBER + r"\s+năm\s+" + Y.format("y")
_MONTH = NOT_LUNAR + r"tháng\s+" + MONTH_NUMBER + r"\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y")
_UNTIL = r"(?:(?:tính\s+)?(?:đến|tới)(?:\s+hết|\s+cuối)?|hết|cuối)\s+"
# a clock time before a report's date ("tính đến 17 giờ ngày 10/9/2024", "đến 7h00 sáng ngày"):
# the day is still the end of the period
CLOCK = r"(?:\d{1,2}\s?(?:giờ|h)(?:\s?\d{1,2}(?:\s?phút)?)?(?:\s+(?:" + "|".join(TIMES_OF_DAY) + r"))?,?\s+)?"

# "từ ngày 1/7/2025" opens a period; "từ ngày 1/7/2025 đến nay" too, but
# "từ ngày 1/7 đến ngày 5/7/2025" is a range
# what "đến" reaches in "từ … đến nay": now ("hiện tại", "thời điểm hiện tại" as FACTS.md reads "đến nay")
_NOW = r"(?:nay|hiện\s+nay|hiện\s+tại|thời\s+điểm\s+(?:này|hiện\s+tại))"
_NOT_UNTIL = r"(?:\s+(?:đến|tới)\s+" + _NOW + r"(?!\w)|(?!\s{0,3}(?:-|đến|tới|cho\s+đến)))"


# ("các ngày 26, 27/10": two days listed, the span they cover)
DAY_RANGE = (r"(?:từ\s+(?:ngày\s+)?|ngày\s+)(?P<d>[0-3]?\d)\s{0,3}(?:-|–|đến|tới|và|,)\s{0,3}(?:ngày\s+)?"
             r"(?P<d2>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)")  # ("từ ngày 8 đến ngày 11/9/2024": the later day's month)


class Form(NamedTuple):
    """A time form: its pattern, the function giving its period and its
    kind; ``needs``: what each match holds, words (lower case,
    alternatives split by "|") or a way years are written (DATED, SPAN,
    LISTED, CLOSED, RANGED): a window of the text around its years
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
# after SPAN_GAP) or listed ("năm 2019, 2020", after LIST_GAP), a year
# a bracket closes ("(2023)") or a date that ends a range of days
# ("16 - 18/5/2025", "1/7 đến ngày 5/7/2025", after _RANGED_BEFORE)
DATED, SPAN, LISTED = "<day/month/year>", "<year - year>", "<year, year>"
CLOSED, RANGED = "<year)>", "<day - day/month/year>"
WAYS = frozenset((DATED, SPAN, LISTED, CLOSED, RANGED))
# (not across a line: "…, ngày 12/9/2025\nĐến năm 2030, …" is a dateline's year and a target's)
# ("năm học 2024/2025", "niên vụ 2025/2026": a slash between two years joins a school or crop year)
SPAN_GAP = r"(?:[^\S\n]{0,3}(?:-|(?:đến|tới)(?:\s+hết)?(?:\s+năm)?)[^\S\n]{0,3}|/)"
LIST_GAP = r"\s*(?:và|,)\s*(?:năm\s+)?"
# Order matters: longer, more specific forms first; a span taken by one
# form is not read again by a later one.
FORMS: list[Form] = [
    # ("so với năm trước (ngoái)", "so với năm học trước": the same span a year before, as "cùng kỳ";
    # "so với đầu năm": the start of the figure's own year, "0")
    # ("so với tháng trước", "so với quý trước": the month or quarter before the figure's, "1m", "3m")
    Form(r"(?:so\s+với|so)\s+(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|ngoái))?(?!\s+năm\s+(?:19|20)\d\d)|năm\s+(?:học\s+)?(?:trước|ngoái)"
         r"|(?P<prev>tháng|quý)\s+trước|(?:thời\s+điểm\s+)?(?P<start>đầu\s+năm)(?:\s+nay)?(?!\s+(?:học\s+)?(?:19|20)\d\d))",
         same_time_before, "base", first=r"s"),
    # "tầm nhìn đến năm 2045": a plan's vision, no figure's time
    Form(r"tầm\s+nhìn\s+(?:đến|tới)\s+(?:hết\s+)?năm\s+" + Y.format("y"), lambda m: (None, m.group("y")), "ref",
         ("tầm",), first=r"t", backward=True),
    # "so với dự báo (trong) tháng 6/2022": when a forecast was made, no figure's time
    Form(r"so\s+với\s+(?:(?:các\s+)?dự\s+báo|kế\s+hoạch|dự\s+kiến)(?:\s+(?:đưa\s+ra\s+)?(?:trong|vào|hồi|từ))?\s+"
         r"(?:tháng\s+(?P<m>[01]?\d)\s?[/.-]\s?|năm\s+)" + Y.format("y"), lambda m: (m.group("y"), m.group("y")), "ref",
         ("so",), first=r"s", backward=True),
    Form(DAY_RANGE + r"\s?[/.-]\s?" + Y.format("y"), day_range, "time", ("ngày|từ", DATED, RANGED), first=r"tn",
         backward=True),
    # ("từ 1/7/2024, lương cơ sở …": "ngày" is often left out)
    Form(r"(?:có\s+hiệu\s+lực\s+)?(?:kể\s+)?từ\s+(?:ngày\s+)?" + DAY + _NOT_UNTIL, open_from_date, "time",
         ("từ", DATED), first=r"ckt", opens=("có", "kể", "từ")),
    # "kể từ khi vận hành chính quyền hai cấp (1/7/2025)": since the event the bracket dates
    Form(r"(?:kể\s+)?từ\s+khi[^().,;:\n\d]{3,80}\(\s*(?:ngày\s+)?" + DAY + r"\s*\)"
         r"(?:\s+(?:đến|tới)\s+" + _NOW + r")?", open_from_date, "time",
         ("từ", DATED), first=r"kt", opens=("kể", "từ")),
    # "kể từ khi thành lập năm 2018": since the event the year dates, open end
    Form(r"(?:kể\s+)?từ\s+khi[^().,;:\n\d]{3,60}?\s(?:vào\s+|trong\s+)?năm\s+" + Y.format("y") + _NOT_UNTIL, since,
         "time", ("từ", "khi", "năm"), first=r"kt", opens=("kể", "từ")),
    Form(r"(?:kể\s+|tính\s+)?từ\s+tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y") + _NOT_UNTIL,
         open_from_month, "time", ("từ", "tháng"), first=r"kt", opens=("kể", "tính", "từ")),
    # ("từ đầu năm 2024 (đến nay)": from the year's start, as "từ đầu năm đến nay" is)
    Form(r"(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?năm\s+" + Y.format("y") + _NOT_UNTIL, since, "time", ("từ", "năm"), first=r"kt",
         opens=("kể", "tính", "từ")),
    # "cao hơn năm 2023 là 0,5%", "nhiều hơn cùng kỳ năm 2023": "hơn" before a year compares with it
    Form(r"hơn\s+(?:cùng\s+kỳ\s+)?(?:(?P<edge>cuối|đầu)\s+)?năm\s+" + Y.format("y"), year, "base", ("hơn",),
         first=r"h", backward=True),
    # ("so với cuối năm 2023": the base is the year's end)
    # ("so với năm học 2023 - 2024": from the school year's first year)
    # ("so với (kết quả) thực hiện năm 2025": the year's result a plan is set against)
    Form(r"(?:so\s+với|với\s+cùng\s+kỳ|so\s+cùng\s+kỳ)(?:\s+(?:kết\s+quả\s+)?(?:ước\s+)?thực\s+hiện)?(?:\s+cùng\s+kỳ)?"
         r"(?:\s+(?P<edge>cuối|đầu))?(?:\s+năm(?:\s+học)?)?\s+"
         + Y.format("y") + r"(?:" + SPAN_GAP + r"(?:19|20)\d\d(?!\d))?", year, "base", ("so|với",), first=r"sv",
         backward=True),
    # "từ đầu nhiệm kỳ 2020 - 2025 đến nay": from the term's start, open end
    Form(r"(?:kể\s+|tính\s+)?từ\s+(?:đầu\s+)?(?:nhiệm\s+kỳ|giai\s+đoạn)\s+" + Y.format("y") + SPAN_GAP + Y.format("y2")
         + r"\s+(?:đến|tới)\s+" + _NOW, since, "time", ("từ", "đến|tới", SPAN),
         first=r"kt", opens=("kể", "tính", "từ")),
    Form(r"từ\s+(?:năm\s+)?" + Y.format("y") + r"\s+(?:đến|tới)\s+" + _NOW, since, "time",
         ("từ", "đến|tới"), first=r"t", opens=("từ",)),
    Form(r"(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|từ\s+năm|từ|trong\s+(?:những\s+)?năm|các\s+năm|năm|niên\s+độ)?\s{0,3}"
         + Y.format("y") + SPAN_GAP + Y.format("y2"), span, "time", (SPAN,), first=r"gntc\s12", backward=True),
    # "các năm 2022, 2023 và 2024": from the first listed year to the last (each value's own when
    # values are listed after it one by one: the context reads them so)
    Form(r"(?:các\s+)?năm\s+" + Y.format("y") + r"(?:" + LIST_GAP + r"(?:19|20)\d\d(?!\d)){0,8}" + LIST_GAP
         + Y.format("y2") + r"(?!" + LIST_GAP + r"(?:19|20)\d\d)", span, "time", ("năm", LISTED), first=r"cn",
         backward=True),
    # "6 tháng đầu năm 2023", and as reports say it, "9 tháng năm 2023": the first months
    # ("nửa đầu năm 2026", "nửa cuối năm 2025": the first or last 6 months)
    # ("hai quý đầu năm 2025", "3 quý đầu năm 2024": the first quarters, counted in months)
    Form(r"(?:" + COUNT + r"\s+(?:tháng|(?P<quarters>quý)(?=\s+(?:đầu|cuối)))\s+(?:(?P<half>đầu|cuối)\s+)?"
         r"|nửa\s+(?P<half>đầu|cuối)\s+)năm\s+" + Y.format("y"),
         first_months, "time", ("tháng|nửa|quý", "năm"), first=r"\dscbtnmh", backward=True),
    # "quý I và quý II/2026", "(từ) quý II đến quý IV năm 2025", "quý I - III/2025": from the first quarter to the last
    Form(r"(?:từ\s+)?quý\s+(?P<q1>iv|iii|ii|i|[1-4])\s{0,3}(?:-|–|đến|tới|và)\s{0,3}(?:hết\s+)?(?:quý\s+)?"
         r"(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), quarters, "time", ("quý",),
         first=r"tq", backward=True),
    # "đến hết quý III/2024": an open start and the quarter's last month
    Form(_UNTIL + r"quý\s+(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), until_quarter,
         "time", (_UNTIL_WORDS, "quý"), first=r"tđhc", backward=True),
    Form(r"quý\s+(?P<q>iv|iii|ii|i|[1-4])\s{0,3}(?:/|-|\s+năm\s+)\s{0,3}" + Y.format("y"), quarter, "time", ("quý",),
         first=r"q", backward=True),
    # "từ (đầu) năm 2024 đến tháng 6/2024": from the year to the month
    # ("từ đầu năm (nay) đến ngày 15/11/2025": the year is the end's)
    Form(r"(?:kể\s+|tính\s+)?từ\s+(?:(?:đầu\s+)?năm\s+" + Y.format("y1") + r"|đầu\s+năm(?:\s+nay)?)"
         + r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?(?:tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y")
         + r"|(?:ngày\s+)?" + DAY + ")", year_to_month, "time", ("từ", "năm", "tháng|ngày|đầu"), first=r"kt", backward=True),
    # "từ tháng 9/2023 đến tháng 6/2024": a range of months across years
    Form(r"(?:kể\s+|tính\s+)?từ\s+tháng\s+(?P<m1>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y1")
         + r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?tháng\s+(?P<m>[01]?\d)\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y"),
         months_across, "time", ("từ", "tháng"), first=r"kt", backward=True),
    # "từ tháng 3 đến tháng 6/2024", "tháng 3 - 6/2024": a range of months of one year
    # ("tháng 7, 8 năm 2025", "các tháng 10, 11 và 12/2025": months listed, the span they cover)
    Form(r"(?:từ\s+)?tháng\s+(?P<m1>[01]?\d)(?:\s{0,3},\s{0,3}[01]?\d){0,4}\s{0,3}(?:-|–|đến|tới|và|,)\s{0,3}(?:hết\s+)?(?:tháng\s+)?(?P<m>[01]?\d)"
         r"\s?(?:/|-|\s+năm\s+)\s?" + Y.format("y"), months_range, "time", ("tháng",), first=r"t", backward=True),
    Form(_UNTIL + CLOCK + r"(?:ngày\s+)?" + DAY, until_date, "time", (_UNTIL_WORDS, DATED), first=r"tđhc",
         backward=True),
    Form(_UNTIL + r"(?:ngày\s+)?" + _DAY_WORDS, until_date, "time", (_UNTIL_WORDS, "tháng"), first=r"tđhc",
         backward=True),
    Form(_UNTIL + _MONTH, until_month, "time", (_UNTIL_WORDS, "tháng"), first=r"tđhc", backward=True),
    Form(r"(?:(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+)?|hết\s+|kết\s+thúc\s+)(?P<end>cuối\s+)?năm\s+" + Y.format("y"),
         until_year, "time", ("đến|tới|hết|thúc", "năm"), first=r"tđhk", backward=True),
    # "Đến 2030, …": a target's horizon written without "năm", the clause it closes a time
    # (not a range's upper bound: "từ 1.980 đến 2030, …")
    Form(r"(?<![\d%][^\S\n]{1,3})(?:đến|tới)\s+" + Y.format("y") + r"(?=[^\S\n]*,)", lambda m: (None, m.group("y")), "time", ("đến|tới",),
         first=r"đt", opens=("đến", "tới")),
    # "Trong 2024, …": a year written without "năm", the clause's time as "Năm 2024," is
    Form(r"(?<![\d%][^\S\n]{1,3})trong\s+" + Y.format("y") + r"(?=[^\S\n]*,)", lambda m: (m.group("y"), m.group("y")),
         "time", ("trong",), first=r"t", opens=("trong",)),
    Form(r"(?:ngày\s+)?" + DAY, date, "time", (DATED,), first=r"\dn", backward=True),
    Form(r"(?:ngày\s+)?" + _DAY_WORDS, date, "time", ("tháng", "năm"), first=r"\dn", backward=True),
    Form(_MONTH, month, "time", ("tháng",), first=r"t", backward=True),
    # "trước năm 2020": up to the year before; "sau năm 2025": from the year after
    Form(r"(?P<side>trước|sau)\s+năm\s+" + Y.format("y"), beside_year, "time", ("trước|sau", "năm"), first=r"ts",
         backward=True),
    # ("năm tài chính 2024", "năm ngân sách 2025": a budget's year is the calendar year; "năm công tác 2025":
    # a court's or an inspectorate's working year, named by the year it ends in)
    Form(r"(?:(?P<edge>cuối|đầu)\s+)?năm\s+(?:học\s+|tài\s+chính\s+|ngân\s+sách\s+|công\s+tác\s+)?" + Y.format("y"), year, "time",
         ("năm",), first=r"cđn", backward=True),
    # (a window's end is the text's end for a look-ahead: the bracket lies in it)
    Form(r"(?<=[\s(])" + Y.format("y") + r"(?=\s{0,3}\))", lambda m: (m.group("y"), m.group("y")), "time", (CLOSED,),
         first=r"12", lead=0),
    Form(r"tết\s+\w+\s+\w+\s+" + Y.format("y"), lambda m: (m.group("y"), m.group("y")), "time", ("tết",), first=r"t",
         opens=("tết",)),
    # a crop season and its year ("vụ Hè Thu 2024", "vụ lúa Xuân 2025"), as "vụ Đông Xuân năm 2024" says it;
    # a crop's year ("niên vụ tôm 2025", "vụ vải 2025")
    Form(r"(?:niên\s+)?vụ\s+(?:(?:lúa\s+)?(?:" + _SEASONS + r")|\p{L}+(?:\s+\p{L}+)?)\s+" + Y.format("y"),
         lambda m: (m.group("y"), m.group("y")), "time", ("vụ",), first=r"vn", opens=("vụ", "niên")),
]


def _form(form: Form) -> Form:
    # the look-ahead for the first character changes no match: the engine skips faster where none can start
    pattern = rf"(?<!\w)(?=[{form.first}])(?:" + form.pattern + r")(?!\w)"
    written = next((way for way in (DATED, SPAN, LISTED, CLOSED) if way in form.needs), None)
    # (backwards, a match ends where the search ends: at the year's end; its
    # greedy parts, longer alternatives first, give the leftmost start)
    backward = compile_regex(pattern, regex.I | regex.V0 | regex.REVERSE) if form.backward else None
    return form._replace(pattern=compile_regex(pattern, regex.I | regex.V0), needs=frozenset(form.needs),
                         written=written, backward=backward)


# the first form, "so với cùng kỳ" or "đầu năm", is the only one without a year
SAME_TIME_BEFORE = _form(FORMS[0])


@lru_cache(maxsize=1)
@first_use
def dated_forms() -> list[Form]:
    """The forms with a year, compiled on the first text with a year (a
    cold start cost)."""
    return [_form(form) for form in FORMS[1:]]
