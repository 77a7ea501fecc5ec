"""The printed form every report sheet shares, written in openpyxl's write-only (streaming) mode.

Rows 1-3: a merged title with the office and the period, a line with 填报单位 and 填报日期, and
the column headers; they are frozen and repeated on every printed page. Then the table, and under
it the 填报人 / 审核人 line. A4 landscape, one page wide, footer "第 x 页 共 y 页". Widths fit
Chinese text (two width units a character). Small tables get a border on every cell; a long one
(the ledger) gets its borders from one conditional format, so 100,000 rows cost no style per cell.
All text goes through ``safe_cell``: user text never becomes a formula.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from copy import copy
import unicodedata
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services.excel.import_rows import column_letter
from outreach_desk.services.excel.safe_cell import needs_quote, text_cell

HEADER_FILL = "DDEBF7"
WARNING_FILL = "FFC7CE"
WARNING_FONT = "9C0006"
TOTAL_FILL = "F2F2F2"
PERCENT = "0.0%"
UNMET_PERCENT = '"×"0.0%'
INTEGER = "#,##0"
DATE = "yyyy-mm-dd"
HEADER_ROWS = 3
NOT_APPLICABLE = "—"
A4 = "9"  # ECMA-376 paper size code
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _tr(text: str) -> str:
    return translate("ExcelReport", text)


@dataclass(frozen=True)
class Signatures:
    """The names on the form (from the settings, or the command line)."""

    unit: str
    preparer: str = ""
    reviewer: str = ""
    date: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class Column:
    header: str
    width: float


def text_width(text: str) -> float:
    """Excel width units for ``text``: 2 for a CJK (wide) character, 1 otherwise, plus padding."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in str(text)) + 2


def fitted(header: str, values=(), minimum: float = 6, maximum: float = 60) -> Column:
    widest = max([text_width(header)] + [text_width(v) for v in values], default=minimum)
    return Column(header, max(minimum, min(maximum, widest)))


def safe(sheet, value):
    """A value for ``append``: plain when harmless (fast), a text cell when it could be read as a formula."""
    if isinstance(value, str) and (needs_quote(value) or _UNSAFE.search(value)):
        return text_cell(sheet, value)
    return value


class _Styles:
    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        side = Side(style="thin", color="808080")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.title_font = Font(bold=True, size=16)
        self.bold = Font(bold=True)
        self.warning_font = Font(bold=True, color=WARNING_FONT)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.warning_fill = PatternFill("solid", fgColor=WARNING_FILL)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center")
        self.right = Alignment(horizontal="right", vertical="center")
        self.wrap = Alignment(vertical="top", wrap_text=True)


