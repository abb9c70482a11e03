"""Place mentions in a text and the administrative units they name.

"xã Suối Giàng, huyện Văn Chấn" → two mentions; "Huyện ủy Văn Yên" → huyện
Văn Yên; "Yên Bái" (a province named without its level word) → tỉnh Yên
Bái; "cả nước" → Việt Nam; "toàn tỉnh", "huyện" (no name) → a reference to
the unit of that level the text is about.  Offsets are into the
normalized text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple, Optional

import re

import regex

from functools import lru_cache

from ..numbers import MULTIPLIERS, SPELLED_SMALL
from ..dateline import _HEAD_LINES, lines_with_offsets  # (the head lines a page's dateline is looked for in)
from .countries import after_opening_preposition, country_names, find_countries
from .spans import SpanMask
from .gazetteer import Gazetteer, Unit, gazetteer, key, level_class
from ..grammar.lazy import first_use
from ..grammar.levels import INITIALS, NUMBERED, PLAIN_UNITS, SHORT, VIETNAMESE_UNITS, WRITTEN  # the level words, their short forms, those like an initial
from ..grammar.rules import load_rules
from .words import CharClass, Openers, finditer_at, space_before
from ..grammar.pattern_cache import compile_regex, compile_std

_LEVEL_ALT = "|".join(regex.escape(level) for level in sorted(WRITTEN, key=len, reverse=True))
_SYL = r"(?:[\p{Lu}][\p{L}']*|\d{1,3}(?!\d|[.,/]\d))"
# (transliterated names join lower-case syllables by hyphens: "Phông-sa-lỳ")
# (a name stays on its line: "tỉnh Điện Biên\nHuyện Tuần Giáo" names two units)
_NAME = rf"{_SYL}(?:(?:[^\S\n]|[^\S\n]?-[^\S\n]?){_SYL}|-\p{{Ll}}[\p{{L}}']*){{0,4}}"
# a name follows its level word on the same line
# ("Tổ dân phố số 5", "Thôn số 3": "số" before a unit's number is no part of its name)
_NAMED = compile_regex(rf"(?<![\p{{L}}])(?P<level>(?i:{_LEVEL_ALT}))[^\S\n]*(?:(?i:số)[^\S\n]+(?=\d))?(?P<name>{_NAME})",
                       regex.V0)
# a description after a level word, then the name (matched from the level word's end)
# (no level word in the description: "huyện miền núi tỉnh Quảng Ngãi" names the province)
_DESCRIBED = compile_regex(rf"(?:[^\S\n]+(?!(?:{_LEVEL_ALT}|thị|thành|tổ)(?![\p{{L}}]))\p{{Ll}}+){{1,3}}[^\S\n]+(?P<name>{_NAME})",
                           regex.V0)
# ("Huyện đoàn X", "Tỉnh đoàn X": a Youth Union's committee of that unit; not "Đảng đoàn")
_COMMITTEE = compile_regex(rf"(?<![\p{{L}}])(?P<org>(?i:tỉnh|huyện|thành|thị|quận|đảng))\s+(?i:ủy|uỷ|(?<!(?i:đảng)\s+)đoàn)"
                           rf"\s+(?P<name>{_NAME})", regex.V0)
# "Việt Nam" alone is mostly part of a name ("Hội Nông dân Việt Nam"): only
# the phrases that speak of the whole country count.
# ("khách quốc tế đến Việt Nam", "đầu tư vào Việt Nam": arrivals and investment the country receives)
_NATION = compile_regex(r"(?<![\p{L}])(?:cả\s+nước|toàn\s+quốc|trên\s+toàn\s+quốc|nước\s+ta|(?:tại|ở|của|đến|vào)\s+Việt\s+Nam)(?![\p{L}])",
                        regex.I | regex.V0)
# "Việt Nam" as a clause's subject, a verb after it ("Năm 2023, Việt Nam có ..."):
# the country, not part of a name ("Hội Nông dân Việt Nam")
_NATION_SUBJECT = compile_regex(r"(?<=(?:^|[,.;:!?\n(])[^\S\n]*)Việt[^\S\n]+Nam(?=[^\S\n]+\p{Ll})", regex.V0)
# words after a level word that make it no unit's ("Tỉnh ủy", "xã hội", "xã đạt chuẩn")
_BARE_NOT_NAMED = ("ủy", "uỷ", "đoàn", "đội", "lộ", "trưởng", "đạt", "nông", "điểm", "viên", "hội", "giao")
_BARE = compile_regex(rf"(?<![\p{{L}}])(?i:toàn\s+|của\s+|trong\s+|cấp\s+)?(?P<level>(?i:tỉnh|huyện|thị\s+xã|thành\s+phố|xã|phường|thị\s+trấn))"
                      rf"(?!\s*(?:{_SYL}|(?i:{'|'.join(_BARE_NOT_NAMED)})))(?![\p{{L}}])", regex.V0)
# plural words before a level word: "các xã A, B" names several units; with
# "mỗi", "từng", "số" a level word alone ("mỗi xã") names none either
_PLURAL_WORDS = ("các", "những", "nhiều", r"một\s+số")
_SEVERAL_WORDS = _PLURAL_WORDS + ("mỗi", "từng", "số")
_FEDERAL_BEFORE = compile_regex(r"(?<![\p{L}])liên\s+$", regex.I)
_PLURAL_BEFORE = compile_regex(rf"(?<![\p{{L}}])(?:{'|'.join(_PLURAL_WORDS)})\s+$", regex.I)
_SEVERAL = compile_regex(rf"(?<![\p{{L}}])(?:{'|'.join(_SEVERAL_WORDS)})\s+$", regex.I)
_BRANCH = compile_regex(rf"(?<![\p{{L}}])(?i:chi\s+nhánh)[^\S\n]+(?P<names>{_NAME}(?:[^\S\n]*(?:,|và)[^\S\n]*{_NAME})*)", regex.V0)
_LISTED = compile_regex(r"\s*(?:,|và|hoặc)\s*")
_NO_NAME_FIRST = {"Ngày", "Tháng", "Năm", "Sáng", "Chiều", "Tối", "Trong", "Theo", "Tại", "Với", "Để", "Qua", "Từ", "Đến"}
_EVENT_NAME = compile_regex(r"(?:Đại\s+hội|Hội\s+nghị|Hội\s+thi|Cuộc\s+thi|Giải)(?:[^\S\n]+[^\s,.;:()]+){0,6}[^\S\n]+$",
                            regex.I)
# the frame or the unit a figure is compared with or ranked in, not its place: "lớn nhất cả nước",
# "so với toàn huyện", "cao hơn huyện B", "gấp 2 lần xã B", "đứng đầu cả nước", "dẫn đầu tỉnh A",
# "xếp thứ 3 khu vực", "đứng thứ hai sau TP. Hồ Chí Minh"
_COMPARED = compile_regex(r"(?<![\p{L}])(?:nhất|so\s+với|bằng|hơn|(?:đứng|dẫn)\s+đầu|(?:đứng|xếp)\s+thứ\s+[\p{L}\d]+"
                          r"|(?:đứng|xếp|chỉ)(?:\s+thứ\s+[\p{L}\d]+)?\s+sau|gấp\s+(?:[\d,]+\s+lần|\p{L}+\s+lần|đôi|rưỡi))"
                          r"(?:\s+(?:toàn|trong))?\s+$", regex.I | regex.REVERSE)  # (tried from its end: the words before a unit)
COMPARED_REACH = 30  # (how far before a unit its comparison word is looked for)


def compared_with(text: str, start: int) -> bool:
    """The unit named at ``start`` is what a figure is compared with or
    ranked in ("cao hơn huyện B", "nhất tỉnh"), not where it holds."""
    return bool(_COMPARED.search(text, max(0, start - COMPARED_REACH), start))
# a budget named by its tier ("ngân sách tỉnh", "vốn ngân sách huyện"): the payer of an amount; its revenue and
# spending ("thu ngân sách tỉnh", "chi ngân sách huyện") stay the unit's own
_PAYER_BEFORE = compile_regex(r"(?<![\p{L}])(?<!(?:thu|chi|toán)\s)ngân\s+sách\s+$", regex.I)
# a capitalized word (not an abbreviation: "BC-CTK Lai Châu", "UBND Lai Châu"
# name the province) before a province's name makes it part of a longer name
_CAPITAL_BEFORE = compile_regex(r"(?<![\p{L}])[\p{Lu}](?:\p{Ll}[\p{L}']*)?\s$")
_HCM = compile_regex(r"(?<![\p{L}])T[Pp]\.?\s?HCM(?![\p{L}])")  # ("Tp.HCM" too)
_LOWER_NEXT = compile_regex(r"\s+\p{Ll}")
# "hợp tác xã" is a cooperative: its "xã" is no level word ("Hợp tác xã Tân Tiến")
_COOPERATIVE = compile_regex(r"(?<![\p{L}])hợp[^\S\n]+tác[^\S\n]+xã(?![\p{L}])", regex.I)
_NAME_RE = compile_regex(_NAME)
# between the units of an address chain ("xã A, huyện B", "phường A (TP B)", "xã A thuộc huyện B",
# "xã A (B, tỉnh C)": a bracket may list the units between without their level words)
# ("xã A (mới), tỉnh B", "xã A cũ, huyện B": the era's mark of a unit stays in its chain)
# (possessive runs: what follows them opens with a letter, and a failing gap is not retried)
CHAIN_GAP = compile_regex(rf"[\s,\-–(]*+(?:(?:[mM]ới|[cC]ũ)\)?[\s,\-–]*+)?(?:thuộc\s+|của\s+)?|\s*\(\s*(?P<between>{_NAME})[^\S\n]*[,\-–][^\S\n]*"
                          rf"(?:{_NAME}[^\S\n]*[,\-–][^\S\n]*)?", regex.V0)
# the words each scan's matches open with (lower-case; a scan is tried only where one stands)
_NAMED_OPENERS = tuple(sorted(WRITTEN, key=len))  # ("tp" before "tp.": found among its places)
_COMMITTEE_OPENERS = ("tỉnh", "huyện", "thành", "thị", "quận", "đảng")
# (_BARE's optional first words, and _NATION's, are found back from the word after them)
_BARE_ONE_WORD = ("tỉnh", "huyện", "xã", "phường")
_BARE_TWO_WORDS = ("thị", "thành")
_BARE_SECOND_WORDS = ("xã", "trấn", "phố")  # "thị xã", "thị trấn", "thành phố"
_BARE_BEFORE = ("toàn", "của", "trong", "cấp")
_COMMITTEE_LEVEL = {"tỉnh": "tỉnh", "huyện": "huyện", "thành": "thành phố", "thị": "thị xã", "quận": "quận",
                    "đảng": "xã"}
# what may stand right after a level word's spaces where a name follows
_NAME_OR_SPACE = CharClass(r"[\p{Lu}\d]|[^\S\n]")
_LETTER = CharClass(r"\p{L}")
_CAPITAL = CharClass(r"\p{Lu}")
_SPACE = CharClass(r"\s")
_LOWER_OR_BLANK = CharClass(r"\p{Ll}|[^\S\n]")
_SEVERAL_LAST = CharClass(rf"(?i)[{''.join(sorted({w[-1] for w in _SEVERAL_WORDS}))}]")  # their last letters
# Words that start a capitalized run after a level word but are no name.
_NOT_NAME_START = {"Ủy", "Uỷ", "UBND", "HĐND", "Đảng", "Hội", "Đoàn", "Ban", "Mặt", "Công", "Sở", "Phòng", "Trung",
                   "Bộ", "Nhà", "Trường", "Cụm", "Khu", "Đội", "Ngày", "Tháng", "Năm", "Sáng", "Chiều", "Tối", "Trong",
                   "Theo", "Tại", "Với", "Để", "Qua", "Từ", "Đến"}


# words of _NOT_NAME_START that also end places' names ("Phiêng Ban", "Hòa Trung", "Hải Phòng",
# "Tân Hội", "Xuân Trường", "Đại Từ", "Yên Sở", "Dền Sáng", "Tiến Bộ", "Mường Nhà", "Ngã Năm")
_NAME_SYLLABLES = frozenset(("Ban", "Trung", "Công", "Đoàn", "Phòng", "Hội", "Trường", "Từ", "Sở", "Sáng", "Bộ",
                             "Qua", "Cụm", "Nhà", "Năm"))
_CLOSING = compile_regex(r"[^\S\n]*(?:[,.;:()]|$)")  # (a bracket after a name closes it too: "bản Phiêng Ban (xã A)")


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text: span, level word, name as written,
    province (when known) and code; ``bare`` for a level word without a
    name ("toàn tỉnh"), whose unit is the one the text is about."""

    start: int
    end: int
    level: str
    name: Optional[str]
    province: Optional[str] = None
    code: Optional[str] = None
    bare: bool = False
    written: bool = True  # the name stands in the text right before ``end``
    new_code: Optional[str] = None
    # a level word that names a tier or several units ("cấp xã", "các xã",
    # "mỗi huyện"), not the one unit the text is about
    several: bool = False
    # named only inside an office's name ("chi nhánh Yên Thế"): it tells
    # which unit the text is about, but is not the place of its clause
    office: bool = False

    @property
    def foreign(self) -> bool:
        """A country other than Việt Nam."""
        return self.level == "quốc gia" and self.name != "Việt Nam"

    def as_place(self) -> Optional[dict]:
        """The place as a record dict; ``_name_span`` (normalized offsets
        of the name) lets the pipeline take the name as written."""
        if self.name is None:
            return None
        place = {"name": self.name, "level": self.level, "province": self.province, "code": self.code,
                 "new_code": self.new_code}
        if self.written:
            place["_name_span"] = (self.end - len(self.name), self.end)
        return place


