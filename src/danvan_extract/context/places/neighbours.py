"""A mention's province taken from the mentions around it: the unit its
address chain names next, the units named with it in its sentence, the
same unit placed elsewhere in the text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from ..gazetteer import Gazetteer, key
from ...grammar.pattern_cache import compile_regex
from .record import PlaceMention
from .patterns import CHAIN_GAP
from .names import lookup, tier


def same_unit_named_again(out: list[PlaceMention], choices: dict[int, set[str]]) -> None:
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


_NEIGHBOUR_REACH = 120


def province_of_neighbours(text: str, out: list[PlaceMention], choices: dict[int, set[str]], as_named,
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
            units = [u for u in lookup(gaz, p.name, p.level, province, None, legacy) if key(u.province) == want]
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


def inherit_provinces(text: str, out: list[PlaceMention]) -> None:
    """A unit the gazetteer cannot place ("bản A, xã B, huyện C": a village,
    or a commune whose name repeats) lies in the province of the unit its
    address chain names next."""
    for i in range(len(out) - 2, -1, -1):
        p, q = out[i], out[i + 1]
        if (p.province is None and p.name and not p.bare and p.level != "quốc gia" and q.province and q.name
                and q.level != "quốc gia" and tier(q.level) < tier(p.level) and q.start - p.end <= 40
                and CHAIN_GAP.fullmatch(text, p.end, q.start)):
            out[i] = replace(p, province=q.province)
    unplaced = []
    for i, p in enumerate(out):
        if p.province is None and p.name and not p.bare and tier(p.level) == 3:
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
            if q.province and q.name and tier(q.level) == 3:
                placed.setdefault((q.level, key(q.name)), set()).add(q.province)
        # ("Tại khu phố 7, …" in an article whose units all lie in one province: that province)
        everywhere = {q.province for q in out if q.province and q.name and q.level != "quốc gia" and tier(q.level) < 3}
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
