"""The village entry workbook: what cadres fill in and send back to the township.

One sheet per table of ``layout.py`` (活动, 问卷调查, 家长信) with the header in row 1, frozen,
widths that fit Chinese, column formats (dates as yyyy-mm-dd, text columns as text, so that a
typed "=..." stays text and 001 keeps its zeros; no pre-formatted empty rows, so a script's
``append`` lands in row 2), and a data validation per column: drop-down
lists of the database's villages, sites, kinds and member units, dates between 2000-01-01 and a
month from today, whole numbers, text lengths, each with an input hint. Lists live on a hidden
sheet (下拉选项) behind named ranges, since an inline list may hold only 255 characters.
A 填写说明 sheet explains every column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from outreach_desk.i18n import translate
from outreach_desk.services import organisation
from outreach_desk.services.excel import layout, names
from outreach_desk.services.excel.files import save_workbook
from outreach_desk.services.excel.layout import Column, Table
from outreach_desk.services.excel.resolve import OrgIndex
from outreach_desk.services.excel.safe_cell import set_text

VALIDATED_ROWS = 5_000
REQUIRED_FILL = "FCE4D6"
OPTIONAL_FILL = "DDEBF7"
DATE_FORMAT = "yyyy-mm-dd"

GENERAL_NOTES = (
    QT_TRANSLATE_NOOP("EntryWorkbook", "Fill in one row per activity, survey or batch of parent letters. Keep the "
                                       "sheet names and the headers in row 1 as they are; optional columns may stay "
                                       "empty."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "Choose names from the drop-down lists: the villages, sites, activity kinds "
                                       "and member units are those of the township's database on {date}. If one is "
                                       "missing, ask the township office for a new workbook."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "Dates are entered like 2026-11-05. Numbers are digits only, without units."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "Several audience groups or fraud topics are separated with 、 for example "
                                       "老年人、学生."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "编号 (record number) is optional. If you may send a corrected file again, give "
                                       "every row a number of your own, unique within your village: rows imported "
                                       "before are then recognised and skipped. Without 编号, a row you change counts "
                                       "as a new row."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "Do not use formulas or merged cells: the import takes values only. Save the "
                                       "file as .xlsx (CSV files in UTF-8 or GBK are accepted too)."),
    QT_TRANSLATE_NOOP("EntryWorkbook", "Nothing is imported while any row is wrong. The township office then sends "
                                       "the file back with every wrong cell marked in red and a note saying what to "
                                       "change."),
)


def _tr(text: str) -> str:
    return translate("EntryWorkbook", text)


@dataclass(frozen=True)
class ListRange:
    name: str
    ref: str


def default_file_name(township_id: int | None = None) -> str:
    """``<镇名>防诈宣传录入表_<date>.xlsx`` (the township's name when there is one township, or one is given)."""
    townships = organisation.load_tree().townships
    if township_id is None and len(townships) == 1:
        township_id = townships[0].id
    name = organisation.get_township(township_id).name if township_id else ""
    return _tr("{township}Entry workbook {date}.xlsx").format(township=name, date=dt.date.today().isoformat())


def make_template(path: str | Path, township_id: int | None = None) -> Path:
    """Write the entry workbook for ``township_id`` (all townships when None) to ``path``."""
    from openpyxl import Workbook

    index = OrgIndex(township_id)
    workbook = Workbook()
    workbook.remove(workbook.active)
    _write_instructions(workbook, index)
    lists = _write_lists(workbook, index)
    for table in layout.TABLES:
        _write_table_sheet(workbook, table, lists)
    workbook.move_sheet(layout.LISTS_SHEET, offset=len(workbook.sheetnames) - 1)
    workbook.active = workbook.sheetnames.index(layout.ACTIVITIES.sheet)
    return save_workbook(workbook, path)


def _list_values(index: OrgIndex) -> dict[str, list[str]]:
    return {
        "village": index.village_names(),
        "site": index.site_display_names(),
        "school": index.site_display_names(school=True),
        "kind": index.active_kind_names(),
        "unit": index.unit_names(),
        "audiences": names.audiences().labels,
        "topics": names.topics().labels,
        "method": names.survey_methods().labels,
    }


def _write_lists(workbook, index: OrgIndex) -> dict[str, ListRange]:
    """The hidden 下拉选项 sheet: one column per list, each behind a workbook-level name."""
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName

    sheet = workbook.create_sheet(layout.LISTS_SHEET)
    sheet.sheet_state = "hidden"
    ranges: dict[str, ListRange] = {}
    for position, (list_type, values) in enumerate(_list_values(index).items(), 1):
        letter = get_column_letter(position)
        set_text(sheet.cell(1, position), list_type)
        for row, value in enumerate(values, 2):
            set_text(sheet.cell(row, position), value)
        if values:
            name = f"list_{list_type}"
            ref = f"'{layout.LISTS_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            workbook.defined_names[name] = DefinedName(name, attr_text=ref)
            ranges[list_type] = ListRange(name, ref)
    return ranges


def _validation(column: Column, lists: dict[str, ListRange]):
    from openpyxl.worksheet.datavalidation import DataValidation

    common = {"allow_blank": True, "showInputMessage": True, "promptTitle": column.header[:32],
              "prompt": column.hint_text[:255], "showErrorMessage": True, "errorTitle": column.header[:32]}
    list_type = {"village": "village", "site": "site", "school": "school", "kind": "kind", "unit": "unit",
                 "audiences": "audiences", "topics": "topics", "method": "method"}.get(column.type)
    if list_type is not None and list_type in lists:
        multiple = column.type in ("audiences", "topics")
        return DataValidation(type="list", formula1=lists[list_type].name, errorStyle="warning",
                              error=_tr("Choose a value from the list.")[:255],
                              **dict(common, showErrorMessage=not multiple))
    if column.type == "date":
        return DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="TODAY()+31",
                              error=_tr("Enter a date between 2000-01-01 and a month from today, "
                                        "e.g. 2026-11-05.")[:255],
                              **common)
    if column.type == "int":
        return DataValidation(type="whole", operator="between", formula1=str(column.minimum), formula2="1000000000",
                              error=_tr("Enter a whole number of at least {minimum}.").format(
                                  minimum=column.minimum)[:255], **common)
    if column.max_length or column.type == "record_key":
        limit = column.max_length or layout.KEY_MAX_LENGTH
        return DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(limit),
                              error=_tr("At most {limit} characters.").format(limit=limit)[:255], **common)
    return DataValidation(**dict(common, showErrorMessage=False))


