"""The subject of each figure (FACTS.md "Context"): the words before or
after it that name what it counts, measures or shares, as pieces of the
normalized text; a list's shared head ("lần lượt là"), an anaphor ("tỷ
lệ này"), a breakdown's base, a rate's head shared across a comma.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Optional

import regex

from ..subjects.vocabulary import GENERIC_NOUNS, SAYS_NOTHING, counted_nouns, head_noun
from ..subjects.verbs import has_predicate, holds_verb, opens_predicate, starts_with_verb, states_figure
from ..subjects.leftward import left_phrase, proportion_phrase, rate_word_in
from ..subjects.money import money_noun_after, sum_column
from ..subjects.clauses import part_after_copula, percent_of
from ..subjects.distinctions import breakdown_label, opens_topic
from ..subjects.tables import table_column, table_row_label
from ...extractors.table_cells import in_table_row
from ...grammar.lazy import deferred, settle
from ...grammar.levels import RANK
from ...scan.budget import UNBOUNDED, StageClock
from ..words import holds_letter
from .clauses import (BRACKET_CHARS, DIGIT, NOTHING_OWN, OPENS_BREAKDOWN, WINDOW, WORD, holes_near,
                      plain_clause_start, unwrapped_start, without_starts_within)
from .place import LIST_GAP, RESPECTIVELY
from .subject_area import area_of_counted, area_of_holder, area_of_owner, area_subject, land_given, part_of_area, sibling_land
from .subject_count import CHANGE_ONLY, LIST_BREAK, before_bracket, breakdown_opener, count_subject, topic_before
from .subject_labels import label_above, line_label, list_heading, topic_lead
from .subject_money import level_after_factor, money_subject


_SHARE_VERB = deferred(r"(?:chiếm|bằng|đạt|tương\s+đương|tương\s+ứng|đạt\s+tỷ\s+lệ|đạt\s+tỉ\s+lệ|chiếm\s+tỷ\s+lệ"
                            r"|chiếm\s+tỉ\s+lệ|với\s+tỷ\s+lệ|với\s+tỉ\s+lệ)"
                            r"\s*(?:khoảng|trên|hơn|gần|dưới|xấp\s+xỉ)?\s*$", regex.I)


def assign_subjects(text: str, numeric: list, clauses: list[tuple[int, int, int]], holes: list[tuple[int, int]],
              facts: dict[int, dict], clock: StageClock = UNBOUNDED) -> None:
    """The subject of each figure of ``numeric`` (sorted), into its fields
    in ``facts``; ``clauses``: each one's sentence start and clause bounds;
    ``holes``: the spans no subject takes (sorted)."""
    # a mention that a figure starts inside ("thôn 5" of "nông thôn 5%") is misread: no hole
    starts = [c.start for c in numeric]
    holes = _with_age_bounds(text, without_starts_within(holes, starts))
    hole_starts = [h[0] for h in holes]
    subject_of: dict[int, list] = {}
    lists: dict[int, tuple[int, int]] = {}  # the listed subject a respective value took its item from
    bare_lists: list[tuple[int, int]] = []  # (first, end): bare numbers listed before the count at end
    for i, (c, (s_start, clause_start, clause_end)) in enumerate(zip(numeric, clauses)):
        clock.check("subject of a figure")
        near = holes_near(holes, hole_starts, clause_start - WINDOW, clause_end + WINDOW, (c.start, c.end))
        # "… lần lượt là 120 và 150 hộ": the end of a list of bare numbers reads its subject from the list's start
        first = _bare_list_start(text, numeric, i)
        # the figure before this one in its sentence, and before its list, if any (figures are sorted by start)
        sentence_start = unwrapped_start(text, s_start)
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
        elif prior and c.type == prior.type and _bound_word_alone(text, pieces):
            # "… là 3.000 đồng/m2, tối đa không quá 5 triệu đồng/hộ": the cap of what the figure before prices
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
        if c.type == "count" and prior is not None:
            pieces = (_part_of_total(text, c, numeric, i, pieces, subject_of, sentence_start)
                      or _sibling_of_quantity(text, c, prior, pieces, subject_of)
                      or _part_of_base(text, c, prior, pieces, subject_of, sentence_start) or pieces)
        # (a piece without a letter, "8" of a table's bare "9,8", names nothing)
        pieces = [p for p in pieces if _LETTER.search(text, p[0], p[1])]
        subject_of[id(c)] = pieces
        facts[id(c)]["subject_spans"] = _with_regard_to(text, c, pieces)
    # "450, 620 và 380 đảng viên": a bare number listed before the count whose
    # noun it shares counts what that count counts
    for first, end in bare_lists:
        for c in numeric[first:end]:
            subject_of[id(c)] = facts[id(c)]["subject_spans"] = list(subject_of.get(id(numeric[end])) or [])


_AGE_UNITS = ("tuổi", "TUỔI", "Tuổi")
_AGE_FROM = deferred(r"(?<![\p{L}])từ[^\S\n]+$", regex.I)
_AGE_BOUND = deferred(r"[^\S\n]+trở[^\S\n]+(?:lên|xuống)(?![\p{L}])", regex.I)


def _with_age_bounds(text: str, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An age's hole with the words that bound it ("người dân [từ 15 tuổi trở
    lên] có tài khoản"): its "từ" and "trở lên"/"trở xuống" are no words of
    what is counted, and the phrase reads on past them as past "trên 15 tuổi"."""
    if "tuổi" not in text and "TUỔI" not in text:
        return holes  # (the cheap test first: one scan of the text)
    out = []
    for s, e in holes:
        if text[e - 4:e] in _AGE_UNITS:
            before = _AGE_FROM.search(text, max(0, s - 6), s)
            after = _AGE_BOUND.match(text, e)
            s, e = before.start() if before else s, after.end() if after else e
        out.append((s, e))
    return out


