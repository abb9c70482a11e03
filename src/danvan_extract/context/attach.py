"""Give every numeric candidate its context (subject, location, period)
and the document its title, date and main place.

Works on the normalized text and the chosen candidates; spans of the
subject are returned in the normalized text, for the pipeline to take
as written from the caller's string.
"""

from __future__ import annotations

import bisect
import itertools
from operator import attrgetter
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Optional

import regex

from . import subjects
from ..extractors.count import RESPECTIVELY_SOURCE
from ..extractors.table_cells import in_table_row
from ..dateline import find_date_line, lines_with_offsets, stamp_lines
from .document_info import (CENTRAL_BODY, after_merger, agency_lines, find_title, main_place, national_by_default,
                            not_venues, year_of)
from ..grammar.lazy import deferred, settle
from ..scan.budget import UNBOUNDED, StageClock
from ..grammar.rules import load_rules
from ..registry import NUMERIC_TYPES
from .periods import TimeMention, find_times, listed_years
from .relative_times import month_shifted
from .gazetteer import gazetteer, key
from ..grammar.levels import INITIALS, LEVEL_CLASS as _LEVEL_CLASS, RANK as _RANK, SHORT, VIETNAMESE_CLASSED, VIETNAMESE_UNITS, written_pattern
from .places import CHAIN_GAP, HEADING_NUMBER, PlaceMention, find_places
from .words import CharClass, Openers, holds_letter, may_hold
from ..extractors.base import last_match

# The punctuation that ends a sentence (and a full sentence): where a run of
# ".!?…" ends before white space and a capital, a digit or an opening mark.
# (One scan per mark, each ending at the last mark of a run: a pattern that
# opens with one character is found by a fast scan, a class is tried at
# every position.)
# ("TP. Sơn La", "H. Sốp Cộp", "TX. Nghĩa Lộ": the point of a level word written short ends no sentence)
_SHORT_LEVEL = r"(?<!(?<![\p{L}])(?:%s))" % "|".join(sorted(
    {form for short in SHORT if short.endswith(".") for form in (short[:-1].upper(), short[:-1].capitalize())}))
_STOP_MARKS = {mark: deferred((_SHORT_LEVEL if mark == "." else "") + regex.escape(mark) + r"(?=\s+[\p{Lu}\d“\"(-])")
               for mark in ".!?…"}
_LOWER = CharClass(r"\p{Ll}")
_BLANK_LINE = deferred(r"\n[^\S\n]*\n")  # (its end: past the line break that closes it)
# " - " breaks a clause before a capital or a number ("Name - Role"), not
# inside a compound ("nông - lâm - thủy sản", "văn hoá - xã hội").
_ONE_CHAR_BREAK_SOURCE = r"[,;:()|]"
_CLAUSE_BREAK_SOURCE = _ONE_CHAR_BREAK_SOURCE + r"|(?<!,)\n(?!\p{Ll})|\s-\s(?=[\p{Lu}\d])"
_CLAUSE_BREAK = deferred(_CLAUSE_BREAK_SOURCE)
_CLAUSE_BREAK_BACK = deferred(_CLAUSE_BREAK_SOURCE, regex.REVERSE)  # the last break first
# (a class search for the last break of one character, without look-around:
# the others each hold a line break or a hyphen, which str.find rules out)
_ONE_CHAR_BREAK_BACK = deferred(_ONE_CHAR_BREAK_SOURCE, regex.REVERSE)
_BRACKET_TIME = deferred(r"\s*\(\s*(?:năm\s+|tính\s+đến\s+)?[^()\n]{0,20}\)")
_SHARE_VERB = deferred(r"(?:chiếm|bằng|đạt|tương\s+đương|tương\s+ứng|đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ|chiếm\s+tỷ\s+lệ"
                            r"|chiếm\s+tỉ\s+lệ|với\s+tỷ\s+lệ|với\s+tỉ\s+lệ)"
                            r"\s*(?:khoảng|trên|hơn|gần|dưới|xấp\s+xỉ)?\s*$", regex.I)


@dataclass
class DocumentContext:
    """The article's own context and each numeric candidate's."""

    title: Optional[tuple[int, int]] = None
    published: Optional[str] = None
    location: Optional[dict] = None
    facts: dict[int, dict] = field(default_factory=dict)  # id(candidate) → fields


