"""Lists and their items: where the next item of a list starts, whether
an item follows a comma, and where a list before a figure starts.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...grammar.lazy import deferred, settle
from ...extractors.base.matching import last_match

from .vocabulary import ADVERBS, SCAN, STATING, counted_nouns, not_nouns
from .verbs import SUPPORT_VERB, VERB_INSIDE

_LIST_COMMA = deferred(r",[^\S\n]*(?=\p{Ll})")
_ITEM_WORDS = deferred(r"\p{L}+(?:[^\S\n]+\p{L}+){0,3}")
_ITEM_END = deferred(r"[,;:.!?()\n]|\d")
# a connective or a stating word after the comma opens a clause; other verbs are left to the tagger
_OPENS_CLAUSE = deferred(rf"(?:{STATING}|{ADVERBS}|trong\s+đó|đồng\s+thời)(?![\p{{L}}])", regex.I | regex.V0)


# Verbs that administrative Vietnamese coordinates with a comma over one object ("phòng, chống tham
# nhũng", "khám, chữa bệnh", "sửa chữa, nâng cấp trường học", "thu gom, xử lý rác thải"): the first
# of the pair before the comma, the second after it
_PAIR_OPENS = deferred(r"(?<![\p{L}])(?:phòng|khám|sửa\s+chữa|cải\s+tạo|xây\s+dựng|xây\s+mới|thu\s+gom|quản\s+lý"
                       r"|đào\s+tạo|tuyên\s+truyền|kiểm\s+tra|bảo\s+vệ|chăm\s+sóc|tiếp\s+xúc|gặp\s+gỡ|trong\s+sạch)$", regex.I)
# ("245 cuộc tiếp xúc, đối thoại với nhân dân": the meeting and the dialogue it holds, one phrase;
# "trong sạch, vững mạnh": the party's rating of a clean and strong body, one phrase)
_PAIRED_VERB = deferred(r"(?:chống|chữa|nâng\s+cấp|sửa\s+chữa|xử\s+lý|bảo\s+vệ|bồi\s+dưỡng|phổ\s+biến|giám\s+sát"
                        r"|phát\s+triển|cải\s+tạo|nuôi\s+dưỡng|giáo\s+dục|đối\s+thoại|vững\s+mạnh)(?![\p{L}])", regex.I)


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
    stop = _ITEM_END.search(text, comma.end(), comma.end() + SCAN)
    if stop and stop.group().isdigit():
        return 0
    low = words.group().lower().split()
    if any(" ".join(low[:n]) in counted_nouns() for n in range(len(low), 0, -1)):
        return comma.end()
    if low[0] in not_nouns() or _OPENS_CLAUSE.match(text, comma.end(), words.end()):
        return 0
    from ...nlp import first_word_is_noun  # the tagger only decides the few words left

    return comma.end() if first_word_is_noun(words.group())[0] else 0


# ("350 tập thể, 1.200 cá nhân được khen thưởng": a comma joins the items too)
SHARED_AFTER = deferred(r"[^\S\n]*(?:,[^\S\n]*(?:và[^\S\n]+)?|(?:và|hoặc)[^\S\n]+)(?=\d)", regex.I)


def item_follows(text: str, pos: int, limit: int) -> bool:
    """Another figure's item follows ``pos`` past "và", "hoặc" or a comma
    (its modifiers may be shared: see :func:`noun_clause`)."""
    return SHARED_AFTER.match(text, pos, limit) is not None


_ITEM_BEFORE = deferred(r"(?:^|(?<=[,;:()\n.]))[^\S\n]*(?P<item>\p{L}+(?:[^\S\n]+\p{L}+){0,2})[^\S\n]*,[^\S\n]*$")


def list_start(text: str, start: int) -> int:
    """Where a list of counted nouns joined by commas that ends right
    before ``start`` opens ("Cán bộ, công chức xã …"); else ``start``."""
    start = coordinated_start(text, start)
    while start > 1 and text[start - 1] in ", ":
        if not _may_end_list_item(text, start):
            break
        item = _ITEM_BEFORE.search(text, max(0, start - 40), start)
        if not item or item.group("item").lower() not in counted_nouns():
            return _object_list_start(text, start)
        start = item.start("item")
    return start


# a lone syllable opening its item before a comma: the first half of a compound that shares its last
# syllable with the next item ("nông, lâm nghiệp" = nông nghiệp, lâm nghiệp; "nông, lâm, ngư nghiệp")
_LONE_SYLLABLE = deferred(r"(?:^|(?<=[;:(\n,]))[^\S\n]*(?P<item>\p{L}\p{Ll}*)[^\S\n]*,[^\S\n]*$")
_PASSIVE_BEFORE = deferred(r"(?<![\p{L}])(?:được|bị)[^\S\n]+$", regex.I)
_PAIR_CLAUSE = deferred(r"(?:^|(?<=[,;:()\n.]))[^\S\n]*(?P<clause>[^,;:()\n.]+?)[^\S\n]*,[^\S\n]*$")


def coordinated_start(text: str, start: int) -> int:
    """Where the phrase opens when the comma right before ``start`` joins
    halves of one phrase: a lone syllable that shares the next word's last
    syllable ("nông, lâm nghiệp còn 58,4%"), or the first verb of a pair over
    one object ("Lượng rác thải được thu gom, xử lý đạt 92%"); else ``start``."""
    if start < 2 or text.find(",", start - 3, start + 1) < 0:
        return start  # (the cheap test first: no comma right before)
    word = start + len(text[start:start + 3]) - len(text[start:start + 3].lstrip())
    if "," not in text[word - 3:word]:
        return start
    first = word
    while _ITEM_WORDS.match(text, word):
        lone = _LONE_SYLLABLE.search(text, max(0, word - 12), word)
        if not lone:
            break
        first = lone.start("item")
        if text[:first].rstrip()[-1:] in ("", ";", ":", "(", "\n"):  # (the first opens its item)
            start = word = first
            break
        word = first
    if _PAIRED_VERB.match(text, word):
        comma = text.rfind(",", 0, word)
        opens = _PAIR_OPENS.search(text, max(0, comma - 12), comma)
        if opens:
            # the pair's first verb; after a passive word, the noun phrase it is said of too ("Lượng rác thải
            # được thu gom, xử lý"), and so before a rating ("Số tổ chức cơ sở đảng trong sạch, vững mạnh");
            # not an agent ("Bệnh viện … khám, chữa bệnh cho …")
            said_of = (_PASSIVE_BEFORE.search(text, max(0, opens.start() - 8), opens.start())
                       or text[opens.start():opens.start() + 5].lower() == "trong")
            clause = _PAIR_CLAUSE.search(text, max(0, comma - 80), start) if said_of else None
            start = clause.start("clause") if clause else opens.start()
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
    verb = last_match(SUPPORT_VERB, text, seg_start, comma) or last_match(VERB_INSIDE, text, seg_start, comma)
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


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