_PLURAL_BEFORE = deferred(r"(?<![\p{L}])(?:các|những)[^\S\n]+$", regex.I)


def plural_level(text: str, s: int) -> bool:
    """"Các xã đã hoàn thành (12 xã)": a level word alone (a bare place
    mention at ``s``) after "các" or "những" is a plural common noun (the
    communes), no unit's mention: a subject keeps it."""
    return s > 3 and text[s - 2] in "cgCG" and bool(_PLURAL_BEFORE.search(text, max(0, s - 8), s))


_PART_WORDS = 4  # (a part's label is a modifier: "nữ", "dân tộc thiểu số")


_THING_NOUNS = frozenset({"con", "cái", "chiếc"})


def _part_of_total(text: str, c, numeric: list, i: int, pieces: list, subject_of: dict, s_start: int) -> list:
    """"Đảng bộ có 1.240 đảng viên, trong đó nữ 320 đồng chí" → "đảng viên
    nữ": a breakdown's item counted by a noun that says nothing, named by a
    modifier alone, is that part of what the total counts (the total's noun,
    else its subject); [] otherwise."""
    if len(pieces) != 1 or pieces[0][1] > c.start or (c.fields.get("noun") or "").lower() not in GENERIC_NOUNS:
        return []  # (the cheap tests first)
    s, e = pieces[0]
    words = text[s:e].lower().split()
    if len(words) > _PART_WORDS or starts_with_verb(text, pieces):
        return []
    opener = breakdown_opener(text, s_start, s)
    if opener is None and (c.fields.get("noun") or "").lower() not in _THING_NOUNS:
        # "Dân số … là 64.320 người (nam 32.150 người, nữ 32.170 người)": a bracket right after the total opens it
        # (of persons: "Tổng đàn gia súc: 45.678 con (trâu: …; bò: 8.765 con)" names kinds, nouns of their own)
        opener = text.rfind("(", max(s_start, s - 150), s)
        opener = opener if opener > 0 and ")" not in text[opener:s] and text[opener - 1:opener].strip() == "" and \
            text[opener - 2:opener - 1].isalpha() else None
    # (the last figure of the sentence before the opener; figures are sorted by start)
    total = next((f for f in (numeric[k] for k in range(i - 1, -1, -1)) if f.start < s_start or f.end <= opener),
                 None) if opener is not None else None
    total = total if total is not None and total.start >= s_start else None
    if total is None or total.type not in ("count", "ratio") or not subject_of.get(id(total)):
        return []
    if total.type == "count" and (c.fields.get("value") or 0) > (total.fields.get("value") or 0):
        return []  # ("Xã có 36 tổ hợp tác, trong đó: Nữ: 120 người": more than the total is no part of it)
    total_noun = (total.fields.get("noun") or "").lower()
    if total_noun and total_noun not in GENERIC_NOUNS:
        k = text.lower().rfind(total_noun, total.start, total.end)
        base = [(k, k + len(total_noun))] if k >= 0 else subject_of[id(total)]
    else:
        base = subject_of[id(total)]
    total_words = set(" ".join(text[bs:be] for bs, be in subject_of[id(total)] + base).lower().split())
    if words[0] in total_words:
        # ("trong đó đảng viên nữ 320 đồng chí", "7,5 triệu lượt khách, trong đó khách quốc tế 2,1 triệu lượt",
        # "Tổng đàn gia súc …, trong đó đàn trâu 12.300 con": the label opens with the total's own head, a
        # kind of it named whole, no modifier)
        return []
    return base + pieces
_LETTER = deferred(r"\p{L}")
# "Trong (tổng) số 312 cán bộ, …, có": the base a sentence opens with, a count in it; ", trong số đó (có)"
_BASE_BEFORE = deferred(r"[^\S\n]*trong[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+$", regex.I)
_IN_THAT = deferred(r"trong[^\S\n]+số[^\S\n]+đó", regex.I)  # ("trong đó" opens a breakdown: see _part_of_total)
_BASE_AFTER = deferred(r"[^\d;:()\n.]{0,40}?,[^\S\n]*(?:trong[^\S\n]+(?:số[^\S\n]+)?đó[^\S\n]*,?[^\S\n]*)?(?:có[^\S\n]+)?$",
                       regex.I)


