"""The period of one figure (FACTS.md "Context"): the time stated in its
clause, else before it in its sentence, paragraph, section or lead; a
change's base time; an event's day named again; a table column's year.
"""

from __future__ import annotations

from dataclasses import replace
import bisect
import itertools
from typing import Optional

import regex

from ..subjects.tables import table_heading_cell
from ...extractors.table_cells import in_table_row
from ...grammar.lazy import deferred, settle
from ..periods.values import TimeMention
from ..relative_times import month_shifted
from ..words import may_hold
from .clauses import BRACKET_CHARS, DIGIT, SENTENCE_END, WINDOW
from .sections import section_start


_BRACKET_TIME = deferred(r"\s*\(\s*(?:năm\s+|tính\s+đến\s+)?[^()\n]{0,20}\)")
# -- period ------------------------------------------------------------------


_COMMA_ONLY = deferred(r"\s*(?:,\s*)?$")
_MOVES_TO = deferred(r"[^\S\n]*(?:xuống|lên)(?![\p{L}])")
_PAUSE_OR_DIGIT = deferred(r"[,;.\d\n|]")  # (a line break or a table's bar ends the figure's row)
# "18 chỉ tiêu chủ yếu cho nhiệm kỳ 2025 - 2030", "… được xây dựng trong năm 2024": the time a figure's own
# phrase sets it for, after its modifiers
# ("xóa 1.120 căn nhà tạm cho hộ nghèo trước ngày 30/9/2025": a target's deadline, after its modifiers)
_FOR_TIME_GAP = deferred(r"[^\S\n][^,;.:()\d\n|]{0,30}?(?<![\p{L}])(?:cho|trong|trước)[^\S\n]+", regex.I)
# "… là 64.500 hộ và năm 2024 đạt 71.200 hộ": a conjunction before the time opens the next clause, whose time it is
# ("Nếu như năm 2020 … chỉ 25 triệu đồng thì đến năm 2025 …": "thì" opens the contrasted clause)
_CONJUNCTION_GAP = deferred(r"\s+(?:và|còn|nhưng|song|thì)\s+", regex.I)
# a value and its unit ("5,12% ", "40 triệu đồng ", "45 triệu đồng/người ") before a bracket
# (a number after "số" names a thing, no value: "cơn bão số 3 (tháng 9/2024)")
# ("Bản tin Tuần 42 (từ 13/10 đến 19/10/2025)", "Đợt 2 (tháng 8)", "Kỳ họp thứ 10 (tháng 12/2025)": an
# ordinal names the thing the bracket dates)
_VALUE_WORD_BEFORE = deferred(r"(?<!(?<![\p{L}])(?i:số|tuần|đợt|kỳ|thứ)\s+\d*)[\d%](?:\s*[\p{L}/]{1,12}){0,3}\s*$")


_DEADLINE_GAP = 80
# a target's verb before the figure, in its sentence ("phấn đấu hoàn thành xóa 1.120 căn …")
_TARGET_BEFORE = deferred(r"(?<![\p{L}])(?:phấn\s+đấu|mục\s+tiêu|chỉ\s+tiêu|kế\s+hoạch|đề\s+ra)(?![\p{L}])[^.;\n]*$", regex.I)
# "trước ngày 30/9/2025", "trước tháng 10/2025": a deadline (before a day or a month)
_BEFORE_DAY = deferred(r"(?<![\p{L}])trước[^\S\n]+$", regex.I)


# "Từ khi lắp đặt thử nghiệm (tháng 7/2024) đến nay": the event's time in a bracket, from it to now
_SINCE_EVENT = deferred(r"(?<![\p{L}])(?:kể\s+)?từ\s+(?:khi|lúc|ngày)\s+[^()\n\d.;]{1,50}\(\s*$", regex.I)
_TO_NOW_AFTER = deferred(r"\s*\)\s*(?:đến|tới)\s+nay(?![\p{L}])", regex.I)


def deadlines(text: str, times: list[TimeMention]) -> list[TimeMention]:
    """``times`` with a day or a month after "trước" read as a deadline: an
    open start, that end ("hoàn thành trước ngày 30/9/2025": by then, from
    no stated start; FACTS.md: a target's horizon); and an event's time in
    a bracket between "từ khi …" and "đến nay" read as the start of a span
    to now ("Từ khi lắp đặt (tháng 7/2024) đến nay": from 2024-07, open end)."""
    out, covered = [], -1
    for t in times:
        if t.start < covered:
            continue  # (the "đến nay" the span to now took in)
        if t.kind == "time" and t.period and t.period[0]:
            to_now = None
            if (len(t.period[0]) >= 7 and t.period[0] == t.period[1] and text.find("ớc", max(0, t.start - 6), t.start) >= 0
                    and _BEFORE_DAY.search(text, max(0, t.start - 8), t.start)):
                t = replace(t, period=(None, t.period[1]))
            elif "(" in text[t.start - 2:t.start]:
                to_now = _TO_NOW_AFTER.match(text, t.end)
            if to_now and _SINCE_EVENT.search(text, max(0, t.start - 70), t.start):
                t, covered = replace(t, end=to_now.end(), period=(t.period[0], None)), to_now.end()
        out.append(t)
    return out


