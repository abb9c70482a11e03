"""The administrative unit of one figure (FACTS.md "Context"): the unit
named in its clause or sentence, the unit of a list it belongs to
("lần lượt"), the container of a unit named alone, a heading's unit, a
merger's new unit, else the article's main unit.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import Optional

import regex

from ...extractors.count import RESPECTIVELY_SOURCE
from ...grammar.lazy import deferred, settle
from ...numbers import SPELLED_SMALL
from ...grammar.levels import LEVEL_CLASS as _LEVEL_CLASS, RANK as _RANK, VIETNAMESE_UNITS, written_pattern
from ..document_info import CENTRAL_BODY
from ..countries import country_names
from ..gazetteer import gazetteer
from ..periods.windows import listed_years
from ..places.names import HEADING_NUMBER
from ..places.patterns import CHAIN_GAP, average_compared, compared_with
from ..places.record import PlaceMention
from ..words import may_hold
from .clauses import CLAUSE_BREAK, DIGIT, START, WINDOW
from .period import opens_bracket
from ...grammar.pattern_cache import compile_regex


# -- location -----------------------------------------------------------------


# "mỗi chi đoàn thôn đều có ...", "từng xã": a figure for each unit
# (an average over them, "bình quân mỗi xã đạt 13 tiêu chí", holds for the whole)
_EACH = deferred(r"(?<![\p{L}]|(?:bình\s+quân|trung\s+bình)[^\n.;:]{0,40})(?:mỗi|từng)\s+(?:chi\s+\p{Ll}+\s+)?(?:"
                      rf"{written_pattern(VIETNAMESE_UNITS)})(?![\p{{L}}])[^\d\n.;:]*$", regex.I)
_WORLD = deferred(r"(?<![\p{L}])(?:toàn\s+cầu|thế\s+giới)(?![\p{L}])")
_DOCUMENT_NOUNS = {"nghị quyết", "chỉ thị", "kết luận", "quy định", "quyết định", "nghị định", "thông tư", "luật",
                   "văn bản", "đề án", "chương trình", "kế hoạch", "văn kiện"}
_NATION = {"name": "Việt Nam", "level": "quốc gia", "province": None, "code": None, "new_code": None}


def _central_document(text: str, c, clause_end: int) -> bool:
    """A count of documents of a central body ("2 nghị quyết của Bộ Chính
    trị"): a national figure."""
    noun = (c.fields.get("noun") or "").lower() if c.type in ("count", "ratio") else ""
    if noun not in _DOCUMENT_NOUNS:
        return False
    m = _ISSUED_BY.match(text, c.end, max(clause_end, c.end + 80))
    return bool(m and CENTRAL_BODY.match(text, m.end(), m.end() + 60))
_ISSUED_BY = deferred(r"[^\d\n.;]{0,60}?(?<![\p{L}])(?:của|do)\s+", regex.I)
_BRACKET_FIRST = deferred(r"\s*\([^()\n]{0,80}\)")


def _bracket_first(text: str, start: int, end: int):
    """The bracket that opens ``[start, end)`` past white space, if any."""
    return _BRACKET_FIRST.match(text, start, end) if opens_bracket(text, start, end) else None


# ("300 suất quà cho hộ nghèo xã A": the people given to, of the unit named after them;
# "cho các huyện A, B": a list, whose total the units before it hold)
_OBJECT_LINK = deferred(r"(?:của|cho(?:\s+(?!(?:các|những)\s)(?-i:\p{Ll}+)){0,4}|thuộc|tại|ở|trên\s+địa\s+bàn|trên\s+toàn)(?:\s+nước(?:\s+bạn)?)?\s*$",
                        regex.I)


def figure_location(text, c, places: list[PlaceMention], starts, sentence, p_start, clause_end, main,
              figures=(), full_stops=()) -> Optional[dict]:
    bracketed = _bracket_unit(text, c, places, starts, bisect.bisect_left(starts, c.start))
    if bracketed is not None:
        # ("các huyện A (18%), B (22%)": the plural word opens the list; A is one unit;
        # "thôn A, xã B (120 hộ)": the most specific unit of the chain)
        return place_record(replace(places[_chain_head(text, places, bracketed)], several=False), places, main)
    # lists run across the line breaks of wrapped (PDF) text
    full = _full_sentence(full_stops, c.start, sentence, len(text))
    run = _unit_list(text, places, starts, c.start, full[0])
    first = _listed_from(text, places, run[0], full[0]) if run else 0
    merged = _MERGED.search(text, max(full[0], places[first].start - 30), places[first].start) if run else None
    if merged:
        # "Tỉnh A mới được hợp nhất từ tỉnh B và tỉnh C, có 92 xã": the units merged
        # are the new unit's sources ("thị trấn B và các xã C, D": of any level;
        # "Xã A (mới) gồm xã A cũ và xã B"); its figures hold for the unit named before them
        j = first - 1
        if j >= 0 and places[j].start >= full[0] and not places[j].bare:
            return place_record(places[_chain_head(text, places, j)], places, main)
        if not merged.group().lower().startswith(("gồm", "trước", "nguyên")):
            run = []  # ("Đơn vị bầu cử số 1 gồm A và B": no unit before the list, a total over it)
    container = None if run else _container_after_list(text, places, starts, c.start, full[0])
    if container is not None:
        container, run = container
    if run:
        respective = _respective(text, c, places, run, full[1], figures)
        if respective is not None:
            # ("các huyện A, B và C … lần lượt": the plural word opens the list; A is one unit)
            return place_record(replace(respective, several=False) if respective.name else respective, places, main)
        total = place_record(container, places, main) if container is not None else _container_of(places, run)
        if total is not None:
            return total or None  # ({}: a total whose container is not known has no location)
    formed = _formed_unit(text, c, places, starts, sentence[0], main)
    if formed is not None:
        return place_record(formed, places, main)
    place = _unit_for(text, c, places, starts, (sentence[0], full[0]), p_start, clause_end, main)
    if place is None and _unit_noun(c) == "tỉnh" and not _NAME_BEFORE.search(text, max(0, c.start - 30), c.start) \
            and not _abroad(text, places, full):
        # "63 tỉnh, thành phố đã ban hành kế hoạch": provinces counted with no unit named lie in
        # the country (not abroad: "Lào có 17 tỉnh", "tỉnh Hủa Phăn và 2 tỉnh khác"; not a body's
        # number, "Ban Chỉ đạo 35 tỉnh"; a level word alone names a unit: "tỉnh có 3 thành phố")
        return dict(_NATION)
    return _container_for_units(c, place, main)


_NAME_BEFORE = deferred(r"\p{Lu}\p{L}*(?:[^\S\n]+\p{L}+){0,2}[^\S\n]+$")  # ("Ban Chỉ đạo 35", "Thuế cơ sở 3")


def _abroad(text: str, places, span: tuple[int, int]) -> bool:
    """The sentence ``span`` names a unit abroad: a country (by any of its
    names, a one-word one too: "Lào có 17 tỉnh") or a first-level unit the
    gazetteer does not know ("tỉnh Hủa Phăn")."""
    if any(p.foreign or (p.level == "tỉnh" and not p.code and not p.bare) for p in places if span[0] <= p.start < span[1]):
        return True
    sentence = text[span[0]:span[1]]
    return any(_whole_word(name).search(sentence) for name in country_names() if name in sentence)


@lru_cache(maxsize=512)
def _whole_word(name: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}]){regex.escape(name)}(?![\p{{L}}])")


