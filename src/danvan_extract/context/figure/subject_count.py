"""The subject of a count: its noun and the words that define it, a
topic stated before it, "số …" phrases, breakdown items, the members of
a body.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Optional

import regex

from ..subjects.vocabulary import GENERIC_NOUNS, SAYS_NOTHING
from ..subjects.edges import stripped
from ..subjects import verbs
from ..subjects.lists import item_follows
from ..subjects.rightward import right_phrase
from ..subjects.leftward import left_phrase
from ..subjects.clauses import noun_clause, predicate_after_place, starts_clause
from ..subjects.distinctions import average_phrase, breakdown_label, distinguishing_verb, quoted_topic
from ..subjects.land import land_subject
from ..subjects.tables import names_quantity
from ..subjects.members import counted_member, member_groups, members_of
from ...extractors.base.matching import last_match
from ...grammar.lazy import deferred, settle
from ...grammar.levels import RANK as _RANK
from ...numbers import MULTIPLIERS
from ..words import holds_letter, may_hold
from .clauses import (BRACKET_CHARS, CLAUSE_BREAK, DIGIT, RECIPIENT_BEFORE, SENTENCE_END, WINDOW, WORD,
                      plain_clause_start)


_BRACKET_THEN_WORD = deferred(r"[^\S\n]*\([^()\n]{1,80}\)[^\S\n]+(?=\p{Ll})")
_OPENER_BEFORE = deferred(r"[(:]\s*$")


def before_bracket(text, c, s_start, holes) -> list:
    """"tỉnh có diện tích lớn nhất cả nước (16.487 km2)", "tổng diện tích
    đất là: 29,168 ha": a figure alone in a bracket, or right after a colon,
    is the value of the noun phrase right before it."""
    opener = _OPENER_BEFORE.search(text[max(s_start, c.start - 4):c.start])
    if not opener or (opener.group().startswith("(") and not text.startswith(")", c.end)):
        return []
    k = c.start - len(opener.group())
    return land_subject(text, left_phrase(text, plain_clause_start(text, s_start, k), k, holes))


# Verbs that end a clause's topic ("tăng trưởng toàn cầu có dấu hiệu tăng"); not
# inside a compound noun ("tăng trưởng", "giảm nghèo").
_TOPIC_END = deferred(r"(?<![\p{L}])(?:có|đạt|là|chiếm|thực\s+hiện|ước\s+đạt|tăng(?!\s+(?:trưởng|cường))|giảm(?!\s+nghèo))"
                           r"(?![\p{L}])", regex.I)


def topic_before(text, s_start, clause_start, holes) -> list:
    """The topic of the clause before ``clause_start`` in its sentence: the
    noun phrase before its first verb, else the whole clause."""
    if clause_start <= s_start:
        return []
    before = plain_clause_start(text, s_start, clause_start - 1)
    for m in _TOPIC_END.finditer(text, before, clause_start):
        pieces = left_phrase(text, before, m.start(), holes)
        if pieces:
            return pieces
    return left_phrase(text, before, clause_start, holes)


# (a base may stand between: "…, cao hơn cùng kỳ 15%", "…, tăng so với cùng kỳ năm trước 12%")
# ("…, đạt 245 tỷ đồng và tăng 8%": a change joined by "và" to the level before; "…, ít hơn năm trước 12 hộ",
# "…, cao hơn mức bình quân của tỉnh 3%": a comparative's base, of no digit, between)
CHANGE_ONLY = deferred(r"(?:[,;()]|(?<![\p{L}])và)\s*(?:(?:ước|dự\s+kiến|lần\s+lượt|bình\s+quân|trung\s+bình)\s+)?(?:(?:mỗi|hằng|hàng)\s+năm\s+)?"
                          # ("…, vượt chỉ tiêu 12 hộ": the excess over the target written between)
                          r"(?:(?:cao|thấp|nhiều|ít)\s+hơn(?:\s+(?:so\s+với\s+)?[^\d,;.:()\n]{1,40}?)?|tăng|giảm|hơn|thêm"
                          r"|vượt(?:\s+(?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu))?)"
                          r"\s*(?:thêm\s*)?(?:(?:so\s+với\s+)?cùng\s+kỳ(?:\s+năm\s+trước)?\s*)?$", regex.I)
FIGURE_HEAD = deferred(r"\W*(?:(?:khoảng|trên|hơn|gần|dưới|ước|đạt)\s+)*[\d.,]+\s*", regex.I)


def gift_before(text: str, s_start: int, recipients: int, holes: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """"trao 300 suất quà cho 300 hộ, trị giá 150 triệu đồng" → "suất quà":
    a value is of the goods given, counted right before their recipients."""
    cho = RECIPIENT_BEFORE.search(text, max(s_start, recipients - 16), recipients)
    i = bisect.bisect_left(holes, (cho.start(),)) - 1 if cho else -1
    if i < 0 or holes[i][0] < s_start or not text[holes[i][0]].isdigit():
        return None
    hs, he = holes[i]
    if LIST_BREAK.search(text, he, cho.start()) or text.endswith("đồng", hs, he):
        return None  # (goods counted in the clause of their recipients, no amount)
    return stripped(text, FIGURE_HEAD.match(text, hs, he).end(), cho.start())


# "cho" before an income is the verb "yield" ("mô hình cho thu nhập 300 triệu đồng"), no recipient
_YIELD = deferred(r"(?<![\p{L}])cho[^\S\n]+(?=(?:thu\s+nhập|lãi|lợi\s+nhuận|doanh\s+thu)(?![\p{L}]))", regex.I)


def yielded_name(text: str, pieces: list) -> list:
    """"Mô hình nuôi cá lồng cho thu nhập 300 triệu đồng" → "thu nhập": what
    is yielded is the amount's name, from the income noun on; a unit it is
    yielded by ("Mỗi ha chè cho thu nhập …") stays, without the "cho"."""
    m = last_match(_YIELD, text, pieces[0][0], pieces[-1][1]) if pieces and "cho" in text[pieces[0][0]:pieces[-1][1]] else None
    if not m:
        return pieces
    each = [(s, min(e, m.start())) for s, e in pieces if s < m.start()] if _EACH_UNIT.match(text, pieces[0][0]) else []
    return [stripped(text, s, e) for s, e in each] + [(max(s, m.end()), e) for s, e in pieces if e > m.end()]
_EACH_UNIT = deferred(r"(?:mỗi|một|bình\s+quân\s+(?:mỗi|một))[^\S\n]", regex.I)
LIST_BREAK = deferred(r"[,;]")
_RECIPIENT = deferred(r"\s+cho\s+")
_IS = "là|gồm|có"  # a copula right before the number: "... gồm 56 người"
_NUMBER_IS = deferred(rf"(?<![\p{{L}}])(?:{_IS})\s*$", regex.I)
_TOTAL_IS = deferred(rf"(?<![\p{{L}}])(?:{_IS}|lên)\s*$", regex.I)  # (and "nâng tổng số … lên")
# the names after a count of units ("2 huyện Hàm Thuận Nam và Hàm Tân"): capitalised words, two or
# more listed (one name is a region the units lie in: "5 tỉnh Tây Nguyên")
_UNIT_NAMES = deferred(r"[^\S\n]+(?-i:\p{Lu})\p{L}*(?:[^\S\n]+(?-i:\p{Lu})\p{L}*)*"
                       r"(?:[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*(?-i:\p{Lu})\p{L}*(?:[^\S\n]+(?-i:\p{Lu})\p{L}*)*)+")
_STATES_FIGURE = deferred(r"(?:đạt|có|là|gồm|chiếm|với)(?![\p{L}])[^\d\n,;.]{0,30}\d", regex.I)
UNIT_NOUNS = frozenset(_RANK) - {"bang", "quốc gia"}  # (the level words of Vietnamese units)
# "trở lên", "trở xuống" right after a figure's noun: the figure's qualifier (FACTS.md), no word of what it counts
_OR_MORE_AFTER = deferred(r"[^\S\n]+trở[^\S\n]+(?:lên|xuống)(?![\p{L}])", regex.I)


def _past_unit_names(text: str, end: int, low_noun: str) -> int:
    """Where the words defining a count of units start to be read: after the
    units' own names ("2 huyện Hàm Thuận Nam và Hàm Tân đạt chuẩn" → "huyện
    đạt chuẩn"), which name the units and define no kind of them."""
    if low_noun not in UNIT_NOUNS:
        return end
    names = _UNIT_NAMES.match(text, end, end + 160)
    return names.end() if names else end