def figure_period(text, c, times: list[TimeMention], starts, p_start, clause_end,
            title=None, lead_end=0, sections=()) -> Optional[dict]:
    own = None
    # bounded windows: without an end position the regex engine scans the
    # rest of the text for the literal a pattern needs (quadratic on long texts)
    bracket = _BRACKET_TIME.match(text, c.end, c.end + WINDOW) if opens_bracket(text, c.end, c.end + WINDOW) else None
    k = bisect.bisect_left(starts, c.end)
    after = times[k:k + 2]
    for t in after:
        if t.kind in ("base", "progress", "ref", "duration"):
            continue
        gap = text[c.end:t.start]
        if ('"' in gap or "“" in gap) and (t.start < clause_end or len(gap) <= _QUOTED_GAP):
            # ("30 mô hình “Dân vận khéo” tiêu biểu giai đoạn 2021 - 2024": a quoted name is
            # part of the counted noun's phrase, no distance from its time)
            gap = _QUOTED_NAME.sub("", gap)
        # "giảm từ 14,2%, năm 2011 xuống 2,93%": each value's own time, even after a comma
        change = _COMMA_ONLY.match(gap) and _MOVES_TO.match(text[t.end:t.end + 8])
        # "... tham gia các hoạt động Tháng Thanh niên 2024": the event the figure is of, in its clause
        named = t.named and t.start < clause_end and not _STOP_OR_FIGURE.search(gap)
        if (bracket and t.start < bracket.end() and DIGIT.search(text, t.end, bracket.end())) or (
                "(" in gap and _states_figure(text, gap, t)):
            break  # "(năm 2022 là 29,1%)": a bracket that states a figure of its own dates that figure
        if (bracket and t.start < bracket.end()) or change or named or (
                len(gap) <= 12 and not _PAUSE_OR_DIGIT.search(gap) and not _CONJUNCTION_GAP.fullmatch(gap)) or (
                len(gap) <= 40 and ("cho " in gap or "trong " in gap or "trước " in gap) and _FOR_TIME_GAP.fullmatch(gap)) or (
                # ("xóa 1.120 căn nhà tạm, nhà dột nát cho hộ nghèo, hộ cận nghèo trước ngày 30/9/2025": a deadline
                # closing the figure's clause, past its coordinated nouns)
                t.period and t.period[0] is None and len(gap) <= _DEADLINE_GAP
                and gap.endswith("trước ") and not _STOP_OR_FIGURE.search(gap)
                and _TARGET_BEFORE.search(text, max(p_start, c.start - _DEADLINE_GAP), c.start)):
            own = t
            if t.kind == "null" and _PER_YEAR.match(text, t.start, t.end):
                # "trồng mới 3.000 ha rừng mỗi năm": a per-year figure of the programme's span, as
                # "mỗi năm" written before it is
                own = _span_before(text, times, starts, bisect.bisect_left(starts, c.start) - 1, p_start, lead_end,
                                   section_start(sections, c.start)) or t
        break
    if own is None and in_table_row(text, c.start):
        own = _column_time(text, c.start, times, starts)
    if own is None and title and title[0] <= c.start < title[1] and not time_within(times, starts, title[0], c.start):
        # (a headline that states its own time before the figure keeps it)
        # a headline figure takes the time of the body it sums up
        own = next((t for t in times if t.start >= title[1] and t.kind == "time" and t.period), None)
    if own is None and text.find("Nhân ", max(p_start, c.start - _EVENT_REACH), c.start) >= 0:
        own = _event_named_again(text, c.start, times, starts, p_start)
    if own is None and (text.find("ịp này", max(p_start, c.start - _EVENT_REACH), c.start) >= 0
                        or _awards_within(text, max(p_start, c.start - _EVENT_REACH), c.start)):
        own = _this_occasion(text, c.start, times, starts, p_start)
    if own is None:
        own = _change_end(text, c, _stated_before(times, starts, c.start, p_start, text, lead_end, sections),
                          times, starts, p_start)
        if own is not None and own.kind == "time" and _CHANGE_BEFORE.search(text, max(0, c.start - 30), c.start):
            # "giảm từ 41,35% cuối năm 2023 xuống còn 34,8% cuối năm 2024, giảm 6,55 điểm phần trăm":
            # the change between the two values runs over their span
            own = _change_over_time(text, times, starts, c.start, own) or own
    base = None
    for t in times[k:k + 2]:
        if (t.kind == "base" and t.start < clause_end + 30 and not DIGIT.search(text, c.end, t.start)
                and text.find(";", c.end, t.start) < 0 and not _opens_own_change(text, c.end, t)):
            # (a base after a ";" opens the next clause: "…; so với cùng kỳ, số doanh nghiệp tăng 12%")
            # ("300 hộ nghèo, so với năm 2023 giảm 60 hộ", "đạt 43,5%, cao hơn năm 2023 là 0,5%":
            # the base of the change after it)
            base = None if _CHANGE_NEXT.match(text, t.end) or _DIFFERENCE_NEXT.match(text, t.end) else t
            break
    if base is None and k:
        base = _base_before(text, c, times, k)
    if (own is None or own.period is None) and base and base.period[0] not in _RELATIVE_BASES:
        # "tăng 76 triệu đồng so với năm 2011" with no time of its own: from the base on
        return {"start": base.period[0], "end": None}
    if own is None or own.period is None:
        return None
    period = own.period
    if (period[1] and text.find("cả năm", max(p_start, c.start - _WHOLE_YEAR_REACH), c.start) >= 0
            and _WHOLE_YEAR.search(text, max(p_start, c.start - _WHOLE_YEAR_REACH), c.start)):
        # "phấn đấu tăng trưởng GRDP cả năm đạt 7,5%" under "6 tháng cuối năm 2024": the whole year
        period = (period[1][:4], period[1][:4])
    if base and period[1]:
        if base.period[0] == "-1":  # "so với cùng kỳ": the same time a year before
            start = period[0] or period[1]
            period = (f"{int(start[:4]) - 1}{start[4:]}", period[1])
        elif base.period[0] == "0":  # "so với đầu năm": from the start of the figure's year
            period = (f"{period[1][:4]}-01", period[1])
        elif base.period[0] in _MONTHS_BEFORE:  # "so với tháng/quý trước": from the month or quarter before
            period = _months_earlier(period, _MONTHS_BEFORE[base.period[0]])
        elif period[0] and len(period[0]) > 4 and "cùng kỳ" in text[base.start:base.end].lower():
            # "9 tháng … tăng 10% so với cùng kỳ năm 2023": the same months of that year
            period = (base.period[0][:4] + period[0][4:], period[1])
        else:
            period = (base.period[0], period[1])
    return {"start": period[0], "end": period[1]}


