"""A noun phrase read rightward: where it ends (a stop word, a figure, a
clause) and where the list it runs through ends.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.alternation import word_alternation
from ...grammar.lazy import deferred, settle
from ..words import may_end_with
from ...extractors.base.matching import last_match

from .vocabulary import Span
from .verbs import AND_VERB_TAIL, ENDS_IN_PREDICATE, PREDICATE_IN
from .lists import next_list_item

# Words that end a phrase read after a noun without belonging to it.
# ("1.200 suất quà trị giá 600 triệu đồng": "trị giá" states the next figure, as "đạt" does)
# ("1.245 tỷ đồng dư nợ thông qua 312 tổ …": "thông qua" before a figure brings the channel; not the verb
# "passed" of "biểu quyết thông qua nghị quyết", whose object follows, nor "được thông qua")
# ("cho 15 hộ vay không lãi tổng số tiền 200 triệu đồng": a generic name of the next sum states it too)
_RIGHT_TRAILING = deferred(r"(?:\s+(?:đạt|có|được|là|với|và|hoặc|chiếm|gồm|trị\s+giá|thông\s+qua(?<!được\sthông\squa)"
                           r"|(?:tổng\s+)?số\s+tiền|tổng\s+(?:giá\s+trị|kinh\s+phí|trị\s+giá)))+\s*$", regex.I)
_RIGHT_TRAILING_ENDS = ("đạt", "có", "được", "là", "với", "và", "hoặc", "chiếm", "gồm", "giá", "qua", "tiền", "trị",
                        "phí")  # (what its matches end with)
# Stop words: a trie of the plain ones (the engine tests each shared prefix
# once), then the ones with a condition.
_RIGHT_STOP_WORDS = ("của", "tại", "trên địa bàn", "chiếm", "so với", "là",
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
    # moving or handing over is its direction ("hộ chuyển đến sinh sống", "trao đến các gia đình"), no time or bound,
    # and so is the verb "được đến" (to get to go: "trẻ em được đến trường")
    r"|bằng(?<!(?:mặt|đồng|văn|công|cân)\sbằng)(?!\s+khen)|đến(?<!(?:chuyển|tìm|đưa|gửi|đi|trao|được)\sđến)"
    # a new quantity or predicate after "và" (a verb of giving: "và hiến 500 m2 đất"); a verb of helping or of
    # living there
    r"|và\s+(?:số|tổng|tỷ\s+lệ|tỉ\s+lệ|có|được|đã|sẽ|đang|không|chưa|hiến|đóng\s+góp|ủng\s+hộ|tặng|trao)"
    r"|giúp(?!\s+nhau)|(?:cùng\s+)?sinh\s+sống"
    # ("người có công với cách mạng": a status's fixed name; "đồng tình với chủ trương", "hài lòng với …": a verb
    # of agreement takes its object with "với"; no "with" that ends the phrase)
    r"|với(?<!có\scông\svới)(?<!(?:đồng\stình|đồng\sý|hài\slòng|nhất\strí|đồng\sthuận|ủng\shộ)\svới)"
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
_QUOTED = deferred(r"[“\"][^”\"\n]{1,80}[”\"]")


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
        verb = AND_VERB_TAIL.search(text, start, end)
        if verb:
            end = verb.start()
    quoted = _QUOTED.search(seg) if ('"' in seg or "“" in seg) else None
    if quoted and quoted.start() <= (m.start() if m else len(seg)) + 1 and quoted.start() < 60:
        end = max(end, start + quoted.end())
    return end


QUALIFIER_WORDS = r"(?:dưới|trên|từ|hơn|gần|khoảng)"  # (before a number: "trẻ em dưới 1 tuổi")
_QUALIFIER_BEFORE = deferred(rf"(?<![\p{{L}}]){QUALIFIER_WORDS}[^\S\n]+$", regex.I)
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
            ENDS_IN_PREDICATE.search(text, item, end)):
        item = next_list_item(text, end)
        if not item:
            break
        end = _phrase_end(text, item, max(limit, item + 120))
    return end


def _object_start(text: str, start: int, end: int) -> int:
    """Where the last item of a phrase starts: after its last predicate verb
    ("người sử dụng điện thoại thông minh" → "điện thoại thông minh"), the
    first of a list of objects."""
    found = last_match(PREDICATE_IN, text, start, end)
    return found.end() if found else start


_LIST_ITEM_WORDS = 4


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