# a label that announces results ("Kết quả thi đua năm 2024:", "Kết quả bầu cử:") is no kind of what is counted
# and so does one that announces whom or what the list names ("Đối tượng thụ hưởng:", "Thành phần gồm:",
# "Số liệu cụ thể:") or a photo's caption ("Ảnh:", "Ảnh trên:")
# (a page's link to another article, "Xem thêm:", "Tin liên quan:", "Video:", names no kind either)
# ("Số lượng: 45 mô hình", "Quy mô: 12 phòng học": a label of amount or size alone names no kind either)
_RESULTS_LABEL = deferred(r"(?:kết\s+quả|đối\s+tượng|thành\s+phần|số\s+liệu|ảnh|xem\s+thêm|tin\s+liên\s+quan|đọc\s+thêm"
                          r"|video|clip|(?:số\s+lượng|quy\s+mô)(?=\s*$))(?![\p{L}])", regex.I)
_LOCATIVE_BEFORE = deferred(r"(?<![\p{L}])(?:ở|tại)\s+$", regex.I)
_TENSE_NEXT = deferred(r"(?:đã|đang|sẽ|đều|cũng)\s", regex.I)


_OR_MORE_END = deferred(r"[^\S\n]+trở[^\S\n]+(?:lên|xuống)$", regex.I)
_FROM_BEFORE_FIGURE = deferred(r"(?<![\p{L}])từ[^\S\n]+$", regex.I)