# "cả năm" (the whole year) in the figure's clause, with no year of its own and no figure between
_WHOLE_YEAR = deferred(r"(?<![\p{L}])cả\s+năm(?![\p{L}]|\s+(?:19|20)\d\d|\s+học)[^.;:\d\n]*$", regex.I)
_WHOLE_YEAR_REACH = 60

# "Nhân lễ phát động, các đơn vị ủng hộ …": a sentence opened by an event the text named before
_EVENT_AGAIN = deferred(r"(?:^|(?<=[.!?\n]\s{0,3}))nhân\s+(?:dịp\s+)?(?P<event>(?:buổi\s+)?(?:lễ|hội\s+nghị|hội\s+thảo"
                        r"|tọa\s+đàm|đại\s+hội|hội\s+thi|chương\s+trình)(?:\s+(?-i:\p{Ll}+)){0,3})\s*,", regex.I)
_EVENT_REACH = 160  # how far before a figure its sentence's opener is looked for


def _event_named_again(text: str, pos: int, times: list[TimeMention], starts, p_start: int) -> Optional[TimeMention]:
    """"Nhân lễ phát động, …" opening the figure's sentence, the event
    named earlier with its time ("Chiều 18/10, huyện tổ chức lễ phát động
    …"): that time (FACTS.md: what is counted at an event takes its date)."""
    m = _EVENT_AGAIN.search(text, max(p_start, pos - _EVENT_REACH), pos)
    if m is None or SENTENCE_END.search(text, m.end(), pos):
        return None
    # (the last naming before, found without lowering the text: a lowered text may not keep its offsets)
    named = regex.search(regex.escape(m.group("event")), text, regex.I | regex.REVERSE, endpos=m.start())
    if named is None:
        return None
    before = named.start()
    # (the time of the sentence that names the event: the nearest before it, else after it)
    end = SENTENCE_END.search(text, before)
    i = bisect.bisect_left(starts, max(text.rfind(". ", 0, before), text.rfind("\n", 0, before)) + 1)
    j = bisect.bisect_left(starts, end.start() if end else len(text))
    near = [t for t in times[i:j] if t.kind == "time" and t.period]
    earlier = [t for t in near if t.start < before]
    return earlier[-1] if earlier else (near[0] if near else None)