def _lone_unknown(text: str, end: int, name: str, level: str, gaz: Gazetteer) -> bool:
    """One capitalized word the gazetteer does not know as a unit of that
    level, followed by a lower-case word ("xã Chủ trì", "Đảng ủy Chính
    phủ"): a capitalized common word, unless the text writes the same
    "level Name" again (a small unit the gazetteer lacks: "xã Vĩnh")."""
    if (" " in name or not _LOWER_NEXT.match(text[end:end + 40]) or _lookup(gaz, name, level)
            or (level == "thành phố" and gaz.province(name))):
        return False
    # each writing holds the name itself: written once, it is not written again
    return text.count(name) < 2 or len(_written_again(level, name).findall(text, 0, len(text))) < 2


@lru_cache(maxsize=256)
def _written_again(level: str, name: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}])(?i:{regex.escape(level)})\s+{regex.escape(name)}(?![\p{{L}}])")


@lru_cache(maxsize=4096)
def _lookup(gaz: Gazetteer, name: str, level: Optional[str] = None, province: Optional[str] = None,
            district: Optional[str] = None, legacy: bool = True) -> list:
    """``gaz.lookup`` remembered (texts name the same units again and
    again); the list returned is shared: not to be changed."""
    return gaz.lookup(name, level, province=province, district=district, legacy=legacy)


@lru_cache(maxsize=256)
def _named_level(written: str) -> Optional[str]:
    """The level a level word before a name stands for ("TP" → "thành
    phố"); None for one written in capitals ("XÃ" in an all-caps heading:
    too unsure)."""
    level = written.lower()
    if level in SHORT:
        return SHORT[level] if written[0].isupper() else None
    if written[0].isupper() and written != written.capitalize():
        return None
    return level


HEADING_NUMBER = compile_regex(r"[^\S\n]*(?:(?:\d{1,2}|[IVX]{1,4}|[a-đ])[.)][^\S\n]*)?")
_HEADING_END = compile_regex(r"[^\S\n]*:?[^\S\n]*(?:\n|$)")