def _formed_unit(text, c, places, starts, s_start: int, main) -> Optional[PlaceMention]:
    """"Xã A (mới) được thành lập trên cơ sở 4 xã cũ", "tỉnh A hợp nhất từ 3
    tỉnh B, C, D": a count of units right after a merger phrase counts the
    sources of the unit named before it in the sentence; the count is that
    unit's (of the same level as the units counted, unlike other counts of
    units).  With none named before ("Sau hợp nhất 3 tỉnh A, B và C, …"),
    the article's unit of that level is the one formed."""
    noun = _unit_noun(c)
    if not noun or not _MERGED.search(text, max(s_start, c.start - 40), c.start):
        return None
    for j in range(bisect.bisect_left(starts, c.start) - 1, -1, -1):
        q = places[j]
        if q.start < s_start:
            break
        if q.name and not q.bare and q not in places.sources:
            return places[_chain_head(text, places, j)]
    if main is not None and main.name and _LEVEL_CLASS.get(main.level) == _LEVEL_CLASS.get(noun):
        return main
    return None


# ("hình thành từ", "thành lập từ", "sắp xếp từ": the new unit was made of those after "từ";
# "xã A (trước đây là xã A và xã B)": the units it was before)
_MERGED = deferred(r"(?<![\p{L}])(?:hợp\s+nhất|sáp\s+nhập|nhập|trên\s+cơ\s+sở(?:\s+sắp\s+xếp)?|gồm"
                   r"|(?:hình\s+thành|thành\s+lập|sắp\s+xếp)(?=\s+từ)|(?:trước\s+(?:đây\s+)?|nguyên\s+)là)"
                   # ("hợp nhất 3 tỉnh A, B và C": how many sources, before their level word)
                   r"(?:\s+(?:từ|với|của|lại))?(?:\s+(?:các|toàn\s+bộ|\d{1,2}|hai|ba|bốn))?\s*$", regex.I)