def _part_of_base(text: str, c, prior, pieces: list, subject_of: dict, s_start: int) -> list:
    """"Trong tổng số 312 cán bộ, công chức xã, có 168 người là nữ" → "cán
    bộ, công chức xã là nữ": a part of a base counted before, counted by a
    noun that says nothing and named by its own words after it, is that
    part of what the base counts; [] otherwise."""
    noun = (c.fields.get("noun") or "").lower()
    if noun not in GENERIC_NOUNS or prior.type != "count" or len(pieces) != 1 or not subject_of.get(id(prior)):
        return []
    s, e = pieces[0]
    if s != c.end - len(noun) or e <= c.end:
        return []  # (the noun as the fact writes it, then words of its own)
    opened = _BASE_BEFORE.search(text, max(s_start, prior.start - 16), prior.start)
    if not _BASE_AFTER.fullmatch(text, prior.end, c.start) or not (opened or _IN_THAT.search(text, prior.end, c.start)):
        return []
    return subject_of[id(prior)] + [(c.end + 1, e)]


_SIBLING_GAP = deferred(r"[^\S\n]*,[^\S\n]*")
_QUANTITY_HEAD = deferred(r"(?:tổng[^\S\n]+)?số[^\S\n]+", regex.I)
_SIBLING_WORDS = 3  # (a modifier that tells the item from the one before: "trung cấp", "tự nguyện", "nữ")


def _sibling_of_quantity(text: str, c, prior, pieces: list, subject_of: dict) -> list:
    """"Số đảng viên có trình độ lý luận chính trị cao cấp là 12 đồng chí,
    trung cấp 86 đồng chí" → "Số đảng viên có trình độ lý luận chính trị
    trung cấp": a list item named by a modifier alone, right after a count
    of the same noun whose subject is a "số …" phrase, is that phrase with
    the item's modifier in place of as many last words (its "số" and
    counted noun kept); [] otherwise."""
    label = [p for p in pieces if p[1] <= c.start]
    if prior.type != "count" or len(label) != 1 or not _SIBLING_GAP.fullmatch(text, prior.end, label[0][0]):
        return []
    noun = (c.fields.get("noun") or "").lower()
    if noun != (prior.fields.get("noun") or "").lower() and noun not in GENERIC_NOUNS:
        return []
    own = text[label[0][0]:label[0][1]].lower().split()
    whole = subject_of.get(id(prior)) or []
    head = _QUANTITY_HEAD.match(text, whole[0][0], whole[0][1]) if whole and whole[-1][1] <= prior.start else None
    if (not head or len(own) > _SIBLING_WORDS or starts_with_verb(text, label) or head_noun(own, counted_nouns())
            or not text[label[0][0]:label[0][1]].islower()):
        return []  # (a noun of its own, or an abbreviation: "BHTN 43.210 người" after "… BHXH tự nguyện")
    # (the words after "số", through the pieces: the item before may have taken its own modifier so)
    spans = [m.span() for ps, pe in whole for m in WORD.finditer(text, max(ps, head.end()), pe)]
    named = head_noun([text[a:b].lower() for a, b in spans], counted_nouns())
    keep = max(len(named.split()) if named else 1, len(spans) - len(own))
    if keep > len(spans):
        return []
    last = spans[keep - 1][1]
    return [(ps, min(pe, last)) for ps, pe in whole if ps < last] + label


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
           and LIST_GAP.fullmatch(text, numeric[first - 1].end, numeric[first].start)
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
    if c.type != prior.type or c.type == "percentage" or not LIST_GAP.fullmatch(text, prior.end, c.start):
        return False
    noun = (prior.fields.get("noun") or "").lower()
    if (c.fields.get("noun") or "").lower() != noun or not _writes_noun(text, prior, noun):
        return False  # (a bare number listed before the count of its noun takes that count's subject instead)
    return bool(RESPECTIVELY.search(text, s_start, prior.start))


def _writes_noun(text: str, c, noun: str) -> bool:
    """The figure ``c`` writes its noun ``noun`` (lower case) in its own span
    (at its end, or before the item a measure word counts: "120 suất quà")."""
    return f" {' '.join(noun.split())} " in f" {' '.join(text[c.start:c.end].lower().split())} "
_ITEM_SPLIT = deferred(r",[^\S\n]*(?:và[^\S\n]+)?|[^\S\n]+và[^\S\n]+", regex.I)
_ITEM_MOST_WORDS = 6
_FIRST_ITEM_MOST_WORDS = 10  # (the first item carries the head the later ones share: "Tỷ lệ bao phủ bảo hiểm y tế")


