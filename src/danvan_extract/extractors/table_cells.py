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

from ..grammar.lazy import deferred, settle
from ..grammar.pattern_cache import compile_regex


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
    start, cells = header_line(text, ls)
    if not cells:
        return None  # (the row is the header: counting its bars would cost the line's length a figure)
    column = text.count("|", ls, pos)
    if column >= len(cells):
        return None
    start += sum(len(c) + 1 for c in cells[:column])
    return start, start + len(cells[column])


def in_table_row(text: str, pos: int) -> bool:
    """A flattened table's bar stands before ``pos`` on its line: ``pos``
    lies in a row's cell."""
    return text.find("|", text.rfind("\n", 0, pos) + 1, pos) >= 0


def _table_start(text: str, line_start: int) -> int:
    """Where the flattened table whose row starts at ``line_start`` starts:
    the first of the lines holding "|" right above it (``line_start`` when
    the line above holds none)."""
    head = line_start
    while head > 0:
        prev = text.rfind("\n", 0, head - 1) + 1
        if text.find("|", prev, head) < 0:
            break
        head = prev
    return head


def header_line(text: str, line_start: int) -> tuple[int, list[str]]:
    """Where the flattened table whose row starts at ``line_start`` has its
    header (its first line), and that line's cells; no cells when the row
    is that line."""
    head = _table_start(text, line_start)
    if head == line_start:
        return head, []
    end = text.find("\n", head)
    return head, text[head:end if end >= 0 else len(text)].split("|")


_YEAR = deferred(r"(?:19|20)\d\d(?![\d.,])")


def first_row_figure(text: str, pos: int) -> bool:
    """True when ``pos`` is in the first line of a table, past its first
    cell, and no year stands there: a table without a header line
    ("Diện tích thu hồi (ha) | 45,6 | 32,1"), whose rows' labels say what
    the figures are (a header line's figures are years: "Chỉ tiêu (ha) |
    2023 | 2024")."""
    ls = text.rfind("\n", 0, pos) + 1
    if "|" not in text[ls:pos] or _YEAR.match(text, pos):
        return False
    return _table_start(text, ls) == ls


def header_cells_before(text: str, cell: tuple[int, int]) -> list[str]:
    """The header line's cells before ``cell`` (a span from
    :func:`header_cell_span`), white space cut, lower-cased."""
    ls = text.rfind("\n", 0, cell[0]) + 1
    return [c.strip().lower() for c in text[ls : cell[0]].split("|")[:-1]]


def header_cells(text: str, cell: tuple[int, int]) -> list[str]:
    """Every cell of the header line holding ``cell``, white space cut,
    lower-cased."""
    ls = text.rfind("\n", 0, cell[0]) + 1
    le = text.find("\n", cell[1])
    return [c.strip().lower() for c in text[ls : len(text) if le < 0 else le].split("|")]


# An order number heading a row: "1", "2.", "II", "a)".
_ORDER_CELL = deferred(r"\d{1,3}\.?|[IVXLivxl]{1,6}\.?|\p{Ll}\)")


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
    if _ORDER_CELL.fullmatch(cell.strip()) and text.count("|", bar + 1, pos) >= 1:
        # "1 | Số hộ nghèo (hộ) | 120": an order number (STT) before the label
        ls, bar = bar + 1, text.find("|", bar + 1, pos)
        cell = text[ls:bar]
    if not cell.strip():
        return None
    start = ls + len(cell) - len(cell.lstrip())
    return start, start + len(cell.strip())


# The header of a column of units of measure ("ĐVT": đơn vị tính), which
# report tables put between an indicator and its figures.
_UNIT_HEAD = deferred(r"đvt|đơn\s+vị\s+tính|đv\s+tính", regex.IGNORECASE)


def unit_cell_span(text: str, pos: int) -> Optional[tuple[int, int]]:
    """The cell of the row holding ``pos`` under a header "ĐVT" before its
    column ("Chỉ tiêu | ĐVT | Thực hiện" over "Số hộ | hộ | 120"), white
    space cut; None when the table has no such column.

    >>> t = "Chỉ tiêu | ĐVT | 2024\\nDiện tích | ha | 120"
    >>> s = unit_cell_span(t, t.index("120")); t[s[0]:s[1]]
    'ha'
    """
    head = header_cell_span(text, pos)
    if head is None:
        return None
    column = next((i for i, c in enumerate(header_cells_before(text, head)) if _UNIT_HEAD.fullmatch(c)), None)
    ls = text.rfind("\n", 0, pos) + 1
    cells = text[ls:pos].split("|")
    if column is None or column >= len(cells) - 1:
        return None
    start = ls + sum(len(c) + 1 for c in cells[:column])
    cell = cells[column]
    start += len(cell) - len(cell.lstrip())
    return start, start + len(cell.strip())