def count_subject(text, c, clause_start, clause_end, holes, s_start, label) -> list:
    """What a count or ratio counts: the noun as written in the fact and what
    defines it after it; for a noun that says nothing on its own ("26 vị",
    "1.477 căn"), the phrase before it; a body's members; a label."""
    noun = c.fields.get("noun")
    low_noun = noun.lower() if noun else ""
    limit = clause_end if clause_end > c.end else c.end + 80
    k = text[c.start:c.end].lower().rfind(low_noun) + c.start if noun else -1
    # what defines the noun after it, and the modifiers it shares with a coordinated figure
    read_from = _past_unit_names(text, c.end, low_noun)
    or_more = _OR_MORE_AFTER.match(text, read_from, read_from + 12) if text.startswith(" trở", read_from) else None
    read_from = or_more.end() if or_more else read_from  # ("từ 35 đảng viên trở lên": the figure's qualifier)
    limit = limit if read_from < limit else read_from + 100  # (a list of names runs past the clause's comma)
    after, shared = (noun_clause(text, read_from + 1, limit, holes) if text[read_from:read_from + 1] == " "
                     # ("350 tập thể, 1.200 cá nhân được khen thưởng": the items of a list share its predicate)
                     else noun_clause(text, read_from, limit, holes)
                     if text.startswith(",", read_from) and item_follows(text, read_from, limit)
                     else ([], []))
    bound = _OR_MORE_END.search(text, after[-1][0], after[-1][1]) if after and text[after[-1][1] - 1:after[-1][1]] in "nN" else None
    if bound and _FROM_BEFORE_FIGURE.search(text, max(0, c.start - 4), c.start):
        # "kết nạp từ 300 hội viên mới trở lên": the bound's "trở lên" closes the figure's "từ", no modifier
        after = after[:-1] + ([(after[-1][0], bound.start())] if bound.start() > after[-1][0] else [])
    if read_from > c.end and after and _STATES_FIGURE.match(text, after[0][0]):
        after, shared = [], []  # ("3 huyện A, B, C có tổng cộng 30 mô hình": a figure of their own, no kind)
    # "Ban Thanh tra nhân dân ở 21 xã, thị trấn đã tiến hành …": units counted in a place
    # phrase; the tensed verb after them is the sentence's predicate, no kind of unit
    in_place = low_noun.split(",")[0] in UNIT_NOUNS and bool(_LOCATIVE_BEFORE.search(text, max(0, c.start - 6), c.start))
    if in_place and after and _TENSE_NEXT.match(text, after[0][0]):
        after, shared = [], []
    bracket = _BRACKET_THEN_WORD.match(text, c.end, c.end + BRACKET_CHARS + 4) if not after and not shared else None
    if bracket and verbs.opens_predicate(text, bracket.end()):
        # "3 thôn (Thôn 1, Thôn 2, Thôn 3) đạt chuẩn ...": the words after the bracket define the noun
        end = CLAUSE_BREAK.search(text, bracket.end(), bracket.end() + WINDOW)
        after, shared = noun_clause(text, bracket.end(), end.start() if end else bracket.end() + 80, holes)
    bare_noun = k >= c.start and " ".join(text[k:c.end].lower().split()) == " ".join(low_noun.split())
    bare_noun_generic = bool(noun) and low_noun in SAYS_NOTHING and bare_noun
    if label and noun and not (bare_noun_generic and not after) and _RESULTS_LABEL.match(text, label[0], label[1]):
        label = None  # "Kết quả thi đua: 12 tập thể đạt …": a report's heading; the item's noun names what
    if noun and not after and not shared and (bare_noun or low_noun in GENERIC_NOUNS):
        whole = _number_is(text, c, s_start, holes, text[k:c.end] if k >= c.start else noun)
        if whole:
            return whole
    if noun and low_noun in SAYS_NOTHING and not after and bare_noun:
        if label and not text[label[1]:c.start].strip(" \t:"):
            return [label]  # the item's label right before the figure
        left = left_phrase(text, clause_start, c.start, holes)
        if not left and _NUMBER_IS.search(text, max(clause_start, c.start - 12), c.start):
            # "Ban Chấp hành ..., nhiệm kỳ 2025-2030 gồm 56 người": past a clause of time or place
            left = topic_before(text, s_start, clause_start, holes)
        harm = _last_causative(text, left) if left and k >= c.start and low_noun in _CASE_NOUNS else None
        if harm is not None:
            # "Bão làm chết 5 người" → "người chết": the cases are the harm's result, not its agent
            return [(k, c.end)] + [(max(s, harm), e) for s, e in left if e > harm]
        if left and k >= c.start and not verbs.starts_with_verb(text, left):
            # "Lực lượng chức năng đã tuần tra 1.250 lượt" → "lượt tuần tra": the agent before the tense word
            # is not what the cases are
            pred = verbs.predicate(text, left) if not names_quantity(text[left[0][0]:left[0][1]]) else None
            if pred and pred != left and (verbs.starts_with_verb(text, pred)
                                          or low_noun in _CASE_NOUNS and _short_verb_phrase(text, pred)):
                return [(k, c.end)] + pred
        if left and k >= c.start and (verbs.starts_with_verb(text, left)
                                      or low_noun in _CASE_NOUNS and _short_verb_phrase(text, left)):
            # "xây mới 610 căn" → "căn xây mới"; "xử phạt hành chính 15 trường hợp" → "trường hợp xử phạt
            # hành chính": the verb says what the cases are (FACTS.md: a generic counted noun)
            return [(k, c.end)] + left
        if left:
            return left
    # members in counted groups ("tại 96 tổ") before the body named ahead of "có"
    members = (member_groups(text, k, c.end, limit, holes) if not after and not shared and k >= c.start
               else []) or _members_of(text, c, clause_start, s_start, holes)
    if members:
        return members
    if label and clause_start > label[1] and (_has_words(text, left_phrase(text, clause_start, c.start, holes))
                                             or after and len(text[label[1]:c.start].split()) > 3):
        # "Công tác kiểm tra: kiểm tra 86 tổ chức đảng": a clause of its own under a topic; "…: tổ chức 45
        # hội nghị với 3.600 lượt người tham dự": a noun defined by its own words deep in that clause
        label = None
    if label:
        # "Cá nhân: 18 mô hình" → the noun and the item's label; "Số hộ nghèo: 1.250 hộ" → the label,
        # which names the noun already
        named = noun and f" {low_noun} " in f" {' '.join(text[label[0]:label[1]].lower().replace(',', ' ').split())} "
        if k >= c.start and not bare_noun_generic and not named:
            # ("* Xây dựng nông thôn mới: 18/22 xã đạt chuẩn": the words that define the noun after it stay)
            own = ([(k, after[0][1])] + after[1:] if after[0][0] <= c.end + 1 else [(k, c.end)] + after) if after else [(k, c.end)]
            return own + [label]
        return [label]
    if noun and not after:
        # "nâng tổng số xã về đích nông thôn mới 5/16 xã": the "số <noun> ..." before it,
        # else the one that opens the list the figure is an item of
        lead = text.rfind(":", s_start, clause_start)
        named = (_number_of(text, noun, clause_start, c.start, holes)
                 or (_number_of(text, noun, s_start, lead, holes) if lead > 0 else [])
                 or (_number_of(text, noun, s_start, c.start, holes, across_comma=True)
                     if _number_across_comma(text, s_start, clause_start) else []))
        # (the sentence's "số …" phrase, not the clause's own: a breakdown item with a label of its own is the part)
        if named and not (named[0][0] >= clause_start and named[-1][1] <= c.start) and _own_breakdown_item(
                text, c, s_start, clause_start, holes):
            named = []
        if named:
            return named
    if noun and not after and not shared:
        named = _same_noun_before(text, noun, clause_start, c.start, holes)
        if named:
            return named
        topic = _topic_of_noun(text, noun, s_start, clause_start)
        if topic:
            # "Hộ nghèo, xã đã giảm được 135 hộ": the sentence's topic names what the clause after it counts,
            # told apart by the verb that tells sibling figures apart ("Nhà văn hóa thôn, … xây mới 24 nhà")
            return [topic] + distinguishing_verb(text, clause_start, c.start, holes,
                                                           lambda: _has_sibling(text, c, holes, s_start, low_noun))
    if k >= c.start:
        # the noun as the fact writes it ("lượt cán bộ, đoàn viên"), then what defines it
        own = [(k, c.end)]
        if after and not starts_clause(text, after[0][0]):
            # one stretch when the defining words follow the noun, else pieces around a place
            own = [(k, after[0][1])] + after[1:] if after[0][0] == c.end + 1 else own + after
        # a recipient defines what is given ("10 suất học bổng cho các em học sinh nghèo")
        end = own[-1][1]
        recipient = (_RECIPIENT.match(text, end, limit) if text.find("cho", end, limit) >= 0
                     and not _YIELD.match(text, end + 1, limit) else None)
        given = right_phrase(text, recipient.end(), limit) if recipient else None
        if given:
            own[-1] = (own[-1][0], given[1])
        if shared:
            return own + shared
        predicate = predicate_after_place(text, own[-1][1], limit, holes)
        if in_place and predicate and _TENSE_NEXT.match(text, predicate[0][0]):
            predicate = []
        pieces = own + predicate
        # "khám bệnh cho 86.500 lượt người" → "lượt người khám bệnh": "lượt người" says no more than
        # "lượt"; the verb phrase before, with no agent left in it, says what the cases are
        verb = (distinguishing_verb(text, clause_start, c.start, holes)
                if len(pieces) == 1 and _says_nothing(text, own[0]) else None)
        if verb and _short_verb_phrase(text, verb):
            pieces += verb
        elif len(pieces) == 1 and own[0][1] - own[0][0] <= len(noun) + 1:
            pieces += (quoted_topic(text, clause_start, c.start)
                       or average_phrase(text, clause_start, c.start, holes)
                       or distinguishing_verb(text, clause_start, c.start, holes,
                                                       lambda: _has_sibling(text, c, holes, s_start, low_noun))
                       or breakdown_label(text, clause_start, c.start, holes,
                                                   opened=lambda: _in_breakdown(text, s_start, clause_start, holes)))
        else:
            # "Bình quân mỗi xã có 4 mô hình “Dân vận khéo”": an average whatever the noun
            pieces += average_phrase(text, clause_start, c.start, holes)
        return pieces
    return left_phrase(text, clause_start, c.start, holes)


