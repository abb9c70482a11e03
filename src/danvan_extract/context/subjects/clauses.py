"""The noun clause after a figure ("... 120 hộ nghèo có nhà"), the
predicate after a place, and the part a percentage is of.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.lazy import deferred, settle
from ...grammar.levels import WRITTEN as _LEVELS, written_pattern  # the level words of administrative units
from ..words import may_end_with

from .vocabulary import DIGIT, SCAN, Span
from .edges import PLACE_LINK, PLACE_LINK_ENDS, stripped_of
from .verbs import PREDICATE, PREDICATE_IN
from .lists import SHARED_AFTER
from .rightward import QUALIFIER_WORDS, right_phrase

_CLAUSE_OPENER = deferred(r"(?:và|nhưng|còn|song|trong\s+đó|đồng\s+thời)(?![\p{L}])", regex.I)


def starts_clause(text: str, pos: int) -> bool:
    """The words at ``pos`` open a new clause ("và", "trong đó"), no modifier."""
    return bool(_CLAUSE_OPENER.match(text, pos, pos + 40))


# (a place mention opens with its level word)
_LEVEL_AT = deferred(r"(?:" + written_pattern(_LEVELS) + r")(?![\p{L}])", regex.I)
_QUALIFIER_GAP = deferred(rf"[^\S\n]*(?:{QUALIFIER_WORDS}[^\S\n]+)?", regex.I)


# Links after a noun that go on defining it ("xã thuộc vùng đặc biệt khó
# khăn", "nghị quyết của Bộ Chính trị về ...", "tỉnh hình thành sau sắp
# xếp", "dân cư là người dân tộc thiểu số"), unless a place, a time or a
# figure follows: that is the location or the period.
_LINK_ON = deferred(
    # ("ở", "tại" before no place: "hộ gia đình ở vùng đồng bào dân tộc thiểu số")
    r"[^\S\n]*(?:của|thuộc|theo|sau|trong|do|ở|tại|là(?![^\S\n]+(?-i:\p{Lu}))"
    # "cho" that yields, not a recipient: "chè đã cho thu hái"
    r"|cho(?=[^\S\n]+(?:thu|ra|sản\s+phẩm|quả|khai\s+thác|năng\s+suất)(?![\p{L}])))[^\S\n]+"
    r"(?!(?:đó|khi|này|vậy|số|các|những|báo\s+cáo|thống\s+kê|ông|bà|anh|chị|đồng\s+chí"
    r"|kế\s+hoạch|kết\s+quả|quy\s+định\s+tại|năm|tháng|quý|ngày|tuần|thời\s+gian|thời\s+kỳ|dịp)(?![\p{L}]))(?=\p{L})", regex.I)
# "xã đạt 7 tiêu chí": a count after "đạt" says which units are meant
_THROUGH_FIGURE = deferred(r"[^\S\n]*đạt[^\S\n]+(?=\d)", regex.I)
_STATES = deferred(r"(?:đạt|có|là|gồm|chiếm|với)(?![\p{L}])", regex.I)


_MAX_CLAUSE_WORDS = 20


# (a bracket ends them: "168 người là nữ (53,8%)", the share in it is no figure of the link's)
_TWO_WORDS = deferred(r"(?:[^\s(]+\s+(?!\())?[^\s(]+")


def hole_at(holes: list[Span], pos: int) -> Optional[Span]:
    return next((h for h in holes if h[0] == pos), None)


def _free_ahead(text: str, link: Span, holes: list[Span]) -> bool:
    """No place, time or figure in a link ("trong huyện") or the two
    words after it."""
    words = _TWO_WORDS.match(text, link[1], link[1] + 60)
    end = words.end() if words else link[1]
    return not DIGIT.search(text, link[1], end) and not any(link[0] <= hs < end for hs, _ in holes)


def counted(text: str, hole: Optional[Span]) -> bool:
    """``hole`` is a count: a number and its noun ("52 ấp")."""
    return bool(hole) and text[hole[0]].isdigit() and text[hole[1] - 1].isalpha()


_NAMED = deferred(r"(?-i:\p{Lu})|\d|cả\s+nước|toàn\s+quốc", regex.I)


def _skip_named(text: str, start: int, end: int, holes: list[Span]) -> list[Span]:
    """``[start, end)`` without the named places and times in it, and the
    link before them ("thanh niên xuất sắc toàn quốc dự đại hội"): those
    are the location and the period; a bare level ("hội phụ nữ cấp xã")
    stays.  ``holes`` sorted."""
    pieces, pos = [], start
    for hs, he in holes:
        if hs >= end:
            break  # (the later ones start later still)
        if hs < pos or not _NAMED.search(text, hs, he):
            continue
        link = PLACE_LINK.search(text, pos, hs) if may_end_with(text[pos:hs], PLACE_LINK_ENDS) else None
        pieces.append((pos, link.start() if link else hs))
        pos = he
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        s, e = stripped_of(text, s, e, " ,-", " ,-")
        while e > s and (text[e - 1] == "“" or text[e - 1] == '"' and text.count('"', s, e) % 2):
            e = len(text[s:e - 1].rstrip(" ,-")) + s  # a quote that opens a name cut off (by its figure) opens nothing
        if e > s:
            out.append((s, e))
    return out


def noun_clause(text: str, start: int, limit: int, holes: list[Span],
                bare_words: int = 0) -> tuple[list[Span], list[Span]]:
    """The words after a counted noun that define it, from ``start``: the
    phrase up to a stop word, continued past a link that goes on defining
    it ("của", "thuộc", "sau" ... before no place, time or figure) and
    past "đạt" and a count ("xã đạt 7 tiêu chí"); a bare noun coordinated
    with a later figure shares its modifiers ("24 xã và 52 ấp đặc biệt
    khó khăn" → "đặc biệt khó khăn") when it has at most ``bare_words``
    words of its own.  Returns the noun's own pieces and the shared ones,
    each empty when nothing is there."""
    limit = min(limit, len(text))  # (callers may reach past a figure that ends the text)
    end = pos = start
    kept: list[Span] = []  # the figures read through ("đạt 7 tiêu chí")
    while pos < limit:
        span = right_phrase(text, pos, limit)
        if span:
            end = span[1]
        elif pos > start and not counted(text, hole_at(holes, pos)):
            break  # a link with nothing after it defines nothing
        if len(text[start:end].split()) >= _MAX_CLAUSE_WORDS:
            break
        link = _LINK_ON.match(text, end, limit)
        if link and _free_ahead(text, link.span(), holes):
            pos = link.end()
            continue
        through = _THROUGH_FIGURE.match(text, end, limit)
        hole = hole_at(holes, through.end()) if through else None
        if counted(text, hole):
            end = pos = hole[1]
            kept.append(hole)
            continue
        break
    own = _skip_named(text, start, end, [h for h in holes if h not in kept] if kept else holes)
    if len(text[start:end].split()) > bare_words:
        return own, []
    link = SHARED_AFTER.match(text, end, limit)
    hole = hole_at(holes, link.end()) if link else None
    more = noun_clause(text, hole[1] + 1, limit, holes)[0] if counted(text, hole) else []
    shared = _shared(text, start, hole, more) if more and more[0][0] == hole[1] + 1 else []
    return own, shared


_UNIT_END = deferred(rf"(?<![\p{{L}}])(?:{'|'.join(level for level in _LEVELS if level.isalpha() or ' ' in level)})\s*$",
                          regex.I)


# a police report's pair "N vụ, M đối tượng …": the cases (a noun that alone names no kind) and the offenders
_CASE_END = deferred(r"(?<![\p{L}])vụ(?:[^\S\n]+việc)?$", regex.I)
_OFFENDERS_END = deferred(r"(?<![\p{L}])đối[^\S\n]+tượng$", regex.I)


def _shared(text: str, first_end: int, hole: Span, more: list[Span]) -> list[Span]:
    """What of the words after a later item ("và 12 hợp tác xã ...") goes
    for the bare noun before it too: a predicate does ("8 trường học và 3
    trạm y tế đạt chuẩn"), unless it states a figure of its own ("2 tiêu chí
    và 1 xã đạt 1 tiêu chí"); a modifier binds only the nearer noun ("30 hộ
    và 12 hợp tác xã kiểu mới"), save a category both units belong to ("24
    xã và 52 ấp đặc biệt khó khăn")."""
    if _STATES.match(text, more[0][0], more[0][1]):
        return [] if DIGIT.search(text, more[0][0], more[-1][1]) else more
    if _UNIT_END.search(text, max(0, first_end - 20), first_end - 1) and _UNIT_END.search(text, hole[0], hole[1]):
        return more
    if _CASE_END.search(text, max(0, first_end - 20), first_end) and _OFFENDERS_END.search(text, hole[0], hole[1]):
        return more  # "bắt giữ 24 vụ, 38 đối tượng mua bán … ma túy": the cases are of what the offenders did
    found = PREDICATE_IN.search(text, more[0][0], more[-1][1])
    if not found:
        return []
    cut = found.start("p")
    return [(max(s, cut), e) for s, e in more if e > cut]


_PLACE_LINK_AHEAD = deferred(r"\s*(?:trên\s+địa\s+bàn|của|tại|ở|thuộc|trong)?\s*$", regex.I)
_ADVERBS_AHEAD = deferred(r"\s*(?:(?:đều|cũng|vẫn|hiện)\s+)*", regex.I)


def predicate_after_place(text: str, pos: int, limit: int, holes: list[Span]) -> list[Span]:
    """"12 xã trên địa bàn huyện X đều đạt chuẩn nông thôn mới": the
    predicate that defines the noun, past the place phrase between them."""
    for k, (hs, he) in enumerate(holes):
        if hs < pos or hs > pos + 25:
            continue
        # (past a place phrase, or a number and its qualifier: "trẻ em dưới 1 tuổi được …")
        number = text[hs].isdigit() and _QUALIFIER_GAP.fullmatch(text, pos, hs)
        if not number and not _PLACE_LINK_AHEAD.fullmatch(text[pos:hs]):
            return []
        for hs2, he2 in holes[k + 1:k + 4]:  # an address chain ("ở xã A, huyện B bị ...")
            if text[he:hs2].strip(" ,") or not (_LEVEL_AT.match(text, hs) and _LEVEL_AT.match(text, hs2)):
                break
            he = he2
        adverbs = _ADVERBS_AHEAD.match(text, he, he + SCAN)
        start = adverbs.end() if adverbs else he
        if not PREDICATE.match(text, start, start + SCAN):
            return []
        span = right_phrase(text, start, max(limit, start + 80))
        return [span] if span else []
    return []


# (what follows a percentage and is no population: links, verbs, a plan, and the
# conjunctions that open a reason, a purpose or a contrast: "giảm 0,2 điểm phần trăm do ...")
_PERCENT_OF = deferred(r"[^\S\n]+(?!(?:so|với|của|trong|tại|ở|năm|trên|và|là|được|đạt|chiếm|tăng|giảm|kế|cùng"
                            # "35% dân số" is a base, unless a predicate defines it ("95% dân số tham gia ...")
                            r"|dân\s+số\b(?!\s+(?:tham\s+gia|được|có|sử\s+dụng|sống|là)(?![\p{L}]))"
                            # ("5% trở lên": the figure's qualifier, FACTS.md)
                            r"|do|nhờ|vì|bởi|để|nên|nhưng|khi|nếu|trở\s+(?:lên|xuống))"
                            r"(?![\p{L}]))(?=[\p{Ll}\p{Lu}])", regex.I)


def percent_of(text: str, end: int, limit: int, holes: list[Span]) -> list[Span]:
    """"98% đồng bào dân tộc thiểu số được sử dụng ...": the noun phrase right
    after a percentage that says what it is a share of, with what defines it
    ("100% số xã trên địa bàn thành phố đã về đích ...")."""
    m = _PERCENT_OF.match(text, end, end + SCAN)
    if not m:
        return []
    limit = max(limit, m.end() + 100)
    own, shared = noun_clause(text, m.end(), limit, holes, bare_words=2)
    if own and not shared:
        return own + predicate_after_place(text, own[-1][1], limit, holes)
    return own + shared


# "89% là đồng bào dân tộc Mông", not "95%, là mức cao nhất" (a property names no part)
_COPULA_PART = deferred(r"[^\S\n]+là[^\S\n]+(?!(?:mức|con\s+số|tỷ\s+lệ|tỉ\s+lệ|năm|kết\s+quả|chỉ\s+tiêu|một|đơn\s+vị"
                        r"|địa\s+phương|huyện|xã|tỉnh)(?![\p{L}]))(?=\p{Ll})", regex.I)


def part_after_copula(text: str, end: int, limit: int, holes: list[Span]) -> list[Span]:
    """"…, trong đó 89% là đồng bào dân tộc Mông": a share with no noun of
    its own before it is the share of the noun phrase after "là" (FACTS.md:
    where the head noun is left out, the defining clause is the subject)."""
    m = _COPULA_PART.match(text, end, end + SCAN) if text.startswith(" là", end) else None
    if not m:
        return []
    return noun_clause(text, m.end(), max(limit, m.end() + 100), holes)[0]


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
