"""Headings that open a section of an article (a short capitalised line
standing alone): a time stated under a heading holds to its end.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Optional

import regex

from ...grammar.lazy import deferred, settle
from .clauses import NOT_IN_HEADING, line_starts


_HEADING = deferred(r"(?m)^[^\S\n]*(?P<h>\p{Lu}[^\n.!?:;…|]{8,90}[^\n.!?:;…|,\s])[^\S\n]*\n[^\S\n]*\n")
_NON_BLANK_LINE = deferred(r"\n(?=[^\S\n]*\S)")
# what a heading never ends with (its last character is the line's last one
# that is no white space)
_NOT_HEADING_END = NOT_IN_HEADING | {","}
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
    return len(line.strip()) > _HEADING_CHARS or not NOT_IN_HEADING.isdisjoint(line)


def section_starts(text: str, lines: Optional[list[int]] = None, other: Optional[int] = -1) -> list[int]:
    """Where sections start: after each subheading (a short line without end
    punctuation, alone between blank lines, that is no photo caption), and
    at each paragraph of a page's list of other stories ("Tin cùng chuyên
    mục", "Có thể bạn quan tâm"): each is a report of its own.  ``lines``:
    where the text's lines start, if known; ``other``: :func:`other_stories_at`,
    if known (-1: not known)."""
    starts = []
    end = 0
    lines = line_starts(text) if lines is None else lines
    if other == -1:
        other = other_stories_at(text, lines)
    for pos, line_end in zip(lines, itertools.chain(itertools.islice(lines, 1, None), (len(text) + 1,))):
        line_end -= 1
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


def other_stories_at(text: str, lines: list[int]) -> Optional[int]:
    """Where the line that opens a page's list of other stories ("Tin cùng
    chuyên mục", "Bài viết liên quan") ends; None without one.  ``lines``:
    where the text's lines start."""
    for pos, line_end in zip(lines, itertools.chain(itertools.islice(lines, 1, None), (len(text) + 1,))):
        line_end -= 1
        if 0 < line_end - pos <= _OTHER_STORIES_LINE and _OTHER_STORIES.fullmatch(text, pos, line_end):
            return line_end
    return None


# the line that opens a page's list of other stories (a line of at most
# _OTHER_STORIES_LINE characters)
# ("Tin/Bài viết/Video cùng chuyên mục", "Bài liên quan", "Tin đã đưa", "Tin mới hơn": a
# portal's names for it, whatever the item's word)
_OTHER_STORIES = deferred(r"\s*(?:có\s+thể\s+bạn\s+quan\s+tâm|(?:các\s+)?tin\s+(?:mới(?:\s+nhất)?|đọc\s+nhiều|nổi\s+bật)"
                               r"|(?:các\s+)?(?:tin|bài|bài\s+viết|tin\s+bài|video)\s+(?:liên\s+quan|khác|cùng\s+chuyên\s+mục"
                               r"|đã\s+đưa|(?:mới|cũ)\s+hơn)|xem\s+thêm|đọc\s+thêm)\s*:?\s*", regex.I)
_OTHER_STORIES_LINE = 30


# "Kbang: Trao 1.500 suất quà (20/12/2024)": a story's post date in a bracket closing its line
_POST_DATE = deferred(r"\([0-3]?\d/[01]?\d/(?:19|20)\d\d\)[^\S\n]*(?=\n|$)")


def post_dates(text: str, other: Optional[int]) -> list[tuple[int, int]]:
    """The spans of the post dates in a page's list of other stories (after
    ``other``, from :func:`other_stories_at`): when a story was posted, no
    time of the figures in its headline."""
    return [m.span() for m in _POST_DATE.finditer(text, other)] if other is not None else []


def section_start(sections: list[int], pos: int) -> int:
    i = bisect.bisect_right(sections, pos) - 1
    return sections[i] if i >= 0 else 0


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