# "…, trong đó cấp tỉnh 180 hộ, cấp huyện 620 hộ": the items of a breakdown, each named by its label
_BREAKDOWN_OPEN = deferred(r"(?<![\p{L}])trong\s+đó(?![\p{L}])", regex.I)
_BREAKDOWN_STOP = deferred(r"[;!?\n]|\.(?!\d)")  # (the dot of "1.120 mô hình" ends no sentence)


def _in_breakdown(text: str, s_start: int, clause_start: int, holes) -> bool:
    """The clause at ``clause_start`` opens with "trong đó", or follows a
    figure of a list that a "trong đó" of its sentence opens."""
    lo = max(s_start, clause_start - 150)
    if "đó" not in text[lo:clause_start + 12].lower():
        return False  # (the cheap test first)
    opener = last_match(_BREAKDOWN_OPEN, text, lo, clause_start + 12)
    if opener is None or _BREAKDOWN_STOP.search(text, opener.end(), clause_start):
        return False
    if opener.start() >= clause_start:
        return not text[clause_start:opener.start()].strip(" ,")
    before = len(text[:clause_start].rstrip(" ,"))  # (the end of the item before)
    if any(he == before and text[hs].isdigit() for hs, he in holes):
        return True
    # "trong đó lĩnh vực kinh tế 1.120 mô hình, văn hóa - xã hội 686 mô hình": the item
    # before, since the last comma or the opener, states a figure of the list
    item_start = max(text.rfind(",", opener.end(), before), text.rfind(";", opener.end(), before), opener.end())
    return bool(DIGIT.search(text, item_start, before))