def _respective_item(text: str, c, piece, numeric: list) -> list:
    """"Số hộ nghèo, hộ cận nghèo năm 2024 lần lượt là 1.230 hộ và 2.450 hộ":
    values listed after "lần lượt" take the listed items of their subject in
    turn, a later item with the head of the first it repeats a word of ("Số
    hộ cận nghèo"); [] when the subject lists nothing or the values do not
    pair with its items."""
    s, e = piece
    if e > c.start or not (holds_letter(text, e, c.start, "ầ") or holds_letter(text, e, c.start, "ứ")):
        return []  # (the "ầ" of "lần lượt", the "ứ" of "tương ứng")
    resp = RESPECTIVELY.search(text, e, c.start)
    cuts = list(_ITEM_SPLIT.finditer(text, s, e)) if resp else []
    if not cuts:
        return []
    items = [(a, b) for a, b in zip([s] + [m.end() for m in cuts], [m.start() for m in cuts] + [e])]
    if (len(text[items[0][0]:items[0][1]].split()) > _FIRST_ITEM_MOST_WORDS
            or any(len(text[a:b].split()) > _ITEM_MOST_WORDS for a, b in items[1:])):
        return []
    group = _listed_after(text, numeric, resp.end(), len(items) + 1)
    if len(group) != len(items) or c not in group:
        return []
    k = group.index(c)
    if not k:
        return [items[0]]
    spans = [m.span() for m in WORD.finditer(text, *items[0])]
    first = [text[a:b].lower() for a, b in spans]
    own = [text[a:b].lower() for a, b in (m.span() for m in WORD.finditer(text, *items[k]))]
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
        if f.type != group[-1].type or not LIST_GAP.fullmatch(text, group[-1].end, f.start):
            break
        group.append(f)
    return group


def _bound_word_alone(text: str, pieces: list) -> bool:
    """The subject found is a bound's word alone ("tối đa", "tối thiểu"), which
    names no quantity (in "mức cho vay tối đa" it is part of one)."""
    return len(pieces) == 1 and " ".join(text[pieces[0][0]:pieces[0][1]].lower().split()) in _BOUND_WORDS
_BOUND_WORDS = ("tối đa", "tối thiểu", "cao nhất", "thấp nhất")


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


# -- subject ------------------------------------------------------------------


def _subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start) -> list:
    # the sentence and the clause reach back across a wrapped line
    start = unwrapped_start(text, s_start)
    if start < s_start:
        clause_start = plain_clause_start(text, start, c.start) if clause_start == s_start else clause_start
        s_start = start
    # (a table's row label is a label: "| Số hộ thoát nghèo | 320 hộ |")
    label = line_label(text, c.start, s_start) or _row_label(text, c.start) or label_above(text, c.start, c.end)
    if label and opens_topic(text, label[0]) and (_noun_outside(text, c, label) or text[label[1]:c.start].strip(" :\t")):
        # "Về kinh tế: …; cơ cấu nông nghiệp 35%", "* Về giáo dục: 32/45 trường đạt chuẩn": a section's
        # topic names the domain, not what a figure with words of its own is ("Về hộ nghèo: 120 hộ" stays)
        label = None
    wide = _across_bracket(text, s_start, clause_start, c.start, holes)
    if wide:
        clause_start, holes = wide
    opener = _share_in_bracket(text, c, s_start, holes)
    if opener is not None:
        # "nông nghiệp (55%), công nghiệp (25%)", "lĩnh vực đất đai (chiếm 35%)": a share alone in a bracket
        # right after a noun phrase is that phrase's share, read as if written right after it
        c, clause_start = replace(c, start=opener, end=opener), plain_clause_start(text, s_start, opener)
    pieces = (_breakdown_base(text, c, prior, subject_of, label, s_start)
              or _subject_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label)
              or topic_lead(text, s_start, c.start))
    heading = list_heading(text, label) if label in pieces else None
    pieces = _with_bound_word(text, c, pieces)
    if heading in pieces:  # taken over from the count it is the share of
        heading = None
    if heading:
        # "Học vấn:" above "* Đại học: 16/29 vị" → "Học vấn Đại học"
        k = pieces.index(label)
        pieces = pieces[:k] + [heading] + pieces[k:]
    return pieces


_BRACKETED_SHARE = deferred(r"[^\S\n]*\((?:chiếm[^\S\n]+)?$", regex.I)


def _share_in_bracket(text: str, c, s_start: int, holes) -> Optional[int]:
    """Where the bracket opens that holds the percentage ``c`` alone
    ("(55%)", "(chiếm 35%)") right after a word that is no figure's (a noun
    phrase: "1.250 hộ (chiếm 2,1%)" is the count's share); else None."""
    if c.type != "percentage" or not text.startswith(")", c.end) or "(" not in text[max(s_start, c.start - 8):c.start]:
        return None  # (the cheap test first)
    m = _BRACKETED_SHARE.search(text, max(s_start, c.start - 12), c.start)
    if not m or m.start() <= s_start or not text[m.start() - 1].isalpha():
        return None
    # (from the list item's start: "15/15 xã, thị trấn có trạm y tế đạt chuẩn (100%)")
    # (or from the breakdown's "trong đó": "Huyện có 450 hộ, trong đó hộ nghèo (12%) …")
    lo = max(s_start, text.rfind(";", s_start, m.start()) + 1, text.rfind(":", s_start, m.start()) + 1,
             breakdown_opener(text, s_start, m.start()) or 0)
    first, last = bisect.bisect_left(holes, (lo,)), bisect.bisect_left(holes, (m.start(),))
    if any(DIGIT.search(text, hs, he) and "(" not in text[max(lo, hs - 2):hs] for hs, he in holes[first:last]):
        # ("Xã có 1.250 hộ nghèo (chiếm 2,1%)": the share of the figure its clause states; a sibling share
        # in a bracket of its own, "nông nghiệp (35%), công nghiệp (30%)", is none)
        return None
    return m.start()