def _bounds(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where sentences and lines start, and where full sentences end (by
    punctuation and blank lines only: :func:`_full_sentence`), from one scan
    for the punctuation that ends them."""
    marks = [m.end() for mark, stops in _STOP_MARKS.items() if mark in text for m in stops.finditer(text)]
    lines = _line_starts(text)
    # a line break followed by a lower-case letter is a soft wrap (PDF text), no boundary;
    # so is one after a comma or a joining word, whatever follows ("của In-đô-nê-xi-a,\nMa-lai-xi-a")
    breaks = [start for start in lines[1:] if not _LOWER[text[start:start + 1]] and not _continued(text, start)]
    return [0] + sorted(marks + breaks), lines, sorted(marks + [m.end() for m in _BLANK_LINE.finditer(text)])


# what ends a line that the next one continues: a comma, or a word that joins what follows
_JOINING_ENDS = (",", " và", " hoặc", " của", " với", " các", " những")


def _continued(text: str, start: int) -> bool:
    """The line before ``start`` (a line's start) ends in a comma or a joining word."""
    return text[max(0, start - 9):start - 1].rstrip(" \t").lower().endswith(_JOINING_ENDS)


def _line_starts(text: str) -> list[int]:
    out, i = [0], text.find("\n")
    while i >= 0:
        out.append(i + 1)
        i = text.find("\n", i + 1)
    return out


def _start_of(bounds: list[int], pos: int) -> int:
    return bounds[bisect.bisect_right(bounds, pos) - 1]


def _end_of(bounds: list[int], pos: int, limit: int) -> int:
    i = bisect.bisect_right(bounds, pos)
    return bounds[i] if i < len(bounds) else limit


def _around(bounds: list[int], pos: int, limit: int) -> tuple[int, int]:
    """(:func:`_start_of`, :func:`_end_of`) of ``pos`` (``bounds`` open with 0)."""
    i = bisect.bisect_right(bounds, pos)
    return bounds[i - 1], bounds[i] if i < len(bounds) else limit


def analyse(text: str, candidates: list, chrome: list[tuple[int, int]] = (),
            surnames: frozenset = frozenset(), lower: Optional[str] = None,
            clock: StageClock = UNBOUNDED) -> DocumentContext:
    """The context of ``text`` and of each numeric candidate in it;
    ``lower``: ``text`` lowered already (the extractors' context has it);
    ``clock``: the document's deadline, checked between steps and figures
    (:class:`ExtractionTimeout` once it has passed)."""
    out = DocumentContext()
    head = lines_with_offsets(text)  # (read by the date line, the date stamps and the headline)
    date_line = find_date_line(text, head)
    out.published = date_line[0] if date_line else None
    out.title = find_title(text, list(chrome), head)
    # the article's own date line states no figure's time
    # (nor does a site header's date above it)
    skip = sorted(set(list(chrome) + ([tuple(date_line[1:])] if date_line else []) + stamp_lines(text, head)))
    # "Nghị quyết 60-NQ/TW năm 2025": a year in a document's name is no time
    numeric, doc_ends, roles, mentions = _by_kind(candidates)
    other_spans = [(c.start, c.end) for c in numeric]
    openers = Openers(text, lower)  # where words stand, for the scans of both
    times = find_times(text, year_of(out.published), openers, out.published)
    if skip or doc_ends:
        times = [t for t in times if not _in(skip, t.start) and not _right_after(text, doc_ends, t.start)]
    # a level word that is a figure's counted noun ("6/21 xã") names no unit, nor does
    # a figure's number ("nông thôn 15%": no "thôn 15")
    figure_spans = sorted(other_spans)
    clock.check("times")
    places = _Places(text, (p for p in find_places(text, surnames=surnames, openers=openers,
                                                   legacy=not after_merger(out.published))
                            if not (chrome and _in(chrome, p.start))
                            and not ((p.bare or p.name and p.name[0].isdigit()) and _overlaps(figure_spans, p.end - 1))))
    clock.check("places")
    sentences, paragraphs, full_stops = _bounds(text)
    first_body = out.title[1] + 1 if out.title else 0
    lead_end = _end_of(paragraphs, first_body + 1, len(text)) if text else 0
    # "Bí thư Thành ủy TP HCM" in a headline: the person's post, not the article's place
    posts = [(c.start, c.end) for c in roles if out.title and c.start < out.title[1] and c.end > out.title[0]]
    reported = not_venues(text, places)
    # (the lead is the body's first paragraph, below the date line under the headline)
    body_lead_end = _lead_past_date(text, date_line, paragraphs, first_body, lead_end)
    # (a site line's unit, "Hội LHPN tỉnh Đắk Lắk", counts only when the article names none of its own)
    site = agency_lines(head, out.title)
    main = (main_place([p for p in reported if not _in(site, p.start)], out.title, body_lead_end, posts, text)
            if site else None) or main_place(reported, out.title, body_lead_end, posts, text)
    if (main is None or main.start >= lead_end) and national_by_default(text, out.title, reported):
        main = PlaceMention(0, 0, "quốc gia", "Việt Nam", None, None, written=False)
    main = main or _only_province(places)
    out.location = _place(main, places, main) if main else None
    if not numeric:
        return out  # (an article without figures: its own context alone)
    time_starts = [t.start for t in times]
    sections = section_starts(text, paragraphs)
    place_starts = [p.start for p in places]
    # every other figure, measure or date is no part of a subject
    holes = sorted([(t.start, t.end) for t in times] + [(p.start, p.end) for p in places] + mentions)
    clauses = []
    for c in numeric:
        clock.check("period and place of a figure")
        s_start, s_end = _around(sentences, c.start, len(text))
        p_start = _start_of(paragraphs, c.start)
        clause_start = _clause_start(text, s_start, c.start, other_spans, places, place_starts)
        clause_end = _clause_end(text, c.end, s_end)
        period = (_respective_year(text, c, times, time_starts, (s_start, s_end), other_spans)
                  or _period(text, c, times, time_starts, p_start, clause_end, out.title, body_lead_end, sections))
        location = _location(text, c, places, place_starts, (s_start, s_end), p_start, clause_end, main,
                             other_spans, full_stops)
        out.facts[id(c)] = {"period": period, "location": location}
        clauses.append((s_start, clause_start, clause_end))
    # (the subjects in a pass of their own: the code of each pass stays at hand)
    _subjects(text, numeric, clauses, holes, out.facts, clock)
    clock.check("subjects")
    _periods_of_repeats(text, numeric, out.facts, out.title, times, paragraphs)
    return out


def _lead_past_date(text: str, date_line, paragraphs: list[int], first_body: int, lead_end: int) -> int:
    """The end of the lead when a date line stands right above it (under
    the headline, or opening the page): the body paragraph after the date
    line, not the date line, is the lead that names the article's unit."""
    if date_line and date_line[1] >= first_body and not text[first_body:date_line[1]].strip():
        return _end_of(paragraphs, date_line[2] + 2, len(text))
    return lead_end


def _by_kind(candidates: list) -> tuple[list, list[int], list, list[tuple[int, int]]]:
    """From one pass over ``candidates``: the numeric ones (by start), the
    ends of the document references (sorted), the person roles, and the
    spans of all but those two kinds (figures, dates, measures...)."""
    numeric, doc_ends, roles, spans = [], [], [], []
    for c in candidates:
        kind = c.type
        if kind == "document_ref":
            doc_ends.append(c.end)
        elif kind == "person_role":
            roles.append(c)
        else:
            spans.append((c.start, c.end))
            if kind in NUMERIC_TYPES:
                numeric.append(c)
    numeric.sort(key=_START)
    doc_ends.sort()
    return numeric, doc_ends, roles, spans


_START = attrgetter("start")


def _subjects(text: str, numeric: list, clauses: list[tuple[int, int, int]], holes: list[tuple[int, int]],
              facts: dict[int, dict], clock: StageClock = UNBOUNDED) -> None:
    """The subject of each figure of ``numeric`` (sorted), into its fields
    in ``facts``; ``clauses``: each one's sentence start and clause bounds;
    ``holes``: the spans no subject takes (sorted)."""
    # a mention that a figure starts inside ("thôn 5" of "nông thôn 5%") is misread: no hole
    starts = [c.start for c in numeric]
    holes = _without_starts_within(holes, starts)
    hole_starts = [h[0] for h in holes]
    subject_of: dict[int, list] = {}
    lists: dict[int, tuple[int, int]] = {}  # the listed subject a respective value took its item from
    bare_lists: list[tuple[int, int]] = []  # (first, end): bare numbers listed before the count at end
    for i, (c, (s_start, clause_start, clause_end)) in enumerate(zip(numeric, clauses)):
        clock.check("subject of a figure")
        near = _holes_near(holes, hole_starts, clause_start - _WINDOW, clause_end + _WINDOW, (c.start, c.end))
        # "… lần lượt là 120 và 150 hộ": the end of a list of bare numbers reads its subject from the list's start
        first = _bare_list_start(text, numeric, i)
        # the figure before this one in its sentence, and before its list, if any (figures are sorted by start)
        sentence_start = _unwrapped_start(text, s_start)
        prior, before = (numeric[k - 1] if k and numeric[k - 1].start >= sentence_start else None for k in (i, first))
        if first < i:
            bare_lists.append((first, i))
        whole = replace(c, start=numeric[first].start) if first < i else c
        pieces = _subject(text, whole, clause_start, clause_end, near, before, subject_of, s_start)
        if i and _ANAPHOR_FIRST.search(text, clause_start, c.start):
            pieces = _antecedent(text, c, numeric[i - 1], subject_of, clause_start) or pieces
        elif (prior and c.type == "percentage" and not c.rule.endswith(".table_cell")
              and _rate_word_alone(text, pieces)):
            # "… đạt 9.500 hộ, tỷ lệ 93,1%": a bare rate is a share of what the figure before it measures
            pieces = list(subject_of.get(id(prior)) or []) or pieces
        elif prior and _respective_next(text, prior, c, s_start):
            # "Số hộ nghèo năm 2023 và 2024 lần lượt là 320 hộ và 280 hộ": what the first value measures
            pieces = list(subject_of.get(id(prior)) or []) or pieces
        # (a later value pairs with the list its first value's subject named)
        for piece in (lists.get(id(prior)) if prior is not None else None,
                      pieces[0] if len(pieces) == 1 and c.type != "ratio" else None):
            item = _respective_item(text, c, piece, numeric) if piece else []
            if item:
                pieces, lists[id(c)] = item, piece
                break
        regard = facts[id(prior)]["subject_spans"][-1:] if prior is not None and id(prior) in subject_of else []
        if (regard and regard[0] not in subject_of[id(prior)] and pieces
                and all(regard[0][0] <= s and e <= regard[0][1] for s, e in pieces)):
            # "… 25% đối với hộ cận nghèo và 10% đối với …": the words before the figure are the prior's
            # "đối với" phrase; the figure shares the prior's head
            pieces = subject_of[id(prior)]
        subject_of[id(c)] = pieces
        facts[id(c)]["subject_spans"] = _with_regard_to(text, c, pieces)
    # "450, 620 và 380 đảng viên": a bare number listed before the count whose
    # noun it shares counts what that count counts
    for first, end in bare_lists:
        for c in numeric[first:end]:
            subject_of[id(c)] = facts[id(c)]["subject_spans"] = list(subject_of.get(id(numeric[end])) or [])


# "đối với <who>" right after a rate or an amount: whom it holds for
_REGARDING = deferred(r"(?:/\p{L}+)*[^\S\n]+(?P<phrase>đối[^\S\n]+với[^\S\n]+(?P<who>[^\n,.;:()\d]{1,60}?))[^\S\n]*"
                      r"(?=[,.;:()\n]|$|(?:và|hoặc)[^\S\n]+\d)", regex.I)


def _with_regard_to(text: str, c, pieces: list) -> list:
    """"Miễn 100% học phí đối với học sinh dân tộc thiểu số, giảm 50% đối
    với học sinh hộ cận nghèo", "Lãi suất … 6,6%/năm đối với hộ nghèo,
    7,92%/năm đối với hộ cận nghèo": "đối với" right after a percentage or
    an amount (or its noun) names whom it holds for, which tells sibling
    figures of one subject apart (FACTS.md: each item takes the shared head
    and its own modifier), as "đối với" before it does ("mức cho vay tối đa
    đối với hộ nghèo").  The figures after take the head without it."""
    if not pieces or c.type not in ("percentage", "money") or "đ" not in text[c.end:c.end + 16].lower():
        return pieces  # (the cheap test first: "đối" within reach)
    regard = _REGARDING.match(text, max(c.end, max(e for _, e in pieces)))
    return pieces + [regard.span("phrase")] if regard else pieces


def _bare_list_start(text: str, numeric: list, i: int) -> int:
    """The index of the first of the bare numbers listed right before the
    count ``numeric[i]`` whose noun they share ("120, 150 và 180 hộ"); ``i``
    when there is none."""
    c, first = numeric[i], i
    noun = c.fields.get("noun") if c.type == "count" else None
    while (noun and first and numeric[first - 1].type == "count" and numeric[first - 1].fields.get("noun") == noun
           and _LIST_GAP.fullmatch(text, numeric[first - 1].end, numeric[first].start)
           and not _writes_noun(text, numeric[first - 1], str(noun).lower())):
        first -= 1
    return first


# "tỷ lệ này", "con số trên": a quantity named by pointing back at the figure before
_ANAPHOR = deferred(r"(?<![\p{L}])(?:tỷ\s+lệ|tỉ\s+lệ|con\s+số|số\s+liệu|chỉ\s+số)\s+(?:này|đó|trên|nói\s+trên)(?![\p{L}])",
                    regex.I)
_ANAPHOR_FIRST = deferred(r"(?:này|đó|trên)(?![\p{L}])", regex.I)  # (a cheap test before _ANAPHOR)
_ANAPHOR_REACH = 300


_RATE_WORD = ("tỷ lệ", "tỉ lệ")


def _respective_next(text: str, prior, c, s_start: int) -> bool:
    """``c`` is the next of values of one kind listed after "lần lượt" or
    "tương ứng" ("lần lượt là 320 hộ và 280 hộ"), ``prior`` the one before."""
    if c.type != prior.type or c.type == "percentage" or not _LIST_GAP.fullmatch(text, prior.end, c.start):
        return False
    noun = (prior.fields.get("noun") or "").lower()
    if (c.fields.get("noun") or "").lower() != noun or not _writes_noun(text, prior, noun):
        return False  # (a bare number listed before the count of its noun takes that count's subject instead)
    return bool(_RESPECTIVELY.search(text, s_start, prior.start))


def _writes_noun(text: str, c, noun: str) -> bool:
    """The figure ``c`` writes its noun ``noun`` (lower case) in its own span
    (at its end, or before the item a measure word counts: "120 suất quà")."""
    return f" {' '.join(noun.split())} " in f" {' '.join(text[c.start:c.end].lower().split())} "


_ITEM_SPLIT = deferred(r",[^\S\n]*(?:và[^\S\n]+)?|[^\S\n]+và[^\S\n]+", regex.I)
_ITEM_MOST_WORDS = 6


def _respective_item(text: str, c, piece, numeric: list) -> list:
    """"Số hộ nghèo, hộ cận nghèo năm 2024 lần lượt là 1.230 hộ và 2.450 hộ":
    values listed after "lần lượt" take the listed items of their subject in
    turn, a later item with the head of the first it repeats a word of ("Số
    hộ cận nghèo"); [] when the subject lists nothing or the values do not
    pair with its items."""
    s, e = piece
    if e > c.start or not (holds_letter(text, e, c.start, "ầ") or holds_letter(text, e, c.start, "ứ")):
        return []  # (the "ầ" of "lần lượt", the "ứ" of "tương ứng")
    resp = _RESPECTIVELY.search(text, e, c.start)
    cuts = list(_ITEM_SPLIT.finditer(text, s, e)) if resp else []
    if not cuts:
        return []
    items = [(a, b) for a, b in zip([s] + [m.end() for m in cuts], [m.start() for m in cuts] + [e])]
    if any(len(text[a:b].split()) > _ITEM_MOST_WORDS for a, b in items):
        return []
    group = _listed_after(text, numeric, resp.end(), len(items) + 1)
    if len(group) != len(items) or c not in group:
        return []
    k = group.index(c)
    if not k:
        return [items[0]]
    spans = [m.span() for m in _WORD.finditer(text, *items[0])]
    first = [text[a:b].lower() for a, b in spans]
    own = [text[a:b].lower() for a, b in (m.span() for m in _WORD.finditer(text, *items[k]))]
    # "hộ cận nghèo" after "Tỷ lệ hộ nghèo": from the word the item repeats; "cận nghèo": before
    # the last word both end with
    cut = next((j for j, w in enumerate(first) if j and own and w == own[0]), None)
    if cut is None and len(first) > len(own) > 1 and own[-1] == first[-1]:
        cut = len(first) - 1
    return ([(items[0][0], spans[cut - 1][1])] if cut else []) + [items[k]]


def _listed_after(text: str, numeric: list, pos: int, most: int) -> list:
    """The figures of one kind listed one after another from the first after
    ``pos`` ("1.230 hộ và 2.450 hộ"), at most ``most``."""
    j = bisect.bisect_left([f.start for f in numeric], pos)
    group = numeric[j:j + 1]
    for f in numeric[j + 1:j + most]:
        if f.type != group[-1].type or not _LIST_GAP.fullmatch(text, group[-1].end, f.start):
            break
        group.append(f)
    return group


def _rate_word_alone(text: str, pieces: list) -> bool:
    """The subject found is the word "tỷ lệ" alone, which names no quantity."""
    return len(pieces) == 1 and " ".join(text[pieces[0][0]:pieces[0][1]].lower().split()) in _RATE_WORD


def _antecedent(text, c, before, subject_of, clause_start) -> list:
    """"Năm 2020, … 45% hộ nghèo. Đến năm 2024, tỷ lệ này giảm còn 28%": the
    subject of the figure of the same kind right before, which "tỷ lệ này",
    "con số trên" point back at (FACTS.md: null only with no antecedent)."""
    if not _ANAPHOR.search(text, max(clause_start, c.start - 60), c.start) or c.start - before.end > _ANAPHOR_REACH:
        return []
    kinds = {c.type, before.type}
    same = (len(kinds) == 1 and (c.type != "count" or (c.fields.get("noun") or "").lower()
                                 == (before.fields.get("noun") or "").lower()))
    # ("450 hộ nghèo. Con số này chiếm 30%": a share of what any figure before measures)
    same = same or c.type == "percentage"
    return list(subject_of.get(id(before)) or []) if same else []


def _without_starts_within(spans: list[tuple[int, int]], starts: list[int]) -> list[tuple[int, int]]:
    """The ``spans`` (sorted) that none of ``starts`` (sorted) lies strictly
    inside, by one walk through both."""
    out, i, n = [], 0, len(starts)
    for span in spans:
        while i < n and starts[i] <= span[0]:
            i += 1
        if i == n or starts[i] >= span[1]:
            out.append(span)
    return out


def _holes_near(holes: list[tuple[int, int]], starts: list[int], lo: int, hi: int,
                own: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of ``holes`` (sorted; ``starts``: theirs) that start in
    ``[lo, hi]``, less ``own``."""
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
    k, m = bisect.bisect_left(holes, own, i, j), bisect.bisect_right(holes, own, i, j)
    return holes[i:k] + holes[m:j]


def _overlaps(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies inside one of ``spans`` (sorted by start; they may nest)."""
    i = bisect.bisect_right(spans, (pos, float("inf")))
    return any(s <= pos < e for s, e in spans[max(0, i - 3):i])


def _right_after(text: str, ends: list[int], pos: int) -> bool:
    """``pos`` follows one of ``ends`` closely: a document's own time ("Nghị
    quyết 35/NQ-CP năm 2024", "số 25-NQ/TW, ngày 03/6/2013"); a year after
    a comma opens a clause ("…/NQ-CP, năm 2024 tỉnh …"), as any time but a
    day does ("…/QH14, giai đoạn 2021-2025 huyện …")."""
    i = bisect.bisect_right(ends, pos) - 1
    if i < 0 or pos - ends[i] > 2:
        return False
    return not text[ends[i]:pos].strip() or bool(_DAY_WORD.match(text, pos))


_DAY_WORD = deferred(r"ngày(?![\p{L}])|\d{1,2}\s?[/.-]\s?\d", regex.I)


def _in(spans, pos: int) -> bool:
    """``pos`` lies in one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_WINDOW = 300  # a clause is read at most this far from its figure


# A verb of reporting: what is reported after it is a clause of its own, its
# speaker no part of what a figure there counts ("Ông A cho biết có 300
# đoàn viên").  (Verbs only: "thông tin", "chia sẻ" are nouns as often.)
_REPORTED_SOURCE = r"(?<![\p{L}])(?:cho\s+biết|cho\s+hay|khẳng\s+định|nhấn\s+mạnh)(?:\s+(?:thêm|rằng|là))?(?![\p{L}])"
_REPORTED_BACK = deferred(_REPORTED_SOURCE, regex.I | regex.REVERSE)  # the last one first


def _clause_start(text: str, s_start: int, pos: int, figures, places=(), place_starts=()) -> int:
    lo = max(s_start, pos - _WINDOW)
    start = _last_break(text, lo, pos)
    while start > lo and _chain_comma(text, start - 1, places, place_starts):
        start = _last_break(text, lo, start - 1)
    if may_hold(text[start:pos], "cho", "khẳng", "nhấn"):  # (a test before the pattern)
        reported = _REPORTED_BACK.search(text, start, pos)
        if reported:
            start = reported.end()
    # a clause holds one figure: start after the previous figure in it
    i = bisect.bisect_left(figures, (pos, -1))
    for fs, fe in figures[max(0, i - 4):i + 1]:
        if start <= fe <= pos and fs < pos:
            start = max(start, fe)
    return start


def _chain_comma(text: str, comma: int, places, place_starts) -> bool:
    """The comma at ``comma`` joins the units of an address chain ("của xã
    A, huyện B đạt 45 triệu đồng"): a unit ends right before it and another
    starts right after it; such a comma breaks no clause."""
    if text[comma] != ",":
        return False
    k = bisect.bisect_left(place_starts, comma)
    if k == 0 or k >= len(places) or text[comma + 1:places[k].start].strip():
        return False
    return not text[places[k - 1].end:comma].strip()


def _last_break(text: str, start: int, end: int) -> int:
    """Where the last clause break a scan of ``[start, end)`` finds ends,
    or ``start``: the break ending last, found from the end."""
    one = _ONE_CHAR_BREAK_BACK.search(text, start, end)
    last = one.end() if one else start
    if text.find("\n", last, end) < 0 and text.find("-", last, end) < 0:
        return last  # no other break ends after it
    m = _CLAUSE_BREAK_BACK.search(text, start, end)
    if m is None:
        return start
    if m.end() - m.start() > 1 and text[m.start()] == "\n":
        # "\n- X": the scan takes the line break alone, then reads on after it
        return [b.end() for b in _CLAUSE_BREAK.finditer(text, start, end)][-1]
    return m.end()


def _clause_end(text: str, pos: int, s_end: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, min(s_end, pos + _WINDOW))
    s_end = min(s_end, pos + _WINDOW)
    return m.start() if m else s_end


# -- period ------------------------------------------------------------------


_COMMA_ONLY = deferred(r"\s*(?:,\s*)?$")
_MOVES_TO = deferred(r"[^\S\n]*(?:xuống|lên)(?![\p{L}])")
_PAUSE_OR_DIGIT = deferred(r"[,;.\d\n|]")  # (a line break or a table's bar ends the figure's row)
# "18 chỉ tiêu chủ yếu cho nhiệm kỳ 2025 - 2030", "… được xây dựng trong năm 2024": the time a figure's own
# phrase sets it for, after its modifiers
_FOR_TIME_GAP = deferred(r"[^\S\n][^,;.:()\d\n|]{0,30}?(?<![\p{L}])(?:cho|trong)[^\S\n]+", regex.I)
# "… là 64.500 hộ và năm 2024 đạt 71.200 hộ": a conjunction before the time opens the next clause, whose time it is
_CONJUNCTION_GAP = deferred(r"\s+(?:và|còn|nhưng|song)\s+", regex.I)
# a value and its unit ("5,12% ", "40 triệu đồng ", "45 triệu đồng/người ") before a bracket
_VALUE_WORD_BEFORE = deferred(r"[\d%](?:\s*[\p{L}/]{1,12}){0,3}\s*$")


def _period(text, c, times: list[TimeMention], starts, p_start, clause_end,
            title=None, lead_end=0, sections=()) -> Optional[dict]:
    own = None
    # bounded windows: without an end position the regex engine scans the
    # rest of the text for the literal a pattern needs (quadratic on long texts)
    bracket = _BRACKET_TIME.match(text, c.end, c.end + _WINDOW) if _opens_bracket(text, c.end, c.end + _WINDOW) else None
    k = bisect.bisect_left(starts, c.end)
    after = times[k:k + 2]
    for t in after:
        if t.kind in ("base", "progress", "ref", "duration"):
            continue
        gap = text[c.end:t.start]
        # "giảm từ 14,2%, năm 2011 xuống 2,93%": each value's own time, even after a comma
        change = _COMMA_ONLY.match(gap) and _MOVES_TO.match(text[t.end:t.end + 8])
        # "... tham gia các hoạt động Tháng Thanh niên 2024": the event the figure is of, in its clause
        named = t.named and t.start < clause_end and not _STOP_OR_FIGURE.search(gap)
        if (bracket and t.start < bracket.end() and _DIGIT.search(text, t.end, bracket.end())) or (
                "(" in gap and _states_figure(text, gap, t)):
            break  # "(năm 2022 là 29,1%)": a bracket that states a figure of its own dates that figure
        if (bracket and t.start < bracket.end()) or change or named or (
                len(gap) <= 12 and not _PAUSE_OR_DIGIT.search(gap) and not _CONJUNCTION_GAP.fullmatch(gap)) or (
                len(gap) <= 40 and ("cho " in gap or "trong " in gap) and _FOR_TIME_GAP.fullmatch(gap)):
            own = t
            if t.kind == "null" and _PER_YEAR.match(text, t.start, t.end):
                # "trồng mới 3.000 ha rừng mỗi năm": a per-year figure of the programme's span, as
                # "mỗi năm" written before it is
                own = _span_before(times, starts, bisect.bisect_left(starts, c.start) - 1, p_start, lead_end,
                                   _section_start(sections, c.start)) or t
        break
    if own is None and in_table_row(text, c.start):
        own = _column_time(text, c.start, times, starts)
    if own is None and title and title[0] <= c.start < title[1] and not _time_within(times, starts, title[0], c.start):
        # (a headline that states its own time before the figure keeps it)
        # a headline figure takes the time of the body it sums up
        own = next((t for t in times if t.start >= title[1] and t.kind == "time" and t.period), None)
    if own is None and text.find("Nhân ", max(p_start, c.start - _EVENT_REACH), c.start) >= 0:
        own = _event_named_again(text, c.start, times, starts, p_start)
    if own is None and (text.find("ịp này", max(p_start, c.start - _EVENT_REACH), c.start) >= 0
                        or _awards_within(text, max(p_start, c.start - _EVENT_REACH), c.start)):
        own = _this_occasion(text, c.start, times, starts, p_start)
    if own is None:
        own = _change_end(text, c, _stated_before(times, starts, c.start, p_start, text, lead_end, sections),
                          times, starts, p_start)
    base = None
    for t in times[k:k + 2]:
        if (t.kind == "base" and t.start < clause_end + 30 and not _DIGIT.search(text, c.end, t.start)
                and text.find(";", c.end, t.start) < 0 and not _opens_own_change(text, c.end, t)):
            # (a base after a ";" opens the next clause: "…; so với cùng kỳ, số doanh nghiệp tăng 12%")
            # ("300 hộ nghèo, so với năm 2023 giảm 60 hộ", "đạt 43,5%, cao hơn năm 2023 là 0,5%":
            # the base of the change after it)
            base = None if _CHANGE_NEXT.match(text, t.end) or _DIFFERENCE_NEXT.match(text, t.end) else t
            break
    if base is None and k:
        base = _base_before(text, c, times, k)
    if (own is None or own.period is None) and base and base.period[0] not in _RELATIVE_BASES:
        # "tăng 76 triệu đồng so với năm 2011" with no time of its own: from the base on
        return {"start": base.period[0], "end": None}
    if own is None or own.period is None:
        return None
    period = own.period
    if base and period[1]:
        if base.period[0] == "-1":  # "so với cùng kỳ": the same time a year before
            start = period[0] or period[1]
            period = (f"{int(start[:4]) - 1}{start[4:]}", period[1])
        elif base.period[0] == "0":  # "so với đầu năm": from the start of the figure's year
            period = (f"{period[1][:4]}-01", period[1])
        elif base.period[0] in _MONTHS_BEFORE:  # "so với tháng/quý trước": from the month or quarter before
            period = _months_earlier(period, _MONTHS_BEFORE[base.period[0]])
        elif period[0] and len(period[0]) > 4 and "cùng kỳ" in text[base.start:base.end].lower():
            # "9 tháng … tăng 10% so với cùng kỳ năm 2023": the same months of that year
            period = (base.period[0][:4] + period[0][4:], period[1])
        else:
            period = (base.period[0], period[1])
    return {"start": period[0], "end": period[1]}


# "Nhân lễ phát động, các đơn vị ủng hộ …": a sentence opened by an event the text named before
_EVENT_AGAIN = deferred(r"(?:^|(?<=[.!?\n]\s{0,3}))nhân\s+(?:dịp\s+)?(?P<event>(?:buổi\s+)?(?:lễ|hội\s+nghị|hội\s+thảo"
                        r"|tọa\s+đàm|đại\s+hội|hội\s+thi|chương\s+trình)(?:\s+(?-i:\p{Ll}+)){0,3})\s*,", regex.I)
_EVENT_REACH = 160  # how far before a figure its sentence's opener is looked for


def _event_named_again(text: str, pos: int, times: list[TimeMention], starts, p_start: int) -> Optional[TimeMention]:
    """"Nhân lễ phát động, …" opening the figure's sentence, the event
    named earlier with its time ("Chiều 18/10, huyện tổ chức lễ phát động
    …"): that time (FACTS.md: what is counted at an event takes its date)."""
    m = _EVENT_AGAIN.search(text, max(p_start, pos - _EVENT_REACH), pos)
    if m is None or _SENTENCE_END.search(text, m.end(), pos):
        return None
    # (the last naming before, found without lowering the text: a lowered text may not keep its offsets)
    named = regex.search(regex.escape(m.group("event")), text, regex.I | regex.REVERSE, endpos=m.start())
    if named is None:
        return None
    before = named.start()
    # (the time of the sentence that names the event: the nearest before it, else after it)
    end = _SENTENCE_END.search(text, before)
    i = bisect.bisect_left(starts, max(text.rfind(". ", 0, before), text.rfind("\n", 0, before)) + 1)
    j = bisect.bisect_left(starts, end.start() if end else len(text))
    near = [t for t in times[i:j] if t.kind == "time" and t.period]
    earlier = [t for t in near if t.start < before]
    return earlier[-1] if earlier else (near[0] if near else None)


# "Dịp này, Ủy ban … tặng Giấy khen cho 15 tập thể": the occasion is the event the text reported
# ("Hội nghị đã khen thưởng 18 tập thể": the event named again as the one that awards, at the event)
_THIS_OCCASION = deferred(r"(?:^|(?<=[.!?\n]\s{0,3}))(?:(?:nhân\s+)?dịp\s+này\s*,"
                          r"|(?:hội\s+nghị|đại\s+hội|kỳ\s+họp|hội\s+thảo|buổi\s+lễ|lễ)\s+(?:(?:đã|cũng)\s+)?"
                          r"(?:khen\s+thưởng|tặng|trao|biểu\s+dương|tôn\s+vinh|vinh\s+danh)\s)", regex.I)
_EVENT_WORD = deferred(r"(?<![\p{L}])(?:lễ|hội\s+nghị|hội\s+thảo|tọa\s+đàm|đại\s+hội|hội\s+thi|hội\s+diễn)(?![\p{L}])",
                       regex.I | regex.REVERSE)  # (found from the occasion back)
_EVENTS_LOOKED_AT = 6  # (the namings of an event looked back through)


# (a syllable of each award verb of _THIS_OCCASION, found by one scan)
_AWARD_SYLLABLE = deferred(r"khen|tặng|trao|dương|vinh")


def _awards_within(text: str, start: int, end: int) -> bool:
    """A cheap test before the search for an event that awards: a syllable of its verbs stands there."""
    return _AWARD_SYLLABLE.search(text, start, end) is not None


def _this_occasion(text: str, pos: int, times: list[TimeMention], starts, p_start: int) -> Optional[TimeMention]:
    """"(Nhân) dịp này, …" opening the figure's sentence: the day of the
    event the text named before, stated in the sentence that names it
    ("Sáng 18/12, … tổ chức hội nghị …"; a plan's year in a speech at the
    event is no such day)."""
    m = _THIS_OCCASION.search(text, max(p_start, pos - _EVENT_REACH), pos)
    if m is None or _SENTENCE_END.search(text, m.end(), pos):
        return None
    k = bisect.bisect_left(starts, m.end())
    if k < len(times) and times[k].start < pos and times[k].kind == "time":
        return None  # ("Dịp này, … năm 2025 …": a time the sentence states is its figures')
    for named in itertools.islice(_EVENT_WORD.finditer(text, 0, m.start()), _EVENTS_LOOKED_AT):
        before = named.start()
        i = bisect.bisect_left(starts, max(text.rfind(". ", 0, before), text.rfind("\n", 0, before)) + 1)
        j = bisect.bisect_left(starts, before)
        days = [t for t in times[i:j] if t.kind == "time" and t.period and t.period[0] and len(t.period[0]) == 10]
        if days:
            return days[-1]
    return None


def _states_figure(text: str, gap: str, t: TimeMention) -> bool:
    """The time ``t`` opens a bracket left open in ``gap`` that states a
    figure of its own ("… 42 triệu đồng (năm 2023 đạt 38 triệu đồng)",
    "120 hộ nghèo (năm 2023 có 150 hộ)"): the bracket's time is that figure's."""
    if gap.rfind("(") < gap.rfind(")"):
        return False
    close = text.find(")", t.end, t.end + _BRACKET_CHARS)
    return close > 0 and bool(_DIGIT.search(text, t.end, close))


def _column_time(text: str, pos: int, times: list[TimeMention], starts) -> Optional[TimeMention]:
    """"Chỉ tiêu | Năm 2023 | Năm 2024": a figure in a flattened table's
    column takes the time its column's heading states."""
    cell = subjects.table_heading_cell(text, pos)
    if cell is None:
        return None
    k = bisect.bisect_left(starts, cell[0])
    t = times[k] if k < len(times) else None
    if t is not None and t.end <= cell[1] and t.kind == "time" and t.period:
        return t
    # "Chỉ tiêu | 2023 | 2024": a heading that is a year alone is its column's time, as is a
    # report's plan or result column ("KH 2024", "TH 2024", "Ước thực hiện 2024")
    year = _YEAR_CELL.fullmatch(text, cell[0], cell[1])
    return TimeMention(year.start("y"), year.end("y"), (year["y"], year["y"])) if year else _row_year(text, pos)


def _row_year(text: str, pos: int) -> Optional[TimeMention]:
    """"Năm | Số mô hình\n2023 | 45": a row whose first cell is a year alone
    gives its cells that year, as a column's heading does."""
    line_start = text.rfind("\n", 0, pos) + 1
    bar = text.find("|", line_start, pos)
    year = _YEAR_CELL.fullmatch(text, line_start, bar) if bar > 0 else None
    return TimeMention(year.start("y"), year.end("y"), (year["y"], year["y"])) if year else None


_YEAR_CELL = deferred(r"[^\S\n]*(?:(?:(?-i:\p{Lu}{1,4})|kế\s+hoạch|thực\s+hiện|dự\s+toán|ước)[^\S\n]+){0,2}"
                      r"(?P<y>(?:19|20)\d\d)[^\S\n]*", regex.I)


# bases told relative to the figure's own time: "so với cùng kỳ" ("-1"), "so với đầu năm" ("0")
_RELATIVE_BASES = ("-1", "0", "1m", "3m")
_MONTHS_BEFORE = {"1m": 1, "3m": 3}


def _months_earlier(period: tuple, n: int) -> tuple:
    """``period`` widened back to start ``n`` months before its start, when
    the start is a month ("2025-10" .. "2025-10" by 1 → "2025-09" ..);
    a period of whole years is kept (no month to count back from)."""
    start = period[0] or period[1]
    if len(start) < 7:
        return period
    return (month_shifted(int(start[:4]), int(start[5:7]), -n), period[1])


_CHANGE_NEXT = deferred(r"\s*,?\s*(?:đã\s+)?(?:tăng|giảm)(?![\p{L}])", regex.I)
# "cao hơn năm 2023 là 0,5%", "tăng so với năm 2023 là 8 tỷ đồng": the difference follows its base
_DIFFERENCE_NEXT = deferred(r"\s*,?\s*là(?![\p{L}])", regex.I)
_DIFFERENCE_GAP = deferred(r"\s*,?\s*là\s+(?:(?:khoảng|gần|hơn|trên)\s+)?", regex.I)


def _base_before(text, c, times, k) -> Optional[TimeMention]:
    """"So với năm 2020, năm 2023 thu nhập tăng 12 triệu đồng": a base that
    opens the sentence is the base of its changes (a figure right after
    "tăng" or "giảm"), not of its levels."""
    for t in times[max(0, k - 3):k][::-1]:
        if t.kind != "base" or (t.period[0] in _RELATIVE_BASES and not _CHANGE_NEXT.match(text, t.end)
                                and not _opens_clause(text, t)):
            # ("so với cùng kỳ" counts here only right before its change, "…, so với cùng kỳ tăng 10%",
            # or opening a clause of its own: "So với cùng kỳ, số doanh nghiệp tăng 12%")
            continue
        if _DIFFERENCE_GAP.fullmatch(text, t.end, c.start):
            return t  # "cao hơn năm 2023 là 0,5%"
        if _SENTENCE_STOP.search(text, t.end, c.start) is None and _CHANGE_BEFORE.search(text, max(t.end, c.start - 30), c.start):
            return t
        return None
    return None


_SENTENCE_STOP = deferred(r"[.;!?\n]")
_CLAUSE_OPEN_BEFORE = deferred(r"(?:^|[.;:!?\n])\s*$")


def _opens_clause(text: str, t: TimeMention) -> bool:
    """The time ``t`` opens its sentence or a clause after ";" and a comma
    closes it ("So với cùng kỳ, …")."""
    return text.startswith(",", t.end) and bool(_CLAUSE_OPEN_BEFORE.search(text, max(0, t.start - 4), t.start))


# "tăng 12 triệu", "giảm gần 3%", not "tăng lên 52 triệu" (the new level)
_CHANGE_BEFORE = deferred(r"(?<![\p{L}])(?:tăng|giảm)(?:\s+(?!lên|xuống|còn)(?:thêm|được|gần|hơn|trên|khoảng|ước|đến|tới))?\s*$",
                          regex.I)


def _stated_before(times, starts, pos, p_start, text, lead_end=0, sections=()) -> Optional[TimeMention]:
    """The time stated last before ``pos`` that still holds there: a stated
    time carries on through the later paragraphs (FACTS.md: "the later
    paragraphs that continue the same report") until another is stated or a
    subheading opens another report; an event's date and a time bound to one
    value stay in their paragraph."""
    i = bisect.bisect_left(starts, pos) - 1
    section = _section_start(sections, pos)
    while i >= 0:
        t = times[i]
        i -= 1
        if t.kind in ("base", "ref", "duration") or _bound_by_bracket(text, t):
            continue
        if t.start < p_start and (_stays_in_paragraph(text, t, lead_end) or _bound_to_value(text, t)):
            continue
        if t.start < section:
            return None  # a subheading opens another report: its time does not carry
        if t.kind == "null" and _PER_YEAR.match(text, t.start, t.end):
            return _span_before(times, starts, i, p_start, lead_end, section) or t
        if t.kind == "null" and _PROGRESS.match(text, t.start, t.end):
            return _plan_before(text, times, i, p_start, section) or t
        if text.startswith(_TERM_WORDS, t.start):
            return _other_time_of_sentence(text, times, i, t) or t
        return t
    return None


_TERM_WORDS = ("nhiệm", "Nhiệm", "NHIỆM")  # (a term's span opens with its word: "nhiệm kỳ 2020 - 2025")


def _other_time_of_sentence(text, times, i: int, term: TimeMention) -> Optional[TimeMention]:
    """A time stated before ``term`` in its sentence ("Tháng 9/2025, Đại hội
    … nhiệm kỳ 2025-2030 có 150 đại biểu"): FACTS.md gives a term only to
    figures for which it is the only time in their sentence."""
    if i < 0:
        return None
    t = times[i]
    if (t.kind != "time" or not t.period or _SENTENCE_END.search(text, t.end, term.start)
            or text.startswith(_TERM_WORDS, t.start) or _DIGIT.search(text, t.end, term.start)):
        return None  # (a term or a figure between: the earlier time is another item's)
    return t


def _opens_own_change(text: str, pos: int, base: TimeMention) -> bool:
    """A base that opens the next sentence and is followed there by a
    figure ("… giảm 4.500 hộ. So với năm 2024, thu ngân sách tăng 8%") is
    that figure's base, not the one before it."""
    stop = _SENTENCE_END.search(text, pos, base.start)
    if stop is None:
        return False
    end = _SENTENCE_END.search(text, base.end, base.end + _WINDOW)
    return _DIGIT.search(text, base.end, end.start() if end else base.end + _WINDOW) is not None


_STOP_OR_FIGURE = deferred(r"[;.\d]")
_PER_YEAR = deferred(r"(?:mỗi|hằng|hàng)\s+năm", regex.I)
_PROGRESS = deferred(r"(?:tính\s+)?(?:đến|tới)\s+nay|tính\s+đến\s+thời\s+điểm\s+này", regex.I)
# a plan, campaign or programme whose progress "đến nay" reports
_PLAN = deferred(r"(?<![\p{L}])(?:kế\s+hoạch|chương\s+trình|đề\s+án|phong\s+trào|cuộc\s+vận\s+động|tháng\s+cao\s+điểm"
                      r"|đợt|chỉ\s+tiêu|mục\s+tiêu|giai\s+đoạn|nhiệm\s+kỳ)(?![\p{L}])", regex.I)


_SPAN_LOOKBACK = 40  # times looked at for a programme's span


def _span_before(times, starts, i, p_start, lead_end, section) -> Optional[TimeMention]:
    """"mỗi năm", "hằng năm" in a programme's span: the span its paragraph or
    the article's lead names (a per-year figure of a programme of that span)."""
    in_lead = bisect.bisect_left(starts, min(lead_end, p_start)) - 1
    paragraph = range(i, bisect.bisect_left(starts, max(p_start, section)) - 1, -1)
    lead = range(in_lead, bisect.bisect_left(starts, section) - 1, -1) if section < lead_end else ()
    for j in itertools.islice(itertools.chain(paragraph, lead), _SPAN_LOOKBACK):
        t = times[j]
        start, end = t.period or (None, None)
        if t.kind == "time" and start and end and start[:4] != end[:4]:
            return t
    return None


def _plan_before(text, times, i, p_start, section) -> Optional[TimeMention]:
    """"Tính đến nay" reporting progress on a plan of a stated time (in the
    same paragraph) keeps that time."""
    for t in times[max(0, i - 3):i + 1][::-1]:
        if t.start < max(p_start, section) or t.kind != "time" or not t.period:
            continue
        s_start = text.rfind(".", p_start, t.start) + 1 or p_start
        return t if _PLAN.search(text, s_start, t.start) else None
    return None


def _change_end(text, c, own, times, starts, p_start) -> Optional[TimeMention]:
    """"năm 2023 từ 25,6% đã giảm xuống còn 21,29%": the end value of a change
    is not at its start's time; it takes a later time its paragraph states
    for the same change ("... 33,24% năm 2024; ..."), else none."""
    if own is None or text.find("từ", own.end, own.end + 6) < 0 or not _OPENS_CHANGE.match(text, own.end, own.end + 12):
        return own
    if not _CHANGE_TO.search(text, max(own.end, c.start - 24), c.start):
        return own
    lo, hi = bisect.bisect_left(starts, max(p_start, c.start - _WINDOW)), bisect.bisect_left(starts, c.start)
    end = own.period[1] if own.period else None
    later = [t for t in times[lo:hi] if t.kind == "time" and t.period and t.period[1] and end and t.period[1] > end]
    return later[-1] if later else None


_OPENS_CHANGE = deferred(r"\s*từ\s+(?:mức\s+)?\d", regex.I)
_CHANGE_TO = deferred(r"(?:xuống|lên)(?:\s+(?:còn|mức|đến))?\s*$", regex.I)


def _bound_to_value(text: str, t: TimeMention) -> bool:
    """A time written right after a value ("33,24% năm 2024") or opening a
    change from one ("năm 2023 từ 36,97%") is that value's own time."""
    return bool(_AFTER_VALUE.search(text, max(0, t.start - 3), t.start) or _OPENS_CHANGE.match(text, t.end, t.end + 12))


_AFTER_VALUE = deferred(r"[\d%][^\S\n]{0,2}\Z")  # (a line's first words follow no value: "… 20/12/2024\nNăm 2024, …")


_HEADING = deferred(r"(?m)^[^\S\n]*(?P<h>\p{Lu}[^\n.!?:;…|]{8,90}[^\n.!?:;…|,\s])[^\S\n]*\n[^\S\n]*\n")


_NON_BLANK_LINE = deferred(r"\n(?=[^\S\n]*\S)")
# what a heading never holds, and its most characters (past white space)
_NOT_IN_HEADING = frozenset(".!?:;…|")
# what a heading never ends with (its last character is the line's last one
# that is no white space)
_NOT_HEADING_END = _NOT_IN_HEADING | {","}
_HEADING_CHARS = 92
_HEADING_MIN = 10  # (and its fewest: a capital and nine more)


def _unlike_heading(text: str, start: int, end: int) -> bool:
    """The line ``[start, end)`` ends with a character no heading ends with,
    holds one no heading holds or is too long for one, or the next line is
    not blank (a test before the heading's pattern, which backtracks on
    long lines)."""
    if (end > start and text[end - 1] in _NOT_HEADING_END) or (end + 1 < len(text) and not text[end + 1].isspace()):
        return True
    line = text[start:end]
    # (str.strip takes every \s off, and more: a heading's line is never longer)
    return len(line.strip()) > _HEADING_CHARS or not _NOT_IN_HEADING.isdisjoint(line)


def section_starts(text: str, lines: Optional[list[int]] = None) -> list[int]:
    """Where sections start: after each subheading (a short line without end
    punctuation, alone between blank lines, that is no photo caption), and
    at each paragraph of a page's list of other stories ("Tin cùng chuyên
    mục", "Có thể bạn quan tâm"): each is a report of its own.  ``lines``:
    where the text's lines start, if known."""
    starts = []
    end = 0
    other = None  # where the line that opens a list of other stories ends
    lines = _line_starts(text) if lines is None else lines
    for pos, line_end in zip(lines, itertools.chain(itertools.islice(lines, 1, None), (len(text) + 1,))):
        line_end -= 1
        if other is None and 0 < line_end - pos <= _OTHER_STORIES_LINE and _OTHER_STORIES.fullmatch(text, pos, line_end):
            other = line_end
        # a heading starts a line: tried there only, as the scan would find it
        if pos < end or line_end - pos < _HEADING_MIN or _unlike_heading(text, pos, line_end):
            continue
        m = _HEADING.match(text, pos)
        if m is None:
            continue
        end = m.end()
        line = m.group("h")
        before = text[max(0, m.start() - 2):m.start()]
        if len(line.split()) >= 3 and "Ảnh" not in line and (m.start() == 0 or before == "\n\n"):
            starts.append(m.end())
    if other is not None:
        starts += [m.end() for m in _NON_BLANK_LINE.finditer(text, pos=other)]
    return sorted(set(starts))


# the line that opens a page's list of other stories (a line of at most
# _OTHER_STORIES_LINE characters)
_OTHER_STORIES = deferred(r"\s*(?:có\s+thể\s+bạn\s+quan\s+tâm|tin\s+cùng\s+chuyên\s+mục|(?:các\s+)?tin\s+(?:liên\s+quan|khác"
                               r"|mới(?:\s+nhất)?|đọc\s+nhiều|nổi\s+bật)|bài\s+viết\s+liên\s+quan|xem\s+thêm|đọc\s+thêm)\s*:?\s*", regex.I)
_OTHER_STORIES_LINE = 30


def _section_start(sections: list[int], pos: int) -> int:
    i = bisect.bisect_right(sections, pos) - 1
    return sections[i] if i >= 0 else 0


def _periods_of_repeats(text, numeric, facts, title, times, lines) -> None:
    """A figure in a headline or subheading takes the period of the body
    figure it repeats (FACTS.md), and none from before it, a headline's
    figure its place too; a figure said
    again without a time ("Dưới đây là toàn bộ 34 Nghị quyết ...") keeps the
    time it had when first said."""
    starts = [t.start for t in times]
    untimed = []
    for i, c in enumerate(numeric):
        line = _heading_line(text, c.start, title, lines)
        if line is not None and not _time_within(times, starts, *line):
            body = _repeated_in_body(text, numeric, i, line[1], title, lines)
            if body is not None:
                facts[id(c)]["period"] = facts[id(body)]["period"]
                if title and title[0] <= c.start < title[1]:
                    facts[id(c)]["location"] = _finer(facts[id(body)]["location"], facts[id(c)]["location"])
            elif not (title and title[0] <= c.start < title[1]):
                facts[id(c)]["period"] = None
        elif facts[id(c)]["period"] is None:
            untimed.append(i)
    if untimed:
        _keep_first_time(text, numeric, facts, untimed)


def _finer(body: Optional[dict], own: Optional[dict]) -> Optional[dict]:
    """A headline figure's place: the body figure's it repeats ("Bắc Hà: Ra
    mắt 5 tổ …" over "xã Bản Phố, huyện Bắc Hà ra mắt 5 tổ …"), unless the
    headline names a finer unit than the body's reading gives."""
    if body is None or (own is not None and (_RANK.get(own["level"], 9) < _RANK.get(body["level"], 9)
                                             or (own["name"], own["level"]) == (body["name"], body["level"]))):
        return own  # (the same unit: the headline's reading, with its code)
    return body


_SAME_LOOKBACK = 20  # earlier figures written the same way looked at


def _keep_first_time(text, numeric, facts, untimed: list[int]) -> None:
    """Each figure of ``untimed`` (indices) takes the period of the first
    figure before it written the same way with the same words after it."""
    written = [_figure_text(text, c) for c in numeric[:untimed[-1] + 1]]
    by_text: dict[str, list[int]] = {}
    for i, form in enumerate(written[:-1]):
        by_text.setdefault(form, []).append(i)
    for i in untimed:
        c = numeric[i]
        key = None  # (read only for a figure with a timed one written alike before it)
        for j in itertools.islice(by_text.get(written[i], ()), _SAME_LOOKBACK):
            if j >= i:
                break
            if facts[id(numeric[j])]["period"] is None:
                continue
            key = key or _figure_key(text, c)
            if _figure_key(text, numeric[j]) == key:
                facts[id(c)]["period"] = facts[id(numeric[j])]["period"]
                break


_REPEAT_REACH = 3000  # how far after a heading its body repeats the figure


def _repeated_in_body(text, numeric, i, line_end, title, lines):
    """The first figure after the heading figure ``numeric[i]`` that says it
    again outside a heading, within reach."""
    c = numeric[i]
    rounded = None  # the first body figure the heading's rounded one ("Hơn 2.000 căn") stands for
    for d in itertools.islice(numeric, i + 1, None):
        if d.start - line_end >= _REPEAT_REACH:
            break
        same = _same_figure(text, c, d)
        if not (same or rounded is None and _rounds_to(c, d)) or _heading_line(text, d.start, title, lines) is not None:
            continue
        if same:
            return d
        rounded = d
    return rounded


# how far a headline's rounded figure may stand from the body's: "hơn 2.000" for 2.150
_ROUNDED = {"over": (1.0, 1.5), "nearly": (0.8, 1.0), "approx": (0.8, 1.25)}


def _rounds_to(c, d) -> bool:
    """The headline's figure ``c``, qualified ("hơn", "gần", "khoảng"), is
    the body figure ``d`` rounded: the same kind and noun or unit, the value
    on the qualifier's side of it and near."""
    bounds = _ROUNDED.get(c.fields.get("qualifier"))
    if bounds is None or c.type != d.type or c.type not in ("count", "money", "area"):
        return False
    field = {"count": "noun", "money": "unit", "area": "unit"}[c.type]
    if not c.fields.get(field) or str(c.fields.get(field)) != str(d.fields.get(field)):
        return False
    key = {"count": "value", "money": "amount", "area": "hectares"}[c.type]
    a, b = c.fields.get(key), d.fields.get(key)
    if not a or not b:
        return False
    low, high = bounds
    return a * low <= b <= a * high and b != a


def _heading_line(text: str, pos: int, title, lines: list[int]) -> Optional[tuple[int, int]]:
    """The line around ``pos`` (``lines``: where lines start) when it is the
    headline or a subheading: a paragraph of its own, of a few words,
    without end punctuation, with a body after it."""
    if title and title[0] <= pos < title[1]:
        return title
    start, end = _around(lines, pos, len(text) + 1)
    end -= 1
    if end - start > _MAX_HEADING or text[max(0, start - 2):start] not in ("\n\n", "") or text[end:end + 2] != "\n\n":
        return None
    line = text[start:end].strip()
    if (not line or line[-1] in ".!?…:;," or not 3 <= len(line.split()) <= 30 or _NOT_HEADING.search(line)
            or not _NONSPACE.search(text, end)):
        return None
    return start, end


_MAX_HEADING = 300
_NONSPACE = deferred(r"\S")


# a list item, a table row or a line of sentences is no heading
_NOT_HEADING = deferred(r"^[-–+*•]|[.!?;:]\s|\|")


def _time_within(times, starts, lo: int, hi: int) -> bool:
    k = bisect.bisect_left(starts, lo)
    return any(t.start < hi and t.kind == "time" for t in times[k:k + 3])


def _figure_text(text: str, c) -> str:
    return " ".join(text[c.start:c.end].lower().split())


def _same_figure(text: str, a, b) -> bool:
    return _figure_text(text, a) == _figure_text(text, b)


def _figure_key(text: str, c) -> str:
    """The figure as written and the three words after it, in lower case."""
    return " ".join(text[c.start:c.end + 40].lower().split()[:len(text[c.start:c.end].split()) + 3])


def _stays_in_paragraph(text: str, t: TimeMention, lead_end: int) -> bool:
    """An event's date ("ngày 10/9/2021", "từ ngày 16 - 18/5/2025", "vào
    cuối năm 2018") is the time of its own paragraph; years, months and
    spans of a report carry on to the later paragraphs."""
    start, end = t.period or (None, None)
    if not start or t.start < lead_end:
        return False
    days = len(start) == 10 and end is not None and len(end) == 10
    # (the patterns last: most times are years or spans)
    return days or (start == end and len(start) > 4
                    and bool(_EVENT_EDGE.match(text, t.start) or _EVENT_AT.search(text, max(0, t.start - 6), t.start)))


# "vào tháng 9/2024", "cuối năm 2018" as the moment something happened (a
# year alone, "vào năm 2020", is a report's time as often as an event's)
_EVENT_EDGE = deferred(r"(?:cuối|đầu)\s", regex.I)
_EVENT_AT = deferred(r"(?<![\p{L}])vào\s+$", regex.I)


def _bound_by_bracket(text: str, t: TimeMention) -> bool:
    """"5,12% (năm 2019)": a bracketed time binds only the figure before it."""
    k = text.rfind("(", max(0, t.start - 8), t.start)
    if k < 0 or text.find(")", t.end, t.end + 3) < 0:
        return False
    before = text[max(0, k - 30):k]
    # "trong 3 năm (2021 - 2023)", "trong 3 ngày (từ 28 đến 30/10)": the bracket dates a duration, no figure
    return bool(_VALUE_WORD_BEFORE.search(before)) and not _DURATION_BEFORE.search(before)


# ("qua 5 năm triển khai (2020 - 2025)", "sau 10 năm thực hiện Nghị quyết (2014 - 2024)": the work's years)
_DURATION_BEFORE = deferred(r"(?<![\p{L}\d.,])\d{1,2}\s+(?:năm|tháng|tuần|ngày)(?:\s+(?:qua|gần\s+đây|vừa\s+qua))?"
                            r"(?:\s+(?:thực\s+hiện|triển\s+khai|thi\s+hành|hoạt\s+động)(?:\s+\p{L}+){0,4})?\s*$",
                            regex.I)


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
    return _BRACKET_FIRST.match(text, start, end) if _opens_bracket(text, start, end) else None


def _opens_bracket(text: str, start: int, end: int) -> bool:
    """``[start, end)`` opens with a bracket past white space: a test before
    a pattern that does."""
    i, end = start, min(end, len(text))
    while i < end and text[i].isspace():
        i += 1
    return i < end and text[i] == "("
_DIGIT = deferred(r"\d")
# ("300 suất quà cho hộ nghèo xã A": the people given to, of the unit named after them;
# "cho các huyện A, B": a list, whose total the units before it hold)
_OBJECT_LINK = deferred(r"(?:của|cho(?:\s+(?!(?:các|những)\s)(?-i:\p{Ll}+)){0,4}|thuộc|tại|ở|trên\s+địa\s+bàn|trên\s+toàn)(?:\s+nước(?:\s+bạn)?)?\s*$",
                        regex.I)


def _location(text, c, places: list[PlaceMention], starts, sentence, p_start, clause_end, main,
              figures=(), full_stops=()) -> Optional[dict]:
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
            return _place(places[_chain_head(text, places, j)], places, main)
        if not merged.group().lower().startswith(("gồm", "trước", "nguyên")):
            run = []  # ("Đơn vị bầu cử số 1 gồm A và B": no unit before the list, a total over it)
    container = None if run else _container_after_list(text, places, starts, c.start, full[0])
    if container is not None:
        container, run = container
    if run:
        respective = _respective(text, c, places, run, full[1], figures)
        if respective is not None:
            # ("các huyện A, B và C … lần lượt": the plural word opens the list; A is one unit)
            return _place(replace(respective, several=False) if respective.name else respective, places, main)
        total = _place(container, places, main) if container is not None else _container_of(places, run)
        if total is not None:
            return total or None  # ({}: a total whose container is not known has no location)
    place = _unit_for(text, c, places, starts, (sentence[0], full[0]), p_start, clause_end, main)
    return _container_for_units(c, place)


# ("hình thành từ", "thành lập từ", "sắp xếp từ": the new unit was made of those after "từ";
# "xã A (trước đây là xã A và xã B)": the units it was before)
_MERGED = deferred(r"(?<![\p{L}])(?:hợp\s+nhất|sáp\s+nhập|nhập|trên\s+cơ\s+sở(?:\s+sắp\s+xếp)?|gồm"
                   r"|(?:hình\s+thành|thành\s+lập|sắp\s+xếp)(?=\s+từ)|(?:trước\s+(?:đây\s+)?|nguyên\s+)là)"
                   r"(?:\s+(?:từ|với|của|lại))?(?:\s+(?:các|toàn\s+bộ))?\s*$", regex.I)
_FORMER = r"(?:\s*\(?cũ\)?)?"  # ("xã A cũ và xã B", "xã A (cũ), xã B": a former unit's mark stays with its name)
_JOIN_PLURAL = r"\s*(?:,|và|,\s*và)\s*(?:(?:các|những)\s+)?"  # (", và các": the plural word goes with the next units)
# the gap between two units of a list of sources ("thị trấn A và các xã B, C")
_SOURCES_GAP = deferred(_JOIN_PLURAL, regex.I)
_PHRASE_BREAK = deferred(r"[;:()|\n]|,(?!\d)")  # a decimal comma breaks nothing
_NOT_DIGITS = deferred(r"[\d.,\s]+")
_LIST_GAP = deferred(_FORMER + r"\s*(?:,|;|và|,\s*và)\s*", regex.I)
_RESPECTIVELY = deferred(RESPECTIVELY_SOURCE, regex.I)
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
    start = max(stops[i - 1] if i else 0, pos - _WINDOW)
    end = min(stops[i] if i < len(stops) else limit, pos + _WINDOW)
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
                or not _LIST_GAP.fullmatch(text, prev.end, places[run[0]].start)):
            break
        if prev.name == places[run[0]].name:
            break  # "… và tỉnh B, tỉnh B có …": a unit named again starts a clause, no list
        if text[prev.end:places[run[0]].start].lstrip().startswith(",") and _ASIDE.search(
                text, max(s_start, prev.start - 16), prev.start):
            break  # "Cùng với xã A, xã B có …": the unit set aside opens the sentence, no item
        run.insert(0, run[0] - 1)
    return run if len(run) >= 2 else []


_ASIDE = deferred(r"(?<![\p{L}])(?:cùng\s+với|ngoài|bên\s+cạnh|giống\s+như)\s+$", regex.I)


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
    listed = (all(_LIST_GAP.fullmatch(text, a[1], b[0]) for a, b in zip(group, group[1:n]))
              and len({_NOT_DIGITS.sub("", text[a:b]) for a, b in group[:n]}) == 1)
    if not listed and not _RESPECTIVELY.search(text, list_end, s_end):
        return None
    return group.index((c.start, c.end)) % n


def _respective_year(text, c, times, starts, sentence, figures) -> Optional[dict]:
    """"Tỷ lệ hộ nghèo năm 2022, 2023, 2024 lần lượt là 30%, 26%, 22%": after
    a list of years in the figure's sentence, each listed value its own year."""
    i = bisect.bisect_left(starts, c.start) - 1
    if i < 0 or times[i].start < sentence[0]:
        return None
    years = listed_years(text, times[i])
    k = _respective_index(text, c, times[i].end, len(years), sentence[1], figures) if years else None
    return None if k is None else {"start": years[k], "end": years[k]}


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
    return {"name": province, "level": "tỉnh", "province": province, "code": None, "new_code": None}


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
            return _place(places[j], places, main)
    # a unit the figure belongs to or goes to, linked right after it
    # ("03 huyện của tỉnh X", "50 triệu đồng cho xã Y")
    k = bisect.bisect_left(starts, end)
    # (level words without a name on the way are skipped: "100% số xã trên địa bàn thành phố X")
    for p in places[k:k + 3]:
        if p.bare:
            continue
        # a bracket naming the units counted ("3 tỉnh (A, B và C) của nước X") is skipped
        bracket = _bracket_first(text, end, p.start)
        gap_start = bracket.end() if bracket else end
        if p.start - gap_start > 40:
            break  # too far to be linked to the figure
        gap = text[gap_start:p.start]
        in_clause = p.start < clause_end or (bracket and not _CLAUSE_BREAK.search(gap))
        if in_clause and not _DIGIT.search(gap) and _OBJECT_LINK.search(gap):
            return _place(p, places, main)
        break
    if _unit_noun(c):
        # "ba huyện Chư Prông, Đức Cơ": the units counted are named
        for p in places[i:k]:
            if not p.bare and p.start < end:
                return _place(p, places, main)
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
        if q.name and q in places.sources and any(not p.bare and p.start >= s_start and p not in places.sources
                                                  for p in places[:j]):
            continue  # "Xã A được thành lập trên cơ sở sáp nhập thị trấn B, có …": A's figures
        head = _chain_head(text, places, j)
        if head == j and _aside(text, q, start):
            continue  # "tỉnh A (sau hợp nhất với B) có ...": a bracket's aside is not the clause's unit
        place = _place(places[head], places, main)
        if place is not None:
            return place
        if _unknown_unit_of_its_own(text, places, j, start, main):
            # "Lào Cai, ngày …\nNăm 2025, huyện có 500 hộ nghèo": a district never named is no
            # province (FACTS.md: null, not its parent unit)
            return None
    # a unit named after the figure in its clause, with no unit before it
    for p in places[k:k + 1]:
        if p.start < clause_end and not p.bare and p.level != "quốc gia" and not _DIGIT.search(text, end, p.start):
            return _place(p, places, main)
    lo = max(full_start, start - _WINDOW)
    if (text.find("cầu", lo, start) >= 0 or text.find("giới", lo, start) >= 0) and _WORLD.search(text[lo:start]):
        return None  # "tăng trưởng toàn cầu đạt 2,9%": the world is no unit
    # the unit the paragraph is about: the first it names (its topic)
    topic = None
    for j in range(i - 1, -1, -1):
        q = places[j]
        if q.start < p_start:
            break
        if not q.bare and not q.office:
            topic = j
    if topic is not None:
        return _place(places[_chain_head(text, places, topic)], places, main)
    heading = _heading_unit(text, places, i, p_start)
    if heading is not None:
        return _place(heading, places, main)
    return _place(main, places, main) if main else None


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
    if text.find(";", q.end, pos) >= 0 or _DIGIT.search(text, q.end, pos):
        return False
    if _LEVEL_LISTED_BEFORE.search(text, max(0, q.start - 20), q.start):
        return False
    after = places[j + 1] if j + 1 < len(places) else None
    return not (after and after.bare and _LEVELS_LISTED.fullmatch(text, q.end, after.start))


_LEVELS_LISTED = deferred(r"\s*(?:,|và|hoặc)\s*", regex.I)
_LEVEL_LISTED_BEFORE = deferred(rf"(?<![\p{{L}}])(?:{written_pattern(VIETNAMESE_UNITS)})\s*(?:,|và|hoặc)\s*$", regex.I)


def _heading_unit(text: str, places, i: int, p_start: int) -> Optional[PlaceMention]:
    """The unit a subheading right above the paragraph names and nothing
    more ("HUYỆN PHÚ LƯƠNG", "Xã Tân Lập:"): the report under it is that
    unit's.  A subheading follows a body paragraph (a page's place line
    above its headline does not)."""
    j = bisect.bisect_left(places, p_start, hi=i, key=_START) - 1
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
_HEADING_REST = regex.compile(r"[^\S\n]*:?\s*")


_NATIONWIDE_AFTER = deferred(r"[^\d\n,;.]{0,40}?(?<![\p{L}])(?:cả\s+nước|toàn\s+quốc)(?![\p{L}])", regex.I)


def _unit_noun(c) -> str:
    """The level word a count or ratio counts ("6 huyện" → "huyện"), or ""."""
    return _level_word(c.fields.get("noun") or "") if c.type in ("count", "ratio") else ""


@lru_cache(maxsize=1024)
def _level_word(noun: str) -> str:
    """The level word ``noun`` (a count's, as written) names, or ""."""
    word = noun.split(",")[0].strip().lower()
    return word if word in _RANK else ""


def _container_for_units(c, place: Optional[dict]) -> Optional[dict]:
    """A count of units ("6 huyện", "5/16 xã") holds for a unit above them:
    a district's or commune's count never lies in a unit of that level or
    below; it takes the province then."""
    noun = _unit_noun(c)
    if not place or not noun or place.get("level") == "quốc gia":
        return place
    if _RANK.get(place.get("level"), 9) > _RANK[noun]:
        return place
    province = place.get("province")
    if province and _RANK[noun] < _RANK["tỉnh"]:
        return {"name": province, "level": "tỉnh", "province": province, "code": None, "new_code": None}
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


def _place(p: Optional[PlaceMention], places: list[PlaceMention], main: Optional[PlaceMention]) -> Optional[dict]:
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


def _only_province(places: list[PlaceMention]) -> Optional[PlaceMention]:
    """With no main unit, the one province every named unit lies in."""
    provinces = {p.province for p in places if p.name and not p.bare and p.level != "quốc gia"}
    if len(provinces) == 1 and None not in provinces:
        name = provinces.pop()
        return PlaceMention(0, 0, "tỉnh", name, name, None, written=False)
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


class _Places(list):
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
            return {"name": main.province, "level": "tỉnh", "province": main.province, "code": None}
    if want == "tỉnh" and index.only_province:
        return {"name": index.only_province, "level": "tỉnh", "province": index.only_province, "code": None}
    unit = index.only_unit.get(want)
    return unit.as_place() if unit else None


def _central_city(province: str) -> bool:
    """The province ``province`` is a centrally governed city ("Đà Nẵng")."""
    gaz = gazetteer()
    return gaz.province(province) in gaz.cities


# -- subject ------------------------------------------------------------------


def _subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start) -> list:
    # the sentence and the clause reach back across a wrapped line
    start = _unwrapped_start(text, s_start)
    if start < s_start:
        clause_start = _plain_clause_start(text, start, c.start) if clause_start == s_start else clause_start
        s_start = start
    # (a table's row label is a label: "| Số hộ thoát nghèo | 320 hộ |")
    label = _label(text, c.start, s_start) or _row_label(text, c.start)
    if label and subjects.opens_topic(text, label[0]) and (_noun_outside(text, c, label) or text[label[1]:c.start].strip(" :\t")):
        # "Về kinh tế: …; cơ cấu nông nghiệp 35%", "* Về giáo dục: 32/45 trường đạt chuẩn": a section's
        # topic names the domain, not what a figure with words of its own is ("Về hộ nghèo: 120 hộ" stays)
        label = None
    wide = _across_bracket(text, s_start, clause_start, c.start, holes)
    if wide:
        clause_start, holes = wide
    pieces = (_breakdown_base(text, c, prior, subject_of, label, s_start)
              or _subject_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label)
              or _topic_lead(text, s_start, c.start))
    heading = _list_heading(text, label) if label in pieces else None
    pieces = _with_bound_word(text, c, pieces)
    if heading in pieces:  # taken over from the count it is the share of
        heading = None
    if heading:
        # "Học vấn:" above "* Đại học: 16/29 vị" → "Học vấn Đại học"
        k = pieces.index(label)
        pieces = pieces[:k] + [heading] + pieces[k:]
    return pieces


def _noun_outside(text: str, c, span: tuple[int, int]) -> bool:
    """The figure has a counted noun that ``span``'s words do not hold."""
    noun = (c.fields.get("noun") or "").lower()
    return bool(noun) and f" {noun} " not in " {} ".format(" ".join(text[span[0]:span[1]].lower().split()))


_BRACKET_CHARS = 80
_TOTAL_AFTER = deferred(r"tổng(?![\p{L}])", regex.I)
# "tối đa", "tối thiểu" after a rate's or a cap's noun name the category ("mức cho vay tối đa")
_BOUND_WORD = deferred(r"(?:tối\s+đa|tối\s+thiểu)(?![\p{L}])", regex.I)
_CAP_NOUN = deferred(r"(?:mức|định\s+mức|hạn\s+mức|lãi\s+suất|thời\s+hạn)(?![\p{L}])", regex.I)


def _with_bound_word(text, c, pieces) -> list:
    """"Mức cho vay tối đa 100 triệu đồng/hộ": a bound word that opens the
    figure's span after a cap's noun phrase stays in the subject (FACTS.md:
    a qualifier word that is part of a category's name stays)."""
    # (its words open with "tối": the pattern is tried only at a "t")
    bound = _BOUND_WORD.match(text, c.start, c.end) if pieces and text[c.start] in "tT" else None
    if not bound or text[pieces[-1][1]:c.start].strip() or not _CAP_NOUN.match(text, pieces[0][0], pieces[0][1]):
        return pieces
    return pieces[:-1] + [(pieces[-1][0], bound.end())]


_BRACKET_THEN_WORD = deferred(r"[^\S\n]*\([^()\n]{1,80}\)[^\S\n]+(?=\p{Ll})")


def _row_label(text: str, pos: int) -> Optional[tuple[int, int]]:
    if not in_table_row(text, pos):
        return None
    row = subjects.table_row_label(text, pos)
    return row[0] if row else None


def _across_bracket(text, s_start, clause_start, pos, holes) -> Optional[tuple[int, list]]:
    """"Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều) giảm còn 3,1%": a clause
    after a bracket with no noun phrase of its own reads on before the
    bracket, which is left out (the clause's start and the holes then);
    None otherwise.  A bracket with a figure in it ("(chiếm 2,1%)") is a
    clause of its own."""
    if clause_start <= s_start or text[clause_start - 1] != ")":
        return None
    opener = text.rfind("(", max(s_start, clause_start - _BRACKET_CHARS), clause_start)
    inner = text[opener + 1:clause_start - 1] if opener >= 0 else ""
    if opener <= s_start or "\n" in inner or ")" in inner or _DIGIT.search(inner):
        return None
    if subjects.left_phrase(text, clause_start, pos, holes):
        return None
    start = _plain_clause_start(text, s_start, opener)
    if start >= opener:
        return None
    wider = list(holes)
    bisect.insort(wider, (opener, clause_start))
    return start, wider


_OPENS_BREAKDOWN = deferred(r"[^;.]*?(?<![\p{L}])trong\s+đó\s*:?\s*$", regex.I)
_NEXT_ITEM = deferred(r"\s*[;,]\s*$")


def _breakdown_base(text, c, prior, subject_of, label, s_start) -> list:
    """"“Dân vận khéo” có 36 mô hình, trong đó: Tập thể: 08 mô hình; Cá
    nhân: 18 mô hình": a labelled item of a breakdown counts what its total
    counts, told apart by its label ("mô hình “Dân vận khéo” Tập thể")."""
    if not label or prior is None or {c.type, prior.type} - {"count", "ratio"}:
        return []
    if (c.fields.get("noun") or "").lower() != (prior.fields.get("noun") or "").lower():
        return []
    base = list(subject_of.get(id(prior)) or [])
    if _OPENS_BREAKDOWN.match(text, prior.end, label[0]):
        return base + [label] if base else []
    # a later item: its total's subject is the item before without that one's label
    prior_label = _label(text, prior.start, s_start)
    if len(base) > 1 and base[-1] == prior_label and _NEXT_ITEM.match(text, prior.end, label[0]):
        return base[:-1] + [label]
    return []


def _respectively_after_start(text: str, s_start: int, clause_start: int, c) -> bool:
    """"lần lượt" stands between the percentage's clause start (the plain
    one if earlier; past the sentence's start) and the percentage."""
    lo = min(clause_start, _plain_clause_start(text, s_start, c.start))
    return lo > s_start and bool(_RESPECTIVELY.search(text, lo, c.start))


def _subject_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label) -> list:
    t = c.type
    if c.rule.endswith(".table_cell"):
        # a bare number in a flattened table's cell is the value of its row's quantity, else of its column's heading
        column = ([label] if label and text.count("|", label[1], c.start) else []) or subjects.table_column(text, c.start)
        if column:
            return column
    if t == "ratio" and not c.fields.get("noun"):
        # "giải ngân 120,5/150 tỷ đồng vốn đầu tư công": a money noun after the tail names the amounts
        named = subjects.money_noun_after(text, c.end, clause_end if clause_end > c.end else c.end + 100)
        if named:
            return [named]
    if t in ("count", "ratio"):
        pieces = (_change_of_prior(text, c, prior, subject_of, s_start)
                  or _count_subject(text, c, clause_start, clause_end, holes, s_start, label))
        if (t == "count" and (not pieces or " ".join(text[s:e] for s, e in pieces).lower() == (c.fields.get("noun") or "").lower())
                and "lần" in text[max(s_start, c.start - 90):c.start]):
            # (a count named by its noun alone: "…, lên 840 hộ" after the factor)
            changed = _level_after_factor(text, c, s_start, holes)
            if changed and not _noun_outside(text, c, (changed[0][0], changed[-1][1])):
                return changed
        return _column_of_noun(text, c, pieces) or _value_in_bracket(text, c, s_start, holes, pieces) or pieces
    if t == "percentage":
        # (the clause is no wider than the reading window)
        # (from the clause's start when it reads across a bracket)
        pieces = (subjects.proportion_phrase(text, min(clause_start, _plain_clause_start(text, s_start, c.start)),
                                             c.start, holes)
                  if subjects.rate_word_in(text, max(s_start, c.start - _WINDOW), c.start) else [])
        if not pieces and _respectively_after_start(text, s_start, clause_start, c):
            # "tỷ lệ hộ nghèo của các huyện A, B, C lần lượt là 40%, …": the rate stands before the list
            pieces = subjects.proportion_phrase(text, s_start, c.start, holes)
        if not pieces and clause_start > s_start and _rate_across_comma(text, s_start, clause_start):
            # "Tỷ lệ thu gom, xử lý rác thải … đạt 75%": a comma inside the rate's own phrase
            pieces = subjects.proportion_phrase(text, s_start, c.start, holes)
        if pieces:
            return pieces
        pieces = _shared_rate_head(text, c, prior, subject_of, clause_start, holes, label)
        if pieces:
            return pieces
        # (a change word the span opens with as its qualifier: "…, vượt 5%")
        digit = _DIGIT.search(text, c.start, c.end) if text[c.start].isalpha() else None
        head = digit.start() if digit else c.start
        change = _CHANGE_ONLY.search(text, max(s_start, c.start - 50), head)
        shared = _SHARE_VERB.search(text, clause_start, c.start) or change
        # "..., giá trị thiệt hại ước tính chiếm 1,5%": a clause of its own after
        # the prior figure's, with its own noun phrase, is about that
        after_prior = not change and prior is not None and bool(_LIST_BREAK.search(text, prior.end, clause_start))
        if shared and not after_prior and prior is not None and subject_of.get(id(prior)):
            return subject_of[id(prior)]  # (whatever its own noun phrase)
        # "trên 98% đồng bào dân tộc thiểu số được sử dụng ...": the share of
        # the noun phrase right after the figure (unless a verb such as
        # "chiếm" makes what follows the base), before a prior figure's subject
        # ("12/15 xã đạt ..., 100% thôn có ...": a noun of its own)
        after = [] if shared else subjects.percent_of(text, c.end, clause_end, holes)
        if after and subjects.opens_predicate(text, after[0][0]):
            # "Trong số 320 lao động được đào tạo, 85% có việc làm": a part named by its predicate alone is
            # of the population counted before (or the base the sentence opens with)
            whole = (subject_of.get(id(prior)) if prior is not None and prior.type in ("count", "ratio")
                     else _base_opener(text, s_start, clause_start, holes) if prior is None else None)
            return (whole + after) if whole else after
        left = subjects.left_phrase(text, clause_start, c.start, holes)
        if after and not (left and _TOTAL_AFTER.match(text, after[0][0], after[0][1]) and not subjects.holds_verb(text, left)):
            return after
        # ("…, ngân sách huyện 10% tổng mức đầu tư": a total after the share is its base; the part is named before,
        # by a noun phrase: "Phấn đấu hằng năm kết nạp 3% tổng số đảng viên" shares out the total itself)
        if change and left and left[0][0] >= change.start():
            left = []  # ("…, vượt 5% kế hoạch": the change word is no noun phrase)
        part = [] if left or shared else subjects.part_after_copula(text, c.end, clause_end, holes)
        if part:
            # "…, trong đó 89% là đồng bào dân tộc Mông": the part the share names; a bare
            # modifier ("40% là nữ") names the part of what the figure before counts
            # ("Trong số 320 lao động được đào tạo, 85% có việc làm": a part named by its predicate alone too)
            bare = len(text[part[0][0]:part[-1][1]].split()) == 1 or subjects.opens_predicate(text, part[0][0])
            whole = (subject_of.get(id(prior)) if prior is not None else _base_opener(text, s_start, clause_start, holes)
                     ) if bare else None
            return (whole + part) if whole else part
        own_clause = bool(left) and after_prior
        if (shared and not own_clause or not left) and prior is not None and subject_of.get(id(prior)):
            return subject_of[id(prior)]
        if label:
            # "cơ cấu kinh tế: nông nghiệp 32%, dịch vụ 40%": an item named without a verb
            # under the label is the label's share for that item
            item = subjects.breakdown_label(text, clause_start, c.start, holes, in_list=False) if left else []
            if item and item[0][0] > label[1]:
                return [label] + item
            # "Về giáo dục: số trường đạt chuẩn tăng 12%": a clause of its own under a topic
            return left if left and left[0][0] > label[1] else [label]
        if left:
            return left
        base = _base_opener(text, s_start, clause_start, holes) if not shared and prior is None else []
        if base:
            # "Trong số các hộ tái nghèo, 60% do ốm đau, bệnh tật": a share whose part is named by no noun
            return base
        if shared or text[clause_start:c.start].strip(" ,"):
            # "Tổng sản lượng ... 16.454 tấn, đạt 121,2%", "tăng trưởng toàn cầu
            # có dấu hiệu tăng, dự báo đạt 2,6%": a clause with no subject of
            # its own shares the topic of the clause before
            return _topic_before(text, s_start, clause_start, holes)
        return []
    if t == "area":
        return (_change_of_prior(text, c, prior, subject_of, s_start) or _sibling_land(text, c, prior, subject_of) or _area_of_counted(text, c, prior, subject_of)
                or _land_given(text, c, prior, s_start, clause_end)
                or _area_subject(text, c, clause_start, clause_end, holes, s_start, label)
                or _part_of_area(text, c, prior, subject_of, clause_end))
    if t == "money":
        pieces = _money_subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label)
        return _value_in_bracket(text, c, s_start, holes, pieces) or pieces
    return []