# "Đơn vị tính: triệu đồng", "ĐVT: ha", "(Đơn vị: tỷ đồng)": the unit of a
# whole table, written on a line over it.
_TABLE_UNIT = deferred(
    # ("Bảng 2. Kết quả kết nạp đảng viên (người)": a caption's closing
    # brackets of words alone give the unit too; the callers keep a unit only)
    r"(?|(?:đơn\s+vị\s+tính|đvt|đơn\s+vị)\s*:\s*(?P<unit>[^()|:;\n]+?)\s*(?:\)|$)"
    r"|\((?P<unit>\p{L}+(?:[^\S\n]\p{L}+){0,2})\)[^\S\n]*$)",
    regex.IGNORECASE | regex.MULTILINE,
)


def table_unit_span(text: str, pos: int) -> Optional[tuple[int, int]]:
    """Where a line over the table holding ``pos`` (one of the two above
    its first line) names the unit of the whole table ("ĐVT: triệu đồng"
    over "Chỉ tiêu | Dự toán | Thực hiện"); None when none does or ``pos``
    is in no table's body.

    >>> t = "ĐVT: ha\\nXã | Lúa\\nXã A | 12"
    >>> s = table_unit_span(t, t.index("12")); t[s[0]:s[1]]
    'ha'
    """
    if header_cell_span(text, pos) is None:
        return None
    start = _table_start(text, text.rfind("\n", 0, pos) + 1)
    lo = start
    for _ in range(2):
        if lo == 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
    found = None
    for found in _TABLE_UNIT.finditer(text, lo, max(lo, start - 1)):
        pass  # the last one, nearest the table
    return found.span("unit") if found else None


def unit_in_brackets(units: str, basis: bool = False) -> regex.Pattern:
    """The pattern of a unit in brackets as a column's header or a row's
    label gives it ("(tỷ đồng)", "(ha)"): ``units`` an alternation, the
    unit in group ``unit``; for :func:`bracketed_unit`.  With ``basis``,
    the bases after "/" too, in group ``per`` ("(triệu đồng/người/năm)")."""
    per = r"(?P<per>(?:\s*/\s*\p{L}+(?:[^\S\n]\p{L}+)?)*)" if basis else ""
    return compile_regex(rf"\(\s*(?P<unit>{units}){per}\s*\)", regex.IGNORECASE)


# A label's unit in brackets and the colon that joins it to a figure.
_COLON_LABEL = deferred(r"\((?P<unit>[^()\n]{1,20})\)[ \t]*:[ \t]*$")


def colon_label_unit(text: str, pos: int) -> Optional[tuple[int, int]]:
    """The span of the unit a label gives in brackets when a colon joins
    it to the figure at ``pos`` ("Diện tích (ha): 12.345", a table's row
    written as a line); None otherwise.

    >>> t = "Dân số (người): 123.456"
    >>> s = colon_label_unit(t, t.index("123")); t[s[0]:s[1]]
    'người'
    """
    m = _COLON_LABEL.search(text, max(text.rfind("\n", 0, pos) + 1, pos - 40), pos)
    return m.span("unit") if m else None


def bracketed_unit(text: str, pos: int, pattern) -> Optional[object]:
    """The match of ``pattern`` (a unit in brackets: "(tỷ đồng)", "(ha)")
    in the header of the column holding ``pos``, else in its row's label
    ("Dự toán (tỷ đồng) | ..." over "Thu nội địa | 1.250"), else alone in
    the row's cell under "ĐVT", else on a line over the table ("ĐVT: tỷ
    đồng"); or in the brackets of a label joined to ``pos`` by a colon
    ("Tổng vốn (tỷ đồng): 1.250"); None when none gives one, or ``pos`` is
    not in a table's body."""
    unit = colon_label_unit(text, pos)
    if unit:
        return pattern.fullmatch(f"({text[unit[0]:unit[1]]})")
    cell = header_cell_span(text, pos)
    if cell is None and not first_row_figure(text, pos):
        return None
    label = row_label_span(text, pos)
    for span in (cell, label):
        found = pattern.search(text, span[0], span[1]) if span else None
        if found is not None:
            return found
    if says_own_unit(text, pos):
        return None  # "So sánh (%)", "Số hộ (hộ)": another unit than the table's
    for where in (unit_cell_span, table_unit_span):
        unit = where(text, pos)
        # a unit alone in its cell, or over the table, reads as one in brackets would
        found = pattern.fullmatch(f"({text[unit[0]:unit[1]]})") if unit else None
        if found is not None:
            return found
    return None


_OWN_UNIT = deferred(r"\([^()\n]{1,20}\)|%")


def says_own_unit(text: str, pos: int) -> bool:
    """True when the header of the column holding ``pos`` or its row's
    label gives a unit of its own, in brackets or "%" ("So sánh (%)",
    "Số hộ (hộ)"): a unit for the whole table does not reach that cell."""
    for span in (header_cell_span(text, pos), row_label_span(text, pos)):
        if span and _OWN_UNIT.search(text, span[0], span[1]):
            return True
    return False


def cell_is_bare(text: str, start: int, end: int) -> bool:
    """True when [start, end) fills its cell alone ("| 120 |")."""
    before = text[text.rfind("\n", 0, start) + 1 : start].rsplit("|", 1)
    after = text[end : (text.find("\n", end) + 1 or len(text) + 1) - 1].split("|", 1)
    return len(before) == 2 and not before[1].strip() and len(after) == 2 and not after[0].strip()


settle(globals())