def _noun_outside(text: str, c, span: tuple[int, int]) -> bool:
    """The figure has a counted noun that ``span``'s words do not hold."""
    noun = (c.fields.get("noun") or "").lower()
    return bool(noun) and f" {noun} " not in " {} ".format(" ".join(text[span[0]:span[1]].lower().split()))
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


def _row_label(text: str, pos: int) -> Optional[tuple[int, int]]:
    if not in_table_row(text, pos):
        return None
    row = table_row_label(text, pos)
    return row[0] if row else None


def _across_bracket(text, s_start, clause_start, pos, holes) -> Optional[tuple[int, list]]:
    """"Tỷ lệ hộ nghèo (theo chuẩn nghèo đa chiều) giảm còn 3,1%": a clause
    after a bracket with no noun phrase of its own reads on before the
    bracket, which is left out (the clause's start and the holes then);
    None otherwise.  A bracket with a figure in it ("(chiếm 2,1%)") is a
    clause of its own."""
    if clause_start <= s_start or text[clause_start - 1] != ")":
        return None
    opener = text.rfind("(", max(s_start, clause_start - BRACKET_CHARS), clause_start)
    inner = text[opener + 1:clause_start - 1] if opener >= 0 else ""
    if opener <= s_start or "\n" in inner or ")" in inner or DIGIT.search(inner):
        return None
    if left_phrase(text, clause_start, pos, holes):
        return None
    start = plain_clause_start(text, s_start, opener)
    if start >= opener:
        return None
    wider = list(holes)
    bisect.insort(wider, (opener, clause_start))
    return start, wider
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
    if OPENS_BREAKDOWN.match(text, prior.end, label[0]):
        return base + [label] if base else []
    # a later item: its total's subject is the item before without that one's label
    prior_label = line_label(text, prior.start, s_start)
    if len(base) > 1 and base[-1] == prior_label and _NEXT_ITEM.match(text, prior.end, label[0]):
        return base[:-1] + [label]
    return []


def _respectively_after_start(text: str, s_start: int, clause_start: int, c) -> bool:
    """"lần lượt" stands between the percentage's clause start (the plain
    one if earlier; past the sentence's start) and the percentage."""
    lo = min(clause_start, plain_clause_start(text, s_start, c.start))
    return lo > s_start and bool(RESPECTIVELY.search(text, lo, c.start))


