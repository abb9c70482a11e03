"""The words that tell one figure's subject from its neighbours': a
distinguishing verb, a breakdown's label, an average, a quoted topic
and a topic opened with "Về".
"""

from __future__ import annotations

import bisect
from typing import Callable

import regex

from ...grammar.lazy import deferred, settle
from ..words import holds_letter
from ...extractors.base.matching import last_match

from .vocabulary import CLASSIFIERS, DIGIT, MAX_RATE_WORDS, Span
from .edges import leading_end, trim
from .verbs import STATING_INSIDE, VERB_INSIDE, VERB_START, may_hold_verb_head, opens_with_verb, predicate
from .leftward import left_phrase
from .lists import coordinated_start

_ENDS_IN_LINK = deferred(r"(?<![\p{L}])(?:của|cho|với|tại|ở|giữa)\s*$", regex.I)
_OBJECT_OF = deferred(r"(?<![\p{L}])(?:đối\s+với|cho)\s*$", regex.I)


def distinguishing_verb(text: str, clause_start: int, fig_start: int, holes: list[Span],
                        siblings: Callable[[], bool] = bool) -> list[Span]:
    """"giải quyết đất sản xuất cho 1.627 hộ", "kiểm tra Quy chế dân chủ
    đối với 8 đơn vị" → the verb phrase that tells the figure from its
    siblings joins the noun ("hộ giải quyết đất sản xuất"), with the verbs
    listed before it that share the figure ("khởi công xây dựng, sửa chữa
    20 căn nhà"); reporting verbs do not.  When ``siblings()`` (figures of the sentence that
    count the same noun) the verb joins past its agent ("các cơ sở đảng
    kết nạp 420 đảng viên" → "kết nạp")."""
    object_of = bool(_OBJECT_OF.search(text, max(clause_start, fig_start - 12), fig_start))
    if object_of and (_after_measure_word(text, clause_start, holes) or _measure_within(text, clause_start, fig_start, holes)):
        return []  # "cấp 2.000 cây giống cho 50 hộ": the words after the figure name what it measures
    if not object_of and not may_hold_verb_head(text[clause_start:fig_start]):
        return []  # no verb to open the phrase
    pieces = left_phrase(text, clause_start, fig_start, holes)
    if object_of:  # "Tổ công tác đã kiểm tra ... đối với 9 chợ": no agent
        pieces = predicate(text, pieces)
    if not pieces:
        return []
    s, e = pieces[0][0], pieces[-1][1]
    phrase = text[s:e]
    if len(phrase.split()) > 9:
        return []
    # (the sibling test first: most figures have none, and the scan for a verb is the dearer)
    inner = last_match(VERB_INSIDE, text, s, e) if not VERB_START.match(phrase) and siblings() else None
    if inner is not None:  # (the last verb of the phrase)
        return [(max(ps, inner.start()), pe) for ps, pe in pieces if pe > inner.start()]
    if VERB_START.match(phrase) or object_of:
        first = _verb_list_start(text, clause_start, holes)
        if first < clause_start:
            return left_phrase(text, first, fig_start, holes, max_words=MAX_RATE_WORDS) or pieces
        return pieces
    return []


_MEASURED = deferred(r"[\d.,]+[^\S\n]+(?P<word>\p{L}+)")


def _after_measure_word(text: str, pos: int, holes: list[Span]) -> bool:
    """A figure counted by a measure word ("2.000 cây", "20 con bò") ends at
    ``pos``: the words after it go on naming the thing, no verb ("1.554 cuộc
    kiểm tra đối với …" has one)."""
    for hs, he in holes:
        if he == pos:
            m = _MEASURED.match(text, hs, he)
            return bool(m) and m.group("word").lower() in _MEASURE_WORDS
    return False


def _measure_within(text: str, start: int, end: int, holes: list[Span]) -> bool:
    """A measure or another figure stands in ``[start, end)`` ("…, 42 tấn phân
    bón cho 920 hộ"): the words after it name what it measures, no verb
    phrase of the figure at ``end``."""
    k = bisect.bisect_left(holes, (start, -1))
    return any(hs < end and text[hs].isdigit() for hs, _ in holes[k:k + 4])


_MEASURE_WORDS = CLASSIFIERS | {"con"}


# (a number's grouping dot or decimal comma breaks nothing: "huy động 3.200 lượt …, trồng …")
_SEGMENT_BREAK = deferred(r"[;:()\n!?]|[,.](?:(?<!\d[,.])|(?!\d))")  # (the look-behind after its mark)
_LIST_VERB_WORDS = 6  # syllables


