"""The annotated copy: the cadre's workbook with every wrong cell filled red and a note on it.

A small workbook is loaded whole and annotated in place, so its drop-downs, formats and widths
survive, made inert first (``inert``: no formula, link or rule of the cadre's stays live); a large
one, one whose rows reach far down (openpyxl would make every cell above the last row) or a CSV file
is streamed into a new workbook, values only, so memory stays bounded. Either way the copy opens
with an extra first sheet listing every problem, and user text is written through ``safe_cell`` (a value
that looked like a formula, a formula itself, stays text).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from outreach_desk.i18n import translate
from outreach_desk.services.excel import inert, reader
from outreach_desk.services.excel.files import check_target, save_workbook
from outreach_desk.services.excel.import_rows import ImportPlan, Issue, column_letter
from outreach_desk.services.excel.layout import HEADER_SEARCH_ROWS
from outreach_desk.services.excel.safe_cell import set_text, text_cell

CONTEXT = "ExcelImport"
WHOLE_LOAD_LIMIT = 8 * 1024 * 1024  # uncompressed bytes up to which the workbook is loaded whole
WHOLE_LOAD_STRINGS = 100_000  # shared strings up to which it is (openpyxl builds every one of them)
WHOLE_LOAD_ROWS = 50_000  # the last row up to which it is: openpyxl makes every cell up to a sheet's last row
FULL_COPY_ROWS = 5_000  # data rows up to which a streamed copy holds every row; beyond, the rows with problems
ERROR_FILL = "FFC7CE"
ERROR_FONT = "9C0006"
AUTHOR = "Outreach Desk"


def _tr(text: str) -> str:
    return translate(CONTEXT, text)


def default_path(source: Path) -> Path:
    return source.with_name(_tr("{stem} (marked).xlsx").format(stem=source.stem))


def write_annotated(plan: ImportPlan, target: str | Path) -> Path:
    """Write the annotated copy of ``plan``'s file to ``target`` (atomically); return the path."""
    check_target(target)
    by_cell: dict[tuple[str, int, int], list[str]] = defaultdict(list)
    for issue in plan.issues:
        if issue.row and issue.column:
            by_cell[(issue.sheet, issue.row, issue.column)].append(issue.message)
    source = reader.open_source(plan.path)
    try:
        sheet_names = [s for s in source.sheet_names() if not source.is_hidden(s)]
        whole = (source.kind == "xlsx" and source.total_uncompressed <= WHOLE_LOAD_LIMIT and not plan.unchecked_rows
                 and source.shared_string_count() <= WHOLE_LOAD_STRINGS
                 and all(source.last_row(name) <= WHOLE_LOAD_ROWS for name in source.sheet_names()))
    finally:
        source.close()
    if whole:
        try:
            return _annotate_whole(plan, by_cell, Path(target))
        except Exception:  # noqa: BLE001 - a file openpyxl reads only in streaming mode is still annotated
            pass
    return _annotate_streamed(plan, sheet_names, by_cell, Path(target))


def _note(messages: list[str]):
    from openpyxl.comments import Comment

    comment = Comment("\n".join(messages)[:2000], AUTHOR)
    comment.width, comment.height = 320, 40 + 30 * len(messages)
    return comment


def _styles():
    from openpyxl.styles import Font, PatternFill

    return PatternFill("solid", fgColor=ERROR_FILL), Font(color=ERROR_FONT, bold=True)


def _annotate_whole(plan: ImportPlan, by_cell: dict, target: Path) -> Path:
    from openpyxl import load_workbook

    reader._quiet_openpyxl()
    with plan.path.open("rb") as fh:
        workbook = load_workbook(fh, keep_links=False)
    inert.make_inert(workbook)
    fill, font = _styles()
    for (sheet, row, column), messages in by_cell.items():
        if sheet not in workbook.sheetnames:
            continue
        cell = workbook[sheet].cell(row, column)
        if type(cell).__name__ == "MergedCell":
            continue
        cell.fill, cell.font = fill, font
        cell.comment = _note(messages)
    _error_sheet(workbook, plan.issues, plan.issue_count, write_only=False)
    return save_workbook(workbook, target)