_FORMER = r"(?:\s*\(?cũ\)?)?"  # ("xã A cũ và xã B", "xã A (cũ), xã B": a former unit's mark stays with its name)
_JOIN = r"\s*(?:,|và|,\s*và)\s*"
_JOIN_PLURAL = _JOIN + r"(?:(?:các|những)\s+)?"  # (", và các": the plural word goes with the next units)
# the gap between two units of a list of sources ("thị trấn A và các xã B, C")
# ("thị trấn A và 2 xã B, C": how many units of the next level, as a plural word)
_SOURCES_GAP = deferred(_JOIN + r"(?:(?:các|những|\d{1,2}|" + SPELLED_SMALL + r")\s+)?", regex.I)
# an organization named by its level word alone, then the verb of giving: the giver
# (FACTS.md: goods given to a unit take the recipient's unit)
_AGENT_BEFORE = deferred(r"(?<![\p{L}])được\s+$", regex.I)
_GIVES = deferred(r"\s+(?:(?:đã|cũng|còn)\s+)?(?:trao\s+tặng|tặng|trao)(?![\p{L}])", regex.I)
_PHRASE_BREAK = deferred(r"[;:()|\n]|,(?!\d)")  # a decimal comma breaks nothing
_NOT_DIGITS = deferred(r"[\d.,\s]+")
LIST_GAP = deferred(_FORMER + r"\s*(?:,|;|và|,\s*và)\s*", regex.I)
RESPECTIVELY = deferred(RESPECTIVELY_SOURCE, regex.I)
_ANY_LIST_GAP = deferred(_FORMER + _JOIN_PLURAL, regex.I)


def _listed_from(text, places, i: int, s_start: int) -> int:
    """The first unit of the list that unit ``i`` closes, whatever their
    levels ("thị trấn A và các xã B, C")."""
    while i > 0 and places[i - 1].start >= s_start and not places[i - 1].bare and places[i - 1].name \
            and _ANY_LIST_GAP.fullmatch(text, places[i - 1].end, places[i].start):
        i -= 1
    return i
_OF_CONTAINER = deferred(r"\s*,?\s*(?:của|thuộc)\s+", regex.I)


def _container_after_list(text, places, starts, pos, s_start) -> Optional[tuple[PlaceMention, list[int]]]:
    """"các huyện A, B của tỉnh C có 4.500 hộ": the unit named right after a
    list of units as the one they lie in ("của", "thuộc") holds their total
    (FACTS.md: the smallest unit that contains them all); with the list."""
    i = bisect.bisect_left(starts, pos)
    if i < 3:
        return None
    last = places[i - 1]
    if last.start < s_start or last.bare or not _OF_CONTAINER.fullmatch(text, places[i - 2].end, last.start):
        return None
    run = _unit_list(text, places, starts, last.start, s_start)
    if not run or _LEVEL_CLASS.get(last.level, last.level) == _LEVEL_CLASS.get(places[run[0]].level):
        return None
    return last, run


def _full_sentence(stops: list[int], pos: int, sentence: tuple[int, int], limit: int) -> tuple[int, int]:
    """The sentence around ``pos`` by its punctuation and blank lines only
    (``stops``: where such sentences end; a single line break of wrapped
    text ends none), within the reading window and never narrower than
    ``sentence``."""
    i = bisect.bisect_right(stops, pos)
    start = max(stops[i - 1] if i else 0, pos - WINDOW)
    end = min(stops[i] if i < len(stops) else limit, pos + WINDOW)
    return min(sentence[0], start), max(sentence[1], end)


def _unit_list(text, places, starts, pos, s_start) -> list[int]:
    """The list of units of one level named last before ``pos`` in its
    sentence ("huyện A và huyện B", "In-đô-nê-xi-a, Ma-lai-xi-a và Thái
    Lan"): their indexes, or [] when the nearest unit stands alone.  A
    tier ("đơn vị hành chính cấp xã") names no unit: the list before it
    is looked for."""
    i = bisect.bisect_left(starts, pos)
    while i and places[i - 1].bare and text.startswith(("cấp", "Cấp"), places[i - 1].start):
        i -= 1
    if not i or places[i - 1].start < s_start or places[i - 1].bare:
        return []
    if i > 1 and _placing_bracket(text, places[i - 2], places[i - 1]):
        i -= 1  # "các xã A, B (tỉnh C)": the bracket places the list's last unit, no item of it
    run = [i - 1]
    level = _unit_class(places[i - 1])
    while run[0] > 0:
        prev = places[run[0] - 1]
        if (prev.start < s_start or prev.bare or _unit_class(prev) != level
                or not (LIST_GAP.fullmatch(text, prev.end, places[run[0]].start)
                        or _same_body_joined(text, prev, places[run[0]]))):
            break
        if prev.name == places[run[0]].name:
            break  # "… và tỉnh B, tỉnh B có …": a unit named again starts a clause, no list
        if text[prev.end:places[run[0]].start].lstrip().startswith(",") and (_ASIDE.search(
                text, max(s_start, prev.start - 16), prev.start) or compared_with(text, prev.start)):
            break  # "Cùng với xã A, xã B có …", "So với xã A, xã B …": the unit set aside opens the sentence, no item
        run.insert(0, run[0] - 1)
    return run if len(run) >= 2 else []
_BODY_JOIN = deferred(r"\s*(?:,|và|,\s*và)\s*(?=\p{Lu})")


def _same_body_joined(text: str, prev: PlaceMention, cur: PlaceMention) -> bool:
    """The same body's name stands before both units, joined by "và" or ","
    ("Ban Dân vận Huyện ủy A và Ban Dân vận Huyện ủy B", "Hội Nông dân xã A
    và Hội Nông dân xã B"): the units are listed."""
    m = _BODY_JOIN.match(text, prev.end, cur.start)
    if m is None or not 3 <= cur.start - m.end() <= 40:
        return False
    body = text[m.end():cur.start]
    return "\n" not in body and text.startswith(body, prev.start - len(body)) and not DIGIT.search(body)