def _verb_list_start(text: str, clause_start: int, holes: list[Span]) -> int:
    """Where a list of verbs joined by commas starts when it ends at
    ``clause_start`` ("khởi công xây dựng, sửa chữa ..."): each earlier item
    a short phrase opened by a verb, the list cut after a place or a time
    ("toàn tỉnh đã khởi công ..."); else ``clause_start``."""
    start = clause_start
    while start > 0 and text[start - 1] == ",":
        breaks = list(_SEGMENT_BREAK.finditer(text, max(0, start - 120), start - 1))
        seg_start = breaks[-1].end() if breaks else max(0, start - 120)
        if any(seg_start <= hs < start and DIGIT.match(text, hs) for hs, _ in holes):
            break  # "xây mới 45 phòng học, sửa chữa 30 phòng học": the verb of a sibling figure
        item = left_phrase(text, seg_start, start - 1, holes, after_verb=False)
        if not item or not opens_with_verb(text, item[0]) or _TOPIC.match(text, item[0][0], item[0][1]):
            break
        words = text[item[0][0]:item[-1][1]]
        if len(words.split()) > _LIST_VERB_WORDS or DIGIT.search(words):
            break
        start = item[0][0]
        if any(seg_start <= hs < start for hs, _ in holes):
            break  # the agent's place or the time before the list
    return start


# "Về nhà ở, xã hỗ trợ 15 hộ": "Về" opening a sentence names its topic, no verb
_TOPIC = deferred(r"(?-i:Về)\s", regex.I)


def opens_topic(text: str, pos: int) -> bool:
    """The words at ``pos`` open with the topic marker "Về" ("Về kinh tế")."""
    return bool(_TOPIC.match(text, pos, pos + 4))


def breakdown_label(text: str, clause_start: int, fig_start: int, holes: list[Span], in_list: bool = True,
                    opened: Callable[[], bool] = bool) -> list[Span]:
    """"Lĩnh vực kinh tế 88 mô hình; lĩnh vực văn hoá - xã hội 134 mô hình":
    a label right before the number, with no verb, names the item of a
    breakdown and joins the noun ("mô hình lĩnh vực văn hoá - xã hội");
    only in a list (its item opens after ";" or ":", or ``opened()``: a
    "trong đó" opens it), unless ``in_list`` is false (the caller knows the
    list)."""
    clause_start = coordinated_start(text, clause_start)  # ("Cơ cấu kinh tế: nông, lâm nghiệp 38%")
    i = clause_start  # the last character before the clause that is no white space
    while i > 0 and text[i - 1].isspace():
        i -= 1
    listed = not in_list or not i or text[i - 1] in ";:"
    if not listed and not opened():
        return []
    seg = text[clause_start:fig_start]
    # ("trong đó đã thoát nghèo 120 hộ": the leading words trimmed from a label, a tense word among them,
    # state nothing)
    if (not seg.strip() or STATING_INSIDE.search(seg, leading_end(seg))
            or any(clause_start <= hs < fig_start for hs, _ in holes)):
        return []
    if DIGIT.search(seg) or _ENDS_IN_LINK.search(seg):
        # ("22 sản phẩm 4 sao và 220 sản phẩm": a number is no label's word; "Dự án phải thu hồi đất của
        # 312 hộ": a figure after a preposition is its object, no item a label names)
        return []
    pieces = trim(text, [(clause_start, fig_start)])
    if not pieces or len(text[pieces[0][0]:pieces[-1][1]].split()) > 8:
        return []
    return pieces


_AVERAGE = deferred(r"(?<![\p{L}])(?:bình\s+quân|trung\s+bình)(?![\p{L}])[^,;:()\d\n]*?(?=\s*(?:đạt|có|là)?\s*$)",
                         regex.I)


def average_phrase(text: str, clause_start: int, pos: int, holes: list[Span]) -> list[Span]:
    """"bình quân chung toàn huyện mỗi xã đạt 13 tiêu chí" → "bình quân chung
    mỗi xã": an average's phrase before the verb joins the counted noun."""
    lo = max(clause_start, pos - 120)
    m = _AVERAGE.search(text, lo, pos) if holds_letter(text, lo, pos, "ì") else None  # (the "ì" of "bình")
    if not m:
        return []
    return left_phrase(text, m.start(), m.end(), holes, after_verb=False)


_QUOTED_TOPIC = deferred(r"\s*(?P<name>[“\"][^”\"\n]{1,60}[”\"])\s*(?:(?:có|gồm|đạt|với)\s*)?$", regex.I)


def quoted_topic(text: str, clause_start: int, pos: int) -> list[Span]:
    """"“Dân vận khéo” có 36 mô hình" → "“Dân vận khéo”": a quoted name that
    is all the clause says before the figure names its kind."""
    quoted = text.find('"', clause_start, pos) >= 0 or text.find("“", clause_start, pos) >= 0
    m = _QUOTED_TOPIC.match(text, clause_start, pos) if quoted else None
    return [m.span("name")] if m and m.end() == pos else []


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