def _own_breakdown_item(text, c, s_start: int, clause_start: int, holes) -> bool:
    """"Tổng số vụ án đã thụ lý: 245 vụ, trong đó hình sự 86 vụ": an item of
    a breakdown with a label of its own before its figure is that part, no
    repeat of the total's "số …" phrase (the label tells the items apart)."""
    if clause_start <= s_start or not text[clause_start:c.start].strip(" ,"):
        return False  # (the cheap test first: no words of its own before the figure)
    return bool(breakdown_label(text, clause_start, c.start, holes,
                                         opened=lambda: _in_breakdown(text, s_start, clause_start, holes)))


def breakdown_opener(text: str, s_start: int, pos: int) -> Optional[int]:
    """Where the "trong đó" starts that opens the breakdown ``pos`` stands in
    (no sentence break between); else None."""
    lo = max(s_start, pos - 150)
    if "đó" not in text[lo:pos].lower():
        return None  # (the cheap test first)
    opener = last_match(_BREAKDOWN_OPEN, text, lo, pos)
    return opener.start() if opener is not None and not _BREAKDOWN_STOP.search(text, opener.end(), pos) else None


def _has_words(text: str, pieces: list) -> bool:
    """Some piece holds a letter ("/" between two figures holds none)."""
    return any(WORD.search(text, s, e) for s, e in pieces)


