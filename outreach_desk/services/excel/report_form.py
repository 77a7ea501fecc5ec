"""The printed form every report sheet shares, written in openpyxl's write-only (streaming) mode.

Rows 1-3: a merged title with the office and the period, a line with 填报单位 and 填报日期, and
the column headers; they are frozen and repeated on every printed page. Then the table, and under
it the 填报人 / 审核人 line. A4 landscape, one page wide, footer "第 x 页 共 y 页" inside the bottom
margin. Every cell names a Chinese font (宋体, titles 黑体) and wraps long text; widths fit Chinese
text (two width units a character). A table wider than a page at ``MIN_SCALE`` is split by the
report into column bands (``bands``), one sheet each, so its 11-point text prints at 9 pt or more.
Small tables get a border on every cell; a long one (the ledger) gets its borders from one
conditional format, and its cells are a few styled cells reused row after row. All text goes through
``safe_cell``: user text never becomes a formula.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import math
import unicodedata
from dataclasses import dataclass, field

from outreach_desk.i18n import translate
from outreach_desk.services.excel.import_rows import column_letter
from outreach_desk.services.excel.safe_cell import clean_text, needs_quote, set_text

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
BODY_FONT = "宋体"     # SimSun: on every Chinese Windows and in WPS; LibreOffice substitutes its CJK font
TITLE_FONT = "黑体"
BODY_SIZE = 11
#: A4 landscape less the 0.4 in side margins, in points
PRINTABLE_WIDTH = (297 / 25.4 - 2 * 0.4) * 72
#: the smallest print scale, in percent: 11-point text (and the footer) print at 9.35 pt or more
MIN_SCALE = 85
FOOTER_SIZE = 11
LINE_HEIGHT = 15         # points of each line of 11-point text that wraps
ROW_HEIGHT = 15          # a row of one line (Chinese fonts need more than Excel's 14.25)
#: A4 landscape less the top and bottom margins, in points
PRINTABLE_HEIGHT = 210 / 25.4 * 72 - (0.6 + 0.75) * 72


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


def column_points(width: float) -> float:
    """Printed points of a column ``width`` units wide (7 pixels a unit plus 5 of padding, at 96 dpi)."""
    return 0.75 * (7 * width + 5)


def print_scale(columns: list[Column]) -> int:
    """The percentage at which fitting ``columns`` to the page's width prints them (100 at most)."""
    return min(100, math.floor(100 * PRINTABLE_WIDTH / sum(column_points(c.width) for c in columns)))


def bands(columns: list[Column], keep: int, tail: int = 0) -> list[list[int]]:
    """Column indices of each printed band of a wide table: the first ``keep`` columns (the place) in every
    band, the last ``tail`` ones (a total) in the last, the others shared out evenly so that every band
    prints at ``MIN_SCALE`` or more. One band when the whole table does."""
    middle = list(range(keep, len(columns) - tail))
    room = PRINTABLE_WIDTH * 100 / MIN_SCALE - sum(column_points(c.width) for c in columns[:keep])
    needed = sum(column_points(columns[i].width) for i in middle)
    tail_points = sum(column_points(c.width) for c in columns[len(columns) - tail:])
    count = max(1, math.ceil((needed + tail_points) / max(room, 1.0)))
    while True:
        size = math.ceil(len(middle) / count) if middle else 0
        groups = [middle[i:i + size] for i in range(0, len(middle), size)] if size else [[]]
        groups[-1] = groups[-1] + list(range(len(columns) - tail, len(columns)))
        widest = max(sum(column_points(columns[i].width) for i in group) for group in groups)
        if widest <= room or size <= 1:
            return [list(range(keep)) + group for group in groups]
        count += 1


@functools.lru_cache(maxsize=65_536)   # a ledger's places, kinds and topics come back row after row
def wrapped_lines(text: str, width: float) -> int:
    """Lines ``text`` takes wrapped in a column ``width`` units wide, as Excel and WPS lay out 11-point 宋体 (a
    wide character a little over 2 units); LibreOffice without Calibri's metrics needs fewer."""
    room = 2 * math.floor((7 * width + 2) / (BODY_SIZE * 4 / 3))   # whole wide characters a line holds, in units
    return sum(max(1, math.ceil((text_width(part) - 2) / max(2, room))) for part in text.split("\n"))


def one_line(header: str, values, minimum: float = 6, maximum: float = 60) -> Column:
    """Like ``fitted``, widened until each of ``values`` prints on one line as ``wrapped_lines`` counts (a column
    of short phrases that would otherwise break in the middle); ``maximum`` still holds."""
    column = fitted(header, values, minimum, maximum)
    width = column.width
    while width < maximum and any(wrapped_lines(str(v), width) > 1 for v in values):
        width = min(maximum, math.floor(width) + 1)
    return Column(header, width)