def _unit_heading(text: str, m, gaz: Gazetteer) -> bool:
    """The level word and name in capitals are a whole line, numbered or
    not ("HUYỆN PHÚ LƯƠNG", "2. XÃ TÂN LẬP:"), and the gazetteer knows the
    unit at that level: a subheading naming the unit the report under it is
    about, not a heading's common word."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    name = m.group("name")
    return (name.isupper() and HEADING_NUMBER.fullmatch(text, line_start, m.start()) is not None
            and _HEADING_END.match(text, m.end()) is not None
            and bool(_lookup(gaz, name, _level_word(m.group("level")))))


@lru_cache(maxsize=64)
def _level_word(written: str) -> str:
    """A level word as the rules name it: lower-case, single spaces."""
    return " ".join(written.lower().split())


@lru_cache(maxsize=4096)
def _clean_name(name: str, closed: bool = False) -> str:
    """``name`` without what follows a place's name in a capitalized run;
    ``closed``: punctuation follows the run, so its last word starts no
    organization's name ("thôn Phiêng Ban," is a name; "thôn A Ban Dân vận"
    is not)."""
    words = name.split()
    # a name ends before a capitalized word that starts an organization
    if words and words[0] in _NO_NAME_FIRST:
        return ""  # "... cấp xã Ngày 15/5": a sentence goes on, no name
    last = len(words) - 1
    for i, w in enumerate(words):
        if i and w in _NOT_NAME_START and not (closed and i == last and w in _NAME_SYLLABLES):
            words = words[:i]
            break
    return " ".join(words).strip(" -")


def _village_word_in_name(text: str, start: int, end: int, level: str, name: str, gaz: Gazetteer) -> tuple[str, str]:
    """"Bản Lầu (Mường Khương): …": a capitalized village word that begins
    the name of a unit the gazetteer knows is part of that name (communes
    are often named so: "Bản Lầu", "Bản Phố"); the unit's own level then."""
    full = text[start:end]
    units = _lookup(gaz, full) if " " in full and "\n" not in full else []
    return (units[0].level, full) if units else (level, name)


def _without_figure(name: str, level: str, gaz: Gazetteer) -> str:
    """``name`` without a last number that is a figure's ("hỗ trợ huyện A
    5 tỷ đồng"): dropped when the gazetteer knows the name without it and
    not with it ("phường Hà Giang 1" keeps its number)."""
    head, _, last = name.rpartition(" ")
    if head and last.isdigit() and not _lookup(gaz, name, level) and _lookup(gaz, head, level):
        return head
    return name


_WORDS_AFTER = compile_regex(r"[^\S\n]+(\p{Ll}+)(?:[^\S\n]+(\p{Ll}+))?")


def _counts_after(text: str, end: int, name: str) -> str:
    """``name`` (ending at ``end``) without a last number that a counted noun
    follows ("thôn Lùng Phình 18 hộ": the village's figure, not its
    number; "thôn Na Lốc 1 có 25 hộ" keeps it)."""
    head, _, last = name.rpartition(" ")
    if not head or not last.isdigit():
        return name
    after = _WORDS_AFTER.match(text, end)
    if after is None:
        return head if _PERCENT_AFTER.match(text, end) else name
    counted = load_rules().lexicon("counted_nouns")
    one = after.group(1)
    if one in MULTIPLIERS or one in _area_words():
        return head  # "hỗ trợ thôn A 120 triệu đồng", "thôn A 45 ha"
    return head if one in counted or (after.group(2) and f"{one} {after.group(2)}" in counted) else name
_PERCENT_AFTER = compile_regex(r"[^\S\n]?%")


@lru_cache(maxsize=1)
def _area_words() -> frozenset[str]:
    """The one-word forms of the land units of units.toml ("ha", "m2", "sào")."""
    return frozenset(f for unit in load_rules().units.area for f in unit.forms if " " not in f)


def _longer_known(name: str, found: str, level: str, gaz: Gazetteer) -> str:
    """``name`` with the word of _NAME_SYLLABLES it was cut before (and the
    words after it, "Ba Cụm Bắc"), when the gazetteer knows the longer name
    at that level ("xã Hòa Trung có ...")."""
    words, kept = found.split(), len(name.split())
    if name and kept < len(words) and words[kept] in _NAME_SYLLABLES:
        for end in range(min(len(words), kept + 3), kept, -1):
            longer = " ".join(words[:end])
            # (a centrally governed city is a province to the gazetteer: "thành phố Hải Phòng")
            if _lookup(gaz, longer, level) or (level in ("thành phố", "tỉnh") and gaz.province(longer)):
                return longer
    return name


def _known_name(text: str, m, found: str, level: str, gaz: Gazetteer) -> str:
    """The name a _NAMED match ``m`` gives (``found``: its name group):
    :func:`_clean_name` and :func:`_longer_known`, which differ from the
    plain cut only where a word of _NAME_SYLLABLES is written."""
    name = _clean_name(found)
    if len(name) == len(found) or _NAME_SYLLABLES.isdisjoint(found.split()):
        return name  # (nothing cut, or no such word: the plain cut)
    return _longer_known(_clean_name(found, _CLOSING.match(text, m.end("name")) is not None), found, level, gaz)