def _says_nothing(text: str, span: tuple[int, int]) -> bool:
    """Every word of the counted noun says nothing of what is counted ("lượt người")."""
    words = text[span[0]:span[1]].lower().split()
    return 1 < len(words) <= 3 and all(w in SAYS_NOTHING for w in words)


def _has_sibling(text, c, holes, s_start, low_noun: str) -> bool:
    """Another figure of the sentence counts the same noun ("kết nạp 420
    đảng viên, …, xóa tên 12 đảng viên"): the verbs tell them apart."""
    end = SENTENCE_END.search(text, c.end, c.end + WINDOW)
    end = end.start() if end else c.end + WINDOW
    first, last = bisect.bisect_left(holes, (s_start,)), bisect.bisect_left(holes, (end,))
    return any(hs != c.start and text[hs].isdigit() and text[hs:he].lower().endswith(low_noun)
               and _verb_before(text, max(s_start, hs - 60), hs) for hs, he in holes[first:last])
_ITEM_OPEN = deferred(r"(?:^|[,;:]\s|\s(?:và|đã|và\s+đã)\s)(?=[^,;:]*$)", regex.I)


def _verb_before(text: str, lo: int, pos: int) -> bool:
    """The list item that ends at ``pos`` opens with a verb that tells its
    figure apart ("…, xóa tên 12 đảng viên"), not with a noun ("định mức hỗ
    trợ 1 nhà", "lĩnh vực … 21 mô hình")."""
    item = _ITEM_OPEN.search(text, lo, pos)
    start = item.end() if item else lo
    return verbs.starts_with_verb(text, [(start, pos)])


# generic nouns of cases and persons: the verb before them says which ("bị thương 9 người")
_CASE_NOUNS = frozenset({"trường hợp", "lượt", "khoản", "người"})
# "làm" making a harm happen ("làm chết", "làm bị thương", "làm hư hỏng")
_CAUSATIVE = deferred(r"(?<![\p{L}])làm[^\S\n]+(?=(?:chết|bị|mất\s+tích|hư|sập|tốc|ngập|sạt|thiệt)(?![\p{L}]))",
                      regex.I)
_CASE_VERB_WORDS = 8  # (a verb phrase that says what the cases are is short: the tagger asked for no more)


def _short_verb_phrase(text: str, pieces: list) -> bool:
    """The pieces are a short phrase opening with a verb ("xử phạt hành
    chính", "bị thương"); a capital opens a name, no verb."""
    words = text[pieces[0][0]:pieces[-1][1]].split()
    return len(words) <= _CASE_VERB_WORDS and words[0][:1].islower() and verbs.verb_first(text, pieces)


def _last_causative(text: str, pieces: list) -> Optional[int]:
    """Where the harm after the last causative "làm" of the pieces starts."""
    found = None
    for s, e in pieces:
        if holds_letter(text, s, e, "à"):  # (the "à" of "làm")
            found = last_match(_CAUSATIVE, text, s, e) or found
    return found.end() if found else None