def row_height(columns: list[Column], values) -> float | None:
    """Points for a table row whose text wraps in its columns; None for a row of one line."""
    lines = 1
    for column, value in zip(columns, values):
        if isinstance(value, str) and (2 * len(value) + 2 > column.width or "\n" in value):
            lines = max(lines, wrapped_lines(value, column.width))
    return None if lines == 1 else lines * LINE_HEIGHT + 3


def commonest_height(columns: list[Column], rows) -> float:
    """The row height most of ``rows`` take (a long table's default row height)."""
    heights = collections.Counter(row_height(columns, values) or ROW_HEIGHT for values in rows)
    return heights.most_common(1)[0][0] if heights else ROW_HEIGHT


def header_row_height(columns: list[Column], minimum: float = 30) -> float:
    """Points for the header row, so that every wrapped header shows whole (a wide character is 2 units)."""
    lines = max((wrapped_lines(c.header, c.width) for c in columns), default=1)
    return max(minimum, lines * LINE_HEIGHT + 6)


class _Styles:
    """The parts of the report's cell styles, each with the word that names it in a style's name."""

    def __init__(self):
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        side = Side(style="thin", color="808080")
        self.border = Border(left=side, right=side, top=side, bottom=side)
        self.title_font = Font(name=TITLE_FONT, bold=True, size=16)
        self.body = Font(name=BODY_FONT, size=BODY_SIZE)
        self.bold = Font(name=BODY_FONT, size=BODY_SIZE, bold=True)
        self.warning_font = Font(name=BODY_FONT, size=BODY_SIZE, bold=True, color=WARNING_FONT)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.warning_fill = PatternFill("solid", fgColor=WARNING_FILL)
        self.total_fill = PatternFill("solid", fgColor=TOTAL_FILL)
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center")
        self.right = Alignment(horizontal="right", vertical="center")
        self.wrap = Alignment(vertical="center", wrap_text=True)
        self.note = Alignment(horizontal="left", vertical="top", wrap_text=True)
        self.words = {id(part): word for part, word in (
            (self.title_font, "标题"), (self.body, "正文"), (self.bold, "加粗"), (self.warning_font, "警示"),
            (self.header_fill, "表头底色"), (self.warning_fill, "警示底色"), (self.total_fill, "合计底色"),
            (self.centre, "居中"), (self.left, "左对齐"), (self.right, "右对齐"), (self.wrap, "换行"),
            (self.note, "注释"))}


@functools.cache
def _styles() -> _Styles:
    return _Styles()


#: the words for the number formats in a style's name
FORMAT_WORDS = {"General": "", PERCENT: "百分比", UNMET_PERCENT: "未达百分比", INTEGER: "整数", DATE: "日期",
                "0.##": "小数"}