def find_places(text: str, gaz: Optional[Gazetteer] = None, surnames: frozenset = frozenset(),
                openers: Optional[Openers] = None, legacy: bool = True) -> list[PlaceMention]:
    """Every place mention in ``text``, sorted by start, provinces resolved
    through the chain ("xã A, huyện B, tỉnh C") and the gazetteer.
    ``surnames``: a name the gazetteer does not know that starts with one
    and runs to three syllables or more is a person ("Chủ tịch UBND tỉnh
    Nguyễn Văn A"), not a place.  ``openers``: the text's :class:`Openers`,
    if made; ``legacy``: False when the text dates from after the 1 July
    2025 merger, whose units a name then means first."""
    gaz = gaz or gazetteer()

    def person_like(name: str) -> bool:
        words = name.split()
        return len(words) >= 3 and words[0] in surnames and not _lookup(gaz, name)
    def without_holder(name: str, level: str) -> str:
        # "Trưởng Ban Dân vận Huyện ủy Hải Hậu Vũ Thị Lan Anh": the unit the
        # gazetteer knows, then its post's holder, a surname first
        words = name.split()
        if len(words) < 3 or _lookup(gaz, name, level):
            return name
        for i in range(len(words) - 2, 0, -1):
            if words[i] in surnames and _lookup(gaz, " ".join(words[:i]), level):
                return " ".join(words[:i])
        return name
    def person_named(name: str) -> bool:
        # a province named after a person ("Hồ Chí Minh") is the city only
        # with its level word; alone, the name is the person's
        words = name.split()
        return len(words) >= 3 and words[0] in surnames
    raw: list[tuple[int, int, str, Optional[str]]] = []
    offices: set[int] = set()
    spans = SpanMask(len(text))
    free = spans.free
    openers = openers or Openers(text)

    for m in _HCM.finditer(text):
        raw.append((m.start(), m.end(), "thành phố", "Hồ Chí Minh"))
        spans.take(m.start(), m.end())
    starts = _level_starts(openers)
    for m in finditer_at(_COOPERATIVE, text, starts.cooperative):
        spans.take(m.start(), m.end())
    for m in finditer_at(_COMMITTEE, text, starts.committee):
        level = _COMMITTEE_LEVEL[m.group("org").lower()]
        name = without_holder(_known_name(text, m, m.group("name"), level, gaz), level)
        if name and _lone_unknown(text, m.start("name") + len(name), name, level, gaz):
            continue  # "Đảng ủy Chính phủ": a capitalized common word, no unit
        if name and person_like(name):
            continue  # "Bí thư Tỉnh đoàn Nguyễn Văn A": the post's holder, no unit
        if name and free(m.start(), m.end()):
            raw.append((m.start(), m.start("name") + len(name), level, name))
            spans.take(m.start(), m.end())
    for m in finditer_at(_NAMED, text, starts.named):
        written, found = m.group("level", "name")
        level = _named_level(written)
        if level is None:
            if not _unit_heading(text, m, gaz):
                continue  # "XÃ" in an all-caps heading: too unsure
            level = _level_word(written)
        name = without_holder(_without_figure(_known_name(text, m, found, level, gaz), level, gaz), level)
        if name[-1:].isdigit():
            name = _counts_after(text, m.start("name") + len(name), name)
        if not name or name[0].isdigit() and level not in NUMBERED:
            continue
        if (name.isupper() and len(name) <= 5 and " " not in name) or person_like(name):
            continue  # an abbreviation ("xã NTM") or a person's name
        name_end = m.start("name") + len(name)
        if written[0].isupper() and _tier(level) == 3:
            level, name = _village_word_in_name(text, m.start(), name_end, level, name, gaz)
        if level == "tỉnh" and not gaz.province(name) and _MANY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "5 tỉnh Tây Nguyên": a region the provinces counted lie in, no province
        if level == "bang" and _FEDERAL_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "Liên bang Nga": a country's name
        if written.lower() in INITIALS and not (_lookup(gaz, name, level) or _seat_provinces(gaz, name, level, None)):
            continue  # "Nguyễn Văn H. Lò": an initial, no level word
        if level != "bang" and not (name[0].isdigit() and level in PLAIN_UNITS) \
                and _lone_unknown(text, name_end, name, level, gaz):
            # ("Thôn 7 có 96 hộ": a number is no capitalized common word; "Văn bản 2 có": "bản" is one)
            continue  # "PCT UBND xã Chủ trì": one capitalized word the gazetteer does not know, then a verb
        start, end = m.span()
        if free(start, end):
            raw.append((start, name_end, level, name))
            spans.take(start, end)
            for listed in _listed_after(text, start, name_end, level, gaz):
                if free(listed[0], listed[1]):
                    raw.append(listed)
                    spans.take(listed[0], listed[1])
    for m in finditer_at(_NATION, text, _nation_starts(openers)):
        start, end = m.span()
        if compared_with(text, start):
            continue  # "lớn nhất cả nước", "so với cả nước": a comparison, not the place
        if _EVENT_NAME.search(text, max(0, start - 50), start):
            continue  # "Đại hội đại biểu toàn quốc", "Hội nghị toàn quốc": an event's name
        if text[start] in "đĐvV" and _TRADE_BEFORE.search(text, max(0, start - 60), start):
            continue  # "Lào xuất khẩu vào Việt Nam": the trade's partner, not where the figure holds
        if free(start, end):
            raw.append((start, end, "quốc gia", "Việt Nam"))
            spans.take(start, end)
    for m in finditer_at(_NATION_SUBJECT, text, openers.starts(("việt",))):
        if free(m.start(), m.end()):
            raw.append((m.start(), m.end(), "quốc gia", "Việt Nam"))
            spans.take(m.start(), m.end())
    # provinces named without their level word
    province_starts, country_starts = _name_starts(gaz)(text)
    for m in gaz.find_provinces(text, province_starts):
        start, end = m.span()
        # a province's name, not the start or end of a longer capitalized name
        if not free(start, end) or (_may_follow_capital(text, start)
                                    and _CAPITAL_BEFORE.search(text, max(0, start - 20), start)
                                    and not after_opening_preposition(text, start)):
            continue  # (part of a longer name; "Tại Lào Cai, …": the sentence's first word only)
        name = m.group()
        if gaz.province(name) and not person_named(name):
            raw.append((start, end, "tỉnh", name))
            spans.take(start, end)
            before = _unit_before_bracket(text, start, name, gaz) if text.rfind("(", max(0, start - 3), start) >= 0 else None
            if before and free(before[0], before[1]):
                raw.append(before)
                spans.take(before[0], before[1])
    for start, end, level, name in _head_line_places(text, gaz):
        if free(start, end):
            raw.append((start, end, level, name))
            spans.take(start, end)
    for start, end, name in find_countries(text, country_starts):
        if _PARTNER_BEFORE.search(text, max(0, start - 30), start):
            continue  # "xuất khẩu sang Hàn Quốc", "khách từ Trung Quốc": a partner, not where the figure holds
        if free(start, end):
            raw.append((start, end, "quốc gia", name))
            spans.take(start, end)
    for start, end, level, name in _branch_places(text, gaz, openers):
        if free(start, end):
            raw.append((start, end, level, name))
            spans.take(start, end)
            offices.add(start)
    for m in finditer_at(_BARE, text, starts.bare):
        start, end = m.span()
        if not free(start, end) or compared_with(text, start):
            continue  # "thấp nhất tỉnh", "so với toàn huyện": the frame compared with, not the place
        level = _level_word(m.group("level"))
        if text.find("sách", max(0, start - 6), start) >= 0 and _PAYER_BEFORE.search(text, max(0, start - 24), start):
            # "Trong đó, ngân sách tỉnh hỗ trợ 2,8 tỷ đồng": the tier that pays, not the place the money goes to
            offices.add(start)
        # "huyện vùng cao Mù Cang Chải": a unit the gazetteer knows, after a description
        level_end = m.end("level")
        described = _DESCRIBED.match(text, level_end, level_end + 80) if _may_describe(text, level_end) else None
        name = _clean_name(described.group("name")) if described else ""
        # a unit's name is capitalized: "huyện có 285 ..." describes no unit "285";
        # a roman numeral grades the description ("các xã vùng III", "khu vực II")
        if name and name[0].isupper() and name.strip("IVX") and _lookup(gaz, name, level):
            name_end = described.start("name") + len(name)
            raw.append((m.start("level"), name_end, level, name))
            raw.extend(listed for listed in _listed_after(text, m.start("level"), name_end, level, gaz)
                       if free(listed[0], listed[1]))
        else:
            raw.append((start, end, level, None))
    raw.sort()
    out = _resolve(text, raw, gaz, legacy)
    opened = _line_opener_places(text, out, free, gaz, legacy) if ":" in text or "\t" in text or "|" in text else []
    if opened:
        out = _resolve(text, sorted(raw + opened), gaz, legacy)
    return [replace(p, office=True) if p.start in offices else p for p in out] if offices else out


_TRADE_BEFORE = compile_regex(r"(?<![\p{L}])(?:xuất|nhập)(?:\s+khẩu)?[^,.;:\n]{0,40}$", regex.I)
# a country a trade or a journey goes to or comes from ("xuất khẩu sang thị trường Hàn Quốc",
# "nhập khẩu từ Trung Quốc", "khách đến từ Nhật Bản"): the partner, not the figure's place
_PARTNER_BEFORE = compile_regex(r"(?<![\p{L}])(?:sang|từ|vào|đến|tới)(?:[^\S\n]+(?:các[^\S\n]+)?(?:thị[^\S\n]+trường|nước))?"
                                r"[^\S\n]+$", regex.I)
# "Mai Sơn: 300 hội viên …": a line (a headline, a related link) opened by a unit's
# name without its level word, then a colon
_LINE_OPENER = compile_regex(rf"[^\S\n]*(?:[-–•*+][^\S\n]*)?(?P<name>{_NAME})[^\S\n]*:[^\S\n]", regex.V0)
_OPENER_REACH = 40  # (a unit's name before the colon is short)
# "Bảo Lâm\t4.012\t36,9", "| Bảo Lâm | 4.012 |": a table's row opened by a unit's name, its figures after it
_ROW_LABEL = compile_regex(rf"[^\S\n]*\|?[^\S\n]*(?:\d{{1,2}}[^\S\n]*[\t|][^\S\n]*)?(?P<name>{_NAME})[^\S\n]*[\t|][^\S\n]*\d",
                           regex.V0)
_ROW_LINE = compile_regex(r"(?m)^[^\n\t|]{0,48}[\t|][^\n]*")  # (a line with a cell's border near its start)


def _line_opener_places(text: str, found: list[PlaceMention], free, gaz: Gazetteer, legacy: bool):
    """(start, end, level, name) of the units that open a line before a
    colon, the headline's "Place: …" convention, or that label a table's
    row, when the gazetteer knows the name at one level in the one province
    the text's units lie in, or, when the text names no unit with its
    province ("BÁO LẠNG SƠN" and a list of news items "Cao Lộc: …", "Văn
    Lãng: …"), in one province only."""
    provinces = {p.province for p in found if p.province and not p.bare and p.level != "quốc gia"}
    if len(provinces) > 1:
        return []
    want = key(gaz.province(next(iter(provinces))) or next(iter(provinces))) if provinces else None
    out = []
    for m in _openers(text):
        start, end = m.span("name")
        if not free(start, end) or gaz.province(m.group("name")):
            continue
        units = [u for u in _lookup(gaz, m.group("name"), legacy=legacy) if u.level != "tỉnh"
                 and (want is None or key(u.province) == want)]
        if not units or want is None and len({u.province for u in units}) > 1:
            continue  # (a name several provinces have: no telling which without a province named)
        # a district and its seat town share a name: the name alone is the district
        top = min(_tier(u.level) for u in units)
        levels = {u.level for u in units if _tier(u.level) == top}
        if len(levels) == 1:
            out.append((start, end, levels.pop(), m.group("name")))
    return out


def _openers(text: str):
    """The matches of a unit's name that opens a line before a colon, and
    of one that labels a table's row (lines with a tab or a bar)."""
    colon = text.find(":")
    while colon >= 0:
        line_start = text.rfind("\n", max(0, colon - _OPENER_REACH), colon) + 1
        m = (_LINE_OPENER.fullmatch(text, line_start, colon + 2)
             if line_start or colon < _OPENER_REACH else None)
        colon = text.find(":", colon + 1)
        if m is not None:
            yield m
    if "\t" in text or "|" in text:
        for row in _ROW_LINE.finditer(text):
            m = _ROW_LABEL.match(text, row.start(), row.end())
            if m is not None:
                yield m


