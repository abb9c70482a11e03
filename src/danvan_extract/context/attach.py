"""Give every numeric candidate its context (subject, location, period)
and the document its title, date and main place.

Works on the normalized text and the chosen candidates; spans of the
subject are returned in the normalized text, for the pipeline to take
as written from the caller's string.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from ..dateline import find_date_line, lines_with_offsets, stamp_lines
from ..registry import NUMERIC_TYPES
from ..scan.budget import UNBOUNDED, StageClock
from .document_info import (after_merger, agency_lines, find_title, main_place, national_by_default, not_venues,
                            site_provinces)
from .figure.clauses import (START, bounds_around, sentence_bounds, clause_end_after, clause_start_before, end_of, inside_any, overlaps,
                             right_after, start_of)
from .figure.period import deadlines, figure_period
from .figure.place import Places, figure_location, sole_province, place_record, respective_year
from .figure.repeats import periods_of_repeats
from .figure.sections import other_stories_at, post_dates, section_starts
from .figure.subject import assign_subjects, plural_level
from .periods.find import find_times
from .places.find import find_places
from .places.record import PlaceMention
from .words import Openers


@dataclass
class DocumentContext:
    """The article's own context and each numeric candidate's."""

    title: Optional[tuple[int, int]] = None
    published: Optional[str] = None
    location: Optional[dict] = None
    facts: dict[int, dict] = field(default_factory=dict)  # id(candidate) → fields


def _without_figure_number(p: PlaceMention, figure_spans: list[tuple[int, int]]) -> PlaceMention:
    """``p`` without a last number that starts a figure ("tặng thôn Đồng Quan 1 bộ
    loa": the village is "Đồng Quan", the "1" counts the gift)."""
    if not p.name or not p.name[-1].isdigit() or " " not in p.name or not overlaps(figure_spans, p.end - 1):
        return p
    head, _, last = p.name.rpartition(" ")
    return replace(p, name=head, end=p.end - len(last) - 1)


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
    times = find_times(text, out.published, openers)
    if skip or doc_ends:
        times = [t for t in times if not inside_any(skip, t.start) and not right_after(text, doc_ends, t.start)]
    # a level word that is a figure's counted noun ("6/21 xã") names no unit, nor does
    # a figure's number ("nông thôn 15%": no "thôn 15")
    figure_spans = sorted(other_spans)
    clock.check("times")
    places = Places(text, (_without_figure_number(p, figure_spans)
                           for p in find_places(text, surnames=surnames, openers=openers,
                                                legacy=not after_merger(out.published))
                           if not (chrome and inside_any(chrome, p.start))
                           and not ((p.bare or p.name and p.name[0].isdigit()) and overlaps(figure_spans, p.end - 1))))
    clock.check("places")
    sentences, paragraphs, full_stops = sentence_bounds(text)
    first_body = out.title[1] + 1 if out.title else 0
    lead_end = end_of(paragraphs, first_body + 1, len(text)) if text else 0
    # "Bí thư Thành ủy TP HCM" in a headline: the person's post, not the article's place
    posts = [(c.start, c.end) for c in roles if out.title and c.start < out.title[1] and c.end > out.title[0]]
    reported = not_venues(text, places)
    # (the lead is the body's first paragraph, below the date line under the headline)
    body_lead_end = _lead_past_date(text, date_line, paragraphs, first_body, lead_end)
    # (a site line's unit, "Hội LHPN tỉnh Đắk Lắk", counts only when the article names none of its own)
    # (the units of a page's list of other stories are theirs, not the article's)
    other = other_stories_at(text, paragraphs)
    if other is not None:
        reported = [p for p in reported if p.start < other]
        posted = post_dates(text, other)
        times = [t for t in times if not inside_any(posted, t.start)] if posted else times
    site = agency_lines(head, out.title)
    main = (main_place([p for p in reported if not inside_any(site, p.start)], out.title, body_lead_end, posts, text,
                       [p for p in reported if inside_any(site, p.start)] or site_provinces(head, site))
            if site else None) or main_place(reported, out.title, body_lead_end, posts, text)
    if (main is None or main.start >= lead_end) and national_by_default(text, out.title, reported):
        main = PlaceMention(0, 0, "quốc gia", "Việt Nam", None, None, written=False)
    main = main or sole_province(places)
    out.location = place_record(main, places, main) if main else None
    if not numeric:
        return out  # (an article without figures: its own context alone)
    times = deadlines(text, times)
    time_starts = [t.start for t in times]
    sections = section_starts(text, paragraphs, other)
    place_starts = [p.start for p in places]
    # every other figure, measure or date is no part of a subject
    # (a level word after "các"/"những" is a plural noun a subject keeps: "Các xã đã hoàn thành (12 xã)")
    holes = sorted([(t.start, t.end) for t in times] + [(p.start, p.end) for p in places
                                                         if not (p.bare and plural_level(text, p.start))] + mentions)
    clauses = []
    for c in numeric:
        clock.check("period and place of a figure")
        s_start, s_end = bounds_around(sentences, c.start, len(text))
        p_start = start_of(paragraphs, c.start)
        clause_start = clause_start_before(text, s_start, c.start, other_spans, places, place_starts)
        clause_end = clause_end_after(text, c.end, s_end)
        period = (respective_year(text, c, times, time_starts, (s_start, s_end), other_spans)
                  or figure_period(text, c, times, time_starts, p_start, clause_end, out.title, body_lead_end, sections))
        location = figure_location(text, c, places, place_starts, (s_start, s_end), p_start, clause_end, main,
                             other_spans, full_stops)
        out.facts[id(c)] = {"period": period, "location": location}
        clauses.append((s_start, clause_start, clause_end))
    # (the subjects in a pass of their own: the code of each pass stays at hand)
    assign_subjects(text, numeric, clauses, holes, out.facts, clock)
    clock.check("subjects")
    periods_of_repeats(text, numeric, out.facts, out.title, times, paragraphs)
    return out


def _lead_past_date(text: str, date_line, paragraphs: list[int], first_body: int, lead_end: int) -> int:
    """The end of the lead when a date line stands right above it (under
    the headline, or opening the page): the body paragraph after the date
    line, not the date line, is the lead that names the article's unit."""
    if date_line and date_line[1] >= first_body and not text[first_body:date_line[1]].strip():
        return end_of(paragraphs, date_line[2] + 2, len(text))
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
    numeric.sort(key=START)
    doc_ends.sort()
    return numeric, doc_ends, roles, spans
