"""Units named without their level word: the names listed after a plural
one ("các xã A, B"), a unit before its province's bracket ("Mường Lát
(Thanh Hóa)"), a head line's or a dateline's place, a line's or a table
row's opening name ("Mai Sơn: ..."), the unit an office's branch serves.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import regex

from ...numbers import SPELLED_SMALL
from ...dateline import _HEAD_LINES, lines_with_offsets
from ..gazetteer import Gazetteer, key, level_class
from ...grammar.levels import PLAIN_UNITS, VIETNAMESE_UNITS, written_pattern
from ..words import Openers, finditer_at
from ...grammar.pattern_cache import compile_regex, compile_std
from .record import PlaceMention
from .patterns import BRANCH, NAME
from .names import CLASS_ORDER, clean_name, known_name, lookup, tier
from .starts import branch_starts

_NAME_RE = compile_regex(NAME)
# "Mai Sơn: 300 hội viên …": a line (a headline, a related link) opened by a unit's
# name without its level word, then a colon
_LINE_OPENER = compile_regex(rf"[^\S\n]*(?:[-–•*+][^\S\n]*)?(?P<name>{NAME})[^\S\n]*:[^\S\n]", regex.V0)
_OPENER_REACH = 40  # (a unit's name before the colon is short)
# "Bảo Lâm\t4.012\t36,9", "| Bảo Lâm | 4.012 |": a table's row opened by a unit's name, its figures after it
_ROW_LABEL = compile_regex(rf"[^\S\n]*\|?[^\S\n]*(?:\d{{1,2}}[^\S\n]*[\t|][^\S\n]*)?(?P<name>{NAME})[^\S\n]*[\t|][^\S\n]*\d",
                           regex.V0)
_ROW_LINE = compile_regex(r"(?m)^[^\n\t|]{0,48}[\t|][^\n]*")  # (a line with a cell's border near its start)


def line_opener_places(text: str, found: list[PlaceMention], free, gaz: Gazetteer, legacy: bool):
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
        units = [u for u in lookup(gaz, m.group("name"), legacy=legacy) if u.level != "tỉnh"
                 and (want is None or key(u.province) == want)]
        if not units or want is None and len({u.province for u in units}) > 1:
            continue  # (a name several provinces have: no telling which without a province named)
        # a district and its seat town share a name: the name alone is the district
        top = min(tier(u.level) for u in units)
        levels = {u.level for u in units if tier(u.level) == top}
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
MANY_BEFORE = compile_regex(rf"(?<![\p{{L}}\d.,])(?:các|những|một\s+số|\d{{1,3}}|{SPELLED_SMALL})\s+$", regex.I)
# ("các huyện A (18%), B (22%)": a bracket of the item's figure before the next)
_NEXT_LISTED = compile_regex(rf"(?:[^\S\n]*\([^\S\n]*\d[^()\n]{{0,30}}\))?[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*(?P<name>{NAME})",
                             regex.V0)
_MAX_LISTED = 12


def listed_after(text: str, start: int, end: int, level: str, gaz: Gazetteer):
    """"3 huyện A, B và C", "các xã A, B": after a level word that a plural
    word or a count opens, the names listed after the first are units of
    the same level; each one the gazetteer knows at that level is one
    (the list ends at the first it does not)."""
    if level_class(level) not in ("huyện", "xã") or not MANY_BEFORE.search(text, max(0, start - 8), start):
        return
    for _ in range(_MAX_LISTED):
        m = _NEXT_LISTED.match(text, end)
        name = known_name(text, m, m.group("name"), level, gaz) if m else ""
        if not name or not (lookup(gaz, name, level) or name.startswith(_VILLAGE_WORD_NAMES) and " " in name):
            return  # (a name opening with a capitalized village word, "Bản Xen", is the list's unit too)
        end = m.start("name") + len(name)
        yield m.start("name"), end, level, name


# the common words that are a village's level word ("bản", "làng", "buôn", "sóc", "khóm"),
# capitalized: inside a list of communes they open a commune's name ("các xã Lùng Vai, Bản Xen")
_VILLAGE_WORD_NAMES = tuple(w.capitalize() + " " for w in VIETNAMESE_UNITS if w not in PLAIN_UNITS)


# a name right before a bracket that names its province: "Mường Lát (Thanh Hóa): ..."
_NAME_BEFORE_BRACKET = compile_regex(rf"(?<![\p{{L}}])(?P<name>{NAME})[^\S\n]*\([^\S\n]*$", regex.V0)


def unit_before_bracket(text: str, start: int, province: str, gaz: Gazetteer):
    """A unit named without its level word before a bracket that holds its
    province ("Mường Lát (Thanh Hóa)", the headline's and the dateline's
    way of placing a district or commune): (start, end, level, name) when
    the gazetteer knows that name in that province at one level."""
    m = _NAME_BEFORE_BRACKET.search(text, max(0, start - 50), start)
    if m is None:
        return None
    name = clean_name(m.group("name"))
    want = key(gaz.province(province) or province)
    units = [u for u in lookup(gaz, name) if u.level != "tỉnh" and key(u.province) == want] if name else []
    if not units:
        return None
    # a district and its seat town share a name: the name alone is the district
    top = min(tier(u.level) for u in units)
    units = [u for u in units if tier(u.level) == top]
    if len({u.level for u in units}) != 1:
        return None
    return m.start("name"), m.start("name") + len(name), units[0].level, name


# "LAI CHÂU: GIẢM NGHÈO ...": an all-caps headline opened by its place
_CAPS_PLACE = compile_regex(r"[^\S\n]*(?P<name>\p{Lu}[\p{Lu}\s]{1,24}?)[^\S\n]*(?::|\s[-–]\s)")
# "QUẢNG NINH - Sáng 5/6, ...": a dateline's place in capitals, then a dash, in a line of any case
_DATELINE_DASH = compile_regex(r"[^\S\n]+[-–][^\S\n]")


def head_line_places(text: str, gaz: Gazetteer):
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
        district = _dateline_district(line, gaz, text) if line.lstrip()[:1].isupper() else None
        if district is not None:
            start, end, level = district
            yield pos + start, pos + end, level, line[start:end]


# a dateline naming its place without a level word: "MƯỜNG KHƯƠNG - …", "Bắc Hà, ngày 5/6/2024";
# a headline opened by its place and a colon: "Văn Yên: quế xuất khẩu sang 20 nước"
_DATELINE_PLACE = compile_regex(r"[^\S\n]*(?P<name>\p{Lu}[\p{L}\s]{1,24}?)[^\S\n]*(?:\s[-–]\s|:[^\S\n]|,[^\S\n]*(?:ngày[^\S\n]+)?"
                                r"\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)")


# a cheap test before _DATELINE_PLACE (stdlib ``re``): at most four words, then a dash, a colon,
# or a comma and a date
_DATELINE_SHAPE = compile_std(r"\s*+[^\W\d_]++(?: [^\W\d_]++){0,3}+(?: [-–] |: |,\s*+(?:ngày\s+)?\d)")


def _dateline_district(line: str, gaz: Gazetteer, text: str = "") -> Optional[tuple[int, int, str]]:
    """(start, end, level) of a district-level unit a dateline names without
    its level word ("MƯỜNG KHƯƠNG - …", "Bắc Hà, ngày 5/6/2024"): a dateline
    names the province or the district the report comes from; the level
    the unit has, when the gazetteer knows one such unit (a province's name
    is read apart).  A headline's "Name: …" names one when the gazetteer
    knows one district-tier unit of that name of any level word and the
    ``text`` names none of that name with its level word (the body's unit
    then tells which it is: "Kỳ Anh: …" over "thị xã Kỳ Anh")."""
    if _DATELINE_SHAPE.match(line) is None:
        return None
    m = _DATELINE_PLACE.match(line)
    if m is None or gaz.province(m.group("name")):
        return None
    name = m.group("name")
    if line[m.end("name"):].lstrip()[:1] == ":":
        districts = {(u.level, u.province) for u in lookup(gaz, name) if tier(u.level) == 1}
        if len(districts) != 1 or _level_named(name).search(text):
            return None
        return m.start("name"), m.end("name"), next(iter(districts))[0]
    units = {(u.level, u.province) for u in lookup(gaz, name, "huyện") if u.level != "tỉnh"}
    return (m.start("name"), m.end("name"), next(iter(units))[0]) if len(units) == 1 else None


@lru_cache(maxsize=256)
def _level_named(name: str) -> regex.Pattern:
    """``name`` after any level word ("thị xã Kỳ Anh", "xã Mường Khương")."""
    return regex.compile(rf"(?<![\p{{L}}])(?i:{written_pattern(VIETNAMESE_UNITS)})\s+{regex.escape(name)}(?![\p{{L}}])")


def branch_places(text: str, gaz: Gazetteer, openers: Openers):
    """Units named by an office's branch without their level word ("Ngân
    hàng ... chi nhánh Yên Thế, Bố Hạ"): a branch bears the name of the unit
    it serves, so a name the gazetteer knows is that unit, at the highest
    level it has."""
    for m in finditer_at(BRANCH, text, branch_starts(openers)):
        for n in _NAME_RE.finditer(m.group("names")):
            name = clean_name(n.group(0))
            units = lookup(gaz, name) if name else []
            if not units:
                continue
            top = min(units, key=lambda u: CLASS_ORDER.index(level_class(u.level)))
            start = m.start("names") + n.start()
            yield start, start + len(name), top.level, name