# a plural word or a count before a level word: several units of that level follow
_MANY_BEFORE = compile_regex(rf"(?<![\p{{L}}\d.,])(?:các|những|một\s+số|\d{{1,3}}|{SPELLED_SMALL})\s+$", regex.I)
# ("các huyện A (18%), B (22%)": a bracket of the item's figure before the next)
_NEXT_LISTED = compile_regex(rf"(?:[^\S\n]*\([^\S\n]*\d[^()\n]{{0,30}}\))?[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*(?P<name>{_NAME})",
                             regex.V0)
_MAX_LISTED = 12


def _listed_after(text: str, start: int, end: int, level: str, gaz: Gazetteer):
    """"3 huyện A, B và C", "các xã A, B": after a level word that a plural
    word or a count opens, the names listed after the first are units of
    the same level; each one the gazetteer knows at that level is one
    (the list ends at the first it does not)."""
    if level_class(level) not in ("huyện", "xã") or not _MANY_BEFORE.search(text, max(0, start - 8), start):
        return
    for _ in range(_MAX_LISTED):
        m = _NEXT_LISTED.match(text, end)
        name = _known_name(text, m, m.group("name"), level, gaz) if m else ""
        if not name or not (_lookup(gaz, name, level) or name.startswith(_VILLAGE_WORD_NAMES) and " " in name):
            return  # (a name opening with a capitalized village word, "Bản Xen", is the list's unit too)
        end = m.start("name") + len(name)
        yield m.start("name"), end, level, name


# the common words that are a village's level word ("bản", "làng", "buôn", "sóc", "khóm"),
# capitalized: inside a list of communes they open a commune's name ("các xã Lùng Vai, Bản Xen")
_VILLAGE_WORD_NAMES = tuple(w.capitalize() + " " for w in VIETNAMESE_UNITS if w not in PLAIN_UNITS)


# a name right before a bracket that names its province: "Mường Lát (Thanh Hóa): ..."
_NAME_BEFORE_BRACKET = compile_regex(rf"(?<![\p{{L}}])(?P<name>{_NAME})[^\S\n]*\([^\S\n]*$", regex.V0)


def _unit_before_bracket(text: str, start: int, province: str, gaz: Gazetteer):
    """A unit named without its level word before a bracket that holds its
    province ("Mường Lát (Thanh Hóa)", the headline's and the dateline's
    way of placing a district or commune): (start, end, level, name) when
    the gazetteer knows that name in that province at one level."""
    m = _NAME_BEFORE_BRACKET.search(text, max(0, start - 50), start)
    if m is None:
        return None
    name = _clean_name(m.group("name"))
    want = key(gaz.province(province) or province)
    units = [u for u in _lookup(gaz, name) if u.level != "tỉnh" and key(u.province) == want] if name else []
    if not units:
        return None
    # a district and its seat town share a name: the name alone is the district
    top = min(_tier(u.level) for u in units)
    units = [u for u in units if _tier(u.level) == top]
    if len({u.level for u in units}) != 1:
        return None
    return m.start("name"), m.start("name") + len(name), units[0].level, name


# "LAI CHÂU: GIẢM NGHÈO ...": an all-caps headline opened by its place
_CAPS_PLACE = compile_regex(r"[^\S\n]*(?P<name>\p{Lu}[\p{Lu}\s]{1,24}?)[^\S\n]*(?::|\s[-–]\s)")
# "QUẢNG NINH - Sáng 5/6, ...": a dateline's place in capitals, then a dash, in a line of any case
_DATELINE_DASH = compile_regex(r"[^\S\n]+[-–][^\S\n]")


def _head_line_places(text: str, gaz: Gazetteer):
    """(start, end, level, name) of the places the head lines name without
    a level word: a province in capitals that opens a head line, followed
    by a colon or a dash in an all-caps line (the headline's "Place: ..."
    convention) or by a dash in any (a dateline: "QUẢNG NINH - ..."), the
    name as the gazetteer writes it; a district-level unit a dateline names
    (:func:`_dateline_district`)."""
    for pos, line in lines_with_offsets(text, _HEAD_LINES):
        m = _CAPS_PLACE.match(line) if line[:2].isupper() else None
        if m is not None and (line.isupper() or _DATELINE_DASH.match(line, m.end("name"))):
            name = gaz.province(m.group("name"))
            if name:
                yield pos + m.start("name"), pos + m.end("name"), gaz.province_level(name), name
                continue
        district = _dateline_district(line, gaz) if line.lstrip()[:1].isupper() else None
        if district is not None:
            start, end, level = district
            yield pos + start, pos + end, level, line[start:end]


# a dateline naming its place without a level word: "MƯỜNG KHƯƠNG - …", "Bắc Hà, ngày 5/6/2024"
_DATELINE_PLACE = compile_regex(r"[^\S\n]*(?P<name>\p{Lu}[\p{L}\s]{1,24}?)[^\S\n]*(?:\s[-–]\s|,[^\S\n]*(?:ngày[^\S\n]+)?"
                                r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)")


# a cheap test before _DATELINE_PLACE (stdlib ``re``): at most four words, then a dash, or a
# comma and a date
_DATELINE_SHAPE = compile_std(r"\s*+[^\W\d_]++(?: [^\W\d_]++){0,3}+(?: [-–] |,\s*+(?:ngày\s+)?\d)")


def _dateline_district(line: str, gaz: Gazetteer) -> Optional[tuple[int, int, str]]:
    """(start, end, level) of a district-level unit a dateline names without
    its level word ("MƯỜNG KHƯƠNG - …", "Bắc Hà, ngày 5/6/2024"): a dateline
    names the province or the district the report comes from; the level
    the unit has, when the gazetteer knows one such unit (a province's name
    is read apart)."""
    if _DATELINE_SHAPE.match(line) is None:
        return None
    m = _DATELINE_PLACE.match(line)
    if m is None or gaz.province(m.group("name")):
        return None
    units = {(u.level, u.province) for u in _lookup(gaz, m.group("name"), "huyện") if u.level != "tỉnh"}
    return (m.start("name"), m.end("name"), next(iter(units))[0]) if len(units) == 1 else None


class _NameStarts:
    """Where the provinces' and the countries' names start in a text, found
    by one stdlib ``re`` scan for both lists instead of one each."""

    @first_use
    def __init__(self, provinces: set[str], countries: set[str]):
        from ..grammar.alternation import alternation

        self._finder = compile_std(alternation(provinces | countries))
        # the scan finds the longest name at a position: the names there are
        # it and those it opens with; which of the lists hold one of them
        self._lists = {n: (_opens_with_one(n, provinces), _opens_with_one(n, countries)) for n in provinces | countries}

    def __call__(self, text: str) -> tuple[list[int], list[int]]:
        """The starts of a province's name and of a country's name."""
        provinces: list[int] = []
        countries: list[int] = []
        search, lists, pos = self._finder.search, self._lists, 0
        while (found := search(text, pos)) is not None:
            pos = found.start()
            province, country = lists[found.group()]
            if province:
                provinces.append(pos)
            if country:
                countries.append(pos)
            pos += 1
        return provinces, countries


def _opens_with_one(name: str, names: set[str]) -> bool:
    """``name`` opens with one of ``names`` (or is one)."""
    return any(name[:k] in names for k in range(1, len(name) + 1))


@lru_cache(maxsize=4)
def _name_starts(gaz: Gazetteer) -> _NameStarts:
    return _NameStarts(gaz.province_names(), country_names())


def _may_follow_capital(text: str, start: int) -> bool:
    """False when _CAPITAL_BEFORE cannot match right before ``start``: no
    white space there, or no capital in the word before it."""
    j = start - 1
    if j < 1 or text[j] == "\n":
        return j >= 1  # ("$" also matches before a last line break)
    if not _SPACE[text[j]]:
        return False
    j -= 1
    while j >= 0 and (_LETTER[text[j]] or text[j] == "'"):
        if _CAPITAL[text[j]]:
            return True
        j -= 1
    return False


def _may_describe(text: str, end: int) -> bool:
    """False when _DESCRIBED cannot match at ``end``: no blank there, or
    after the spaces no lower-case letter (a description's first word)."""
    n = len(text)
    if end >= n or not _SPACE[text[end]] or text[end] == "\n":
        return False
    while end < n and text[end] == " ":
        end += 1
    return end < n and _LOWER_OR_BLANK[text[end]]


