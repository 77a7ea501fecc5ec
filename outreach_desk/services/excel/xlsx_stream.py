"""Streaming the cells of an .xlsx sheet without trusting the file: only what the import asks for is built.

openpyxl's read-only mode reads the whole shared-string table before the first row, so a small
file holding a million strings that no cell uses costs more than any real workbook. Here the table is indexed
(where each ``<si>`` starts) and a string is parsed only when a cell refers to it; sheet rows are
parsed one by one and rows holding no value are not handed on. Text is decoded as Excel and
LibreOffice decode it, including the ``_xHHHH_`` escapes Excel writes for control characters.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
import zipfile
from array import array
from collections.abc import Iterator

from outreach_desk.i18n import translate
from outreach_desk.services.errors import ServiceError

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
EXCEL_LAST_ROW = 1_048_576
EXCEL_LAST_COLUMN = 16_384
#: the East Asian built-in date formats (yyyy年m月d日 and the like), which openpyxl's table leaves out
EAST_ASIAN_DATE_FORMATS = frozenset(range(27, 37)) | frozenset(range(50, 59))
_ROW, _CELL, _VALUE, _FORMULA = NS_MAIN + "row", NS_MAIN + "c", NS_MAIN + "v", NS_MAIN + "f"
_INLINE, _TEXT, _RUN, _SHEET_DATA = NS_MAIN + "is", NS_MAIN + "t", NS_MAIN + "r", NS_MAIN + "sheetData"
_STRING_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
_ROW_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b([^>]*?)(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?row>)", re.S)
_ROW_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\b")
_ROW_NUMBER = re.compile(rb'\br="(\d{1,9})"')
_VALUE_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:v|is|f)[\s>/]")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]{1,3}\d{1,7}(?::[A-Za-z]{1,3}\d{1,7})?)\"")
MAX_MERGES = 1_000
_PAIR = re.compile(r"[\ud800-\udbff][\udc00-\udfff]")


class SheetDataError(ServiceError):
    """The sheet's XML holds something no spreadsheet program writes; the message says what (in Chinese)."""


def _tr(text: str) -> str:
    return translate("ExcelReader", text)


def decode_escapes(text: str) -> str:
    """``_xHHHH_`` → the character U+HHHH (``_x005F_`` is an escaped underscore), as Excel reads it."""
    if "_x" not in text:
        return text
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _PAIR.sub(lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), decoded)


def string_text(element) -> str:
    """The text of a shared or inline string: its ``t``, or its rich-text runs; phonetic guides left out."""
    parts = []
    for child in element:  # one pass over the few children: cheaper than find() and iterfind()
        tag = child.tag
        if tag == _TEXT:
            parts.append(child.text or "")
        elif tag == _RUN:
            for run_text in child:
                if run_text.tag == _TEXT and run_text.text:
                    parts.append(run_text.text)
    return decode_escapes(parts[0] if len(parts) == 1 else "".join(parts))


class SharedStrings:
    """The shared-string table, parsed string by string as cells ask for them.

    A table with markup declarations (a DTD, comments, CDATA) is parsed whole by expat instead,
    which refuses entity tricks; no spreadsheet program writes such a table.
    """

    def __init__(self, data: bytes):
        self._memo: dict[int, str] = {}
        if b"<!" in data:
            root = ET.fromstring(data)
            self._whole: list[str] | None = [string_text(si) for si in root.iter(NS_MAIN + "si")]
            return
        self._whole = None
        self._data = data
        self._starts = array("q", (m.start() for m in _STRING_START.finditer(data)))
        first = self._starts[0] if self._starts else len(data)
        self._head = data[:first]  # the XML declaration and the <sst ...> start tag with its namespaces
        self._end = data.rfind(b"</")
        if self._starts and self._end <= self._starts[-1]:
            raise ET.ParseError("unclosed shared-string table")
        self._tail = data[self._end:] if self._starts else b""

    def __len__(self) -> int:
        return len(self._whole) if self._whole is not None else len(self._starts)

    @property
    def built(self) -> int:
        """How many strings have been parsed so far."""
        return len(self._whole) if self._whole is not None else len(self._memo)

    def __getitem__(self, index: int) -> str:
        if self._whole is not None:
            return self._whole[index]
        found = self._memo.get(index)
        if found is None:
            if not 0 <= index < len(self._starts):
                raise IndexError(index)
            start = self._starts[index]
            end = self._starts[index + 1] if index + 1 < len(self._starts) else self._end
            root = ET.fromstring(self._head + self._data[start:end] + self._tail)
            strings = list(root)
            if len(strings) != 1:
                raise ET.ParseError(f"shared string {index} is malformed")
            found = self._memo[index] = string_text(strings[0])
        return found


