"""Place mentions in a text and the administrative units they name.

"xã Suối Giàng, huyện Văn Chấn" → two mentions; "Huyện ủy Văn Yên" → huyện
Văn Yên; "Yên Bái" (a province named without its level word) → tỉnh Yên
Bái; "cả nước" → Việt Nam; "toàn tỉnh", "huyện" (no name) → a reference to
the unit of that level the text is about.  Offsets are into the
normalized text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

import regex

from ..countries import after_opening_preposition, find_countries
from ..spans import SpanMask
from ..gazetteer import Gazetteer, gazetteer
from ...grammar.levels import INITIALS, NUMBERED, PLAIN_UNITS, SHORT
from ..words import Openers, finditer_at
from ...grammar.pattern_cache import compile_regex
from .record import PlaceMention
from .patterns import BARE, COMMITTEE, COOPERATIVE, DESCRIBED, NAMED, NATION, NATION_SUBJECT, compared_with
from .names import (clean_name, counts_after, known_name, level_word, lone_unknown, lookup, named_level, seat_provinces,
                    state_farm_name, tier, unit_heading, village_word_in_name, without_figure)
from .starts import level_starts, may_describe, may_follow_capital, name_starts, nation_starts
from .without_level import (MANY_BEFORE, branch_places, head_line_places, line_opener_places, listed_after,
                            unit_before_bracket)
from .provinces import resolve

_FEDERAL_BEFORE = compile_regex(r"(?<![\p{L}])liên\s+$", regex.I)
_EVENT_NAME = compile_regex(r"(?:Đại\s+hội|Hội\s+nghị|Hội\s+thi|Cuộc\s+thi|Giải)(?:[^\S\n]+[^\s,.;:()]+){0,6}[^\S\n]+$",
                            regex.I)
# a budget named by its tier ("ngân sách tỉnh", "vốn ngân sách huyện"): the payer of an amount; its revenue and
# spending ("thu ngân sách tỉnh", "chi ngân sách huyện") stay the unit's own
_PAYER_BEFORE = compile_regex(r"(?<![\p{L}])(?<!(?:thu|chi|toán)\s)ngân\s+sách\s+$", regex.I)
# a capitalized word (not an abbreviation: "BC-CTK Lai Châu", "UBND Lai Châu"
# name the province) before a province's name makes it part of a longer name
_CAPITAL_BEFORE = compile_regex(r"(?<![\p{L}])[\p{Lu}](?:\p{Ll}[\p{L}']*)?\s$")
_HCM = compile_regex(r"(?<![\p{L}])T[Pp]\.?\s?HCM(?![\p{L}])")  # ("Tp.HCM" too)
# "Thủ đô" written alone, capitalized, is Hà Nội ("tại Thủ đô", "Đảng bộ Thủ đô"); not before a
# name ("Thủ đô Viêng Chăn", "Thủ đô Hà Nội": the name is read), another country's ("Thủ đô của Lào")
# nor the region around it ("Vùng Thủ đô") or the law named after it ("Luật Thủ đô", a national law)
_CAPITAL = compile_regex(r"(?<![\p{L}])(?<!(?:[Vv]ùng|Luật)[^\S\n]+)Thủ[^\S\n]+đô(?![\p{L}])(?![^\S\n]*\(|[^\S\n]+(?:\p{Lu}|(?:của|nước|các|những)(?![\p{L}])))")
_COMMITTEE_LEVEL = {"tỉnh": "tỉnh", "huyện": "huyện", "thành": "thành phố", "thị": "thị xã", "quận": "quận",
                    "đảng": "xã"}


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
        # (a person's name capitalizes every word: "Nông trường Mộc Châu" is a township's)
        return (len(words) >= 3 and words[0] in surnames and all(w[:1].isupper() for w in words)
                and not lookup(gaz, name))
    def without_holder(name: str, level: str) -> str:
        # "Trưởng Ban Dân vận Huyện ủy Hải Hậu Vũ Thị Lan Anh": the unit the
        # gazetteer knows, then its post's holder, a surname first
        words = name.split()
        if len(words) < 3 or lookup(gaz, name, level):
            return name
        for i in range(len(words) - 2, 0, -1):
            if words[i] in surnames and lookup(gaz, " ".join(words[:i]), level):
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
    for m in (_CAPITAL.finditer(text) if "Thủ" in text else ()):
        raw.append((m.start(), m.end(), "thành phố", "Hà Nội"))
        spans.take(m.start(), m.end())
    starts = level_starts(openers)
    for m in finditer_at(COOPERATIVE, text, starts.cooperative):
        spans.take(m.start(), m.end())
    for m in finditer_at(COMMITTEE, text, starts.committee):
        level = _COMMITTEE_LEVEL[m.group("org").lower()]
        written = m.group("written")
        if written and SHORT.get(written.lower(), level_word(written)) != level:
            continue  # "Đảng ủy huyện X": the unit's own level word names it (NAMED)
        name = without_holder(known_name(text, m, m.group("name"), level, gaz), level)
        if name and lone_unknown(text, m.start("name") + len(name), name, level, gaz):
            continue  # "Đảng ủy Chính phủ": a capitalized common word, no unit
        if name and person_like(name):
            continue  # "Bí thư Tỉnh đoàn Nguyễn Văn A": the post's holder, no unit
        if name and free(m.start(), m.end()):
            raw.append((m.start(), m.start("name") + len(name), level, name))
            spans.take(m.start(), m.end())
    for m in finditer_at(NAMED, text, starts.named):
        written, found = m.group("level", "name")
        level = named_level(written)
        if level is None:
            if not unit_heading(text, m, gaz):
                continue  # "XÃ" in an all-caps heading: too unsure
            level = level_word(written)
        name = without_holder(without_figure(known_name(text, m, found, level, gaz), level, gaz), level)
        if name[-1:].isdigit():
            name = counts_after(text, m.start("name") + len(name), name)
        name = state_farm_name(text, m.start("name") + len(name), name, level)
        if not name or name[0].isdigit() and level not in NUMBERED:
            continue
        if (name.isupper() and len(name) <= 5 and " " not in name) or person_like(name):
            continue  # an abbreviation ("xã NTM") or a person's name
        name_end = m.start("name") + len(name)
        if written[0].isupper() and tier(level) == 3:
            level, name = village_word_in_name(text, m.start(), name_end, level, name, gaz)
        if level == "tỉnh" and not gaz.province(name) and MANY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "5 tỉnh Tây Nguyên": a region the provinces counted lie in, no province
        if level == "bang" and _FEDERAL_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "Liên bang Nga": a country's name
        if written.lower() in INITIALS and not (lookup(gaz, name, level) or seat_provinces(gaz, name, level, None)):
            continue  # "Nguyễn Văn H. Lò": an initial, no level word
        if level != "bang" and not (name[0].isdigit() and level in PLAIN_UNITS) \
                and lone_unknown(text, name_end, name, level, gaz):
            # ("Thôn 7 có 96 hộ": a number is no capitalized common word; "Văn bản 2 có": "bản" is one)
            continue  # "PCT UBND xã Chủ trì": one capitalized word the gazetteer does not know, then a verb
        # ("xã A - B": the name cut at a dash leaves the unit after it to be found)
        start, end = m.start(), (name_end if text[name_end:name_end + 2] in (" -", " –") else max(m.end(), name_end))
        if free(start, end):
            raw.append((start, name_end, level, name))
            spans.take(start, end)
            for listed in listed_after(text, start, name_end, level, gaz):
                if free(listed[0], listed[1]):
                    raw.append(listed)
                    spans.take(listed[0], listed[1])
    for m in finditer_at(NATION, text, nation_starts(openers)):
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
    for m in finditer_at(NATION_SUBJECT, text, openers.starts(("việt",))):
        if free(m.start(), m.end()):
            raw.append((m.start(), m.end(), "quốc gia", "Việt Nam"))
            spans.take(m.start(), m.end())
    # provinces named without their level word
    province_starts, country_starts = name_starts(gaz)(text)
    for m in gaz.find_provinces(text, province_starts):
        start, end = m.span()
        # a province's name, not the start or end of a longer capitalized name
        if not free(start, end) or (may_follow_capital(text, start)
                                    and _CAPITAL_BEFORE.search(text, max(0, start - 20), start)
                                    and not after_opening_preposition(text, start)):
            continue  # (part of a longer name; "Tại Lào Cai, …": the sentence's first word only)
        name = m.group()
        if gaz.province(name) and not person_named(name):
            raw.append((start, end, "tỉnh", name))
            spans.take(start, end)
            before = unit_before_bracket(text, start, name, gaz) if text.rfind("(", max(0, start - 3), start) >= 0 else None
            if before and free(before[0], before[1]):
                raw.append(before)
                spans.take(before[0], before[1])
    for start, end, level, name in head_line_places(text, gaz):
        if free(start, end):
            raw.append((start, end, level, name))
            spans.take(start, end)
    for start, end, name in find_countries(text, country_starts):
        if _PARTNER_BEFORE.search(text, max(0, start - 30), start):
            continue  # "xuất khẩu sang Hàn Quốc", "khách từ Trung Quốc": a partner, not where the figure holds
        if free(start, end):
            raw.append((start, end, "quốc gia", name))
            spans.take(start, end)
    for start, end, level, name in branch_places(text, gaz, openers):
        if free(start, end):
            raw.append((start, end, level, name))
            spans.take(start, end)
            offices.add(start)
    for m in finditer_at(BARE, text, starts.bare):
        start, end = m.span()
        if not free(start, end) or compared_with(text, start):
            continue  # "thấp nhất tỉnh", "so với toàn huyện": the frame compared with, not the place
        level = level_word(m.group("level"))
        if text.find("sách", max(0, start - 6), start) >= 0 and _PAYER_BEFORE.search(text, max(0, start - 24), start):
            # "Trong đó, ngân sách tỉnh hỗ trợ 2,8 tỷ đồng": the tier that pays, not the place the money goes to
            offices.add(start)
        # "huyện vùng cao Mù Cang Chải": a unit the gazetteer knows, after a description
        level_end = m.end("level")
        described = DESCRIBED.match(text, level_end, level_end + 80) if may_describe(text, level_end) else None
        name = clean_name(described.group("name")) if described else ""
        if name[-1:].isdigit():  # ("hỗ trợ tỉnh bạn A 10 tỷ đồng": the figure's number is no part of the name)
            name = counts_after(text, described.start("name") + len(name), name)
        # a unit's name is capitalized: "huyện có 285 ..." describes no unit "285";
        # a roman numeral grades the description ("các xã vùng III", "khu vực II")
        # ("tỉnh bạn Hủa Phăn": a partner unit abroad, named after "bạn", the gazetteer's or not)
        if name and name[0].isupper() and name.strip("IVX") and (
                lookup(gaz, name, level) or text[level_end:described.start("name")].split() == ["bạn"]):
            name_end = described.start("name") + len(name)
            raw.append((m.start("level"), name_end, level, name))
            raw.extend(listed for listed in listed_after(text, m.start("level"), name_end, level, gaz)
                       if free(listed[0], listed[1]))
        else:
            raw.append((start, end, level, None))
    raw.sort()
    out = resolve(text, raw, gaz, legacy)
    opened = line_opener_places(text, out, free, gaz, legacy) if ":" in text or "\t" in text or "|" in text else []
    if opened:
        out = resolve(text, sorted(raw + opened), gaz, legacy)
    return [replace(p, office=True) if p.start in offices else p for p in out] if offices else out


_TRADE_BEFORE = compile_regex(r"(?<![\p{L}])(?:xuất|nhập)(?:\s+khẩu)?[^,.;:\n]{0,40}$", regex.I)
# a country a trade or a journey goes to or comes from ("xuất khẩu sang thị trường Hàn Quốc",
# "nhập khẩu từ Trung Quốc", "khách đến từ Nhật Bản"): the partner, not the figure's place
_PARTNER_BEFORE = compile_regex(r"(?<![\p{L}])(?:sang|từ|vào|đến|tới)(?:[^\S\n]+(?:các[^\S\n]+)?(?:thị[^\S\n]+trường|nước))?"
                                r"[^\S\n]+$", regex.I)
