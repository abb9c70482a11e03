"""Money phrases: the noun of a sum, the verb of giving before it, the
item a price is for, and the generic names of a sum ("số tiền") that
say nothing of it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ...grammar.alternation import word_alternation
from ...grammar.lazy import deferred, settle
from ...grammar.rules import load_rules
from ..words import CharClass

from .vocabulary import BODIES, Span, counted_nouns, head_noun
from .verbs import PREDICATE_IN, STATING_INSIDE, SUPPORT_VERB, TENSE_WORDS
from .rightward import right_phrase

# ("giá trị", "tổng giá trị": the value, as generic as "trị giá")
GENERIC = deferred(r"^(?:tổng\s+số\s+tiền|tổng\s+kinh\s+phí|trị\s+giá|(?:tổng\s+)?giá\s+trị|số\s+tiền|thành\s+tiền|tổng\s+số|con\s+số\s+này"
                       r"|tổng\s+(?:số\s+)?vốn(?:\s+(?:đầu\s+tư|đăng\s+ký))?|tổng\s+mức\s+đầu\s+tư)$", regex.I)
GENERIC_FIRST = CharClass(r"(?i)[tscg]")  # (the letters its words open with)


@lru_cache(maxsize=1)
def sum_names() -> str:
    """The alternation of the generic names of a sum ("kinh phí", "số
    tiền", "vốn đầu tư", "trị giá"; rules/numeric.toml ``sum_name``), any
    white space between syllables."""
    return word_alternation(load_rules().numeric.words["sum_name"])


# Nouns that name a sum or a fund: a phrase they head is a noun phrase, not
# an agent before a verb ("Quỹ “Vì người nghèo” vận động được", "định mức hỗ trợ").
# ("Giá trị hàng ủng hộ là …": the value of the goods given, not the verb "ủng hộ")
_MONEY_HEAD = deferred(r"(?:quỹ|định\s+mức|mức|nguồn|vốn|kinh\s+phí|ngân\s+sách|tiền|dư\s+nợ|doanh\s+(?:số|thu)|giá\s+trị"
                            r"|tổng(?!\s+(?:cục|công\s+ty|liên\s+đoàn|đội)))(?![\p{L}])", regex.I)


def names_sum(text: str, pieces: list[Span]) -> bool:
    """The phrase opens with a noun for a sum or a fund ("Kinh phí", "Quỹ ...")."""
    return bool(pieces) and bool(_MONEY_HEAD.match(text, pieces[0][0], pieces[0][1]))


_EACH_RECIPIENT = deferred(r"\s+(?:cho\s+)?(?:mỗi|từng)\s+\p{L}+(?:\s+\p{L}+)?\s*", regex.I)


def support_verb(text: str, pieces: list[Span], any_head: bool = False) -> Optional[Span]:
    """The verb that moves the money ("hỗ trợ", "đầu tư", "ủng hộ"), when the
    phrase before an amount ends with it (after its agent: "được Trung
    ương hỗ trợ" → "hỗ trợ"); none when a fund or a sum heads the phrase,
    unless ``any_head``."""
    if not pieces or not any_head and _MONEY_HEAD.match(text, pieces[0][0], pieces[0][1]):
        return None
    s, e = pieces[-1]
    # (read a few characters past the phrase so that a verb's look-ahead sees what follows it: the phrase
    # may end before a word that was cut as a qualifier, "ngân sách cấp [trên] 10 tỷ đồng")
    found = [m for m in SUPPORT_VERB.finditer(text, s, e + 8) if m.end() <= e]
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


_TENSE_BEFORE = deferred(rf"(?<![\p{{L}}])(?:{TENSE_WORDS})(?![\p{{L}}])", regex.I)
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
    head = head_noun(text[start:verb].lower().split(), _nouns_and_bodies())
    return head in BODIES  # (the longest noun: "hội viên" is no body, "hội" is)


@lru_cache(maxsize=1)
def _nouns_and_bodies() -> frozenset[str]:
    return counted_nouns() | BODIES


_OBJECT_WORDS = 10
_FUND = "Quỹ"  # a named fund is an object of giving too ("ủng hộ Quỹ “Vì người nghèo”")


def _object_only(text: str, start: int, end: int) -> bool:
    """``[start, end)`` is a short object after a verb of giving ("hộ cận
    nghèo", "học sinh, sinh viên"), no clause of its own (no stating or
    predicate verb in it)."""
    words = text[start:end].split()
    return (0 < len(words) <= _OBJECT_WORDS and (words[0][:1].islower() or words[0] == _FUND)
            and not STATING_INSIDE.search(text, start, end) and not PREDICATE_IN.search(text, start, end))


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


_TENSE_END = deferred(rf"[^\S\n]+(?:{TENSE_WORDS})$", regex.I)


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
    return bool(joined) and GENERIC_FIRST[joined[0]] and GENERIC.match(joined) is not None


# a column heading that names only the kind of sum ("Kinh phí (triệu đồng)", "Vốn", "Giá trị"): its rows'
# labels say what each sum is
_BARE_SUM_COLUMN = deferred(r"(?:kinh\s+phí|(?:số\s+|nguồn\s+)?vốn|giá\s+trị)", regex.I)


def sum_column(text: str, span: Span) -> bool:
    """Whether a table column headed ``span`` holds sums named only by
    their kind ("Số tiền", "Thành tiền", "Kinh phí", "Vốn"): each row's
    label then says what its sum is."""
    return generic_sum(text, span) or _BARE_SUM_COLUMN.fullmatch(text, *span) is not None


def drop_generic_head(text: str, pieces: list[Span]) -> list[Span]:
    """"Tổng trị giá các hoạt động" → "hoạt động": a generic word for a sum
    is no subject, what it is the sum of is."""
    if pieces:
        s, e = pieces[0]
        m = _GENERIC_HEAD.match(text, s, e)
        if m:
            pieces = [(m.end(), e)] + pieces[1:]
    return pieces


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