def _members_of(text, c, clause_start, s_start, holes) -> list:
    """A body's members ("Ban Chấp hành … gồm 60 ủy viên"); after a count
    of groups, the members of those groups ("906 tổ phụ nữ tiết kiệm với
    20.163 thành viên" → "thành viên tổ phụ nữ tiết kiệm")."""
    if counted_member(text, c) is None:
        return []  # (no members counted: the clause's body is not looked for)
    prior = (next((h for h in holes if h[1] == clause_start and text[h[0]].isdigit()), None)
             if clause_start > s_start and not CLAUSE_BREAK.match(text, clause_start - 1) else None)
    if prior:
        # the clause was cut at the figure before: its noun and words are the body
        head = FIGURE_HEAD.match(text, prior[0], prior[1])
        if not head or head.end() >= prior[1] or not _counts_groups(text, head.end(), prior[1]):
            return []  # ("3,5 tỷ đồng với 45 thành viên": an amount's unit is no body of members)
        return members_of(text, head.end(), c, [h for h in holes if h != prior])
    return members_of(text, clause_start, c, holes)


def _counts_groups(text: str, start: int, end: int) -> bool:
    """The figure's words ``[start, end)`` after its number are no amount's
    unit ("3 tỷ 500 triệu đồng", "500.000 đồng"): an amount is no body of
    members ("906 tổ phụ nữ", "100% xã" are)."""
    words = text[start:end].split(maxsplit=1)
    first = words[0].lower() if words else ""
    return first not in MULTIPLIERS and first != "đồng"


# a sentence's topic: a short noun phrase and its comma, with no figure
_TOPIC_NOUN = deferred(r"[^\S\n]*(?:về[^\S\n]+)?(?P<topic>\p{L}[^\d,;:()\n.]{0,40}?)[^\S\n]*,[^\S\n]*$", regex.I)


def _topic_of_noun(text: str, noun: str, s_start: int, clause_start: int) -> Optional[tuple[int, int]]:
    """The noun phrase a sentence opens with as its topic, set off by a
    comma, when it opens with the counted noun ("Hộ nghèo, xã đã giảm được
    135 hộ" → "Hộ nghèo"); else None."""
    if clause_start <= s_start or clause_start - s_start > 45:
        return None
    m = _TOPIC_NOUN.fullmatch(text, s_start, clause_start)
    if not m:
        return None
    words, head = m.group("topic").lower().split(), noun.lower().split()
    return m.span("topic") if len(words) > len(head) and words[:len(head)] == head else None


def _same_noun_before(text: str, noun: str, clause_start: int, pos: int, holes) -> list:
    """"trong đó hộ nghèo dân tộc thiểu số 3.100 hộ": a noun phrase before
    the figure that opens with the counted noun names what is counted."""
    head = noun.lower().split()
    if not head or head[0] not in text[clause_start:pos].lower():
        return []  # (the phrase's words are the clause's: no noun there, no phrase)
    left = left_phrase(text, clause_start, pos, holes)
    words = " ".join(text[s:e] for s, e in left).lower().split()
    if words[:1] == ["các"] or words[:1] == ["những"]:
        words = words[1:]  # ("Các tổ tiết kiệm và vay vốn có 312 tổ": the plural word opens the same noun)
    return left if len(words) > len(head) and words[:len(head)] == head else []


def _number_of(text: str, noun: str, start: int, end: int, holes, across_comma: bool = False) -> list:
    """The "số <noun> ..." phrase that ends at ``end`` ("số tiêu chí các xã
    đạt" before "1 xã đạt 7 tiêu chí"), from the noun on, without the verb
    that states the figure and a place phrase ("Số thuê bao Internet của
    tỉnh đạt 450.000 thuê bao"); with ``across_comma``, a comma before a
    lower-case word inside it joins its items ("Số hộ khá, giàu")."""
    if not holds_letter(text, start, end, "ố"):  # (the "ố" of "số")
        return []
    named = _number_of_noun(noun.split(",")[0].strip(), across_comma).search(text[start:end])
    if not named:
        return []
    what = start + named.start("what"), start + named.end("what")
    # (the noun itself may read as a bare level word: "số xã")
    holes = [h for h in holes if h[0] > what[0]]
    return left_phrase(text, what[0], what[1], holes, max_words=24, after_verb=False) or [what]


