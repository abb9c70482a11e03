"""The subject of an area: the land it measures ("diện tích lúa",
"đất sản xuất"), what was given or cleared, the part of a whole.
"""

from __future__ import annotations

import regex

from ..subjects.edges import stripped
from ..subjects.verbs import before_predicate, opens_predicate, predicate_in
from ..subjects.rightward import right_phrase
from ..subjects.leftward import left_phrase
from ..subjects.clauses import noun_clause
from ..subjects.land import land_of_total, land_subject, land_verb, names_land, sibling_area
from ..subjects.tables import table_column
from ...grammar.lazy import deferred, settle
from ..words import holds_letter
from .clauses import DIGIT, NOTHING_OWN, OPENS_BREAKDOWN, RECIPIENT_BEFORE, last_break
from .period import SENTENCE_STOP
from .subject_count import UNIT_NOUNS, before_bracket


# where land goes ("để làm sân thể thao", "sang trồng rau màu"), up to the next figure
_LAND_TARGET = deferred(r"[^\S\n]+(?P<what>(?:để|nhằm|sang)[^\S\n]+[^\n,.;:()\d]{1,80})", regex.I)
_TARGET_IN = deferred(r"(?<![\p{L}])(?:để|nhằm|sang)(?![\p{L}])", regex.I)
# between two areas: the first's target, then a comma or "và" ("… để xây trường học và 1,2 ha …")
_TARGET_THEN_AND = deferred(r"[^\n;:()]{0,120}?(?:,[^\S\n]*|[^\S\n]+)(?:(?:và|còn)[^\S\n]+)?$", regex.I)


# a sentence that opens with "Với" and the generic name of an area before it
_WITH_AREA = deferred(r"[^\S\n]*với[^\S\n]+(?:tổng[^\S\n]+)?(?:diện[^\S\n]+tích|quy[^\S\n]+mô)(?:[^\S\n]+(?:khoảng|trên|hơn|gần|là))?"
                      r"[^\S\n]*$", regex.I)
_COMMA_AFTER = deferred(r"[^\S\n]*,[^\S\n]*")


def area_of_holder(text, c, prior, s_start, limit) -> list:
    """"Với diện tích 120 ha, vùng chè cho sản lượng …" → "vùng chè": an area
    named only generically in a "Với …," opener is the area of what the
    sentence goes on about, up to its predicate (as a sum's, "Với tổng kinh
    phí …,")."""
    if prior is not None or not _WITH_AREA.fullmatch(text, s_start, c.start):
        return []
    comma = _COMMA_AFTER.match(text, c.end)
    holder = right_phrase(text, comma.end(), max(limit, comma.end() + 80)) if comma else None
    return [before_predicate(text, holder)] if holder else []


# "… có diện tích 2.800 ha", "… có quy mô 12,5 ha": an area named only generically, held by the noun before
_HAS_AREA = deferred(r"(?<![\p{L}])(?:có|với)[^\S\n]+(?:tổng[^\S\n]+)?(?:diện[^\S\n]+tích|quy[^\S\n]+mô)[^\S\n]+"
                     r"(?:(?:là|khoảng|hơn|trên|gần|rộng)[^\S\n]+)*$", regex.I)