def _level_after_factor(text, c, s_start, holes) -> list:
    """"thu nhập bình quân đầu người tăng 1,6 lần, đạt 52 triệu đồng", "Số hộ
    được hỗ trợ tăng gấp 2 lần so với năm trước, lên 840 hộ": the level after
    a change written as a factor (no figure of its own, so no figure before
    the level to follow) is of what changed, the noun phrase before the
    change; [] when there is none."""
    times = _TIMES_THEN_LEVEL.search(text, max(s_start, c.start - 90), c.start)
    if not times:
        return []
    return subjects.left_phrase(text, _plain_clause_start(text, s_start, times.start()), times.start(), holes)


def _value_in_bracket(text, c, s_start, holes, pieces) -> list:
    """"Nguồn vốn vay ưu đãi (1.245 tỷ đồng) đã giúp …", "Hội viên phụ nữ
    (12.400 người) tham gia …": a figure alone in a bracket right after a
    noun phrase is that phrase's value, when the figure names nothing more
    of its own (no subject, or only its noun: a generic one, or one the
    phrase holds: "Số hộ nghèo (1.250 hộ)"); [] otherwise."""
    if not text.startswith(")", c.end) or "(" not in text[max(s_start, c.start - 2):c.start]:
        return []  # (the cheap test first)
    noun = (c.fields.get("noun") or "").lower()
    if pieces and " ".join(text[s:e] for s, e in pieces).lower() != noun:
        return []
    before = _before_bracket(text, c, s_start, holes)
    if not before or noun not in subjects.SAYS_NOTHING and _noun_outside(text, c, (before[0][0], before[-1][1])):
        return []
    return before