# ("Sau huyện A, huyện B có …": the unit ranked before, or left before, opens the sentence too)
_ASIDE = deferred(r"(?<![\p{L}])(?:cùng\s+với|ngoài|bên\s+cạnh|giống\s+như|sau)\s+$", regex.I)
_OPEN_BRACKET = deferred(r"\s*\(\s*")


def _placing_bracket(text: str, unit: PlaceMention, bracketed: PlaceMention) -> bool:
    """``bracketed`` is a unit of a higher tier opening a bracket right after
    ``unit`` ("xã A (huyện B cũ)"): where ``unit`` lies."""
    return ("(" in text[unit.end:bracketed.start] and not unit.bare
            and _RANK.get(unit.level, 9) < _RANK.get(bracketed.level, 9)
            and _OPEN_BRACKET.fullmatch(text, unit.end, bracketed.start) is not None)


def _unit_class(p: PlaceMention) -> str:
    """The tier of a unit for lists: a province's city ("thành phố Điện Biên
    Phủ") is a district-tier unit, a centrally governed one a province."""
    if p.level == "thành phố" and p.name and not _central_city(p.name):
        return "huyện"
    return _LEVEL_CLASS.get(p.level, p.level)


def _respective(text, c, places, run, s_end, figures) -> Optional[PlaceMention]:
    """"A, B và C đạt 4,8%, 4,0% và 3,6%" (and "lần lượt giảm 0,5, 0,5 và
    0,7"): after a list of n units, the i-th figure of the sentence holds
    for unit i mod n, when the figures come in groups of n that are
    themselves listed or said to be respective."""
    k = _respective_index(text, c, places[run[-1]].end, len(run), s_end, figures)
    return None if k is None else places[run[k]]


def _respective_index(text, c, list_end, n, s_end, figures) -> Optional[int]:
    """Which of a list of ``n`` items (units, years) ending at ``list_end``
    the figure ``c`` holds for: the i-th figure after it in its sentence
    (ending at ``s_end``) the item i mod n, when ``figures`` (sorted spans)
    come in groups of n that are listed or said to be respective; None
    otherwise."""
    lo = bisect.bisect_left(figures, (list_end, -1))
    group = [f for f in figures[lo:lo + 4 * n] if f[0] < s_end]
    if len(group) % n or (c.start, c.end) not in group:
        return None
    # figures of one kind listed ("4,8%, 4,0% và 3,6%"), not different
    # quantities of one unit ("12 mô hình, 300 hội viên")
    listed = (all(LIST_GAP.fullmatch(text, a[1], b[0]) for a, b in zip(group, group[1:n]))
              and len({_NOT_DIGITS.sub("", text[a:b]) for a, b in group[:n]}) == 1)
    if not listed and not RESPECTIVELY.search(text, list_end, s_end):
        return None
    return group.index((c.start, c.end)) % n


def respective_year(text, c, times, starts, sentence, figures) -> Optional[dict]:
    """"Tỷ lệ hộ nghèo năm 2022, 2023, 2024 lần lượt là 30%, 26%, 22%": after
    a list of years in the figure's sentence, each listed value its own year."""
    i = bisect.bisect_left(starts, c.start) - 1
    if i < 0 or times[i].start < sentence[0]:
        return None
    years = listed_years(text, times[i])
    k = _respective_index(text, c, times[i].end, len(years), sentence[1], figures) if years else None
    return None if k is None else {"start": years[k], "end": years[k]}


def _list_after(text, places, i: int) -> list[int]:
    """The indexes of the list of units of one tier that unit ``i`` opens
    ("xã A và xã B"), or [] when it stands alone."""
    run = [i]
    while run[-1] + 1 < len(places):
        nxt = places[run[-1] + 1]
        if (nxt.bare or not nxt.name or _unit_class(nxt) != _unit_class(places[i]) or nxt.name == places[run[-1]].name
                or not LIST_GAP.fullmatch(text, places[run[-1]].end, nxt.start)):
            break
        run.append(run[-1] + 1)
    return run if len(run) >= 2 else []


def _container_of(places, run) -> Optional[dict]:
    """A total over listed units: the smallest unit containing them all
    (FACTS.md): communes' district, else districts' or communes' province,
    else Việt Nam for several provinces; an empty place (no location) for
    communes whose district is not known and for villages; None for other
    levels (units abroad)."""
    units = [places[j] for j in run]
    level = _unit_class(units[0])
    provinces = {u.province for u in units}
    if level == "tỉnh" and len(provinces) > 1 and None not in provinces:
        return dict(_NATION)
    if level not in ("huyện", "xã") or None in provinces:
        # (villages joined without their commune, "Thôn 1 và thôn 2 có 300 hộ": the commune is not
        # named, so no place; a chain after them, "…, xã A", is read as the address it is)
        return {} if level == "xã" or _RANK.get(level) == 0 else None
    if len(provinces) > 1:
        return dict(_NATION)
    province = provinces.pop()
    district = _shared_district(units) if level == "xã" else None
    if district is not None:
        return {"name": district.name, "level": district.level.lower(), "province": province, "code": district.code,
                "new_code": None}
    if level == "xã" and any(u.code is None for u in units):
        return {}  # (communes the gazetteer cannot place: their district is not known)
    return _province_place(province)


