"""What an article says of itself: its headline, its date (byline or date
line, never a site header's), the unit it is mainly about."""

from __future__ import annotations

from collections import Counter
from typing import Optional

import regex

from ..dateline import body_after_stamp, date_line_match
from ..dateline import _HEAD_LINES, _ISO_LINE, find_date_line, find_published, lines_with_offsets  # noqa: F401
from .places import PlaceMention

_MAX_TITLE = 300


_SITE_LINE = regex.compile(r"@|\bhotline\b|\bemail\b|skip\s+to|download|quay\s+về|theo\s+dõi|đăng\s+nhập|trang\s+chủ"
                           r"|\b(?:page|trang)\s*\d+\s*(?:of|\/)\s*\d+\s*$|:\s*$|^\W*$|\|\s*$|^(?:kinh\s+tế|xã\s+hội|chính\s+trị|thời\s+sự|tin\s+tức)[\w\s]{0,25}$", regex.I)
# A body sentence, not a headline: it ends with a full stop, opens with an
# event time ("Ngày 3/10, ...", "Sáng 18/5"), or is a photo caption.
_BODY_LINE = regex.compile(r"[.…]\s*$|^(?:ngày|sáng|chiều|tối|trưa)\s+(?:ngày\s+)?\d|(?:ảnh|nguồn)\s*:|^\d+\.\s", regex.I)


def find_title(text: str, chrome: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The headline: the first line near the top that is no page chrome, no
    date line, no site menu and no official document's header; None when
    that line is a body sentence (the page kept no headline)."""
    for start, line, stripped, stamp in _content_lines(lines_with_offsets(text)[:_HEAD_LINES * 2]):
        if (any(s <= start < e for s, e in chrome) or stamp is not None or _SITE_LINE.search(stripped)
                or len(stripped) < 12):
            continue
        if len(stripped) > _MAX_TITLE or stripped.startswith((">>", "•", "*")) or _BODY_LINE.search(stripped):
            return None
        if stripped.isupper() and "|" in stripped:
            continue
        s = start + line.index(stripped[0])
        return s, s + len(stripped)
    return None


def _content_lines(lines: list[tuple[int, str]]):
    """(start, line, stripped, date-line match) of the non-empty head lines,
    without an official document's header; the body that goes on after a
    date stamp on its line ("date 2025-09-02 Trong giai đoạn ...") is a
    line of its own."""
    official, after_type = _is_official(lines), False
    for start, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        stamp = date_line_match(stripped)
        rest = body_after_stamp(stripped, stamp) if stamp is not None else ""
        if rest:
            start, line, stripped, stamp = start + line.index(rest), rest, rest, None
        if official and not after_type:
            after_type = bool(_DOC_TYPE_LINE.match(stripped))
            if after_type or _OFFICIAL_HEAD.search(stripped) or stripped.isupper():
                continue
        yield start, line, stripped, stamp


# An official document's header: the national motto, the agency, its number
# and place-date; its title is the line after the document type.
_MOTTO = regex.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc", regex.I)
_OFFICIAL_HEAD = regex.compile(r"CỘNG\s+HÒA|CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*-\s*Tự\s+do|^Số\s*:|,\s*ngày\s+\d",
                               regex.I)
_DOC_TYPE_LINE = regex.compile(r"^(?:BÁO\s+CÁO|KẾ\s+HOẠCH|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CHỈ\s+THỊ|THÔNG\s+BÁO|TỜ\s+TRÌNH"
                               r"|HƯỚNG\s+DẪN|CHƯƠNG\s+TRÌNH|ĐỀ\s+ÁN|CÔNG\s+VĂN|THÔNG\s+TƯ|NGHỊ\s+ĐỊNH|LUẬT)\s*\|?$")


def _is_official(lines: list[tuple[int, str]]) -> bool:
    """The text opens with an official document's header (national motto)."""
    return any(len(line) <= _MAX_HEAD_LINE and _MOTTO.search(line) for _, line in lines)


_MAX_HEAD_LINE = 120  # a header line (motto, agency, number) is short


# Bodies whose documents and figures hold for the whole country.
_CENTRAL_BODY = regex.compile(r"(?<![\p{L}])(?:Quốc\s+hội|Thủ\s+tướng(?:\s+Chính\s+phủ)?|Chính\s+phủ|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư"
                              r"|Ban\s+Chấp\s+hành\s+Trung\s+ương|Trung\s+ương\s+Đảng|Tổng\s+Bí\s+thư|Chủ\s+tịch\s+nước"
                              r"|Ngân\s+hàng\s+Chính\s+sách\s+xã\s+hội|Mặt\s+trận\s+Tổ\s+quốc\s+Việt\s+Nam|cả\s+nước|toàn\s+quốc)"
                              r"(?![\p{L}])")


_CITED = regex.compile(r"(?:của|theo|với)\s+$", regex.I)


def national_by_default(text: str, title: Optional[tuple[int, int]], places: list[PlaceMention]) -> bool:
    """A text about central bodies' decisions that names no unit in its
    headline: what it reports holds for the whole country."""
    if title and any(title[0] <= p.start < title[1] and p.level != "quốc gia" and not p.bare for p in places):
        return False
    lead = text[: (title[1] if title else 0) + 600]
    if any(p.start < len(lead) and not p.bare and p.level != "quốc gia" for p in places):
        return False  # "Bộ Chính trị chỉ định Ban Chấp hành Đảng bộ tỉnh Gia Lai": about that unit
    # the body acts or reports; "theo Chỉ thị 42 của Thủ tướng" only cites it
    return any(not _CITED.search(lead, max(0, m.start() - 14), m.start()) for m in _CENTRAL_BODY.finditer(lead))


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
    national = [p for p in named if p.level == "quốc gia"]
    sub = [p for p in named if p.level != "quốc gia"]
    provinces = Counter(p.province or p.name for p in sub if p.province or p.level == "tỉnh")
    # a text about the whole country: it says "cả nước" and names no unit
    # twice, or it names many provinces, none of them most of the time
    if national and not any(n >= 2 for n in Counter((p.name, p.level) for p in sub).values()):
        return national[0]
    if len(provinces) >= 4 and provinces.most_common(1)[0][1] < 0.4 * sum(provinces.values()):
        return national[0] if national else PlaceMention(0, 0, "quốc gia", "Việt Nam", None, None, written=False)
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
