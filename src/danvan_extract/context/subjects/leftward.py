"""The noun phrase before a figure, read back from it to its clause's
start, and a rate's "tỷ lệ ..." phrase.
"""

from __future__ import annotations

import regex

from ...grammar.lazy import deferred, settle
from ...grammar.levels import PLAIN_UNITS as _UNIT_WORDS  # the level words of administrative units
from ..words import holds_letter

from .vocabulary import BODIES, MAX_RATE_WORDS, MAX_WORDS, Span, counted_nouns, head_noun
from .edges import cut, limit, trim
from .lists import list_start
from .money import GENERIC, GENERIC_FIRST

_PROPORTION = deferred(r"(?:tỷ|tỉ)\s+lệ", regex.I)


# ("đối với" is a preposition: "Mức cho vay đối với hộ nghèo là …" names the cap, no "với" that states it)
# ("với" before a name is the preposition "with": "dư nợ ủy thác qua Hội với Ngân hàng …")
# ("chiếm đoạt", "chiếm dụng": to embezzle, a verb of its own, not "chiếm" that states a share; "đạt chuẩn",
# "đạt danh hiệu": meeting a standard defines the noun before it, "xã đạt chuẩn"; "vốn tự có", "sẵn có": one's
# own, existing, an adjective and no "có" that states a figure)
_INNER_VERB = deferred(r"(?<![\p{L}])(?:có(?<!(?:tự|sẵn)\scó)|gồm|với(?<!đối\svới)(?!\s+(?-i:\p{Lu}))|là|đạt(?!\s+(?:chuẩn|danh\s+hiệu)(?![\p{L}]))"
                            r"|chiếm(?!\s+(?:đoạt|dụng|giữ)(?![\p{L}]))|nhận\s+định|dự\s+báo|cho\s+biết|cho\s+thấy|khẳng\s+định|đánh\s+giá|báo\s+cáo"
                            # ("kinh tế … duy trì tốc độ tăng trưởng bình quân 9,2%/năm": keeps a rate at the figure)
                            r"|công\s+bố|chỉ\s+định|duy\s+trì"
                            # ("HTX đặt mục tiêu doanh thu 7 tỷ đồng": the verb of aiming, then what is measured)
                            r"|(?:đặt|đề)\s+ra\s+mục\s+tiêu|đặt\s+mục\s+tiêu|phấn\s+đấu)\s+", regex.I)


# the verbs of a relative clause after a counted noun ("hộ có điện thoại thông minh")
_RELATIVE_VERBS = frozenset({"có", "là", "đạt"})


_LETTERS = deferred(r"\p{L}+")
_PROPERTY_NEXT = deferred(r"(?:tổng|số|tỷ\s+lệ|tỉ\s+lệ|diện\s+tích|mức)(?![\p{L}])", regex.I)


def _defines_population(text: str, start: int, verb) -> bool:
    """"Hộ có điện thoại thông minh chiếm 62%", "Số hộ có Internet": the verb
    opens a clause that defines the counted noun before it (a population),
    not the predicate of an agent ("Đảng bộ xã có đảng viên nữ 26 người")."""
    if verb.group().split()[0].lower() not in _RELATIVE_VERBS or _PROPERTY_NEXT.match(text, verb.end()):
        return False  # ("Dự án có tổng số diện tích đất là": a property of the agent)
    words = _LETTERS.findall(text[start:verb.start()].lower())
    if not words or words[0] in ("số", "tổng"):
        return bool(words)
    head = head_noun(words, counted_nouns())
    return head is not None and head not in BODIES and head not in _UNIT_WORDS


def _after_last_verb(text: str, pieces: list[Span]) -> list[Span]:
    """"Đảng bộ xã A có đảng viên nữ 26 người": what comes after the last
    verb that states the figure is what it counts."""
    if not pieces:
        return pieces
    found = list(_INNER_VERB.finditer(text, pieces[0][0], pieces[-1][1]))
    if not found or _defines_population(text, pieces[0][0], found[-1]):
        return pieces
    cut = found[-1].end()
    kept = [(max(s, cut), e) for s, e in pieces if e > cut]
    return trim(text, kept) if kept else pieces


def left_phrase(text: str, clause_start: int, fig_start: int, holes: list[Span], max_words: int = MAX_WORDS,
                after_verb: bool = True) -> list[Span]:
    """The noun phrase before the figure in its clause, without the verb
    that states the figure, place and time phrases; a list of counted
    nouns before the clause's comma opens it ("Cán bộ, công chức ...")."""
    clause_start = list_start(text, clause_start)
    pieces = cut(text, clause_start, fig_start, holes)
    if after_verb:
        pieces = _after_last_verb(text, pieces)
    pieces = limit(text, pieces, keep_end=True, most=max_words)
    joined = " ".join(text[s:e] for s, e in pieces)
    if not joined or GENERIC_FIRST[joined[0]] and GENERIC.match(joined):
        return []
    return pieces


def rate_word_in(text: str, start: int, end: int) -> bool:
    """``[start, end)`` may hold "tỷ lệ" (it holds its "ệ"): a test before
    the search for a rate's phrase."""
    return holds_letter(text, start, end, "ệ")


_VERB_THEN_RATE = deferred(r"(?<![\p{L}])(?:đạt|chiếm|với|có|ở\s+mức)\s+(?:tỷ|tỉ)\s+lệ$", regex.I)


def proportion_phrase(text: str, clause_start: int, fig_start: int, holes: list[Span]) -> list[Span]:
    """"tỷ lệ hộ nghèo giảm còn 19,3%" → "tỷ lệ hộ nghèo"."""
    seg = text[clause_start:fig_start]
    found = list(_PROPORTION.finditer(seg)) if rate_word_in(text, clause_start, fig_start) else []
    if found and _VERB_THEN_RATE.search(seg, 0, found[-1].end()) and not seg[found[-1].end():].strip():
        found.pop()  # "đạt tỷ lệ 99,5%": a property word after the verb names nothing
    if not found:
        return []
    s = clause_start + found[-1].start()
    pieces = cut(text, s, fig_start, holes)
    # the phrase is bounded by its verb: a rate's population may be long
    # ("tỷ lệ giải ngân vốn đầu tư xây dựng cơ bản")
    return limit(text, pieces, keep_end=False, most=MAX_RATE_WORDS)


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