# "Trong (tổng) số (các) <base>," opening the sentence
_BASE_OPENER = deferred(r"[^\S\n]*trong[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+(?:(?:các|những)[^\S\n]+)?"
                        r"(?P<base>[^\d,;:()\n]{2,60}?)[^\S\n]*,[^\S\n]*", regex.I)


def _base_opener(text: str, s_start: int, clause_start: int, holes) -> list:
    """"Trong số các hộ tái nghèo, …" → "hộ tái nghèo": the base a sentence
    opens with, with no figure in it, for the share in the clause after it;
    [] when the sentence opens otherwise."""
    if clause_start <= s_start or clause_start - s_start > 80:
        return []
    m = _BASE_OPENER.fullmatch(text, s_start, clause_start)
    return subjects.left_phrase(text, m.start("base"), m.end("base"), holes, after_verb=False) if m else []


_RATE_THEN_WORDS = deferred(r"(?:tỷ|tỉ)\s+lệ(?![\p{L}])[^\d;:()\n.%]*,[^\S\n]*$", regex.I)


def _rate_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """A "tỷ lệ" of the sentence opens a phrase that runs up to the comma before
    ``clause_start`` with no figure and no stating verb in it ("Tỷ lệ thu gom,
    xử lý …", "Tỷ lệ hộ nghèo, hộ cận nghèo …"): the comma joins the items of
    the rate's own phrase."""
    lo = max(s_start, clause_start - 80)
    if not text[lo:clause_start].rstrip().endswith(",") or not subjects.rate_word_in(text, lo, clause_start):
        return False  # (the cheap tests first)
    rate = _RATE_THEN_WORDS.search(text, lo, clause_start)
    return rate is not None and not subjects.states_figure(text, rate.start(), clause_start)


