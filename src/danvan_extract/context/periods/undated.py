"""The patterns of times written without a year of their own and the years
they take: days, months, quarters and year ends without a year, counts of
months, "hiện nay" and "năm nay" (no period or the article's year),
counted years after a dated work ("Qua 10 năm thực hiện ... ngày
22/11/2014"), and the year such a time takes (:func:`year_past`,
:func:`years_before`).
"""

from __future__ import annotations

import bisect
from typing import Optional

import regex

from ...numbers import SPELLED, SPELLED_SMALL, parse_spelled
from ...grammar.pattern_cache import compile_regex
from .values import month_end, month_of, MONTH_WORD, ROMAN, TimeMention
from .forms import CLOCK, COUNT, DAY_RANGE
from ..relative_times import TIMES_OF_DAY

_PROGRESS = r"(?:tính\s+)?(?:đến|tới)\s+nay|tính\s+đến\s+thời\s+điểm\s+này"
_NULLS = (r"hiện\s+nay|hiện\s+tại|(?<!thực\s)(?<!xuất\s)(?<!thể\s)(?<!phát\s)(?<!biểu\s)(?<!hiển\s)hiện(?=\s+\p{Ll})(?!\s+(?:vật|trạng|tượng|đại|diện|hành|thân)(?![\p{L}]))"
          # ("cây hằng năm", "cây trồng hàng năm": annual crops, a class of plants, no time)
          r"|mỗi\s+năm|(?<!cây\s(?:trồng\s)?)(?:hằng|hàng)\s+năm|nhiệm\s+kỳ\s+(?:qua|tới|mới)(?![^\S\n]*\(?(?:19|20)\d\d)|những\s+năm\s+qua|thời\s+gian\s+qua")
_RELATIVE = r"năm\s+nay|năm\s+qua|trong\s+năm"

NULL_RE = compile_regex(r"(?<!\w)(?:" + _NULLS + r")(?!\w)", regex.I)
PROGRESS_RE = compile_regex(r"(?<!\w)(?:" + _PROGRESS + r")(?!\w)", regex.I)
# "6 tháng đầu năm" without its year: the year stated last before it
MONTHS_NO_YEAR = compile_regex(r"(?<!\w)" + COUNT + r"\s+tháng\s+(?P<half>đầu|cuối)\s+năm"
                               r"(?!\s{0,3}(?:19|20)\d\d)(?!\w)", regex.I)
# what every match of MONTHS_NO_YEAR holds after its count (where the count is looked for)
HALF_YEAR = compile_regex(r"tháng\s+(?:đầu|cuối)\s+năm", regex.I)
# "năm nay", "năm qua" (the article's year), and with a count before them
# "3 năm qua", "5 tháng gần đây": a duration without an anchor, no time of
# its own (the figure keeps the span its paragraph states).  Whole-text
# scans open with a literal for the engine's fast search; the word
# boundary before is checked apart.
RELATIVE_RE = compile_regex(r"(?:" + _RELATIVE + r"|(?:năm|tháng)\s+(?:vừa\s+qua|gần\s+đây)|tháng\s+qua)"
                            r"(?!\s{0,3}(?:19|20)\d\d)(?!\w)", regex.I)
IS_RELATIVE = compile_regex(_RELATIVE, regex.I)
# (on the same line, and no clock time: "10:05\nNăm nay" counts no years; "mấy năm nay",
# "nhiều năm nay", "vài tháng gần đây": these few or many years, a duration as a count's is)
COUNT_BEFORE = compile_regex(rf"(?<![\w:.,/])(?:\d{{1,2}}|{SPELLED_SMALL}|mấy|vài|nhiều|dăm)[^\S\n]+$", regex.I)


DAY_RANGE_NO_YEAR = compile_regex(r"(?<!\w)" + DAY_RANGE + r"(?!\s?[/.-]?\s?\d)", regex.I)
# "ngày 22/12", "Sáng 18/5", "Chiều 18.10": a day without its year (tried
# right after the words a day follows; the words before are read apart)
NO_YEAR = compile_regex(r"\s(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?!\s?[/.-]?\s?\d)")
# "từ ngày 1/9 đến ngày 31/10", "từ ngày 3/11 đến 9/11": a range of days without a year
# (tried where NO_YEAR is, after a day word)
DATES_NO_YEAR = compile_regex(r"\s(?P<d1>\d{1,2})\s?[/.-]\s?(?P<m1>\d{1,2})\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:ngày\s+)?"
                              r"(?P<d>\d{1,2})\s?[/.-]\s?(?P<m>\d{1,2})(?!\s?[/.-]?\s?\d)", regex.I)
# ("tính đến 30/9": a report's cut-off day, "ngày" often left out after "tính đến", and after
# "Đến" opening a sentence ("Đến 31/12, toàn tỉnh có …"); a bare mid-clause "đến 30/45" stays a ratio)
DAY_WORD_BEFORE = compile_regex(r"(?<!\w)(?:(?P<until>(?:tính\s+)?(?:đến|tới)(?:\s+hết)?\s+" + CLOCK + r")?"
                                r"(?:ngày|(?:" + "|".join(TIMES_OF_DAY) + r")(?:\s+ngày)?)"
                                r"|(?P<until>tính\s+(?:đến|tới)(?:\s+hết)?"
                                r"|(?:(?<=^)|(?<=[\n.;!?][^\S\n]{0,3}))(?:đến|tới)(?:\s+hết)?))$", regex.I)


