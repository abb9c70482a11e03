"""A unit's name after its level word, and the gazetteer's look-ups of
names: where a capitalized run stops being the name (:func:`clean_name`,
:func:`known_name`), a figure or count after it, the level a level word
stands for, a unit's tier (:func:`tier`).
"""

from __future__ import annotations

from typing import Optional
from functools import lru_cache

import regex

from ...numbers import MULTIPLIERS
from ..gazetteer import Gazetteer, level_class
from ...grammar.levels import SHORT
from ...grammar.rules import load_rules
from ...grammar.pattern_cache import compile_regex
from .patterns import NAME

_NO_NAME_FIRST = {"Ngày", "Tháng", "Năm", "Sáng", "Chiều", "Tối", "Trong", "Theo", "Tại", "Với", "Để", "Qua", "Từ", "Đến"}
_LOWER_NEXT = compile_regex(r"\s+\p{Ll}")
# Words that start a capitalized run after a level word but are no name.
_NOT_NAME_START = {"Ủy", "Uỷ", "UBND", "HĐND", "Đảng", "Hội", "Đoàn", "Ban", "Mặt", "Công", "Sở", "Phòng", "Trung",
                   "Bộ", "Nhà", "Trường", "Cụm", "Khu", "Đội", "Ngày", "Tháng", "Năm", "Sáng", "Chiều", "Tối", "Trong",
                   "Theo", "Tại", "Với", "Để", "Qua", "Từ", "Đến"}


# words of _NOT_NAME_START that also end places' names ("Phiêng Ban", "Hòa Trung", "Hải Phòng",
# "Tân Hội", "Xuân Trường", "Đại Từ", "Yên Sở", "Dền Sáng", "Tiến Bộ", "Mường Nhà", "Ngã Năm")
_NAME_SYLLABLES = frozenset(("Ban", "Trung", "Công", "Đoàn", "Phòng", "Hội", "Trường", "Từ", "Sở", "Sáng", "Bộ",
                             "Qua", "Cụm", "Nhà", "Năm"))
_CLOSING = compile_regex(r"[^\S\n]*(?:[,.;:()]|$)")  # (a bracket after a name closes it too: "bản Phiêng Ban (xã A)")


def lone_unknown(text: str, end: int, name: str, level: str, gaz: Gazetteer) -> bool:
    """One capitalized word the gazetteer does not know as a unit of that
    level, followed by a lower-case word ("xã Chủ trì", "Đảng ủy Chính
    phủ"): a capitalized common word, unless the text writes the same
    "level Name" again (a small unit the gazetteer lacks: "xã Vĩnh")."""
    if (" " in name or not _LOWER_NEXT.match(text[end:end + 40]) or lookup(gaz, name, level)
            or (level == "thành phố" and gaz.province(name))):
        return False
    # each writing holds the name itself: written once, it is not written again
    return text.count(name) < 2 or len(_written_again(level, name).findall(text, 0, len(text))) < 2


@lru_cache(maxsize=256)
def _written_again(level: str, name: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}])(?i:{regex.escape(level)})\s+{regex.escape(name)}(?![\p{{L}}])")


@lru_cache(maxsize=4096)
def lookup(gaz: Gazetteer, name: str, level: Optional[str] = None, province: Optional[str] = None,
           district: Optional[str] = None, legacy: bool = True) -> list:
    """``gaz.lookup`` remembered (texts name the same units again and
    again); the list returned is shared: not to be changed.  "NT" opening
    a township's name is "Nông trường" written short ("thị trấn NT Phong
    Hải")."""
    if name.startswith("NT "):
        name = "Nông trường" + name[2:]
    return gaz.lookup(name, level, province=province, district=district, legacy=legacy)


# a state farm's township: "thị trấn Nông trường Liên Sơn" (the one lower-case word of a unit's name)
_STATE_FARM = compile_regex(rf"[^\S\n]+trường[^\S\n]+(?P<name>{NAME})", regex.V0)


def state_farm_name(text: str, end: int, name: str, level: str) -> str:
    """``name`` (ending at ``end``) with the rest of a state farm's township
    name when it is "Nông" before "trường" and a name ("thị trấn Nông
    trường Mộc Châu")."""
    if name != "Nông" or level != "thị trấn":
        return name
    m = _STATE_FARM.match(text, end)
    rest = clean_name(m.group("name")) if m else ""
    return text[end - len(name):m.start("name") + len(rest)] if rest else name


