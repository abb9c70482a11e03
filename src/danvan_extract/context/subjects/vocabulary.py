"""Words and limits every reader of a figure's subject shares: the words
that state a figure, the nouns that alone name nothing counted, the
lexicon's countable nouns and bodies, and how many words a phrase may hold.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ...grammar.rules import load_rules
from ...grammar.lazy import deferred, settle

Span = tuple[int, int]

# Verbs and words that state a figure: left out of the subject.
STATING = (r"đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ|chiếm\s+tỷ\s+lệ|chiếm\s+tỉ\s+lệ|với\s+tỷ\s+lệ|với\s+tỉ\s+lệ"
           r"|có\s+tổng\s+số|với\s+tổng\s+số|với\s+tổng"
           r"|tổng\s+số\s+tiền|tổng\s+kinh\s+phí|tổng\s+số|trị\s+giá|giảm\s+còn|tăng\s+lên|giảm\s+xuống|lên\s+tới|lên\s+đến"
           r"|đạt\s+được|đạt|chiếm|là|có|với|bằng|còn|được|gồm|tăng|giảm|khoảng|trên|hơn|gần|ước\s+tính|ước\s+đạt|ước"
           r"|xấp\s+xỉ|chừng|dưới|tới|đến|lên|xuống|hết|tương\s+đương|tương\s+ứng|cho|số\s+lượng|mức|tổng|từ|giữa|đã|với\s+số"
           r"|ước\s+thực\s+hiện|thực\s+hiện|dự\s+báo|dự\s+kiến")
# "mới" after a verb of making is part of it ("xây mới", "thành lập mới"), and of
# the programme's names "nông thôn mới", "đô thị mới"
# ("chứng chỉ", "địa chỉ", "thực hiện", "phát hiện": nouns and verbs of their own)
ADVERBS = (r"vẫn|còn|đã|đang|sẽ|chỉ(?<!(?:chứng|địa)\s+chỉ)|lại|cũng|mới(?<!(?:xây|trồng|lập|nạp|làm|tạo|mở|thôn|thị)\s+mới)|luôn"
           # ("Giá hồ tiêu hôm nay": the day's words, a time, as "nay" alone)
           r"|đều|thì|(?:(?:ngày\s+)?hôm|sáng|chiều|tối)\s+nay|(?:ngày\s+)?hôm\s+qua|nay|hiện(?<!(?:thực|phát|xuất|thể)\s+hiện)|lần\s+lượt")
# Counted nouns that say nothing of what is counted: the noun phrase before
# the figure names it ("Đảng viên 26 vị", "Ban Chấp hành gồm 56 người").
# ("1.120 cụ": the polite word for elderly persons, as "em", "cháu" for children)
GENERIC_NOUNS = frozenset({"vị", "người", "con", "cái", "chiếc", "trường hợp", "lượt", "khoản", "đồng chí", "em", "cháu", "cụ"})
# Measure words: alone after a number they say nothing of what is counted.
CLASSIFIERS = frozenset({"căn", "suất", "phần", "tấm", "bộ", "chiếc", "cây", "bức", "lá", "đôi"})
SAYS_NOTHING = GENERIC_NOUNS | CLASSIFIERS  # nouns that alone name nothing counted
MAX_WORDS = 10
MAX_RATE_WORDS = 16  # (a rate's phrase, and a sum's read across a comma, run longer)
# How far ahead a match at a fixed position may look: the clause is read at
# most this far from its figure, and without an end position the regex
# engine scans the rest of the text for a literal the pattern needs.
SCAN = 300
# counted nouns that name a body or a unit: before "có" they are its agent ("Đảng bộ xã có ...")
BODIES = frozenset({"đảng bộ", "chi bộ", "hội", "chi hội", "chi đoàn", "ban", "ban ngành", "cơ quan", "đơn vị",
                    "tổ chức", "ngân hàng", "doanh nghiệp", "hợp tác xã", "sở", "ngành", "đoàn thể", "tổ", "nhóm",
                    "câu lạc bộ", "bệnh viện", "trường", "gia đình", "khu dân cư"})


def head_noun(words: list[str], nouns: frozenset[str]) -> Optional[str]:
    """The longest of the first three, two or one ``words`` that is one of ``nouns``, or None."""
    return next((" ".join(words[:n]) for n in (3, 2, 1) if " ".join(words[:n]) in nouns), None)


@lru_cache(maxsize=1)
def counted_nouns() -> frozenset[str]:
    """The countable nouns of the bundled lexicon."""
    return load_rules().lexicon("counted_nouns")


@lru_cache(maxsize=1)
def not_nouns() -> frozenset[str]:
    return load_rules().lexicon("not_nouns")


DIGIT = deferred(r"\d")


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
