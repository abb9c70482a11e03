"""Member counts: the members a count of a body's members counts
("Ban Chấp hành gồm 56 ủy viên"), and the groups of members after it.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.lazy import deferred, settle
from ...extractors.base.matching import last_match

from .vocabulary import Span
from .edges import trim
from .verbs import VERB_INSIDE, opens_predicate
from .rightward import right_phrase
from .leftward import left_phrase
from .clauses import counted, hole_at, noun_clause

# Nouns for the members of a body: "Ban Thường vụ gồm 18 ủy viên" counts
# the members of that body.
MEMBER_NOUNS = frozenset({"ủy viên", "uỷ viên", "thành viên", "hội viên", "đoàn viên", "đảng viên", "đại biểu"})
_MEMBER_NOUN_CHARS = max(map(len, MEMBER_NOUNS))
_MEMBER_PREFIXES = tuple(MEMBER_NOUNS)  # (one str.startswith test for all)
# ("tổ chức 4 hội nghị đối thoại với 300 đoàn viên": "với" after a word of meeting names the partner, no members;
# "kỷ luật khiển trách đối với 3 đảng viên": "đối với" brings a verb's object, no body's members)
_MEMBER_LINK = deferred(r"(?<![\p{L}])(?:gồm(?:\s+có)?|có|với(?<!(?:đối|đối\s+thoại|tiếp\s+xúc|làm\s+việc|gặp\s+gỡ|gặp\s+mặt"
                        r"|trao\s+đổi|giao\s+lưu|tọa\s+đàm|toạ\s+đàm|phối\s+hợp|ký\s+kết|kết\s+nghĩa)\s+với))\s*$", regex.I)


_ONE_OR_TWO_WORDS = deferred(r"[\p{L}]+(?:\s+[\p{L}]+)?")


def counted_member(text: str, c) -> Optional[tuple[int, str]]:
    """Where the members figure ``c`` counts are written, and their noun of
    MEMBER_NOUNS ("ủy viên"); None when it counts no members."""
    noun = (c.fields.get("noun") or "").lower()
    k = text[c.start:c.end].lower().rfind(noun) if noun else -1
    if k < 0:
        return None
    noun_start = c.start + k
    # the counted noun as written may run past the extractor's noun ("ủy viên")
    head = text[noun_start:noun_start + _MEMBER_NOUN_CHARS].lower()
    member = next((m for m in MEMBER_NOUNS if head.startswith(m)), None) if head.startswith(_MEMBER_PREFIXES) else None
    if not member or not _ONE_OR_TWO_WORDS.match(text[noun_start:noun_start + 20]):
        return None
    return noun_start, member


def members_of(text: str, clause_start: int, c, holes: list[Span]) -> list[Span]:
    """"Ban Chấp hành Đảng bộ tỉnh gồm 60 ủy viên" → "ủy viên" + "Ban Chấp
    hành Đảng bộ tỉnh": the members and the body they belong to."""
    counted = counted_member(text, c)
    if counted is None:
        return []
    noun_start, member = counted
    link = _MEMBER_LINK.search(text, max(clause_start, c.start - 12), c.start)
    if not link:
        return []
    body = left_phrase(text, clause_start, link.start(), holes)
    each = _EACH_LEAD.match(text, body[0][0], body[0][1]) if body else None
    if each:
        # "Mỗi đội có 5 thành viên" → "thành viên đội": the distributive word is the figure's basis, no name
        body = [(each.end(), body[0][1])] + body[1:] if each.end() < body[0][1] else body[1:]
    if not body:
        return []
    verb = last_match(VERB_INSIDE, text, body[0][0], body[-1][1])
    if verb is not None and _BODY_HEAD.search(text, max(body[0][0], verb.start() - 10), verb.start()):
        verb = None  # ("Ban giám sát đầu tư cộng đồng có 5 thành viên": a verb after a body's head word names the body)
    if verb is not None:
        # "Chị còn thành lập tổ hợp tác với 12 thành viên": the body is the verb's object, not its agent
        kept = trim(text, [(max(s, verb.end()), e) for s, e in body if e > verb.end()])
        body = kept or body
    noun_end = noun_start + len(member)
    # ("Đại hội có 250 đại biểu chính thức": the members' own modifier stays with them)
    # (a predicate after them, "20.163 thành viên đã tiết kiệm được …", is the sentence's, no modifier)
    own = (right_phrase(text, noun_end + 1, noun_end + 60)
           if text.startswith(" ", noun_end) and not opens_predicate(text, noun_end + 1) else None)
    return [(noun_start, own[1] if own else noun_end)] + body


_BODY_HEAD = deferred(r"(?<![\p{L}])(?:ủy\s+ban|uỷ\s+ban|ban|tổ|đội|hội\s+đồng)[^\S\n]+$", regex.I)
_EACH_LEAD = deferred(r"(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:mỗi|từng)\s+", regex.I)


_GROUP_LINK = deferred(r"[^\S\n]+(?:tại|ở|của|thuộc|trong)[^\S\n]+(?=\d)", regex.I)
_NUMBER_HEAD = deferred(r"[\d.,]+[^\S\n]*")


def member_groups(text: str, noun_start: int, end: int, limit: int, holes: list[Span]) -> list[Span]:
    """"5.925 thành viên tại 145 tổ tiết kiệm và vay vốn" → "thành viên" and
    "tổ tiết kiệm và vay vốn": members counted in groups that are counted
    too belong to those groups (the groups' number left out)."""
    noun = text[noun_start:end].lower()
    link = _GROUP_LINK.match(text, end, limit) if noun in MEMBER_NOUNS else None
    hole = hole_at(holes, link.end()) if link else None
    if not counted(text, hole):
        return []
    group = _NUMBER_HEAD.match(text, hole[0], hole[1]).end()
    more = noun_clause(text, hole[1] + 1, limit, holes)[0] if text[hole[1]:hole[1] + 1] == " " else []
    return [(noun_start, end), (group, more[0][1] if more and more[0][0] == hole[1] + 1 else hole[1])]


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
