"""Where a figure's sentence, line, paragraph and clause begin and end,
and lookups among sorted spans (which mentions lie near a figure, inside
a span, right after one).  Shared by the period, place and subject steps.
"""

from __future__ import annotations

import bisect
from operator import attrgetter

import regex

from ...grammar.lazy import deferred, settle
from ...grammar.levels import SHORT
from ..words import CharClass, may_hold


# The punctuation that ends a sentence (and a full sentence): where a run of
# ".!?…" ends before white space and a capital, a digit or an opening mark.
# (One scan per mark, each ending at the last mark of a run: a pattern that
# opens with one character is found by a fast scan, a class is tried at
# every position.)
# ("TP. Sơn La", "H. Sốp Cộp", "TX. Nghĩa Lộ": the point of a level word written short ends no sentence)
_SHORT_LEVEL = r"(?<!(?<![\p{L}])(?:%s))" % "|".join(sorted(
    {form for short in SHORT if short.endswith(".") for form in (short[:-1].upper(), short[:-1].capitalize())}))
_STOP_MARKS = {mark: deferred((_SHORT_LEVEL if mark == "." else "") + regex.escape(mark) + r"(?=\s+[\p{Lu}\d“\"(-])")
               for mark in ".!?…"}
_LOWER = CharClass(r"\p{Ll}")
_BLANK_LINE = deferred(r"\n[^\S\n]*\n")  # (its end: past the line break that closes it)
# " - " breaks a clause before a capital or a number ("Name - Role"), not
# inside a compound ("nông - lâm - thủy sản", "văn hoá - xã hội").
_ONE_CHAR_BREAK_SOURCE = r"[,;:()|]"
_CLAUSE_BREAK_SOURCE = _ONE_CHAR_BREAK_SOURCE + r"|(?<!,)\n(?!\p{Ll})|\s-\s(?=[\p{Lu}\d])"
CLAUSE_BREAK = deferred(_CLAUSE_BREAK_SOURCE)
_CLAUSE_BREAK_BACK = deferred(_CLAUSE_BREAK_SOURCE, regex.REVERSE)  # the last break first
# (a class search for the last break of one character, without look-around:
# the others each hold a line break or a hyphen, which str.find rules out)
_ONE_CHAR_BREAK_BACK = deferred(_ONE_CHAR_BREAK_SOURCE, regex.REVERSE)


