"""Table labels: the column heading and the row label of a figure in a
table, and whether a label names a quantity.
"""

from __future__ import annotations

from typing import Optional

import regex

from ...grammar.lazy import deferred, settle
from ...extractors.table_cells import header_cell_bounds, header_line, in_table_row

from .vocabulary import Span

_CELL_NAME = deferred(r"\s*(?P<n>[^()|\d]*?\p{L})\s*(?:\(|$)")


def table_column(text: str, pos: int) -> list[Span]:
    """"STT | Tên tỉnh | Diện tích (km²) |" ... "| 13.257 km |": a figure in
    a flattened table's cell takes its column's heading (its bracket dropped)."""
    cell = table_heading_cell(text, pos)
    name = _CELL_NAME.match(text, *cell) if cell else None
    return [(name.start("n"), name.end("n"))] if name else []


def table_heading_cell(text: str, pos: int) -> Optional[Span]:
    """The whole heading cell of the flattened table column ``pos`` stands
    in ("Chỉ tiêu | Năm 2023 | Năm 2024" … "| 950 hộ" → "Năm 2024"); None
    outside a table's body and in a row's first cell."""
    return header_cell_bounds(text, pos) if in_table_row(text, pos) else None


# a label that names its own quantity ("Số hộ thoát nghèo", "Tỷ lệ che phủ rừng",
# "Tỷ trọng công nghiệp", "Tổng kinh phí")
_QUANTITY_NAME = deferred(r"\s*(?:số|t[ỷỉ]\s+(?:lệ|trọng)|tổng)(?![\p{L}])", regex.I)


def names_quantity(label: str) -> bool:
    """Whether ``label`` opens with the name of a quantity ("Số hộ nghèo",
    "Tỷ lệ che phủ rừng"): it says what its figure measures."""
    return _QUANTITY_NAME.match(label) is not None


# a row label that names a quantity, or a column of indicators: the rows,
# not the columns, say what the figures are
_INDICATOR_COLUMN = deferred(r"\s*(?:chỉ\s+tiêu|nội\s+dung|tiêu\s+chí|danh\s+mục|hạng\s+mục)\s*$", regex.I)


def table_row_label(text: str, pos: int, any_label: bool = False) -> list[Span]:
    """"STT | Chỉ tiêu | Kết quả" … "2 | Tỷ lệ che phủ rừng | 62,5%": a
    figure in a flattened table's row takes the row's label when it names
    a quantity or stands in a column of indicators (or, with
    ``any_label``, whatever it names)."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = text.count("|", line_start, pos)
    above = text.count("|", text.rfind("\n", 0, line_start - 1) + 1, line_start)
    if not column or line_start == 0 or not above:
        return []  # (no table: no row of cells above)
    # (a table of two columns, "Nội dung | Số lượng", only under a column of indicators; with ``any_label`` the
    # caller found the column's heading)
    two_columns = above < 2 and not any_label
    cells = text[line_start:pos].split("|")[:-1]
    start = line_start + sum(len(x) + 1 for x in cells)  # (past the last cell: walk back)
    for k in range(len(cells) - 1, -1, -1):
        start -= len(cells[k]) + 1
        name = _CELL_NAME.match(cells[k])
        if not name or not any(ch.islower() for ch in name.group("n")):
            continue  # a number, a blank or a proper name
        label = (start + name.start("n"), start + name.end("n"))
        heading = _column_heading(text, line_start, k)
        if heading and _UNIT_COLUMN.match(heading):
            continue  # "Tổng dư nợ | Tỷ đồng | 1.320": the unit's cell names nothing
        if heading and _INDICATOR_COLUMN.match(heading) or not two_columns and (any_label or names_quantity(cells[k])):
            return [label]
        return []
    return []


_UNIT_COLUMN = deferred(r"\s*(?:đvt|đơn\s+vị\s+tính)\s*$", regex.I)  # (not "Đơn vị": a column of units)


def _column_heading(text: str, line_start: int, column: int) -> Optional[str]:
    """The text of the table's first line's cell ``column``."""
    _, cells = header_line(text, line_start)
    return cells[column] if column < len(cells) else None


settle(globals())  # each deferred pattern above takes its compiled one's place on first use
