"""The province and code of each mention found (:func:`resolve`): the
address chain after it, the provinces the text names, the era of the map
a name is read on ("(mới)", "sau sáp nhập"), then :mod:`.neighbours`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional
from functools import lru_cache

import regex

from ..gazetteer import Gazetteer, Unit, key
from ...grammar.pattern_cache import compile_regex
from .record import PlaceMention, mention
from .patterns import CHAIN_GAP, LISTED, NAME, PLURAL_BEFORE, SEVERAL
from .names import lookup, seat_provinces, tier
from .starts import may_be_several
from .neighbours import inherit_provinces, province_of_neighbours, same_unit_named_again


def resolve(text: str, raw, gaz: Gazetteer, legacy: bool = True) -> list[PlaceMention]:
    """The mentions of ``raw`` ((start, end, level, name), sorted), each
    with its province and code where the text and the gazetteer tell them."""
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
            out.append(mention(s, e, level, name, name if unit else None, unit.code if unit else None,
                               written=False, new_code=new_code))
            continue
        # (a province's own mention needs no chain after it)
        # (a state abroad, "bang Texas", is its own first-level unit, as a province is)
        chain_province, chain_district = (None, None) if level in ("tỉnh", "bang") else _chain(text, raw, i, gaz)
        if chain_district is None and chain_province is None and tier(level) == 2 and _opens_aside(text, e):
            chain_district = _bracket_district(text, e, gaz)
        # ("thành phố Yên Bái" is the province's city, a unit of its own; "thành phố Đà Nẵng" the province)
        if level in ("tỉnh", "bang") or (level == "thành phố" and gaz.province(name) and not chain_province
                                         and gaz.province_level(name) == "thành phố"):
            unit, new_code = _province_unit(gaz, name)
            if level == "tỉnh" and s == e - len(name):
                level = gaz.province_level(name)  # no level word written: the level the unit has
            out.append(mention(s, e, level, name, name, unit.code if unit else None, new_code=new_code))
            continue
        # a commune named without its district lies, when it can, in the
        # district the text named before it ("huyện A ... Ở xã B, ...")
        district = _district_before(out) if chain_district is None and tier(level) == 2 else None
        hint = chain_province or nearest[i] or main_province or (district.province if district else None)
        units = lookup(gaz, name, level, hint, chain_district or (district.name if district else None),
                       _era_after(text, e, _era_before(text, s, legacy) if merger_words else legacy))
        if chain_district and not chain_province and units and all(u.district != chain_district for u in units):
            # "xã Đông Xuân, huyện Đông Hưng" where the gazetteer holds no such commune in that
            # district (renamed, merged, misspelt): the chain's district places it, not a namesake
            seats = {u.province for u in lookup(gaz, chain_district) if tier(u.level) == 1}
            if len(seats) == 1:
                chain_province, units = next(iter(seats)), []
                by_chain[(level, key(name))] = chain_province
        provinces = {u.province for u in units} or seat_provinces(gaz, name, level, hint)
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
        several = may_be_several(text, s) and bool(PLURAL_BEFORE.search(text, max(0, s - 12), s))
        if province is None and len(provinces) > 1:
            open_choices[len(out)] = provinces
        out.append(mention(s, e, level, name, province, code, new_code=new_code, several=several))
    if by_chain:
        # (one text means one unit by one name and level: its other mentions, a headline's, go with it)
        for j, p in enumerate(out):
            placed = by_chain.get((p.level, key(p.name))) if p.name else None
            if placed and p.province != placed:
                out[j] = replace(p, province=placed, code=None, new_code=None)
    inherit_provinces(text, out)
    if open_choices:
        province_of_neighbours(text, out, open_choices, as_named, gaz, legacy)
        same_unit_named_again(out, open_choices)
    return out


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


def _district_before(out: list[PlaceMention]) -> Optional[PlaceMention]:
    """The district-tier unit named last, with its province, among the
    mentions resolved so far; None when there is none."""
    for p in reversed(out):
        if p.name and p.province and not p.bare and p.level != "quốc gia" and tier(p.level) == 1:
            return p
    return None


@lru_cache(maxsize=1024)
def _province_unit(gaz: Gazetteer, name: str) -> tuple[Optional[Unit], Optional[str]]:
    """The province called ``name`` and its code since 2025 (None, None: no
    such province), remembered."""
    units = lookup(gaz, name, "tỉnh")
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
    several = (text[s:s + 4].lower() == "cấp " or bool(may_be_several(text, s) and SEVERAL.search(text, max(0, s - 12), s))
               or text[max(0, s - 2):s].rstrip().endswith("%"))
    # "các huyện, xã": a level word listed after a plural one is plural too
    several = several or bool(before and before.several and LISTED.fullmatch(text, before.end, s))
    return mention(s, e, level, None, bare=True, several=several)


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


# a district named without its level word in a bracket after a commune, or after a dash:
# "xã Yên Sơn (Lục Nam)", "xã Tân Lập - Lục Yên"
_BRACKET_NAME = compile_regex(rf"[^\S\n]*(?:\([^\S\n]*(?P<name>{NAME})[^\S\n]*\)|[-–][^\S\n]+(?P<name2>{NAME})(?![^\S\n]*[-–(]))",
                              regex.V0)


def _opens_aside(text: str, end: int) -> bool:
    """A bracket or a dash stands at ``end``, past spaces."""
    while end < len(text) and text[end] == " ":
        end += 1
    return end < len(text) and text[end] in "(-–"


def _bracket_district(text: str, end: int, gaz: Gazetteer) -> Optional[str]:
    """The district a bracket or a dash right after a commune names without
    its level word ("xã Quang Trung (Trùng Khánh)", "xã Tân Lập - Lục Yên",
    the press's short ways of placing a commune), when the gazetteer knows it as a district and not as a
    province; else None."""
    m = _BRACKET_NAME.match(text, end)
    name = m and (m.group("name") or m.group("name2"))
    if not name or gaz.province(name):
        return None
    return name if any(tier(u.level) == 1 for u in lookup(gaz, name, "huyện")) else None


class _AsNamed:
    """A province as the text names it ("Thừa Thiên Huế"), else the
    gazetteer's name with the pre-2025 name restored for Huế."""

    def __init__(self, named: list[str], gaz: Gazetteer):
        self.named: dict[Optional[str], str] = {}
        for n in named:
            self.named.setdefault(gaz.province(n), n)

    def __call__(self, province: str) -> str:
        return self.named.get(province) or ("Thừa Thiên Huế" if province == "Huế" else province)
