"""Predicates and verbs: where a clause's predicate opens, the verbs of
doing that tell one figure from another, the tense words, and the verbs
of giving that precede a sum.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.alternation import alternation
from ...grammar.lazy import deferred, settle
from ..words import lowered
from ...grammar.pattern_cache import compile_std

from .vocabulary import SCAN, STATING, Span

# a verb that opens a predicate defining the noun before it
# (and "bị", the passive of harm: "12.000 hộ của huyện A bị ngập")
_PREDICATE_VERBS = r"(?:đạt|có|được|bị|là|thuộc|tham\s+gia|tham\s+dự|hoàn\s+thành|sử\s+dụng|đang|đã)\s"
PREDICATE_IN = deferred(rf"(?<![\p{{L}}])(?:(?:đều|cũng|vẫn|hiện)\s+)*(?P<p>{_PREDICATE_VERBS})", regex.I)
# a phrase that ends in its predicate verb ("hộ tham gia")
ENDS_IN_PREDICATE = deferred(r"(?<![\p{L}])" + _PREDICATE_VERBS[:-len(r"\s")] + "$", regex.I)
PREDICATE = deferred(_PREDICATE_VERBS, regex.I)


def has_predicate(text: str, pieces: list[Span]) -> bool:
    """A predicate verb stands in the phrase ("hộ có nhà tiêu …"): a clause,
    no bare modifier."""
    return any(PREDICATE_IN.search(text, s, e) for s, e in pieces)


def before_predicate(text: str, span: Span) -> Span:
    """``span`` up to its first tense or predicate verb ("dự án sẽ tạo …" →
    "dự án"), whole when none opens past its first word."""
    s, e = span
    verb = _TENSE.search(text, s, e) or PREDICATE_IN.search(text, s, e)
    if not verb:
        return span
    end = verb.start()
    while end > s and text[end - 1].isspace():
        end -= 1
    return (s, end) if end > s else span


def predicate_in(text: str, start: int, end: int) -> Optional[regex.Match]:
    """The first predicate verb in ``[start, end)`` ("hộ có nhà tiêu …"), or None."""
    return PREDICATE_IN.search(text, start, end)


def opens_predicate(text: str, pos: int) -> bool:
    """A predicate that defines a noun opens at ``pos`` ("đạt chuẩn ...",
    "chưa có ...")."""
    return bool(PREDICATE.match(text, pos, pos + SCAN) or _NEGATION.match(text, pos, pos + 10))


_NEGATION = deferred(r"(?:chưa|không)\s", regex.I)


_VERBS = (r"giải\s+quyết|thành\s+lập|xây\s+dựng|xây\s+mới|sửa\s+chữa|hỗ\s+trợ|cấp|trồng|khởi\s+công|hoàn\s+thành"
          r"|bố\s+trí|sắp\s+xếp|đào\s+tạo|tập\s+huấn|giới\s+thiệu|kết\s+nạp|vận\s+động|thăm|tặng|trao"
          r"|khám|cấp\s+phát|di\s+dời|tái\s+định\s+cư|công\s+nhận|phát\s+triển|giải\s+ngân|cho\s+vay"
          # (not "khai trừ", "thi hành …": "khai", "thi" open too many words for the cheap test on heads)
          r"|xóa\s+tên|kỷ\s+luật"
          # (verbs of inspection and sanction: "kiểm tra 320 cơ sở, phát hiện 45 cơ sở vi phạm, xử phạt 38 cơ sở")
          r"|kiểm\s+tra|giám\s+sát|xử\s+phạt|xử\s+lý|phát\s+hiện|tiếp\s+nhận"
          # (records processed against their deadline: "giải quyết đúng hạn 24.102 hồ sơ, trễ hạn 38 hồ sơ")
          r"|trễ\s+hạn|quá\s+hạn")
# "cấp tỉnh", "cấp huyện": "cấp" before a level is the tier, a noun, no verb "cấp" (to grant)
# (the test after the word: tried only where "cấp" stands)
_NOT_TIER = r"(?!\s+(?:tỉnh|huyện|xã|thành\s+phố|thị\s+xã|quận|phường|cơ\s+sở|trên|dưới|trung\s+ương)(?![\p{L}]))"
_VERBS_NO_TIER = _VERBS.replace("|cấp|", rf"|cấp{_NOT_TIER}|")
VERB_START = deferred(rf"^(?:{_VERBS_NO_TIER})", regex.I)
AND_VERB_TAIL = deferred(rf"[^\S\n]+và[^\S\n]+(?:{_VERBS_NO_TIER}|tổ\s+chức|mở|làm\s+mới)(?![\p{{L}}])"
                         r"(?:[^\S\n]+\p{L}+){0,2}[^\S\n]*$", regex.I)
VERB_INSIDE = deferred(rf"(?<![\p{{L}}])(?:{_VERBS_NO_TIER})(?![\p{{L}}])", regex.I)

_VERB_HEADS = tuple(sorted({verb.split("\\s+")[0] for verb in _VERBS.split("|")}))  # the first syllable of each
_VERB_HEAD_IN = compile_std(alternation(_VERB_HEADS))  # (a scan for them all, in a lowered text)


def may_hold_verb_head(seg: str) -> bool:
    """``may_hold(seg, *_VERB_HEADS)`` by one scan (a test per head scans
    the text once each)."""
    low = lowered(seg)
    return low is None or _VERB_HEAD_IN.search(low) is not None


def holds_verb(text: str, pieces: list[Span]) -> bool:
    """A verb of the list stands in the phrase ("Phấn đấu kết nạp")."""
    return any(VERB_INSIDE.search(text, s, e) for s, e in pieces)


def starts_with_verb(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a verb that tells a figure from its siblings."""
    return bool(pieces) and bool(VERB_START.match(text[pieces[0][0]:pieces[0][1]]))