# "Dịp này, Ủy ban … tặng Giấy khen cho 15 tập thể": the occasion is the event the text reported
# ("Hội nghị đã khen thưởng 18 tập thể": the event named again as the one that awards, at the event)
# ("Tại chương trình, Ban tổ chức trao 500 suất quà": the event named as the place of an award
# opening the sentence; "Tại kỳ họp, …" alone also opens figures of the period reviewed)
_AWARD_VERB = r"(?:khen\s+thưởng|tặng|trao|biểu\s+dương|tôn\s+vinh|vinh\s+danh)\s"
_THIS_OCCASION = deferred(r"(?:^|(?<=[.!?\n]\s{0,3}))(?:(?:nhân\s+)?dịp\s+này\s*,"
                          r"|(?:hội\s+nghị|đại\s+hội|kỳ\s+họp|hội\s+thảo|buổi\s+lễ|lễ)\s+(?:(?:đã|cũng)\s+)?" + _AWARD_VERB +
                          r"|tại\s+(?:buổi\s+lễ|lễ|chương\s+trình|hội\s+nghị|đại\s+hội|buổi\s+gặp\s+mặt|ngày\s+hội)"
                          r"(?:\s+này)?\s*,[^.!?;\n]{0,60}?(?<![\p{L}])" + _AWARD_VERB + ")", regex.I)
_EVENT_WORD = deferred(r"(?<![\p{L}])(?:lễ|hội\s+nghị|hội\s+thảo|tọa\s+đàm|đại\s+hội|hội\s+thi|hội\s+diễn|chương\s+trình"
                       r"|buổi\s+gặp\s+mặt|ngày\s+hội)(?![\p{L}])",
                       regex.I | regex.REVERSE)  # (found from the occasion back)
_EVENTS_LOOKED_AT = 6  # (the namings of an event looked back through)
# (a syllable of each award verb of _THIS_OCCASION, found by one scan)
_AWARD_SYLLABLE = deferred(r"khen|tặng|trao|dương|vinh")


def _awards_within(text: str, start: int, end: int) -> bool:
    """A cheap test before the search for an event that awards: a syllable of its verbs stands there."""
    return _AWARD_SYLLABLE.search(text, start, end) is not None


def _this_occasion(text: str, pos: int, times: list[TimeMention], starts, p_start: int) -> Optional[TimeMention]:
    """"(Nhân) dịp này, …" opening the figure's sentence: the day of the
    event the text named before, stated in the sentence that names it
    ("Sáng 18/12, … tổ chức hội nghị …"; a plan's year in a speech at the
    event is no such day)."""
    m = _THIS_OCCASION.search(text, max(p_start, pos - _EVENT_REACH), pos)
    if m is None or SENTENCE_END.search(text, m.end(), pos):
        return None
    k = bisect.bisect_left(starts, m.start())
    if k < len(times) and times[k].start < pos and times[k].kind == "time":
        return None  # ("Dịp này, … năm 2025 …": a time the sentence states is its figures')
    for named in itertools.islice(_EVENT_WORD.finditer(text, 0, m.start()), _EVENTS_LOOKED_AT):
        before = named.start()
        i = bisect.bisect_left(starts, max(text.rfind(". ", 0, before), text.rfind("\n", 0, before)) + 1)
        j = bisect.bisect_left(starts, before)
        days = [t for t in times[i:j] if t.kind == "time" and t.period and t.period[0] and len(t.period[0]) == 10]
        if days:
            return days[-1]
    return None


def _states_figure(text: str, gap: str, t: TimeMention) -> bool:
    """The time ``t`` opens a bracket left open in ``gap`` that states a
    figure of its own ("… 42 triệu đồng (năm 2023 đạt 38 triệu đồng)",
    "120 hộ nghèo (năm 2023 có 150 hộ)"): the bracket's time is that figure's."""
    if gap.rfind("(") < gap.rfind(")"):
        return False
    close = text.find(")", t.end, t.end + BRACKET_CHARS)
    return close > 0 and bool(DIGIT.search(text, t.end, close))


def _column_time(text: str, pos: int, times: list[TimeMention], starts) -> Optional[TimeMention]:
    """"Chỉ tiêu | Năm 2023 | Năm 2024": a figure in a flattened table's
    column takes the time its column's heading states."""
    cell = table_heading_cell(text, pos)
    if cell is None:
        return None
    k = bisect.bisect_left(starts, cell[0])
    t = times[k] if k < len(times) else None
    if t is not None and t.end <= cell[1] and t.kind == "time" and t.period:
        return t
    # "Chỉ tiêu | 2023 | 2024": a heading that is a year alone is its column's time, as is a
    # report's plan or result column ("KH 2024", "TH 2024", "Ước thực hiện 2024")
    year = _YEAR_CELL.fullmatch(text, cell[0], cell[1])
    return TimeMention(year.start("y"), year.end("y"), (year["y"], year["y"])) if year else _row_year(text, pos)


