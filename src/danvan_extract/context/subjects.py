"""The subject of a figure: the noun phrase naming what it counts,
measures or shares, as FACTS.md "Context" defines it.

Rules over the clause around the figure: a count's noun and the words
that define it; a percentage's "tỷ lệ ..." phrase or the noun phrase
before its verb ("đồng bào dân tộc thiểu số chiếm trên 88%"), else the
subject of the figure it is a share of; money's and area's noun phrase
before the verb, else the purpose or land after the unit.  Returns pieces
of the normalized text (spans), joined later as written.  The ``holes``
each function takes (the place, time and figure mentions no subject
takes) are sorted spans.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Callable, Optional

import regex

from ..grammar.rules import load_rules
from ..grammar.alternation import alternation, word_alternation
from ..grammar.lazy import deferred, settle
from ..extractors.table_cells import header_cell_bounds, header_line, in_table_row
from ..scan.anchors import _WHITE  # the engine's white space, by character
from .places import _LETTER  # a letter's test
from ..grammar.levels import PLAIN_UNITS as _UNIT_WORDS, WRITTEN as _LEVELS, written_pattern  # the level words of administrative units
from .words import CharClass, holds_letter, lowered, may_end_with
from ..extractors.base import last_match
from ..grammar.pattern_cache import compile_std

Span = tuple[int, int]

# Verbs and words that state a figure: left out of the subject.
_STATING = (r"đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ|chiếm\s+tỷ\s+lệ|chiếm\s+tỉ\s+lệ|với\s+tỷ\s+lệ|với\s+tỉ\s+lệ"
            r"|có\s+tổng\s+số|với\s+tổng\s+số|với\s+tổng"
            r"|tổng\s+số\s+tiền|tổng\s+kinh\s+phí|tổng\s+số|trị\s+giá|giảm\s+còn|tăng\s+lên|giảm\s+xuống|lên\s+tới|lên\s+đến"
            r"|đạt\s+được|đạt|chiếm|là|có|với|bằng|còn|được|gồm|tăng|giảm|khoảng|trên|hơn|gần|ước\s+tính|ước\s+đạt|ước"
            r"|xấp\s+xỉ|chừng|dưới|tới|đến|lên|xuống|hết|tương\s+đương|tương\s+ứng|cho|số\s+lượng|mức|tổng|từ|giữa|đã|với\s+số"
            r"|ước\s+thực\s+hiện|thực\s+hiện|dự\s+báo|dự\s+kiến")
# "mới" after a verb of making is part of it ("xây mới", "thành lập mới"), and of
# the programme's names "nông thôn mới", "đô thị mới"
# ("chứng chỉ", "địa chỉ", "thực hiện", "phát hiện": nouns and verbs of their own)
_ADVERBS = (r"vẫn|còn|đã|đang|sẽ|chỉ(?<!(?:chứng|địa)\s+chỉ)|lại|cũng|mới(?<!(?:xây|trồng|lập|nạp|làm|tạo|mở|thôn|thị)\s+mới)|luôn"
            r"|đều|thì|nay|hiện(?<!(?:thực|phát|xuất|thể)\s+hiện)|lần\s+lượt")
# (and a conjunction whose second item was a place or a time, cut out: "các xã vùng cao và [thị trấn X]")
# ("Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm": an average's word after a change word is the change's, no property)
_TRAILING_SOURCE = (rf"(?:[\s,:]+|(?<![\p{{L}}])(?:đối\s+với|(?:cuối|hết)\s+năm|và|hoặc|(?:tăng|giảm)\s+(?:bình\s+quân|trung\s+bình)"
                    rf"|{_STATING}|{_ADVERBS})(?![\p{{L}}]))+$")
# (compiled with the stating words as a trie: the same starts of matches, sooner)
_TRAILING = deferred(_TRAILING_SOURCE.replace(_STATING, word_alternation(w.replace(r"\s+", " ") for w in _STATING.split("|"))),
                     regex.I | regex.V0)
# Every stretch of letters a match of _TRAILING holds is one of these (the
# letters of the pattern's syntax, "s" of "\s", come along: more is safe).
_TRAILING_SYLLABLES = frozenset(regex.findall(r"\p{L}+", _TRAILING_SOURCE.lower()))
# Counted nouns that say nothing of what is counted: the noun phrase before
# the figure names it ("Đảng viên 26 vị", "Ban Chấp hành gồm 56 người").
# ("1.120 cụ": the polite word for elderly persons, as "em", "cháu" for children)
GENERIC_NOUNS = frozenset({"vị", "người", "con", "cái", "chiếc", "trường hợp", "lượt", "khoản", "đồng chí", "em", "cháu", "cụ"})
# Measure words: alone after a number they say nothing of what is counted.
CLASSIFIERS = frozenset({"căn", "suất", "phần", "tấm", "bộ", "chiếc", "cây", "bức", "lá", "đôi"})
SAYS_NOTHING = GENERIC_NOUNS | CLASSIFIERS  # nouns that alone name nothing counted
_CLAUSE_OPENER = deferred(r"(?:và|nhưng|còn|song|trong\s+đó|đồng\s+thời)(?![\p{L}])", regex.I)

_LEADING_SOURCE = (
    r"^(?:[\s,:\-+•*]+|(?<![\p{L}])(?:trong\s+đó|cụ\s+thể|riêng|đến\s+nay|hiện\s+nay"
    # ("hiện vật quy đổi 400 triệu đồng": the noun "in kind", no adverb "now")
    r"|hiện(?!\s+(?:vật|trạng|trường))|tổng\s+cộng|ngoài\s+ra"
    r"|bên\s+cạnh\s+đó|theo\s+đó|đồng\s+thời|qua\s+đó|nhờ\s+đó|như\s+vậy|trong\s+khi|khi"
    # ("Trong số 3.200 đoàn viên, …": the base's preposition, no word of what is counted)
    r"|trong\s+(?:tổng\s+)?số\s*$|cả\s*$|trong|tại|ở|của|đã|đang|sẽ|có|và|cũng|thì"
    r"|năm\s+nay|năm\s+qua|đối\s+với|với|đó|này|là|lần\s+lượt|ước\s+tính"
    # ("Phấn đấu tốc độ tăng trưởng … đạt 9%": the verb of aiming that opens a target, no word of what it measures)
    r"|phấn\s+đấu"
    r"|(?:tính\s+)?(?:đến|tới)\s+(?:cuối|hết)\s+năm|cuối\s+năm|đầu\s+năm"
    # ("Trung bình mỗi tháng xử lý 45 vụ …": a rate's time adverb, and an average's word before it, are no
    # average per unit; see _trim for the average's word alone)
    r"|(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý|tuần|ngày))(?![\p{L}]))+")
_LEADING = deferred(_LEADING_SOURCE, regex.I | regex.V0)
# the stretches of letters a match of _LEADING can open with (and letters of its syntax: more is safe)
_LEADING_SYLLABLES = frozenset(regex.findall(r"\p{L}+", _LEADING_SOURCE.lower()))
_LEADING_MARKS = "".join(sorted(_WHITE)) + ",:-+•*"  # (its first class, by character)
# Words that end a phrase read after a noun without belonging to it.
# ("1.200 suất quà trị giá 600 triệu đồng": "trị giá" states the next figure, as "đạt" does)
# ("1.245 tỷ đồng dư nợ thông qua 312 tổ …": "thông qua" before a figure brings the channel; not the verb
# "passed" of "biểu quyết thông qua nghị quyết", whose object follows, nor "được thông qua")
# ("cho 15 hộ vay không lãi tổng số tiền 200 triệu đồng": a generic name of the next sum states it too)
_RIGHT_TRAILING = deferred(r"(?:\s+(?:đạt|có|được|là|với|và|hoặc|chiếm|gồm|trị\s+giá|thông\s+qua(?<!được\sthông\squa)"
                           r"|(?:tổng\s+)?số\s+tiền|tổng\s+(?:giá\s+trị|kinh\s+phí|trị\s+giá)))+\s*$", regex.I)
_RIGHT_TRAILING_ENDS = ("đạt", "có", "được", "là", "với", "và", "hoặc", "chiếm", "gồm", "giá", "qua", "tiền", "trị",
                        "phí")  # (what its matches end with)

# ("của các huyện A, B": the plural word before the places goes with them)
_PLACE_LINK = deferred(r"(?:\s|^)(?:của|tại|ở|trên\s+địa\s+bàn|trên\s+toàn|thuộc|trong|toàn|cả)(?:\s+(?:các|những))?\s*$",
                       regex.I)
_PLACE_LINK_ENDS = ("của", "tại", "ở", "bàn", "thuộc", "trong", "toàn", "cả", "các", "những")  # (what its matches end with)
# Stop words: a trie of the plain ones (the engine tests each shared prefix
# once), then the ones with a condition.
_RIGHT_STOP_WORDS = ("của", "tại", "trên địa bàn", "với", "chiếm", "so với", "là",
                     "nhằm", "góp phần", "theo", "từ", "trên", "cho", "gồm", "đối với", "như",
                     "thì", "nhưng", "sau", "trước", "khi", "do", "vì", "nên", "cùng", "bình quân", "mỗi", "đều", "vẫn",
                     "lần này", "đợt này", "chung sống")
# "bão số 3", "học sinh lớp 1", "đơn vị bầu cử số 2": a number of one or two
# digits after "số", "lớp" or a grade's word names the thing (a designation), no figure
# ("tổng số 12 hộ", "trong số 5 xã": a count)
# ("dịch vụ công trực tuyến mức độ 4", "trường đạt chuẩn quốc gia mức độ 2", "bệnh viện hạng 2": a grade)
_DESIGNATOR = r"(?<![\p{L}])(?<!(?:tổng|trong|có|với|là|các|những)\s)(?:số|lớp|mức\s+độ|cấp\s+độ|hạng)\s"
# (each look-behind after what it looks back from: the engine finds the digit or
# the word first, instead of trying the look-behind at every position)
# ("sản phẩm OCOP 4 sao": a one-digit rating of stars grades the thing, as "mức độ 2" does)
_DIGIT_STOP = (rf"\d(?![^\S\n]+sao(?![\p{{L}}])(?<=(?<![\d.,])\d[^\S\n]+sao))"
               rf"(?:(?<!{_DESIGNATOR}\d?\d)|(?<={_DESIGNATOR}\d)(?=\d\d|\d?[.,/]\d))")
_RIGHT_STOP_INLINE_SOURCE = (
    r"[,.;:()|!?]|" + _DIGIT_STOP + r"|(?<![\p{L}])(?:" + word_alternation(_RIGHT_STOP_WORDS)
    + r"|và\s+\d|(?<!thực\s)hiện|(?<!trực\s)thuộc|ở(?<!(?:nhà|đất)\sở)|/"  # ("nhà ở" housing, "đất ở" residential land: nouns)
    # "bằng" of a compound noun ("mặt bằng", "đồng bằng", "văn bằng", "bằng khen"); "đến" after a verb of
    # moving or handing over is its direction ("hộ chuyển đến sinh sống", "trao đến các gia đình"), no time or bound
    r"|bằng(?<!(?:mặt|đồng|văn|công|cân)\sbằng)(?!\s+khen)|đến(?<!(?:chuyển|tìm|đưa|gửi|đi|trao)\sđến)"
    # a new quantity or predicate after "và" (a verb of giving: "và hiến 500 m2 đất"); a verb of helping or of
    # living there
    r"|và\s+(?:số|tổng|tỷ\s+lệ|tỉ\s+lệ|có|được|đã|sẽ|đang|không|chưa|hiến|đóng\s+góp|ủng\s+hộ|tặng|trao)"
    r"|giúp(?!\s+nhau)|(?:cùng\s+)?sinh\s+sống"
    r"|trong(?!\s+sạch)"  # ("chi bộ đạt trong sạch vững mạnh": the adjective "clean", no preposition)
    r"|năm(?<!lâu\snăm)"  # ("đất trồng cây lâu năm": perennial, no time)
    # a change word with a noun object is a verb phrase that defines ("320 hộ tăng thu nhập"), and
    # "giảm nghèo" a noun ("vốn Chương trình giảm nghèo"); a direction before a figure ends the phrase
    # ("từ 45 xã xuống còn 33 xã")
    r"|tăng(?!\s+(?:thu\s+nhập|cường|trưởng|gia(?!\s+(?:đình|súc))|năng\s+suất))|giảm(?!\s+(?:nghèo|thiểu|thiệt\s+hại))"
    r"|(?:xuống|lên)(?:\s+(?:còn|mức|đến|tới))?(?=\s+(?:(?:khoảng|hơn|trên|gần|dưới)\s+)?\d)"
    r")(?![\p{L}])")
_RIGHT_STOP = deferred(r"\n(?!(?-i:\p{Ll}))|\s-\s(?=(?-i:\p{Lu})|\d)|" + _RIGHT_STOP_INLINE_SOURCE, regex.I | regex.V0)
# (the stops of a stretch with no line break and no hyphen: its search tries fewer branches at each position)
_RIGHT_STOP_INLINE = deferred(_RIGHT_STOP_INLINE_SOURCE, regex.I | regex.V0)
_PROPORTION = deferred(r"(?:tỷ|tỉ)\s+lệ", regex.I)
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
# ("giá trị", "tổng giá trị": the value, as generic as "trị giá")
_GENERIC = deferred(r"^(?:tổng\s+số\s+tiền|tổng\s+kinh\s+phí|trị\s+giá|(?:tổng\s+)?giá\s+trị|số\s+tiền|thành\s+tiền|tổng\s+số|con\s+số\s+này"
                        r"|tổng\s+(?:số\s+)?vốn(?:\s+(?:đầu\s+tư|đăng\s+ký))?|tổng\s+mức\s+đầu\s+tư)$", regex.I)
_GENERIC_FIRST = CharClass(r"(?i)[tscg]")  # (the letters its words open with)
MAX_WORDS = 10
MAX_RATE_WORDS = 16  # (a rate's phrase, and a sum's read across a comma, run longer)
# How far ahead a match at a fixed position may look: the clause is read at
# most this far from its figure, and without an end position the regex
# engine scans the rest of the text for a literal the pattern needs.
_SCAN = 300


def starts_clause(text: str, pos: int) -> bool:
    """The words at ``pos`` open a new clause ("và", "trong đó"), no modifier."""
    return bool(_CLAUSE_OPENER.match(text, pos, pos + 40))


def _cut(text: str, s: int, e: int, holes: list[Span]) -> list[Span]:
    """``[s, e)`` without the place and time mentions inside it (and the
    preposition that introduces them); ``holes`` sorted, as every caller
    keeps them."""
    pieces, pos = [], s
    for hs, he in holes:
        if hs >= e:
            break  # (the later ones start later still)
        if he <= s or _level_modifier(text, pos, hs, he):
            continue
        link = _PLACE_LINK.search(text[pos:hs]) if may_end_with(text[pos:hs], _PLACE_LINK_ENDS) else None
        cut_at = pos + link.start() if link else hs
        if cut_at > pos:
            pieces.append((pos, cut_at))
        pos = max(pos, he)
    if pos < e:
        pieces.append((pos, e))
    return _trim(text, pieces, relative_after_hole=True)


_WORD_BEFORE = deferred(r"(?<![\p{L}])\p{Ll}+[^\S\n]$")


def _level_modifier(text: str, pos: int, hs: int, he: int) -> bool:
    """"công chức xã", "ngân sách huyện": a level word alone right after a
    noun, with no link before it, is part of the noun (a category), no place."""
    return (text[hs:he] in _UNIT_WORDS and hs - pos >= 2
            and bool(_WORD_BEFORE.search(text, max(pos, hs - 12), hs))
            and not (may_end_with(text[pos:hs], _PLACE_LINK_ENDS) and _PLACE_LINK.search(text[pos:hs])))


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


def _trim(text: str, pieces: list[Span], relative_after_hole: bool = False) -> list[Span]:
    out = []
    for i, (s, e) in enumerate(pieces):
        seg, first = text[s:e], s
        after_hole = relative_after_hole and i and out
        have = _HAVE_THEN_WORD.match(seg) if after_hole and seg.lstrip()[:3].lower() == "có " else None
        s += have.end() if have and _leading_end(seg) <= have.end() + 3 else _leading_end(seg)
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
        s, e = _stripped(text, s, e, " ,:;-=\"'“”", " ,:;-=")  # ("1 USD = 25.450 VND": the sign names nothing)
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


def _leading_end(seg: str) -> int:
    """Where the match of _LEADING that opens ``seg`` ends (0: none).  The
    match is costly: marks before no syllable of its words (most often one
    space before the phrase) are all it takes, told without it."""
    marks = len(seg) - len(seg.lstrip(_LEADING_MARKS))
    end, letter = marks, _LETTER
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
    end, letter = len(seg), _LETTER
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


def _stripped(text: str, s: int, e: int, lead: str, trail: str) -> Span:
    """``[s, e)`` without the characters of ``lead`` at its start and of
    ``trail`` at its end."""
    while s < e and text[s] in lead:
        s += 1
    while e > s and text[e - 1] in trail:
        e -= 1
    return s, e


_NON_SPACE = deferred(r"\S+")
_QUOTED = deferred(r"[“\"][^”\"\n]{1,80}[”\"]")


def _limit(text: str, pieces: list[Span], keep_end: bool, most: int = MAX_WORDS) -> list[Span]:
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


# ("đối với" is a preposition: "Mức cho vay đối với hộ nghèo là …" names the cap, no "với" that states it)
# ("với" before a name is the preposition "with": "dư nợ ủy thác qua Hội với Ngân hàng …")
# ("chiếm đoạt", "chiếm dụng": to embezzle, a verb of its own, not "chiếm" that states a share; "đạt chuẩn",
# "đạt danh hiệu": meeting a standard defines the noun before it, "xã đạt chuẩn")
_INNER_VERB = deferred(r"(?<![\p{L}])(?:có|gồm|với(?<!đối\svới)(?!\s+(?-i:\p{Lu}))|là|đạt(?!\s+(?:chuẩn|danh\s+hiệu)(?![\p{L}]))"
                            r"|chiếm(?!\s+(?:đoạt|dụng|giữ)(?![\p{L}]))|nhận\s+định|dự\s+báo|cho\s+biết|cho\s+thấy|khẳng\s+định|đánh\s+giá|báo\s+cáo"
                            # ("kinh tế … duy trì tốc độ tăng trưởng bình quân 9,2%/năm": keeps a rate at the figure)
                            r"|công\s+bố|chỉ\s+định|duy\s+trì"
                            # ("HTX đặt mục tiêu doanh thu 7 tỷ đồng": the verb of aiming, then what is measured)
                            r"|(?:đặt|đề)\s+ra\s+mục\s+tiêu|đặt\s+mục\s+tiêu|phấn\s+đấu)\s+", regex.I)


# the verbs of a relative clause after a counted noun ("hộ có điện thoại thông minh")
_RELATIVE_VERBS = frozenset({"có", "là", "đạt"})
# counted nouns that name a body or a unit: before "có" they are its agent ("Đảng bộ xã có ...")
_BODIES = frozenset({"đảng bộ", "chi bộ", "hội", "chi hội", "chi đoàn", "ban", "ban ngành", "cơ quan", "đơn vị",
                     "tổ chức", "ngân hàng", "doanh nghiệp", "hợp tác xã", "sở", "ngành", "đoàn thể", "tổ", "nhóm",
                     "câu lạc bộ", "bệnh viện", "trường", "gia đình", "khu dân cư"})


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
    head = _head_noun(words, counted_nouns())
    return head is not None and head not in _BODIES and head not in _UNIT_WORDS


def _head_noun(words: list[str], nouns: frozenset[str]) -> Optional[str]:
    """The longest of the first three, two or one ``words`` that is one of ``nouns``, or None."""
    return next((" ".join(words[:n]) for n in (3, 2, 1) if " ".join(words[:n]) in nouns), None)


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
    return _trim(text, kept) if kept else pieces


def _phrase_end(text: str, start: int, limit: int) -> int:
    """Where the phrase that starts at ``start`` stops: a stop word,
    punctuation or another number; a quoted name after the noun stays whole
    ("mô hình “Dân vận khéo”")."""
    seg = text[start:limit]
    m = (_RIGHT_STOP if "\n" in seg or "-" in seg else _RIGHT_STOP_INLINE).search(seg)
    end = start + (m.start() if m else len(seg))
    if m and seg[m.start()].isdigit() and " và " in seg[:m.start()]:
        # "sửa chữa 3 nhà nhân ái và tổ chức 12 lớp học": a coordinated verb before the
        # next figure is that figure's, no part of this phrase
        verb = _AND_VERB_TAIL.search(text, start, end)
        if verb:
            end = verb.start()
    quoted = _QUOTED.search(seg) if ('"' in seg or "“" in seg) else None
    if quoted and quoted.start() <= (m.start() if m else len(seg)) + 1 and quoted.start() < 60:
        end = max(end, start + quoted.end())
    return end


# (a place mention opens with its level word)
_LEVEL_AT = deferred(r"(?:" + written_pattern(_LEVELS) + r")(?![\p{L}])", regex.I)
_QUALIFIER_WORDS = r"(?:dưới|trên|từ|hơn|gần|khoảng)"  # (before a number: "trẻ em dưới 1 tuổi")
_QUALIFIER_GAP = deferred(rf"[^\S\n]*(?:{_QUALIFIER_WORDS}[^\S\n]+)?", regex.I)
_QUALIFIER_BEFORE = deferred(rf"(?<![\p{{L}}]){_QUALIFIER_WORDS}[^\S\n]+$", regex.I)
# (not the second word of a verb: "mở rộng 1,7 km đường", "kéo dài 3 km", "đào sâu 2 m")
_SIZE_BEFORE = deferred(r"(?<![\p{L}])(?<!(?:mở|nới|kéo|đào|vét)\s)(?:dài|rộng|sâu|dày)[^\S\n]*$", regex.I)


def size_before(text: str, lo: int, pos: int) -> Optional[int]:
    """Where the word of a size ("dài", "rộng") that ends right before the
    number at ``pos`` starts; None without one."""
    size = _SIZE_BEFORE.search(text, lo, pos)
    return size.start() if size else None


def right_phrase(text: str, start: int, limit: int) -> Optional[Span]:
    """The noun phrase that starts at ``start``, up to a stop word,
    punctuation or another number (at most ``limit``), with the later
    nouns of a list it opens ("người dân, học sinh")."""
    end = list_end(text, start, _phrase_end(text, start, limit), limit)
    if text[end:end + 1].isdigit():
        # a number stops the phrase: its qualifier goes with it ("trẻ em dưới 1 tuổi" → "trẻ em")
        qualifier = _QUALIFIER_BEFORE.search(text, max(start, end - 12), end)
        end = qualifier.start() if qualifier else end
        # and so does the word of the size it measures ("cây cầu bê tông dài 24 m" → "cây cầu bê tông")
        size = _SIZE_BEFORE.search(text, max(start, end - 8), end)
        end = size.start() if size else end
    while end > start and text[end - 1] in " ,-":
        end -= 1
    # from the space before ``start``: a phrase that is only a stating verb
    # ("1.016 hộ đạt 94%") names nothing
    lo = start - 1 if start and text[start - 1].isspace() else start
    trailing = _RIGHT_TRAILING.search(text, lo, end) if may_end_with(text[lo:end], _RIGHT_TRAILING_ENDS) else None
    if trailing:
        end = max(start, trailing.start())
    return (start, end) if end > start else None


def list_end(text: str, start: int, end: int, limit: int) -> int:
    """The end of the phrase ``[start, end)`` with the later nouns of a list
    its last item opens ("để phát triển kinh tế, xã hội vùng ...")."""
    item = start
    # (the object is the end of the phrase: a phrase of few words has an object of few words;
    # no comma after the phrase, no list: see next_list_item; a phrase that ends in its predicate
    # verb is whole, what follows its comma a clause of its own: "Với 250 hộ tham gia, mô hình …")
    while text.startswith(",", end) and (len(text[item:end].split()) <= _LIST_ITEM_WORDS
           or len(text[_object_start(text, item, end):end].split()) <= _LIST_ITEM_WORDS) and not (
            _ENDS_IN_PREDICATE.search(text, item, end)):
        item = next_list_item(text, end)
        if not item:
            break
        end = _phrase_end(text, item, max(limit, item + 120))
    return end


def _object_start(text: str, start: int, end: int) -> int:
    """Where the last item of a phrase starts: after its last predicate verb
    ("người sử dụng điện thoại thông minh" → "điện thoại thông minh"), the
    first of a list of objects."""
    found = last_match(_PREDICATE_IN, text, start, end)
    return found.end() if found else start


@lru_cache(maxsize=1)
def counted_nouns() -> frozenset[str]:
    """The countable nouns of the bundled lexicon."""
    return load_rules().lexicon("counted_nouns")


@lru_cache(maxsize=1)
def _not_nouns() -> frozenset[str]:
    return load_rules().lexicon("not_nouns")


_LIST_ITEM_WORDS = 4
_LIST_COMMA = deferred(r",[^\S\n]*(?=\p{Ll})")
_ITEM_WORDS = deferred(r"\p{L}+(?:[^\S\n]+\p{L}+){0,3}")
_ITEM_END = deferred(r"[,;:.!?()\n]|\d")
# a connective or a stating word after the comma opens a clause; other verbs are left to the tagger
_OPENS_CLAUSE = deferred(rf"(?:{_STATING}|{_ADVERBS}|trong\s+đó|đồng\s+thời)(?![\p{{L}}])", regex.I | regex.V0)


# Verbs that administrative Vietnamese coordinates with a comma over one object ("phòng, chống tham
# nhũng", "khám, chữa bệnh", "sửa chữa, nâng cấp trường học", "thu gom, xử lý rác thải"): the first
# of the pair before the comma, the second after it
_PAIR_OPENS = deferred(r"(?<![\p{L}])(?:phòng|khám|sửa\s+chữa|cải\s+tạo|xây\s+dựng|xây\s+mới|thu\s+gom|quản\s+lý"
                       r"|đào\s+tạo|tuyên\s+truyền|kiểm\s+tra|bảo\s+vệ|chăm\s+sóc|tiếp\s+xúc|gặp\s+gỡ)$", regex.I)
# ("245 cuộc tiếp xúc, đối thoại với nhân dân": the meeting and the dialogue it holds, one phrase)
_PAIRED_VERB = deferred(r"(?:chống|chữa|nâng\s+cấp|sửa\s+chữa|xử\s+lý|bảo\s+vệ|bồi\s+dưỡng|phổ\s+biến|giám\s+sát"
                        r"|phát\s+triển|cải\s+tạo|nuôi\s+dưỡng|giáo\s+dục|đối\s+thoại)(?![\p{L}])", regex.I)


def next_list_item(text: str, pos: int) -> int:
    """Where the next noun of a list starts when the comma at ``pos`` joins
    two nouns that share what follows ("đoàn viên, thanh niên sử dụng ..."):
    a noun (a countable one of the lexicon, else as underthesea tags the
    item's first word) that reaches the next comma without a figure of its
    own (not "hộ nghèo, hộ cận nghèo giảm còn 20 hộ"); else 0."""
    comma = _LIST_COMMA.match(text, pos, pos + 3) if text.startswith(",", pos) else None
    words = _ITEM_WORDS.match(text, comma.end(), comma.end() + 60) if comma else None
    if not words:
        return 0
    if _PAIRED_VERB.match(text, comma.end()) and _PAIR_OPENS.search(text, max(0, pos - 12), pos):
        return comma.end()  # "phòng, chống dịch", "sửa chữa, nâng cấp trường": two verbs share one object
    stop = _ITEM_END.search(text, comma.end(), comma.end() + _SCAN)
    if stop and stop.group().isdigit():
        return 0
    low = words.group().lower().split()
    if any(" ".join(low[:n]) in counted_nouns() for n in range(len(low), 0, -1)):
        return comma.end()
    if low[0] in _not_nouns() or _OPENS_CLAUSE.match(text, comma.end(), words.end()):
        return 0
    from ..nlp import first_word_is_noun  # the tagger only decides the few words left

    return comma.end() if first_word_is_noun(words.group())[0] else 0


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
# ("350 tập thể, 1.200 cá nhân được khen thưởng": a comma joins the items too)
_SHARED_AFTER = deferred(r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|(?:và|hoặc)[^\S\n]+)(?=\d)", regex.I)
_STATES = deferred(r"(?:đạt|có|là|gồm|chiếm|với)(?![\p{L}])", regex.I)


def item_follows(text: str, pos: int, limit: int) -> bool:
    """Another figure's item follows ``pos`` past "và", "hoặc" or a comma
    (its modifiers may be shared: see :func:`noun_clause`)."""
    return _SHARED_AFTER.match(text, pos, limit) is not None


_MAX_CLAUSE_WORDS = 20


_TWO_WORDS = deferred(r"(?:\S+\s+)?\S+")
_DIGIT = deferred(r"\d")


def _hole_at(holes: list[Span], pos: int) -> Optional[Span]:
    return next((h for h in holes if h[0] == pos), None)


def _free_ahead(text: str, link: Span, holes: list[Span]) -> bool:
    """No place, time or figure in a link ("trong huyện") or the two
    words after it."""
    words = _TWO_WORDS.match(text, link[1], link[1] + 60)
    end = words.end() if words else link[1]
    return not _DIGIT.search(text, link[1], end) and not any(link[0] <= hs < end for hs, _ in holes)


def _counted(text: str, hole: Optional[Span]) -> bool:
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
        link = _PLACE_LINK.search(text, pos, hs) if may_end_with(text[pos:hs], _PLACE_LINK_ENDS) else None
        pieces.append((pos, link.start() if link else hs))
        pos = he
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        s, e = _stripped(text, s, e, " ,-", " ,-")
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
        elif pos > start and not _counted(text, _hole_at(holes, pos)):
            break  # a link with nothing after it defines nothing
        if len(text[start:end].split()) >= _MAX_CLAUSE_WORDS:
            break
        link = _LINK_ON.match(text, end, limit)
        if link and _free_ahead(text, link.span(), holes):
            pos = link.end()
            continue
        through = _THROUGH_FIGURE.match(text, end, limit)
        hole = _hole_at(holes, through.end()) if through else None
        if _counted(text, hole):
            end = pos = hole[1]
            kept.append(hole)
            continue
        break
    own = _skip_named(text, start, end, [h for h in holes if h not in kept] if kept else holes)
    if len(text[start:end].split()) > bare_words:
        return own, []
    link = _SHARED_AFTER.match(text, end, limit)
    hole = _hole_at(holes, link.end()) if link else None
    more = noun_clause(text, hole[1] + 1, limit, holes)[0] if _counted(text, hole) else []
    shared = _shared(text, start, hole, more) if more and more[0][0] == hole[1] + 1 else []
    return own, shared


_UNIT_END = deferred(rf"(?<![\p{{L}}])(?:{'|'.join(level for level in _LEVELS if level.isalpha() or ' ' in level)})\s*$",
                          regex.I)
# a verb that opens a predicate defining the noun before it
# (and "bị", the passive of harm: "12.000 hộ của huyện A bị ngập")
_PREDICATE_VERBS = r"(?:đạt|có|được|bị|là|thuộc|tham\s+gia|tham\s+dự|hoàn\s+thành|sử\s+dụng|đang|đã)\s"
_PREDICATE_IN = deferred(rf"(?<![\p{{L}}])(?:(?:đều|cũng|vẫn|hiện)\s+)*(?P<p>{_PREDICATE_VERBS})", regex.I)
# a phrase that ends in its predicate verb ("hộ tham gia")
_ENDS_IN_PREDICATE = deferred(r"(?<![\p{L}])" + _PREDICATE_VERBS[:-len(r"\s")] + "$", regex.I)


def _shared(text: str, first_end: int, hole: Span, more: list[Span]) -> list[Span]:
    """What of the words after a later item ("và 12 hợp tác xã ...") goes
    for the bare noun before it too: a predicate does ("8 trường học và 3
    trạm y tế đạt chuẩn"), unless it states a figure of its own ("2 tiêu chí
    và 1 xã đạt 1 tiêu chí"); a modifier binds only the nearer noun ("30 hộ
    và 12 hợp tác xã kiểu mới"), save a category both units belong to ("24
    xã và 52 ấp đặc biệt khó khăn")."""
    if _STATES.match(text, more[0][0], more[0][1]):
        return [] if _DIGIT.search(text, more[0][0], more[-1][1]) else more
    if _UNIT_END.search(text, max(0, first_end - 20), first_end - 1) and _UNIT_END.search(text, hole[0], hole[1]):
        return more
    found = _PREDICATE_IN.search(text, more[0][0], more[-1][1])
    if not found:
        return []
    cut = found.start("p")
    return [(max(s, cut), e) for s, e in more if e > cut]


def left_phrase(text: str, clause_start: int, fig_start: int, holes: list[Span], max_words: int = MAX_WORDS,
                after_verb: bool = True) -> list[Span]:
    """The noun phrase before the figure in its clause, without the verb
    that states the figure, place and time phrases; a list of counted
    nouns before the clause's comma opens it ("Cán bộ, công chức ...")."""
    clause_start = _list_start(text, clause_start)
    pieces = _cut(text, clause_start, fig_start, holes)
    if after_verb:
        pieces = _after_last_verb(text, pieces)
    pieces = _limit(text, pieces, keep_end=True, most=max_words)
    joined = " ".join(text[s:e] for s, e in pieces)
    if not joined or _GENERIC_FIRST[joined[0]] and _GENERIC.match(joined):
        return []
    return pieces


_ITEM_BEFORE = deferred(r"(?:^|(?<=[,;:()\n.]))[^\S\n]*(?P<item>\p{L}+(?:[^\S\n]+\p{L}+){0,2})[^\S\n]*,[^\S\n]*$")


def _list_start(text: str, start: int) -> int:
    """Where a list of counted nouns joined by commas that ends right
    before ``start`` opens ("Cán bộ, công chức xã …"); else ``start``."""
    while start > 1 and text[start - 1] in ", ":
        if not _may_end_list_item(text, start):
            break
        item = _ITEM_BEFORE.search(text, max(0, start - 40), start)
        if not item or item.group("item").lower() not in counted_nouns():
            return _object_list_start(text, start)
        start = item.start("item")
    return start


_OBJECT_LIST_WORDS = 5  # (the words of the verb's object before the comma: a noun phrase, no clause)


def _object_list_start(text: str, start: int) -> int:
    """"cho vay học sinh, sinh viên 6 tỷ đồng", "Hội tặng quà hội viên, cựu
    chiến binh …": where the clause opens whose verb of giving or making has
    for object a countable noun coordinated with the one at ``start`` (the
    verb's object is the whole list); else ``start``."""
    counted = counted_nouns()
    after = text[start:start + 40].lower().split()
    if not any(" ".join(after[:n]) in counted for n in (1, 2, 3)):
        return start  # (the cheap test first: no countable noun after the comma, no list)
    comma = text.rfind(",", max(0, start - 3), start)
    if comma <= 0:
        return start
    lo = max(0, comma - 80)
    seg_start = max(text.rfind(ch, lo, comma) for ch in ",;:()\n.") + 1
    if seg_start <= 0 and lo:
        return start  # (a clause longer than that is no short verb phrase)
    verb = last_match(SUPPORT_VERB, text, seg_start, comma) or last_match(_VERB_INSIDE, text, seg_start, comma)
    if verb is None:
        return start
    words = text[verb.end():comma].lower().split()
    if not words or len(words) > _OBJECT_LIST_WORDS or not words[0][:1].isalpha():
        return start
    return seg_start if any(" ".join(words[-n:]) in counted for n in (1, 2, 3) if n <= len(words)) else start


def _may_end_list_item(text: str, start: int) -> bool:
    """A counted noun and a comma may end right before ``start`` (its last
    syllable in any case, white space around the comma): a test before the
    costly search for the item."""
    tail = text[max(0, start - 40):start].rstrip()
    return tail.endswith(",") and tail[:-1].rstrip().lower().endswith(_counted_ends())


@lru_cache(maxsize=1)
def _counted_ends() -> tuple[str, ...]:
    """The last syllable of each countable noun of the bundled lexicon."""
    return tuple(sorted({noun.split()[-1] for noun in counted_nouns()}))


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
    pieces = _cut(text, s, fig_start, holes)
    # the phrase is bounded by its verb: a rate's population may be long
    # ("tỷ lệ giải ngân vốn đầu tư xây dựng cơ bản")
    return _limit(text, pieces, keep_end=False, most=MAX_RATE_WORDS)


def names_land(text: str, span: Span) -> bool:
    """The phrase after an area's unit says what lies or grows there: a
    land or crop word ("đất", "chè"), else a noun as the tagger reads its
    first word ("bưởi da xanh"), not a verb ("ha trở lên")."""
    if LAND.match(text, span[0], span[1]):
        return True
    words = text[span[0]:span[1]]
    if not words.split() or words.split()[0].lower() in _not_nouns():
        return False  # (a line break alone names nothing)
    from ..nlp import first_word_is_noun  # the tagger only decides the few words left

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


_PLACE_LINK_AHEAD = deferred(r"\s*(?:trên\s+địa\s+bàn|của|tại|ở|thuộc|trong)?\s*$", regex.I)
_ADVERBS_AHEAD = deferred(r"\s*(?:(?:đều|cũng|vẫn|hiện)\s+)*", regex.I)
_PREDICATE = deferred(_PREDICATE_VERBS, regex.I)


def has_predicate(text: str, pieces: list[Span]) -> bool:
    """A predicate verb stands in the phrase ("hộ có nhà tiêu …"): a clause,
    no bare modifier."""
    return any(_PREDICATE_IN.search(text, s, e) for s, e in pieces)


def before_predicate(text: str, span: Span) -> Span:
    """``span`` up to its first tense or predicate verb ("dự án sẽ tạo …" →
    "dự án"), whole when none opens past its first word."""
    s, e = span
    verb = _TENSE.search(text, s, e) or _PREDICATE_IN.search(text, s, e)
    if not verb:
        return span
    end = verb.start()
    while end > s and text[end - 1].isspace():
        end -= 1
    return (s, end) if end > s else span


def predicate_in(text: str, start: int, end: int) -> Optional[regex.Match]:
    """The first predicate verb in ``[start, end)`` ("hộ có nhà tiêu …"), or None."""
    return _PREDICATE_IN.search(text, start, end)


def opens_predicate(text: str, pos: int) -> bool:
    """A predicate that defines a noun opens at ``pos`` ("đạt chuẩn ...",
    "chưa có ...")."""
    return bool(_PREDICATE.match(text, pos, pos + _SCAN) or _NEGATION.match(text, pos, pos + 10))


_NEGATION = deferred(r"(?:chưa|không)\s", regex.I)


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
        adverbs = _ADVERBS_AHEAD.match(text, he, he + _SCAN)
        start = adverbs.end() if adverbs else he
        if not _PREDICATE.match(text, start, start + _SCAN):
            return []
        span = right_phrase(text, start, max(limit, start + 80))
        return [span] if span else []
    return []


_VERBS = (r"giải\s+quyết|thành\s+lập|xây\s+dựng|xây\s+mới|sửa\s+chữa|hỗ\s+trợ|cấp|trồng|khởi\s+công|hoàn\s+thành"
          r"|bố\s+trí|sắp\s+xếp|đào\s+tạo|tập\s+huấn|giới\s+thiệu|kết\s+nạp|vận\s+động|thăm|tặng|trao"
          r"|khám|cấp\s+phát|di\s+dời|tái\s+định\s+cư|công\s+nhận|phát\s+triển|giải\s+ngân|cho\s+vay"
          # (not "khai trừ", "thi hành …": "khai", "thi" open too many words for the cheap test on heads)
          r"|xóa\s+tên|kỷ\s+luật"
          # (verbs of inspection and sanction: "kiểm tra 320 cơ sở, phát hiện 45 cơ sở vi phạm, xử phạt 38 cơ sở")
          r"|kiểm\s+tra|giám\s+sát|xử\s+phạt|xử\s+lý|phát\s+hiện|tiếp\s+nhận")
# "cấp tỉnh", "cấp huyện": "cấp" before a level is the tier, a noun, no verb "cấp" (to grant)
# (the test after the word: tried only where "cấp" stands)
_NOT_TIER = r"(?!\s+(?:tỉnh|huyện|xã|thành\s+phố|thị\s+xã|quận|phường|cơ\s+sở|trên|dưới|trung\s+ương)(?![\p{L}]))"
_VERBS_NO_TIER = _VERBS.replace("|cấp|", rf"|cấp{_NOT_TIER}|")
_VERB_START = deferred(rf"^(?:{_VERBS_NO_TIER})", regex.I)
_AND_VERB_TAIL = deferred(rf"[^\S\n]+và[^\S\n]+(?:{_VERBS_NO_TIER}|tổ\s+chức|mở|làm\s+mới)(?![\p{{L}}])"
                          r"(?:[^\S\n]+\p{L}+){0,2}[^\S\n]*$", regex.I)
_VERB_INSIDE = deferred(rf"(?<![\p{{L}}])(?:{_VERBS_NO_TIER})(?![\p{{L}}])", regex.I)

_VERB_HEADS = tuple(sorted({verb.split("\\s+")[0] for verb in _VERBS.split("|")}))  # the first syllable of each
_VERB_HEAD_IN = compile_std(alternation(_VERB_HEADS))  # (a scan for them all, in a lowered text)


def _may_hold_verb_head(seg: str) -> bool:
    """``may_hold(seg, *_VERB_HEADS)`` by one scan (a test per head scans
    the text once each)."""
    low = lowered(seg)
    return low is None or _VERB_HEAD_IN.search(low) is not None


def holds_verb(text: str, pieces: list[Span]) -> bool:
    """A verb of the list stands in the phrase ("Phấn đấu kết nạp")."""
    return any(_VERB_INSIDE.search(text, s, e) for s, e in pieces)


def starts_with_verb(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a verb that tells a figure from its siblings."""
    return bool(pieces) and bool(_VERB_START.match(text[pieces[0][0]:pieces[0][1]]))


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
    if not object_of and not _may_hold_verb_head(text[clause_start:fig_start]):
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
    inner = last_match(_VERB_INSIDE, text, s, e) if not _VERB_START.match(phrase) and siblings() else None
    if inner is not None:  # (the last verb of the phrase)
        return [(max(ps, inner.start()), pe) for ps, pe in pieces if pe > inner.start()]
    if _VERB_START.match(phrase) or object_of:
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
_TENSE_WORDS = "đã|đang|sẽ|vừa"
_TENSE = deferred(rf"(?<![\p{{L}}])(?:{_TENSE_WORDS})\s+", regex.I)


def predicate(text: str, pieces: list[Span]) -> list[Span]:
    """The pieces after the tense word that opens the predicate ("Tổ công tác
    đã kiểm tra ..." → "kiểm tra ..."): the words before it are the agent
    (the pieces themselves when no tense word is there)."""
    found = list(_TENSE.finditer(text, pieces[0][0], pieces[-1][1])) if pieces else []
    if not found:
        return pieces
    cut = found[-1].end()
    return [(max(s, cut), e) for s, e in pieces if e > cut]


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
        if any(seg_start <= hs < start and _DIGIT.match(text, hs) for hs, _ in holes):
            break  # "xây mới 45 phòng học, sửa chữa 30 phòng học": the verb of a sibling figure
        item = left_phrase(text, seg_start, start - 1, holes, after_verb=False)
        if not item or not _opens_with_verb(text, item[0]) or _TOPIC.match(text, item[0][0], item[0][1]):
            break
        words = text[item[0][0]:item[-1][1]]
        if len(words.split()) > _LIST_VERB_WORDS or _DIGIT.search(words):
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


def verb_first(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a verb (of the list, else as the tagger reads
    its first word)."""
    return bool(pieces) and _opens_with_verb(text, pieces[0])


def _opens_with_verb(text: str, span: Span) -> bool:
    if _VERB_START.match(text[span[0]:span[1]]):
        return True
    from ..nlp import first_word_tag  # the tagger only decides the few words left

    return first_word_tag(text[span[0]:span[1]])[0] == "V"


_STATING_INSIDE = deferred(rf"(?<![\p{{L}}])(?:{_STATING})(?![\p{{L}}])", regex.I | regex.V0)


def states_figure(text: str, start: int, end: int) -> bool:
    """A word that states a figure ("đạt", "chiếm", "là", …) stands in ``[start, end)``."""
    return bool(_STATING_INSIDE.search(text, start, end))


def breakdown_label(text: str, clause_start: int, fig_start: int, holes: list[Span], in_list: bool = True,
                    opened: Callable[[], bool] = bool) -> list[Span]:
    """"Lĩnh vực kinh tế 88 mô hình; lĩnh vực văn hoá - xã hội 134 mô hình":
    a label right before the number, with no verb, names the item of a
    breakdown and joins the noun ("mô hình lĩnh vực văn hoá - xã hội");
    only in a list (its item opens after ";" or ":", or ``opened()``: a
    "trong đó" opens it), unless ``in_list`` is false (the caller knows the
    list)."""
    i = clause_start  # the last character before the clause that is no white space
    while i > 0 and text[i - 1].isspace():
        i -= 1
    listed = not in_list or not i or text[i - 1] in ";:"
    if not listed and not opened():
        return []
    seg = text[clause_start:fig_start]
    # ("trong đó đã thoát nghèo 120 hộ": the leading words trimmed from a label, a tense word among them,
    # state nothing)
    if (not seg.strip() or _STATING_INSIDE.search(seg, _leading_end(seg))
            or any(clause_start <= hs < fig_start for hs, _ in holes)):
        return []
    if _DIGIT.search(seg):
        return []  # ("22 sản phẩm 4 sao và 220 sản phẩm": a number is no label's word)
    pieces = _trim(text, [(clause_start, fig_start)])
    if not pieces or len(text[pieces[0][0]:pieces[-1][1]].split()) > 8:
        return []
    return pieces


# ("khẩn cấp" urgent, "các cấp" the tiers: no verb "cấp")
# ("quà tặng": a gift, a noun)
SUPPORT_VERB = deferred(r"(?<![\p{L}])(?:hỗ\s+trợ|đầu\s+tư|dành|ủng\s+hộ|vận\s+động|huy\s+động|giải\s+ngân|cho\s+vay"
                             r"|cấp(?<!(?:khẩn|các|mọi|cùng)\scấp)|chi|trao|tiếp\s+nhận"
                             r"|tặng(?<!quà\stặng)|quyên\s+góp|đóng\s+góp|bố\s+trí|phân\s+bổ|thu(?<!doanh\sthu)|nộp|góp)(?![\p{L}])", regex.I)




# Nouns that name a sum or a fund: a phrase they head is a noun phrase, not
# an agent before a verb ("Quỹ “Vì người nghèo” vận động được", "định mức hỗ trợ").
_MONEY_HEAD = deferred(r"(?:quỹ|định\s+mức|mức|nguồn|vốn|kinh\s+phí|ngân\s+sách|tiền|dư\s+nợ|doanh\s+(?:số|thu)"
                            r"|tổng(?!\s+(?:cục|công\s+ty|liên\s+đoàn|đội)))(?![\p{L}])", regex.I)


def names_sum(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a noun for a sum or a fund ("Kinh phí", "Quỹ ...")."""
    return bool(pieces) and bool(_MONEY_HEAD.match(text, pieces[0][0], pieces[0][1]))


def stripped(text: str, s: int, e: int) -> Span:
    """``[s, e)`` without white space and commas at its ends."""
    return _stripped(text, s, e, " ,", " ,")


_EACH_RECIPIENT = deferred(r"\s+(?:cho\s+)?(?:mỗi|từng)\s+\p{L}+(?:\s+\p{L}+)?\s*", regex.I)


def support_verb(text: str, pieces: list[Span], any_head: bool = False) -> Optional[Span]:
    """The verb that moves the money ("hỗ trợ", "đầu tư", "ủng hộ"), when the
    phrase before an amount ends with it (after its agent: "được Trung
    ương hỗ trợ" → "hỗ trợ"); none when a fund or a sum heads the phrase,
    unless ``any_head``."""
    if not pieces or not any_head and _MONEY_HEAD.match(text, pieces[0][0], pieces[0][1]):
        return None
    s, e = pieces[-1]
    found = list(SUPPORT_VERB.finditer(text, s, e))
    if not found:
        return None
    verb = found[-1]
    if text[verb.end():e].strip():
        # "UBND huyện hỗ trợ mỗi hộ 5 triệu đồng": the verb with whom each amount goes to;
        # "Ngân hàng … cho vay hộ cận nghèo 18 tỷ đồng": the verb and its object, without the agent
        each = _EACH_RECIPIENT.fullmatch(text, verb.end(), e)
        # (the agent may stand in an earlier piece, a place between: "Mặt trận trong huyện đã vận động …")
        given = each or _object_only(text, verb.end(), e) and _agent_before(text, pieces[0][0], verb.start())
        return (verb.start(), e) if given else None
    return verb.span()


_TENSE_BEFORE = deferred(rf"(?<![\p{{L}}])(?:{_TENSE_WORDS})(?![\p{{L}}])", regex.I)
_NAME_INSIDE = deferred(r"(?<=\S\s)(?-i:\p{Lu})|(?-i:^\p{Lu}{2,}(?![\p{L}]))")


def _agent_before(text: str, start: int, verb: int) -> bool:
    """The words ``[start, verb)`` before a verb of giving are its agent, the
    verb a predicate ("Hội Nông dân xã hỗ trợ …", "ngân hàng giải ngân cho vay
    …", "… đã cho vay …"): a name (a capital past the first word, or an
    abbreviation such as "UBND"), a body's noun, or a tense word stands
    there; not the head of a noun phrase the verb modifies ("Giá thu mua",
    "Các khoản đóng góp", "Nhà đầu tư")."""
    if verb <= start:
        return False
    if _TENSE_BEFORE.search(text, start, verb) or _NAME_INSIDE.search(text[start:verb]):
        return True
    head = _head_noun(text[start:verb].lower().split(), _nouns_and_bodies())
    return head in _BODIES  # (the longest noun: "hội viên" is no body, "hội" is)


@lru_cache(maxsize=1)
def _nouns_and_bodies() -> frozenset[str]:
    return counted_nouns() | _BODIES


_OBJECT_WORDS = 10
_FUND = "Quỹ"  # a named fund is an object of giving too ("ủng hộ Quỹ “Vì người nghèo”")


def _object_only(text: str, start: int, end: int) -> bool:
    """``[start, end)`` is a short object after a verb of giving ("hộ cận
    nghèo", "học sinh, sinh viên"), no clause of its own (no stating or
    predicate verb in it)."""
    words = text[start:end].split()
    return (0 < len(words) <= _OBJECT_WORDS and (words[0][:1].islower() or words[0] == _FUND)
            and not _STATING_INSIDE.search(text, start, end) and not _PREDICATE_IN.search(text, start, end))


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
    m = _PERCENT_OF.match(text, end, end + _SCAN)
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
    m = _COPULA_PART.match(text, end, end + _SCAN) if text.startswith(" là", end) else None
    if not m:
        return []
    return noun_clause(text, m.end(), max(limit, m.end() + 100), holes)[0]


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
    verb = last_match(_VERB_INSIDE, text, body[0][0], body[-1][1])
    if verb is not None and _BODY_HEAD.search(text, max(body[0][0], verb.start() - 10), verb.start()):
        verb = None  # ("Ban giám sát đầu tư cộng đồng có 5 thành viên": a verb after a body's head word names the body)
    if verb is not None:
        # "Chị còn thành lập tổ hợp tác với 12 thành viên": the body is the verb's object, not its agent
        kept = _trim(text, [(max(s, verb.end()), e) for s, e in body if e > verb.end()])
        body = kept or body
    noun_end = noun_start + len(member)
    # ("Đại hội có 250 đại biểu chính thức": the members' own modifier stays with them)
    # (a predicate after them, "20.163 thành viên đã tiết kiệm được …", is the sentence's, no modifier)
    own = (right_phrase(text, noun_end + 1, noun_end + 60)
           if text.startswith(" ", noun_end) and not opens_predicate(text, noun_end + 1) else None)
    return [(noun_start, own[1] if own else noun_end)] + body


_BODY_HEAD = deferred(r"(?<![\p{L}])(?:ủy\s+ban|uỷ\s+ban|ban|tổ|đội|hội\s+đồng)[^\S\n]+$", regex.I)
_EACH_LEAD = deferred(r"(?:(?:bình\s+quân|trung\s+bình)\s+)?(?:mỗi|từng)\s+", regex.I)


# What is given as an amount, written right after it ("20 triệu đồng tiền mặt", "1.200 tỷ đồng dư nợ").
_MONEY_NOUN = deferred(r"[^\S\n]+(?=(?:tiền\s+mặt|tiền|vốn|dư\s+nợ|kinh\s+phí|hiện\s+vật|học\s+bổng|quà|hàng\s+hóa|hàng\s+hoá)(?![\p{L}]))",
                            regex.I)


def money_noun_after(text: str, end: int, limit: int) -> Optional[Span]:
    """"tặng 100 lá cờ cùng 20 triệu đồng tiền mặt" → "tiền mặt": a money
    noun right after the amount names what it is."""
    m = _MONEY_NOUN.match(text, end, end + 20)
    span = right_phrase(text, m.end(), max(limit, m.end() + 40)) if m else None
    tense = _TENSE_END.search(text, *span) if span else None
    # ("1.200 tỷ đồng vốn chính sách đã đến tay …": the predicate's tense word ends the noun)
    return (span[0], tense.start()) if tense and tense.start() > span[0] else span


_TENSE_END = deferred(rf"[^\S\n]+(?:{_TENSE_WORDS})$", regex.I)


_ONE_OR_TWO_WORDS_SPACED = deferred(r"\p{L}+(?:\s\p{L}+)?")


@lru_cache(maxsize=256)
def _counted_item(per: str) -> regex.Pattern:
    return regex.compile(rf"\d[^\S\n]+(?P<item>{regex.escape(per)})(?![\p{{L}}])", regex.I)


def priced_item(text: str, s_start: int, pos: int, per: Optional[str]) -> Optional[Span]:
    """"2 căn nhà cho 2 hộ (70 triệu đồng/căn)" → "căn nhà": a price per
    item names the item counted before it in the sentence."""
    if not per or not _ONE_OR_TWO_WORDS_SPACED.fullmatch(per):
        return None
    found = list(_counted_item(per).finditer(text[s_start:pos]))
    if not found:
        return None
    return right_phrase(text, s_start + found[-1].start("item"), pos)


_GENERIC_HEAD = deferred(r"(?:tổng\s+trị\s+giá|trị\s+giá|tổng\s+số\s+tiền|số\s+tiền)\s+(?:của\s+)?(?:(?:các|những)\s+)?"
                              r"(?=\p{L})", regex.I)


def generic_sum(text: str, span: Span) -> bool:
    """Whether ``span`` is only a generic word for a sum ("Số tiền", "Tổng
    kinh phí", "Giá trị"), which FACTS.md never takes for a subject."""
    joined = " ".join(text[span[0]:span[1]].split())
    return bool(joined) and _GENERIC_FIRST[joined[0]] and _GENERIC.match(joined) is not None


def drop_generic_head(text: str, pieces: list[Span]) -> list[Span]:
    """"Tổng trị giá các hoạt động" → "hoạt động": a generic word for a sum
    is no subject, what it is the sum of is."""
    if pieces:
        s, e = pieces[0]
        m = _GENERIC_HEAD.match(text, s, e)
        if m:
            pieces = [(m.end(), e)] + pieces[1:]
    return pieces


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
    end = _SENTENCE_STOP.search(text, s_start, s_start + 2 * _SCAN)
    stop = end.start() if end else s_start + 2 * _SCAN
    return any(s_start <= hs < stop and _AREA_FIGURE.search(text, hs, he) and _OWN_VERB.search(text, max(s_start, hs - 40), hs)
               for hs, he in holes)


def land_of_total(text: str, s_start: int, clause_start: int, pos: int) -> Optional[Span]:
    """"toàn xã có 310 ha chè ... Trong đó, 175 ha đã cho thu hái": the land
    of the total a breakdown ("trong đó") opens with."""
    if not _BREAKDOWN.search(text, max(0, clause_start - 12), pos):
        return None
    back = max(0, s_start - _SCAN)
    found = list(_AREA_THEN_WORD.finditer(text[back:pos]))
    if not found:
        return None
    return right_phrase(text, back + found[-1].end(), pos)


_CELL_NAME = deferred(r"\s*(?P<n>[^()|\d]*?\p{L})\s*(?:\(|$)")


def table_column(text: str, pos: int) -> list[Span]:
    """"STT | Tên tỉnh | Diện tích (km²) |" ... "| 13.257 km |": a figure in
    a flattened table's cell takes its column's heading (its bracket dropped)."""
    cell = table_heading_cell(text, pos)
    name = _CELL_NAME.match(text, *cell) if cell else None
    return [(name.start("n"), name.end("n"))] if name else []


def table_heading_cell(text: str, pos: int) -> Optional[Span]:
    """The whole heading cell of the flattened table column ``pos`` stands
    in ("Chỉ tiêu | Năm 2023 | Năm 2024" … "| 950 hộ" → "Năm 2024"); None
    outside a table's body and in a row's first cell."""
    return header_cell_bounds(text, pos) if in_table_row(text, pos) else None


# a label that names its own quantity ("Số hộ thoát nghèo", "Tỷ lệ che phủ rừng",
# "Tỷ trọng công nghiệp", "Tổng kinh phí")
_QUANTITY_NAME = deferred(r"\s*(?:số|t[ỷỉ]\s+(?:lệ|trọng)|tổng)(?![\p{L}])", regex.I)


def names_quantity(label: str) -> bool:
    """Whether ``label`` opens with the name of a quantity ("Số hộ nghèo",
    "Tỷ lệ che phủ rừng"): it says what its figure measures."""
    return _QUANTITY_NAME.match(label) is not None


# a row label that names a quantity, or a column of indicators: the rows,
# not the columns, say what the figures are
_INDICATOR_COLUMN = deferred(r"\s*(?:chỉ\s+tiêu|nội\s+dung|tiêu\s+chí|danh\s+mục|hạng\s+mục)\s*$", regex.I)


def table_row_label(text: str, pos: int, any_label: bool = False) -> list[Span]:
    """"STT | Chỉ tiêu | Kết quả" … "2 | Tỷ lệ che phủ rừng | 62,5%": a
    figure in a flattened table's row takes the row's label when it names
    a quantity or stands in a column of indicators (or, with
    ``any_label``, whatever it names)."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("|", line_start, pos)
    above = text.count("|", text.rfind("\n", 0, line_start - 1) + 1, line_start)
    if not column or line_start == 0 or above < (1 if any_label else 2):
        return []  # (no table: no row of cells above; with ``any_label`` the caller found the column's heading)
    cells = text[line_start:pos].split("|")[:-1]
    start = line_start + sum(len(x) + 1 for x in cells)  # (past the last cell: walk back)
    for k in range(len(cells) - 1, -1, -1):
        start -= len(cells[k]) + 1
        name = _CELL_NAME.match(cells[k])
        if not name or not any(ch.islower() for ch in name.group("n")):
            continue  # a number, a blank or a proper name
        label = (start + name.start("n"), start + name.end("n"))
        heading = _column_heading(text, line_start, k)
        if heading and _UNIT_COLUMN.match(heading):
            continue  # "Tổng dư nợ | Tỷ đồng | 1.320": the unit's cell names nothing
        if any_label or names_quantity(cells[k]) or (heading and _INDICATOR_COLUMN.match(heading)):
            return [label]
        return []
    return []


_UNIT_COLUMN = deferred(r"\s*(?:đvt|đơn\s+vị\s+tính)\s*$", regex.I)  # (not "Đơn vị": a column of units)


def _column_heading(text: str, line_start: int, column: int) -> Optional[str]:
    """The text of the table's first line's cell ``column``."""
    _, cells = header_line(text, line_start)
    return cells[column] if column < len(cells) else None


_GROUP_LINK = deferred(r"[^\S\n]+(?:tại|ở|của|thuộc|trong)[^\S\n]+(?=\d)", regex.I)
_NUMBER_HEAD = deferred(r"[\d.,]+[^\S\n]*")


def member_groups(text: str, noun_start: int, end: int, limit: int, holes: list[Span]) -> list[Span]:
    """"5.925 thành viên tại 145 tổ tiết kiệm và vay vốn" → "thành viên" and
    "tổ tiết kiệm và vay vốn": members counted in groups that are counted
    too belong to those groups (the groups' number left out)."""
    noun = text[noun_start:end].lower()
    link = _GROUP_LINK.match(text, end, limit) if noun in MEMBER_NOUNS else None
    hole = _hole_at(holes, link.end()) if link else None
    if not _counted(text, hole):
        return []
    group = _NUMBER_HEAD.match(text, hole[0], hole[1]).end()
    more = noun_clause(text, hole[1] + 1, limit, holes)[0] if text[hole[1]:hole[1] + 1] == " " else []
    return [(noun_start, end), (group, more[0][1] if more and more[0][0] == hole[1] + 1 else hole[1])]


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