TENSE_WORDS = "đã|đang|sẽ|vừa"
_TENSE = deferred(rf"(?<![\p{{L}}])(?:{TENSE_WORDS})\s+", regex.I)


def predicate(text: str, pieces: list[Span]) -> list[Span]:
    """The pieces after the tense word that opens the predicate ("Tổ công tác
    đã kiểm tra ..." → "kiểm tra ..."): the words before it are the agent
    (the pieces themselves when no tense word is there)."""
    found = list(_TENSE.finditer(text, pieces[0][0], pieces[-1][1])) if pieces else []
    if not found:
        return pieces
    cut = found[-1].end()
    return [(max(s, cut), e) for s, e in pieces if e > cut]


def verb_first(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a verb (of the list, else as the tagger reads
    its first word)."""
    return bool(pieces) and opens_with_verb(text, pieces[0])


def opens_with_verb(text: str, span: Span) -> bool:
    if VERB_START.match(text[span[0]:span[1]]):
        return True
    from ...nlp import first_word_tag  # the tagger only decides the few words left

    return first_word_tag(text[span[0]:span[1]])[0] == "V"


STATING_INSIDE = deferred(rf"(?<![\p{{L}}])(?:{STATING})(?![\p{{L}}])", regex.I | regex.V0)


def states_figure(text: str, start: int, end: int) -> bool:
    """A word that states a figure ("đạt", "chiếm", "là", …) stands in ``[start, end)``."""
    return bool(STATING_INSIDE.search(text, start, end))


# ("khẩn cấp" urgent, "các cấp" the tiers: no verb "cấp")
# ("quà tặng": a gift, a noun)
# ("vốn đầu tư", "nhà đầu tư": investment capital, an investor, nouns; "phụ cấp", "trợ cấp" are an allowance, whole; "ngân sách cấp trên" is a tier, not the verb "cấp")
SUPPORT_VERB = deferred(r"(?<![\p{L}])(?:hỗ\s+trợ|(?<!(?:vốn|nhà)\s)đầu\s+tư|dành|ủng\s+hộ|vận\s+động|huy\s+động|giải\s+ngân|cho\s+vay"
                             r"|(?:(?:phụ|trợ)\s+)?cấp(?<!(?:khẩn|các|mọi|cùng)\scấp)(?!\s+(?:trên|dưới)(?![\p{L}]))|chi|trao|tiếp\s+nhận"
                             r"|tặng(?<!quà\stặng)|quyên\s+góp|đóng\s+góp|bố\s+trí|phân\s+bổ|thu(?<!doanh\sthu)|nộp|góp)(?![\p{L}])", regex.I)


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