def _province_place(province: str) -> dict:
    """The place record of a province named by the text's units: its level is
    "thành phố" for a centrally governed city ("Hải Phòng"), else "tỉnh"."""
    return {"name": province, "level": gazetteer().province_level(province), "province": province, "code": None,
            "new_code": None}


def _shared_district(units: list[PlaceMention]):
    """The district (a gazetteer unit) every one of the communes ``units``
    lies in, by their codes; None when they lie in several or one's is not
    known."""
    gaz = gazetteer()
    names = set()
    for u in units:
        found = [g for g in gaz.lookup(u.name, u.level, u.province) if g.code == u.code] if u.code else []
        if not found or not found[0].district:
            return None
        names.add((found[0].district, found[0].province))
    if len(names) != 1:
        return None
    district, province = names.pop()
    return next(iter(gaz.lookup(district, "huyện", province)), None)


def _unit_for(text, c, places, starts, starts_of_sentence, p_start, clause_end, main) -> Optional[dict]:
    # the sentence's start, and that of the sentence by punctuation only
    s_start, full_start = starts_of_sentence
    start, end = c.start, c.end
    lo = max(s_start, start - 80)
    # "mỗi", "từng": a cheap test first
    if (text.find("ỗi", lo, start) >= 0 or text.find("ừng", lo, start) >= 0) and _EACH.search(text[lo:start]):
        return None  # "mỗi xã đều có 2 mô hình": holds for each unit separately
    if _central_document(text, c, clause_end):
        return dict(_NATION)
    i = bisect.bisect_left(starts, start)
    # a row of a flattened table ("1 | Tuyên Quang | Tuyên Quang + Hà Giang | 13.795,6 km"):
    # the row's first unit is its subject
    line_start = text.rfind("\n", 0, start) + 1
    if text.count("|", line_start, start) >= 2:
        j = bisect.bisect_left(starts, line_start)
        if j < i and not places[j].bare:
            return place_record(places[j], places, main)
    # a unit the figure belongs to or goes to, linked right after it
    # ("03 huyện của tỉnh X", "50 triệu đồng cho xã Y")
    k = bisect.bisect_left(starts, end)
    # (level words without a name on the way are skipped: "100% số xã trên địa bàn thành phố X")
    for j in range(k, min(k + 3, len(places))):
        p = places[j]
        if p.bare:
            continue
        # a bracket naming the units counted ("3 tỉnh (A, B và C) của nước X") is skipped
        bracket = _bracket_first(text, end, p.start)
        gap_start = bracket.end() if bracket else end
        if p.start - gap_start > 40:
            break  # too far to be linked to the figure
        gap = text[gap_start:p.start]
        in_clause = p.start < clause_end or (bracket and not CLAUSE_BREAK.search(gap))
        # ("hỗ trợ 15 hộ xã A làm nhà": a unit right after the counted noun says whose they are)
        if in_clause and not DIGIT.search(gap) and (_OBJECT_LINK.search(gap) or (
                not bracket and c.type in ("count", "ratio") and not gap.strip(" ") and p.level != "quốc gia")):
            if _ABROAD_LINK.search(gap) and _domestic_before(places, i, s_start):
                # "tỉnh A có 12.000 lao động làm việc tại Nhật Bản": A's people, abroad;
                # "tỉnh bạn A cử 200 lưu học sinh sang học tại B": A's students, in B
                break
            # ("27 hộ tại xã A và xã B": a total over the units listed, their container)
            run = _list_after(text, places, j)
            total = _container_of(places, run) if run else None
            if total is not None:
                return total or None
            return place_record(p, places, main)
        break
    if _unit_noun(c):
        # "ba huyện Chư Prông, Đức Cơ": the units counted are named
        for j in range(i, k):
            p = places[j]
            if not p.bare and p.start < end:
                # ("hai tỉnh Lào Cai và Yên Bái": the units counted are listed, their container holds the count)
                run = _list_after(text, places, j)
                total = _container_of(places, run) if run else None
                return total or place_record(p, places, main)
        # "1 trong 62 huyện nghèo nhất cả nước": units counted over the country
        if _NATIONWIDE_AFTER.match(text, end, max(clause_end, end)):
            return dict(_NATION)
    for j in range(i - 1, -1, -1):
        q = places[j]
        if q.start < s_start:
            break
        if q.foreign and _PHRASE_BREAK.search(text, q.end, start):
            continue  # "giáp 3 tỉnh của nước Lào, trải dài trên 27 xã": abroad only in its clause
        if q.office:
            continue
        if q.bare and not q.several and text[q.end:q.end + 1] == " " and (
                _GIVES.match(text, q.end, start) or _AGENT_BEFORE.search(text, max(0, q.start - 8), q.start)):
            # "Liên đoàn Lao động tỉnh trao tặng Nghiệp đoàn 30 lá cờ": the giver's level, not where the gifts go;
            # "3 mô hình được huyện công nhận, …, với 215 hộ tham gia": the agent of a passive, no place
            continue
        if q.name and (compared_with(text, q.start) or q.level == "quốc gia" and average_compared(text, q.start, s_start)):
            # "xã A … cao gấp 2 lần xã B, đạt …": B is what A's figure is compared with;
            # "bằng 65% mức bình quân cả nước, đạt 52 triệu đồng": the country's average, compared with
            continue
        if q.name and q in places.sources and any(not p.bare and p.start >= s_start and p not in places.sources
                                                  for p in places[:j]):
            continue  # "Xã A được thành lập trên cơ sở sáp nhập thị trấn B, có …": A's figures
        head = _chain_head(text, places, j)
        if head == j and _aside(text, q, start):
            continue  # "tỉnh A (sau hợp nhất với B) có ...": a bracket's aside is not the clause's unit
        place = place_record(places[head], places, main)
        if place is not None:
            return place
        if _unknown_unit_of_its_own(text, places, j, start, main):
            # "Lào Cai, ngày …\nNăm 2025, huyện có 500 hộ nghèo": a district never named is no
            # province (FACTS.md: null, not its parent unit)
            return None
    # a unit named after the figure in its clause, with no unit before it
    for p in places[k:k + 1]:
        if p.start < clause_end and not p.bare and p.level != "quốc gia" and not DIGIT.search(text, end, p.start):
            return place_record(p, places, main)
    lo = max(full_start, start - WINDOW)
    if (text.find("cầu", lo, start) >= 0 or text.find("giới", lo, start) >= 0) and _WORLD.search(text[lo:start]):
        return None  # "tăng trưởng toàn cầu đạt 2,9%": the world is no unit
    village = _village_referred(text, places, i, s_start, start)
    if village is not None:
        return place_record(village, places, main)
    # the unit the paragraph is about: the first it names (its topic)
    topic = None
    for j in range(i - 1, -1, -1):
        q = places[j]
        if q.start < p_start:
            break
        if not q.bare and not q.office and not compared_with(text, q.start):
            topic = j
    if topic is not None:
        return place_record(places[_chain_head(text, places, topic)], places, main)
    heading = _heading_unit(text, places, i, p_start)
    if heading is not None:
        return place_record(heading, places, main)
    return place_record(main, places, main) if main else None