class SheetForm:
    """One report sheet: the form around a table that is appended row by row."""

    def __init__(self, workbook, name: str, title: str, columns: list[Column], signatures: Signatures,
                 header_height: float = 30, cell_borders: bool = True, headers: bool = True,
                 row_height: float | None = None):
        self.sheet = workbook.create_sheet(name)
        self.columns = columns
        self.signatures = signatures
        self.cell_borders = cell_borders
        self.styles = _styles()
        self._style_names: dict[tuple, str] = {}
        self._plain_cells: dict[tuple, object] = {}
        self.streamed = None   # the rows stream_plain writes, if any
        self.row = 0
        self.height = 0.0   # points of the rows written so far
        self.last = column_letter(len(columns))
        sheet = self.sheet
        self.default_height = row_height   # rows this high are written without a height of their own
        if row_height is not None:
            sheet.sheet_format.defaultRowHeight = row_height
            sheet.sheet_format.customHeight = True
        for position, column in enumerate(columns, 1):
            sheet.column_dimensions[column_letter(position)].width = column.width
        sheet.freeze_panes = f"A{HEADER_ROWS + 1}"
        self._print_setup()
        self._merged_line(title, self.styles.title_font, self.styles.centre, self._title_height(title, columns))
        half = max(1, len(columns) // 2)
        self._append([self._cell(_tr("Reporting unit: {unit}").format(unit=signatures.unit), align=self.styles.left)]
                     + [None] * (half - 1)
                     + [self._cell(_tr("Date of report: {date}").format(date=signatures.date.isoformat()),
                                   align=self.styles.right)])
        self._merge(self.row, 1, half)
        if len(columns) > half:
            self._merge(self.row, half + 1, len(columns))
        self._append([self._cell(c.header, font=self.styles.bold, fill=self.styles.header_fill,
                                 align=self.styles.centre, border=True) for c in columns] if headers else [],
                     header_row_height(columns, header_height) if headers else None)
        self.first_data_row = self.row + 1

    def _title_height(self, title: str, columns: list[Column]) -> float:
        """Row height for the title, one line more for each time it wraps across a narrow sheet's columns
        (width units are those of the 11-point body text, a wide glyph a little over two of them)."""
        size = self.styles.title_font.size
        needed = text_width(title) * size / BODY_SIZE * 1.05
        lines = max(1, math.ceil(needed / max(1.0, sum(c.width for c in columns))))
        return 32 if lines == 1 else lines * size * 1.5 + 6

    def _print_setup(self) -> None:
        sheet = self.sheet
        sheet.page_setup.orientation = "landscape"   # every sheet: a print preview shows one orientation
        sheet.page_setup.paperSize = A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.print_title_rows = f"1:{HEADER_ROWS}"
        sheet.print_options.horizontalCentered = True
        sheet.page_margins.left = sheet.page_margins.right = 0.4
        sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.75   # the footer's line fits below the table
        sheet.page_margins.header = sheet.page_margins.footer = 0.3
        sheet.oddFooter.center.text = _tr("Page &P of &N")
        sheet.oddFooter.center.size = FOOTER_SIZE

    def _cell(self, value, number_format: str | None = None, font=None, fill=None, align=None, border=None):
        """A write-only cell with its style, given as one of the workbook's named styles (``_style_name``): one
        array copied into the cell, where setting a font, fill and border each hashes it for every cell."""
        from openpyxl.cell import WriteOnlyCell

        text = isinstance(value, str)
        cell = WriteOnlyCell(self.sheet, None if text else value)
        bordered = bool(border if border is not None else self.cell_borders)
        cell.style = self._style_name(number_format or ("General" if text else cell.number_format),
                                      font or self.styles.body, fill, align or self.styles.wrap, bordered)
        if text:
            set_text(cell, value)
        return cell

    def _style_name(self, number_format: str, font, fill, align, bordered: bool) -> str:
        """The named style of these parts, added to the workbook the first time any sheet uses it; its name says
        what it is (报表 正文 换行 边框 整数), as Excel's cell styles list shows it."""
        key = (number_format, id(font), id(fill), id(align), bordered)
        name = self._style_names.get(key)
        if name is None:
            from openpyxl.styles import Border, NamedStyle, PatternFill

            words = self.styles.words
            parts = ["报表", words[id(font)], words.get(id(fill), ""), words[id(align)], "边框" if bordered else "",
                     FORMAT_WORDS.get(number_format, number_format)]
            name = self._style_names[key] = " ".join(part for part in parts if part)
            if name not in self.sheet.parent.named_styles:
                self.sheet.parent.add_named_style(NamedStyle(
                    name, font=font, fill=fill or PatternFill(), alignment=align, number_format=number_format,
                    border=self.styles.border if bordered else Border()))
        return name

    def _append(self, values, height: float | None = None) -> None:
        """Append a row ``height`` points high (one line when None). Every row is laid out here, since
        LibreOffice does not fit a row to the wrapped text of a file it opens, and so that every office
        program prints the same rows on a page (which ``finish`` counts on). A row of the sheet's default height
        (``row_height``, set in the sheet's format as fixed) needs no height of its own."""
        height = height or ROW_HEIGHT
        if height != self.default_height:
            self.sheet.row_dimensions[self.row + 1].height = height
        self.sheet.append(values)
        self.row += 1
        self.height += height

    def _row_height(self, values) -> float | None:
        return row_height(self.columns, values)

    def _merge(self, row: int, first: int, last: int) -> None:
        if last > first:
            self.sheet.merged_cells.add(f"{column_letter(first)}{row}:{column_letter(last)}{row}")

    def _merged_line(self, text: str, font, align, height: float | None = None) -> None:
        if height is None:
            lines = wrapped_lines(text, sum(c.width for c in self.columns))
            height = None if lines == 1 else lines * LINE_HEIGHT + 3
        self._append([self._cell(text, font=font, align=align, border=False)], height)
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
        self._append(cells, self._row_height(values))
        return self.row

    def add_spanning(self, text: str, total: bool = False) -> int:
        """A table row whose one text spans every column (a heading within the table, bold on the totals' fill
        when ``total``, or a sentence such as "none issued"), bordered like the rows around it; returns its row."""
        font, fill = (self.styles.bold, self.styles.total_fill) if total else (None, None)
        lines = wrapped_lines(text, sum(c.width for c in self.columns))
        self._append([self._cell(text, font=font, fill=fill, border=True)]
                     + [self._cell("", fill=fill, border=True) for _ in self.columns[1:]],
                     None if lines == 1 else lines * LINE_HEIGHT + 3)
        self._merge(self.row, 1, len(self.columns))
        return self.row

    def add_plain(self, values) -> None:
        """A row of a long table: the body font and wrapping, no border of its own (``finish`` draws them).
        Styling a new cell costs more than writing it, so each column keeps one styled cell per kind of value
        and only its value changes: appending a row writes its cells before it returns."""
        self._append([self._plain(column, v) for column, v in enumerate(values)], self._row_height(values))

    def stream_plain(self, values) -> None:
        """A row of a long table like ``add_plain``, in the same cell styles, after the rows written so far:
        ``streamed_rows`` writes it as one string instead of openpyxl making a cell object of every value. The
        table's first row goes through ``add_plain``; the workbook is saved with ``save_workbook(...,
        form.streamed)``."""
        if self.row < self.first_data_row:
            self.add_plain(values)
            return
        if self.streamed is None:
            from outreach_desk.services.excel.streamed_rows import StreamedRows

            self.streamed = StreamedRows(self.sheet.title, self.row, lambda column, value: self._plain(
                column, value).style_id, self.sheet.parent.epoch)
        height = self._row_height(values) or ROW_HEIGHT
        self.streamed.add(values, None if height == self.default_height else height)
        self.height += height

    def _plain(self, column: int, value):
        if value is None or value == "":
            return None
        kind = type(value)
        text = kind is str
        quoted = text and needs_quote(value)
        cell = self._plain_cells.get((column, kind, quoted))
        if cell is None:
            cell = self._plain_cells[column, kind, quoted] = self._cell(value, border=False)
        elif text:
            cell.value = clean_text(value)
            cell.data_type = "s"   # text starting with = stays text (its cell has the quote prefix)
        else:
            cell.value = value
        return cell

    def finish(self, note: str = "") -> None:
        """Borders for a long table, an optional note, then the 填报人 / 审核人 line."""
        if not self.cell_borders and self.row >= self.first_data_row:
            self._conditional_borders()
        self._append([])
        if note:
            self._merged_line(note, None, self.styles.note)
        half = max(1, len(self.columns) // 2)
        self._append([self._cell(_tr("Prepared by: {name}").format(name=self.signatures.preparer), border=False)]
                     + [None] * (half - 1)
                     + [self._cell(_tr("Reviewed by: {name}").format(name=self.signatures.reviewer), border=False)])
        self._merge(self.row, 1, half)
        if len(self.columns) > half:
            self._merge(self.row, half + 1, len(self.columns))
        if PRINTABLE_HEIGHT < self.height <= PRINTABLE_HEIGHT * 100 / MIN_SCALE:
            self.sheet.page_setup.fitToHeight = 1   # a table a little taller than a page: on one page

    def _conditional_borders(self) -> None:
        from openpyxl.formatting.rule import FormulaRule

        area = f"A{self.first_data_row}:{self.last}{self.row}"
        self.sheet.conditional_formatting.add(area, FormulaRule(formula=["TRUE"], border=self.styles.border))


def band_name(sheet: str, number: int) -> str:
    """The sheet of band ``number`` (0-based): 达标情况, 达标情况（续）, 达标情况（续2）…"""
    return sheet if number == 0 else f"{sheet}（续）" if number == 1 else f"{sheet}（续{number}）"


class BandedForm:
    """A table too wide for one printed page, written as one ``SheetForm`` per column band (see ``bands``):
    rows and their formats are given for the whole table and shared out to the bands' sheets."""

    def __init__(self, make_form, columns: list[Column], keep: int, tail: int = 0):
        self.parts = bands(columns, keep, tail)
        self.forms = [make_form(number, [columns[i] for i in part]) for number, part in enumerate(self.parts)]

    @property
    def row(self) -> int:
        return self.forms[0].row

    def add(self, values, formats=None, warn=(), total: bool = False) -> None:
        formats = formats or {}
        for form, part in zip(self.forms, self.parts):
            form.add([values[i] for i in part], {new: formats[old] for new, old in enumerate(part) if old in formats},
                     warn=[new for new, old in enumerate(part) if old in warn], total=total)

    def finish(self, note: str = "") -> None:
        for form in self.forms:
            form.finish(note)
