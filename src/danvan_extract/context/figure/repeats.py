"""A figure of a headline or heading repeated in the body takes the
body's period: the same figure, or one rounded ("hơn 300" for 312).
"""

from __future__ import annotations

import itertools
from typing import Optional

from ...grammar.lazy import deferred, settle
from ...grammar.levels import RANK as _RANK
from .clauses import bounds_around
from .period import time_within


def periods_of_repeats(text, numeric, facts, title, times, lines) -> None:
    """A figure in a headline or subheading takes the period of the body
    figure it repeats (FACTS.md), and none from before it, a headline's
    figure its place too; a figure said
    again without a time ("Dưới đây là toàn bộ 34 Nghị quyết ...") keeps the
    time it had when first said."""
    starts = [t.start for t in times]
    untimed = []
    for i, c in enumerate(numeric):
        line = _heading_line(text, c.start, title, lines)
        if line is not None and not time_within(times, starts, *line):
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
    start, end = bounds_around(lines, pos, len(text) + 1)
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


def _figure_text(text: str, c) -> str:
    return " ".join(text[c.start:c.end].lower().split())


def _same_figure(text: str, a, b) -> bool:
    return _figure_text(text, a) == _figure_text(text, b)


def _figure_key(text: str, c) -> str:
    """The figure as written and the three words after it, in lower case."""
    return " ".join(text[c.start:c.end + 40].lower().split()[:len(text[c.start:c.end].split()) + 3])


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