def date_styles(styles_xml: bytes | None) -> tuple[frozenset[int], frozenset[int]]:
    """(cell style indices formatted as dates, those formatted as durations), as openpyxl decides them."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    if not styles_xml:
        return frozenset(), frozenset()
    root = ET.fromstring(styles_xml)
    custom = {}
    for number_format in root.iter(NS_MAIN + "numFmt"):
        try:
            custom[int(number_format.get("numFmtId", ""))] = number_format.get("formatCode", "")
        except ValueError:
            continue
    dates, durations = set(), set()
    cell_formats = root.find(NS_MAIN + "cellXfs")
    for index, xf in enumerate(cell_formats.iterfind(NS_MAIN + "xf") if cell_formats is not None else ()):
        try:
            format_id = int(xf.get("numFmtId", "0"))
        except ValueError:
            continue
        code = custom.get(format_id, BUILTIN_FORMATS.get(format_id, ""))
        if is_date_format(code) or (format_id in EAST_ASIAN_DATE_FORMATS and format_id not in custom):
            dates.add(index)
        if is_timedelta_format(code):
            durations.add(index)
    return frozenset(dates), frozenset(durations)


class SheetCells:
    """Turns one sheet's ``<row>`` elements into (row number, values) the way Excel reads them."""

    def __init__(self, strings: SharedStrings | None, dates: frozenset[int], durations: frozenset[int],
                 epoch: dt.datetime, formula, error):
        self.strings = strings
        self.dates, self.durations, self.epoch = dates, durations, epoch
        self.formula, self.error = formula, error
        self._columns: dict[str, int] = {}

    def column(self, reference: str) -> int:
        letters = reference.rstrip("0123456789")
        found = self._columns.get(letters)
        if found is None:
            from openpyxl.utils.cell import column_index_from_string

            found = self._columns[letters] = column_index_from_string(letters)
        return found

    def value(self, cell):
        text = inline = None
        for child in cell:  # <v>, <f>, <is>: one pass over the cell's children
            tag = child.tag
            if tag == _VALUE:
                text = child.text
            elif tag == _FORMULA:
                return self.formula("=" + (child.text or ""))
            elif tag == _INLINE:
                inline = child
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            return string_text(inline) if inline is not None else None
        if not text:
            return None
        if kind == "n":
            number = float(text) if "." in text or "E" in text or "e" in text else int(text)
            style = int(cell.get("s", 0) or 0)
            if style and style in self.dates:
                from openpyxl.utils.datetime import from_excel

                try:
                    return from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    return self.error("#VALUE!")
            return number
        if kind == "s":
            if self.strings is None:
                raise IndexError(int(text))
            return self.strings[int(text)]
        if kind == "str":
            return decode_escapes(text)
        if kind == "b":
            return bool(int(text))
        if kind == "e":
            return self.error(text)
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            try:
                return from_ISO8601(text)
            except ValueError:
                return self.error("#VALUE!")
        return decode_escapes(text)

    def row_values(self, row, max_col: int) -> tuple | None:
        """The row's first ``max_col`` values, or None when none of its cells holds one."""
        values: list = []
        column = 0
        for cell in row:
            if cell.tag != _CELL:
                continue
            reference = cell.get("r")
            column = self.column(reference) if reference else column + 1
            if column > max_col:
                continue
            value = self.value(cell)
            if value is None:
                continue
            if column > len(values):
                values.extend([None] * (column - len(values)))
            values[column - 1] = value
        return tuple(values) if values else None


def iter_rows(archive: zipfile.ZipFile, part: str, cells: SheetCells, min_row: int, max_row: int,
              max_col: int) -> Iterator[tuple[int, tuple]]:
    """(row number, values) for the rows ``min_row``..``max_row`` of ``part`` that hold a value.

    Rows parsed are dropped from the tree at once, so memory stays flat however long the sheet is.
    """
    number = 0
    sheet_data = None
    with archive.open(part) as stream:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            if event == "start":
                if element.tag == _SHEET_DATA:
                    sheet_data = element
                continue
            if element.tag != _ROW:
                continue
            given = element.get("r")
            number = int(given) if given else number + 1
            if not 0 < number <= EXCEL_LAST_ROW:
                raise SheetDataError(_tr("a row is numbered {number}, beyond the last row of a worksheet "
                                         "({last:,})").format(number=number, last=EXCEL_LAST_ROW))
            if number > max_row:
                return
            if number >= min_row:
                values = cells.row_values(element, max_col)
                if values is not None:
                    yield number, values
            element.clear()
            if sheet_data is not None:
                sheet_data.clear()


def scan(stream) -> tuple[list[str], array, int]:
    """One pass over a sheet's raw XML, without parsing it: its merged ranges, the numbers of the rows
    that hold a value (so that rows past a point can be counted without reading them) and the number of its
    last row, with or without a value (how far a whole load of the sheet would reach)."""
    merges: list[str] = []
    rows = array("l")
    tail, number, last = b"", 0, 0
    while chunk := stream.read(1 << 22):
        data = tail + chunk
        end = 0
        for match in _ROW_ELEMENT.finditer(data):
            given = _ROW_NUMBER.search(match.group(1))
            number = int(given.group(1)) if given else number + 1
            last = max(last, number)
            body = match.group(2)
            if body and _VALUE_ELEMENT.search(body):
                rows.append(number)
            end = match.end()
        rest = data[end:]
        unfinished = _ROW_START.search(rest)  # a row that goes on in the next chunk
        done = rest[:unfinished.start()] if unfinished else rest
        if b"mergeCell" in done and len(merges) < MAX_MERGES:
            merges.extend(m.group(1).decode("ascii") for m in _MERGE.finditer(done))
        tail = rest[unfinished.start():] if unfinished else rest[-200:]
    return list(dict.fromkeys(merges))[:MAX_MERGES], rows, last
