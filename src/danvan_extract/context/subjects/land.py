"""Land and area phrases: what an area is of (land, crops), the verb that
tells one area from another, and an area that is part of a total.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.lazy import deferred, settle

from .vocabulary import SCAN, Span, not_nouns
from .rightward import right_phrase

_LAND_DROP = deferred(r"^(?:tổng\s+(?:số\s+)?)?diện\s+tích\s+(?=(?:đất|rừng|cây|lúa|chè|cà\s+phê|mặt\s+nước|trồng|gieo|ngô|sắn|keo|quế|mía|rau|hoa|cỏ|dược\s+liệu"
                      r"|mắc\s+ca|bời\s+lời)(?![\p{L}]))", regex.I)
# Land and crops: what an area after its unit can be of.
LAND = deferred(r"(?:đất|rừng|cây|lúa|chè|mặt|diện|vùng|cà|cao|keo|quế|ngô|sắn|hoa|rau|mía|thông|bời\s+lời|mắc\s+ca"
                     r"|dược\s+liệu|cỏ|ao|đầm|hồ"
                     # (fruit trees and field crops, which the tagger may read as verbs: "2 ha cam")
                     r"|cam|bưởi|chuối|nhãn|vải|xoài|dứa|thanh\s+long|sầu\s+riêng|hồ\s+tiêu|lạc|đậu|khoai|thảo\s+quả"
                     r"|măng|luồng|tre)(?![\p{L}])", regex.I)
# Verbs that tell one area from another ("trồng mới 540 ha rừng, khai thác 570 ha rừng trồng").
_LAND_VERB = deferred(r"(?<![\p{L}])(?P<verb>trồng(?:\s+mới)?|khai\s+thác|khai\s+hoang|phục\s+hồi|cải\s+tạo|chuyển\s+đổi"
                           r"|thu\s+hoạch|gieo\s+cấy|gieo\s+trồng|khoanh\s+nuôi|thu\s+hồi)"
                           r"(?:\s+(?:được|thêm|mới))*\s*(?:(?:khoảng|trên|hơn|gần|dưới)\s*)?$", regex.I)


def names_land(text: str, span: Span) -> bool:
    """The phrase after an area's unit says what lies or grows there: a
    land or crop word ("đất", "chè"), else a noun as the tagger reads its
    first word ("bưởi da xanh"), not a verb ("ha trở lên")."""
    if LAND.match(text, span[0], span[1]):
        return True
    words = text[span[0]:span[1]]
    if not words.split() or words.split()[0].lower() in not_nouns():
        return False  # (a line break alone names nothing)
    from ...nlp import first_word_is_noun  # the tagger only decides the few words left

    return first_word_is_noun(" ".join(words.split()[:4]))[0]


def land_subject(text: str, pieces: list[Span]) -> list[Span]:
    """"diện tích" is dropped before a land noun ("diện tích chè" → "chè")."""
    if pieces:
        s, e = pieces[0]
        m = _LAND_DROP.match(text[s:e])
        if m:
            pieces = [(s + m.end(), e)] + pieces[1:]
        # "xây dựng xưởng chế biến trên diện tích 1.200 m2", "… quy mô 3 ha": what stands on an area of that size
        s, e = pieces[-1]
        tail = _ON_AREA.search(text, s, e)
        if tail and tail.start() > pieces[0][0] and not _TOTAL_ONLY.fullmatch(text, pieces[0][0], tail.start()):
            pieces = [(ps, min(pe, tail.start())) for ps, pe in pieces if ps < tail.start()]
    return pieces


# (and "(với) quy mô" — "on a scale of": "mô hình trồng dưa lưới quy mô 3 ha")
_TOTAL_ONLY = deferred(r"[^\S\n]*tổng(?:[^\S\n]+số)?[^\S\n]*", regex.I)  # ("tổng diện tích": the area is the only head)
# ("1 lô đất ở diện tích từ 150 m2": "diện tích" alone after the land names its size too)
_ON_AREA = deferred(r"[^\S\n]+(?:(?:(?:trên|với|có)[^\S\n]+)?(?:tổng[^\S\n]+)?diện[^\S\n]+tích"
                    r"|(?:(?:với|có)[^\S\n]+)?quy[^\S\n]+mô)(?:[^\S\n]+từ)?[^\S\n]*$", regex.I)


def land_verb(text: str, clause_start: int, pos: int) -> Optional[Span]:
    """The verb right before an area that tells it from its siblings
    ("trồng mới 540 ha rừng" → "trồng mới")."""
    m = _LAND_VERB.search(text, max(clause_start, pos - 40), pos)
    return m.span("verb") if m else None


_AREA_UNIT = r"(?:ha|héc-ta|hécta|m2|m²|km2|km²)"
_AREA_THEN_WORD = deferred(rf"\d\s*{_AREA_UNIT}[^\S\n]+(?=\p{{L}})", regex.I)
_SENTENCE_STOP = deferred(r"[.!?…](?=\s)|\n")
_AREA_FIGURE = deferred(rf"\d\s*{_AREA_UNIT}$", regex.I)
# words (no mere list comma or qualifier) between the previous item and a figure
_OWN_VERB = deferred(r"(?:^|[,;:])\s*(?!(?:khoảng|trên|hơn|gần|dưới|và)\s*$)\p{L}[^,;:]*$", regex.I)
_BREAKDOWN = deferred(r"(?<![\p{L}])trong\s+đó\W*$", regex.I)


def sibling_area(text: str, holes: list[Span], s_start: int) -> bool:
    """Another area figure in the sentence that starts at ``s_start``, with
    a verb of its own ("trồng mới 540 ha rừng, khai thác 570 ha rừng
    trồng"; not "trồng 120 ha cây ăn quả, 80 ha cà phê", where one verb
    tells nothing apart)."""
    end = _SENTENCE_STOP.search(text, s_start, s_start + 2 * SCAN)
    stop = end.start() if end else s_start + 2 * SCAN
    return any(s_start <= hs < stop and _AREA_FIGURE.search(text, hs, he) and _OWN_VERB.search(text, max(s_start, hs - 40), hs)
               for hs, he in holes)


def land_of_total(text: str, s_start: int, clause_start: int, pos: int) -> Optional[Span]:
    """"toàn xã có 310 ha chè ... Trong đó, 175 ha đã cho thu hái": the land
    of the total a breakdown ("trong đó") opens with."""
    if not _BREAKDOWN.search(text, max(0, clause_start - 12), pos):
        return None
    back = max(0, s_start - SCAN)
    found = list(_AREA_THEN_WORD.finditer(text[back:pos]))
    if not found:
        return None
    return right_phrase(text, back + found[-1].end(), pos)


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