def _row_year(text: str, pos: int) -> Optional[TimeMention]:
    """"Năm | Số mô hình\n2023 | 45": a row whose first cell is a year alone
    gives its cells that year, as a column's heading does."""
    line_start = text.rfind("\n", 0, pos) + 1
    bar = text.find("|", line_start, pos)
    year = _YEAR_CELL.fullmatch(text, line_start, bar) if bar > 0 else None
    return TimeMention(year.start("y"), year.end("y"), (year["y"], year["y"])) if year else None
_YEAR_CELL = deferred(r"[^\S\n]*(?:(?:(?-i:\p{Lu}{1,4})|kế\s+hoạch|thực\s+hiện|dự\s+toán|ước)[^\S\n]+){0,2}"
                      r"(?P<y>(?:19|20)\d\d)[^\S\n]*", regex.I)
# bases told relative to the figure's own time: "so với cùng kỳ" ("-1"), "so với đầu năm" ("0")
_RELATIVE_BASES = ("-1", "0", "1m", "3m")
_MONTHS_BEFORE = {"1m": 1, "3m": 3}


def _months_earlier(period: tuple, n: int) -> tuple:
    """``period`` widened back to start ``n`` months before its start, when
    the start is a month ("2025-10" .. "2025-10" by 1 → "2025-09" ..);
    a period of whole years is kept (no month to count back from)."""
    start = period[0] or period[1]
    if len(start) < 7:
        return period
    return (month_shifted(int(start[:4]), int(start[5:7]), -n), period[1])
_CHANGE_NEXT = deferred(r"\s*,?\s*(?:đã\s+)?(?:tăng|giảm)(?![\p{L}])", regex.I)
# "cao hơn năm 2023 là 0,5%", "tăng so với năm 2023 là 8 tỷ đồng": the difference follows its base
_DIFFERENCE_NEXT = deferred(r"\s*,?\s*là(?![\p{L}])", regex.I)
_DIFFERENCE_GAP = deferred(r"\s*,?\s*là\s+(?:(?:khoảng|gần|hơn|trên)\s+)?", regex.I)


def _base_before(text, c, times, k) -> Optional[TimeMention]:
    """"So với năm 2020, năm 2023 thu nhập tăng 12 triệu đồng": a base that
    opens the sentence is the base of its changes (a figure right after
    "tăng" or "giảm"), not of its levels."""
    for t in times[max(0, k - 3):k][::-1]:
        if t.kind != "base" or (t.period[0] in _RELATIVE_BASES and not _CHANGE_NEXT.match(text, t.end)
                                and not _opens_clause(text, t)):
            # ("so với cùng kỳ" counts here only right before its change, "…, so với cùng kỳ tăng 10%",
            # or opening a clause of its own: "So với cùng kỳ, số doanh nghiệp tăng 12%")
            continue
        if _DIFFERENCE_GAP.fullmatch(text, t.end, c.start):
            return t  # "cao hơn năm 2023 là 0,5%"
        if SENTENCE_STOP.search(text, t.end, c.start) is None and _CHANGE_BEFORE.search(text, max(t.end, c.start - 30), c.start):
            return t
        return None
    return None
SENTENCE_STOP = deferred(r"[.;!?\n]")
_CLAUSE_OPEN_BEFORE = deferred(r"(?:^|[.;:!?\n])\s*$")


def _opens_clause(text: str, t: TimeMention) -> bool:
    """The time ``t`` opens its sentence or a clause after ";" and a comma
    closes it ("So với cùng kỳ, …")."""
    return text.startswith(",", t.end) and bool(_CLAUSE_OPEN_BEFORE.search(text, max(0, t.start - 4), t.start))


# "tăng 12 triệu", "giảm gần 3%", not "tăng lên 52 triệu" (the new level)
_CHANGE_BEFORE = deferred(r"(?<![\p{L}])(?:tăng|giảm)(?:\s+(?!lên|xuống|còn)(?:thêm|được|gần|hơn|trên|khoảng|ước|đến|tới))?\s*$",
                          regex.I)


