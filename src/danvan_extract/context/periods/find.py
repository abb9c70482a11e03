"""Time expressions and the period each one states.

"năm 2022" → 2022..2022; "6 tháng đầu năm 2023" → 2023-01..2023-06;
"quý I/2024" → 2024-01..2024-03; "giai đoạn 2016 - 2020" → 2016..2020;
"từ năm 2020 đến nay" → 2020..open; "tính đến ngày 30/6/2023" → open..2023-06-30;
"đến nay", "hiện nay", "hàng năm" → an explicit "no period" (``None``).
Offsets are into the normalized text.  :func:`find_times` runs the scans
in order (a span taken by one is not read again); named events with their
year ("Tháng Thanh niên 2024") are found here too.
"""

from __future__ import annotations

from itertools import chain
from typing import Optional

import regex

from ..lunar_years import lunar_years
from ..relative_times import months_so_far, relative_times
from ..spans import SpanMask
from ..words import Openers, finditer_at, space_before
from ...grammar.pattern_cache import compile_regex
from .values import dates_range, month_end, month_of, time, TimeMention, valid, WORD_MONTHS
from .forms import SAME_TIME_BEFORE
from .starts import (after_day_word_starts, counts_before, day_range_starts, null_starts, progress_starts,
    relative_starts, since_starts, word_starts)
from .undated import (ANCHOR, COUNT_BEFORE, count_word, DATES_NO_YEAR, DAY_RANGE_NO_YEAR, DAY_WORD_BEFORE,
    FUTURE_AFTER, HALF_YEAR, IS_RELATIVE, MONTH_RANGE_TAIL, MONTHS_NO_YEAR, NO_YEAR, NO_YEAR_QUARTER_OR_MONTH, NULL_RE,
    PROGRESS_RE, quarter_or_month, RELATIVE_RE, SINCE_ANCHOR, SINCE_YEAR_START, SINCE_YEAR_START_BEFORE,
    UNTIL_BEFORE, UNTIL_NO_YEAR, YEAR_END, year_past, years_before)
from .windows import YearWindows
from .joins import join_times, months_named_again, since_until_now
from .comparisons import compared, effective_dates

# a named campaign, holiday or festival with its year ("Tháng Thanh niên 2024",
# "Năm Du lịch quốc gia 2023", "Tết Giáp Thìn 2024"): the year it is held
_EVENTS = ("tết", "tháng", "năm", "ngày hội", "lễ hội", "hội thi", "hội diễn", "liên hoan", "festival")
_NAMED_EVENT = (r"(?:" + "|".join(word.replace(" ", r"\s+") for word in _EVENTS) + ")"
                r"\s+(?-i:\p{Lu})\p{L}*(?:\s+\p{L}+){0,3}")
_NAMED_BEFORE = compile_regex(r"(?<!\w)" + _NAMED_EVENT + r"\s+$", regex.I)
_EVENT_ENDS = tuple(word.split()[-1] for word in _EVENTS)  # (the last word of each)
_NAMED_REACH = 60  # where _NAMED_BEFORE is looked for, before a year

# "Cả năm, tỉnh đón …", "Dự kiến cả năm, huyện thu …", "Lũy kế cả năm, …": the whole year the report is
# of (the year stated last, else the article's), not the months stated before it; only opening a clause
# ("làm việc cả năm", "cả năm học" are no time of a figure)
_WHOLE_YEAR = compile_regex(r"(?<![\p{L}])cả\s+năm(?=[^\S\n]*,)", regex.I)
_WHOLE_YEAR_OPENS = compile_regex(r"(?:^|[\n.;:]\s*|(?<![\p{L}])(?:ước(?:\s+tính)?|dự\s+kiến|lũy\s+kế|tính)\s+)$",
                                  regex.I)