def _subject_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label) -> list:
    t = c.type
    if c.rule.endswith(".table_cell"):
        # a bare number in a flattened table's cell is the value of its row's quantity, else of its column's heading
        column = ([label] if label and text.count("|", label[1], c.start) else []) or table_column(text, c.start)
        if len(column) == 1 and c.type == "money" and sum_column(text, column[0]):
            # "Nguồn vốn | Số tiền (triệu đồng)" over "Ngân sách tỉnh | 2.500": a column of sums named
            # generically, its rows say what each sum is
            column = table_row_label(text, c.start, any_label=True) or column
        if column:
            return column
    if t == "ratio" and not c.fields.get("noun"):
        # "giải ngân 120,5/150 tỷ đồng vốn đầu tư công": a money noun after the tail names the amounts
        named = money_noun_after(text, c.end, clause_end if clause_end > c.end else c.end + 100)
        if named:
            return [named]
    if t in ("count", "ratio"):
        pieces = (_change_of_prior(text, c, prior, subject_of, s_start)
                  or _level_after_change(text, c, prior, subject_of)
                  or count_subject(text, c, clause_start, clause_end, holes, s_start, label))
        if (t == "count" and (not pieces or " ".join(text[s:e] for s, e in pieces).lower() == (c.fields.get("noun") or "").lower())
                and "lần" in text[max(s_start, c.start - 90):c.start]):
            # (a count named by its noun alone: "…, lên 840 hộ" after the factor)
            changed = level_after_factor(text, c, s_start, holes)
            if changed and not _noun_outside(text, c, (changed[0][0], changed[-1][1])):
                return changed
        return _column_of_noun(text, c, pieces) or _value_in_bracket(text, c, s_start, holes, pieces) or pieces
    if t == "percentage":
        # (the clause is no wider than the reading window)
        # (from the clause's start when it reads across a bracket)
        pieces = (proportion_phrase(text, min(clause_start, plain_clause_start(text, s_start, c.start)),
                                             c.start, holes)
                  if rate_word_in(text, max(s_start, c.start - WINDOW), c.start) else [])
        if not pieces and _respectively_after_start(text, s_start, clause_start, c):
            # "tỷ lệ hộ nghèo của các huyện A, B, C lần lượt là 40%, …": the rate stands before the list
            pieces = proportion_phrase(text, s_start, c.start, holes)
        if not pieces and clause_start > s_start and _rate_across_comma(text, s_start, clause_start):
            # "Tỷ lệ thu gom, xử lý rác thải … đạt 75%": a comma inside the rate's own phrase
            pieces = proportion_phrase(text, s_start, c.start, holes)
        if not pieces and prior is None:
            pieces = _rate_of_bare_figure(text, s_start, clause_start, c, holes)
        if pieces:
            return pieces
        pieces = _shared_rate_head(text, c, prior, subject_of, clause_start, holes, label)
        if pieces:
            return pieces
        # (a change word the span opens with as its qualifier: "…, vượt 5%")
        digit = DIGIT.search(text, c.start, c.end) if text[c.start].isalpha() else None
        head = digit.start() if digit else c.start
        change = CHANGE_ONLY.search(text, max(s_start, c.start - 50), head)
        shared = _SHARE_VERB.search(text, clause_start, c.start) or change
        # "..., giá trị thiệt hại ước tính chiếm 1,5%": a clause of its own after
        # the prior figure's, with its own noun phrase, is about that
        after_prior = not change and prior is not None and bool(LIST_BREAK.search(text, prior.end, clause_start))
        if shared and not after_prior and prior is not None and subject_of.get(id(prior)):
            return subject_of[id(prior)]  # (whatever its own noun phrase)
        # "trên 98% đồng bào dân tộc thiểu số được sử dụng ...": the share of
        # the noun phrase right after the figure (unless a verb such as
        # "chiếm" makes what follows the base), before a prior figure's subject
        # ("12/15 xã đạt ..., 100% thôn có ...": a noun of its own)
        after = [] if shared else percent_of(text, c.end, clause_end, holes)
        if after and opens_predicate(text, after[0][0]):
            # "Trong số 320 lao động được đào tạo, 85% có việc làm": a part named by its predicate alone is
            # of the population counted before (or the base the sentence opens with)
            whole = (subject_of.get(id(prior)) if prior is not None and prior.type in ("count", "ratio")
                     else _base_opener(text, s_start, clause_start, holes) if prior is None else None)
            return (whole + after) if whole else after
        left = left_phrase(text, clause_start, c.start, holes)
        if (prior is None and shared and not change and not _names_own(text, left)
                and _REACHED.search(text, clause_start, c.start)):
            # "Xã đạt 95% số hộ dùng nước hợp vệ sinh", "Đến nay, đạt 92% số thôn có nhà văn hóa": with no
            # quantity named before "đạt" (a unit or nothing), the "số …" phrase after it is the share's own
            # population, as after a share with no verb ("100% số xã …")
            own = percent_of(text, c.end, clause_end, holes) if _COUNTED_AFTER.match(text, c.end) else []
            if own:
                return own
        if after and not (left and _TOTAL_AFTER.match(text, after[0][0], after[0][1]) and not holds_verb(text, left)):
            return after
        # ("…, ngân sách huyện 10% tổng mức đầu tư": a total after the share is its base; the part is named before,
        # by a noun phrase: "Phấn đấu hằng năm kết nạp 3% tổng số đảng viên" shares out the total itself)
        if change and left and left[0][0] >= change.start():
            left = []  # ("…, vượt 5% kế hoạch": the change word is no noun phrase)
        part = [] if left or shared else part_after_copula(text, c.end, clause_end, holes)
        if part:
            # "…, trong đó 89% là đồng bào dân tộc Mông": the part the share names; a bare
            # modifier ("40% là nữ") names the part of what the figure before counts
            # ("Trong số 320 lao động được đào tạo, 85% có việc làm": a part named by its predicate alone too)
            bare = len(text[part[0][0]:part[-1][1]].split()) == 1 or opens_predicate(text, part[0][0])
            whole = (subject_of.get(id(prior)) if prior is not None else _base_opener(text, s_start, clause_start, holes)
                     ) if bare else None
            return (whole + part) if whole else part
        own_clause = bool(left) and after_prior
        # ("Hộ nghèo: 3,2%; hộ cận nghèo: 5,4%": a label of its own after the figure before names the share)
        own_label = label is not None and prior is not None and label[0] >= prior.end
        if (shared and not own_clause or not left) and prior is not None and subject_of.get(id(prior)) and not own_label:
            return subject_of[id(prior)]
        if label:
            # "cơ cấu kinh tế: nông nghiệp 32%, dịch vụ 40%": an item named without a verb
            # under the label is the label's share for that item
            item = breakdown_label(text, clause_start, c.start, holes, in_list=False) if left else []
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
            return topic_before(text, s_start, clause_start, holes)
        return []
    if t == "area":
        pieces = _area_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label)
        opener_end = text.find(",", c.end, clause_end + 1) if _WITH_FIGURE.fullmatch(text, s_start, c.start) else -1
        if opener_end > 0 and pieces and pieces[-1][1] > opener_end:
            # ("Với 45 ha chè, xã có thu nhập cao": the opener's comma ends what the figure measures)
            pieces = [(ps, min(pe, opener_end)) for ps, pe in pieces if ps < opener_end]
        return pieces
    if t == "money":
        pieces = money_subject(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label)
        return _value_in_bracket(text, c, s_start, holes, pieces) or pieces
    return []


_WITH_FIGURE = deferred(r"[^\S\n]*với[^\S\n]+(?:(?:khoảng|hơn|trên|gần)[^\S\n]+)?", regex.I)