# where people counted work, study or live, away from their unit ("lao động làm việc tại Nhật Bản",
# "du học ở Úc", "sang học tại Thanh Hóa")
_ABROAD_LINK = deferred(r"(?<![\p{L}])(?:làm\s+việc|lao\s+động|học(?:\s+tập)?|sinh\s+sống|định\s+cư|cư\s+trú|xuất\s+khẩu\s+lao\s+động)"
                        r"(?:\s+\p{Ll}+){0,3}\s+(?:tại|ở)\s*$", regex.I)



def _domestic_before(places, i: int, s_start: int) -> bool:
    """A unit with a name, not a country, stands before place ``i`` in its sentence."""
    return any(not q.bare and q.name and q.level != "quốc gia" for q in places[:i] if q.start >= s_start)


def _bracket_unit(text, c, places, starts, i: int) -> Optional[int]:
    """The index of the unit a bracket ties to the figure alone: the figure in a bracket
    right after a unit's name ("các huyện Bắc Hà (18%), Si Ma Cai (22%)"), or
    a unit alone in a bracket right after the figure ("120 hộ (xã A) và 85
    hộ (xã B)"; not units counted, "3 tỉnh (A, B và C)")."""
    start, end = c.start, c.end
    if i and text[start - 1:start] == "(" or text[start - 2:start] == "( ":
        q = places[i - 1]
        if not q.bare and not q.office and _OPEN_BRACKET.fullmatch(text, q.end, start):
            return i - 1
    if not opens_bracket(text, end, end + 3) or _unit_noun(c):
        return None
    k = bisect.bisect_left(starts, end)
    if k < len(places):
        p = places[k]
        close = text.find(")", p.end, p.end + 3)
        if (not p.bare and p.level != "quốc gia" and _OPEN_BRACKET.fullmatch(text, end, p.start)
                and close >= 0 and not text[p.end:close].strip()):
            return k
    return None


def _unknown_unit_of_its_own(text: str, places, j: int, pos: int, main: Optional[PlaceMention]) -> bool:
    """``places[j]`` is a level word alone ("huyện có …") in the clause of
    the figure at ``pos`` that names one unit below the article's own,
    which the text does not identify: the figure's unit is that one,
    unknown, and no unit above it.  Level words listed together ("15 xã,
    thị trấn") name units counted, and one in another clause ("… y tế
    xã; 95% trạm …") is another's."""
    q = places[j]
    if not q.bare or q.several or q.office or not (main is None or _RANK.get(q.level, 9) < _RANK.get(main.level, 9)):
        return False
    if text.find(";", q.end, pos) >= 0 or DIGIT.search(text, q.end, pos):
        return False
    if _LEVEL_LISTED_BEFORE.search(text, max(0, q.start - 20), q.start):
        return False
    after = places[j + 1] if j + 1 < len(places) else None
    return not (after and after.bare and _LEVELS_LISTED.fullmatch(text, q.end, after.start))