def sentence_bounds(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where sentences and lines start, and where full sentences end (by
    punctuation and blank lines only: :func:`_full_sentence`), from one scan
    for the punctuation that ends them."""
    marks = [m.end() for mark, stops in _STOP_MARKS.items() if mark in text for m in stops.finditer(text)]
    lines = line_starts(text)
    # a line break followed by a lower-case letter is a soft wrap (PDF text), no boundary;
    # so is one after a comma or a joining word, whatever follows ("của In-đô-nê-xi-a,\nMa-lai-xi-a")
    breaks = [start for start in lines[1:] if not _LOWER[text[start:start + 1]] and not _continued(text, start)]
    return [0] + sorted(marks + breaks), lines, sorted(marks + [m.end() for m in _BLANK_LINE.finditer(text)])


# what ends a line that the next one continues: a comma, or a word that joins what follows
_JOINING_ENDS = (",", " và", " hoặc", " của", " với", " các", " những")


def _continued(text: str, start: int) -> bool:
    """The line before ``start`` (a line's start) ends in a comma or a joining word."""
    return text[max(0, start - 9):start - 1].rstrip(" \t").lower().endswith(_JOINING_ENDS)


def line_starts(text: str) -> list[int]:
    out, i = [0], text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def start_of(bounds: list[int], pos: int) -> int:
    return bounds[bisect.bisect_right(bounds, pos) - 1]


def end_of(bounds: list[int], pos: int, limit: int) -> int:
    i = bisect.bisect_right(bounds, pos)
    return bounds[i] if i < len(bounds) else limit


def bounds_around(bounds: list[int], pos: int, limit: int) -> tuple[int, int]:
    """(:func:`start_of`, :func:`end_of`) of ``pos`` (``bounds`` open with 0)."""
    i = bisect.bisect_right(bounds, pos)
    return bounds[i - 1], bounds[i] if i < len(bounds) else limit
START = attrgetter("start")


def without_starts_within(spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The ``spans`` (sorted) that none of ``starts`` (sorted) lies strictly
    inside, by one walk through both."""
    out, i, n = [], 0, len(starts)
    for span in spans:
        while i < n and starts[i] <= span[0]:
            i += 1
        if i == n or starts[i] >= span[1]:
            out.append(span)
    return out


def holes_near(holes: list[tuple[int, int]], starts: list[int], lo: int, hi: int,
                own: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of ``holes`` (sorted; ``starts``: theirs) that start in
    ``[lo, hi]``, less ``own``."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
    k, m = bisect.bisect_left(holes, own, i, j), bisect.bisect_right(holes, own, i, j)
    return holes[i:k] + holes[m:j]


def overlaps(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies inside one of ``spans`` (sorted by start; they may nest)."""
    i = bisect.bisect_right(spans, (pos, float("inf")))
    return any(s <= pos < e for s, e in spans[max(0, i - 3):i])


def right_after(text: str, ends: list[int], pos: int) -> bool:
    """``pos`` follows one of ``ends`` closely: a document's own time ("Nghị
    quyết 35/NQ-CP năm 2024", "số 25-NQ/TW, ngày 03/6/2013"); a year after
    a comma opens a clause ("…/NQ-CP, năm 2024 tỉnh …"), as any time but a
    day does ("…/QH14, giai đoạn 2021-2025 huyện …")."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0 or pos - ends[i] > 2:
        return False
    return not text[ends[i]:pos].strip() or bool(_DAY_WORD.match(text, pos))
_DAY_WORD = deferred(r"ngày(?![\p{L}])|\d{1,2}\s?[/.-]\s?\d", regex.I)


def inside_any(spans, pos: int) -> bool:
    """``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
WINDOW = 300  # a clause is read at most this far from its figure
# A verb of reporting: what is reported after it is a clause of its own, its
# speaker no part of what a figure there counts ("Ông A cho biết có 300
# đoàn viên").  (Verbs only: "thông tin", "chia sẻ" are nouns as often.)
_REPORTED_SOURCE = r"(?<![\p{L}])(?:cho\s+biết|cho\s+hay|khẳng\s+định|nhấn\s+mạnh)(?:\s+(?:thêm|rằng|là))?(?![\p{L}])"
_REPORTED_BACK = deferred(_REPORTED_SOURCE, regex.I | regex.REVERSE)  # the last one first


def clause_start_before(text: str, s_start: int, pos: int, figures, places=(), place_starts=()) -> int:
    lo = max(s_start, pos - WINDOW)
    start = last_break(text, lo, pos)
    while start > lo and _chain_comma(text, start - 1, places, place_starts):
        start = last_break(text, lo, start - 1)
    if may_hold(text[start:pos], "cho", "khẳng", "nhấn"):  # (a test before the pattern)
        reported = _REPORTED_BACK.search(text, start, pos)
        if reported:
            start = reported.end()
    # a clause holds one figure: start after the previous figure in it
    i = bisect.bisect_left(figures, (pos, -1))
    for fs, fe in figures[max(0, i - 4):i + 1]:
        if start <= fe <= pos and fs < pos:
            start = max(start, fe)
    return start


def _chain_comma(text: str, comma: int, places, place_starts) -> bool:
    """The comma at ``comma`` joins the units of an address chain ("của xã
    A, huyện B đạt 45 triệu đồng"): a unit ends right before it and another
    starts right after it; such a comma breaks no clause."""
    if text[comma] != ",":
        return False
    k = bisect.bisect_left(place_starts, comma)
    if k == 0 or k >= len(places) or text[comma + 1:places[k].start].strip():
        return False
    return not text[places[k - 1].end:comma].strip()


def last_break(text: str, start: int, end: int) -> int:
    """Where the last clause break a scan of ``[start, end)`` finds ends,
    or ``start``: the break ending last, found from the end."""
    one = _ONE_CHAR_BREAK_BACK.search(text, start, end)
    last = one.end() if one else start
    if text.find("\n", last, end) < 0 and text.find("-", last, end) < 0:
        return last  # no other break ends after it
    m = _CLAUSE_BREAK_BACK.search(text, start, end)
    if m is None:
        return start
    if m.end() - m.start() > 1 and text[m.start()] == "\n":
        # "\n- X": the scan takes the line break alone, then reads on after it
        return [b.end() for b in CLAUSE_BREAK.finditer(text, start, end)][-1]
    return m.end()


def clause_end_after(text: str, pos: int, s_end: int) -> int:
    m = CLAUSE_BREAK.search(text, pos, min(s_end, pos + WINDOW))
    s_end = min(s_end, pos + WINDOW)
    return m.start() if m else s_end


# what a heading never holds, and its most characters (past white space)
NOT_IN_HEADING = frozenset(".!?:;…|")
DIGIT = deferred(r"\d")
BRACKET_CHARS = 80
OPENS_BREAKDOWN = deferred(r"[^;.]*?(?<![\p{L}])trong\s+đó\s*:?\s*$", regex.I)
# a sum's name opening the sentence, then words up to a comma
SUM_THEN_WORDS = deferred(r"[^\S\n]*(?:tổng[^\S\n]+)?(?:kinh[^\S\n]+phí|giá[^\S\n]+trị|số[^\S\n]+tiền|chi[^\S\n]+phí)(?![\p{L}])"
                           r"(?P<words>[^\d;:()\n.%]*),[^\S\n]*$", regex.I)
NOTHING_OWN = deferred(r"[^\S\n]*(?:[,.;:)]|so[^\S\n]+với(?![\p{L}])|$)", regex.I)
WORD = deferred(r"\p{L}+")
RECIPIENT_BEFORE = deferred(r"(?<![\p{L}])cho[^\S\n]+(?:(?:khoảng|trên|hơn|gần)[^\S\n]+)?$", regex.I)
SENTENCE_END = deferred(r"[!?\n]|\.(?!\d)")
# ("Phụ cấp bằng 0,3 mức lương cơ sở, tương đương 702.000 đồng/tháng": a multiple of a base amount, no figure
# of its own, then the same amount in money; "bằng 6 tháng lương cơ sở": months of a wage, as a multiple)
TIMES_THEN_LEVEL = deferred(r"(?<![\p{L}])(?:(?:cao|lớn|nhiều|tăng)\s+)?(?:gấp|tăng|giảm|bằng)(?:\s+(?:gần|hơn|khoảng|trên))?\s+\d[\d,.]*\s+(?:lần|mức|tháng\s+lương)"
                             r"[^,;.\d\n]{0,40},\s*(?:(?:ước\s+)?(?:đạt|lên)|tương\s+(?:đương|ứng)(?:\s+với)?)(?:\s+(?:khoảng|trên|hơn|gần))?\s*$",
                             regex.I)
_WRAP_LINE = 60  # a line this long without end punctuation was wrapped (PDF text)
_DATE_LINE = deferred(r"\d{1,2}/\d{1,2}/\d{4}")
_HARD_END = deferred(r"[.!?…]+\s+|\n\s*\n")


def unwrapped_start(text: str, s_start: int) -> int:
    """The start of the sentence, across a wrapped line: in text wrapped
    at a fixed width ("... tăng trưởng toàn cầu năm\n2023 đạt 2,9%"), a line
    break before a number inside a block of long lines breaks no sentence."""
    if s_start < 2 or text[s_start - 1] != "\n" or not text[s_start].isdigit():
        return s_start
    prev = text.rfind("\n", 0, s_start - 1) + 1
    line = text[prev:s_start - 1]
    before = text.rfind("\n", 0, prev - 1) + 1 if prev else 0
    if (not prev or len(line) < _WRAP_LINE or not line[-1].isalpha() or len(text[before:prev - 1]) < _WRAP_LINE
            or _DATE_LINE.match(text, s_start, s_start + 12)):  # no date line under a title
        return s_start
    lo = max(0, s_start - WINDOW)
    ends = [m.end() for m in _HARD_END.finditer(text, lo, s_start - 1)]
    return ends[-1] if ends else lo


def plain_clause_start(text: str, s_start: int, pos: int) -> int:
    """The clause start before ``pos`` by punctuation only (figures inside a
    noun phrase, "tỷ lệ hộ nghèo ở 6 huyện ...", do not cut it)."""
    s_start = max(s_start, pos - WINDOW)
    end = last_break(text, s_start, pos)
    if end == s_start or text[end - 1] != "\n" or unwrapped_start(text, end) == end:
        return end  # (the last break, found from the end)
    # a wrapped line's break ("năm\n2023") cuts no clause
    breaks = [m.end() for m in CLAUSE_BREAK.finditer(text, s_start, pos)
              if m.group() != "\n" or unwrapped_start(text, m.end()) == m.end()]
    return breaks[-1] if breaks else s_start


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