@lru_cache(maxsize=256)
def named_level(written: str) -> Optional[str]:
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


def unit_heading(text: str, m, gaz: Gazetteer) -> bool:
    """The level word and name in capitals are a whole line, numbered or
    not ("HUYỆN PHÚ LƯƠNG", "2. XÃ TÂN LẬP:"), and the gazetteer knows the
    unit at that level: a subheading naming the unit the report under it is
    about, not a heading's common word."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    name = m.group("name")
    return (name.isupper() and HEADING_NUMBER.fullmatch(text, line_start, m.start()) is not None
            and _HEADING_END.match(text, m.end()) is not None
            and bool(lookup(gaz, name, level_word(m.group("level")))))


@lru_cache(maxsize=64)
def level_word(written: str) -> str:
    """A level word as the rules name it: lower-case, single spaces."""
    return " ".join(written.lower().split())


@lru_cache(maxsize=4096)
def clean_name(name: str, closed: bool = False) -> str:
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


def village_word_in_name(text: str, start: int, end: int, level: str, name: str, gaz: Gazetteer) -> tuple[str, str]:
    """"Bản Lầu (Mường Khương): …": a capitalized village word that begins
    the name of a unit the gazetteer knows is part of that name (communes
    are often named so: "Bản Lầu", "Bản Phố"); the unit's own level then."""
    full = text[start:end]
    units = lookup(gaz, full) if " " in full and "\n" not in full else []
    return (units[0].level, full) if units else (level, name)


def without_figure(name: str, level: str, gaz: Gazetteer) -> str:
    """``name`` without a last number that is a figure's ("hỗ trợ huyện A
    5 tỷ đồng"): dropped when the gazetteer knows the name without it and
    not with it ("phường Hà Giang 1" keeps its number)."""
    head, _, last = name.rpartition(" ")
    if head and last.isdigit() and not lookup(gaz, name, level) and lookup(gaz, head, level):
        return head
    return name


_WORDS_AFTER = compile_regex(r"[^\S\n]+(\p{Ll}+)(?:[^\S\n]+(\p{Ll}+))?")


def counts_after(text: str, end: int, name: str) -> str:
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
            if lookup(gaz, longer, level) or (level in ("thành phố", "tỉnh") and gaz.province(longer)):
                return longer
    return name


def _known_opening(found: str, level: str, gaz: Gazetteer) -> str:
    """The first two or three words of ``found`` when the gazetteer knows
    them as a unit of that level: a name that opens with a word that
    mostly starts a sentence ("huyện Năm Căn", "thành phố Từ Sơn", "xã
    Sáng Nhè"); else ""."""
    words = found.split()
    for end in range(min(len(words), 3), 1, -1):
        opening = " ".join(words[:end])
        if lookup(gaz, opening, level):
            return opening
    return ""


def known_name(text: str, m, found: str, level: str, gaz: Gazetteer) -> str:
    """The name a NAMED match ``m`` gives (``found``: its name group):
    :func:`clean_name` and :func:`_longer_known`, which differ from the
    plain cut only where a word of _NAME_SYLLABLES is written."""
    name = clean_name(found)
    if not name and " " in found:
        return _known_opening(found, level, gaz)
    if " - " in name and not lookup(gaz, name, level):
        # "xã Tân Lập - Lục Yên": a dash between spaces joins the unit to the one holding it
        head = name.split(" - ", 1)[0]
        if lookup(gaz, head, level):
            return head
    if len(name) == len(found) or _NAME_SYLLABLES.isdisjoint(found.split()):
        return name  # (nothing cut, or no such word: the plain cut)
    return _longer_known(clean_name(found, _CLOSING.match(text, m.end("name")) is not None), found, level, gaz)


CLASS_ORDER = ("tỉnh", "huyện", "xã")


def tier(level: str) -> int:
    """0 for a province, 1 a district, 2 a commune, 3 a village."""
    cls = level_class(level)
    return CLASS_ORDER.index(cls) if cls in CLASS_ORDER else 3


def seat_provinces(gaz: Gazetteer, name: str, level: str, hint: Optional[str]) -> set[str]:
    """The provinces of the district seats called ``name``: a district the
    gazetteer spells otherwise ("Mù Cang Chải") is found by the town that
    bears its name (a seat is named after its district)."""
    if level_class(level) != "huyện":
        return set()
    return {u.province for u in lookup(gaz, name, "thị trấn", hint) if u.district and u.level == "thị trấn"}
