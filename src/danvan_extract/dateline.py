"""The article's own date line ("Cập nhật: Thứ sáu, 6/1/2023 | 7:46",
"Sóc Trăng, ngày 30 tháng 05 năm 2023"): when the page says the article
was published.  Core: the context layer and the document grammar both
read it (a clause date without a year takes the article's year)."""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from .grammar.lazy import deferred, settle
from .grammar.pattern_cache import compile_regex

_HEAD_LINES = 6
_ISO_LINE = compile_regex(r"^\W{0,4}(?:date|ngày)?\W{0,3}(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", regex.I)


def lines_with_offsets(text: str, limit: int = _HEAD_LINES * 2) -> list[tuple[int, str]]:
    """The first ``limit`` lines of ``text`` with their start offsets."""
    out, pos = [], 0
    for line in text.split("\n", limit)[:limit]:
        out.append((pos, line))
        pos += len(line) + 1
    return out


_CLOCK = r"\d{1,2}:\d{1,2}(?::\d\d)?'?(?:\s*(?:AM|PM|SA|CH|GMT\s*[+\d:]*))?"
_WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|CN|T[2-7](?=\s*,))"
_DATE_NUM = r"(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d\d)"
# ("15 Tháng 4, 2021": a comma in place of "năm")
_DATE_WORDS = r"(?:ngày\s+)?(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)(?:\s+năm\s+|\s*,\s*)(?P<y>(?:19|20)\d\d)"
# "Báo Cao Bằng | 14:20 | 12/05/2024": a source's name before a clock time;
# "Báo Tuyên Quang - 20/6/2024": a newspaper's or portal's name before its date
# "Minh Anh - 15/04/2024 10:20", "Tác giả: Minh Anh | 15/04/2024": a byline's name before the date
_BYLINE = (r"(?:(?:tác\s+giả|bài(?:\s+và\s+ảnh)?|phóng\s+viên)\s*:\s*)?(?-i:\p{Lu}[\p{L}.]*)(?:\s(?-i:\p{Lu}[\p{L}.]*)){0,4}"
           r"\s[|–-]\s*(?=[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d)")
# "Lượt xem: 1.245 | 15/04/2021", "Đăng bởi: Ban biên tập - 15/04/2021": a page's counter or its
# poster before the date
_COUNTER_OR_POSTER = (r"(?:lượt\s+(?:xem|đọc|truy\s+cập)\s*:?\s*[\d.,]+\s*\|\s*"
                      r"|(?:đăng\s+bởi|người\s+đăng)\s*:\s*[^|\n\d]{2,40}?\s[|–-]\s*(?=[0-3]?\d[/.-][01]?\d[/.-](?:19|20)\d\d))")
_SOURCE = (r"(?:" + _COUNTER_OR_POSTER + r"|[^|\n\d]{2,40}\|\s*(?=" + _CLOCK + r")|" + _BYLINE + r"|(?:báo|tạp\s+chí|đài|cổng\s+thông\s+tin|cổng\s+ttđt)"
           r"\s+(?-i:\p{Lu})[^|\n\d]{0,40}?\s[-–|]\s*(?=\d|thứ|chủ|ngày))?")
_LEAD = (r"^" + _SOURCE + r"[\s•*|(-]*(?:(?:(?:ngày|thời\s+gian)\s+(?:cập\s+nhật|đăng(?:\s+tải)?|xuất\s+bản|phát\s+hành)|cập\s+nhật|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|published|posted(?:\s+on)?|date)\s*(?:ngày|lúc)?\s*:?\s*)?"
         r"(?:" + _CLOCK + r"\s*[-,|]?\s*)?(?:" + _WEEKDAY + r"\s*[-,]?\s*)?(?:ngày(?:\s*:)?\s+)?")