def _write_table_sheet(workbook, table: Table, lists: dict[str, ListRange]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(table.sheet)
    thin = Side(style="thin", color="A6A6A6")
    for position, column in enumerate(table.columns, 1):
        letter = get_column_letter(position)
        cell = sheet.cell(1, position)
        set_text(cell, column.header)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        cell.fill = PatternFill("solid", fgColor=REQUIRED_FILL if column.required else OPTIONAL_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        sheet.column_dimensions[letter].width = column.width
        validation = _validation(column, lists)
        sheet.add_data_validation(validation)
        validation.add(f"{letter}2:{letter}{VALIDATED_ROWS + 1}")
        if column.type == "date":
            sheet.column_dimensions[letter].number_format = DATE_FORMAT
        elif column.type != "int":
            sheet.column_dimensions[letter].number_format = "@"
    sheet.row_dimensions[1].height = 30
    sheet.freeze_panes = "A2"
    _print_setup(sheet, landscape=True, title_rows="1:1")
    sheet.sheet_view.zoomScale = 110


def _write_instructions(workbook, index: OrgIndex) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(layout.INSTRUCTIONS_SHEET)
    wrap = Alignment(wrap_text=True, vertical="top")
    townships = "、".join(index.township_names.values())
    title = sheet.cell(1, 1)
    set_text(title, _tr("{township} anti-fraud outreach entry workbook: how to fill it in").format(township=townships))
    title.font = Font(bold=True, size=14)
    sheet.merge_cells("A1:D1")
    row = 3
    for number, note in enumerate(GENERAL_NOTES, 1):
        number_cell = sheet.cell(row, 1)
        number_cell.value = number
        number_cell.alignment = Alignment(horizontal="center", vertical="top")
        text = sheet.cell(row, 2)
        set_text(text, _tr(note).format(date=dt.date.today().isoformat()))
        text.alignment = wrap
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
        sheet.row_dimensions[row].height = 36
        row += 1
    for table in layout.TABLES:
        row += 1
        heading = sheet.cell(row, 1)
        set_text(heading, _tr("Sheet {sheet}: {title}").format(sheet=table.sheet, title=table.title_text))
        heading.font = Font(bold=True, size=12)
        row += 1
        for position, label in enumerate((_tr("Column"), _tr("Header"), _tr("Required"), _tr("What to enter")), 1):
            cell = sheet.cell(row, position)
            set_text(cell, label)
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor=OPTIONAL_FILL)
        for position, column in enumerate(table.columns, 1):
            row += 1
            set_text(sheet.cell(row, 1), get_column_letter(position))
            set_text(sheet.cell(row, 2), column.header)
            set_text(sheet.cell(row, 3), _tr("yes") if column.required else _tr("no"))
            hint = sheet.cell(row, 4)
            set_text(hint, column.hint_text)
            hint.alignment = wrap
    for letter, width in (("A", 8), ("B", 16), ("C", 8), ("D", 90)):
        sheet.column_dimensions[letter].width = width
    _print_setup(sheet, landscape=False)


def _print_setup(sheet, landscape: bool, title_rows: str | None = None) -> None:
    """A4, one page wide (so a cadre can print the blank form or the instructions)."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if title_rows:
        sheet.print_title_rows = title_rows