def _annotate_streamed(plan: ImportPlan, sheet_names: list[str], by_cell: dict, target: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    every_row = plan.data_rows <= FULL_COPY_ROWS
    note = "" if every_row else _tr("This copy holds the title and header rows and the rows with problems, each in "
                                    "its place; the other rows are as in your file.")
    _error_sheet(workbook, plan.issues, plan.issue_count, write_only=True, note=note)
    wrong_rows = {(issue.sheet, issue.row) for issue in plan.issues if issue.row}
    last_wrong = {sheet: row for sheet, row in sorted(wrong_rows)}
    fill, font = _styles()
    source = reader.open_source(plan.path)
    try:
        for name in sheet_names:
            sheet = workbook.create_sheet(name[:31])
            sheet.freeze_panes = "A2"
            written = 0
            header = plan.header_rows.get(name, HEADER_SEARCH_ROWS)
            for number, values in source.rows(name):
                if not every_row and number > header and (name, number) not in wrong_rows:
                    if number > last_wrong.get(name, 0):
                        break
                    continue
                while written < number - 1:  # rows without values are not read: keep every row in its place
                    sheet.append([])
                    written += 1
                written = number
                cells = []
                for column, value in enumerate(values, 1):
                    cell = _plain_cell(sheet, value, WriteOnlyCell)
                    messages = by_cell.get((name, number, column))
                    if messages:
                        cell.fill, cell.font = fill, font
                        cell.comment = _note(messages)
                    cells.append(cell)
                while cells and cells[-1].value is None and cells[-1].comment is None:
                    cells.pop()
                sheet.append(cells)
    finally:
        source.close()
    return save_workbook(workbook, target)


def _plain_cell(sheet, value, cell_class):
    if isinstance(value, reader.Formula):
        return text_cell(sheet, value.text)
    if isinstance(value, reader.ErrorValue):
        return text_cell(sheet, value.code)
    if isinstance(value, str):
        return text_cell(sheet, value)
    cell = cell_class(sheet, value=value if isinstance(value, (int, float, dt.date, dt.datetime)) else None)
    if isinstance(value, (dt.date, dt.datetime)):
        cell.number_format = "yyyy-mm-dd"
    return cell


def _error_sheet(workbook, issues: list[Issue], total: int, write_only: bool, note: str = "") -> None:
    """A first sheet listing every problem: sheet, row, column, cell, message."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    title = _tr("Import errors")[:31]
    if not write_only and title in workbook.sheetnames:
        del workbook[title]
    sheet = workbook.create_sheet(title, 0)
    for position, width in enumerate((14, 8, 14, 10, 100), 1):
        sheet.column_dimensions[column_letter(position)].width = width
    sheet.freeze_panes = "A2"
    rows = [[_tr("Sheet"), _tr("Row"), _tr("Column"), _tr("Cell"), _tr("Problem")]]
    rows += [[i.sheet, i.row or "", i.header, i.cell, i.message] for i in issues]
    if total > len(issues):
        rows.append(["", "", "", "", _tr("… and {count} more problems.").format(count=total - len(issues))])
    if note:
        rows.append(["", "", "", "", note])
    bold = Font(bold=True)
    for number, values in enumerate(rows, 1):
        cells = []
        for column, value in enumerate(values, 1):
            cell = WriteOnlyCell(sheet) if write_only else sheet.cell(number, column)
            if isinstance(value, str):
                set_text(cell, value)
            else:
                cell.value = value
            if number == 1:
                cell.font = bold
            cells.append(cell)
        if write_only:
            sheet.append(cells)
    if not write_only:
        workbook.active = 0