@lru_cache(maxsize=256)
def _number_of_noun(noun: str, across_comma: bool = False) -> regex.Pattern:
    comma = r"|,(?=[^\S\n]*\p{Ll})" if across_comma else ""
    return regex.compile(rf"(?<![\p{{L}}])(?:tổng\s+)?số\s+(?P<what>{regex.escape(noun)}(?![\p{{L}}])"
                         rf"(?:[^,;:()\n]|\([^()\n]*\){comma})*?)\s*$", regex.I)


# the sentence opens with a "số" phrase that runs up to a comma
_NUMBER_THEN_WORDS = deferred(r"[^\S\n]*(?:tổng[^\S\n]+)?số[^\S\n]+(?P<words>[^\d;:\n.%]*),[^\S\n]*$", regex.I)


def _number_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """The sentence opens with "Số <noun> …" whose phrase runs up to the
    comma before ``clause_start`` with no figure and no stating verb ("Số
    hộ khá, giàu tăng …", "Số hộ có nhà tạm, nhà dột nát còn …"): the comma
    joins the items of its own phrase, as in a rate's (``_rate_across_comma``)."""
    if clause_start <= s_start or clause_start - s_start > 80 or not text[s_start:clause_start].rstrip().endswith(","):
        return False  # (the cheap tests first)
    m = _NUMBER_THEN_WORDS.match(text, s_start, clause_start)
    return m is not None and not verbs.states_figure(text, *m.span("words"))
_LIFTED = deferred(r"(?<![\p{L}])lên\s*$", regex.I)
_DIGIT_OR_BRACKET = deferred(r"[\d()]")
_RAISED = deferred(r"(?<![\p{L}])(?:nâng|đưa)\s+(?=(?:tổng\s+)?số\s)", regex.I)
_NUMBER_PHRASE = deferred(r"(?:tổng\s+)?số\s", regex.I)


def _number_is(text, c, s_start, holes, noun: str) -> list:
    """"Số nhà ở cho người có công ... là 1.477 căn", "Tổng số đại biểu
    Hội đồng nhân dân xã do cử tri bầu là 29 vị đại biểu": the "số ..."
    phrase of the clause, commas included, names what is counted when the
    count's noun says nothing of its own or is the phrase's noun."""
    lo = max(s_start, c.start - 12)
    if not _TOTAL_IS.search(text, lo, c.start):
        return []
    semi = _semicolon_start(text, s_start, c.start)
    # (from a later start only: the same search otherwise)
    if semi > lo and not _TOTAL_IS.search(text, semi, c.start) or not may_hold(text[semi:c.start], "số"):
        return []
    whole = left_phrase(text, semi, c.start, holes, max_words=24, after_verb=False)
    raised = last_match(_RAISED, text, whole[0][0], whole[-1][1]) if whole else None
    if raised:  # "…, nâng tổng số hội viên lên 21.300 người": what the total counts
        whole = [(max(s, raised.end()), e) for s, e in whole if e > raised.end()]
    elif whole and _LIFTED.search(text, lo, c.start) and _DIGIT_OR_BRACKET.search(text, whole[0][0], whole[-1][1]):
        return []  # ("tăng gấp 1,5 lần (từ 2.000 lên 3.000 hộ)": "lên" ends a change, no "số" phrase)
    # "Số thôn … là 142 thôn, số cơ quan … là 86 cơ quan": each item of a list opens its own "số" phrase
    last = next((i for i in range(len(whole) - 1, 0, -1) if _NUMBER_PHRASE.match(text, *whole[i])), 0)
    whole = whole[last:]
    if not whole or not _NUMBER_PHRASE.match(text[whole[0][0]:whole[0][1]]):
        return []
    head = noun.split(",")[0].split()[-1].lower()
    words = " ".join(text[s:e] for s, e in whole).lower().split()
    # ("… là 3.420 lượt người": a noun of generic words only says nothing either)
    generic = noun.lower() in SAYS_NOTHING or all(w in SAYS_NOTHING for w in noun.lower().split())
    return whole if generic or head in words else []


def _semicolon_start(text: str, s_start: int, pos: int) -> int:
    """The start of the list item before ``pos``: after the last ";" or ":"
    of the sentence (commas inside a noun phrase do not cut it)."""
    lo = max(s_start, pos - WINDOW)
    return max(text.rfind(";", lo, pos), text.rfind(":", lo, pos), lo - 1) + 1


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