def _stated_before(times, starts, pos, p_start, text, lead_end=0, sections=()) -> Optional[TimeMention]:
    """The time stated last before ``pos`` that still holds there: a stated
    time carries on through the later paragraphs (FACTS.md: "the later
    paragraphs that continue the same report") until another is stated or a
    subheading opens another report; an event's date and a time bound to one
    value stay in their paragraph."""
    i = bisect.bisect_left(starts, pos) - 1
    section = section_start(sections, pos)
    while i >= 0:
        t = times[i]
        i -= 1
        if t.kind in ("base", "ref", "duration") or _bound_by_bracket(text, t) or _dates_closed_bracket(text, t, pos):
            continue
        if t.start < p_start and (_stays_in_paragraph(text, t, lead_end) or _bound_to_value(text, t)):
            continue
        if t.start < section:
            return None  # a subheading opens another report: its time does not carry
        if t.kind == "null" and _PER_YEAR.match(text, t.start, t.end):
            # ("giảm từ 12,5% năm 2021 xuống còn 6,2% năm 2024, bình quân mỗi năm giảm 2,1%": the change's span)
            return (_span_before(text, times, starts, i, p_start, lead_end, section)
                    or (i >= 0 and _change_over_time(text, times, starts, t.start, times[i])) or t)
        if t.kind == "null" and _PROGRESS.match(text, t.start, t.end):
            plan = _plan_before(text, times, i, p_start, section)
            if plan is None and SENTENCE_END.search(text, t.end, pos) and not _opens_sentence(text, t.start):
                # "Năm 2025, … tiếp nhận 264 ý kiến, đến nay đã giải quyết 241 ý kiến. … có 37 mô hình":
                # "đến nay" dates its own clause's progress, no later sentence's figure
                continue
            return plan or t
        if text.startswith(_TERM_WORDS, t.start):
            return _other_time_of_sentence(text, times, i, t) or t
        if (t.kind == "time" and may_hold(text[max(0, t.start - _TASKS_REACH):t.start], "vụ", "hoạch", "hướng")
                and _NEXT_TASKS.search(text, max(0, t.start - _TASKS_REACH), t.start)
                and SENTENCE_END.search(text, t.end, pos)):
            # "tổng kết công tác dân vận năm 2025, triển khai nhiệm vụ năm 2026.": the plan's year
            # names the next tasks; the report that follows is of the year reviewed
            return _other_time_of_sentence(text, times, i, t) or t
        return t
    return None
def _opens_sentence(text: str, pos: int) -> bool:
    """Nothing but white space or a bullet stands between the last sentence
    end and ``pos`` ("Đến nay, tổ có 32 thành viên": the frame of what follows)."""
    back = text[max(0, pos - WINDOW):pos]
    last = max(back.rfind("."), back.rfind("\n"), back.rfind("!"), back.rfind("?"))
    return not _LETTER_OR_DIGIT.search(back, last + 1)
_LETTER_OR_DIGIT = deferred(r"[\p{L}\d]")


_QUOTED_NAME = deferred(r'[^\S\n]*(?:“[^”\n]{1,60}”|"[^"\n]{1,60}")')
_QUOTED_GAP = 110  # (beyond the clause, a gap longer than a quoted name and the words allowed around it binds no time)


# the next period's tasks after a review ("…, triển khai nhiệm vụ năm 2026", "phương hướng, nhiệm vụ năm 2026")
_NEXT_TASKS = deferred(r"(?:triển\s+khai|phương\s+hướng,?|đề\s+ra)\s+(?:nhiệm\s+vụ|kế\s+hoạch|phương\s+hướng)"
                       r"(?:\s+trọng\s+tâm)?\s+$", regex.I)
_TASKS_REACH = 40
_TERM_WORDS = ("nhiệm", "Nhiệm", "NHIỆM")  # (a term's span opens with its word: "nhiệm kỳ 2020 - 2025")


def _other_time_of_sentence(text, times, i: int, term: TimeMention) -> Optional[TimeMention]:
    """A time stated before ``term`` in its sentence ("Tháng 9/2025, Đại hội
    … nhiệm kỳ 2025-2030 có 150 đại biểu"): FACTS.md gives a term only to
    figures for which it is the only time in their sentence."""
    if i < 0:
        return None
    t = times[i]
    if (t.kind != "time" or not t.period or SENTENCE_END.search(text, t.end, term.start)
            or text.startswith(_TERM_WORDS, t.start) or DIGIT.search(text, t.end, term.start)):
        return None  # (a term or a figure between: the earlier time is another item's)
    return t


def _opens_own_change(text: str, pos: int, base: TimeMention) -> bool:
    """A base that opens the next sentence and is followed there by a
    figure ("… giảm 4.500 hộ. So với năm 2024, thu ngân sách tăng 8%") is
    that figure's base, not the one before it."""
    stop = SENTENCE_END.search(text, pos, base.start)
    if stop is None:
        return False
    end = SENTENCE_END.search(text, base.end, base.end + WINDOW)
    return DIGIT.search(text, base.end, end.start() if end else base.end + WINDOW) is not None
_STOP_OR_FIGURE = deferred(r"[;.\d]")
_PER_YEAR = deferred(r"(?:mỗi|hằng|hàng)\s+năm", regex.I)
_PROGRESS = deferred(r"(?:tính\s+)?(?:đến|tới)\s+nay|tính\s+đến\s+thời\s+điểm\s+này", regex.I)
# a plan, campaign or programme whose progress "đến nay" reports
_PLAN = deferred(r"(?<![\p{L}])(?:kế\s+hoạch|chương\s+trình|đề\s+án|phong\s+trào|cuộc\s+vận\s+động|tháng\s+cao\s+điểm"
                      r"|đợt|chỉ\s+tiêu|mục\s+tiêu|giai\s+đoạn|nhiệm\s+kỳ)(?![\p{L}])", regex.I)