def _area_pieces(text, c, clause_start, clause_end, holes, prior, subject_of, s_start, label) -> list:
    """What an area measures: a change's, a sibling's or a counted item's
    land, a "Với diện tích …," opener's holder, land given, the words around
    it, a part of the area before."""
    return (_change_of_prior(text, c, prior, subject_of, s_start) or sibling_land(text, c, prior, subject_of)
            or area_of_counted(text, c, prior, subject_of)
            or area_of_holder(text, c, prior, s_start, clause_end)
            or land_given(text, c, prior, s_start, clause_end) or area_of_owner(text, c, s_start, clause_start, holes)
            or area_subject(text, c, clause_start, clause_end, holes, s_start, label)
            or part_of_area(text, c, prior, subject_of, clause_end))


_REACHED = deferred(r"(?<![\p{L}])đạt\s*(?:khoảng|trên|hơn|gần|xấp\s+xỉ)?\s*$", regex.I)
_COUNTED_AFTER = deferred(r"[^\S\n]+(?:tổng[^\S\n]+)?số[^\S\n]+(?=\p{L})", regex.I)


def _names_own(text: str, left: list) -> bool:
    """The words before the stating verb name a quantity of their own, not
    only a unit by its level word ("Xã", "huyện") or nothing."""
    return bool(left) and text[left[0][0]:left[-1][1]].lower() not in RANK


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
    before = before_bracket(text, c, s_start, holes)
    if not before or noun not in SAYS_NOTHING and _noun_outside(text, c, (before[0][0], before[-1][1])):
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
    return left_phrase(text, m.start("base"), m.end("base"), holes, after_verb=False) if m else []
_RATE_THEN_WORDS = deferred(r"(?:tỷ|tỉ)\s+lệ(?![\p{L}])[^\d;:()\n.%]*,[^\S\n]*$", regex.I)


_RATE_PREDICATE = deferred(r"[^\S\n]+(?:(?:vẫn|còn|đã|đang|chỉ|luôn)[^\S\n]+)*(?:ở[^\S\n]+mức|duy[^\S\n]+trì|giữ)"
                           r"(?![\p{L}])[^\d,;:()\n]*,[^\S\n]*$", regex.I)


def _rate_of_bare_figure(text: str, s_start: int, clause_start: int, c, holes) -> list:
    """"Tỷ lệ hộ nghèo tại các xã khu vực III vẫn ở mức cao, trên 35%": a
    figure alone in its clause after a rate's level ("ở mức", "duy trì")
    is that rate's value: the rate's phrase up to its predicate; []
    otherwise."""
    if clause_start <= s_start or text[clause_start:c.start].strip(" ,"):
        return []
    level = _RATE_PREDICATE.search(text, max(s_start, clause_start - 60), clause_start)
    return proportion_phrase(text, s_start, level.start(), holes) if level else []


def _rate_across_comma(text: str, s_start: int, clause_start: int) -> bool:
    """A "tỷ lệ" of the sentence opens a phrase that runs up to the comma before
    ``clause_start`` with no figure and no stating verb in it ("Tỷ lệ thu gom,
    xử lý …", "Tỷ lệ hộ nghèo, hộ cận nghèo …"): the comma joins the items of
    the rate's own phrase."""
    lo = max(s_start, clause_start - 80)
    if not text[lo:clause_start].rstrip().endswith(",") or not rate_word_in(text, lo, clause_start):
        return False  # (the cheap tests first)
    rate = _RATE_THEN_WORDS.search(text, lo, clause_start)
    return rate is not None and not states_figure(text, rate.start(), clause_start)


def _column_of_noun(text, c, pieces) -> list:
    """"Huyện | Số hộ nghèo" … "| 3.200 hộ |": a count in a flattened table's
    cell that says no more than its noun takes its column's heading when the
    heading names that noun."""
    if len(pieces) != 1 or not in_table_row(text, c.start):
        return []
    noun = (c.fields.get("noun") or "").lower()
    if not noun or text[pieces[0][0]:pieces[0][1]].lower() != noun:
        return []
    column = table_column(text, c.start)
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
    if noun != (prior.fields.get("noun") or "").lower() and noun not in GENERIC_NOUNS:
        return []  # ("87 học sinh …, tăng 15 em": a generic noun repeats the count's)
    if not (CHANGE_ONLY.search(text, max(s_start, prior.end, c.start - 30), c.start)
            or _NEW_LEVEL.search(text, max(s_start, prior.end, c.start - 45), c.start)
            or _FROM_BEFORE.search(text, max(s_start, prior.start - 6), prior.start)
            and _TO_LEVEL.fullmatch(text, prior.end, c.start)
            or _FROM_IN_BRACKET.fullmatch(text, prior.end, c.start)):
        return []
    # ("… xuống còn 520 hộ (năm 2024)": a bracket of the value's time is no words of its own)
    # ("(từ 1.120 hộ xuống 875 hộ)": the direction to the next level is no words of its own either)
    own_words = not (NOTHING_OWN.match(text, c.end, c.end + 20) or _TIME_BRACKET.match(text, c.end, c.end + 12)
                     or _TO_NUMBER.match(text, c.end, c.end + 24))
    return [] if own_words else subject_of[id(prior)]


_LEVEL_REACHED = deferred(r"[^,;()\d]{0,30},[^\S\n]*(?:đạt|còn|lên|xuống[^\S\n]+còn)[^\S\n]+"
                          r"(?:(?:khoảng|hơn|trên|gần)[^\S\n]+)?", regex.I)