def year_past(y: Optional[str], month: int, published: Optional[str], text: str = "", end: int = -1) -> Optional[str]:
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
    if ahead < -6 and end >= 0 and FUTURE_AFTER.match(text, end):
        return str(int(y) + 1)
    return y
# ("sẽ", "dự kiến", "sắp", "phấn đấu": the future or a target, in the clause after a time)
FUTURE_AFTER = compile_regex(r"[^.;:\n]{0,40}?(?<![\p{L}])(?:sẽ|dự\s+kiến|sắp|phấn\s+đấu)(?![\p{L}])", regex.I)

def years_before(out: list[TimeMention]):
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
NO_YEAR_QUARTER_OR_MONTH = compile_regex(
    r"(?<![\p{L}\d])(?<!\d )(?:quý\s+(?P<q>iv|iii|ii|i|[1-4])|(?<!rằm\s|mạng\s)tháng\s+(?P<m>1[0-2]|0?[1-9]|" + MONTH_WORD + r"))(?:\s+(?:vừa\s+qua|này|năm\s+nay|(?P<next>(?:sắp\s+)?tới)))?"
    r"(?!\s?[/.-]\s?\d|\s+năm\s+(?:19|20)\d\d|\s+năm\s+trước|\w)", regex.I)


def quarter_or_month(m, y: str) -> Optional[tuple[str, str]]:
    """The period of a NO_YEAR_QUARTER_OR_MONTH match in year ``y``."""
    if m.group("q"):
        q = ROMAN[m.group("q").lower()]
        return month_end(y, 3 * q - 2), month_end(y, 3 * q)
    month = month_end(y, month_of(m))
    return month, month


# "đến hết năm", "đến cuối năm (nay)", "từ nay đến cuối năm": an open start and the end of the
# article's year (else of the year stated last); "cuối năm nay" alone: the year's last month
YEAR_END = compile_regex(r"(?P<edge>hết|cuối)\s+năm(?P<nay>\s+nay)?(?!\s{0,3}(?:nay|học|tài|ngân|(?:19|20)\d\d))(?!\w)",
                         regex.I)
UNTIL_BEFORE = compile_regex(r"(?<!\w)(?:(?:tính\s+)?(?:đến|tới)|từ\s+(?:nay|bây\s+giờ)\s+(?:đến|tới))\s+$", regex.I)
# before a month or a quarter without its year: "đến (hết)", "từ đầu năm (nay) đến (hết)"
UNTIL_NO_YEAR = compile_regex(r"(?<!\w)(?:(?P<since>(?:kể\s+|tính\s+)?từ\s+đầu\s+năm(?:\s+nay)?\s{0,3}(?:-|–|đến|tới))"
                              r"|(?:tính\s+)?(?:đến|tới)|hết)(?:\s+hết)?\s+(?:cuối\s+)?$", regex.I)
# "tháng 3 đến (hết) tháng 8" without a year: the range's last month, after the first
MONTH_RANGE_TAIL = compile_regex(r"\s{0,3}(?:-|–|đến|tới)\s{0,3}(?:hết\s+)?tháng\s+(?P<m>1[0-2]|0?[1-9])"
                                 r"(?!\s?[/.-]\s?\d|\s+năm\s+(?:19|20)\d\d|\w)", regex.I)
# before "đến ngày 31/8" without its year: "từ đầu năm (nay)" opens the range
SINCE_YEAR_START_BEFORE = compile_regex(r"(?<!\w)(?:kể\s+|tính\s+)?từ\s+đầu\s+năm(?:\s+nay)?\s+$", regex.I)
SINCE_YEAR_START = compile_regex(r"từ\s+đầu\s+năm(?:\s+(?:đến|tới)\s+nay)?"
                                 r"(?!\s{0,3}(?:nay|học|(?:19|20)\d\d))(?!\w)", regex.I)
# "Qua 10 năm thực hiện Chỉ thị số 40-CT/TW ngày 22/11/2014": from that date
# to ten years on.
SINCE_ANCHOR = compile_regex(rf"(?<![\p{{L}}])(?:qua|sau|trải\s+qua)\s+(?P<n>\d{{1,2}}|{SPELLED})\s+năm\s+"
                             r"(?:thực\s+hiện|triển\s+khai|thi\s+hành|tổ\s+chức\s+thực\s+hiện)", regex.I)
ANCHOR = compile_regex(r"(?:ngày\s+(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?|năm\s+)(?P<y>(?:19|20)\d\d)(?!\d)",
                       regex.I)
_MAX_YEARS = 100


def count_word(word: str) -> Optional[int]:
    """The count of years a match of SINCE_ANCHOR names, in digits or words (None past a hundred)."""
    n = int(word) if word.isdigit() else parse_spelled(word)
    return n if n <= _MAX_YEARS else None  # ("qua ba triệu năm ..." dates no work)