class SheetForm:
    """One report sheet: the form around a table that is appended row by row."""

    def __init__(self, workbook, name: str, title: str, columns: list[Column], signatures: Signatures,
                 header_height: float = 30, cell_borders: bool = True):
        self.sheet = workbook.create_sheet(name)
        self.columns = columns
        self.signatures = signatures
        self.cell_borders = cell_borders
        self.styles = _Styles()
        self._style_arrays: dict[tuple, object] = {}
        self.row = 0
        self.last = column_letter(len(columns))
        sheet = self.sheet
        for position, column in enumerate(columns, 1):
            sheet.column_dimensions[column_letter(position)].width = column.width
        sheet.freeze_panes = f"A{HEADER_ROWS + 1}"
        self._print_setup()
        sheet.row_dimensions[1].height = self._title_height(title, columns)
        sheet.row_dimensions[3].height = header_height
        self._merged_line(title, self.styles.title_font, self.styles.centre)
        half = max(1, len(columns) // 2)
        self._append([self._cell(_tr("Reporting unit: {unit}").format(unit=signatures.unit), align=self.styles.left)]
                     + [None] * (half - 1)
                     + [self._cell(_tr("Date of report: {date}").format(date=signatures.date.isoformat()),
                                   align=self.styles.right)])
        self._merge(self.row, 1, half)
        if len(columns) > half:
            self._merge(self.row, half + 1, len(columns))
        self._append([self._cell(c.header, font=self.styles.bold, fill=self.styles.header_fill,
                                 align=self.styles.centre, border=True) for c in columns])
        self.first_data_row = self.row + 1

    def _title_height(self, title: str, columns: list[Column]) -> float:
        """Row height for the title, one line more for each time it wraps across a narrow sheet's columns.

        Width units are those of the 11-point body text; a wide glyph of the title takes about 0.75 of
        ``text_width``'s estimate scaled to its size (as LibreOffice and Excel lay it out)."""
        size = self.styles.title_font.size
        needed = text_width(title) * size / 11 * 0.75
        lines = max(1, math.ceil(needed / max(1.0, sum(c.width for c in columns))))
        return 32 if lines == 1 else lines * size * 1.4 + 6

    def _print_setup(self) -> None:
        sheet = self.sheet
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.print_title_rows = f"1:{HEADER_ROWS}"
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.page_margins.top, sheet.page_margins.bottom = 0.5, 0.6
        sheet.oddFooter.center.text = _tr("Page &P of &N")
        sheet.oddFooter.center.size = 9

    def _cell(self, value, number_format: str | None = None, font=None, fill=None, align=None, border=None):
        """A write-only cell with its style. Each combination of style parts is built once and its style array
        copied to later cells (how openpyxl documents copying styles): assigning a font, fill or border
        hashes it every time, which cost seconds on a county's 50,000 styled cells."""
        from openpyxl.cell import WriteOnlyCell

        cell = text_cell(self.sheet, value) if isinstance(value, str) else WriteOnlyCell(self.sheet, value)
        bordered = bool(border if border is not None else self.cell_borders)
        key = (number_format or cell.number_format, id(font), id(fill), id(align), bordered, bool(cell.quotePrefix))
        style = self._style_arrays.get(key)
        if style is None:
            probe = WriteOnlyCell(self.sheet)
            probe.number_format = key[0]
            for name, part in (("font", font), ("fill", fill), ("alignment", align)):
                if part is not None:
                    setattr(probe, name, part)
            if bordered:
                probe.border = self.styles.border
            probe.quotePrefix = key[5]
            style = self._style_arrays[key] = probe._style
        cell._style = copy(style)
        return cell

    def _append(self, values) -> None:
        self.sheet.append(values)
        self.row += 1

    def _merge(self, row: int, first: int, last: int) -> None:
        if last > first:
            self.sheet.merged_cells.add(f"{column_letter(first)}{row}:{column_letter(last)}{row}")

    def _merged_line(self, text: str, font, align) -> None:
        self._append([self._cell(text, font=font, align=align, border=False)])
        self._merge(self.row, 1, len(self.columns))

    # --- the table --------------------------------------------------------------------------

    def add(self, values, formats=None, warn=(), total: bool = False) -> int:
        """A styled table row (small tables); ``warn`` holds the 0-based columns to mark; returns its row."""
        formats = formats or {}
        cells = []
        for index, value in enumerate(values):
            marked = index in warn
            cells.append(self._cell(
                value, number_format=formats.get(index),
                font=self.styles.warning_font if marked else (self.styles.bold if total else None),
                fill=self.styles.warning_fill if marked else (self.styles.total_fill if total else None),
                align=self.styles.centre if value == NOT_APPLICABLE else None))
        self._append(cells)
        return self.row

    def add_plain(self, values) -> None:
        """An unstyled row for long tables: text made safe, everything else as is."""
        self.sheet.append([None if v == "" else safe(self.sheet, v) for v in values])
        self.row += 1

    def finish(self, note: str = "") -> None:
        """Borders for a long table, an optional note, then the 填报人 / 审核人 line."""
        if not self.cell_borders and self.row >= self.first_data_row:
            self._conditional_borders()
        self._append([])
        if note:
            self._merged_line(note, None, self.styles.left)
        half = max(1, len(self.columns) // 2)
        self._append([self._cell(_tr("Prepared by: {name}").format(name=self.signatures.preparer), border=False)]
                     + [None] * (half - 1)
                     + [self._cell(_tr("Reviewed by: {name}").format(name=self.signatures.reviewer), border=False)])
        self._merge(self.row, 1, half)
        if len(self.columns) > half:
            self._merge(self.row, half + 1, len(self.columns))

    def _conditional_borders(self) -> None:
        from openpyxl.formatting.rule import FormulaRule

        area = f"A{self.first_data_row}:{self.last}{self.row}"
        self.sheet.conditional_formatting.add(area, FormulaRule(formula=["TRUE"], border=self.styles.border))