def area_of_owner(text, c, s_start, clause_start, holes) -> list:
    """"Vùng nguyên liệu mía của huyện có diện tích 2.800 ha" → "Vùng nguyên
    liệu mía", "Khu tái định cư có quy mô 12,5 ha" → "Khu tái định cư": an
    area named only by "diện tích"/"quy mô" after "có" or "với", with no
    land of its own after it, is the area of the noun phrase that has it
    (none when that is a unit: "Xã có diện tích 5.420 ha")."""
    lo = max(clause_start, c.start - 40)
    has = _HAS_AREA.search(text, lo, c.start) if holds_letter(text, lo, c.start, "í") or "mô" in text[lo:c.start] else None
    if not has or not NOTHING_OWN.match(text, c.end, c.end + 20) or DIGIT.search(text, s_start, has.start()):
        return []  # (after a figure, "cho 150 hộ … với diện tích 1.200 ha": the area given, see land_given; "Có 3
        # doanh nghiệp, 12 HTX tham gia … với quy mô 560 ha": the area of what the figures count)
    holder = left_phrase(text, clause_start, has.start(), holes)
    opening = len(text[clause_start:has.start()]) - len(text[clause_start:has.start()].lstrip(" ,:-+•*\n"))
    # ("Tỉnh Lâm Đồng sau sáp nhập có diện tích …": a unit opens the clause, the words left after it hold nothing)
    return holder if holder and holder[0][0] == clause_start + opening else []


def sibling_land(text, c, prior, subject_of) -> list:
    """"hiến 4,5 ha đất để xây trường học và 1,2 ha để làm sân thể thao",
    "chuyển 45 ha đất lúa sang trồng thủy sản, 20 ha sang trồng rau màu":
    an area with no noun of its own, only where it goes, shares the land of
    the area before it (ellipsis of the repeated head) with its own target."""
    target = _LAND_TARGET.match(text, c.end) if prior is not None and prior.type == "area" else None
    base = subject_of.get(id(prior)) if target else None
    if not base or not _TARGET_THEN_AND.fullmatch(text, prior.end, c.start):
        return []
    cut = _TARGET_IN.search(text, base[0][0], base[-1][1])
    if not cut or cut.start() <= base[0][0]:
        return []
    land = [(s, min(e, cut.start())) for s, e in base if s < cut.start()]
    return land + [stripped(text, *target.span("what"))]


def part_of_area(text, c, prior, subject_of, clause_end) -> list:
    """"Diện tích lúa bị ngập úng là 1.200 ha, trong đó 350 ha bị mất trắng" →
    "lúa bị mất trắng": a part of the area before, opened by "trong đó" and
    named only by a predicate, is of that area's land (its own predicate in
    place of the whole's)."""
    if prior is None or prior.type != "area" or not subject_of.get(id(prior)):
        return []
    if not text.startswith(" ", c.end) or not opens_predicate(text, c.end + 1):
        return []
    if not OPENS_BREAKDOWN.fullmatch(text, prior.end, c.start):
        return []
    own = right_phrase(text, c.end + 1, max(clause_end, c.end + 80))
    base = subject_of[id(prior)]
    cut = next((m.start() for s, e in base for m in [predicate_in(text, s, e)] if m), base[-1][1])
    land = land_subject(text, [stripped(text, s, min(e, cut)) for s, e in base if s < cut])
    return [p for p in land if p[1] > p[0]] + [own] if own and land else []


# the area named only as such ("với diện tích", ", tổng diện tích") right before the figure
_AREA_ONLY = deferred(r"(?<![\p{L}])(?:(?:với|có)[^\S\n]+)?(?:tổng[^\S\n]+)?diện[^\S\n]+tích"
                      r"(?:[^\S\n]+(?:là|khoảng|trên|hơn|gần))?[^\S\n]*$", regex.I)


def area_of_counted(text, c, prior, subject_of) -> list:
    """"cấp 45 mã số vùng trồng với diện tích 2.300 ha": an area named only
    as an area right after a count measures the things counted (what lies
    there), as "với tổng số tiền" after a count prices them."""
    if prior is None or prior.type not in ("count", "ratio") or not subject_of.get(id(prior)):
        return []
    if (prior.fields.get("noun") or "").lower().split(",")[0].strip() in UNIT_NOUNS:
        return []  # "tỉnh có 99 xã, phường với diện tích …": units tile the whole, whose area it is
    if c.start - prior.end > 80 or not holds_letter(text, prior.end, c.start, "ệ"):  # (the "ệ" of "diện")
        return []
    only = _AREA_ONLY.search(text, max(prior.end, c.start - 30), c.start)
    if not only or DIGIT.search(text, prior.end, only.start()) or SENTENCE_STOP.search(text, prior.end, only.start()):
        return []
    # a recipient holds no land ("giải quyết đất sản xuất cho 1.627 hộ với diện tích 212 ha"),
    # and words after the area name it themselves ("212 ha khai hoang")
    if RECIPIENT_BEFORE.search(text, max(0, prior.start - 20), prior.start) or not NOTHING_OWN.match(text, c.end):
        return []
    return subject_of[id(prior)]