_LEVELS_LISTED = deferred(r"\s*(?:,|và|hoặc)\s*", regex.I)
_LEVEL_LISTED_BEFORE = deferred(rf"(?<![\p{{L}}])(?:{written_pattern(VIETNAMESE_UNITS)})\s*(?:,|và|hoặc)\s*$", regex.I)


# a village referred to by its level word alone: "Toàn thôn có …", "cả bản", or the word opening
# a sentence before a verb ("Bản có 96 hộ": not "Bản cam kết có …", a copy)
_VILLAGE_WORDS = written_pattern(sorted((w for w in VIETNAMESE_UNITS if _RANK.get(w) == 0), key=len, reverse=True))
_VILLAGE_REFERENCE = deferred(rf"(?:(?<![\p{{L}}])(?i:toàn|cả)\s+(?P<level>(?i:{_VILLAGE_WORDS}))"
                              rf"|(?:^|(?<=[.!?:;\n]\s*))(?P<level2>(?=\p{{Lu}})(?i:{_VILLAGE_WORDS}))"
                              r"(?=\s+(?:có|đã|hiện|được|vừa|cũng|đạt|gồm|còn)\s))(?![\p{L}])")


def _village_referred(text: str, places, i: int, s_start: int, pos: int) -> Optional[PlaceMention]:
    """The village a level word alone refers to in the figure's sentence
    before ``pos`` ("Toàn thôn có 12 hộ nghèo", "Bản có 96 hộ"): the last
    village of that level named before it (``i``: the index of the first
    place at or after ``pos``)."""
    named = [q for q in places[max(0, i - 8):i] if q.name and not q.bare and _RANK.get(q.level) == 0]
    if not named:
        return None
    m = _VILLAGE_REFERENCE.search(text, max(s_start, named[-1].end), pos)
    if m is None:
        return None
    level = (m.group("level") or m.group("level2")).lower()
    return next((q for q in reversed(named) if q.level == level), None)


def _heading_unit(text: str, places, i: int, p_start: int) -> Optional[PlaceMention]:
    """The unit a subheading right above the paragraph names and nothing
    more ("HUYỆN PHÚ LƯƠNG", "Xã Tân Lập:"): the report under it is that
    unit's.  A subheading follows a body paragraph (a page's place line
    above its headline does not)."""
    j = bisect.bisect_left(places, p_start, hi=i, key=START) - 1
    if j < 0 or p_start < 1:
        return None
    q = places[j]
    line_start = text.rfind("\n", 0, p_start - 1) + 1
    if (q.bare or q.start < line_start or not _HEADING_REST.fullmatch(text, q.end, p_start)
            or not _after_body(text, line_start)):
        return None
    return q if HEADING_NUMBER.fullmatch(text, line_start, q.start) else None


def _after_body(text: str, pos: int) -> bool:
    """The text before ``pos``, past white space, ends as a body sentence does."""
    k = pos
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k > 0 and text[k - 1] in _BODY_END
_BODY_END = ".!?;:…"
_HEADING_REST = compile_regex(r"[^\S\n]*:?\s*")
_NATIONWIDE_AFTER = deferred(r"[^\d\n,;.]{0,40}?(?<![\p{L}])(?:cả\s+nước|toàn\s+quốc)(?![\p{L}])", regex.I)


def _unit_noun(c) -> str:
    """The level word a count or ratio counts ("6 huyện" → "huyện"), or ""."""
    return _level_word(c.fields.get("noun") or "") if c.type in ("count", "ratio") else ""


@lru_cache(maxsize=1024)
def _level_word(noun: str) -> str:
    """The level word ``noun`` (a count's, as written) names, or ""."""
    word = noun.split(",")[0].strip().lower()
    return word if word in _RANK else ""


def _container_for_units(c, place: Optional[dict], main: Optional[PlaceMention] = None) -> Optional[dict]:
    """A count of units ("6 huyện", "5/16 xã") holds for a unit above them:
    a district's or commune's count never lies in a unit of that level or
    below; it takes the province then.  Villages ("2 thôn A và B") lie
    where the text is: their count takes the article's commune or district
    (``main``) when it lies in the same province."""
    noun = _unit_noun(c)
    if not place or not noun or place.get("level") == "quốc gia":
        return place
    if _RANK.get(place.get("level"), 9) > _RANK[noun]:
        return place
    province = place.get("province")
    if (_RANK[noun] == 0 and main is not None and main.name and 0 < _RANK.get(main.level, 9) < _RANK["tỉnh"]
            and main.province == province):
        return main.as_place()
    if province and _RANK[noun] < _RANK["tỉnh"]:
        return _province_place(province)
    return place


def _aside(text: str, q: PlaceMention, pos: int) -> bool:
    """``q`` stands in a bracket that closes before ``pos``."""
    # (the closing bracket first: mostly none follows, and the test ends there)
    if not 0 <= text.find(")", q.end, pos) < pos:
        return False
    opened = text.rfind("(", max(0, q.start - 60), q.start)
    return opened >= 0 and text.find(")", opened, q.start) < 0