_SPAN_LOOKBACK = 40  # times looked at for a programme's span
_NEXT_TERM = deferred(r"nhiệm\s+kỳ\s+(?:tới|mới)", regex.I)


def _span_before(text, times, starts, i, p_start, lead_end, section) -> Optional[TimeMention]:
    """"mỗi năm", "hằng năm" in a programme's span: the span its paragraph or
    the article's lead names (a per-year figure of a programme of that span)."""
    in_lead = bisect.bisect_left(starts, min(lead_end, p_start)) - 1
    first = bisect.bisect_left(starts, max(p_start, section))
    paragraph = range(i, first - 1, -1)
    # ("Nhiệm kỳ 2019 - 2024, …" two paragraphs before, under a lead on the next term: the span the
    # review states before the figure, unless a time of one year is stated after it)
    between = _spans_until_time(times, range(first - 1, max(in_lead, bisect.bisect_left(starts, section) - 1), -1))
    lead = range(in_lead, bisect.bisect_left(starts, section) - 1, -1) if section < lead_end else ()
    for j in itertools.islice(itertools.chain(paragraph, between, lead), _SPAN_LOOKBACK):
        t = times[j]
        if t.kind == "null" and t.period is None and t.end - t.start > 8 and _NEXT_TERM.match(text, t.start, t.end):
            return None  # ("Nhiệm kỳ tới, Hội phấn đấu mỗi năm …": the coming term, not the one stated before)
        start, end = t.period or (None, None)
        if t.kind == "time" and start and end and start[:4] != end[:4]:
            return t
    return None


def _spans_until_time(times, indices):
    """The ``indices`` of ``times`` up to the first time of one year or less
    (a time stated after a span ends its reach)."""
    for j in indices:
        t = times[j]
        yield j
        if t.kind == "time" and t.period and t.period[0] and t.period[1] and t.period[0][:4] == t.period[1][:4]:
            return


def _plan_before(text, times, i, p_start, section) -> Optional[TimeMention]:
    """"Tính đến nay" reporting progress on a plan of a stated time (in the
    same paragraph) keeps that time."""
    for t in times[max(0, i - 3):i + 1][::-1]:
        if t.start < max(p_start, section) or t.kind != "time" or not t.period:
            continue
        s_start = text.rfind(".", p_start, t.start) + 1 or p_start
        return t if _PLAN.search(text, s_start, t.start) else None
    return None


def _change_end(text, c, own, times, starts, p_start) -> Optional[TimeMention]:
    """"năm 2023 từ 25,6% đã giảm xuống còn 21,29%": the end value of a change
    is not at its start's time; it takes a later time its paragraph states
    for the same change ("... 33,24% năm 2024; ..."), else none."""
    if own is None or text.find("từ", own.end, own.end + 6) < 0 or not _OPENS_CHANGE.match(text, own.end, own.end + 12):
        return own
    if not _CHANGE_TO.search(text, max(own.end, c.start - 24), c.start):
        return own
    lo, hi = bisect.bisect_left(starts, max(p_start, c.start - WINDOW)), bisect.bisect_left(starts, c.start)
    end = own.period[1] if own.period else None
    later = [t for t in times[lo:hi] if t.kind == "time" and t.period and t.period[1] and end and t.period[1] > end]
    return later[-1] if later else None
_OPENS_CHANGE = deferred(r"\s*từ\s+(?:mức\s+)?\d", regex.I)


def _change_over_time(text, times, starts, pos, last: TimeMention) -> Optional[TimeMention]:
    """The span of a change over time that ``last`` closes in the sentence
    before ``pos`` ("từ 12,5% năm 2021 xuống còn 6,2% năm 2024"): each
    value's own time written after it, "xuống" or "lên" between them, and
    no sentence end up to ``pos``: from the first value's time to the last's."""
    k = bisect.bisect_left(starts, last.start)
    if not (0 < k < len(times) and times[k] is last and last.period and last.period[1]):
        return None
    first = times[k - 1]
    if (first.kind != "time" or not first.period or not first.period[0] or first.period[0] >= last.period[1]
            or not (_VALUE_WORD_BEFORE.search(text, max(0, first.start - 40), first.start)
                    and _VALUE_WORD_BEFORE.search(text, max(0, last.start - 40), last.start))
            or not _MOVES_TO_WITHIN.search(text, first.end, last.start)
            or SENTENCE_END.search(text, first.end, pos)):
        return None
    return TimeMention(first.start, last.end, (first.period[0], last.period[1]))