def _may_be_several(text: str, start: int) -> bool:
    """False when _SEVERAL cannot match right before ``start``: no white
    space there, or the word before it does not end as one of its words."""
    j = space_before(text, start)
    return 0 < j < start and _SEVERAL_LAST[text[j - 1]]


def _blanks_end(text: str, end: int) -> int:
    """Where the spaces that start at ``end`` end."""
    n = len(text)
    while end < n and text[end] == " ":
        end += 1
    return end


def _may_be_bare(low: str, end: int, at: int, after: str) -> bool:
    """False when a level word that ends at ``end`` (spaces after it up to
    ``at``, where ``after`` stands: "" at the text's end) cannot be _BARE's:
    it goes on as a longer word or a capital (a name: "tỉnh Yên Bái") or a
    word that makes it no unit's ("Tỉnh ủy") follows."""
    return not ((at == end and _LETTER[after]) or _CAPITAL[after] or low.startswith(_BARE_NOT_NAMED, at))


def _may_be_bare_pair(text: str, low: str, end: int, at: int, after: str) -> bool:
    """As :func:`_may_be_bare` for "thị" or "thành", tested after the second
    word it needs ("thị xã"); True where other white space than spaces
    leaves it to the pattern."""
    if _SPACE[after]:
        return True
    second = next((w for w in _BARE_SECOND_WORDS if low.startswith(w, at)), None) if at > end else None
    if second is None:
        return False
    end = at + len(second)
    at = _blanks_end(text, end)
    return _may_be_bare(low, end, at, text[at] if at < len(text) else "")


def _head(word: str) -> str:
    """The word looked for to find ``word``: its first syllable when that is
    looked for anyway ("thị xã" among the places of "thị"), else itself."""
    head = word.split(" ", 1)[0].rstrip(".")
    return head if head != word and head in _LOOKED_FOR else word


_LOOKED_FOR = frozenset(_NAMED_OPENERS + _BARE_TWO_WORDS + _COMMITTEE_OPENERS)
_HEADS = tuple(dict.fromkeys(_head(w) for w in _NAMED_OPENERS + _BARE_TWO_WORDS + _COMMITTEE_OPENERS))
# each head word: a _NAMED opener itself, _BARE's one-word level, a pair's
# first word, a _COMMITTEE opener, the longer _NAMED openers it starts
_ROLES = {h: (h in _NAMED_OPENERS, h in _BARE_ONE_WORD, h in _BARE_TWO_WORDS, h in _COMMITTEE_OPENERS,
              tuple(w for w in _NAMED_OPENERS if w != h and _head(w) == h)) for h in _HEADS}
_COMMITTEE_WORDS = ("ủy", "uỷ", "đoàn")


class _Starts(NamedTuple):
    """Where the level words' scans can start (None: scan in full)."""

    named: Optional[list[int]]
    bare: Optional[list[int]]
    committee: Optional[list[int]]
    cooperative: Optional[list[int]]  # (_COOPERATIVE's: the "hợp" before "tác" before a "xã")


def _level_starts(openers: Openers) -> _Starts:
    """Where a match of _NAMED, of _BARE, of _COMMITTEE and of _COOPERATIVE
    can start, from one pass over the places of the level words (found in
    the lowered text) and a look at what follows each."""
    if openers.low is None:
        return _Starts(None, None, None, None)
    text, low, size = openers.text, openers.low, len(openers.text)
    named: set[int] = set()
    levels: set[int] = set()
    committees: list[int] = []
    heads = _HEAD_FINDER(low)
    for head, places in heads.items():
        is_named, one_word, pair, committee, longer = _ROLES[head]
        n = len(head)
        for p in places:
            end = at = p + n
            while at < size and text[at] == " ":
                at += 1
            after = text[at] if at < size else ""  # (no character class holds "")
            if is_named and (_NAME_OR_SPACE[after] or _number_word(text, at)):
                named.add(p)
            if (one_word and _may_be_bare(low, end, at, after)) or (pair and _may_be_bare_pair(text, low, end, at, after)):
                levels.add(p)
            if committee and _committee_after(text, low, end, at):
                committees.append(p)
            for w in longer:
                if low.startswith(w, p) and _may_name(text, p + len(w)):
                    named.add(p)
    bare = sorted(levels)
    cooperative = openers.before(openers.before(heads.get("xã", []), ("tác",)), ("hợp",))
    return _Starts(sorted(named), sorted(set(bare + openers.before(bare, _BARE_BEFORE))), sorted(committees), cooperative)


class _WordFinder:
    """Where each of some lower-case words starts in a lowered text: words
    that share their first letter with others are found by one stdlib
    ``re`` scan per letter (its search for one letter is faster than a
    ``find`` per word), the other words by ``str.find``."""

    def __init__(self, words: tuple[str, ...]):
        groups: dict[str, list[str]] = {}
        for w in words:
            groups.setdefault(w[0], []).append(w)
        # (a word that holds its first letter further on is found alone: "tt." beside "thành")
        kept = [[w for w in g if w[0] not in w[1:]] for g in groups.values()]
        shared = [g for g in kept if len(g) > 1 and _one_match_each(g)]
        self._scans = tuple(compile_std(re.escape(g[0][0]) + "(?:" + "|".join(re.escape(w[1:]) for w in g) + ")")
                            for g in shared)
        self._alone = tuple(w for w in words if not any(w in g for g in shared))

    def __call__(self, low: str) -> dict[str, list[int]]:
        """The places (sorted) of each word found in ``low``."""
        at: dict[str, list[int]] = {}
        for scan in self._scans:
            for m in scan.finditer(low):
                at.setdefault(m.group(), []).append(m.start())
        for w in self._alone:
            p = low.find(w)
            if p >= 0:
                found = at[w] = []
                while p >= 0:
                    found.append(p)
                    p = low.find(w, p + 1)
        return at


def _one_match_each(words: list[str]) -> bool:
    """A scan for ``words`` (one first letter) finds every place of each:
    none opens another, and none holds that letter further on (where
    another could start inside it)."""
    first = words[0][0]
    return (not any(a != b and b.startswith(a) for a in words for b in words)
            and not any(first in w[1:] for w in words))


_HEAD_FINDER = _WordFinder(_HEADS)


def _may_name(text: str, end: int) -> bool:
    """False when no name can follow a level word that ends at ``end``:
    after its spaces stands no capital, digit or other space."""
    at = _blanks_end(text, end)
    return at < len(text) and (_NAME_OR_SPACE[text[at]] or _number_word(text, at))


def _number_word(text: str, at: int) -> bool:
    """"số" and a digit stand at ``at`` ("Tổ dân phố số 5")."""
    return text[at:at + 3].lower() == "số " and text[at + 3:at + 4].isdigit()


def _committee_after(text: str, low: str, end: int, at: int) -> bool:
    """An "ủy" after white space follows a level word that ends at ``end``
    (its spaces up to ``at``): "Huyện ủy"."""
    n = len(text)
    while at < n and _SPACE[text[at]]:
        at += 1
    return at > end and low.startswith(_COMMITTEE_WORDS, at)


