"""Finding the entry tables in a workbook: by sheet name, or by the headers in the first rows.

Our template names its sheets 活动, 问卷调查 and 家长信 with headers in row 1. Files made with
other tools may carry a title row or two, other sheet names (one sheet per village, say) or a
CSV file's name; a sheet is taken for a table when one of its first rows holds the table's
required headers. Columns are found by header, so their order does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from outreach_desk.services.excel import layout
from outreach_desk.services.excel.layout import HEADER_SEARCH_ROWS, Table


@dataclass
class SheetMap:
    """Where one table sits in one sheet: the header row and the column of each known header."""

    sheet: str
    table: Table
    header_row: int
    columns: dict[str, int]  # column key -> 0-based index in the row tuple
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header as written
    duplicates: list[tuple[str, int]] = field(default_factory=list)  # (column key, 0-based index)

    @property
    def missing(self) -> list[str]:
        return [c.key for c in self.table.columns if c.required and c.key not in self.columns]

    @property
    def width(self) -> int:
        return max(self.columns.values(), default=-1) + 1


def match_headers(values: tuple, table: Table, sheet: str, row: int) -> SheetMap:
    lookup = layout.header_lookup(table)
    found = SheetMap(sheet, table, row, {})
    for index, value in enumerate(values):
        key = lookup.get(layout.normalise_header(value)) if value is not None else None
        if key is None:
            continue
        if key in found.columns:
            found.duplicates.append((key, index))
        else:
            found.columns[key] = index
            found.headers[key] = str(value).strip()
    return found


def _best(rows: list[tuple[int, tuple]], tables: tuple[Table, ...], sheet: str) -> SheetMap | None:
    best = None
    for number, values in rows:
        for table in tables:
            candidate = match_headers(values, table, sheet, number)
            if best is None or len(candidate.columns) > len(best.columns):
                best = candidate
    return best


def locate(source) -> tuple[list[SheetMap], list[str]]:
    """(tables found, names of sheets that look like data but match no table)."""
    maps, unknown = [], []
    for sheet in source.sheet_names():
        if layout.normalise_header(sheet) in (layout.normalise_header(layout.INSTRUCTIONS_SHEET),
                                              layout.normalise_header(layout.LISTS_SHEET)):
            continue
        head = [(n, v) for n, v in source.rows(sheet, max_row=HEADER_SEARCH_ROWS)]
        if not any(any(value is not None for value in values) for _n, values in head):
            continue
        named = layout.table_for_sheet(sheet)
        if named is not None:
            found = _best(head, (named,), sheet)
            maps.append(found if found is not None and found.columns else SheetMap(sheet, named, 0, {}))
            continue
        found = _best(head, layout.TABLES, sheet)
        if found is not None and not found.missing and len(found.columns) >= 3:
            maps.append(found)
        elif not source.is_hidden(sheet):
            unknown.append(sheet)
    return maps, unknown