def land_given(text, c, prior, s_start, clause_end) -> list:
    """"giải quyết đất sản xuất cho 1.627 hộ với diện tích 212 ha khai hoang" →
    "đất sản xuất khai hoang": an area named only as an area after the
    recipients of land measures the land given to them (the object before
    "cho"), with the words after it."""
    if prior is None or prior.type not in ("count", "ratio") or c.start - prior.end > 40:
        return []
    if not holds_letter(text, prior.end, c.start, "ệ"):  # (the "ệ" of "diện")
        return []
    only = _AREA_ONLY.search(text, prior.end, c.start)
    recipient = RECIPIENT_BEFORE.search(text, max(0, prior.start - 20), prior.start) if only else None
    if not recipient or _DIGIT_OR_BREAK.search(text, prior.end, only.start()):
        return []  # (the recipients' own words may stand between: "cho 150 hộ đồng bào với diện tích")
    lo = max(s_start, recipient.start() - 60)
    lo = max(lo, last_break(text, lo, recipient.start()))  # (the object's own clause)
    land = _LAND_WORD.search(text, lo, recipient.start())
    if land is None or not _ALLOTS.search(text, lo, land.start()):
        return []  # ("cấp giấy chứng nhận quyền sử dụng đất cho 4.560 hộ": no land given)
    own = right_phrase(text, c.end + 1, max(clause_end, c.end + 60)) if text.startswith(" ", c.end) else None
    return [stripped(text, land.start(), recipient.start())] + ([own] if own else [])
_DIGIT_OR_BREAK = deferred(r"[\d;:()\n.]")
# verbs of allotting land, right before it ("giải quyết đất sản xuất", "giao đất rừng", "cấp đất ở")
_ALLOTS = deferred(r"(?<![\p{L}])(?:giải\s+quyết|giao|bàn\s+giao|cấp|chia|bố\s+trí|hỗ\s+trợ|đền\s+bù)[^\S\n]+$", regex.I)
_LAND_WORD = deferred(r"(?<![\p{L}])(?:đất|rừng|mặt\s+nước)(?![\p{L}])", regex.I)


def area_subject(text, c, clause_start, clause_end, holes, s_start, label) -> list:
    """What grows or lies on an area: the land after the unit and what
    defines it, with the verb before the figure that tells it from its
    siblings ("trồng mới 540 ha rừng" → "rừng trồng mới"); else the land
    before it, the item of a breakdown ("Trong đó, 175 ha đã cho thu hái"
    after "310 ha chè"), the label, the table column or the noun phrase
    before a bracket or a colon."""
    own, shared = noun_clause(text, c.end + 1, clause_end, holes) if text[c.end:c.end + 1] == " " else ([], [])
    after = own + shared
    if after and names_land(text, after[0]):
        verb = land_verb(text, clause_start, c.start)
        # the verb joins only to tell the area from a sibling area of its sentence
        short = len(text[after[0][0]:after[-1][1]].split()) <= 3
        return after + ([verb] if verb and short and sibling_area(text, holes, s_start) else [])
    pieces = land_subject(text, left_phrase(text, clause_start, c.start, holes))
    if pieces:
        return pieces
    part = land_of_total(text, s_start, clause_start, c.start)
    if part and after:
        return [part] + after
    if label:
        return [label]
    return table_column(text, c.start) or before_bracket(text, c, s_start, holes)


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