def _nation_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _NATION can start, found from the words it cannot
    do without: "nước" ("nước ta", "cả nước"), "quốc" ("(trên) toàn
    quốc"), "việt" ("tại Việt Nam"); None: scan in full."""
    country, whole, viet = (openers.starts((w,)) for w in ("nước", "quốc", "việt"))
    if country is None:
        return None
    toan = openers.before(whole, ("toàn",))
    return sorted(set(country + openers.before(country, ("cả",)) + toan + openers.before(toan, ("trên",))
                      + openers.before(viet, ("tại", "ở", "của", "đến", "vào"))))


def _branch_places(text: str, gaz: Gazetteer, openers: Openers):
    """Units named by an office's branch without their level word ("Ngân
    hàng ... chi nhánh Yên Thế, Bố Hạ"): a branch bears the name of the unit
    it serves, so a name the gazetteer knows is that unit, at the highest
    level it has."""
    for m in finditer_at(_BRANCH, text, _branch_starts(openers)):
        for n in _NAME_RE.finditer(m.group("names")):
            name = _clean_name(n.group(0))
            units = _lookup(gaz, name) if name else []
            if not units:
                continue
            top = min(units, key=lambda u: _CLASS_ORDER.index(level_class(u.level)))
            start = m.start("names") + n.start()
            yield start, start + len(name), top.level, name


def _branch_starts(openers: Openers) -> Optional[list[int]]:
    """Where a match of _BRANCH can start: at the "chi" before a "nhánh";
    None: scan in full."""
    branches = openers.starts(("nhánh",))
    return None if branches is None else openers.before(branches, ("chi",))


_CLASS_ORDER = ("tỉnh", "huyện", "xã")


def _resolve(text: str, raw, gaz: Gazetteer, legacy: bool = True) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    nearest, provinces_named = _provinces_named(raw, gaz)
    # the province named most; a tie goes to the one named first (not to a set's
    # order, which changes with PYTHONHASHSEED from one run to the next)
    main_province = max(dict.fromkeys(provinces_named), key=provinces_named.count) if provinces_named else None
    as_named = _AsNamed(provinces_named, gaz)
    open_choices: dict[int, set[str]] = {}  # mention → the provinces its name may lie in, when several
    merger_words = "sáp nhập" in text or "sắp xếp" in text or "hợp nhất" in text
    by_chain: dict[tuple[str, str], str] = {}  # units the gazetteer misplaces, placed by their chain
    for i, (s, e, level, name) in enumerate(raw):
        if name is None:
            out.append(_bare(text, s, e, level, out[-1] if out else None))
            continue
        if level == "quốc gia" or text[e - len(name):e] != name:
            # "TP.HCM": a province named by an abbreviation
            unit, new_code = _province_unit(gaz, name) if level != "quốc gia" and gaz.province(name) else (None, None)
            out.append(_mention(s, e, level, name, name if unit else None, unit.code if unit else None,
                                written=False, new_code=new_code))
            continue
        # (a province's own mention needs no chain after it)
        # (a state abroad, "bang Texas", is its own first-level unit, as a province is)
        chain_province, chain_district = (None, None) if level in ("tỉnh", "bang") else _chain(text, raw, i, gaz)
        if level in ("tỉnh", "bang") or (level == "thành phố" and gaz.province(name) and not chain_province):
            unit, new_code = _province_unit(gaz, name)
            if level == "tỉnh" and s == e - len(name):
                level = gaz.province_level(name)  # no level word written: the level the unit has
            out.append(_mention(s, e, level, name, name, unit.code if unit else None, new_code=new_code))
            continue
        # a commune named without its district lies, when it can, in the
        # district the text named before it ("huyện A ... Ở xã B, ...")
        district = _district_before(out) if chain_district is None and _tier(level) == 2 else None
        hint = chain_province or nearest[i] or main_province or (district.province if district else None)
        units = _lookup(gaz, name, level, hint, chain_district or (district.name if district else None),
                        _era_after(text, e, _era_before(text, s, legacy) if merger_words else legacy))
        if chain_district and not chain_province and units and all(u.district != chain_district for u in units):
            # "xã Đông Xuân, huyện Đông Hưng" where the gazetteer holds no such commune in that
            # district (renamed, merged, misspelt): the chain's district places it, not a namesake
            seats = {u.province for u in _lookup(gaz, chain_district) if _tier(u.level) == 1}
            if len(seats) == 1:
                chain_province, units = next(iter(seats)), []
                by_chain[(level, key(name))] = chain_province
        provinces = {u.province for u in units} or _seat_provinces(gaz, name, level, hint)
        province = chain_province
        code = new_code = None
        if len(units) == 1:
            code, new_code = units[0].code, gaz.new_code(units[0])
        if province is None and len(provinces) == 1:
            province = as_named(next(iter(provinces)))
        elif province is None and hint and any(key(u.province) == key(gaz.province(hint) or hint) for u in units):
            province = hint
        elif province is None and not units and hint:
            # a unit the gazetteer does not know (another spelling, a
            # village): it lies in the province the text is about
            province = as_named(gaz.province(hint) or hint) if gaz.province(hint) else hint
        # "các xã A, B, C": a plural word before the level word names several units
        several = _may_be_several(text, s) and bool(_PLURAL_BEFORE.search(text, max(0, s - 12), s))
        if province is None and len(provinces) > 1:
            open_choices[len(out)] = provinces
        out.append(_mention(s, e, level, name, province, code, new_code=new_code, several=several))
    if by_chain:
        # (one text means one unit by one name and level: its other mentions, a headline's, go with it)
        for j, p in enumerate(out):
            placed = by_chain.get((p.level, key(p.name))) if p.name else None
            if placed and p.province != placed:
                out[j] = replace(p, province=placed, code=None, new_code=None)
    _inherit_provinces(text, out)
    if open_choices:
        _province_of_neighbours(text, out, open_choices, as_named, gaz, legacy)
        _same_unit_named_again(out, open_choices)
    return out


def _same_unit_named_again(out: list[PlaceMention], choices: dict[int, set[str]]) -> None:
    """A unit whose name repeats across provinces, named alone in one place
    (a headline: "Xã Xuân Bình đạt …") and placed by a chain elsewhere
    ("xã Xuân Bình, huyện Như Xuân"): one text means one unit by one name
    and level, when the text places it in one province."""
    for i in choices:
        p = out[i]
        if p.province is not None:
            continue
        placed = {(q.province, q.code, q.new_code) for q in out
                  if q.province and q.name and not q.bare and q.level == p.level and key(q.name) == key(p.name)}
        if len({pl[0] for pl in placed}) == 1:
            province, code, new_code = placed.pop() if len(placed) == 1 else (next(iter(placed))[0], None, None)
            out[i] = replace(p, province=province, code=code, new_code=new_code)


# a unit's era written after its name: "(mới)", "mới," and "sau sáp nhập" the 2025 map's,
# "(cũ)", "cũ" the old map's (a bare "mới" before a verb is the adverb "just": "mới được")
_ERA_AFTER = compile_regex(r"[^\S\n]*(?:\([^\S\n]*(?P<new>mới)[^\S\n]*\)|(?P<new2>mới)(?=[^\S\n]*[,.;:)])"
                           r"|(?P<new3>sau[^\S\n]+(?:sáp[^\S\n]+nhập|sắp[^\S\n]+xếp|hợp[^\S\n]+nhất))"
                           r"|\(?[^\S\n]*cũ(?![\p{L}]))", regex.V0)


# "Sau sáp nhập, xã A …", "Trước sắp xếp đơn vị hành chính, xã A …": the time of the
# sentence's units after the comma (not "sau khi sáp nhập xã A và xã B,": the units merged)
_ERA_BEFORE = compile_regex(r"(?i:(?P<side>sau|trước)[^\S\n]+(?:khi[^\S\n]+)?(?:sáp[^\S\n]+nhập|sắp[^\S\n]+xếp"
                            r"|hợp[^\S\n]+nhất))(?:[^\S\n]+[\p{Ll}\d/ ]{0,40})?,[^.;!?\n]*$", regex.V0)
_ERA_REACH = 80


def _era_before(text: str, start: int, legacy: bool) -> bool:
    """Whether a unit named at ``start`` is first looked for in the old
    map, as "sau/trước sáp nhập" earlier in its sentence says, else
    ``legacy``."""
    m = _ERA_BEFORE.search(text, max(0, start - _ERA_REACH), start)
    return legacy if m is None else m.group("side").lower() == "trước"


_ERA_FIRST = frozenset("(mcsMCS")


def _era_after(text: str, end: int, legacy: bool) -> bool:
    """Whether the unit whose name ends at ``end`` is first looked for in
    the old map: as its era mark says, else ``legacy`` (the text's)."""
    if text[end:end + 1] != "(" and text[end + 1:end + 2] not in _ERA_FIRST:
        return legacy  # (a cheap test: what may follow a space opens one of the marks)
    m = _ERA_AFTER.match(text, end)
    if m is None:
        return legacy
    return not (m.group("new") or m.group("new2") or m.group("new3"))


_NEIGHBOUR_REACH = 120


def _province_of_neighbours(text: str, out: list[PlaceMention], choices: dict[int, set[str]], as_named,
                            gaz: Gazetteer, legacy: bool) -> None:
    """"xã A (sáp nhập từ các xã A, B, C)", "phường A, phường B, phường C":
    a unit whose name repeats across provinces lies in the province of the
    units named with it in its sentence, when one of its choices is theirs
    alone (units listed together lie together); its code too when that
    province holds one unit of the name."""
    for i, provinces in choices.items():
        p = out[i]
        if p.province is not None:
            continue
        near = {q.province for q in _neighbours(text, out, i) if q.province in provinces}
        if len(near) == 1:
            province = next(iter(near))
            want = key(gaz.province(province) or province)
            units = [u for u in _lookup(gaz, p.name, p.level, province, None, legacy) if key(u.province) == want]
            code, new_code = (units[0].code, gaz.new_code(units[0])) if len(units) == 1 else (None, None)
            out[i] = replace(p, province=as_named(province), code=code, new_code=new_code)


def _neighbours(text: str, out: list[PlaceMention], i: int):
    """The named units with a province on both sides of mention ``i`` within
    its sentence and near it."""
    p = out[i]
    for q in out[i + 1:]:
        if q.start - p.end > _NEIGHBOUR_REACH or _SENTENCE_END.search(text, p.end, q.start):
            break
        if q.name and q.province and not q.bare:
            yield q
    for q in reversed(out[:i]):
        if p.start - q.end > _NEIGHBOUR_REACH or _SENTENCE_END.search(text, q.end, p.start):
            break
        if q.name and q.province and not q.bare:
            yield q


# (a ";" joins the items of one list: "xã A: 120 hộ; xã B: 95 hộ" lie together as "xã A, xã B" do)
_SENTENCE_END = compile_regex(r"[.!?\n]")


def _district_before(out: list[PlaceMention]) -> Optional[PlaceMention]:
    """The district-tier unit named last, with its province, among the
    mentions resolved so far; None when there is none."""
    for p in reversed(out):
        if p.name and p.province and not p.bare and p.level != "quốc gia" and _tier(p.level) == 1:
            return p
    return None


def _inherit_provinces(text: str, out: list[PlaceMention]) -> None:
    """A unit the gazetteer cannot place ("bản A, xã B, huyện C": a village,
    or a commune whose name repeats) lies in the province of the unit its
    address chain names next."""
    for i in range(len(out) - 2, -1, -1):
        p, q = out[i], out[i + 1]
        if (p.province is None and p.name and not p.bare and p.level != "quốc gia" and q.province and q.name
                and q.level != "quốc gia" and _tier(q.level) < _tier(p.level) and q.start - p.end <= 40
                and CHAIN_GAP.fullmatch(text, p.end, q.start)):
            out[i] = replace(p, province=q.province)
    unplaced = []
    for i, p in enumerate(out):
        if p.province is None and p.name and not p.bare and _tier(p.level) == 3:
            near = _placed_before(text, out, i)
            if near is not None:
                out[i] = replace(p, province=near.province)
            else:
                unplaced.append(i)
    if unplaced:
        # "Ngày hội … ở thôn Đồng Quan" in a headline, "thôn Đồng Quan, xã Tân Dĩnh (Lạng Giang)"
        # in the body: one text means one village by one name and level
        placed: dict[tuple[str, str], set[str]] = {}
        for q in out:
            if q.province and q.name and _tier(q.level) == 3:
                placed.setdefault((q.level, key(q.name)), set()).add(q.province)
        # ("Tại khu phố 7, …" in an article whose units all lie in one province: that province)
        everywhere = {q.province for q in out if q.province and q.name and q.level != "quốc gia" and _tier(q.level) < 3}
        for i in unplaced:
            provinces = placed.get((out[i].level, key(out[i].name)), ()) or everywhere
            if len(provinces) == 1:
                out[i] = replace(out[i], province=next(iter(provinces)))


_VILLAGE_REACH = 200


def _placed_before(text: str, out: list[PlaceMention], i: int) -> Optional[PlaceMention]:
    """The unit with a province named last before mention ``i`` on its line
    and near it: "xã A có 500 hộ, trong đó 300 hộ ở thôn B" (a village the
    gazetteer does not know lies where the text is)."""
    p = out[i]
    for q in reversed(out[:i]):
        if p.start - q.end > _VILLAGE_REACH or "\n" in text[q.end:p.start]:
            return None
        if q.province and q.name and not q.bare and q.level != "quốc gia":
            return q
    return None


def _tier(level: str) -> int:
    """0 for a province, 1 a district, 2 a commune, 3 a village."""
    cls = level_class(level)
    return _CLASS_ORDER.index(cls) if cls in _CLASS_ORDER else 3


def _seat_provinces(gaz: Gazetteer, name: str, level: str, hint: Optional[str]) -> set[str]:
    """The provinces of the district seats called ``name``: a district the
    gazetteer spells otherwise ("Mù Cang Chải") is found by the town that
    bears its name (a seat is named after its district)."""
    if level_class(level) != "huyện":
        return set()
    return {u.province for u in _lookup(gaz, name, "thị trấn", hint) if u.district and u.level == "thị trấn"}


@lru_cache(maxsize=1024)
def _province_unit(gaz: Gazetteer, name: str) -> tuple[Optional[Unit], Optional[str]]:
    """The province called ``name`` and its code since 2025 (None, None: no
    such province), remembered."""
    units = _lookup(gaz, name, "tỉnh")
    return (units[0], gaz.new_code(units[0])) if units else (None, None)


def _provinces_named(raw, gaz: Gazetteer) -> tuple[list[Optional[str]], list[str]]:
    """The province named last before each mention, and the provinces
    named, in the text's order."""
    nearest: list[Optional[str]] = []
    named: list[str] = []
    last = None
    for _, _, level, name in raw:
        nearest.append(last)
        if name and (level == "tỉnh" or level == "thành phố") and gaz.province(name):
            last = name
            named.append(name)
    return nearest, named


def _bare(text: str, s: int, e: int, level: str, before: Optional[PlaceMention]) -> PlaceMention:
    """A level word without a name; ``before``: the mention before it."""
    # "100% xã": a share of the units of that level, no one unit
    several = (text[s:s + 4].lower() == "cấp " or bool(_may_be_several(text, s) and _SEVERAL.search(text, max(0, s - 12), s))
               or text[max(0, s - 2):s].rstrip().endswith("%"))
    # "các huyện, xã": a level word listed after a plural one is plural too
    several = several or bool(before and before.several and _LISTED.fullmatch(text, before.end, s))
    return _mention(s, e, level, None, bare=True, several=several)


def _chain(text: str, raw, i: int, gaz: Gazetteer) -> tuple[Optional[str], Optional[str]]:
    """The province and district named right after mention ``i`` ("xã A,
    huyện B, tỉnh C")."""
    chain_province, chain_district = None, None
    pos = raw[i][1]
    for s2, e2, level2, name2 in raw[i + 1:i + 4]:
        gap = CHAIN_GAP.fullmatch(text, pos, max(pos, s2)) if name2 is not None and s2 - pos <= 40 else None
        if gap is None:
            break
        if level2 == "quốc gia" and name2 != "Việt Nam" and gap.group("between"):
            # "thành phố Côn Minh (Vân Nam, Trung Quốc)": abroad, the first-level unit the bracket names
            chain_province = chain_province or gap.group("between")
        elif level2 == "tỉnh" or (level2 == "thành phố" and gaz.province(name2)):
            chain_province = chain_province or name2
        elif level2 in ("huyện", "quận", "thị xã", "thành phố"):
            chain_district = chain_district or name2
        pos = e2
    return chain_province, chain_district


_new = object.__new__


def _mention(start: int, end: int, level: str, name: Optional[str], province: Optional[str] = None,
             code: Optional[str] = None, *, bare: bool = False, written: bool = True, new_code: Optional[str] = None,
             several: bool = False) -> PlaceMention:
    """``PlaceMention(...)`` made without the frozen dataclass's
    ``__init__``, which sets each field through ``object.__setattr__``: most
    of the cost of the many mentions a text holds."""
    mention = _new(PlaceMention)
    # (a store per field, in the fields' order: half the cost of one update() with keywords)
    fields = mention.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["level"] = level
    fields["name"] = name
    fields["province"] = province
    fields["code"] = code
    fields["bare"] = bare
    fields["written"] = written
    fields["new_code"] = new_code
    fields["several"] = several
    fields["office"] = False
    return mention


class _AsNamed:
    """A province as the text names it ("Thừa Thiên Huế"), else the
    gazetteer's name with the pre-2025 name restored for Huế."""

    def __init__(self, named: list[str], gaz: Gazetteer):
        self.named: dict[Optional[str], str] = {}
        for n in named:
            self.named.setdefault(gaz.province(n), n)

    def __call__(self, province: str) -> str:
        return self.named.get(province) or ("Thừa Thiên Huế" if province == "Huế" else province)