_MOVES_TO_WITHIN = deferred(r"(?<![\p{L}])(?:xuống|lên)(?![\p{L}])", regex.I)
_CHANGE_TO = deferred(r"(?:xuống|lên)(?:\s+(?:còn|mức|đến))?\s*$", regex.I)


def _bound_to_value(text: str, t: TimeMention) -> bool:
    """A time written right after a value ("33,24% năm 2024") or opening a
    change from one ("năm 2023 từ 36,97%") is that value's own time."""
    return bool(_AFTER_VALUE.search(text, max(0, t.start - 3), t.start) or _OPENS_CHANGE.match(text, t.end, t.end + 12))
_AFTER_VALUE = deferred(r"[\d%][^\S\n]{0,2}\Z")  # (a line's first words follow no value: "… 20/12/2024\nNăm 2024, …")


def time_within(times, starts, lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return any(t.start < hi and t.kind == "time" for t in times[k:k + 3])


def _stays_in_paragraph(text: str, t: TimeMention, lead_end: int) -> bool:
    """An event's date ("ngày 10/9/2021", "từ ngày 16 - 18/5/2025", "vào
    cuối năm 2018") is the time of its own paragraph; years, months and
    spans of a report carry on to the later paragraphs."""
    start, end = t.period or (None, None)
    if not start or t.start < lead_end:
        return False
    days = len(start) == 10 and end is not None and len(end) == 10
    # (the patterns last: most times are years or spans)
    return days or (start == end and len(start) > 4
                    and bool(_EVENT_EDGE.match(text, t.start) or _EVENT_AT.search(text, max(0, t.start - 6), t.start)))


# "vào tháng 9/2024", "cuối năm 2018" as the moment something happened (a
# year alone, "vào năm 2020", is a report's time as often as an event's)
_EVENT_EDGE = deferred(r"(?:cuối|đầu)\s", regex.I)
_EVENT_AT = deferred(r"(?<![\p{L}])vào\s+$", regex.I)


def _bound_by_bracket(text: str, t: TimeMention) -> bool:
    """"5,12% (năm 2019)": a bracketed time binds only the figure before it."""
    k = text.rfind("(", max(0, t.start - 8), t.start)
    if k < 0 or text.find(")", t.end, t.end + 3) < 0:
        return False
    before = text[max(0, k - 30, text.rfind("\n", 0, k) + 1):k]  # (a dateline's year on the line before is no value)
    # "trong 3 năm (2021 - 2023)", "trong 3 ngày (từ 28 đến 30/10)": the bracket dates a duration, no figure;
    # "Năm công tác 2025 (từ 1/12/2024 đến 30/11/2025)": a year, no value, the bracket spells out
    return (bool(_VALUE_WORD_BEFORE.search(before)) and not _DURATION_BEFORE.search(before)
            and not _YEAR_BEFORE.search(before))
_YEAR_BEFORE = deferred(r"(?<![\d.,/])(?:19|20)\d\d[^\S\n]*$")


def _dates_closed_bracket(text: str, t: TimeMention, pos: int) -> bool:
    """``t`` opens a bracket that states a figure of its own and closes
    before ``pos`` ("320 hộ nghèo (năm 2020 là 560 hộ), giảm 240 hộ",
    "đạt 62,5% (năm 2020: 58,3%)"): the time is that figure's, no later one's."""
    k = text.rfind("(", max(0, t.start - 8), t.start)
    if k < 0 or not text[k + 1:t.start].strip().lower() in ("", "năm", "vào", "vào năm"):
        return False
    close = text.find(")", t.end, min(pos, t.end + BRACKET_CHARS))
    return close > 0 and bool(DIGIT.search(text, t.end, close))


# ("qua 5 năm triển khai (2020 - 2025)", "sau 10 năm thực hiện Nghị quyết (2014 - 2024)": the work's years)
# ("trong 2 tháng hè (tháng 6 - 7/2025)", "5 ngày nghỉ lễ (từ 30/4 đến 4/5)": a duration named by its season)
_DURATION_BEFORE = deferred(r"(?<![\p{L}\d.,])\d{1,2}\s+(?:năm|tháng|tuần|ngày)"
                            r"(?:\s+(?:qua|gần\s+đây|vừa\s+qua|hè|nghỉ\s+(?:hè|lễ|tết)|cao\s+điểm|tết))?"
                            r"(?:\s+(?:thực\s+hiện|triển\s+khai|thi\s+hành|hoạt\s+động)(?:\s+\p{L}+){0,4})?\s*$",
                            regex.I)


def opens_bracket(text: str, start: int, end: int) -> bool:
    """``[start, end)`` opens with a bracket past white space: a test before
    a pattern that does."""
    i, end = start, min(end, len(text))
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] == "("


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