# a sum's name opening the sentence, then words up to a comma
_SUM_THEN_WORDS = deferred(r"[^\S\n]*(?:tổng[^\S\n]+)?(?:kinh[^\S\n]+phí|giá[^\S\n]+trị|số[^\S\n]+tiền|chi[^\S\n]+phí)(?![\p{L}])"
                           r"(?P<words>[^\d;:()\n.%]*),[^\S\n]*$", regex.I)


def _sum_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """The sentence opens with a sum's name ("Tổng kinh phí", "Giá trị", "Số
    tiền") whose phrase runs up to the comma before ``clause_start`` with no
    figure and no stating verb ("Tổng kinh phí bồi thường, hỗ trợ là …",
    "Tổng giá trị các công trình, phần việc …"): the comma joins its items."""
    if clause_start <= s_start or clause_start - s_start > 80 or not text[s_start:clause_start].rstrip().endswith(","):
        return False  # (the cheap tests first)
    m = _SUM_THEN_WORDS.match(text, s_start, clause_start)
    return m is not None and bool(m.group("words").strip()) and not subjects.states_figure(text, *m.span("words"))


_NOTHING_OWN = deferred(r"[^\S\n]*(?:[,.;:)]|so[^\S\n]+với(?![\p{L}])|$)", regex.I)


def _column_of_noun(text, c, pieces) -> list:
    """"Huyện | Số hộ nghèo" … "| 3.200 hộ |": a count in a flattened table's
    cell that says no more than its noun takes its column's heading when the
    heading names that noun."""
    if len(pieces) != 1 or not in_table_row(text, c.start):
        return []
    noun = (c.fields.get("noun") or "").lower()
    if not noun or text[pieces[0][0]:pieces[0][1]].lower() != noun:
        return []
    column = subjects.table_column(text, c.start)
    if column and regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", text[column[0][0]:column[0][1]].lower()):
        return column
    return []


def _change_of_prior(text, c, prior, subject_of, s_start) -> list:
    """"… là 15.300 hội viên, tăng 420 hội viên so với …": a change written
    right after a count of the same noun (or an area after an area: "đạt
    1.850 ha, tăng 120 ha"), with no words of its own, counts what that
    count counts."""
    if (prior is None or prior.type not in ("count", "ratio") and prior.type != c.type
            or not subject_of.get(id(prior))):
        return []
    noun = (c.fields.get("noun") or "").lower()
    if noun != (prior.fields.get("noun") or "").lower() and noun not in subjects.GENERIC_NOUNS:
        return []  # ("87 học sinh …, tăng 15 em": a generic noun repeats the count's)
    if not (_CHANGE_ONLY.search(text, max(s_start, prior.end, c.start - 30), c.start)
            or _NEW_LEVEL.search(text, max(s_start, prior.end, c.start - 45), c.start)):
        return []
    return subject_of[id(prior)] if _NOTHING_OWN.match(text, c.end, c.end + 20) else []


# "có 450 hộ nghèo, (đến cuối năm 2024) giảm còn 310 hộ": the new level of the same count
_NEW_LEVEL = deferred(r"[,;]\s*(?:(?:(?:đến|tới|sang)\s+)?(?:(?:cuối|đầu|hết)\s+)?(?:năm\s+(?:19|20)\d\d\s*,?\s*)?"
                      r"(?:đã\s+)?(?:giảm|tăng)\s+(?:xuống\s+|lên\s+)?(?:còn|lên|đến|tới|thành)"
                      # "giảm 35 em, còn 12 em": the level left after the change
                      r"|(?:(?:đến|tới)\s+nay\s*,?\s*|hiện\s+)?(?:chỉ\s+)?còn(?:\s+lại)?"
                      # "…; so với đầu năm giảm 620 hộ": a change against a base written first
                      r"|so\s+với\s+(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|(?:19|20)\d\d))?|(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d\d)?"
                      r"|năm\s+(?:trước|(?:19|20)\d\d))\s*,?\s*(?:đã\s+)?(?:giảm|tăng)(?:\s+thêm)?)\s*$", regex.I)


_RATE_HEAD = deferred(r"(?:tỷ|tỉ)\s+lệ(?![\p{L}])", regex.I)
_ITEM_VERB = deferred(r"(?:^|\s)(?:tăng|giảm(?!\s+còn)|hơn|vượt|so)(?![\p{L}])", regex.I)
_WORD = deferred(r"\p{L}+")
_ITEM_MOST = 8  # (the words of a list item that takes a rate's head over: a modifier, no clause)


_PART_OPEN = deferred(r"[\s;,]*(?:riêng|trong\s+đó)[^\S\n]", regex.I)


def _shared_rate_head(text, c, prior, subject_of, clause_start, holes, label) -> list:
    """"Tỉ lệ hộ nghèo thành thị 2%, nông thôn 5%" → "tỉ lệ hộ nghèo nông
    thôn"; "Tỷ lệ hộ nghèo 3,2%, hộ cận nghèo 4,1%" → "tỷ lệ hộ cận
    nghèo": a later item of a list of rates takes the rate's head and its
    own words (FACTS.md: a list that shares its head)."""
    base = subject_of.get(id(prior)) if prior is not None and prior.type == "percentage" else None
    if not base or not _RATE_HEAD.match(text, base[0][0], base[0][1]) or _ITEM_VERB.search(text, clause_start, c.start):
        return []
    item = subjects.left_phrase(text, clause_start, c.start, holes)
    if not item and label and not text[label[1]:c.start].strip(" \t:"):
        item = [label]
    own = [m.span() for s, e in item for m in _WORD.finditer(text, s, e)]
    if not own or len(own) > _ITEM_MOST or _RATE_HEAD.match(text, item[0][0], item[0][1]):
        return []
    # "…; riêng khu vực nông thôn 94,8%", "…, trong đó thể thấp còi 9%": the rate of a part of the whole's
    # population (not "riêng hộ đồng bào … chiếm 75%": that part's share)
    part = (_PART_OPEN.match(text, clause_start, c.start) is not None and not subjects.has_predicate(text, item)
            and "chiếm" not in text[clause_start:c.start].lower())
    if len(base) > 1 and _LIST_BREAK.search(text, base[-2][1], base[-1][0]) and not subjects.has_predicate(text, item):
        # "…, nông thôn 6,8%, vùng đồng bào dân tộc thiểu số 14,5%": the item before took
        # the head over; a later item takes the same head in place of that item's words
        return base[:-1] + item
    if len(own) > 4 and not part:
        return []
    words = [m.span() for s, e in base for m in _WORD.finditer(text, s, e)]
    rate = _RATE_HEAD.match(text, base[0][0], base[0][1]).end()
    first = text[own[0][0]:own[0][1]].lower()
    same = [k for k, w in enumerate(words) if w[0] >= rate and text[w[0]:w[1]].lower() == first]
    if same:
        # "hộ cận nghèo" after "tỷ lệ hộ nghèo", "thể nhẹ cân" after "… suy dinh dưỡng thể
        # thấp còi": the item repeats the word its modifiers part from, and replaces the rest
        keep = words[same[-1] - 1][1]
        return [(s, min(e, keep)) for s, e in base if s < keep] + item
    if part:
        return base + item
    population = [w for w in words if w[0] >= rate]
    if len(own) > 2 or len(population) <= len(own):
        return []
    # "nông thôn" after "… hộ nghèo thành thị": a modifier in place of the last one
    keep = words[len(words) - len(own) - 1][1]
    return [(s, min(e, keep)) for s, e in base if s < keep] + item


# where land goes ("để làm sân thể thao", "sang trồng rau màu"), up to the next figure
_LAND_TARGET = deferred(r"[^\S\n]+(?P<what>(?:để|nhằm|sang)[^\S\n]+[^\n,.;:()\d]{1,80})", regex.I)
_TARGET_IN = deferred(r"(?<![\p{L}])(?:để|nhằm|sang)(?![\p{L}])", regex.I)
# between two areas: the first's target, then a comma or "và" ("… để xây trường học và 1,2 ha …")
_TARGET_THEN_AND = deferred(r"[^\n;:()]{0,120}?(?:,[^\S\n]*|[^\S\n]+)(?:(?:và|còn)[^\S\n]+)?$", regex.I)


def _sibling_land(text, c, prior, subject_of) -> list:
    """"hiến 4,5 ha đất để xây trường học và 1,2 ha để làm sân thể thao",
    "chuyển 45 ha đất lúa sang trồng thủy sản, 20 ha sang trồng rau màu":
    an area with no noun of its own, only where it goes, shares the land of
    the area before it (ellipsis of the repeated head) with its own target."""
    target = _LAND_TARGET.match(text, c.end) if prior is not None and prior.type == "area" else None
    base = subject_of.get(id(prior)) if target else None
    if not base or not _TARGET_THEN_AND.fullmatch(text, prior.end, c.start):
        return []
    cut = _TARGET_IN.search(text, base[0][0], base[-1][1])
    if not cut or cut.start() <= base[0][0]:
        return []
    land = [(s, min(e, cut.start())) for s, e in base if s < cut.start()]
    return land + [subjects.stripped(text, *target.span("what"))]


def _part_of_area(text, c, prior, subject_of, clause_end) -> list:
    """"Diện tích lúa bị ngập úng là 1.200 ha, trong đó 350 ha bị mất trắng" →
    "lúa bị mất trắng": a part of the area before, opened by "trong đó" and
    named only by a predicate, is of that area's land (its own predicate in
    place of the whole's)."""
    if prior is None or prior.type != "area" or not subject_of.get(id(prior)):
        return []
    if not text.startswith(" ", c.end) or not subjects.opens_predicate(text, c.end + 1):
        return []
    if not _OPENS_BREAKDOWN.fullmatch(text, prior.end, c.start):
        return []
    own = subjects.right_phrase(text, c.end + 1, max(clause_end, c.end + 80))
    base = subject_of[id(prior)]
    cut = next((m.start() for s, e in base for m in [subjects.predicate_in(text, s, e)] if m), base[-1][1])
    land = subjects.land_subject(text, [subjects.stripped(text, s, min(e, cut)) for s, e in base if s < cut])
    return [p for p in land if p[1] > p[0]] + [own] if own and land else []


# the area named only as such ("với diện tích", ", tổng diện tích") right before the figure
_AREA_ONLY = deferred(r"(?<![\p{L}])(?:(?:với|có)[^\S\n]+)?(?:tổng[^\S\n]+)?diện[^\S\n]+tích"
                      r"(?:[^\S\n]+(?:là|khoảng|trên|hơn|gần))?[^\S\n]*$", regex.I)


def _area_of_counted(text, c, prior, subject_of) -> list:
    """"cấp 45 mã số vùng trồng với diện tích 2.300 ha": an area named only
    as an area right after a count measures the things counted (what lies
    there), as "với tổng số tiền" after a count prices them."""
    if prior is None or prior.type not in ("count", "ratio") or not subject_of.get(id(prior)):
        return []
    if (prior.fields.get("noun") or "").lower().split(",")[0].strip() in _UNIT_NOUNS:
        return []  # "tỉnh có 99 xã, phường với diện tích …": units tile the whole, whose area it is
    if c.start - prior.end > 80 or not holds_letter(text, prior.end, c.start, "ệ"):  # (the "ệ" of "diện")
        return []
    only = _AREA_ONLY.search(text, max(prior.end, c.start - 30), c.start)
    if not only or _DIGIT.search(text, prior.end, only.start()) or _SENTENCE_STOP.search(text, prior.end, only.start()):
        return []
    # a recipient holds no land ("giải quyết đất sản xuất cho 1.627 hộ với diện tích 212 ha"),
    # and words after the area name it themselves ("212 ha khai hoang")
    if _RECIPIENT_BEFORE.search(text, max(0, prior.start - 20), prior.start) or not _NOTHING_OWN.match(text, c.end):
        return []
    return subject_of[id(prior)]


def _land_given(text, c, prior, s_start, clause_end) -> list:
    """"giải quyết đất sản xuất cho 1.627 hộ với diện tích 212 ha khai hoang" →
    "đất sản xuất khai hoang": an area named only as an area after the
    recipients of land measures the land given to them (the object before
    "cho"), with the words after it."""
    if prior is None or prior.type not in ("count", "ratio") or c.start - prior.end > 40:
        return []
    if not holds_letter(text, prior.end, c.start, "ệ"):  # (the "ệ" of "diện")
        return []
    only = _AREA_ONLY.search(text, prior.end, c.start)
    recipient = _RECIPIENT_BEFORE.search(text, max(0, prior.start - 20), prior.start) if only else None
    if not recipient or _DIGIT_OR_BREAK.search(text, prior.end, only.start()):
        return []  # (the recipients' own words may stand between: "cho 150 hộ đồng bào với diện tích")
    lo = max(s_start, recipient.start() - 60)
    lo = max(lo, _last_break(text, lo, recipient.start()))  # (the object's own clause)
    land = _LAND_WORD.search(text, lo, recipient.start())
    if land is None or not _ALLOTS.search(text, lo, land.start()):
        return []  # ("cấp giấy chứng nhận quyền sử dụng đất cho 4.560 hộ": no land given)
    own = subjects.right_phrase(text, c.end + 1, max(clause_end, c.end + 60)) if text.startswith(" ", c.end) else None
    return [subjects.stripped(text, land.start(), recipient.start())] + ([own] if own else [])


_DIGIT_OR_BREAK = deferred(r"[\d;:()\n.]")
# verbs of allotting land, right before it ("giải quyết đất sản xuất", "giao đất rừng", "cấp đất ở")
_ALLOTS = deferred(r"(?<![\p{L}])(?:giải\s+quyết|giao|bàn\s+giao|cấp|chia|bố\s+trí|hỗ\s+trợ|đền\s+bù)[^\S\n]+$", regex.I)
_LAND_WORD = deferred(r"(?<![\p{L}])(?:đất|rừng|mặt\s+nước)(?![\p{L}])", regex.I)
_RECIPIENT_BEFORE = deferred(r"(?<![\p{L}])cho[^\S\n]+(?:(?:khoảng|trên|hơn|gần)[^\S\n]+)?$", regex.I)


def _area_subject(text, c, clause_start, clause_end, holes, s_start, label) -> list:
    """What grows or lies on an area: the land after the unit and what
    defines it, with the verb before the figure that tells it from its
    siblings ("trồng mới 540 ha rừng" → "rừng trồng mới"); else the land
    before it, the item of a breakdown ("Trong đó, 175 ha đã cho thu hái"
    after "310 ha chè"), the label, the table column or the noun phrase
    before a bracket or a colon."""
    own, shared = subjects.noun_clause(text, c.end + 1, clause_end, holes) if text[c.end:c.end + 1] == " " else ([], [])
    after = own + shared
    if after and subjects.names_land(text, after[0]):
        verb = subjects.land_verb(text, clause_start, c.start)
        # the verb joins only to tell the area from a sibling area of its sentence
        short = len(text[after[0][0]:after[-1][1]].split()) <= 3
        return after + ([verb] if verb and short and subjects.sibling_area(text, holes, s_start) else [])
    pieces = subjects.land_subject(text, subjects.left_phrase(text, clause_start, c.start, holes))
    if pieces:
        return pieces
    part = subjects.land_of_total(text, s_start, clause_start, c.start)
    if part and after:
        return [part] + after
    if label:
        return [label]
    return subjects.table_column(text, c.start) or _before_bracket(text, c, s_start, holes)


