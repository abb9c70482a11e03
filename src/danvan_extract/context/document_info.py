"""What an article says of itself: its headline, its date (byline or date
line, never a site header's), the unit it is mainly about."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from .periods import TimeMention
from .places import PlaceMention

_DATE_LINE = regex.compile(
    r"(?:cập\s+nhật|ngày\s+đăng|đăng\s+ngày|đăng\s+lúc|xuất\s+bản|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày)"
    r"[^\n]{0,25}?(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d\d)", regex.I)
_BARE_DATE_LINE = regex.compile(r"^\W{0,4}(?P<d>[0-3]?\d)\s?[/.-]\s?(?P<m>[01]?\d)\s?[/.-]\s?(?P<y>(?:19|20)\d\d)"
                                r"(?:\s*[-|,]?\s*\d{1,2}:\d\d(?::\d\d)?(?:\s*(?:AM|PM|GMT[+\d]*))?)?[^\n]{0,20}$", regex.I)
_ISO_LINE = regex.compile(r"^\W{0,4}(?:date|ngày)?\W{0,3}(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)", regex.I)
_HEAD_LINES = 6
_MAX_TITLE = 300


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def find_title(text: str, chrome: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The headline: the first non-empty line that is no page chrome, no
    date line and short enough to be a headline."""
    for start, line in lines_with_offsets(text)[:_HEAD_LINES * 2]:
        stripped = line.strip()
        if not stripped:
            continue
        if any(s <= start < e for s, e in chrome) or _BARE_DATE_LINE.match(stripped) or _ISO_LINE.match(stripped):
            continue
        if len(stripped) > _MAX_TITLE or stripped.startswith((">>", "•", "*")):
            return None
        s = start + line.index(stripped[0])
        return s, s + len(stripped)
    return None


def find_published(text: str) -> Optional[str]:
    """The article's date from a date line near the top ("Cập nhật: Thứ
    sáu, 6/1/2023", "24/01/2022 09:17"), or None."""
    found = find_date_line(text)
    return found[0] if found else None


def find_date_line(text: str) -> Optional[tuple[str, int, int]]:
    """(ISO date, line start, line end) of the article's date line, or None.
    The line states when the article was published, not a figure's time."""
    for start, line in lines_with_offsets(text)[:_HEAD_LINES]:
        m = _DATE_LINE.search(line) if len(line) < 120 else None
        if m and (m.start() > len(line) - len(line.lstrip(" •*-|")) + 2 or len(line.strip()) > 80):
            m = None  # a date inside a sentence is no date line
        m = m or _BARE_DATE_LINE.match(line.strip()) or _ISO_LINE.match(line.strip())
        if m:
            d, mo = int(m.group("d")), int(m.group("m"))
            if 1 <= d <= 31 and 1 <= mo <= 12:
                return f"{m.group('y')}-{mo:02d}-{d:02d}", start, start + len(line)
    return None


def main_place(places: list[PlaceMention], title: Optional[tuple[int, int]], lead_end: int) -> Optional[PlaceMention]:
    """The unit the article is mainly about: named in the headline, else the
    unit named most often (the first in the lead breaks ties), if named at
    least twice or in the lead."""
    named = [p for p in places if p.name]
    if not named:
        return None
    if title:
        in_title = [p for p in named if title[0] <= p.start < title[1]]
        if in_title:
            return min(in_title, key=lambda p: _rank(p.level))
        # "toàn tỉnh có thêm 6 xã" in the headline: the article is about the province
        bare = [p for p in places if p.bare and title[0] <= p.start < title[1]]
        if bare:
            level = bare[0].level
            of_level = [p for p in named if p.level == level or (level == "tỉnh" and p.level == "thành phố")]
            if of_level:
                counts_level = Counter((p.name, p.level) for p in of_level)
                return max(of_level, key=lambda p: (counts_level[(p.name, p.level)], -p.start))
    counts = Counter((p.name, p.level) for p in named)
    # an article about a district names its province too, usually more
    # often: a lower unit named often enough is the better answer
    best = max(named, key=lambda p: (counts[(p.name, p.level)] * _WEIGHT.get(p.level, 1.0), p.start < lead_end, -p.start))
    if counts[(best.name, best.level)] >= 2 or best.start < lead_end:
        return best
    return None


_WEIGHT = {"huyện": 2.0, "quận": 2.0, "thị xã": 2.0, "thành phố": 1.2, "xã": 1.5, "phường": 1.5, "thị trấn": 1.5}


def _rank(level: str) -> int:
    order = ["xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "quốc gia"]
    return order.index(level) if level in order else 0


def year_of(published: Optional[str]) -> Optional[str]:
    return published[:4] if published else None


def first_time_in(times: list[TimeMention], start: int, end: int) -> Optional[TimeMention]:
    for t in times:
        if start <= t.start < end and t.kind == "time" and t.period:
            return t
    return None