_RANGE_OPENER = compile_regex(r"(?<!\w)(?:từ\s+(?:ngày\s+)?|ngày\s+)$", regex.I)

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
    windows = YearWindows(text, openers.low)
    for m in finditer_at(SINCE_ANCHOR, text, since_starts(openers)):
        anchor = ANCHOR.search(text, m.end(), min(len(text), m.end() + 160))
        gap = text[m.end():anchor.start()] if anchor else ""
        if not anchor or "\n" in gap or "." in gap.replace("/", "").rstrip(". "):
            continue
        n = count_word(m.group("n"))
        y = anchor.group("y")
        if n is None or not free(m.start(), anchor.end()):
            continue
        start = (f"{y}-{int(anchor.group('m')):02d}-{int(anchor.group('d')):02d}" if anchor.group("d") else y)
        spans.take(m.start(), anchor.end())
        out.append(time(m.start(), anchor.end(), (start, str(int(y) + n))))
    for m in windows.ranges_of_days(text):
        s = m.start()
        opener = _RANGE_OPENER.search(text, max(0, s - 12), s)
        s = opener.start() if opener else s
        period = dates_range(m)
        if m.start() and text[m.start() - 1] in "/.-" or not word_starts(text, m.start()) or not valid(period):
            continue
        if free(s, m.end()):
            spans.take(s, m.end())
            out.append(time(s, m.end(), period))
    # (window by window: a match lies in its window, so the forms of one
    # window take their spans apart from the others')
    found = ((SAME_TIME_BEFORE, m) for m in openers.finditer(SAME_TIME_BEFORE.pattern, ("so",)))
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
        if not valid(period):
            continue
        spans.take(s, e)
        out.append(time(s, e, period, form.kind))
    year_before = years_before(out)
    for m in finditer_at(DAY_RANGE_NO_YEAR, text, day_range_starts(openers)):
        d, d2, mo = int(m.group("d")), int(m.group("d2")), int(m.group("m"))
        y = year_past(year_of_article, mo, published) or year_before(m.start())
        if y and 1 <= d <= d2 <= 31 and 1 <= mo <= 12 and free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), (f"{y}-{mo:02d}-{d:02d}", f"{y}-{mo:02d}-{d2:02d}")))
    after_day_words = after_day_word_starts(openers)
    for m in finditer_at(DATES_NO_YEAR, text, after_day_words):
        word = DAY_WORD_BEFORE.search(text, max(0, m.start() - 45), m.start())
        y = year_past(year_of_article, int(m.group("m")), published) or year_before(m.start())
        if word and y and not word.group("until") and free(word.start(), m.end()):
            d1, m1, d, mo = (int(m.group(k)) for k in ("d1", "m1", "d", "m"))
            # (a range across the year's turn, "từ 15/12 đến 15/1": the first day is of the year before)
            first = f"{int(y) - 1 if (m1, d1) > (mo, d) else y}-{m1:02d}-{d1:02d}"
            period = (first, f"{y}-{mo:02d}-{d:02d}")
            if valid(period):
                spans.take(word.start(), m.end())
                out.append(time(word.start(), m.end(), period))
    for m in finditer_at(NO_YEAR, text, after_day_words):
        word = DAY_WORD_BEFORE.search(text, max(0, m.start() - 45), m.start())
        d, mo = int(m.group("d")), int(m.group("m"))
        y = year_of_article or year_before(m.start())
        if not word or not y or not (1 <= d <= 31 and 1 <= mo <= 12) or not free(word.start(), m.end()):
            continue
        if not word.group("until"):
            y = year_past(y, mo, published, text, m.end())  # (an end "đến ngày 31/12" is a target's: the year stays)
        iso = f"{y}-{mo:02d}-{d:02d}"
        since = word.group("until") and SINCE_YEAR_START_BEFORE.search(text, max(0, word.start() - 30), word.start())
        s = since.start() if since and free(since.start(), word.start()) else word.start()
        spans.take(s, m.end())
        out.append(time(s, m.end(), (f"{y}-01-01" if s < word.start() else None, iso) if word.group("until") else (iso, iso)))
    for start, end in windows.years:
        if not start or text[start - 1] != " " or not free(start, end) or text[max(0, start - 4):start].lower() == "năm ":
            continue  # "năm 2024", "12/2024": no name before the year; a year a time holds already
        if not _may_be_named(text, openers.low, start):
            continue
        named = _NAMED_BEFORE.search(text, max(0, start - _NAMED_REACH), start)
        if named and free(named.start(), end):
            spans.take(named.start(), end)
            out.append(time(named.start(), end, (text[start:end],) * 2, named=True))
    halves = [m.start() for m in openers.finditer(HALF_YEAR, ("tháng",))]
    for m in (finditer_at(MONTHS_NO_YEAR, text, counts_before(openers, halves)) if halves else ()):
        if not free(m.start(), m.end()):
            continue
        y = year_of_article or year_before(m.start())
        if y:
            n = m.group("n")
            n = int(n) if n.isdigit() else WORD_MONTHS.get(n.lower(), 6)
            n = max(1, min(n, 12))
            past = year_past(y, 12 if m.group("half").lower() == "cuối" else n, published)
            if past != y and y == year_of_article and not FUTURE_AFTER.match(text, m.end()):
                y = past  # ("6 tháng cuối năm" in a January report: the half just ended, unless it is planned)
            period = ((month_end(y, 13 - n), month_end(y, 12)) if m.group("half").lower() == "cuối"
                      else (month_end(y, 1), month_end(y, n)))
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), period))
    for m in openers.finditer(NO_YEAR_QUARTER_OR_MONTH, ("quý", "tháng")):
        y = year_of_article or year_before(m.start())
        if y and free(m.start(), m.end()):
            period = quarter_or_month(m, y)
            if period:
                # "(từ đầu năm) đến hết tháng 10": from the year's start, or an open start, to the month
                until = UNTIL_NO_YEAR.search(text, max(0, m.start() - 40), m.start())
                past = year_past(y, int(period[0][5:7]), published, text, m.end()) if not until else y
                if m.group("next") and published and published[:4] == y and int(period[1][5:7]) < int(published[5:7]):
                    past = str(int(y) + 1)  # ("tháng 1 tới" in December: the coming January)
                if past != y:
                    y, period = past, quarter_or_month(m, past)
                s, e = (until.start() if until and free(until.start(), m.start()) else m.start()), m.end()
                if s < m.start():
                    period = (f"{y}-01" if until.group("since") else None, period[1])
                elif m.group("m"):
                    # "(từ) tháng 3 đến tháng 8": one range of months
                    last = MONTH_RANGE_TAIL.match(text, m.end())
                    if last and month_of(m) < int(last.group("m")) and free(m.end(), last.end()):
                        period, e = (period[0], month_end(y, int(last.group("m")))), last.end()
                spans.take(s, e)
                out.append(time(s, e, period))
    for m in (SINCE_YEAR_START.finditer(text) if "đầu năm" in text else ()):
        y = year_of_article or year_before(m.start())
        if y and word_starts(text, m.start()) and free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), (y, None)))
    for m in openers.finditer(YEAR_END, ("hết năm", "cuối năm")):
        until = UNTIL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        y = year_of_article if m.group("nay") else year_of_article or year_before(m.start())
        if not y or not (until or m.group("nay") and m.group("edge").lower() == "cuối"):
            continue  # ("hết năm" alone: "năm" is no year there; "cuối năm" alone: which year's end is not told)
        s = until.start() if until else m.start()
        if free(s, m.end()):
            spans.take(s, m.end())
            out.append(time(s, m.end(), (None if until else f"{y}-12", f"{y}-12")))
    for s, e, year in lunar_years(text, year_of_article, openers):
        if free(s, e):
            spans.take(s, e)
            out.append(time(s, e, (year, year), named=True))
    # (the years stated so far, read only when an undated "lũy kế N tháng" asks)
    for s, e, period in months_so_far(text, published, openers, free,
                                      None if published else lambda pos: years_before(out)(pos)):
        spans.take(s, e)
        out.append(time(s, e, period))
    for s, e, period in relative_times(text, published, openers, free):
        spans.take(s, e)
        out.append(time(s, e, period, "time" if period else "null"))
    if "iệu lực" in text or "IỆU LỰC" in text:  # "hiệu lực": a cheap test before the scans
        out = effective_dates(text, out, free, spans.take)
    progress = False
    for m in finditer_at(PROGRESS_RE, text, progress_starts(openers)):
        if free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), None, "null"))
            progress = True
    for m in finditer_at(NULL_RE, text, null_starts(openers)):
        if free(m.start(), m.end()):
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), None, "null"))
    for m in finditer_at(RELATIVE_RE, text, relative_starts(openers)):
        count = COUNT_BEFORE.search(text, max(0, m.start() - 8), m.start())
        if not word_starts(text, m.start()) or not free(m.start(), m.end()):
            continue
        if count and free(count.start(), m.start()) and not m.group().lower().startswith("trong"):
            spans.take(count.start(), m.end())
            out.append(time(count.start(), m.end(), None, "duration"))
        elif IS_RELATIVE.fullmatch(m.group()):
            if m.group().lower().startswith("trong") and year_before(m.start()) not in (None, year_of_article):
                continue  # "(Cũng) trong năm" after another year stated: that year, which carries on
            s = m.start()
            period = (year_of_article, year_of_article) if year_of_article else None
            if period and text[max(0, s - 4):s].lower() == "đầu " and word_starts(text, s - 4) and free(s - 4, s):
                # ("đầu năm nay": its first month, as "đầu năm 2023"; "từ đầu năm nay": since the year's start)
                since = text[max(0, s - 7):s - 4].lower() == "từ " and word_starts(text, s - 7) and free(s - 7, s)
                s, period = (s - 7, (year_of_article, None)) if since else (s - 4, (f"{year_of_article}-01",) * 2)
            spans.take(s, m.end())
            out.append(time(s, m.end(), period, "time" if period else "null"))
    for m in (_WHOLE_YEAR.finditer(text) if "ả năm" in text or "Ả NĂM" in text else ()):
        y = year_before(m.start()) or year_of_article
        if y and free(m.start(), m.end()) and _WHOLE_YEAR_OPENS.search(text, max(0, m.start() - 16), m.start()):
            spans.take(m.start(), m.end())
            out.append(time(m.start(), m.end(), (y, y)))
    if "tháng" in text:
        out += months_named_again(text, out, free)
    out.sort(key=lambda t: t.start)
    if "niệm" in text or "NIỆM" in text:  # "kỷ niệm": a cheap test before the scan
        out = _anniversaries(text, out)
    joined = join_times(text, out)
    return [compared(text, t, openers.low) for t in (since_until_now(text, joined) if progress else joined)]