_OPENER_BEFORE = deferred(r"[(:]\s*$")


def _before_bracket(text, c, s_start, holes) -> list:
    """"tỉnh có diện tích lớn nhất cả nước (16.487 km2)", "tổng diện tích
    đất là: 29,168 ha": a figure alone in a bracket, or right after a colon,
    is the value of the noun phrase right before it."""
    opener = _OPENER_BEFORE.search(text[max(s_start, c.start - 4):c.start])
    if not opener or (opener.group().startswith("(") and not text.startswith(")", c.end)):
        return []
    k = c.start - len(opener.group())
    return subjects.land_subject(text, subjects.left_phrase(text, _plain_clause_start(text, s_start, k), k, holes))


# Verbs that end a clause's topic ("tăng trưởng toàn cầu có dấu hiệu tăng"); not
# inside a compound noun ("tăng trưởng", "giảm nghèo").
_TOPIC_END = deferred(r"(?<![\p{L}])(?:có|đạt|là|chiếm|thực\s+hiện|ước\s+đạt|tăng(?!\s+(?:trưởng|cường))|giảm(?!\s+nghèo))"
                           r"(?![\p{L}])", regex.I)


def _topic_before(text, s_start, clause_start, holes) -> list:
    """The topic of the clause before ``clause_start`` in its sentence: the
    noun phrase before its first verb, else the whole clause."""
    if clause_start <= s_start:
        return []
    before = _plain_clause_start(text, s_start, clause_start - 1)
    for m in _TOPIC_END.finditer(text, before, clause_start):
        pieces = subjects.left_phrase(text, before, m.start(), holes)
        if pieces:
            return pieces
    return subjects.left_phrase(text, before, clause_start, holes)


# (a base may stand between: "…, cao hơn cùng kỳ 15%", "…, tăng so với cùng kỳ năm trước 12%")
# ("…, đạt 245 tỷ đồng và tăng 8%": a change joined by "và" to the level before; "…, ít hơn năm trước 12 hộ",
# "…, cao hơn mức bình quân của tỉnh 3%": a comparative's base, of no digit, between)
_CHANGE_ONLY = deferred(r"(?:[,;()]|(?<![\p{L}])và)\s*(?:(?:ước|dự\s+kiến|lần\s+lượt|bình\s+quân|trung\s+bình)\s+)?(?:(?:mỗi|hằng|hàng)\s+năm\s+)?"
                          r"(?:(?:cao|thấp|nhiều|ít)\s+hơn(?:\s+(?:so\s+với\s+)?[^\d,;.:()\n]{1,40}?)?|tăng|giảm|hơn|thêm|vượt)"
                          r"\s*(?:thêm\s*)?(?:(?:so\s+với\s+)?cùng\s+kỳ(?:\s+năm\s+trước)?\s*)?$", regex.I)
_FIGURE_HEAD = deferred(r"\W*(?:(?:khoảng|trên|hơn|gần|dưới|ước|đạt)\s+)*[\d.,]+\s*", regex.I)
_OF_PREVIOUS = deferred(r"(?:với|trị\s+giá|tổng\s+trị\s+giá|tổng\s+giá\s+trị|với\s+tổng\s+số\s+tiền|tổng\s+số\s+tiền|tổng\s+kinh\s+phí"
                             r"|tổng\s+(?:số\s+)?vốn(?:\s+(?:đầu\s+tư|đăng\s+ký))?|tổng\s+mức\s+đầu\s+tư"
                             r"|kinh\s+phí|số\s+tiền)\s*(?:là|hơn|trên|gần|khoảng|ước)?\s*$", regex.I)
# (a number's grouping dot is no stop: "… cho 1.200 hộ đồng bào …")
# (a verb of building or buying right after the amount is its purpose without "để":
# "huy động 78 tỷ đồng xây dựng nông thôn mới")
# ("huy động 35 tỷ đồng từ xã hội hóa để làm đường": the source before the purpose is passed over)
_PURPOSE = deferred(r"\s*(?:từ[^\S\n]+[^\n,.;:()\d]{1,40}?[^\S\n]+(?=(?:để|nhằm)[^\S\n]))?"
                    r"(?P<link>để|nhằm|dành\s+cho|cho|ủng\s+hộ|hỗ\s+trợ"
                    r"|đầu\s+tư|xây\s+dựng|xây\s+mới|sửa\s+chữa|nâng\s+cấp|mua\s+sắm|mua|tặng\s+quà"
                    # ("góp 620 triệu đồng làm 3 cầu treo": a count of what is built stays, its number dropped)
                    r"|(?:làm|xây)(?=\s+(?:\d[\d.]*\s+)?(?:căn\s+)?(?:nhà|đường|cầu|trường|phòng|bể|giếng)(?![\p{L}])))\s+"
                    r"(?P<what>(?:[^\n,.;:()]|(?<=\d)[.,](?=\d)){1,80})", regex.I)
_A_LETTER = deferred(r"\p{L}")
# the links of _PURPOSE that give the money ("ủng hộ đồng bào bị thiên tai")
_GIVING_LINKS = frozenset({"ủng hộ", "hỗ trợ"})
# the verb that gives a counted recipient its money ("cho vay 1.200 hộ nghèo với số tiền ...")
_GIVEN_TO = deferred(r"(?<![\p{L}])(?P<verb>cho\s+vay|hỗ\s+trợ|trợ\s+cấp|tặng\s+quà|tặng|trao\s+tặng)"
                          r"(?:\s+(?:cho|đối\s+với))?\s*(?:(?:khoảng|trên|hơn|gần)\s+)?$", regex.I)