_OF_THIS = deferred(r"\s+(?:của|thuộc)\s+\p{L}+", regex.I)


def _chain_head(text: str, places: list[PlaceMention], j: int) -> int:
    """In an address chain ("xã A, huyện B, tỉnh C") the most specific unit
    is the place: from the chain's last unit back to its first."""
    while j > 0:
        prev, cur = places[j - 1], places[j]
        if cur.bare and not prev.bare and _RANK.get(prev.level, 9) < _RANK.get(cur.level, 9) \
                and _OF_THIS.fullmatch(text, prev.end, cur.end):
            j -= 1  # "xã A của huyện này": the unit the level word refers to holds the commune
            continue
        if prev.bare or cur.bare or not CHAIN_GAP.fullmatch(text, prev.end, cur.start):
            break
        if _RANK.get(prev.level, 9) >= _RANK.get(cur.level, 9):
            break
        j -= 1
    return j


def place_record(p: Optional[PlaceMention], places: list[PlaceMention], main: Optional[PlaceMention]) -> Optional[dict]:
    if p is None:
        return None
    if p.several:
        return None  # "cấp xã", "các xã": no one unit
    if p.bare:
        return _resolve_bare(p, places, main)
    # the most specific unit of an address chain right after it is p itself
    place = p.as_place()
    if place and place["level"] == "quốc gia":
        place["province"] = None
    return place


def sole_province(places: list[PlaceMention]) -> Optional[PlaceMention]:
    """With no main unit, the one province every named unit lies in."""
    provinces = {p.province for p in places if p.name and not p.bare and p.level != "quốc gia"}
    if len(provinces) == 1 and None not in provinces:
        name = provinces.pop()
        return PlaceMention(0, 0, gazetteer().province_level(name), name, name, None, written=False)
    return None


class _Named:
    """The named places of a document by level class, built once per text."""

    def __init__(self, places: list[PlaceMention], sources=frozenset()):
        # (``sources``: the units a new one was formed from, no antecedents of a later bare level word)
        self.by_class: dict[str, tuple[list[int], list[PlaceMention]]] = {}
        provinces, inside = set(), {}
        for q in places:
            if q.bare or not q.name or q in sources:
                continue
            cls = _LEVEL_CLASS.get(q.level, q.level)
            starts, items = self.by_class.setdefault(cls, ([], []))
            starts.append(q.start)
            items.append(q)
            inside.setdefault(cls, {})[(q.name, q.level)] = q
            if q.province:
                provinces.add(q.province)
        self.only_province = next(iter(provinces)) if len(provinces) == 1 else None
        self.only_unit = {cls: next(iter(units.values())) for cls, units in inside.items() if len(units) == 1}


class Places(list):
    """A document's place mentions, with their index by level built once."""

    def __init__(self, text: str, places):
        super().__init__(places)
        self.text = text  # the text the places are in

    @cached_property
    def sources(self) -> set:
        """The units named as what a new unit was formed from."""
        return _merger_sources(self.text, self)

    @cached_property
    def named(self) -> _Named:
        return _Named(self, self.sources)


def _merger_sources(text: str, places: list[PlaceMention]) -> set:
    """The units named as what a new unit was formed from ("… được thành lập
    trên cơ sở sắp xếp thị trấn A và các xã B, C"): the list after a merger
    phrase."""
    out: set = set()
    prev = None
    for q in places:
        if q.name and not q.bare and (
                (prev in out and _SOURCES_GAP.fullmatch(text, prev.end, q.start))
                or (q.start > 0 and may_hold(text[max(0, q.start - 30):q.start], "nhập", "nhất", "cơ sở")
                    and _MERGED.search(text, max(0, q.start - 30), q.start))):
            out.add(q)
        prev = q
    return out


def _resolve_bare(p: PlaceMention, places, main) -> Optional[dict]:
    """"toàn tỉnh", "huyện" without a name: the unit of that level named last
    before, else the article's unit of that level (or its province), else
    the one unit of that level the text names (a unit never named is
    identified from the units named inside it)."""
    want = _LEVEL_CLASS.get(p.level, p.level)
    index = places.named
    starts, items = index.by_class.get(want, ([], []))
    k = bisect.bisect_left(starts, p.start)
    if k > 0:
        found = items[k - 1]
        if p.level == "tỉnh" and found.level == "thành phố" and found.province and not _central_city(found.province):
            # "thành phố Sơn La …, toàn tỉnh …": a province's city is no province; its province is
            return {"name": found.province, "level": "tỉnh", "province": found.province, "code": None}
        return found.as_place()
    if main is not None:
        if _LEVEL_CLASS.get(main.level, main.level) == want:
            return main.as_place()
        if want == "tỉnh" and main.province:
            return _province_place(main.province)
    if want == "tỉnh" and index.only_province:
        return _province_place(index.only_province)
    unit = index.only_unit.get(want)
    return unit.as_place() if unit else None


def _central_city(province: str) -> bool:
    """The province ``province`` is a centrally governed city ("Đà Nẵng")."""
    gaz = gazetteer()
    return gaz.province(province) in gaz.cities


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