_COUNT_OF = deferred(r"(?:tổng[^\S\n]+)?số[^\S\n]+", regex.I)


def _level_after_change(text, c, prior, subject_of) -> list:
    """"Số doanh nghiệp thành lập mới tăng 15% so với cùng kỳ, đạt 245 doanh
    nghiệp": the level a count reaches after the change in percent of a
    "số …" phrase of its noun counts what that phrase counts; [] otherwise."""
    pieces = subject_of.get(id(prior)) if prior is not None and prior.type == "percentage" else None
    if not pieces or not _LEVEL_REACHED.fullmatch(text, prior.end, c.start):
        return []
    lead = _COUNT_OF.match(text, pieces[0][0], pieces[0][1])
    noun = " ".join((c.fields.get("noun") or "").lower().split())
    if not lead or not noun or not f"{' '.join(text[lead.end():pieces[0][1]].lower().split())} ".startswith(noun + " "):
        return []
    own_words = not (NOTHING_OWN.match(text, c.end, c.end + 20) or _TIME_BRACKET.match(text, c.end, c.end + 12))
    return [] if own_words else pieces


# the direction a change over time goes to its new level: "xuống còn", "lên mức khoảng"
_TOWARDS = r"(?:xuống|lên)(?:[^\S\n]+(?:còn|mức|đến|tới))?[^\S\n]+(?:(?:khoảng|hơn|trên|gần|dưới)[^\S\n]+)?"
_TO_NUMBER = deferred(r"[^\S\n]+" + _TOWARDS + r"\d", regex.I)
_TIME_BRACKET = deferred(r"[^\S\n]*\((?:năm|tháng|quý)[^\S\n]", regex.I)
# "có 450 hộ nghèo, (đến cuối năm 2024) giảm còn 310 hộ": the new level of the same count
_NEW_LEVEL = deferred(r"[,;]\s*(?:(?:(?:đến|tới|sang)\s+)?(?:(?:cuối|đầu|hết)\s+)?(?:năm\s+(?:19|20)\d\d\s*,?\s*)?"
                      r"(?:đã\s+)?(?:giảm|tăng)\s+(?:xuống\s+|lên\s+)?(?:còn|lên|đến|tới|thành)"
                      # "giảm 35 em, còn 12 em": the level left after the change
                      r"|(?:(?:đến|tới)\s+nay\s*,?\s*|hiện\s+)?(?:chỉ\s+)?còn(?:\s+lại)?"
                      # "…; so với đầu năm giảm 620 hộ": a change against a base written first
                      r"|so\s+với\s+(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|(?:19|20)\d\d))?|(?:đầu|cuối)\s+năm(?:\s+(?:19|20)\d\d)?"
                      r"|năm\s+(?:trước|(?:19|20)\d\d))\s*,?\s*(?:đã\s+)?(?:giảm|tăng)(?:\s+thêm)?)\s*$", regex.I)
# "giảm từ 1.245 hộ (năm 2021) xuống còn 520 hộ": the level a change over time reaches, after the one it starts from
_FROM_BEFORE = deferred(r"(?<![\p{L}])từ[^\S\n]+$", regex.I)
# "Hộ nghèo giảm 245 hộ (từ 1.120 hộ xuống 875 hộ)": the start of the change over time a bracket explains
_FROM_IN_BRACKET = deferred(r"[^\S\n]*\([^\S\n]*từ[^\S\n]+(?:(?:khoảng|hơn|trên|gần)[^\S\n]+)?", regex.I)
_TO_LEVEL = deferred(r"(?:[^\S\n]*\([^()\n]{1,30}\))?[^\S\n]+" + _TOWARDS, regex.I)
_RATE_HEAD = deferred(r"(?:tỷ|tỉ)\s+lệ(?![\p{L}])", regex.I)
_ITEM_VERB = deferred(r"(?:^|\s)(?:tăng|giảm(?!\s+còn)|hơn|vượt|so)(?![\p{L}])", regex.I)
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
    item = left_phrase(text, clause_start, c.start, holes)
    if not item and label and not text[label[1]:c.start].strip(" \t:"):
        item = [label]
    own = [m.span() for s, e in item for m in WORD.finditer(text, s, e)]
    if not own or len(own) > _ITEM_MOST or _RATE_HEAD.match(text, item[0][0], item[0][1]):
        return []
    # "…; riêng khu vực nông thôn 94,8%", "…, trong đó thể thấp còi 9%": the rate of a part of the whole's
    # population (not "riêng hộ đồng bào … chiếm 75%": that part's share)
    part = (_PART_OPEN.match(text, clause_start, c.start) is not None and not has_predicate(text, item)
            and "chiếm" not in text[clause_start:c.start].lower())
    if len(base) > 1 and LIST_BREAK.search(text, base[-2][1], base[-1][0]) and not has_predicate(text, item):
        # "…, nông thôn 6,8%, vùng đồng bào dân tộc thiểu số 14,5%": the item before took
        # the head over; a later item takes the same head in place of that item's words
        return base[:-1] + item
    if len(own) > 4 and not part:
        return []
    words = [m.span() for s, e in base for m in WORD.finditer(text, s, e)]
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


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
