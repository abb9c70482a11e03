"""The edges of a noun phrase: the words a subject's phrase drops at its
start and end (adverbs, stating words, links to a place), the cut around
the holes a subject does not take, and the limit on its words.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.alternation import word_alternation
from ...grammar.lazy import deferred, settle
from ...scan.characters import WHITE  # the engine's white space, by character
from ...grammar.levels import PLAIN_UNITS as _UNIT_WORDS, written_pattern  # the level words of administrative units
from ..words import LETTER, lowered, may_end_with

from .vocabulary import ADVERBS, MAX_RATE_WORDS, MAX_WORDS, STATING, Span

# (and a conjunction whose second item was a place or a time, cut out: "các xã vùng cao và [thị trấn X]")
# ("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm": an average's word after a change word is the change's, no property)
# ("Tai nạn giao thông xảy ra 16 vụ": "xảy ra" after what occurs states a count of events as "có" does)
# ("ủng hộ số tiền 50 triệu đồng", "chiếm đoạt số tiền …": the generic name of the sum, as "tổng số tiền")
_TRAILING_SOURCE = (rf"(?:[\s,:]+|(?<![\p{{L}}])(?:đối\s+với|(?:cuối|hết)\s+năm|và|hoặc|(?:tăng|giảm)\s+(?:bình\s+quân|trung\s+bình)|(?<=\p{{L}}\s)xảy\s+ra|số\s+tiền"
                    rf"|{STATING}|{ADVERBS})(?![\p{{L}}]))+$")
# (compiled with the stating words as a trie: the same starts of matches, sooner)
_TRAILING = deferred(_TRAILING_SOURCE.replace(STATING, word_alternation(w.replace(r"\s+", " ") for w in STATING.split("|"))),
                     regex.I | regex.V0)
# Every stretch of letters a match of _TRAILING holds is one of these (the
# letters of the pattern's syntax, "s" of "\s", come along: more is safe).
_TRAILING_SYLLABLES = frozenset(regex.findall(r"\p{L}+", _TRAILING_SOURCE.lower()))

_LEADING_SOURCE = (
    r"^(?:[\s,:\-+•*]+|(?<![\p{L}])(?:trong\s+đó|cụ\s+thể|riêng|đến\s+nay|hiện\s+nay"
    # ("hiện vật quy đổi 400 triệu đồng": the noun "in kind", no adverb "now")
    r"|hiện(?!\s+(?:vật|trạng|trường))|tổng\s+cộng|ngoài\s+ra"
    r"|bên\s+cạnh\s+đó|theo\s+đó|đồng\s+thời|qua\s+đó|nhờ\s+đó|như\s+vậy|trong\s+khi|khi"
    # ("Trong số 3.200 đoàn viên, …": the base's preposition, no word of what is counted)
    # ("vừa khánh thành nhà văn hóa với tổng kinh phí …": the tense word "just", as "đã")
    r"|trong\s+(?:tổng\s+)?số\s*$|cả\s*$|trong|tại|ở|của|đã|đang|sẽ|vừa|có|và|cũng|thì"
    # ("Dự kiến kinh phí thực hiện khoảng 3,6 tỷ đồng": the estimate's word, as "ước tính")
    r"|năm\s+nay|năm\s+qua|đối\s+với|với|đó|này|là|lần\s+lượt|ước\s+tính|dự\s+kiến"
    # ("Phấn đấu tốc độ tăng trưởng … đạt 9%": the verb of aiming that opens a target, no word of what it measures)
    r"|phấn\s+đấu"
    r"|(?:tính\s+)?(?:đến|tới)\s+(?:cuối|hết)\s+năm|cuối\s+năm|đầu\s+năm"
    # ("Trung bình mỗi tháng xử lý 45 vụ …": a rate's time adverb, and an average's word before it, are no
    # average per unit; see trim for the average's word alone)
    r"|(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý|tuần|ngày))(?![\p{L}]))+")
_LEADING = deferred(_LEADING_SOURCE, regex.I | regex.V0)
# the stretches of letters a match of _LEADING can open with (and letters of its syntax: more is safe)
_LEADING_SYLLABLES = frozenset(regex.findall(r"\p{L}+", _LEADING_SOURCE.lower()))
_LEADING_MARKS = "".join(sorted(WHITE)) + ",:-+•*"  # (its first class, by character)

# ("của các huyện A, B": the plural word before the places goes with them)
PLACE_LINK = deferred(r"(?:\s|^)(?:của|tại|ở|trên\s+địa\s+bàn|trên\s+toàn|thuộc|trong|toàn|cả)(?:\s+(?:các|những))?\s*$",
                      regex.I)
PLACE_LINK_ENDS = ("của", "tại", "ở", "bàn", "thuộc", "trong", "toàn", "cả", "các", "những")  # (what its matches end with)


def cut(text: str, s: int, e: int, holes: list[Span]) -> list[Span]:
    """``[s, e)`` without the place and time mentions inside it (and the
    preposition that introduces them); ``holes`` sorted, as every caller
    keeps them."""
    pieces, pos = [], s
    for hs, he in holes:
        if hs >= e:
            break  # (the later ones start later still)
        if he <= s or _level_modifier(text, pos, hs, he):
            continue
        link = PLACE_LINK.search(text[pos:hs]) if may_end_with(text[pos:hs], PLACE_LINK_ENDS) else None
        cut_at = pos + link.start() if link else hs
        if cut_at > pos:
            pieces.append((pos, cut_at))
        pos = max(pos, he)
    if pos < e:
        pieces.append((pos, e))
    return trim(text, pieces, relative_after_hole=True)


_WORD_BEFORE = deferred(r"(?<![\p{L}])\p{Ll}+[^\S\n]$")


def _level_modifier(text: str, pos: int, hs: int, he: int) -> bool:
    """"công chức xã", "ngân sách huyện": a level word alone right after a
    noun, with no link before it, is part of the noun (a category), no place."""
    return (text[hs:he] in _UNIT_WORDS and hs - pos >= 2
            and bool(_WORD_BEFORE.search(text, max(pos, hs - 12), hs))
            and not (may_end_with(text[pos:hs], PLACE_LINK_ENDS) and PLACE_LINK.search(text[pos:hs])))


# "tỷ lệ người dân [thị xã A] có thẻ bảo hiểm y tế": after a place cut out of a
# noun phrase, "có" opens the relative clause that defines the noun
_HAVE_THEN_WORD = deferred(r"\s*(?=có\s+\p{L})", regex.I)


_BOUND_ALONE = deferred(r"[^\S\n]*(?:tối\s+đa|tối\s+thiểu)[^\S\n]*", regex.I)
_AVERAGE_ALONE = deferred(r"[^\S\n]*(?:bình\s+quân|trung\s+bình)[^\S\n]*", regex.I)
# "Tỷ lệ hộ nghèo thấp hơn 2,5% so với …", "Mức hỗ trợ cao hơn năm trước 5 triệu đồng": a comparative
# right before the figure, with the base it is compared with, states the figure (as "tăng" does); one
# followed by a copula defines the noun ("Số hộ có thu nhập cao hơn mức trung bình là 450 hộ")
_COMPARED = deferred(r"(?<![\p{L}])(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s+hơn(?![\p{L}])"
                     r"(?:(?!\s(?:là|đạt|bằng|chiếm|có)(?![\p{L}]))[^\d\n,;:()]){0,40}$", regex.I)
# (a time cut out of the piece may take its "hơn": "cao [hơn năm 2023] khoảng 120 tỷ đồng")
# ("Giá lúa dao động quanh mức 7.800 đồng/kg", "Mức hỗ trợ dao động từ …", "Giá lợn hơi ở mức …": verbs that
# state a level or a range as "đạt" does, with the stating words after them)
_RANGE_VERB = deferred(r"(?:dao\s+động(?:\s+(?:quanh|ở|trong\s+khoảng))?|ở\s+mức)"
                       r"(?:\s+(?:mức|khoảng|từ|trên|hơn|gần|dưới|là))*[\s,:]*", regex.I)


def _before_range_verb(text: str, s: int, e: int) -> int:
    """The end of ``[s, e)`` before a verb of a level or range that ends it
    ("dao động quanh mức", "ở mức"); ``e`` when none.  (Found by its
    syllables first: the pattern is tried at one place at most.)"""
    at = max(text.rfind("dao động", s, e), text.rfind("ở mức", s, e))
    if at <= s or text[at - 1].isalpha() or not _RANGE_VERB.fullmatch(text, at, e):
        return e
    return at


# (a limit or a norm: "hạn mức 50 triệu đồng", "được cấp định mức 300 triệu đồng")
_LEVEL_NOUN = deferred(r"(?<=(?<![\p{L}])(?:hạn|định))[^\S\n]+mức(?![\p{L}])", regex.I)
_COMPARED_CUT = deferred(r"(?<![\p{L}])(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s*$", regex.I)


def trim(text: str, pieces: list[Span], relative_after_hole: bool = False) -> list[Span]:
    out = []
    for i, (s, e) in enumerate(pieces):
        seg, first = text[s:e], s
        after_hole = relative_after_hole and i and out
        have = _HAVE_THEN_WORD.match(seg) if after_hole and seg.lstrip()[:3].lower() == "có " else None
        s += have.end() if have and leading_end(seg) <= have.end() + 3 else leading_end(seg)
        if s >= e or e - s < 16 and text[s] in "bBtT" and (_AVERAGE_ALONE.fullmatch(text, s, e)
                                                          or _BOUND_ALONE.fullmatch(text, s, e)):
            # (leading words and marks only: nothing is left to trim; "…, bình quân 437.000 đồng/hội viên",
            # "…, bình quân mỗi năm đào tạo nghề cho …": an average's word alone is the figure's qualifier
            # (FACTS.md: "bình quân", "trung bình" are `exact`), left out of the subject; so is a bound's word
            # alone: "…, tối đa không quá 50 triệu đồng/hộ")
            continue
        compared = (_COMPARED.search(text, s, e) if "hơn" in text[s:e]
                    else _COMPARED_CUT.search(text, s, e) if text[e:e + 6].lstrip().startswith("hơn ") else None)
        if compared:
            e = compared.start()
        e = _before_range_verb(text, s, e)
        start = _trailing_start(text[s:e])
        if start is not None:
            noun = _LEVEL_NOUN.match(text, s + start, e)
            if noun:
                # "hạn mức", "định mức": a noun whose last syllable is the stating "mức" stays whole
                rest = _trailing_start(text[noun.end():e])
                start = noun.end() - s + (rest if rest is not None else e - noun.end())
            e = s + start
        if e < len(text) and _OR_MORE.match(text, e, e + 8) and may_end_with(text[s:e], ("trở",)):
            e = _OR_MORE.match(text, e, e + 8).end()  # "đại học trở lên": one phrase, no verb "lên"
        if may_end_with(text[s:e], _UNIT_WORDS):
            # (from the piece's first word: "của tỉnh" may open it)
            e = max(s, _before_unit_phrase(text, first, e))
        s, e = stripped_of(text, s, e, " ,:;-=\"'“”", " ,:;-=")  # ("1 USD = 25.450 VND": the sign names nothing)
        if e > s:
            out.append((s, e))
    return out


# "tốc độ tăng trưởng kinh tế của huyện": a unit named by its level word alone (_UNIT_WORDS: no common word),
# after a place link, is the location ("thu trên địa bàn", "cấp huyện" stay)
# ("thấp nhất tỉnh", "cao nhất huyện": the frame a figure is compared with, no part of what it measures)
_UNIT_PHRASE = deferred(r"[\s,]*(?<![\p{L}])(?:của|tại|ở|trên\s+địa\s+bàn|thuộc|trong|toàn"
                        r"|(?:cao|thấp|lớn|nhỏ|nhiều|ít)\s+nhất(?:\s+(?:của|trong|toàn))?)\s+(?:(?:các|mỗi|từng|cả)\s+)?"
                        r"(?:" + written_pattern(_UNIT_WORDS) + r")\s*$", regex.I)


_OR_MORE = deferred(r"\s+(?:lên|xuống)(?![\p{L}])", regex.I)


def _before_unit_phrase(text: str, s: int, e: int) -> int:
    """The end of ``[s, e)`` without a place phrase that closes it, and the
    stating words before that."""
    m = _UNIT_PHRASE.search(text, s, e)
    if not m:
        return e
    start = _trailing_start(text[s:m.start()])
    return s + start if start is not None else m.start()


def leading_end(seg: str) -> int:
    """Where the match of _LEADING that opens ``seg`` ends (0: none).  The
    match is costly: marks before no syllable of its words (most often one
    space before the phrase) are all it takes, told without it."""
    marks = len(seg) - len(seg.lstrip(_LEADING_MARKS))
    end, letter = marks, LETTER
    while end < len(seg) and letter[seg[end]]:
        end += 1
    low = lowered(seg[marks:end])
    if low is not None and low not in _LEADING_SYLLABLES:  # ("" when no word follows)
        return marks
    m = _LEADING.match(seg)
    return m.end() if m else 0


_TRAILING_MARKS = " \t\n,:"  # (some of what _TRAILING takes between its words)


def _trailing_start(seg: str) -> Optional[int]:
    """Where the match of _TRAILING in ``seg`` starts (None: none), searched
    from its earliest start; a mere run of marks there is its match."""
    start = _trailing_from(seg)
    if start == len(seg):
        return None
    if not seg[start:].strip(_TRAILING_MARKS):
        return start
    m = _TRAILING.search(seg, start)
    return m.start() if m else None


def _trailing_from(seg: str) -> int:
    """Where a match of _TRAILING in ``seg`` starts at the earliest: after
    the last stretch of letters that is no syllable of its words (the
    search tries every position before, each costly)."""
    low = lowered(seg)
    if low is None:
        return 0
    end, letter = len(seg), LETTER
    while end:  # each stretch of letters, the last first
        while end and not letter[seg[end - 1]]:
            end -= 1
        start = end
        while start and letter[seg[start - 1]]:
            start -= 1
        if start < end and low[start:end] not in _TRAILING_SYLLABLES:
            return end
        end = start
    return 0


def stripped_of(text: str, s: int, e: int, lead: str, trail: str) -> Span:
    """``[s, e)`` without the characters of ``lead`` at its start and of
    ``trail`` at its end."""
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in trail:
        e -= 1
    return s, e


_NON_SPACE = deferred(r"\S+")


def limit(text: str, pieces: list[Span], keep_end: bool, most: int = MAX_WORDS) -> list[Span]:
    """At most ``most`` words, the ones nearest the figure."""
    if _few_words(text, pieces, most):
        return pieces
    words = [(m.start() + s, m.end() + s) for s, e in pieces for m in _NON_SPACE.finditer(text[s:e])]
    if len(words) <= most:
        return pieces
    if keep_end:
        # "dư nợ cho vay của Phòng giao dịch Ngân hàng …": a head noun before
        # "của" and a named holder is what is meant, not the holder's name
        of = _of_named_holder(text, words, most)
        last = words[of - 1][1] if of else None
        if last is not None:
            return [(s, min(e, last)) for s, e in pieces if s < last]
        if _of_holder(text, words, most):
            # "tổng số tiền đóng góp của các tổ chức, cá nhân …": the head before "của" and its
            # holder (a longer phrase: the window of a rate's), not the holder's last words alone
            last = words[min(len(words), MAX_RATE_WORDS) - 1][1]
            return [(s, min(e, last)) for s, e in pieces if s < last]
        first = words[-most][0]
        return [(max(s, first), e) for s, e in pieces if e > first]
    last = words[most - 1][1]
    return [(s, min(e, last)) for s, e in pieces if s < last]


def _of_holder(text: str, words: list[Span], most: int) -> bool:
    """A "của" after the first word and within the first ``most`` words, whose
    holder the window would keep without its head, or, in a phrase no longer
    than a rate's window, the head's first words ("Mức đóng bảo hiểm y tế hộ
    gia đình của người thứ nhất" would lose "Mức đóng bảo")."""
    whole = len(words) <= MAX_RATE_WORDS
    return any(text[s:e].lower() == "của" for s, e in words[1:most if whole else min(most, len(words) - most + 1)])


def _of_named_holder(text: str, words: list[Span], most: int) -> Optional[int]:
    """The index of a "của" (or "qua": through a body) among the first
    ``most`` words that a capitalised name follows (the holder: "của Ngân
    hàng …", "dư nợ ủy thác qua Hội với Ngân hàng …"), else None."""
    for j in range(1, min(most, len(words) - 1) + 1):
        s, e = words[j]
        if text[s:e].lower() in _HOLDER_LINKS and text[words[j + 1][0]].isupper():
            return j
    return None


_HOLDER_LINKS = frozenset({"của", "qua"})  # ("với" after a verb links its partner: "tín chấp với Ngân hàng")


_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")  # white space to str.split(), not to \s


def _few_words(text: str, pieces: list[Span], most: int) -> bool:
    """At most ``most`` words (runs of \\S) in ``pieces``, as str.split()
    counts them (a few control characters aside, it splits where \\s is)."""
    seg = " ".join([text[s:e] for s, e in pieces])
    # (a printable text holds none of them: one pass instead of a scan for each)
    if not seg.isprintable() and any(ch in seg for ch in _SPLIT_ONLY):
        return False
    return len(seg.split()) <= most


def stripped(text: str, s: int, e: int) -> Span:
    """``[s, e)`` without white space and commas at its ends."""
    return stripped_of(text, s, e, " ,", " ,")


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