# "kỷ niệm 80 năm Ngày Cách mạng tháng Tám (19/8/1945 - 19/8/2025)", "kỷ niệm 50 năm thành lập
# huyện (1975 - 2025)": the bracket spans the years commemorated, and what is done for it is done
# in the anniversary's year (on its day, when the bracket gives one), the span's end
_ANNIVERSARY = compile_regex(r"(?<!\w)k[ỷỉ]\s+niệm\s+(?P<n>\d{1,3})\s+năm(?!\w)[^()\n;]{0,100}"
                             r"(?<!giai\s+đoạn\s*|nhiệm\s+kỳ\s*|thời\s+kỳ\s*)\(\s*$", regex.I)


def _anniversaries(text: str, out: list[TimeMention]) -> list[TimeMention]:
    """Each span of N years in a bracket after "kỷ niệm N năm …" read as its end, the anniversary."""
    for i, t in enumerate(out):
        p = t.period
        if t.kind != "time" or not (p and p[0] and p[1]) or p[0][:4] == p[1][:4]:
            continue
        m = _ANNIVERSARY.search(text, max(0, t.start - 130), t.start)
        if m and int(p[1][:4]) - int(p[0][:4]) == int(m.group("n")):
            out[i] = time(t.start, t.end, (p[1], p[1]), t.kind, t.named)
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