_DATE_LINE_NUM = deferred(_LEAD + _DATE_NUM + r"(?!\d)", regex.I)
_DATE_LINE_WORDS = deferred(_LEAD + _DATE_WORDS, regex.I)
# "Cập nhật: 2025-10-14 08:30": a labelled stamp in the ISO order (year first, unambiguous)
_DATE_LINE_ISO = deferred(_LEAD + r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", regex.I)
# "Sóc Trăng, ngày 30 tháng 05 năm 2023": a document header's place and date
_PLACE_DATE = deferred(r"^[\s\w./:-]{0,60}?\p{Lu}[\p{L}\s.]{1,30},\s*" + _DATE_WORDS, regex.I)
# "Điện Biên, ngày 20/12/2024", "Si Ma Cai, 28/6/2025" alone on its line: a dateline with its date in figures
_PLACE_DATE_NUM = deferred(r"^\p{Lu}[\p{L}\s.]{1,30},\s*(?:ngày\s+)?" + _DATE_NUM + r"\s*$", regex.I)
# "HÀ GIANG, 15/6/2024 - Thực hiện ...", "(Daklak.gov.vn) - 11/11/2023 - Theo ...": a news
# dateline (place or source, date, dash) opening the lead
# (a weekday is no place: "Thứ Năm, 21/03/2024 - 08:25" is a date line with its clock time)
_PLACE_DATE_LEAD = deferred(r"(?!" + _WEEKDAY + r"\s*,)(?:\(?\p{Lu}[\p{L}\s.]{1,30}\)?,|\([^()\n]{2,40}\)\s*[-–—])\s*(?:ngày\s+)?"
                            + _DATE_NUM + r"\s*[-–—]\s", regex.I)
_DATE_LINE_MAX = 90
_CLOCK_RE = deferred(_CLOCK)


def stamp_lines(text: str, lines: Optional[list[tuple[int, str]]] = None) -> list[tuple[int, int]]:
    """The spans of the head lines that are nothing but a date stamp
    ("Chủ Nhật, 01/12/2024", a site header's today; the article's own date
    line): a page's dates, which state no figure's time.  ``lines``:
    :func:`lines_with_offsets` of ``text``, if known."""
    out = []
    for i, (start, line) in enumerate((lines or lines_with_offsets(text))[:_HEAD_LINES]):
        stripped = line.strip()
        if _may_be_dated(stripped, i) and len(stripped) <= _DATE_LINE_MAX:
            m = date_line_match(stripped)
            if m is not None and not body_after_stamp(stripped, m):
                out.append((start, start + len(line)))
    return out


def find_date_line(text: str, lines: Optional[list[tuple[int, str]]] = None) -> Optional[tuple[str, int, int]]:
    """(ISO date, start, end) of the article's date line, or None.

    Among the date lines at the top, one with a clock time is the
    article's ("Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31"); a site header
    that shows today's date comes first and has none.  A document header's
    "Place, ngày D tháng M năm Y" counts further down.  The line states
    when the article was published, not a figure's time.  ``lines``:
    :func:`lines_with_offsets` of ``text``, if known."""
    last = None  # the last date line without a clock time
    for i, (start, line) in enumerate((lines or lines_with_offsets(text))[:_HEAD_LINES * 2]):
        stripped = line.strip()
        # (a lead's dateline: its line is long, the dated-line test does not see it)
        # (its place ends with a comma within 32 characters, or its source is in brackets)
        opens = stripped[:1] == "(" or (stripped[:1].isupper() and "," in stripped[:33])
        m = _PLACE_DATE_LEAD.match(stripped) if opens else None
        place_date = lead = m is not None
        if m is None:
            if not _may_be_dated(stripped, i):
                continue
            m = date_line_match(stripped)
        if m is None and len(stripped) <= _DATE_LINE_MAX:
            m = _PLACE_DATE.match(stripped) or _PLACE_DATE_NUM.match(stripped)
            place_date = m is not None
        if m is None or (i >= _HEAD_LINES and not place_date):
            continue
        if lead or body_after_stamp(stripped, m):  # a date stamp before body text: the stamp alone
            stripped, line = stripped[:m.end()], line[:line.index(stripped) + m.end()]
        d, mo = int(m.group("d")), int(m.group("m"))
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        found = f"{m.group('y')}-{mo:02d}-{d:02d}", start, start + len(line)
        if _CLOCK_RE.search(stripped):
            return found  # (the first with a clock time: the lines after it are not read)
        last = found
    return last


# _ISO_LINE's year ends within this many characters of its line's start
_ISO_YEAR_END = 4 + len("date") + 3 + 4


def _may_be_dated(line: str, i: int = 0) -> bool:
    """A cheap test before the patterns: can the ``i``-th stripped head
    line be a date line?  Its year opens with "19" or "20"; a line too
    long for the other patterns is one only by _ISO_LINE, near its start
    and in the first head lines.  (Without ``i``: can
    :func:`date_line_match` find a date in it?)"""
    if len(line) > _DATE_LINE_MAX:
        if i >= _HEAD_LINES:
            return False
        line = line[:_ISO_YEAR_END]
    return "20" in line or "19" in line


@lru_cache(maxsize=64)
def date_line_match(line: str):
    """The date at the start of a stripped head line that is a date line
    ("Thứ ba, ngày 24 tháng 1 năm 2023 | 10:31", "24/01/2022 09:17"), or
    None.  A scraper's date stamp ("date 2025-09-02 ...") may open a line
    that goes on with the body: only the stamp is the date line then."""
    m = _ISO_LINE.match(line)
    if m is not None or len(line) > _DATE_LINE_MAX:
        return m
    m = (_DATE_LINE_NUM.match(line) or _DATE_LINE_WORDS.match(line)
         or ("-" in line and _DATE_LINE_ISO.match(line) or None))
    # "Ngày 16/6/2025, Hội đồng thông qua ...": a sentence opened by its date
    return None if m is not None and _SENTENCE_AFTER.match(line, m.end()) else m


_SENTENCE_AFTER = compile_regex(r",\s*(?!\d{1,2}:)\S+(?:\s+\S+){3}")


def body_after_stamp(line: str, m) -> str:
    """The body text that goes on after a date line's match on the same
    line ("date 2025-09-02 Trong giai đoạn ..."), or ""."""
    rest = line[m.end():].strip()
    return rest if len(line) > _DATE_LINE_MAX or len(rest.split()) >= 6 else ""


def find_published(text: str) -> Optional[str]:
    """The article's date from a date line near the top ("Cập nhật: Thứ
    sáu, 6/1/2023", "24/01/2022 09:17"), or None."""
    found = find_date_line(text)
    return found[0] if found else None


settle(globals())