def _gift_before(text: str, s_start: int, recipients: int, holes: list[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """"trao 300 suất quà cho 300 hộ, trị giá 150 triệu đồng" → "suất quà":
    a value is of the goods given, counted right before their recipients."""
    cho = _RECIPIENT_BEFORE.search(text, max(s_start, recipients - 16), recipients)
    i = bisect.bisect_left(holes, (cho.start(),)) - 1 if cho else -1
    if i < 0 or holes[i][0] < s_start or not text[holes[i][0]].isdigit():
        return None
    hs, he = holes[i]
    if _LIST_BREAK.search(text, he, cho.start()) or text.endswith("đồng", hs, he):
        return None  # (goods counted in the clause of their recipients, no amount)
    return subjects.stripped(text, _FIGURE_HEAD.match(text, hs, he).end(), cho.start())


# "cho" before an income is the verb "yield" ("mô hình cho thu nhập 300 triệu đồng"), no recipient
_YIELD = deferred(r"(?<![\p{L}])cho[^\S\n]+(?=(?:thu\s+nhập|lãi|lợi\s+nhuận|doanh\s+thu)(?![\p{L}]))", regex.I)


def _yielded(text: str, pieces: list) -> list:
    """"Mô hình nuôi cá lồng cho thu nhập 300 triệu đồng" → "thu nhập": what
    is yielded is the amount's name, from the income noun on; a unit it is
    yielded by ("Mỗi ha chè cho thu nhập …") stays, without the "cho"."""
    m = last_match(_YIELD, text, pieces[0][0], pieces[-1][1]) if pieces and "cho" in text[pieces[0][0]:pieces[-1][1]] else None
    if not m:
        return pieces
    each = [(s, min(e, m.start())) for s, e in pieces if s < m.start()] if _EACH_UNIT.match(text, pieces[0][0]) else []
    return [subjects.stripped(text, s, e) for s, e in each] + [(max(s, m.end()), e) for s, e in pieces if e > m.end()]


_EACH_UNIT = deferred(r"(?:mỗi|một|bình\s+quân\s+(?:mỗi|một))[^\S\n]", regex.I)


_LIST_BREAK = deferred(r"[,;]")
_COPULA = deferred(r"(?<![\p{L}])là\s*$", regex.I)
_RECIPIENT = deferred(r"\s+cho\s+")
_IS = "là|gồm|có"  # a copula right before the number: "... gồm 56 người"
_NUMBER_IS = deferred(rf"(?<![\p{{L}}])(?:{_IS})\s*$", regex.I)
_TOTAL_IS = deferred(rf"(?<![\p{{L}}])(?:{_IS}|lên)\s*$", regex.I)  # (and "nâng tổng số … lên")


# the names after a count of units ("2 huyện Hàm Thuận Nam và Hàm Tân"): capitalised words, two or
# more listed (one name is a region the units lie in: "5 tỉnh Tây Nguyên")
_UNIT_NAMES = deferred(r"[^\S\n]+(?-i:\p{Lu})\p{L}*(?:[^\S\n]+(?-i:\p{Lu})\p{L}*)*"
                       r"(?:[^\S\n]*(?:,|và|,[^\S\n]*và)[^\S\n]*(?-i:\p{Lu})\p{L}*(?:[^\S\n]+(?-i:\p{Lu})\p{L}*)*)+")
_STATES_FIGURE = deferred(r"(?:đạt|có|là|gồm|chiếm|với)(?![\p{L}])[^\d\n,;.]{0,30}\d", regex.I)
_UNIT_NOUNS = frozenset(_RANK) - {"bang", "quốc gia"}  # (the level words of Vietnamese units)
# "trở lên", "trở xuống" right after a figure's noun: the figure's qualifier (FACTS.md), no word of what it counts
_OR_MORE_AFTER = deferred(r"[^\S\n]+trở[^\S\n]+(?:lên|xuống)(?![\p{L}])", regex.I)


def _past_unit_names(text: str, end: int, low_noun: str) -> int:
    """Where the words defining a count of units start to be read: after the
    units' own names ("2 huyện Hàm Thuận Nam và Hàm Tân đạt chuẩn" → "huyện
    đạt chuẩn"), which name the units and define no kind of them."""
    if low_noun not in _UNIT_NOUNS:
        return end
    names = _UNIT_NAMES.match(text, end, end + 160)
    return names.end() if names else end


# a label that announces results ("Kết quả thi đua năm 2024:", "Kết quả bầu cử:") is no kind of what is counted
# and so does one that announces whom or what the list names ("Đối tượng thụ hưởng:", "Thành phần gồm:",
# "Số liệu cụ thể:") or a photo's caption ("Ảnh:", "Ảnh trên:")
_RESULTS_LABEL = deferred(r"(?:kết\s+quả|đối\s+tượng|thành\s+phần|số\s+liệu|ảnh)(?![\p{L}])", regex.I)


_LOCATIVE_BEFORE = deferred(r"(?<![\p{L}])(?:ở|tại)\s+$", regex.I)
_TENSE_NEXT = deferred(r"(?:đã|đang|sẽ|đều|cũng)\s", regex.I)


def _count_subject(text, c, clause_start, clause_end, holes, s_start, label) -> list:
    """What a count or ratio counts: the noun as written in the fact and what
    defines it after it; for a noun that says nothing on its own ("26 vị",
    "1.477 căn"), the phrase before it; a body's members; a label."""
    noun = c.fields.get("noun")
    low_noun = noun.lower() if noun else ""
    limit = clause_end if clause_end > c.end else c.end + 80
    k = text[c.start:c.end].lower().rfind(low_noun) + c.start if noun else -1
    # what defines the noun after it, and the modifiers it shares with a coordinated figure
    read_from = _past_unit_names(text, c.end, low_noun)
    or_more = _OR_MORE_AFTER.match(text, read_from, read_from + 12) if text.startswith(" trở", read_from) else None
    read_from = or_more.end() if or_more else read_from  # ("từ 35 đảng viên trở lên": the figure's qualifier)
    limit = limit if read_from < limit else read_from + 100  # (a list of names runs past the clause's comma)
    after, shared = (subjects.noun_clause(text, read_from + 1, limit, holes) if text[read_from:read_from + 1] == " "
                     # ("350 tập thể, 1.200 cá nhân được khen thưởng": the items of a list share its predicate)
                     else subjects.noun_clause(text, read_from, limit, holes)
                     if text.startswith(",", read_from) and subjects.item_follows(text, read_from, limit)
                     else ([], []))
    if read_from > c.end and after and _STATES_FIGURE.match(text, after[0][0]):
        after, shared = [], []  # ("3 huyện A, B, C có tổng cộng 30 mô hình": a figure of their own, no kind)
    # "Ban Thanh tra nhân dân ở 21 xã, thị trấn đã tiến hành …": units counted in a place
    # phrase; the tensed verb after them is the sentence's predicate, no kind of unit
    in_place = low_noun.split(",")[0] in _UNIT_NOUNS and bool(_LOCATIVE_BEFORE.search(text, max(0, c.start - 6), c.start))
    if in_place and after and _TENSE_NEXT.match(text, after[0][0]):
        after, shared = [], []
    bracket = _BRACKET_THEN_WORD.match(text, c.end, c.end + _BRACKET_CHARS + 4) if not after and not shared else None
    if bracket and subjects.opens_predicate(text, bracket.end()):
        # "3 thôn (Thôn 1, Thôn 2, Thôn 3) đạt chuẩn ...": the words after the bracket define the noun
        end = _CLAUSE_BREAK.search(text, bracket.end(), bracket.end() + _WINDOW)
        after, shared = subjects.noun_clause(text, bracket.end(), end.start() if end else bracket.end() + 80, holes)
    bare_noun = k >= c.start and " ".join(text[k:c.end].lower().split()) == " ".join(low_noun.split())
    bare_noun_generic = bool(noun) and low_noun in subjects.SAYS_NOTHING and bare_noun
    if label and noun and not (bare_noun_generic and not after) and _RESULTS_LABEL.match(text, label[0], label[1]):
        label = None  # "Kết quả thi đua: 12 tập thể đạt …": a report's heading; the item's noun names what
    if noun and not after and not shared and (bare_noun or low_noun in subjects.GENERIC_NOUNS):
        whole = _number_is(text, c, s_start, holes, text[k:c.end] if k >= c.start else noun)
        if whole:
            return whole
    if noun and low_noun in subjects.SAYS_NOTHING and not after and bare_noun:
        if label and not text[label[1]:c.start].strip(" \t:"):
            return [label]  # the item's label right before the figure
        left = subjects.left_phrase(text, clause_start, c.start, holes)
        if not left and _NUMBER_IS.search(text, max(clause_start, c.start - 12), c.start):
            # "Ban Chấp hành ..., nhiệm kỳ 2025-2030 gồm 56 người": past a clause of time or place
            left = _topic_before(text, s_start, clause_start, holes)
        harm = _last_causative(text, left) if left and k >= c.start and low_noun in _CASE_NOUNS else None
        if harm is not None:
            # "Bão làm chết 5 người" → "người chết": the cases are the harm's result, not its agent
            return [(k, c.end)] + [(max(s, harm), e) for s, e in left if e > harm]
        if left and k >= c.start and not subjects.starts_with_verb(text, left):
            # "Lực lượng chức năng đã tuần tra 1.250 lượt" → "lượt tuần tra": the agent before the tense word
            # is not what the cases are
            pred = subjects.predicate(text, left) if not subjects.names_quantity(text[left[0][0]:left[0][1]]) else None
            if pred and pred != left and (subjects.starts_with_verb(text, pred)
                                          or low_noun in _CASE_NOUNS and _short_verb_phrase(text, pred)):
                return [(k, c.end)] + pred
        if left and k >= c.start and (subjects.starts_with_verb(text, left)
                                      or low_noun in _CASE_NOUNS and _short_verb_phrase(text, left)):
            # "xây mới 610 căn" → "căn xây mới"; "xử phạt hành chính 15 trường hợp" → "trường hợp xử phạt
            # hành chính": the verb says what the cases are (FACTS.md: a generic counted noun)
            return [(k, c.end)] + left
        if left:
            return left
    # members in counted groups ("tại 96 tổ") before the body named ahead of "có"
    members = (subjects.member_groups(text, k, c.end, limit, holes) if not after and not shared and k >= c.start
               else []) or _members_of(text, c, clause_start, s_start, holes)
    if members:
        return members
    if label and clause_start > label[1] and (_has_words(text, subjects.left_phrase(text, clause_start, c.start, holes))
                                             or after and len(text[label[1]:c.start].split()) > 3):
        # "Công tác kiểm tra: kiểm tra 86 tổ chức đảng": a clause of its own under a topic; "…: tổ chức 45
        # hội nghị với 3.600 lượt người tham dự": a noun defined by its own words deep in that clause
        label = None
    if label:
        # "Cá nhân: 18 mô hình" → the noun and the item's label; "Số hộ nghèo: 1.250 hộ" → the label,
        # which names the noun already
        named = noun and f" {low_noun} " in f" {' '.join(text[label[0]:label[1]].lower().split())} "
        return [(k, c.end), label] if k >= c.start and not bare_noun_generic and not named else [label]
    if noun and not after:
        # "nâng tổng số xã về đích nông thôn mới 5/16 xã": the "số <noun> ..." before it,
        # else the one that opens the list the figure is an item of
        lead = text.rfind(":", s_start, clause_start)
        named = (_number_of(text, noun, clause_start, c.start, holes)
                 or (_number_of(text, noun, s_start, lead, holes) if lead > 0 else [])
                 or (_number_of(text, noun, s_start, c.start, holes, across_comma=True)
                     if _number_across_comma(text, s_start, clause_start) else []))
        if named:
            return named
    if noun and not after and not shared:
        named = _same_noun_before(text, noun, clause_start, c.start, holes)
        if named:
            return named
        topic = _topic_of_noun(text, noun, s_start, clause_start)
        if topic:
            # "Hộ nghèo, xã đã giảm được 135 hộ": the sentence's topic names what the clause after it counts,
            # told apart by the verb that tells sibling figures apart ("Nhà văn hóa thôn, … xây mới 24 nhà")
            return [topic] + subjects.distinguishing_verb(text, clause_start, c.start, holes,
                                                           lambda: _has_sibling(text, c, holes, s_start, low_noun))
    if k >= c.start:
        # the noun as the fact writes it ("lượt cán bộ, đoàn viên"), then what defines it
        own = [(k, c.end)]
        if after and not subjects.starts_clause(text, after[0][0]):
            # one stretch when the defining words follow the noun, else pieces around a place
            own = [(k, after[0][1])] + after[1:] if after[0][0] == c.end + 1 else own + after
        # a recipient defines what is given ("10 suất học bổng cho các em học sinh nghèo")
        end = own[-1][1]
        recipient = (_RECIPIENT.match(text, end, limit) if text.find("cho", end, limit) >= 0
                     and not _YIELD.match(text, end + 1, limit) else None)
        given = subjects.right_phrase(text, recipient.end(), limit) if recipient else None
        if given:
            own[-1] = (own[-1][0], given[1])
        if shared:
            return own + shared
        predicate = subjects.predicate_after_place(text, own[-1][1], limit, holes)
        if in_place and predicate and _TENSE_NEXT.match(text, predicate[0][0]):
            predicate = []
        pieces = own + predicate
        # "khám bệnh cho 86.500 lượt người" → "lượt người khám bệnh": "lượt người" says no more than
        # "lượt"; the verb phrase before, with no agent left in it, says what the cases are
        verb = (subjects.distinguishing_verb(text, clause_start, c.start, holes)
                if len(pieces) == 1 and _says_nothing(text, own[0]) else None)
        if verb and _short_verb_phrase(text, verb):
            pieces += verb
        elif len(pieces) == 1 and own[0][1] - own[0][0] <= len(noun) + 1:
            pieces += (subjects.quoted_topic(text, clause_start, c.start)
                       or subjects.average_phrase(text, clause_start, c.start, holes)
                       or subjects.distinguishing_verb(text, clause_start, c.start, holes,
                                                       lambda: _has_sibling(text, c, holes, s_start, low_noun))
                       or subjects.breakdown_label(text, clause_start, c.start, holes,
                                                   opened=lambda: _in_breakdown(text, s_start, clause_start, holes)))
        else:
            # "Bình quân mỗi xã có 4 mô hình “Dân vận khéo”": an average whatever the noun
            pieces += subjects.average_phrase(text, clause_start, c.start, holes)
        return pieces
    return subjects.left_phrase(text, clause_start, c.start, holes)


# "…, trong đó cấp tỉnh 180 hộ, cấp huyện 620 hộ": the items of a breakdown, each named by its label
_BREAKDOWN_OPEN = deferred(r"(?<![\p{L}])trong\s+đó(?![\p{L}])", regex.I)
_BREAKDOWN_STOP = deferred(r"[;!?\n]|\.(?!\d)")  # (the dot of "1.120 mô hình" ends no sentence)


def _in_breakdown(text: str, s_start: int, clause_start: int, holes) -> bool:
    """The clause at ``clause_start`` opens with "trong đó", or follows a
    figure of a list that a "trong đó" of its sentence opens."""
    lo = max(s_start, clause_start - 150)
    if "đó" not in text[lo:clause_start + 12].lower():
        return False  # (the cheap test first)
    opener = last_match(_BREAKDOWN_OPEN, text, lo, clause_start + 12)
    if opener is None or _BREAKDOWN_STOP.search(text, opener.end(), clause_start):
        return False
    if opener.start() >= clause_start:
        return not text[clause_start:opener.start()].strip(" ,")
    before = len(text[:clause_start].rstrip(" ,"))  # (the end of the item before)
    if any(he == before and text[hs].isdigit() for hs, he in holes):
        return True
    # "trong đó lĩnh vực kinh tế 1.120 mô hình, văn hóa - xã hội 686 mô hình": the item
    # before, since the last comma or the opener, states a figure of the list
    item_start = max(text.rfind(",", opener.end(), before), text.rfind(";", opener.end(), before), opener.end())
    return bool(_DIGIT.search(text, item_start, before))


def _has_words(text: str, pieces: list) -> bool:
    """Some piece holds a letter ("/" between two figures holds none)."""
    return any(_WORD.search(text, s, e) for s, e in pieces)


_SENTENCE_END = deferred(r"[!?\n]|\.(?!\d)")


def _says_nothing(text: str, span: tuple[int, int]) -> bool:
    """Every word of the counted noun says nothing of what is counted ("lượt người")."""
    words = text[span[0]:span[1]].lower().split()
    return 1 < len(words) <= 3 and all(w in subjects.SAYS_NOTHING for w in words)


def _has_sibling(text, c, holes, s_start, low_noun: str) -> bool:
    """Another figure of the sentence counts the same noun ("kết nạp 420
    đảng viên, …, xóa tên 12 đảng viên"): the verbs tell them apart."""
    end = _SENTENCE_END.search(text, c.end, c.end + _WINDOW)
    end = end.start() if end else c.end + _WINDOW
    first, last = bisect.bisect_left(holes, (s_start,)), bisect.bisect_left(holes, (end,))
    return any(hs != c.start and text[hs].isdigit() and text[hs:he].lower().endswith(low_noun)
               and _verb_before(text, max(s_start, hs - 60), hs) for hs, he in holes[first:last])


_ITEM_OPEN = deferred(r"(?:^|[,;:]\s|\s(?:và|đã|và\s+đã)\s)(?=[^,;:]*$)", regex.I)


def _verb_before(text: str, lo: int, pos: int) -> bool:
    """The list item that ends at ``pos`` opens with a verb that tells its
    figure apart ("…, xóa tên 12 đảng viên"), not with a noun ("định mức hỗ
    trợ 1 nhà", "lĩnh vực … 21 mô hình")."""
    item = _ITEM_OPEN.search(text, lo, pos)
    start = item.end() if item else lo
    return subjects.starts_with_verb(text, [(start, pos)])


# generic nouns of cases and persons: the verb before them says which ("bị thương 9 người")
_CASE_NOUNS = frozenset({"trường hợp", "lượt", "khoản", "người"})
# "làm" making a harm happen ("làm chết", "làm bị thương", "làm hư hỏng")
_CAUSATIVE = deferred(r"(?<![\p{L}])làm[^\S\n]+(?=(?:chết|bị|mất\s+tích|hư|sập|tốc|ngập|sạt|thiệt)(?![\p{L}]))",
                      regex.I)


_CASE_VERB_WORDS = 8  # (a verb phrase that says what the cases are is short: the tagger asked for no more)


def _short_verb_phrase(text: str, pieces: list) -> bool:
    """The pieces are a short phrase opening with a verb ("xử phạt hành
    chính", "bị thương"); a capital opens a name, no verb."""
    words = text[pieces[0][0]:pieces[-1][1]].split()
    return len(words) <= _CASE_VERB_WORDS and words[0][:1].islower() and subjects.verb_first(text, pieces)


def _last_causative(text: str, pieces: list) -> Optional[int]:
    """Where the harm after the last causative "làm" of the pieces starts."""
    found = None
    for s, e in pieces:
        if holds_letter(text, s, e, "à"):  # (the "à" of "làm")
            found = last_match(_CAUSATIVE, text, s, e) or found
    return found.end() if found else None


def _members_of(text, c, clause_start, s_start, holes) -> list:
    """A body's members ("Ban Chấp hành … gồm 60 ủy viên"); after a count
    of groups, the members of those groups ("906 tổ phụ nữ tiết kiệm với
    20.163 thành viên" → "thành viên tổ phụ nữ tiết kiệm")."""
    if subjects.counted_member(text, c) is None:
        return []  # (no members counted: the clause's body is not looked for)
    prior = (next((h for h in holes if h[1] == clause_start and text[h[0]].isdigit()), None)
             if clause_start > s_start and not _CLAUSE_BREAK.match(text, clause_start - 1) else None)
    if prior:
        # the clause was cut at the figure before: its noun and words are the body
        head = _FIGURE_HEAD.match(text, prior[0], prior[1])
        if not head or head.end() >= prior[1]:
            return []
        return subjects.members_of(text, head.end(), c, [h for h in holes if h != prior])
    return subjects.members_of(text, clause_start, c, holes)


# a sentence's topic: a short noun phrase and its comma, with no figure
_TOPIC_NOUN = deferred(r"[^\S\n]*(?:về[^\S\n]+)?(?P<topic>\p{L}[^\d,;:()\n.]{0,40}?)[^\S\n]*,[^\S\n]*$", regex.I)


def _topic_of_noun(text: str, noun: str, s_start: int, clause_start: int) -> Optional[tuple[int, int]]:
    """The noun phrase a sentence opens with as its topic, set off by a
    comma, when it opens with the counted noun ("Hộ nghèo, xã đã giảm được
    135 hộ" → "Hộ nghèo"); else None."""
    if clause_start <= s_start or clause_start - s_start > 45:
        return None
    m = _TOPIC_NOUN.fullmatch(text, s_start, clause_start)
    if not m:
        return None
    words, head = m.group("topic").lower().split(), noun.lower().split()
    return m.span("topic") if len(words) > len(head) and words[:len(head)] == head else None


def _same_noun_before(text: str, noun: str, clause_start: int, pos: int, holes) -> list:
    """"trong đó hộ nghèo dân tộc thiểu số 3.100 hộ": a noun phrase before
    the figure that opens with the counted noun names what is counted."""
    head = noun.lower().split()
    if not head or head[0] not in text[clause_start:pos].lower():
        return []  # (the phrase's words are the clause's: no noun there, no phrase)
    left = subjects.left_phrase(text, clause_start, pos, holes)
    words = " ".join(text[s:e] for s, e in left).lower().split()
    return left if len(words) > len(head) and words[:len(head)] == head else []


def _number_of(text: str, noun: str, start: int, end: int, holes, across_comma: bool = False) -> list:
    """The "số <noun> ..." phrase that ends at ``end`` ("số tiêu chí các xã
    đạt" before "1 xã đạt 7 tiêu chí"), from the noun on, without the verb
    that states the figure and a place phrase ("Số thuê bao Internet của
    tỉnh đạt 450.000 thuê bao"); with ``across_comma``, a comma before a
    lower-case word inside it joins its items ("Số hộ khá, giàu")."""
    if not holds_letter(text, start, end, "ố"):  # (the "ố" of "số")
        return []
    named = _number_of_noun(noun.split(",")[0].strip(), across_comma).search(text[start:end])
    if not named:
        return []
    what = start + named.start("what"), start + named.end("what")
    # (the noun itself may read as a bare level word: "số xã")
    holes = [h for h in holes if h[0] > what[0]]
    return subjects.left_phrase(text, what[0], what[1], holes, max_words=24, after_verb=False) or [what]


@lru_cache(maxsize=256)
def _number_of_noun(noun: str, across_comma: bool = False) -> regex.Pattern:
    comma = r"|,(?=[^\S\n]*\p{Ll})" if across_comma else ""
    return regex.compile(rf"(?<![\p{{L}}])(?:tổng\s+)?số\s+(?P<what>{regex.escape(noun)}(?![\p{{L}}])"
                         rf"(?:[^,;:()\n]|\([^()\n]*\){comma})*?)\s*$", regex.I)


# the sentence opens with a "số" phrase that runs up to a comma
_NUMBER_THEN_WORDS = deferred(r"[^\S\n]*(?:tổng[^\S\n]+)?số[^\S\n]+(?P<words>[^\d;:\n.%]*),[^\S\n]*$", regex.I)


def _number_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """The sentence opens with "Số <noun> …" whose phrase runs up to the
    comma before ``clause_start`` with no figure and no stating verb ("Số
    hộ khá, giàu tăng …", "Số hộ có nhà tạm, nhà dột nát còn …"): the comma
    joins the items of its own phrase, as in a rate's (``_rate_across_comma``)."""
    if clause_start <= s_start or clause_start - s_start > 80 or not text[s_start:clause_start].rstrip().endswith(","):
        return False  # (the cheap tests first)
    m = _NUMBER_THEN_WORDS.match(text, s_start, clause_start)
    return m is not None and not subjects.states_figure(text, *m.span("words"))


_LIFTED = deferred(r"(?<![\p{L}])lên\s*$", regex.I)
_DIGIT_OR_BRACKET = deferred(r"[\d()]")
_RAISED = deferred(r"(?<![\p{L}])(?:nâng|đưa)\s+(?=(?:tổng\s+)?số\s)", regex.I)
_NUMBER_PHRASE = deferred(r"(?:tổng\s+)?số\s", regex.I)


def _number_is(text, c, s_start, holes, noun: str) -> list:
    """"Số nhà ở cho người có công ... là 1.477 căn", "Tổng số đại biểu
    Hội đồng nhân dân xã do cử tri bầu là 29 vị đại biểu": the "số ..."
    phrase of the clause, commas included, names what is counted when the
    count's noun says nothing of its own or is the phrase's noun."""
    lo = max(s_start, c.start - 12)
    if not _TOTAL_IS.search(text, lo, c.start):
        return []
    semi = _semicolon_start(text, s_start, c.start)
    # (from a later start only: the same search otherwise)
    if semi > lo and not _TOTAL_IS.search(text, semi, c.start) or not may_hold(text[semi:c.start], "số"):
        return []
    whole = subjects.left_phrase(text, semi, c.start, holes, max_words=24, after_verb=False)
    raised = last_match(_RAISED, text, whole[0][0], whole[-1][1]) if whole else None
    if raised:  # "…, nâng tổng số hội viên lên 21.300 người": what the total counts
        whole = [(max(s, raised.end()), e) for s, e in whole if e > raised.end()]
    elif whole and _LIFTED.search(text, lo, c.start) and _DIGIT_OR_BRACKET.search(text, whole[0][0], whole[-1][1]):
        return []  # ("tăng gấp 1,5 lần (từ 2.000 lên 3.000 hộ)": "lên" ends a change, no "số" phrase)
    # "Số thôn … là 142 thôn, số cơ quan … là 86 cơ quan": each item of a list opens its own "số" phrase
    last = next((i for i in range(len(whole) - 1, 0, -1) if _NUMBER_PHRASE.match(text, *whole[i])), 0)
    whole = whole[last:]
    if not whole or not _NUMBER_PHRASE.match(text[whole[0][0]:whole[0][1]]):
        return []
    head = noun.split(",")[0].split()[-1].lower()
    words = " ".join(text[s:e] for s, e in whole).lower().split()
    # ("… là 3.420 lượt người": a noun of generic words only says nothing either)
    generic = noun.lower() in subjects.SAYS_NOTHING or all(w in subjects.SAYS_NOTHING for w in noun.lower().split())
    return whole if generic or head in words else []


def _semicolon_start(text: str, s_start: int, pos: int) -> int:
    """The start of the list item before ``pos``: after the last ";" or ":"
    of the sentence (commas inside a noun phrase do not cut it)."""
    lo = max(s_start, pos - _WINDOW)
    return max(text.rfind(";", lo, pos), text.rfind(":", lo, pos), lo - 1) + 1


def _money_subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label) -> list:
    """What an amount is paid, raised, lent or earned for: the item it
    prices ("2 căn nhà (70 triệu đồng/căn)", "34 căn nhà, trị giá 1,8 tỷ
    đồng"), the verb and its purpose ("hỗ trợ 137 tỷ đồng để đầu tư ..." →
    "hỗ trợ để đầu tư ..."), else the noun phrase before it."""
    if prior is not None and _CHANGE_ONLY.search(text, max(s_start, c.start - 30), c.start) and subject_of.get(id(prior)):
        return subject_of[id(prior)]  # "..., tăng 1,5 triệu đồng so với năm 2020": the same quantity
    bracket = text.rfind("(", max(s_start, c.start - 4), c.start)
    limit = clause_end if clause_end > c.end else c.end + 100
    item = subjects.priced_item(text, s_start, c.start, c.fields.get("per")) if bracket >= 0 else None
    # (from the mark that opens the clause)
    each = (_EACH_ITEM.search(text, max(s_start, clause_start - 3, c.start - 30), c.start)
            if not item and "ỗ" in text[clause_start:c.start] else None)
    if each:
        # "200 suất quà, mỗi suất 500.000 đồng": the price of each item counted before, as "500.000 đồng/suất";
        # else "… được hỗ trợ tiền ăn, mỗi em 936.000 đồng": each one's share of what the clause before gives
        item = (subjects.priced_item(text, s_start, each.start(), each.group("per"))
                or _given_before(text, s_start, each.start()))
    named = item or subjects.money_noun_after(text, c.end, limit)
    if named:
        return [named]
    of_previous = _OF_PREVIOUS.search(text, max(s_start, c.start - 40), c.start) if bracket < 0 else None
    if of_previous and prior is not None and "giá" in of_previous.group():
        gift = _gift_before(text, s_start, prior.start, holes)
        if gift:
            return [gift]
    if prior is not None and (bracket >= 0 or of_previous):
        if prior.type in ("count", "ratio"):
            head = _FIGURE_HEAD.match(text, prior.start, prior.end)
            start = head.end() if head else prior.start
            if start < prior.end:
                if bracket >= 0 or not subject_of.get(id(prior)):
                    return [(start, prior.end)]
                # "cho vay 1.200 hộ nghèo với số tiền 45 tỷ đồng" → "cho vay hộ nghèo"
                given = _GIVEN_TO.search(text, max(s_start, prior.start - 30), prior.start)
                return ([given.span("verb")] if given else []) + subject_of[id(prior)]
    # "Tổng kinh phí bồi thường, hỗ trợ là 86 tỷ đồng": a comma inside the sum's own phrase (as long as a rate's)
    pieces = (subjects.left_phrase(text, s_start, c.start, holes, max_words=subjects.MAX_RATE_WORDS)
              if _sum_across_comma(text, s_start, clause_start) else subjects.left_phrase(text, clause_start, c.start, holes))
    after_figure = clause_start > s_start and not _CLAUSE_BREAK.match(text, clause_start - 1)
    if after_figure and (not pieces or _COPULA.search(text, max(clause_start, c.start - 8), c.start)):
        # "định mức hỗ trợ 1 nhà ở là 50 triệu đồng": the noun phrase before "là"
        # reaches back past a figure inside it
        pieces = subjects.left_phrase(text, _plain_clause_start(text, s_start, c.start), c.start, holes)
    pieces = _holder_of_sum(text, clause_start, c.start, holes) or subjects.drop_generic_head(text, pieces)
    pieces = _yielded(text, pieces)
    person = _person_agent(text, pieces)
    pieces = person or pieces
    purpose = _PURPOSE.match(text, c.end, limit)
    # "để phát triển kinh tế, xã hội vùng ...": a list of nouns goes on past the comma
    what_end = subjects.list_end(text, purpose.start("what"), purpose.end("what"), limit) if purpose else 0
    if purpose:
        what_end = _before_next_amount(text, purpose.start("what"), what_end)
        if not _A_LETTER.search(text, purpose.start("what"), what_end):
            purpose = None  # "chi trả 820 tỷ đồng cho 1,26 triệu lượt …": a link to another figure, no purpose
    if purpose:
        shared = _shared_verb(text, c, prior, subject_of)
        if shared is not None:
            return shared + _without_numbers(text, purpose.start("link"), what_end, holes)
    verb = subjects.support_verb(text, _unlimited(text, clause_start, c.start, holes, pieces))
    if verb and purpose:
        return [verb] + _without_numbers(text, purpose.start("link"), what_end, holes)
    if verb:
        return [verb]
    if purpose and subjects.support_verb(text, pieces, any_head=True):
        # "Ngân sách tỉnh chi 120 tỷ đồng cho giáo dục": the fund's verb and its purpose
        return pieces + _without_numbers(text, purpose.start("link"), what_end, holes)
    link = " ".join(purpose.group("link").lower().split()) if purpose else ""
    if link in _GIVING_LINKS:
        # "tiếp nhận 2,1 tỷ đồng ủng hộ đồng bào bị thiên tai": what the money is given for
        given = _without_numbers(text, purpose.start("link"), what_end, holes)
        return (pieces if pieces and subjects.names_sum(text, pieces) else []) + given
    if pieces:
        # "Chị … được vay 50 triệu đồng để nuôi lợn" → "được vay để nuôi lợn"
        return pieces + (_without_numbers(text, purpose.start("link"), what_end, holes) if person and purpose else [])
    if purpose:
        # ("650 tỷ đồng cho vay ưu đãi hộ nghèo": "cho vay" is the verb "lend", its "cho" no link)
        w = purpose.start("what")
        lends = link == "cho" and text[w:w + 3].lower() == "vay" and not text[w + 3:w + 4].isalpha()
        # ("làm đường", "xây nhà", "xây dựng trường học", "đầu tư hạ tầng": a verb of building or investing with
        # its object is the purpose, the verb kept; only a preposition ("để", "nhằm", "cho") is left out)
        keep_link = lends or link not in _PURPOSE_PREPOSITIONS
        purpose_pieces = _without_numbers(text, purpose.start("link") if keep_link else w, what_end, holes)
        listed = _listed_verb(text, c, prior, s_start, holes) if not label else None
        # ("đóng góp … 1.500 ngày công, 2,3 tỷ đồng làm đường": the verb shared with the figure listed before)
        return ([listed] if listed else []) + purpose_pieces
    changed = _level_after_factor(text, c, s_start, holes) if not pieces and not label else []
    if changed:
        return changed
    if prior is not None and prior.type == "percentage" and _LEVEL_ONLY.fullmatch(text, prior.end, c.start):
        # "Kim ngạch xuất khẩu tăng 15% so với cùng kỳ, đạt 320 triệu USD": the level of what changed
        return subject_of.get(id(prior)) or []
    if not pieces and not prior and _WITH_SUM.match(text, s_start, c.start):
        # "Với tổng kinh phí 12 tỷ đồng, công trình gồm …": the sum of what the sentence goes on about
        comma = _CLAUSE_BREAK.search(text, c.end, c.end + 4)
        holder = subjects.right_phrase(text, comma.end() + 1, limit + _WINDOW) if comma and comma.group() == "," else None
        if holder:
            return [subjects.before_predicate(text, holder)]
    if (not pieces and not prior and of_previous and clause_start > s_start
            and not text[clause_start:of_previous.start()].strip(" ,")):
        # "Xây dựng 12 km đường bê tông, tổng kinh phí 18 tỷ đồng": the sum of what the clause before builds
        return _topic_before(text, s_start, clause_start, holes)
    if (not label and prior is not None and prior.type == "money" and subject_of.get(id(prior))
            and (bracket >= 0 or not _SENTENCE_STOP.search(text, prior.end, c.start)
                 or _SUM_ONLY.fullmatch(text, clause_start, c.start)
                 or _PART_ONLY.fullmatch(text, clause_start, c.start))):
        # "đạt 32 triệu đồng, thấp hơn bình quân chung toàn huyện (38 triệu đồng)",
        # "… của huyện đạt 32 triệu đồng, của xã A đạt 28 triệu đồng": an amount whose
        # clause names no quantity of its own measures the one before it
        return subject_of[id(prior)]
    if not label:
        # "ủng hộ 500 kg gạo và 20 triệu đồng", "giúp nhau 320 ngày công, 150 triệu đồng": an amount
        # listed after another figure with no words of its own shares that figure's verb
        verb = _listed_verb(text, c, prior, s_start, holes)
        return [verb] if verb else []
    return [label]


_BUILDING_LINKS = frozenset({"làm", "xây"})
_PURPOSE_PREPOSITIONS = frozenset({"để", "nhằm", "cho"})
_TIMES_THEN_LEVEL = deferred(r"(?<![\p{L}])(?:(?:cao|lớn|nhiều|tăng)\s+)?(?:gấp|tăng|giảm)(?:\s+(?:gần|hơn|khoảng|trên))?\s+\d[\d,.]*\s+lần[^,;.\d\n]{0,40},"
                             r"\s*(?:ước\s+)?(?:đạt|lên)(?:\s+(?:khoảng|trên|hơn|gần))?\s*$", regex.I)


def _listed_verb(text, c, prior, s_start, holes) -> Optional[tuple[int, int]]:
    """The verb of giving of the figure listed right before the amount ``c``
    (not an amount: "giúp nhau 320 ngày công, 150 triệu đồng" → "giúp"), or None."""
    if prior is None or prior.type == "money" or not _LIST_GAP.fullmatch(text, prior.end, c.start):
        return None
    return subjects.support_verb(text, subjects.left_phrase(text, _plain_clause_start(text, s_start, prior.start),
                                                            prior.start, holes))


def _unlimited(text, clause_start, pos, holes, pieces) -> list:
    """The noun phrase before ``pos`` read further back than the window when
    ``pieces`` fill it ("ngân hàng giải ngân cho vay nước sạch và vệ sinh môi
    trường nông thôn": the verb that opens its last words)."""
    if not pieces or sum(text.count(" ", s, e) + 1 for s, e in pieces) < subjects.MAX_WORDS:
        return pieces  # (fewer words than the window holds: read whole; a count of spaces tells)
    return subjects.left_phrase(text, clause_start, pos, holes, max_words=subjects.MAX_RATE_WORDS)


# "… có tổng mức đầu tư 18 tỷ đồng": a generic name of a sum after the verb that gives it its holder
_HAS_SUM = deferred(r"(?<![\p{L}])có[^\S\n]+(?:tổng[^\S\n]+(?:(?:số|nguồn)[^\S\n]+)?(?:vốn|kinh[^\S\n]+phí|tiền|mức[^\S\n]+đầu[^\S\n]+tư)"
                    r"|số[^\S\n]+tiền)(?:[^\S\n]+(?:đầu[^\S\n]+tư|đăng[^\S\n]+ký))?"
                    r"(?:[^\S\n]+(?:là|khoảng|trên|hơn|gần|ước|dự\s+kiến))*[^\S\n]*$", regex.I)


def _holder_of_sum(text, clause_start, pos, holes) -> list:
    """"Dự án xây dựng cầu dân sinh có tổng mức đầu tư 18 tỷ đồng" → "Dự án
    xây dựng cầu dân sinh": a sum named only generically is the sum of what
    has it (FACTS.md: "tổng kinh phí", "tổng số tiền" never are a subject)."""
    lo = max(clause_start, pos - 40)
    low = text[lo:pos].lower()
    if "có " not in low or "tổng" not in low and "tiền" not in low:
        return []  # (the cheap test first)
    has = _HAS_SUM.search(text, lo, pos)
    return subjects.left_phrase(text, clause_start, has.start(), holes) if has else []


# "…; tổng kinh phí 1,5 tỷ đồng": a clause that names only a sum is the sum of the amounts before it
# "…, đạt 320 triệu USD" after a change: the new level, with no words of its own
_LEVEL_ONLY = deferred(r"[^\S\n]*(?:so[^\S\n]+với[^,;.\d\n]{0,30})?,[^\S\n]*(?:ước[^\S\n]+)?(?:đạt|lên|ở[^\S\n]+mức)"
                       r"(?:[^\S\n]+(?:khoảng|trên|hơn|gần))?[^\S\n]*", regex.I)
# a sentence that opens with "Với" and a sum before the amount
_WITH_SUM = deferred(r"[^\S\n]*với[^\S\n]+(?:tổng[^\S\n]+)?(?:số[^\S\n]+)?(?:kinh[^\S\n]+phí|vốn(?:[^\S\n]+đầu[^\S\n]+tư)?"
                     r"|mức[^\S\n]+đầu[^\S\n]+tư|số[^\S\n]+tiền)(?:[^\S\n]+(?:khoảng|trên|hơn|gần|là|gần|hơn))?[^\S\n]*$",
                     regex.I)
_SUM_ONLY = deferred(r"[\s;,]*(?:tổng\s+(?:số\s+)?(?:kinh\s+phí|số\s+tiền|tiền|vốn|trị\s+giá)|tổng\s+cộng)"
                     r"(?:\s+(?:là|đạt|khoảng|trên|hơn|gần|ước\s+đạt|ước\s+tính))*\s*", regex.I)


# "…; riêng năm 2024 là 350 tỷ đồng": a part of the amount before, named by its time or place alone
_PART_ONLY = deferred(r"[\s;,]*riêng\s+(?:(?:năm|quý|tháng)\s+[\dIVXivx/.\s]+|(?:"
                      + written_pattern(VIETNAMESE_CLASSED) + r")\s+[^,;.\d\n]{2,40}?)\s*(?:là|đạt|có)?\s*", regex.I)


# "… để xây nhà và 20 triệu đồng để sửa chữa nhà": the next amount, with its own purpose
_NEXT_AMOUNT = deferred(r"(?:,[^\S\n]*|[^\S\n]+)(?:(?:và|hoặc)[^\S\n]+)?(?:(?:khoảng|hơn|trên|gần)[^\S\n]+)?\d[\d.,]*"
                        r"[^\S\n]*(?:(?:triệu|tỷ|tỉ|nghìn|ngàn)[^\S\n]+)?đồng", regex.I)
_PURPOSE_THEN_AND = deferred(r"\s*(?:để|nhằm)\s[^\n,.;:()\d]{1,80}?(?:,\s*|\s+)(?:(?:và|hoặc)\s+)?"
                             r"(?:(?:khoảng|hơn|trên|gần)\s+)?$", regex.I)


_GIVEN_WORDS = 6


def _given_before(text: str, s_start: int, end: int) -> Optional[tuple[int, int]]:
    """The verb of giving and its object that end the clause before ``end``
    ("được hỗ trợ tiền ăn" → "hỗ trợ tiền ăn"), when short and with no figure."""
    lo = _last_break(text, max(s_start, end - 80), max(s_start, end - 1))
    verb = last_match(subjects.SUPPORT_VERB, text, lo, end)
    if verb is None:
        return None
    span = subjects.stripped(text, verb.start(), end)
    words = text[span[0]:span[1]].split()
    if not words or len(words) > _GIVEN_WORDS or _DIGIT.search(text, *span):
        return None
    return span


_EACH_ITEM = deferred(r"(?:^|[,;:(][^\S\n]*)(?:mỗi|từng)[^\S\n]+(?P<per>\p{L}+(?:[^\S\n]\p{L}+)?)[^\S\n]*(?:là|được|có)?[^\S\n]*$",
                      regex.I)


def _before_next_amount(text: str, start: int, end: int) -> int:
    """The end of a purpose ``[start, end)`` before the next amount it runs
    into ("để xây nhà cho mỗi hộ nghèo và 20 triệu đồng để …"): that amount
    opens an item of its own."""
    found = _NEXT_AMOUNT.search(text, start, end + 30) if _DIGIT.search(text, start, end) else None
    return found.start() if found and found.start() < end else end


def _shared_verb(text, c, prior, subject_of) -> Optional[list]:
    """The verb an amount shares with the amount before it when both give
    their purpose ("hỗ trợ 40 triệu đồng để xây nhà và 20 triệu đồng để sửa
    chữa nhà" → "hỗ trợ"); None when the amount follows no such one."""
    if prior is None or prior.type != "money" or not subject_of.get(id(prior)):
        return None
    if not _PURPOSE_THEN_AND.fullmatch(text, prior.end, c.start):
        return None
    return [p for p in subject_of[id(prior)] if p[1] <= prior.start]


def _without_numbers(text: str, start: int, end: int, holes) -> list:
    """``[start, end)`` less the numbers of the figures in it ("cho 100 hộ
    nghèo" → "cho", "hộ nghèo"): a subject holds no number."""
    pieces, pos = [], start
    for hs, he in holes:
        if start <= hs < end and text[hs].isdigit():
            head = _FIGURE_HEAD.match(text, hs, he)
            if head and head.end() < he:
                pieces.append((pos, hs))
                pos = head.end()
    # "giải ngân 2,5 tỷ đồng cho 45 hộ vay vốn tại xã Nam Sơn": a place phrase the purpose ends with is the
    # figure's location, no part of its subject
    for hs, he in holes:
        # (a named unit only: "tại các xã vùng cao" names a part, which stays)
        if pos < hs < end and not text[hs].isdigit() and not text[hs:he].islower():
            link = _PLACE_TAIL.search(text, max(pos, hs - 24), hs)
            if link:
                end = link.start()
                break
    pieces.append((pos, end))
    return [(s, e) for s, e in (subjects.stripped(text, s, e) for s, e in pieces) if e > s]


_PLACE_TAIL = deferred(r"[^\S\n]+(?:tại|ở|trên[^\S\n]+địa[^\S\n]+bàn|thuộc)[^\S\n]+(?:(?:các|những)[^\S\n]+)?$", regex.I)


_LABEL = deferred(r"(?:^|[\n;.:]\s*|^\s*[-+•*]\s*)(?P<label>[^\n:;.]{2,60}?)\s*:\s*[^\n:]{0,80}$")


_BULLET_LABEL = deferred(r"[^\S\n]*[-+•*–][^\S\n]*(?P<label>[^\n:;.\d]{2,60}?)(?:[^\S\n]{3,}|\t)$")


# (not "Về phía Hội," the agent's side, nor "Về cơ bản," "Về lâu dài," adverbs)
_TOPIC_LEAD = deferred(r"\s*[-+•*]?\s*về[^\S\n]+(?!(?:phía|cơ\s+bản|lâu\s+dài)(?![\p{L}]))(?P<topic>[^\n,:;.\d]{2,50}?)[^\S\n]*,", regex.I)


def _topic_lead(text: str, s_start: int, pos: int) -> list:
    """"Về dư nợ, đến cuối năm đạt 1.320 tỷ đồng" → "dư nợ": the topic a
    sentence opens with names a figure whose clause names nothing."""
    m = _TOPIC_LEAD.match(text, s_start, pos) if "ề" in text[s_start:s_start + 8].lower() else None
    return [m.span("topic")] if m else []


def _gap_before(text: str, pos: int) -> bool:
    """A tab or three white space characters right before ``pos``: what a
    bullet's column gap ends with (a test before its pattern)."""
    return text[pos - 1:pos] == "\t" or text[pos - 3:pos].isspace()


_ITEM_MARK = deferred(r"(?:\p{Ll}|\d{1,2})\)[^\S\n]+")


def _label(text: str, pos: int, s_start: int) -> Optional[tuple[int, int]]:
    """"Dân số: 540.000 người" → the label before the colon, when the figure
    follows it closely on its line."""
    line_start = text.rfind("\n", 0, pos) + 1
    lo = max(line_start - 1, pos - 100, s_start - 2, 0)
    # "* Công tác Mặt trận, đoàn thể      05/29 vị": a bullet's words set off by a column gap
    m = ((_LABEL.search(text, lo, pos) if _may_label(text, lo, pos) else None)  # in its sentence, after a colon
         or (_BULLET_LABEL.match(text, line_start, pos) if _gap_before(text, pos) else None))
    if not m:
        return None
    s, e = m.span("label")
    while s < e and text[s] in " -+•*":
        s += 1
    mark = _ITEM_MARK.match(text, s, e)
    s = mark.end() if mark else s  # ("a) Số đảng viên mới kết nạp: 86 đồng chí": the item's mark names nothing)
    # "Thu ngân sách năm 2024: 120 tỷ đồng": the label's time is the figure's period, not its name
    timed = _LABEL_TIME.search(text, s, e)
    e = timed.start() if timed and timed.start() > s else e
    words = text[s:e].split()
    if not words or len(words) > 8 or any(ch.isdigit() for ch in text[s:e]) or _LEAD_IN.fullmatch(text, s, e):
        return None
    if _names_place(words):
        return None  # "Huyện Quỳ Hợp: Năm 2023 có 2.500 lao động": the place, not what is counted
    if _speaker().fullmatch(text, s, e):
        return None  # "Ông Nguyễn Văn A: Năm 2024, huyện giảm được 620 hộ nghèo": an interview's speaker
    return s, e


# a Vietnamese unit's level word, or its short form that is no initial
_LEVEL_FIRST = deferred(rf"(?:{written_pattern(VIETNAMESE_CLASSED)}|"
                        rf"{written_pattern(s for s, w in SHORT.items() if w in VIETNAMESE_CLASSED and s not in INITIALS)})\s+",
                        regex.I)


def _names_place(words: list[str]) -> bool:
    """A label of capitalised words that names an administrative unit ("Huyện
    Quỳ Hợp", "SƠN LA", "Mường Khương", "Xã Bắc Hà (mới)"), or an address
    chain ("Xã Nậm Xe, huyện Phong Thổ"): a headline's or a list item's place."""
    if words and words[-1].startswith("(") and len(words) > 2:
        words = words[:-1]  # ("(mới)", "(cũ)": an aside on the unit)
    name = " ".join(words)
    if "," in name:
        return all(_names_place(part.split()) for part in name.split(","))
    level = _LEVEL_FIRST.match(name)
    if level and level.end() < len(name):
        # "Huyện Quỳ Hợp", "Thành phố Hải Phòng", "huyện Phong Thổ": a level word, then a capitalised name
        return all(w[0].isupper() for w in name[level.end():].split())
    if not words or not all(w[0].isupper() for w in words):
        return False
    gaz = gazetteer()
    return len(words) > 1 and (gaz.province(name) is not None or bool(gaz.by_name.get(key(name))))


def _person_agent(text: str, pieces: list) -> list:
    """"Chị Lò Thị Hoa được vay …", "Gia đình ông Vàng A Chứ vay …": a person
    named with a form of address before the verb is who borrows or gives,
    no kind of money: the pieces past the name, else [] (none named, or
    nothing after the name)."""
    if not pieces or not text[pieces[0][0]].isupper():
        return []  # (the cheap test first: a name opens with a capital)
    named = _addressed_name().match(text, pieces[0][0], pieces[0][1])
    if not named or named.end() >= pieces[0][1]:
        return []
    return [(named.end(), pieces[0][1])] + pieces[1:]


@lru_cache(maxsize=1)
def _addressed_name() -> regex.Pattern:
    """A form of address from the persons rules' honorifics (after "Gia
    đình") and a capitalised name, with the space after it."""
    honorifics = load_rules().persons.honorifics
    return regex.compile(rf"(?:gia[^\S\n]+đình[^\S\n]+)?(?:{written_pattern(honorifics)})"
                         rf"(?:[^\S\n]+(?-i:\p{{Lu}})\p{{L}}*)+[^\S\n]+(?=\p{{Ll}})", regex.I)


@lru_cache(maxsize=1)
def _speaker() -> regex.Pattern:
    """Who speaks in an interview: a reporter's label ("PV"), or a form of
    address and a name ("Ông Nguyễn Văn A", "Đồng chí Lò Văn B"), from the
    persons rules' byline labels and honorifics; with the speaker's post
    after a comma or a dash ("Ông Lò Văn A, Chủ tịch UBND huyện")."""
    persons = load_rules().persons
    honorifics = (h[0].upper() + h[1:] for h in persons.honorifics)
    return regex.compile(rf"(?-i:{written_pattern(persons.bylines.bare_labels)}|"
                         rf"(?:{written_pattern(honorifics)})(?:[^\S\n]+\p{{Lu}}\p{{L}}*)+"
                         rf"(?:[^\S\n]*[,–-][^\S\n]*\p{{Lu}}[^\n:]*)?)")


_LABEL_TIME = deferred(r"[^\S\n]+(?:năm|quý|tháng|giai\s+đoạn|nhiệm\s+kỳ)[^\S\n]+[\dIVX][\dIVX/.\-–\s]*$")


# Words that open what follows, not name it: "Trong đó: nhà đại đoàn kết 25 căn",
# "Kết quả: 18/20 chỉ tiêu đạt" (the item's own words name what is counted)
_LEAD_IN = deferred(r"(?:trong\s+(?:số\s+)?đó|cụ\s+thể|kết\s+quả(?:\s+cụ\s+thể)?|bao\s+gồm|gồm(?:\s+có)?|theo\s+đó"
                         r"|tổng\s+cộng|ngoài\s+ra|riêng|đến\s+nay|hiện\s+nay|[^\n]*\s+như\s+sau)", regex.I)


def _may_label(text: str, lo: int, pos: int) -> bool:
    """_LABEL may match in ``[lo, pos)``: after its last colon, at most 80
    characters on their line; before it, at most 60 since the last break
    (a test before the costly pattern)."""
    colon = text.rfind(":", lo, pos)
    if colon < 0:
        return False
    if text.find(")", colon, pos) >= 0 and text.rfind("(", lo, colon) > text.rfind(")", lo, colon):
        return False  # "(Ảnh: Văn Thành) … 890 hộ": a colon inside a bracket (a caption's credit) labels nothing
    after = text[colon + 1:pos].strip()
    if len(after) > 80 or "\n" in after:
        return False
    opener = max(text.rfind(ch, lo, colon) for ch in "\n;.:")
    if opener < 0:
        return lo == 0  # ("^" matches at the text's start only)
    return len(text[opener + 1:colon].strip()) <= 60


_HEADING_LINE = deferred(r"[^\S\n]*[-–+•*]?[^\S\n]*(?P<h>[^\n:;.\d]{2,40}?)[^\S\n]*:[^\S\n]*$")
_ITEM_LINE = deferred(r"[^\n]*\d")


def _list_heading(text: str, label: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The heading a list's items stand under ("Học vấn:" above "Đại học:
    16/29 vị"), when the item's label is only a value of it: it shares no
    word (two syllables) with the heading, and neither names a countable
    noun ("Đại biểu nữ", "Cơ cấu đại biểu:" do)."""
    words = text[label[0]:label[1]].lower().split()
    counted = subjects.counted_nouns()
    if any(" ".join(words[:n]) in counted for n in (1, 2, 3)) or subjects.names_quantity(text[label[0]:label[1]]):
        return None  # "Số hộ nghèo:", "Tỷ lệ hộ nghèo:": the label names what it measures
    end = text.rfind("\n", 0, label[0])
    for _ in range(12):  # the heading's line, above the items before this one
        if end <= 0:
            return None
        start = text.rfind("\n", 0, end) + 1
        head = _HEADING_LINE.fullmatch(text, start, end)
        if head:
            h = head.group("h").lower().split()
            if h[-2:] == ["như", "sau"] or _LEAD_IN.fullmatch(head.group("h")):
                return None  # "Kết quả cụ thể như sau:", "Trong đó:": a lead-in, not what the items are kinds of
            pairs = [" ".join(h[k:k + 2]) for k in range(len(h) - 1)]
            # "Cơ cấu đại biểu:": a heading that names the counted noun has its kinds as
            # items: its noun goes with an item that names none ("Nữ: 12 người" → "đại biểu Nữ")
            if any(p in " ".join(words) for p in pairs):
                return None
            if any(p in counted for p in pairs) or counted & set(h):
                return _noun_in(text, head.span("h"), [p for p in pairs if p in counted] + [w for w in h if w in counted])
            return head.span("h")
        if text[start:end].strip() and not _ITEM_LINE.match(text, start, end):
            return None
        end = start - 1
    return None


def _noun_in(text: str, span: tuple[int, int], nouns: list[str]) -> Optional[tuple[int, int]]:
    """Where the first of ``nouns`` (lower-case) is written in ``span``."""
    low = text[span[0]:span[1]].lower()
    for noun in nouns:
        at = regex.search(rf"(?<![\p{{L}}]){regex.escape(noun)}(?![\p{{L}}])", low)
        if at:
            return span[0] + at.start(), span[0] + at.end()
    return None


_WRAP_LINE = 60  # a line this long without end punctuation was wrapped (PDF text)
_DATE_LINE = deferred(r"\d{1,2}/\d{1,2}/\d{4}")
_HARD_END = deferred(r"[.!?…]+\s+|\n\s*\n")


def _unwrapped_start(text: str, s_start: int) -> int:
    """The start of the sentence, across a wrapped line: in text wrapped
    at a fixed width ("... tăng trưởng toàn cầu năm\n2023 đạt 2,9%"), a line
    break before a number inside a block of long lines breaks no sentence."""
    if s_start < 2 or text[s_start - 1] != "\n" or not text[s_start].isdigit():
        return s_start
    prev = text.rfind("\n", 0, s_start - 1) + 1
    line = text[prev:s_start - 1]
    before = text.rfind("\n", 0, prev - 1) + 1 if prev else 0
    if (not prev or len(line) < _WRAP_LINE or not line[-1].isalpha() or len(text[before:prev - 1]) < _WRAP_LINE
            or _DATE_LINE.match(text, s_start, s_start + 12)):  # no date line under a title
        return s_start
    lo = max(0, s_start - _WINDOW)
    ends = [m.end() for m in _HARD_END.finditer(text, lo, s_start - 1)]
    return ends[-1] if ends else lo


def _plain_clause_start(text: str, s_start: int, pos: int) -> int:
    """The clause start before ``pos`` by punctuation only (figures inside a
    noun phrase, "tỷ lệ hộ nghèo ở 6 huyện ...", do not cut it)."""
    s_start = max(s_start, pos - _WINDOW)
    end = _last_break(text, s_start, pos)
    if end == s_start or text[end - 1] != "\n" or _unwrapped_start(text, end) == end:
        return end  # (the last break, found from the end)
    # a wrapped line's break ("năm\n2023") cuts no clause
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, s_start, pos)
              if m.group() != "\n" or _unwrapped_start(text, m.end()) == m.end()]
    return breaks[-1] if breaks else s_start


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
