"""Flattened tables: "STT | Đơn vị | Số hộ |" over rows "1 | Xã An | 120 |".

A scraped table arrives as lines of cells joined by "|"; the header line
says what a column's numbers are (a noun, a unit).  These helpers find the
header cell above a position.

>>> t = "STT | Xã | Số hộ |\\n1 | An Phú | 120 |"
>>> header_cell(t, t.index("120"))
'Số hộ'
"""

from __future__ import annotations

from typing import Optional

import regex


def header_cell(text: str, pos: int) -> Optional[str]:
    """The header cell of the column holding ``pos``, or None when ``pos``
    is not in a table row (or is in the header line itself)."""
    span = header_cell_span(text, pos)
    return text[span[0] : span[1]] if span else None


def header_cell_span(text: str, pos: int) -> Optional[tuple[int, int]]:
    """Where :func:`header_cell` reads its cell (white space around cut)."""
    cell = header_cell_bounds(text, pos)
    if cell is None:
        return None
    written = text[cell[0]:cell[1]]
    start = cell[0] + len(written) - len(written.lstrip())
    return start, start + len(written.strip())


def header_cell_bounds(text: str, pos: int) -> Optional[tuple[int, int]]:
    """The whole header cell (white space and all) of the column holding
    ``pos``; None when ``pos`` is not in a table row below the header."""
    ls = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    if text.find("|", ls, line_end if line_end >= 0 else len(text)) < 0:
        return None
    column = text.count("|", ls, pos)
    start, cells = header_line(text, ls)
    if column >= len(cells):
        return None
    start += sum(len(c) + 1 for c in cells[:column])
    return start, start + len(cells[column])


def header_line(text: str, line_start: int) -> tuple[int, list[str]]:
    """Where the flattened table whose row starts at ``line_start`` has its
    header (the first of the lines holding "|" right above), and that
    line's cells; no cells when the row is that line."""
    head = line_start
    while head > 0:
        prev = text.rfind("\n", 0, head - 1) + 1
        if text.find("|", prev, head) < 0:
            break
        head = prev
    if head == line_start:
        return head, []
    end = text.find("\n", head)
    return head, text[head:end if end >= 0 else len(text)].split("|")


def row_label_span(text: str, pos: int) -> Optional[tuple[int, int]]:
    """The first cell of the table row holding ``pos`` (white space cut),
    which labels the row ("Số hộ nghèo (hộ) | 1.250 | 980"); None when
    ``pos`` is in that cell or not in a table row.

    >>> t = "Chỉ tiêu | 2023 | 2024\\nSố hộ (hộ) | 120 | 98"
    >>> s = row_label_span(t, t.index("98")); t[s[0]:s[1]]
    'Số hộ (hộ)'
    """
    ls = text.rfind("\n", 0, pos) + 1
    bar = text.find("|", ls, pos)
    if bar < 0:
        return None
    if text[ls:bar].strip() == "" and text.count("|", bar + 1, pos) >= 1:
        # a row written "| label | 120 |": the label is the second cell
        ls, bar = bar + 1, text.find("|", bar + 1, pos)
    cell = text[ls:bar]
    if not cell.strip():
        return None
    start = ls + len(cell) - len(cell.lstrip())
    return start, start + len(cell.strip())


def unit_in_brackets(units: str) -> regex.Pattern:
    """The pattern of a unit in brackets as a column's header or a row's
    label gives it ("(tỷ đồng)", "(ha)"): ``units`` an alternation, the
    unit in group ``unit``; for :func:`bracketed_unit`."""
    return regex.compile(rf"\(\s*(?P<unit>{units})\s*\)", regex.IGNORECASE)


def bracketed_unit(text: str, pos: int, pattern) -> Optional[object]:
    """The match of ``pattern`` (a unit in brackets: "(tỷ đồng)", "(ha)")
    in the header of the column holding ``pos``, else in its row's label
    ("Dự toán (tỷ đồng) | ..." over "Thu nội địa | 1.250"); None when neither
    gives one, or ``pos`` is not in a table's body."""
    cell = header_cell_span(text, pos)
    if cell is None:
        return None
    found = pattern.search(text, cell[0], cell[1])
    if found is None:
        label = row_label_span(text, pos)
        found = pattern.search(text, label[0], label[1]) if label else None
    return found


def cell_is_bare(text: str, start: int, end: int) -> bool:
    """True when [start, end) fills its cell alone ("| 120 |")."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rsplit("|", 1)
    after = text[end : (text.find("\n", end) + 1 or len(text) + 1) - 1].split("|", 1)
    return len(before) == 2 and not before[1].strip() and len(after) == 2 and not after[0].strip()
